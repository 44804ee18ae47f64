// Set up's part of the Wins sheet: creating it or repairing its header (renamed or deleted columns), the formatting
// a hand editor relies on (frozen header, widths, wrapping, dropdowns), IDs for rows without one, goal renames.
import { cellString } from '../../domain/text';
import { encodeCell, planLogRepair, repairWinIds } from '../../domain/log-columns';
import { winId } from '../../domain/intake';
import {
  WIN_COLUMNS,
  WIN_COLUMN_WIDTHS,
  WIN_DROPDOWNS,
  WIN_FIELDS,
  WIN_HEADERS,
  WINS_SHEET,
  WRAPPED_FIELDS,
  WinField,
} from '../../domain/schema';
import type { SheetFormat } from '../../domain/sheet-format';
import { keepFormat } from '../sheet-format';
import { findLogSheet, openWinsLog, readColumns, winsLogFromHeader, WinsLog, writeColumn } from './log';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface EnsureLogResult {
  log: WinsLog;
  changes: string[];
  /** Columns Set up added because they were missing (their cells are blank: nothing is widened by that). */
  added: string[];
}

/**
 * Creates the Wins sheet or repairs its header, then keeps the formatting a hand editor relies on: a rerun with
 * nothing to change reads the header once and the formatting in a few calls, and writes nothing.
 */
export function ensureLog(ss: Spreadsheet, lastSeen: string[] | null): EnsureLogResult {
  const changes: string[] = [];
  const found = findLogSheet(ss);
  let sheet = found.sheet;
  let added: string[] = [];
  let made = false;
  let header: unknown[] | null;
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
    made = true;
    header = WIN_HEADERS.slice();
  } else {
    const lastColumn = Math.max(sheet.getLastColumn(), 1);
    header = sheet.getRange(1, 1, 1, lastColumn).getValues()[0];
    const read = header;
    const repair = planLogRepair(read, lastSeen);
    for (const r of repair.renames) {
      const was = cellString(read[r.column]);
      sheet.getRange(1, r.column + 1).setValue(r.header);
      changes.push(`Renamed the column "${was}" back to "${r.header}" (Small Wins finds its columns by these names).`);
    }
    if (repair.appends.length) {
      // A column with a value in its header cell counts as used: append after the last used column.
      const width = read.reduce<number>((w, h, i) => (cellString(h).trim() ? i + 1 : w), 0);
      if (sheet.getMaxColumns() < width + repair.appends.length) {
        sheet.insertColumnsAfter(sheet.getMaxColumns(), width + repair.appends.length - sheet.getMaxColumns());
      }
      sheet.getRange(1, width + 1, 1, repair.appends.length).setValues([repair.appends]);
      changes.push(
        `Added the missing column${repair.appends.length > 1 ? 's' : ''} ${repair.appends.map((h) => `"${h}"`).join(', ')}.`,
      );
      added = repair.appends;
    }
    // A repaired header is read again; an unchanged one is used as read.
    if (repair.renames.length || repair.appends.length) header = null;
  }
  const log = header ? winsLogFromHeader(ss, sheet, WINS_SHEET, header) : openWinsLog(ss);
  const addedFields = WIN_FIELDS.filter((f) => added.includes(WIN_COLUMNS[f]));
  const widths = (made ? WIN_FIELDS : addedFields)
    .filter((f) => WIN_COLUMN_WIDTHS[f])
    .map((f) => ({ column: log.columns[f], px: WIN_COLUMN_WIDTHS[f] as number }));
  keepFormat(sheet, winsFormat(log), log.width, { made, widths });
  return { log, changes, added };
}

/** The Wins sheet's format, its columns found by header. */
function winsFormat(log: WinsLog): SheetFormat {
  return {
    frozenRows: 1,
    header: { fontWeight: 'bold', background: '#e8f0fe', wrap: true, verticalAlignment: 'middle' },
    wrapped: WRAPPED_FIELDS.map((f) => log.columns[f]),
    dropdowns: (Object.entries(WIN_DROPDOWNS) as Array<[WinField, readonly string[]]>).map(([f, choices]) => ({
      column: log.columns[f],
      choices,
    })),
    bodyVerticalAlignment: 'top',
  };
}

/**
 * Gives rows without an ID (typed in by hand, or after the ID column was deleted) and later copies of a repeated
 * ID a new one, raising the counter above every W-number present so an ID is never reused. One read of the
 * columns it needs and at most one write.
 */
export function repairIds(log: WinsLog, next: number): { next: number; missing: number; repeated: number } {
  const read = readColumns(log, ['id', 'headline', 'story']);
  const ids = read.cells.id ?? [];
  if (!ids.length) return { next, missing: 0, repeated: 0 };
  const headlines = read.cells.headline ?? [];
  const stories = read.cells.story ?? [];
  const hasContent = ids.map((_, i) => cellString(headlines[i]).trim() !== '' || cellString(stories[i]).trim() !== '');
  const repair = repairWinIds(ids, hasContent, next, winId);
  if (repair.ids) writeColumn(log, 'id', repair.ids);
  return { next: repair.next, missing: repair.missing, repeated: repair.repeated };
}

/**
 * Rewrites the Goals and Suggested goals columns with renamed goals (one read and at most one write per column).
 * Returns how many wins changed.
 */
export function retagGoals(log: WinsLog, rename: (cell: string) => string): number {
  const read = readColumns(log, ['goals', 'suggestedGoals']);
  const touched = new Set<number>();
  for (const field of ['goals', 'suggestedGoals'] as const) {
    const cells = (read.cells[field] ?? []).map((v) => cellString(v));
    const next = cells.map(rename);
    const changed = next.some((v, i) => v !== cells[i]);
    if (!changed) continue;
    next.forEach((v, i) => v !== cells[i] && touched.add(i));
    writeColumn(
      log,
      field,
      next.map((v) => encodeCell(field, v)),
    );
  }
  return touched.size;
}
