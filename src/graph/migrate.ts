/**
 * Migrations from older file versions: one small function per step (n → n+1).
 * Version 1 is the first, so the list is empty; a version-2 change adds `1: (file) => …` here.
 */
import { GRAPH_VERSION } from './types';

type RawFile = Record<string, unknown>;
export const MIGRATIONS: Record<number, (file: RawFile) => RawFile> = {};

/** Brings `file` up to GRAPH_VERSION, or returns a message when it cannot. */
export function migrate(file: RawFile, migrations = MIGRATIONS): { file: RawFile } | { message: string } {
  let version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return {
      message: `The file's "version" must be a whole number from 1 (got ${JSON.stringify(version) ?? 'nothing'}).`,
    };
  if (version > GRAPH_VERSION)
    return {
      message: `This graph was saved by a newer scoregraph (file version ${version}); this one reads up to version ${GRAPH_VERSION}. Update scoregraph to open it.`,
    };
  let current = file;
  while (version < GRAPH_VERSION) {
    const step = migrations[version];
    if (!step) return { message: `No migration from file version ${version} exists.` };
    current = { ...step(current), version: version + 1 };
    version += 1;
  }
  return { file: current };
}
