// Reading the wins log for triage at any size, in as few service calls as the cost model allows: the header
// (every execution: columns are found by header, never assumed), a queue index from only the columns a query
// needs, a page of rows in as few block reads as pay, and one win found by ID (its last row as a checked hint).
// Every read goes through `ss.getRange(A1 with the sheet's name)`: no getSheetByName, no getLastRow.
import { a1Range, a1Row } from '../domain/a1';
import { allColumns, missingColumnsProblem, Columns, decodeRow, locateColumns, rowsById } from '../domain/log-columns';
import { WINS_SHEET, WinField } from '../domain/schema';
import { fromCell, cellString } from '../domain/text';
import { findWaitingNotice } from '../domain/waiting-notice';
import type { QueueQuery } from '../api';
import { findLogSheet } from './wins-sheet';
import {
  candidateRows,
  CELL_MS,
  IndexEntry,
  planColumnReads,
  planRowReads,
  READ_CALL_MS,
  Span,
} from '../domain/triage-queue';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The Wins sheet as triage reads it: by name through the spreadsheet, with its columns found by header. */
export interface TriageLog {
  ss: Spreadsheet;
  sheetName: string;
  columns: Columns;
  /** Cells per row, a person's own columns included. */
  width: number;
  /** Form responses waiting for the catch-up, as the header row's notice says (0 without one). */
  waiting: number;
}

/**
 * Reads the header row (two calls). The sheet is looked up by name only when the read fails, to say
 * whether it is missing; then the sentence is for the leader.
 */
export function openTriageLog(ss: Spreadsheet): TriageLog {
  let header: unknown[];
  let sheetName: string = WINS_SHEET;
  try {
    header = ss.getRange(a1Row(WINS_SHEET, 1)).getValues()[0];
  } catch (err) {
    // Missing, or renamed by a person: then the log is found by its header.
    const found = findLogSheet(ss);
    if (!found.sheet) throw new Error(found.problem);
    sheetName = found.sheet.getName();
    if (sheetName === WINS_SHEET) throw err;
    header = ss.getRange(a1Row(sheetName, 1)).getValues()[0];
  }
  const located = locateColumns(header.map((h) => cellString(h)));
  const columns = allColumns(located);
  if (!columns) {
    throw new Error(missingColumnsProblem(located, WINS_SHEET));
  }
  return { ss, sheetName, columns, width: located.width, waiting: findWaitingNotice(header)?.count ?? 0 };
}

function range(log: TriageLog, row: number, column: number, rows: number | null, columns: number): Range {
  return log.ss.getRange(a1Range(log.sheetName, row, column, rows, columns));
}

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
  log: TriageLog,
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
export function readRowsAt(log: TriageLog, rows: readonly number[]): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  for (const span of planRowReads(rows, log.width)) {
    const values = range(log, span.first, 1, span.last - span.first + 1, log.width).getValues();
    values.forEach((cells, i) => out.set(span.first + i, cells));
  }
  return out;
}

export interface FoundWin {
  row: number;
  /** The row's one Range: read, formulas and write all go through it (one getRange per win). */
  range: Range;
  cells: unknown[];
}

function idIn(log: TriageLog, cells: readonly unknown[]): string {
  return cellString(cells[log.columns.id]).trim();
}

/**
 * The win with this ID. The row the sidebar last saw it in is tried first and used only when its ID
 * matches; otherwise (the sheet was sorted, rows inserted) the ID column is read to the end of the sheet.
 */
export function findWin(log: TriageLog, id: string, hint: number): FoundWin | null {
  const wanted = String(id).trim();
  if (!wanted) return null;
  if (Number.isInteger(hint) && hint >= 2) {
    try {
      const hinted = range(log, hint, 1, 1, log.width);
      const cells = hinted.getValues()[0];
      if (idIn(log, cells) === wanted) return { row: hint, range: hinted, cells };
    } catch {
      // The hinted row is past the end of the sheet: search by ID below.
    }
  }
  const ids = range(log, 1, log.columns.id + 1, null, 1)
    .getValues()
    .slice(1)
    .map((r: unknown[]) => r[0]);
  const row = rowsById(ids).get(wanted);
  if (!row) return null;
  const found = range(log, row, 1, 1, log.width);
  return { row, range: found, cells: found.getValues()[0] };
}

export function readFormulas(found: FoundWin): string[] {
  return found.range.getFormulas()[0].map((f) => cellString(f));
}

/** One write of the whole row, through the range it was read from. */
export function writeWin(found: FoundWin, cells: unknown[]): void {
  found.range.setValues([cells]);
}

export function decodeWin(log: TriageLog, cells: readonly unknown[]) {
  return decodeRow(cells, log.columns);
}
