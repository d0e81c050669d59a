import { describe, expect, it } from 'vitest';
import { chordOf, describeChord } from './keys';
import { CommandRegistry } from './registry';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard chords', () => {
  it('names presses in a fixed order, case-insensitive', () => {
    expect(chordOf(key('z', { ctrlKey: true }))).toBe('mod+z');
    expect(chordOf(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('mod+shift+z');
    expect(chordOf(key('Enter', { ctrlKey: true }))).toBe('mod+enter');
    expect(chordOf(key('Delete'))).toBe('delete');
  });

  it('describes chords for tooltips', () => {
    expect(describeChord('mod+shift+z')).toBe('Ctrl+Shift+Z');
    expect(describeChord('delete')).toBe('Del');
  });
});

describe('command registry', () => {
  it('runs commands by id and refuses disabled ones with the reason', async () => {
    const registry = new CommandRegistry();
    let ran = 0;
    registry.add(
      { id: 'a', label: 'A', run: () => void ran++ },
      { id: 'b', label: 'B', disabled: () => 'not now', run: () => void ran++ },
    );
    await registry.run('a');
    await expect(registry.run('b')).rejects.toThrow('B is not available: not now');
    await expect(registry.run('c')).rejects.toThrow('No command "c"');
    expect(ran).toBe(1);
    expect(() => registry.add({ id: 'a', label: 'again', run: () => {} })).toThrow('twice');
  });
});
