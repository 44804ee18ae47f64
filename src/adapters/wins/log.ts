// The Wins sheet, owned here and nowhere else: finding it (by name, or by its header when a person renamed it), its
// columns by header, wins read by ID and decoded once, columns and spans read in as few calls as pay, and every
// write. Reads go through `ss.getRange(A1 with the sheet's name)`: no getSheetByName, no getLastRow.
import { a1Range, a1Row } from '../../domain/a1';
import {
  allColumns,
  Columns,
  decodeRow,
  encodeRow,
  locateColumns,
  looksLikeLogHeader,
  missingColumnsProblem,
  rowsById,
} from '../../domain/log-columns';
import { WINS_SHEET, WinField } from '../../domain/schema';
import type { SharedInWrite } from '../../domain/shared-in-marks';
import { planColumnReads, planRowReads } from '../../domain/triage-queue';
import { cellString } from '../../domain/text';
import { findWaitingNotice, waitingNotice } from '../../domain/waiting-notice';
import { decodeWin, Win } from '../../domain/win';

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The open log: where it is and where each field's column is (found by header on every execution). */
export interface WinsLog {
  ss: Spreadsheet;
  sheetName: string;
  columns: Columns;
  /** Cells per row, a person's own columns included. */
  width: number;
  header: string[];
  /** Form responses waiting for the catch-up, as the header row's notice says (0 without one). */
  waiting: number;
}

const SHEETS = new WeakMap<WinsLog, Sheet>();

/** The log's Sheet, for the few writes that need one (appendRow, formatting): one call, once per execution. */
export function sheetOf(log: WinsLog): Sheet {
  let sheet = SHEETS.get(log);
  if (!sheet) {
    sheet = log.ss.getSheetByName(log.sheetName) ?? undefined;
    if (!sheet) throw new Error(`The "${log.sheetName}" sheet is missing. Run Small Wins → Set up to restore it.`);
    SHEETS.set(log, sheet);
  }
  return sheet;
}

/**
 * The log's sheet: "Wins", or when a person renamed it, the one sheet whose header is a wins log's (found by
 * header; only this failure path reads other sheets). Null with a sentence for the leader when there is none.
 */
export function findLogSheet(ss: Spreadsheet): { sheet: Sheet | null; problem?: string } {
  const named = ss.getSheetByName(WINS_SHEET);
  if (named) return { sheet: named };
  const candidates = ss.getSheets().filter((s) => {
    const width = s.getLastColumn();
    return width > 0 && looksLikeLogHeader(s.getRange(1, 1, 1, width).getValues()[0]);
  });
  if (candidates.length === 1) return { sheet: candidates[0] };
  if (candidates.length > 1) {
    const names = candidates.map((s) => `"${s.getName()}"`).join(', ');
    return {
      sheet: null,
      problem: `The "${WINS_SHEET}" sheet is missing, and the sheets ${names} all look like wins logs. Rename the one Small Wins should use back to "${WINS_SHEET}".`,
    };
  }
  return { sheet: null, problem: `The "${WINS_SHEET}" sheet is missing. Run Small Wins → Set up to restore it.` };
}

/**
 * Reads the header row (two calls) and finds every field's column. The sheet is looked up by name only when the
 * read fails, to say whether it is missing or renamed. Null with a sentence for the leader when the log cannot
 * be used (missing, or missing columns).
 */
export function tryOpenWinsLog(ss: Spreadsheet): { log: WinsLog | null; problem?: string } {
  let header: unknown[];
  let sheetName: string = WINS_SHEET;
  let headerRange: Range;
  try {
    headerRange = ss.getRange(a1Row(WINS_SHEET, 1));
    header = headerRange.getValues()[0];
  } catch (err) {
    // Missing, or renamed by a person: then the log is found by its header.
    const found = findLogSheet(ss);
    if (!found.sheet) return { log: null, problem: found.problem };
    sheetName = found.sheet.getName();
    if (sheetName === WINS_SHEET) throw err;
    headerRange = ss.getRange(a1Row(sheetName, 1));
    header = headerRange.getValues()[0];
  }
  return logFromHeader(ss, sheetName, header);
}

