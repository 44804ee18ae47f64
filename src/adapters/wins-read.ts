// Reading the wins log for triage at any size: a queue index from only the columns a query needs, a page of
// rows in as few block reads as the cost model favours, and one win found by ID (its last row as a checked hint).
import type { LogHandle } from './wins-sheet';
import { decodeRow, rowsById } from '../domain/log-columns';
import { IndexEntry, planColumnReads, planRowReads } from '../domain/triage-queue';
import type { WinField } from '../domain/schema';
import { fromCell } from '../domain/text';

type Range = GoogleAppsScript.Spreadsheet.Range;

/** Index entries for rows 2..last with just `fields`, reading neighbouring columns in one block. */
export function readQueueIndex(log: LogHandle, fields: readonly WinField[], last: number): IndexEntry[] {
  const count = last - 1;
  if (count < 1) return [];
  const entries: IndexEntry[] = [];
  for (let i = 0; i < count; i++) entries.push({ row: i + 2, fields: {} });
  const byColumn = new Map<number, WinField[]>();
  for (const f of fields) {
    const c = log.columns[f];
    byColumn.set(c, [...(byColumn.get(c) ?? []), f]);
  }
  for (const span of planColumnReads(Array.from(byColumn.keys()), count)) {
    const values = log.sheet.getRange(2, span.first + 1, count, span.last - span.first + 1).getValues();
    for (let c = span.first; c <= span.last; c++) {
      const names = byColumn.get(c);
      if (!names) continue;
      for (let i = 0; i < count; i++) {
        const text = fromCell(values[i][c - span.first]);
        for (const f of names) entries[i].fields[f] = text;
      }
    }
  }
  return entries;
}

/** Full rows for the given sheet rows (a page), keyed by row number. */
export function readRowsAt(log: LogHandle, rows: readonly number[]): Map<number, unknown[]> {
  const out = new Map<number, unknown[]>();
  for (const span of planRowReads(rows, log.width)) {
    const values = log.sheet.getRange(span.first, 1, span.last - span.first + 1, log.width).getValues();
    values.forEach((cells, i) => out.set(span.first + i, cells));
  }
  return out;
}

export interface FoundWin {
  row: number;
  range: Range;
  cells: unknown[];
}

function idIn(log: LogHandle, cells: readonly unknown[]): string {
  return String(cells[log.columns.id] ?? '').trim();
}

/**
 * The win with this ID. The row the sidebar last saw it in is tried first and used only when its ID
 * matches; otherwise (the sheet was sorted, rows inserted) the ID column is searched.
 */
export function findWin(log: LogHandle, id: string, hint: number): FoundWin | null {
  const wanted = String(id).trim();
  if (!wanted) return null;
  if (Number.isInteger(hint) && hint >= 2) {
    try {
      const range = log.sheet.getRange(hint, 1, 1, log.width);
      const cells = range.getValues()[0];
      if (idIn(log, cells) === wanted) return { row: hint, range, cells };
    } catch {
      // The hinted row is past the end of the sheet: search by ID below.
    }
  }
  const last = log.sheet.getLastRow();
  if (last < 2) return null;
  const ids = log.sheet.getRange(2, log.columns.id + 1, last - 1, 1).getValues().map((r) => r[0]);
  const row = rowsById(ids).get(wanted);
  if (!row) return null;
  const range = log.sheet.getRange(row, 1, 1, log.width);
  return { row, range, cells: range.getValues()[0] };
}

export function readFormulas(found: FoundWin): string[] {
  return found.range.getFormulas()[0].map((f) => String(f ?? ''));
}

/** One write of the whole row, through the range it was read from. */
export function writeWin(found: FoundWin, cells: unknown[]): void {
  found.range.setValues([cells]);
}

export function decodeWin(log: LogHandle, cells: readonly unknown[]) {
  return decodeRow(cells, log.columns);
}
