// Which "Shared in" cells change, as one span to write: marking a finished issue's wins (only those that still
// qualify, read fresh) and retagging the whole column when an issue is cancelled.
import { Columns, decodeRow, encodeCell } from './log-columns';
import { addTag, audienceAllows, isApproved, WinForNewsletter } from './newsletter';
import type { Issue } from './newsletter-issues';
import type { Audience } from './settings';
import { fromCell } from './text';

/** Cells to write in the Shared in column, from sheet row `row` down, one value a row. */
export interface SharedInWrite {
  row: number;
  values: unknown[][];
}

/** Why a win of the issue no longer qualifies for its audience, or '' when it still does. */
export function changedSince(
  audience: Audience,
  win: Pick<WinForNewsletter, 'status' | 'consent' | 'consentGiven' | 'namesStudents' | 'privacyCleared'>,
): string {
  if (!isApproved(win.status)) return `no longer approved: ${win.status.trim() || 'no status'}`;
  if (!audienceAllows(audience, win)) return `its consent or privacy check no longer allows ${audience}`;
  return '';
}

/** The log rows of the wins still in the log, in the issue's order. */
export function rowsOf(winIds: readonly string[], idRows: ReadonlyMap<string, number>): number[] {
  return winIds.map((id) => idRows.get(id)).filter((r): r is number => r !== undefined);
}

/**
 * Marking an issue's wins as shared in it. `block` holds the wins' rows as read fresh, indexed by row - `first`
 * (empty when none is in the log). Wins no longer in the log, or no longer qualifying, are skipped, each as
 * "ID (why)". Cells are written back as text (like every Shared in write), so "007" or "3/4" typed by hand stays
 * as typed; the span runs from the first to the last changed cell.
 */
export function planMarks(
  issue: Pick<Issue, 'audience' | 'number' | 'winIds'>,
  idRows: ReadonlyMap<string, number>,
  first: number,
  block: readonly (readonly unknown[])[],
  columns: Columns,
): { write: SharedInWrite | null; skipped: string[] } {
  const tag = { audience: issue.audience, number: issue.number };
  const skipped: string[] = issue.winIds.filter((id) => !idRows.has(id)).map((id) => `${id} (no longer in the log)`);
  const col = columns.sharedIn;
  const before = block.map((r) => fromCell(r[col]));
  const next = before.map((v) => encodeCell('sharedIn', v));
  let lo = -1;
  let hi = -1;
  for (const id of issue.winIds) {
    const row = idRows.get(id);
    if (row === undefined) continue;
    const i = row - first;
    const win = decodeRow(block[i], columns);
    const why = changedSince(issue.audience, {
      status: win.status ?? '',
      consent: win.consent ?? '',
      consentGiven: win.consentGiven ?? '',
      namesStudents: win.namesStudents ?? '',
      privacyCleared: win.privacyCleared ?? '',
    });
    if (why) {
      skipped.push(`${id} (${why})`);
      continue;
    }
    const value = addTag(before[i], tag);
    if (value === before[i]) continue;
    next[i] = encodeCell('sharedIn', value);
    if (lo < 0 || i < lo) lo = i;
    if (i > hi) hi = i;
  }
  const write = lo < 0 ? null : { row: first + lo, values: next.slice(lo, hi + 1).map((v) => [v]) };
  return { write, skipped };
}

/**
 * Rewriting the Shared in column (rows 2..) through `change`: `ids` and `cells` are the ID and Shared in columns as
 * text. Rows without an ID are left alone; `changed` counts the cells that change.
 */
export function retagSpan(
  ids: readonly string[],
  cells: readonly string[],
  change: (cell: string, id: string) => string,
): { write: SharedInWrite | null; changed: number } {
  let first = -1;
  let lastChanged = -1;
  const next = cells.slice();
  ids.forEach((id, i) => {
    if (!id) return;
    const v = change(cells[i], id);
    if (v !== cells[i]) {
      next[i] = v;
      if (first < 0) first = i;
      lastChanged = i;
    }
  });
  if (first < 0) return { write: null, changed: 0 };
  const values = next.slice(first, lastChanged + 1).map((v) => [encodeCell('sharedIn', v)]);
  return { write: { row: first + 2, values }, changed: next.filter((v, i) => v !== cells[i]).length };
}
