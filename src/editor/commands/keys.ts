/**
 * The keyboard: maps key presses to command ids. Ignores keys typed into inputs (looked up
 * through shadow roots with composedPath, as events are retargeted at shadow boundaries).
 */
import type { CommandRegistry } from './registry';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "mod+shift+z" for a keyboard event, with keys in a fixed order. */
export function chordOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>,
): string {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key.toLowerCase();
  const parts = [mod && 'mod', event.altKey && 'alt', event.shiftKey && 'shift', key].filter(Boolean);
  return parts.join('+');
}

/** How a chord reads in tooltips: "Ctrl+Shift+Z" (or "⌘⇧Z" on a Mac). */
export function describeChord(chord: string): string {
  const names: Record<string, string> = isMac
    ? { mod: '⌘', shift: '⇧', alt: '⌥', enter: '↩', delete: '⌦', backspace: '⌫', escape: 'Esc' }
    : {
        mod: 'Ctrl',
        shift: 'Shift',
        alt: 'Alt',
        enter: 'Enter',
        delete: 'Del',
        backspace: 'Backspace',
        escape: 'Esc',
      };
  return chord
    .split('+')
    .map((part) => names[part] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join(isMac ? '' : '+');
}

/** True when the event's real target takes typed text (inputs, selects, editable text). */
export function isTyping(event: Event): boolean {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'range', 'color', 'file'].includes(target.type);
  return false;
}

/** Commits the field the event was typed in (blur fires change), keeping the focus there. */
function commitField(event: Event): void {
  const field = event.composedPath()[0];
  if (!(field instanceof HTMLElement)) return;
  field.blur();
  field.focus();
}

/** Listens on `target` for the shortcuts of every command; returns the disposer. */
export function bindKeys(
  target: Window | HTMLElement,
  commands: CommandRegistry,
  enabled: () => boolean,
): () => void {
  const onKey = (event: Event) => {
    const e = event as KeyboardEvent;
    if (!enabled() || e.defaultPrevented) return;
    const typing = isTyping(e);
    const chord = chordOf(e);
    const command = commands.all().find((c) => !c.nativeKey && c.kbd?.includes(chord));
    if (!command || (typing && !command.whileTyping)) return;
    // A value typed but not yet committed counts: leaving the field fires its change event.
    if (typing) commitField(e);
    if (command.disabled?.()) return;
    e.preventDefault();
    void Promise.resolve(command.run()).catch((error: unknown) => console.error(error));
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
