/** NumPy .npy v1.0 writer for float32 arrays (little-endian '<f4', C order). */

export function encodeNpy(data: Float32Array, shape: readonly number[]): Uint8Array {
  const expected = shape.reduce((a, b) => a * b, 1);
  if (expected !== data.length)
    throw new Error(`encodeNpy: shape [${shape.join(', ')}] needs ${expected} values, got ${data.length}.`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${shapeText}, }`;
  // magic(6) + version(2) + header length(2) + header, padded with spaces to a multiple of 64, ending in \n
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  const out = new Uint8Array(total + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  const body = new Float32Array(out.buffer, total, data.length);
  body.set(data); // platform order: little-endian on every machine we target
  return out;
}
