// The triage sidebar's own shapes, shared by its modules: what the page knows about the queue, the last change
// (for undo), the line under the filters, and a save that met someone else's change.
import type { OpenResult, TriageChange } from '../../src/api';

/** The queue's answer without its wins: counts, goals, paging and limits. */
export type QueueMeta = Omit<OpenResult, 'wins'>;

/** The four one-key decisions on the current win. */
export type TriageAction = 'approve' | 'feature' | 'needs' | 'archive';

/** How to put back the last change: the win, the version that change produced, and the fields as they were. */
export interface Undo {
  id: string;
  row: number;
  version: string;
  change: TriageChange;
  what: string;
}

export interface Notice {
  text: string;
  error?: boolean;
}

/** A save refused because the win changed since it was read: which fields, and the server's sentence. */
export interface ConflictNote {
  id: string;
  fields: string[];
  message: string;
}
