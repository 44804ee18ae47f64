// Which "Shared in" cells change, as one span to write: marking a finished issue's wins (only those that still
// qualify, read fresh) and retagging the whole column when an issue is cancelled or a draft rebuilt.
import { Columns, encodeCell } from './log-columns';
import type { Issue } from './newsletter-issues';
import { LeftOut, recheck } from './newsletter-recheck';
import { fromCell } from './text';
import { addTag, Win } from './win';

/** Cells to write in the Shared in column, from sheet row `row` down, one value a row. */
export interface SharedInWrite {
  row: number;
  values: unknown[][];
}

/**
 * Marking an issue's wins as shared in it. `read` holds the wins as just read (under the lock): the span of their
 * rows from sheet row `first` (block index = row - first) and each win's row by ID. Wins no longer in the log, or no
 * longer qualifying (recheck decides, as for the Doc and the draft), are skipped and returned. Cells are written
 * back as text (like every Shared in write), so "007" or "3/4" typed by hand stays as typed; the span runs from the
 * first to the last changed cell.
 */
export function planMarks(
  issue: Pick<Issue, 'audience' | 'number' | 'winIds'>,
  read: {
    first: number;
    block: readonly (readonly unknown[])[];
    wins: ReadonlyMap<string, Win>;
    rows: ReadonlyMap<string, { row: number }>;
  },
  columns: Columns,
): { write: SharedInWrite | null; skipped: LeftOut[] } {
  const tag = { audience: issue.audience, number: issue.number };
  const { keep, leftOut } = recheck(issue, read.wins);
  const col = columns.sharedIn;
  const before = read.block.map((r) => fromCell(r[col]));
  const next = before.map((v) => encodeCell('sharedIn', v));
  let lo = -1;
  let hi = -1;
  for (const win of keep) {
    const row = read.rows.get(win.id)?.row;
    if (row === undefined) continue;
    const i = row - read.first;
    const value = addTag(before[i], tag);
    if (value === before[i]) continue;
    next[i] = encodeCell('sharedIn', value);
    if (lo < 0 || i < lo) lo = i;
    if (i > hi) hi = i;
  }
  const write = lo < 0 ? null : { row: read.first + lo, values: next.slice(lo, hi + 1).map((v) => [v]) };
  return { write, skipped: leftOut };
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
