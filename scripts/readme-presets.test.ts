/** The README's tour names every shipped preset (issue 12 item 9: it listed 7 of the menu's 8). */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('README tour', () => {
  it('names every preset in graphs/', () => {
    const readme = readFileSync('README.md', 'utf8');
    const tour = readme.slice(readme.indexOf('**Presets**'), readme.indexOf('**Build**'));
    const presets = readdirSync('graphs')
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    expect(presets.length).toBeGreaterThan(0);
    for (const name of presets) expect(tour, name).toContain(`\`${name}\``);
  });
});
