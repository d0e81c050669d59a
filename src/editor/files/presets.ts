/**
 * The presets menu's content: every graphs/*.json, bundled at build time, with its name and
 * description read from the file and checked like any file (a broken preset is listed with
 * its problem, never opened).
 */
import { parseGraph, type Graph, type KindCatalog, type Problem } from '../../graph';

const bundled = import.meta.glob<string>('../../../graphs/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** Opens on first start. */
export const DEFAULT_PRESET = 'toy-swissroll';

export interface Preset {
  /** The file name without .json: the id used in menus and tests. */
  id: string;
  name: string;
  description: string;
  graph: Graph | null;
  problems: Problem[];
}

/** The presets bundled with this build, the default first, then by name. */
export function bundledPresets(catalog: KindCatalog): Preset[] {
  return presetsFrom(bundled, catalog);
}

/** Presets from file texts keyed by path. */
export function presetsFrom(files: Record<string, string>, catalog: KindCatalog): Preset[] {
  const presets = Object.entries(files).map(([path, text]): Preset => {
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    const parsed = parseGraph(text, catalog);
    if (parsed.ok)
      return {
        id,
        name: parsed.graph.name || id,
        description: parsed.graph.description ?? '',
        graph: parsed.graph,
        problems: [],
      };
    return { id, name: id, description: '', graph: null, problems: parsed.problems };
  });
  return presets.sort((a, b) =>
    a.id === DEFAULT_PRESET ? -1 : b.id === DEFAULT_PRESET ? 1 : a.name.localeCompare(b.name, 'en'),
  );
}
