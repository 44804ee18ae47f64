// Triage's reads of the Wins log at any size, in as few service calls as the cost model allows: a queue index from
// only the columns a query needs (the log's extent found from the Status and Submitted at columns, no getLastRow),
// and a page of rows in as few block reads as pay.
import type { QueueQuery } from '../../api';
import { WinField } from '../../domain/schema';
import { fromCell } from '../../domain/text';
import {
  candidateRows,
  CELL_MS,
  IndexEntry,
  planColumnReads,
  planRowReads,
  READ_CALL_MS,
  Span,
} from '../../domain/triage-queue';
import { range, WinsLog } from './log';

/**
 * Read plans are made for this many rows when the caller has no idea of the log's size: large enough that
 * only neighbouring columns are read together, which is never far from the cheapest plan.
 */
const UNKNOWN_SIZE = 1_000_000;

export interface QueueIndex {
  entries: IndexEntry[];
  /** The last sheet row holding a win (a status or a date); 1 when the log is empty. */
  last: number;
}

/**
 * Index entries for every win with just `fields`, neighbouring columns read in one block. The blocks holding
 * Status and Submitted at are read to the end of the sheet (from row 1, which always exists): where they stop
 * is where the log stops, so no getLastRow call is needed. The other blocks are read only over the rows the
 * status filter keeps (first to last), so a search within "To triage" reads the newest wins' text, not the
 * log's. `sizeHint` (the log's size when the sidebar last asked) only shapes the plan, never what is found.
 */
export function readQueueIndex(
  log: WinsLog,
  fields: readonly WinField[],
  statusFilter: QueueQuery['status'],
  sizeHint?: number,
): QueueIndex {
  const byColumn = new Map<number, WinField[]>();
  for (const f of fields) {
    const c = log.columns[f];
    byColumn.set(c, [...(byColumn.get(c) ?? []), f]);
  }
  const planRows = sizeHint && sizeHint > 0 ? sizeHint : UNKNOWN_SIZE;
  const anchors = [log.columns.status, log.columns.submittedAt];
  const holdsAnchor = (s: Span) => anchors.some((c) => c >= s.first && c <= s.last);
  const others = Array.from(byColumn.keys()).filter((c) => !anchors.includes(c));
  // With every status wanted, or a log so small that reading every row of the other columns costs less than a
  // call, the other columns may join the anchors' blocks; otherwise they wait for the status column, which says
  // over how few rows they need reading.
  const widthOf = (cs: number[]) => (cs.length ? Math.max(...cs) - Math.min(...cs) + 1 : 0);
  const extraCells = (widthOf([...anchors, ...others]) - widthOf(anchors)) * planRows;
  const together = statusFilter === 'All' || extraCells * CELL_MS < READ_CALL_MS;
  const spans = planColumnReads(together ? Array.from(byColumn.keys()) : anchors, planRows);

  // Cells by 0-based column; index i is sheet row i + 2.
  const cells = new Map<number, unknown[]>();
  const keep = (span: Span, values: unknown[][], firstRow: number) => {
    for (let c = span.first; c <= span.last; c++) {
      if (!byColumn.has(c)) continue;
      const column = cells.get(c) ?? [];
      values.forEach((r, i) => {
        if (firstRow + i >= 2) column[firstRow + i - 2] = r[c - span.first];
      });
      cells.set(c, column);
    }
  };
  for (const span of spans.filter(holdsAnchor)) {
    keep(span, range(log, 1, span.first + 1, null, span.last - span.first + 1).getValues(), 1);
  }
  let last = 1;
  const status = cells.get(log.columns.status) ?? [];
  const dates = cells.get(log.columns.submittedAt) ?? [];
  for (let i = Math.max(status.length, dates.length) - 1; i >= 0; i--) {
    if (fromCell(status[i]) || fromCell(dates[i])) {
      last = i + 2;
      break;
    }
  }
  const count = last - 1;
  const rows = count > 0 ? candidateRows(status.slice(0, count).map(fromCell), 2, statusFilter) : null;
  const rest = !rows
    ? []
    : together
      ? spans.filter((s) => !holdsAnchor(s))
      : planColumnReads(others, rows.last - rows.first + 1);
  if (rows) {
    for (const span of rest) {
      keep(
        span,
        range(log, rows.first, span.first + 1, rows.last - rows.first + 1, span.last - span.first + 1).getValues(),
        rows.first,
      );
    }
  }

  const entries: IndexEntry[] = [];
  for (let i = 0; i < count; i++) entries.push({ row: i + 2, fields: {} });
  for (const [c, names] of byColumn) {
    const column = cells.get(c) ?? [];
    for (let i = 0; i < count; i++) {
      const text = fromCell(column[i]);
      for (const f of names) entries[i].fields[f] = text;
    }
  }
  return { entries, last };
}

/** Full rows for the given sheet rows (a page), keyed by row number. */
export function readRowsAt(log: WinsLog, rows: readonly number[]): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  for (const span of planRowReads(rows, log.width)) {
    const values = range(log, span.first, 1, span.last - span.first + 1, log.width).getValues();
    values.forEach((cells, i) => out.set(span.first + i, cells));
  }
  return out;
}