/** The log's columns found in its header row (no call); a sentence for the leader when columns are missing. */
function logFromHeader(
  ss: Spreadsheet,
  sheetName: string,
  header: readonly unknown[],
): { log: WinsLog; problem?: undefined } | { log: null; problem: string } {
  const text = header.map((h) => cellString(h));
  const located = locateColumns(text);
  const columns = allColumns(located);
  if (!columns) return { log: null, problem: missingColumnsProblem(located, WINS_SHEET) };
  return {
    log: {
      ss,
      sheetName,
      columns,
      width: located.width,
      header: text.slice(0, located.width),
      waiting: findWaitingNotice(header)?.count ?? 0,
    },
  };
}

/** The log from its sheet and a header row already read (Set up reads it to repair it): no further call. */
export function winsLogFromHeader(
  ss: Spreadsheet,
  sheet: Sheet,
  sheetName: string,
  header: readonly unknown[],
): WinsLog {
  const { log, problem } = logFromHeader(ss, sheetName, header);
  if (!log) throw new Error(problem);
  SHEETS.set(log, sheet);
  return log;
}

/** As tryOpenWinsLog, throwing the sentence for the leader when the log cannot be used. */
export function openWinsLog(ss: Spreadsheet): WinsLog {
  const { log, problem } = tryOpenWinsLog(ss);
  if (!log) throw new Error(problem);
  return log;
}

export function range(log: WinsLog, row: number, column: number, rows: number | null, columns: number): Range {
  return log.ss.getRange(a1Range(log.sheetName, row, column, rows, columns));
}

/** A new win below the last row, in one write (a person's own columns stay blank). */
export function appendWin(log: WinsLog, values: Partial<Record<WinField, string>>): void {
  sheetOf(log).appendRow(encodeRow(values, log.columns, log.width));
}

