/**
 * A 5×8 bitmap font for labels on headless plots (axes, ticks, legends): the classic 5×7 LCD
 * glyphs, one byte per column, bit 0 at the top (bit 7: descenders of g, p, q, y).
 */

const CHARS = ' !%()*+,-./0123456789:=?ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyzσ×→';
const COLUMNS =
  '000000000000005f00002313086462001c2241000041221c002a1c7f1c2a08083e080800807030000808080808000060' +
  '600020100804023e5149453e00427f400072494949462141494d331814127f1027454545393c4a494931412111090736' +
  '49494936464949291e0000140000141414141402015909067c1211127c7f494949363e414141227f4141413e7f494949' +
  '417f090909013e414151737f0808087f00417f41002040413f017f081422417f404040407f021c027f7f0408107f3e41' +
  '41413e7f090909063e4151215e7f09192946264949493203017f01033f4040403f1f2040201f3f4038403f6314081463' +
  '03047804036159494d43007f414141004141417f404040404020545478407f284444383844444428384444287f385454' +
  '541800087e090218a4a49c787f0804047800447d40002040403d007f1028440000417f40007c047804787c0804047838' +
  '44444438fc1824241818242418fc7c08040408485454542404043f44243c4040207c1c2040201c3c4030403c44281028' +
  '444c9090907c4464544c443844443c04221408142208082a1c08';

const GLYPHS = new Map<string, readonly number[]>([
  ['•', [0, 0, 0x08, 0, 0]],
  ["'", [0, 0, 0x07, 0, 0]],
  ...[...CHARS].map((c, i): [string, number[]] => [
    c,
    [0, 1, 2, 3, 4].map((k) => parseInt(COLUMNS.slice((i * 5 + k) * 2, (i * 5 + k) * 2 + 2), 16)),
  ]),
]);

/** Width of one character cell in pixels at scale 1 (5 columns + 1 of spacing). */
export const CHAR_WIDTH = 6;
export const CHAR_HEIGHT = 8;

/** The columns of a glyph; unknown characters draw as "?". */
export function glyph(char: string): readonly number[] {
  return GLYPHS.get(ALIASES[char] ?? char) ?? GLYPHS.get(char.toLowerCase()) ?? GLYPHS.get('?')!;
}

/** Characters drawn with another glyph (dashes as hyphens, the middle dot as a period raised). */
const ALIASES: Record<string, string> = { '–': '-', '—': '-', '−': '-', '·': '•', '’': "'" };

export function textWidth(text: string, scale = 1): number {
  return [...text].length * CHAR_WIDTH * scale - scale;
}
