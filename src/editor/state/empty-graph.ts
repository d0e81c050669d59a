/** A new, empty graph. */
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph } from '../../graph';

export function emptyGraph(name = 'Untitled'): Graph {
  return Object.freeze({ format: GRAPH_FORMAT, version: GRAPH_VERSION, name, nodes: [], edges: [] });
}
