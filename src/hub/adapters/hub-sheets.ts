// The hub's own three sheets (SpreadsheetApp, spreadsheets.currentonly): made or repaired by Set up, read whole once
// per execution, and written back in one block each. Schools keeps the district's rows, order and own columns (only
// the hub's cells change); Practices and Progress are the hub's and are rewritten whole.
import { columnLetter, quotedSheet } from '../../domain/a1';
import { cellString } from '../../domain/text';
import { exportIdFromLink } from '../domain/export-read';
import {
  HUB_SHEETS,
  locate,
  parsePractices,
  parseProgress,
  parseSchools,
  PRACTICE_HEADERS,
  practiceCells,
  PROGRESS_HEADERS,
  progressCells,
  RollUp,
  SCHOOL_COLUMNS,
  SCHOOL_HEADERS,
  schoolCells,
  SchoolField,
} from '../domain/rollup';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const LAYOUT: Array<{ name: string; headers: string[]; widths: number[]; color: string }> = [
  {
    name: HUB_SHEETS.schools,
    headers: SCHOOL_HEADERS,
    widths: [200, 260, 360, 130, 130, 80, 120, 170, 130],
    color: '#e8f0fe',
  },
  {
    name: HUB_SHEETS.practices,
    headers: PRACTICE_HEADERS,
    widths: [180, 160, 100, 220, 360, 300, 220, 200, 90, 130, 130, 90, 120],
    color: '#e6f4ea',
  },
  { name: HUB_SHEETS.progress, headers: PROGRESS_HEADERS, widths: [180, 180, 90, 80, 80, 110, 120], color: '#fef7e0' },
];

/** Set up: each sheet made (header, frozen, widths) or its missing columns added at the right. */
export function ensureHubSheets(ss: Spreadsheet): string[] {
  const changes: string[] = [];
  for (const l of LAYOUT) {
    let sheet = ss.getSheetByName(l.name);
    if (!sheet) {
      sheet = ss.insertSheet(l.name);
      sheet.getRange(1, 1, 1, l.headers.length).setValues([l.headers]).setFontWeight('bold').setBackground(l.color);
      sheet.setFrozenRows(1);
      l.widths.forEach((w, i) => sheet!.setColumnWidth(i + 1, w));
      changes.push(`Created the ${l.name} sheet.`);
      continue;
    }
    const width = Math.max(sheet.getLastColumn(), 1);
    const header = sheet
      .getRange(1, 1, 1, width)
      .getValues()[0]
      .map((h) => cellString(h).trim());
    const used = header.reduce<number>((w, h, i) => (h ? i + 1 : w), 0);
    const missing = l.headers.filter((h) => !header.some((x) => x.toLowerCase() === h.toLowerCase()));
    if (missing.length) {
      if (sheet.getMaxColumns() < used + missing.length)
        sheet.insertColumnsAfter(sheet.getMaxColumns(), used + missing.length - sheet.getMaxColumns());
      sheet
        .getRange(1, used + 1, 1, missing.length)
        .setValues([missing])
        .setFontWeight('bold');
      changes.push(
        `Added the missing column${missing.length > 1 ? 's' : ''} ${missing.map((h) => `"${h}"`).join(', ')} to ${l.name}.`,
      );
    }
    sheet.setFrozenRows(1);
  }
  return changes;
}

/** Whole blocks as read, so they can be written back the same size or cleared below. */
export interface HubRead {
  roll: RollUp;
  schools: { sheet: Sheet; values: unknown[][]; formulas: string[][] };
  sizes: { practices: number; progress: number };
}

function sheetOf(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`The ${name} sheet is missing. Run District hub → Set up to restore it.`);
  return sheet;
}

function block(ss: Spreadsheet, name: string, width: number): unknown[][] {
  const values: unknown[][] = ss.getRange(`${quotedSheet(name)}!A1:${columnLetter(width)}`).getValues();
  let last = values.length;
  while (last > 1 && values[last - 1].every((c) => cellString(c).trim() === '')) last--;
  return values.slice(0, last);
}

