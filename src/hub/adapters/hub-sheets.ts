// The hub's own three sheets (SpreadsheetApp, spreadsheets.currentonly): made or repaired by Set up, read whole once
// per execution, and written back in one block each. The hub's columns are found by header; every other column is
// the district's, kept exactly and with its row: Schools keeps the district's rows and order (only the hub's cells
// change); Practices and Progress follow the roll-up's order, the district's cells moving with their row's key.
import { cellString, toCellText } from '../../domain/text';
import { exportIdFromLink } from '../domain/export-read';
import {
  HUB_SHEETS,
  locate,
  parsePractices,
  parseProgress,
  parseSchools,
  PRACTICE_HEADERS,
  practiceCells,
  practiceKey,
  practiceRowKeys,
  PROGRESS_HEADERS,
  progressCells,
  progressKey,
  progressRowKeys,
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

/** A sheet as read once: its values and, when it is to be written back, its formulas. */
export interface HubBlock {
  sheet: Sheet;
  values: unknown[][];
  formulas: string[][];
}

/** The three sheets as read, so they can be written back by header and by row key. */
export interface HubRead {
  roll: RollUp;
  schools: HubBlock;
  practices: HubBlock;
  progress: HubBlock;
}

function sheetOf(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`The ${name} sheet is missing. Run District hub → Set up to restore it.`);
  return sheet;
}

const blank = (v: unknown) => cellString(v).trim() === '';

function readBlock(ss: Spreadsheet, name: string, withFormulas: (values: unknown[][]) => boolean): HubBlock {
  const sheet = sheetOf(ss, name);
  const range = sheet.getDataRange();
  const values: unknown[][] = range.getValues();
  const formulas: string[][] = withFormulas(values) ? range.getFormulas().map((r) => r.map((f) => cellString(f))) : [];
  return { sheet, values, formulas };
}

/**
 * Whether a hub sheet holds cells of the district's own that a write must keep (so their formulas are read): a
 * column beyond the hub's (the data range is wider than the hub's columns found) or a row that is not the hub's.
 */
function holdsOwnCells(values: unknown[][], headers: readonly string[], keys: (v: unknown[][]) => string[]): boolean {
  const found = Object.keys(locate(values[0] ?? [], Object.fromEntries(headers.map((h) => [h, h])))).length;
  if ((values[0]?.length ?? 0) > found) return true;
  return keys(values).some((k, i) => !k && !values[i + 1].every(blank));
}

/**
 * Reads the three sheets (one data range each). `forWriting` also reads the formulas of Practices and Progress when
 * they hold the district's own cells, so those are written back exactly; Schools' formulas are always read.
 */
