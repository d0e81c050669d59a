/** File names and the window title for graphs: safe on every OS, recognisable, unsaved work marked. */

export const GRAPH_FILE_SUFFIX = '.scoregraph.json';

/** `<name>.scoregraph.json`, with characters no file system accepts replaced. */
export function graphFileName(name: string): string {
  const base = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, 80)
    .trim();
  return `${base || 'graph'}${GRAPH_FILE_SUFFIX}`;
}

/** The browser tab's title: a dot marks unsaved changes. */
export function documentTitle(name: string, dirty: boolean): string {
  return `${dirty ? '● ' : ''}${name.trim() || 'Untitled graph'} — scoregraph`;
}

/** `viewer` of graph `name` as an image file name. */
export function imageFileName(graphName: string, nodeId: string): string {
  return graphFileName(graphName).replace(GRAPH_FILE_SUFFIX, `-${nodeId}.png`);
}