/** Several wins appended in one write under the lock (the catch-up); appendRow stays the one-win path. */
export function appendWins(log: WinsLog, wins: ReadonlyArray<Partial<Record<WinField, string>>>): void {
  if (!wins.length) return;
  const sheet = sheetOf(log);
  const rows = wins.map((w) => encodeRow(w, log.columns, log.width));
  const last = sheet.getLastRow();
  if (last + rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
  sheet.getRange(last + 1, 1, rows.length, rows[0].length).setValues(rows);
}

/** The Response key of every win in the log (one read), for telling which responses reached it. */
export function loggedResponseKeys(log: WinsLog): string[] {
  return (readColumns(log, ['responseKey']).cells.responseKey ?? []).map((v) => cellString(v).trim());
}

/**
 * Shows, updates or clears the waiting notice in the header row (domain/waiting-notice.ts): in the cell that holds
 * it, else the first empty header cell after the log's columns (a column is added when the sheet has none spare).
 * `next` gets the count the notice shows now (0 without one). Reads the header row; writes only on a change. The
 * log is the open one, or found in the spreadsheet (nothing happens when there is none).
 */
export function updateWaitingNotice(target: WinsLog | Spreadsheet, next: (shown: number) => number): number {
  const sheet = 'columns' in target ? sheetOf(target) : findLogSheet(target).sheet;
  if (!sheet) return 0;
  const width = Math.max(sheet.getMaxColumns(), 1);
  const header = sheet.getRange(1, 1, 1, width).getValues()[0];
  const found = findWaitingNotice(header);
  const count = Math.max(0, next(found?.count ?? 0));
  if (count === (found?.count ?? 0)) return count;
  if (count === 0) {
    sheet.getRange(1, found!.column + 1).setValue('');
    return 0;
  }
  let column = found ? found.column + 1 : 0;
  if (!column) {
    column = header.reduce<number>((w, h, i) => (cellString(h).trim() ? i + 1 : w), 0) + 1;
    if (column > width) sheet.insertColumnsAfter(width, 1);
  }
  sheet.getRange(1, column).setValue(waitingNotice(count));
  return count;
}

// ---- Columns -----------------------------------------------------------------------------------------------

/** Columns of the whole log as read: cells by field for rows 2..last (index i is sheet row i + 2). */
export interface LogColumns {
  /** The last sheet row holding anything in the columns read (1 when the log is empty). */
  last: number;
  cells: Partial<Record<WinField, unknown[]>>;
}

/**
 * Reads `fields` for every row, neighbouring columns in one block when the cells in between cost less than a call,
 * each block open-ended (to the sheet's last row), so no getLastRow is needed: where the cells stop is where the
 * log stops. `sizeHint` only shapes the plan.
 */
export function readColumns(log: WinsLog, fields: readonly WinField[], sizeHint = 5000): LogColumns {
  const wanted = Array.from(new Set(fields));
  const byColumn = new Map<number, WinField[]>();
  for (const f of wanted) byColumn.set(log.columns[f], [...(byColumn.get(log.columns[f]) ?? []), f]);
  const raw = new Map<WinField, unknown[]>();
  for (const span of planColumnReads(Array.from(byColumn.keys()), sizeHint)) {
    const values = range(log, 2, span.first + 1, null, span.last - span.first + 1).getValues();
    for (let c = span.first; c <= span.last; c++) {
      for (const f of byColumn.get(c) ?? [])
        raw.set(
          f,
          values.map((r: unknown[]) => r[c - span.first]),
        );
    }
  }
  let count = 0;
  for (const column of raw.values()) {
    for (let i = column.length - 1; i >= count; i--) {
      if (cellString(column[i]).trim()) {
        count = i + 1;
        break;
      }
    }
  }
  const cells: LogColumns['cells'] = {};
  for (const [f, column] of raw) cells[f] = column.slice(0, count);
  return { last: count + 1, cells };
}

/** ID → sheet row from an ID column read by readColumns (a repeated ID counts at its first row). */
export function idRowsOf(columns: LogColumns): Map<string, number> {
  return rowsById(columns.cells.id ?? []);
}

/** Writes one field's cells for rows 2.. (as many as given) in one call. */
export function writeColumn(log: WinsLog, field: WinField, cells: unknown[]): void {
  if (!cells.length) return;
  range(log, 2, log.columns[field] + 1, cells.length, 1).setValues(cells.map((v) => [v]));
}

/** Writes a span of one field's cells (`write.row` down) in one call. */
export function writeSpan(log: WinsLog, field: WinField, write: SharedInWrite): void {
  range(log, write.row, log.columns[field] + 1, write.values.length, 1).setValues(write.values);
}

// ---- Wins by ID ----------------------------------------------------------------------------------------------

/** Above this many cells, a span of wins is read column by column instead of as whole rows. */
const BLOCK_CELLS = 150000;

export interface WinsRead {
  /** The span read: sheet row `first` is block[0] (cells of the fields read; whole rows unless the span was huge). */
  first: number;
  block: unknown[][];
  /** The wins found, by ID. */
  wins: Map<string, Win>;
  /** Their rows as read, by ID (the whole row, for writing back cells as they were). */
  rows: Map<string, { row: number; cells: unknown[] }>;
  /** The ID → row map used (re-read when a row no longer held its ID). */
  idRows: Map<string, number>;
}

/**
 * The wins with these IDs, read fresh: the span of their rows in one block (or one read per field when the span is
 * huge), at the rows `idRows` gives. When a row no longer holds its ID (the sheet was sorted, rows inserted or
 * deleted since), the ID column is read again and the span with it: 2 calls usually, 6 at most. A win no longer in
 * the log is simply not in the answer.
 */
export function readWinsById(
  log: WinsLog,
  ids: readonly string[],
  idRows: ReadonlyMap<string, number>,
  fields?: readonly WinField[],
): WinsRead {
  const first = readSpanOf(log, ids, idRows, fields);
  if (first.stale) {
    const fresh = idRowsOf(readColumns(log, ['id']));
    return readSpanOf(log, ids, fresh, fields).read;
  }
  return first.read;
}

function readSpanOf(
  log: WinsLog,
  ids: readonly string[],
  idRows: ReadonlyMap<string, number>,
  fields: readonly WinField[] | undefined,
): { read: WinsRead; stale: boolean } {
  const read: WinsRead = { first: 2, block: [], wins: new Map(), rows: new Map(), idRows: new Map(idRows) };
  const rows = ids.map((id) => idRows.get(id)).filter((r): r is number => r !== undefined);
  if (!rows.length) return { read, stale: false };
  const firstRow = Math.min(...rows);
  const lastRow = Math.max(...rows);
  const span = lastRow - firstRow + 1;
  let block: unknown[][];
  if (!fields || span * log.width <= BLOCK_CELLS) {
    try {
      block = range(log, firstRow, 1, span, log.width).getValues();
    } catch {
      // Rows deleted since: the span runs past the end of the sheet.
      return { read, stale: true };
    }
  } else {
    block = Array.from({ length: span }, () => new Array<unknown>(log.width).fill(''));
    for (const f of new Set<WinField>(['id', ...fields])) {
      const values: unknown[][] = range(log, firstRow, log.columns[f] + 1, span, 1).getValues();
      values.forEach((v, i) => (block[i][log.columns[f]] = v[0]));
    }
  }
  read.first = firstRow;
  read.block = block;
  let stale = false;
  for (const id of ids) {
    const row = idRows.get(id);
    if (row === undefined) continue;
    const cells = block[row - firstRow] ?? [];
    if (cellString(cells[log.columns.id]).trim() !== id) {
      stale = true;
      continue;
    }
    read.wins.set(id, decodeWin(cells, log.columns));
    read.rows.set(id, { row, cells });
  }
  return { read, stale };
}

// ---- One win, for triage -------------------------------------------------------------------------------------

export interface FoundWin {
  row: number;
  /** The row's one Range: read, formulas and write all go through it (one getRange per win). */
  range: Range;
  cells: unknown[];
}

function idIn(log: WinsLog, cells: readonly unknown[]): string {
  return cellString(cells[log.columns.id]).trim();
}

/**
 * The win with this ID. The row the sidebar last saw it in is tried first and used only when its ID
 * matches; otherwise (the sheet was sorted, rows inserted) the ID column is read to the end of the sheet.
 */
export function findWin(log: WinsLog, id: string, hint: number): FoundWin | null {
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

// ---- Several wins, for a group action ---------------------------------------------------------------------------

/** A win found by a bulk read: its row, its cells and its formulas (no Range of its own). */
export interface FoundRow {
  row: number;
  cells: unknown[];
  formulas: string[];
}

/** Cells and formulas of the given rows, in as few block reads as pay (one when they sit close together). */
function readRowsWithFormulas(log: WinsLog, rows: readonly number[]): Map<number, FoundRow> {
  const out = new Map<number, FoundRow>();
  // Each block costs a values and a formulas read per cell, so gaps are weighed twice.
  for (const span of planRowReads(rows, log.width * 2)) {
    const r = range(log, span.first, 1, span.last - span.first + 1, log.width);
    const values = r.getValues();
    const formulas = r.getFormulas();
    values.forEach((cells, i) =>
      out.set(span.first + i, { row: span.first + i, cells, formulas: formulas[i].map((f) => cellString(f)) }),
    );
  }
  return out;
}

/**
 * Many wins by ID in a few reads: the rows the sidebar last saw them in are read as blocks (values and formulas)
 * and used when their IDs match; the ID column is read once for the others (the sheet was sorted), then their rows.
 */
export function findWins(log: WinsLog, refs: ReadonlyArray<{ id: string; row: number }>): Map<string, FoundRow> {
  const found = new Map<string, FoundRow>();
  const wanted = refs.map((r) => ({ id: String(r.id).trim(), row: Number(r.row) })).filter((r) => r.id);
  const hinted = wanted.filter((r) => Number.isInteger(r.row) && r.row >= 2).map((r) => r.row);
  let rows = new Map<number, FoundRow>();
  if (hinted.length) {
    try {
      rows = readRowsWithFormulas(log, hinted);
    } catch {
      // A hint past the end of the sheet: every win is looked up by ID below.
    }
  }
  for (const r of wanted) {
    const at = rows.get(r.row);
    if (at && idIn(log, at.cells) === r.id) found.set(r.id, at);
  }
  const missing = wanted.filter((r) => !found.has(r.id));
  if (!missing.length) return found;
  const ids = range(log, 1, log.columns.id + 1, null, 1)
    .getValues()
    .slice(1)
    .map((r: unknown[]) => r[0]);
  const byId = rowsById(ids);
  const rowsOf = missing.map((r) => byId.get(r.id)).filter((row): row is number => row !== undefined);
  const more = rowsOf.length ? readRowsWithFormulas(log, rowsOf) : new Map<number, FoundRow>();
  for (const r of missing) {
    const row = byId.get(r.id);
    const at = row === undefined ? undefined : more.get(row);
    if (at) found.set(r.id, at);
  }
  return found;
}

/**
 * Writes whole rows, each run of adjacent rows in one call; rows between runs are not written (a hand edit there
 * stays). Returns the number of runs.
 */
export function writeRowRuns(log: WinsLog, rows: ReadonlyMap<number, unknown[]>): number {
  const sorted = Array.from(rows.keys()).sort((a, b) => a - b);
  let runs = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const block = sorted.slice(i, j + 1).map((row) => rows.get(row)!);
    range(log, sorted[i], 1, block.length, log.width).setValues(block);
    runs++;
    i = j + 1;
  }
  return runs;
}

/** A row's cells as text by field (for fingerprints and the leader's view). */
export function fieldsOf(log: WinsLog, cells: readonly unknown[]) {
  return decodeRow(cells, log.columns);
}
