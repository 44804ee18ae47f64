// The Showcase sheet: one row per practice, found by its ID; created or repaired by Set up (or on first use), read
// whole (a school nominates a handful of practices a year) and written one row at a time.
import {
  encodePractice,
  locatePracticeColumns,
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
  SHOWCASE_SHEET,
} from '../domain/showcase';

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
}

/** The sheet's practices when it exists, or null: nothing is created (the export reads it this way). */
export function readShowcaseIfAny(ss: Spreadsheet): ShowcaseHandle | null {
  const sheet = ss.getSheetByName(SHOWCASE_SHEET);
  return sheet ? openShowcase(ss, sheet) : null;
}

/** Opens the sheet — creating it, or adding missing columns at the right — and reads every practice. */
export function openShowcase(ss: Spreadsheet, found?: Sheet | null): ShowcaseHandle {
  const sheet = found ?? ss.getSheetByName(SHOWCASE_SHEET);
  if (!sheet) return createShowcase(ss);
  let values: unknown[][] = sheet.getDataRange().getValues();
  let located = locatePracticeColumns(values[0] ?? []);
  const changes: string[] = [];
  if (located.missing.length) {
    const add = located.missing.map((f) => PRACTICE_COLUMNS[f]);
    if (sheet.getMaxColumns() < located.width + add.length)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), located.width + add.length - sheet.getMaxColumns());
    sheet.getRange(1, located.width + 1, 1, add.length).setValues([add]);
    values = (values.length ? values : [[]]).map((r, i) => {
      const row = r.slice(0, located.width);
      while (row.length < located.width) row.push('');
      return i === 0 ? [...row, ...add] : [...row, ...add.map(() => '')];
    });
    located = locatePracticeColumns(values[0]);
    changes.push(
      `Added the missing column${add.length > 1 ? 's' : ''} ${add.map((h) => `"${h}"`).join(', ')} to the ${SHOWCASE_SHEET} sheet.`,
    );
  }
  return {
    sheet,
    columns: located.columns,
    width: located.width,
    practices: parsePractices(values, located.columns),
    values,
    changes,
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
  };
  formatShowcase(handle);
  return handle;
}

/** Frozen header, widths, wrapping and dropdowns, so the sheet reads well by hand (Set up runs it again). */
export function formatShowcase(h: ShowcaseHandle): void {
  const { sheet, columns, width } = h;
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, width).setFontWeight('bold').setBackground('#e6f4ea').setWrap(true);
  for (const f of PRACTICE_FIELDS) {
    const px = PRACTICE_COLUMN_WIDTHS[f];
    if (px && columns[f] !== undefined) sheet.setColumnWidth(columns[f] + 1, px);
  }
  for (const f of PRACTICE_WRAPPED)
    if (columns[f] !== undefined) sheet.getRange(2, columns[f] + 1, rows, 1).setWrap(true);
  for (const [field, choices] of Object.entries(PRACTICE_DROPDOWNS) as Array<[PracticeField, readonly string[]]>) {
    const c = columns[field];
    if (c === undefined) continue;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(choices.slice(), true)
      .setAllowInvalid(false)
      .setHelpText(`Choose one of: ${choices.join(', ')}.`)
      .build();
    sheet.getRange(2, c + 1, rows, 1).setDataValidation(rule);
  }
}

/** Writes a new practice below the last row (one call) and gives it its row number. */
export function appendPractice(h: ShowcaseHandle, p: Practice): void {
  const row = encodePractice(p, h.columns, h.width);
  const at = h.values.length + 1;
  h.sheet.getRange(at, 1, 1, row.length).setValues([row]);
  h.values.push(row);
  p.row = at;
  h.practices.push(p);
}

/** Rewrites the practice's row (one call), keeping a person's own columns. */
export function updatePractice(h: ShowcaseHandle, p: Practice): void {
  const row = encodePractice(p, h.columns, h.width, h.values[p.row - 1]);
  h.sheet.getRange(p.row, 1, 1, row.length).setValues([row]);
  h.values[p.row - 1] = row;
  const i = h.practices.findIndex((x) => x.id === p.id);
  if (i >= 0) h.practices[i] = p;
}

/** Set up's part: the sheet made, or its missing columns added and its formatting applied again. */
export function ensureShowcase(ss: Spreadsheet): string[] {
  const sheet = ss.getSheetByName(SHOWCASE_SHEET);
  const handle = openShowcase(ss, sheet);
  if (sheet) formatShowcase(handle);
  return handle.changes;
}
