/** The zod schema of the file's structure (version 1). Graph-level meaning is checked in check.ts. */
import { z } from 'zod';
import { LIMITS } from './limits';
import { GRAPH_FORMAT, ID_PATTERN } from './types';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const nodeSchema = z.strictObject({
  id: z
    .string()
    .max(LIMITS.idChars)
    .regex(ID_PATTERN, 'must start with a letter and use only letters, digits, "_" and "-"'),
  type: z.string().min(1).max(100),
  params: z.record(z.string().max(100), z.unknown()).default({}),
  position: z.tuple([finite, finite]).optional(),
  collapsed: z.boolean().optional(),
  label: z.string().max(LIMITS.nameChars).optional(),
});

export const edgeSchema = z.strictObject({
  from: z.string().max(LIMITS.idChars * 2 + 1),
  to: z.string().max(LIMITS.idChars * 2 + 1),
});

export const graphSchema = z.strictObject({
  format: z.literal(GRAPH_FORMAT),
  version: z.number().int().min(1),
  name: z.string().max(LIMITS.nameChars),
  description: z.string().max(LIMITS.descriptionChars).optional(),
  nodes: z.array(nodeSchema).max(LIMITS.nodes),
  edges: z.array(edgeSchema).max(LIMITS.edges),
  view: z
    .strictObject({ x: finite, y: finite, zoom: finite.refine((v) => v > 0, 'must be above 0') })
    .optional(),
  /** Free-form data of other tools; kept, never interpreted. */
  meta: z.record(z.string(), z.unknown()).optional(),
});

export type GraphInput = z.input<typeof graphSchema>;
