/** What the files UI can show at one time: one modal dialog, described as plain data. */
import type { Problem } from '../../graph';
import type { StoredCheckpointSummary } from '../../runtime/checkpoints/browser-store';
import type { Preset } from './presets';

/** How a replace of unsaved work is answered. */
export type ReplaceChoice = 'save' | 'discard' | 'cancel';

export type FileDialog =
  /** A file (link, paste, drop, PNG) did not load: every problem, each with its node and field. */
  | { kind: 'problems'; title: string; problems: readonly Problem[] }
  /** Opening would replace unsaved changes. */
  | { kind: 'replace'; current: string; incoming: string; answer(choice: ReplaceChoice): void }
  | { kind: 'presets'; presets: readonly Preset[] }
  /** A share link, or why there is none (too long). */
  | { kind: 'share'; url: string | null; message: string }
  /** Checkpoints stored in this browser, to use in a model.load node. */
  | { kind: 'checkpoints'; list: readonly StoredCheckpointSummary[]; target: string | null };
