// The Showcase sheet: one row per practice, found by its ID; created on first use, repaired by Set up, read whole (a
// school nominates a handful of practices a year) and written one row at a time, Small Wins' own cells only.
import {
  encodePractice,
  locatePracticeColumns,
  missingColumnsMessage,
  parsePractices,
  Practice,
  PRACTICE_COLUMN_WIDTHS,
  PRACTICE_COLUMNS,
  PRACTICE_DROPDOWNS,
  PRACTICE_FIELDS,
  PRACTICE_HEADERS,
  PRACTICE_WRAPPED,
  PracticeColumns,
  PracticeField,
  practiceWrites,
  SHOWCASE_SHEET,
} from '../domain/showcase';
import type { SheetFormat } from '../domain/sheet-format';
import { keepFormat } from './sheet-format';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ShowcaseHandle {
  sheet: Sheet;
  columns: PracticeColumns;
  width: number;
  practices: Practice[];
  /** Raw rows (header first), so a person's own columns are written back unchanged. */
  values: unknown[][];
  /** What creating or repairing it changed, in sentences (for Set up). */
  changes: string[];
  /** Columns added now because they were missing (they get their widths). */
  added: PracticeField[];
  /** Columns still missing (a sheet read without repairing it). */
  missing: PracticeField[];
}

/** The sheet as it is: its practices, and the columns renamed or deleted by hand (`missing`). Nothing is written. */
function readSheet(sheet: Sheet): ShowcaseHandle {
  const values: unknown[][] = sheet.getDataRange().getValues();
  const located = locatePracticeColumns(values[0] ?? []);
  return {
    sheet,
    columns: located.columns,
    width: located.width,
    practices: parsePractices(values, located.columns),
    values,
    changes: [],
    added: [],
    missing: located.missing,
  };
}

/**
 * The sheet's practices when it exists, or null: nothing is created or written (the export and the synthesis read it
 * this way). A column renamed or deleted by hand is left missing: see `missing`.
 */
export function readShowcaseIfAny(ss: Spreadsheet): ShowcaseHandle | null {
  const sheet = ss.getSheetByName(SHOWCASE_SHEET);
  return sheet ? readSheet(sheet) : null;
}

/**
 * Opens the sheet for a save, creating it on first use, and reads every practice. A column renamed or deleted by hand
 * is refused in words (a save would write the practice without it and the export would lose it); Set up
 * (`repair`) adds it again at the right.
 */
export function openShowcase(ss: Spreadsheet, found?: Sheet | null, opts: { repair?: boolean } = {}): ShowcaseHandle {
  const sheet = found ?? ss.getSheetByName(SHOWCASE_SHEET);
  if (!sheet) return createShowcase(ss);
  const read = readSheet(sheet);
  const missing = read.missing;
  if (!missing.length) return read;
  if (!opts.repair) throw new Error(missingColumnsMessage(missing));
  const add = missing.map((f) => PRACTICE_COLUMNS[f]);
  if (sheet.getMaxColumns() < read.width + add.length)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), read.width + add.length - sheet.getMaxColumns());
  sheet.getRange(1, read.width + 1, 1, add.length).setValues([add]);
  const values = (read.values.length ? read.values : [[]]).map((r, i) => {
    const row = r.slice(0, read.width);
    while (row.length < read.width) row.push('');
    return i === 0 ? [...row, ...add] : [...row, ...add.map(() => '')];
  });
  const located = locatePracticeColumns(values[0]);
  return {
    sheet,
    columns: located.columns,
    width: located.width,
    practices: parsePractices(values, located.columns),
    values,
    changes: [
      `Added the missing column${add.length > 1 ? 's' : ''} ${add.map((h) => `"${h}"`).join(', ')} to the ${SHOWCASE_SHEET} sheet.`,
    ],
    added: missing.slice(),
    missing: [],
  };
}

function createShowcase(ss: Spreadsheet): ShowcaseHandle {
  const sheet = ss.insertSheet(SHOWCASE_SHEET);
  sheet.getRange(1, 1, 1, PRACTICE_HEADERS.length).setValues([PRACTICE_HEADERS]);
  const located = locatePracticeColumns(PRACTICE_HEADERS);
  const handle: ShowcaseHandle = {
    sheet,
    columns: located.columns,
    width: located.width,
    practices: [],
    values: [PRACTICE_HEADERS.slice()],
    changes: [`Created the ${SHOWCASE_SHEET} sheet for the practices you nominate to the district.`],
    added: PRACTICE_FIELDS.slice(),
    missing: [],
  };
  formatShowcase(handle, true);
  return handle;
}

/**
 * Frozen header, wrapping and dropdowns, so the sheet reads well by hand: all of it on a sheet made now, otherwise
 * only what differs (a rerun of Set up reads it in a few calls and writes nothing). Widths go to columns made now.
 */
export function formatShowcase(h: ShowcaseHandle, made = false): void {
  const { sheet, columns, width } = h;
  const at = (f: PracticeField) => columns[f];
  const format: SheetFormat = {
    frozenRows: 1,
    header: { fontWeight: 'bold', background: '#e6f4ea', wrap: true },
    wrapped: PRACTICE_WRAPPED.map(at).filter((c): c is number => c !== undefined),
    dropdowns: (Object.entries(PRACTICE_DROPDOWNS) as Array<[PracticeField, readonly string[]]>)
      .filter(([f]) => at(f) !== undefined)
      .map(([f, choices]) => ({ column: at(f) as number, choices })),
  };
  const widths = h.added
    .filter((f) => PRACTICE_COLUMN_WIDTHS[f] && at(f) !== undefined)
    .map((f) => ({ column: at(f) as number, px: PRACTICE_COLUMN_WIDTHS[f] as number }));
  keepFormat(sheet, format, width, { made, widths });
}

/** Small Wins' cells of the practice's row: one write per run of its columns (one call as Set up lays them out). */
function writeOwnCells(h: ShowcaseHandle, p: Practice, row: number): void {
  for (const run of practiceWrites(p, h.columns))
    h.sheet.getRange(row, run.column + 1, 1, run.values.length).setValues([run.values]);
}

/** Writes a new practice below the last row and gives it its row number. */
export function appendPractice(h: ShowcaseHandle, p: Practice): void {
  const at = h.values.length + 1;
  writeOwnCells(h, p, at);
  h.values.push(encodePractice(p, h.columns, h.width));
  p.row = at;
  h.practices.push(p);
}

/** Rewrites the practice's own cells; a person's own columns are not written at all. */
export function updatePractice(h: ShowcaseHandle, p: Practice): void {
  writeOwnCells(h, p, p.row);
  h.values[p.row - 1] = encodePractice(p, h.columns, h.width, h.values[p.row - 1]);
  const i = h.practices.findIndex((x) => x.id === p.id);
  if (i >= 0) h.practices[i] = p;
}

/** Set up's part: the sheet made, or its missing columns added and its formatting applied again. */
export function ensureShowcase(ss: Spreadsheet): string[] {
  const sheet = ss.getSheetByName(SHOWCASE_SHEET);
  const handle = openShowcase(ss, sheet, { repair: true });
  if (sheet) formatShowcase(handle);
  return handle.changes;
}