/** Reads the three sheets: Schools with its formulas (a person's own columns may hold some), the others whole. */
export function readHub(ss: Spreadsheet): HubRead {
  const sheet = sheetOf(ss, HUB_SHEETS.schools);
  const range = sheet.getDataRange();
  const values: unknown[][] = range.getValues();
  const formulas: string[][] = range.getFormulas();
  const practices = block(ss, HUB_SHEETS.practices, PRACTICE_HEADERS.length);
  const progress = block(ss, HUB_SHEETS.progress, PROGRESS_HEADERS.length);
  return {
    roll: { schools: parseSchools(values), practices: parsePractices(practices), progress: parseProgress(progress) },
    schools: { sheet, values, formulas },
    sizes: { practices: practices.length, progress: progress.length },
  };
}

/** Adds a school's row under the others (one call). */
export function appendSchoolRow(read: HubRead, cells: unknown[]): void {
  const cols = locate(read.schools.values[0] ?? [], SCHOOL_COLUMNS);
  const width = Math.max(read.schools.values[0]?.length ?? 0, SCHOOL_HEADERS.length);
  const row = new Array<unknown>(width).fill('');
  (Object.keys(SCHOOL_COLUMNS) as SchoolField[]).forEach((f, i) => {
    if (cols[f] !== undefined) row[cols[f]] = cells[i];
  });
  read.schools.sheet.getRange(read.schools.values.length + 1, 1, 1, width).setValues([row]);
  read.schools.values.push(row);
  read.schools.formulas.push(new Array<string>(width).fill(''));
}

/** Writes a block at the top of a sheet, growing the sheet when needed and blanking the rows below it. */
function writeBlock(ss: Spreadsheet, name: string, rows: unknown[][], previous: number, width: number): void {
  const sheet = sheetOf(ss, name);
  const needed = Math.max(rows.length, previous);
  const max = sheet.getMaxRows();
  if (needed > max) sheet.insertRowsAfter(max, needed - max);
  sheet.getRange(1, 1, rows.length, width).setValues(rows);
  if (previous > rows.length) sheet.getRange(rows.length + 1, 1, previous - rows.length, width).clearContent();
}

/** Writes the three sheets back: Schools' own cells row by row in one block, the other two whole. */
export function writeHub(ss: Spreadsheet, read: HubRead): void {
  const { values, formulas, sheet } = read.schools;
  const cols = locate(values[0] ?? [], SCHOOL_COLUMNS);
  const byId = new Map(read.roll.schools.map((s) => [s.exportId, s]));
  const keyOf = (row: readonly unknown[]) =>
    (cols.exportId !== undefined ? cellString(row[cols.exportId]).trim() : '') ||
    (cols.link !== undefined ? exportIdFromLink(cellString(row[cols.link])) : '');
  if (values.length > 1) {
    const out = values.map((row, r) => row.map((v, c) => (formulas[r]?.[c] ? formulas[r][c] : v)));
    for (let r = 1; r < out.length; r++) {
      const school = byId.get(keyOf(values[r]));
      if (!school) continue;
      const cells = schoolCells(school);
      (Object.keys(SCHOOL_COLUMNS) as SchoolField[]).forEach((f, i) => {
        if (cols[f] !== undefined) out[r][cols[f]] = cells[i];
      });
    }
    sheet.getRange(1, 1, out.length, out[0].length).setValues(out);
  }
  writeBlock(
    ss,
    HUB_SHEETS.practices,
    [PRACTICE_HEADERS, ...read.roll.practices.map(practiceCells)],
    read.sizes.practices,
    PRACTICE_HEADERS.length,
  );
  writeBlock(
    ss,
    HUB_SHEETS.progress,
    [PROGRESS_HEADERS, ...read.roll.progress.map(progressCells)],
    read.sizes.progress,
    PROGRESS_HEADERS.length,
  );
  read.sizes = { practices: read.roll.practices.length + 1, progress: read.roll.progress.length + 1 };
}
