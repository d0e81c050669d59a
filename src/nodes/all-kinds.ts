/** The one list of shipped node kinds (type ids are part of the file format — keep them). */
import type { AnyNodeKind } from './define';

export const ALL_KINDS: readonly AnyNodeKind[] = [];