export function readHub(ss: Spreadsheet, forWriting = false): HubRead {
  const schools = readBlock(ss, HUB_SHEETS.schools, () => true);
  const practices = readBlock(
    ss,
    HUB_SHEETS.practices,
    (v) => forWriting && holdsOwnCells(v, PRACTICE_HEADERS, practiceRowKeys),
  );
  const progress = readBlock(
    ss,
    HUB_SHEETS.progress,
    (v) => forWriting && holdsOwnCells(v, PROGRESS_HEADERS, progressRowKeys),
  );
  return {
    roll: {
      schools: parseSchools(schools.values),
      practices: parsePractices(practices.values),
      progress: parseProgress(progress.values),
    },
    schools,
    practices,
    progress,
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

/**
 * A person's cell as it must be written to stay what it is: a formula as its formula, text as text (so "007", "3/4"
 * and "=== call back ===" are not re-parsed into a number, a date or a formula), numbers, dates and booleans as they
 * are.
 */
function keptCell(value: unknown, formula: string | undefined): unknown {
  if (formula) return formula;
  return typeof value === 'string' ? toCellText(value) : value;
}

/** What a block reads back after `out` was written (for a second write in the same execution). */
function asRead(out: unknown[][]): { values: unknown[][]; formulas: string[][] } {
  return {
    values: out.map((r) =>
      r.map((v) =>
        typeof v === 'string' && v.startsWith("'") ? v.slice(1) : typeof v === 'string' && v.startsWith('=') ? '' : v,
      ),
    ),
    formulas: out.map((r) => r.map((v) => (typeof v === 'string' && v.startsWith('=') ? v : ''))),
  };
}

/**
 * Writes the hub's rows into a sheet in one call, by header and by row key: the hub's columns are found by header
 * wherever the district moved them (a missing one is added at the right); every other column is the district's and
 * its cells move with the row they were typed on (by key), its header untouched. Rows the district typed that are not
 * the hub's (no key) stay below; the rows left over underneath are blanked.
 */
function writeRolled(
  block: HubBlock,
  headers: readonly string[],
  rows: ReadonlyArray<{ key: string; cells: readonly unknown[] }>,
  keysRead: readonly string[],
): void {
  const { sheet, values, formulas } = block;
  const lastUsed = values.reduce((w, r) => {
    for (let c = r.length; c > w; c--) if (!blank(r[c - 1])) return c;
    return w;
  }, 0);
  const header = values[0] ?? [];
  const norm = header.map((h) => cellString(h).trim().toLowerCase());
  const headerOut: unknown[] = header.map((h, c) => keptCell(h, formulas[0]?.[c]));
  let width = lastUsed;
  const columns = headers.map((h) => {
    const at = norm.indexOf(h.toLowerCase());
    if (at >= 0 && at < lastUsed) return at;
    headerOut[width] = h;
    return width++;
  });
  const hubColumn = new Set(columns);
  const own = Array.from({ length: width }, (_, c) => c).filter((c) => !hubColumn.has(c));
  const rowOf = new Map<string, number>();
  keysRead.forEach((k, i) => {
    if (k && !rowOf.has(k)) rowOf.set(k, i + 1);
  });
  const line = (from: number | undefined): unknown[] => {
    const out = new Array<unknown>(width).fill('');
    if (from !== undefined) for (const c of own) out[c] = keptCell(values[from][c] ?? '', formulas[from]?.[c]);
    return out;
  };
  const out: unknown[][] = [Array.from({ length: width }, (_, c) => headerOut[c] ?? '')];
  for (const r of rows) {
    const cells = line(rowOf.get(r.key));
    columns.forEach((c, i) => (cells[c] = r.cells[i]));
    out.push(cells);
  }
  for (let r = 1; r < values.length; r++) {
    if (keysRead[r - 1] || values[r].every(blank)) continue;
    out.push(
      values[r]
        .slice(0, width)
        .map((v, c) => keptCell(v, formulas[r]?.[c]))
        .concat(new Array(Math.max(0, width - values[r].length)).fill('')),
    );
  }
  if (out.length > values.length) {
    const max = sheet.getMaxRows();
    if (out.length > max) sheet.insertRowsAfter(max, out.length - max);
  }
  if (width > (values[0]?.length ?? 0)) {
    const max = sheet.getMaxColumns();
    if (width > max) sheet.insertColumnsAfter(max, width - max);
  }
  sheet.getRange(1, 1, out.length, width).setValues(out);
  if (values.length > out.length)
    sheet.getRange(out.length + 1, 1, values.length - out.length, values[0]?.length || width).clearContent();
  const back = asRead(out);
  block.values = back.values;
  block.formulas = back.formulas;
}

/**
 * Writes the three sheets back: Schools' rows where they are (only the hub's cells change, the district's own cells
 * kept exactly), Practices and Progress in the roll-up's order with the district's own columns kept with their rows.
 */
export function writeHub(read: HubRead): void {
  const { values, formulas, sheet } = read.schools;
  const cols = locate(values[0] ?? [], SCHOOL_COLUMNS);
  const byId = new Map(read.roll.schools.map((s) => [s.exportId, s]));
  const keyOf = (row: readonly unknown[]) =>
    (cols.exportId !== undefined ? cellString(row[cols.exportId]).trim() : '') ||
    (cols.link !== undefined ? exportIdFromLink(cellString(row[cols.link])) : '');
  if (values.length > 1) {
    const out = values.map((row, r) => row.map((v, c) => keptCell(v, formulas[r]?.[c])));
    for (let r = 1; r < out.length; r++) {
      const school = byId.get(keyOf(values[r]));
      if (!school) continue;
      const cells = schoolCells(school);
      (Object.keys(SCHOOL_COLUMNS) as SchoolField[]).forEach((f, i) => {
        if (cols[f] !== undefined) out[r][cols[f]] = cells[i];
      });
    }
    sheet.getRange(1, 1, out.length, out[0].length).setValues(out);
    const back = asRead(out);
    read.schools.values = back.values;
    read.schools.formulas = back.formulas;
  }
  writeRolled(
    read.practices,
    PRACTICE_HEADERS,
    read.roll.practices.map((p) => ({ key: practiceKey(p), cells: practiceCells(p) })),
    practiceRowKeys(read.practices.values),
  );
  writeRolled(
    read.progress,
    PROGRESS_HEADERS,
    read.roll.progress.map((p) => ({ key: progressKey(p), cells: progressCells(p) })),
    progressRowKeys(read.progress.values),
  );
}
