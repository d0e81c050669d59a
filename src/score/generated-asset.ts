/**
 * Reads a generated asset (public/assets/generated/…, built by `npm run prepare-assets`): from
 * the file in Node (CLI, tests), from the served URL in the browser worker.
 */

const isNode = () => typeof process !== 'undefined' && typeof process.versions?.node === 'string';

async function readInNode(path: string, what: string): Promise<Uint8Array> {
  // Names in variables keep bundlers from pulling Node built-ins into the browser build.
  const fsName = 'node:fs/promises';
  const urlName = 'node:url';
  const { readFile } = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs/promises');
  const { fileURLToPath } = (await import(/* @vite-ignore */ urlName)) as typeof import('node:url');
  const file = fileURLToPath(new URL(`../../public/${path}`, import.meta.url));
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw new Error(`The ${what} ${file} is missing. Run "npm run prepare-assets" first.`);
  }
}

async function fetchInBrowser(path: string, what: string): Promise<Uint8Array> {
  const env = (import.meta as { env?: { BASE_URL?: string } }).env;
  const base = env?.BASE_URL ?? '/';
  const url = new URL(`${base.endsWith('/') ? base : base + '/'}${path}`, globalThis.location?.href);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load the ${what} from ${url} (HTTP ${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

/** The bytes of the generated asset at `path` (relative to public/); `what` names it in errors. */
export function readGeneratedAsset(path: string, what: string): Promise<Uint8Array> {
  return isNode() ? readInNode(path, what) : fetchInBrowser(path, what);
}
