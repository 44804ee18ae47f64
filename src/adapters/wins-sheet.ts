// The Wins sheet: creating and repairing it (header, frozen row, widths, wrapping, dropdowns),
// reading its header to find columns, and appending a win in one write.
import {
  allColumns,
  missingColumnsProblem,
  Columns,
  encodeCell,
  encodeRow,
  locateColumns,
  looksLikeLogHeader,
  planLogRepair,
  repairWinIds,
} from '../domain/log-columns';
import { winId } from '../domain/intake';
import { findWaitingNotice, waitingNotice } from '../domain/waiting-notice';
import {
  WIN_COLUMN_WIDTHS,
  WIN_DROPDOWNS,
  WIN_FIELDS,
  WIN_HEADERS,
  WINS_SHEET,
  WRAPPED_FIELDS,
  WinField,
} from '../domain/schema';
import { cellString } from '../domain/text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface LogHandle {
  sheet: Sheet;
  columns: Columns;
  /** Cells per row, a person's own columns included. */
  width: number;
  header: string[];
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

/** Reads the header row (two calls) and finds every field's column; null when a column is missing. */
export function openLog(ss: Spreadsheet): { log: LogHandle | null; problem?: string } {
  const { sheet, problem } = findLogSheet(ss);
  if (!sheet) return { log: null, problem };
  const header = sheet
    .getRange('1:1')
    .getValues()[0]
    .map((h) => cellString(h));
  const located = locateColumns(header);
  const columns = allColumns(located);
  if (!columns) {
    return { log: null, problem: missingColumnsProblem(located, WINS_SHEET) };
  }
  return { log: { sheet, columns, width: located.width, header: header.slice(0, located.width) } };
}

export function appendWin(log: LogHandle, values: Partial<Record<WinField, string>>): void {
  log.sheet.appendRow(encodeRow(values, log.columns, log.width));
}

export interface EnsureLogResult {
  log: LogHandle;
  changes: string[];
}

/** Creates the Wins sheet or repairs its header, then applies the formatting a hand editor relies on. */
export function ensureLog(ss: Spreadsheet, lastSeen: string[] | null): EnsureLogResult {
  const changes: string[] = [];
  const found = findLogSheet(ss);
  let sheet = found.sheet;
  // Two renamed copies: making a third would copy every response again, so the leader chooses.
  if (!sheet && /look like wins logs/.test(found.problem ?? '')) throw new Error(found.problem);
  if (sheet && sheet.getName() !== WINS_SHEET) {
    const was = sheet.getName();
    sheet.setName(WINS_SHEET);
    changes.push(`Renamed the sheet "${was}" back to "${WINS_SHEET}" (Small Wins finds its log by this name).`);
  }
  if (!sheet) {
    sheet = ss.insertSheet(WINS_SHEET, 0);
    // A new sheet has 26 columns; the log has more.
    if (sheet.getMaxColumns() < WIN_HEADERS.length)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), WIN_HEADERS.length - sheet.getMaxColumns());
    sheet.getRange(1, 1, 1, WIN_HEADERS.length).setValues([WIN_HEADERS]);
    changes.push(`Created the ${WINS_SHEET} sheet.`);
  } else {
    const lastColumn = Math.max(sheet.getLastColumn(), 1);
    const header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
    const repair = planLogRepair(header, lastSeen);
    for (const r of repair.renames) {
      const was = cellString(header[r.column]);
      sheet.getRange(1, r.column + 1).setValue(r.header);
      changes.push(`Renamed the column "${was}" back to "${r.header}" (Small Wins finds its columns by these names).`);
    }
    if (repair.appends.length) {
      // A column with a value in its header cell counts as used: append after the last used column.
      const width = header.reduce<number>((w, h, i) => (cellString(h).trim() ? i + 1 : w), 0);
      if (sheet.getMaxColumns() < width + repair.appends.length) {
        sheet.insertColumnsAfter(sheet.getMaxColumns(), width + repair.appends.length - sheet.getMaxColumns());
      }
      sheet.getRange(1, width + 1, 1, repair.appends.length).setValues([repair.appends]);
      changes.push(
        `Added the missing column${repair.appends.length > 1 ? 's' : ''} ${repair.appends.map((h) => `"${h}"`).join(', ')}.`,
      );
    }
  }
  const opened = openLog(ss);
  if (!opened.log) throw new Error(opened.problem);
  formatLog(opened.log);
  return { log: opened.log, changes };
}

function formatLog(log: LogHandle): void {
  const { sheet, columns, width } = log;
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  sheet.setFrozenRows(1);
  sheet
    .getRange(1, 1, 1, width)
    .setFontWeight('bold')
    .setBackground('#e8f0fe')
    .setWrap(true)
    .setVerticalAlignment('middle');
  for (const f of WIN_FIELDS) {
    const px = WIN_COLUMN_WIDTHS[f];
    if (px) sheet.setColumnWidth(columns[f] + 1, px);
  }
  for (const f of WRAPPED_FIELDS) sheet.getRange(2, columns[f] + 1, rows, 1).setWrap(true);
  for (const [field, choices] of Object.entries(WIN_DROPDOWNS) as Array<[WinField, readonly string[]]>) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(choices.slice(), true)
      .setAllowInvalid(false)
      .setHelpText(`Choose one of: ${choices.join(', ')}.`)
      .build();
    sheet.getRange(2, columns[field] + 1, rows, 1).setDataValidation(rule);
  }
  sheet.getRange(2, 1, rows, width).setVerticalAlignment('top');
}

/**
 * Gives rows without an ID (typed in by hand, or after the ID column was deleted) and later copies of a repeated
 * ID a new one, raising the counter above every W-number present so an ID is never reused. Three column reads and
 * at most one write.
 */
export function repairIds(log: LogHandle, next: number): { next: number; missing: number; repeated: number } {
  const last = lastLogRow(log);
  if (last < 2) return { next, missing: 0, repeated: 0 };
  const ids = readColumn(log, 'id', last);
  const headlines = readColumn(log, 'headline', last);
  const stories = readColumn(log, 'story', last);
  const hasContent = ids.map((_, i) => cellString(headlines[i]).trim() !== '' || cellString(stories[i]).trim() !== '');
  const repair = repairWinIds(ids, hasContent, next, winId);
  if (repair.ids)
    log.sheet.getRange(2, log.columns.id + 1, repair.ids.length, 1).setValues(repair.ids.map((id) => [id]));
  return { next: repair.next, missing: repair.missing, repeated: repair.repeated };
}

/** Several wins appended in one write under the lock (the catch-up); appendRow stays the one-win path. */
export function appendWins(log: LogHandle, wins: ReadonlyArray<Partial<Record<WinField, string>>>): void {
  if (!wins.length) return;
  const rows = wins.map((w) => encodeRow(w, log.columns, log.width));
  const last = log.sheet.getLastRow();
  if (last + rows.length > log.sheet.getMaxRows()) log.sheet.insertRowsAfter(log.sheet.getMaxRows(), rows.length);
  log.sheet.getRange(last + 1, 1, rows.length, rows[0].length).setValues(rows);
}

/** The Response key of every win in the log (one read), for telling which responses reached it. */
export function loggedResponseKeys(log: LogHandle): string[] {
  return readColumn(log, 'responseKey', lastLogRow(log)).map((v) => cellString(v).trim());
}

/**
 * Shows, updates or clears the waiting notice in the header row (domain/waiting-notice.ts): in the cell that holds
 * it, else the first empty header cell after the log's columns (a column is added when the sheet has none spare).
 * `next` gets the count the notice shows now (0 without one). Reads the header row; writes only on a change.
 */
export function updateWaitingNotice(sheet: Sheet, next: (shown: number) => number): number {
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

/** The last row holding data (1 call). Row 1 is the header. */
export function lastLogRow(log: LogHandle): number {
  return log.sheet.getLastRow();
}

/** One field's cells for rows 2..last, in one read (callers read only the columns they need). */
export function readColumn(log: LogHandle, field: WinField, last: number): unknown[] {
  if (last < 2) return [];
  return log.sheet
    .getRange(2, log.columns[field] + 1, last - 1, 1)
    .getValues()
    .map((r: unknown[]) => r[0]);
}

/** Full rows first..last (1-based sheet rows) in one read. */
export function readRows(log: LogHandle, first: number, last: number): unknown[][] {
  if (last < first) return [];
  return log.sheet.getRange(first, 1, last - first + 1, log.width).getValues();
}

/** Overwrites one full row in one write; cells of a person's own columns are passed through unchanged. */
export function writeRow(log: LogHandle, rowNumber: number, row: unknown[]): void {
  log.sheet.getRange(rowNumber, 1, 1, row.length).setValues([row]);
}

/**
 * Rewrites the Goals and Suggested goals columns with renamed goals (one read and at most one write per column).
 * Returns how many wins changed.
 */
export function retagGoals(log: LogHandle, rename: (cell: string) => string): number {
  const last = lastLogRow(log);
  const touched = new Set<number>();
  for (const field of ['goals', 'suggestedGoals'] as const) {
    const cells = readColumn(log, field, last).map((v) => cellString(v));
    const next = cells.map(rename);
    const changed = next.some((v, i) => v !== cells[i]);
    if (!changed) continue;
    next.forEach((v, i) => v !== cells[i] && touched.add(i));
    log.sheet.getRange(2, log.columns[field] + 1, next.length, 1).setValues(next.map((v) => [encodeCell(field, v)]));
  }
  return touched.size;
}
