// The Newsletters sheet: one row per issue, found by its key; created or repaired on first use, read whole
// (a few hundred rows a year) and updated one row at a time.
import { a1Range } from '../domain/a1';
import {
  encodeIssue,
  Issue,
  ISSUE_COLUMNS,
  ISSUE_HEADERS,
  IssueColumns,
  locateIssueColumns,
  NEWSLETTERS_SHEET,
  parseIssues,
} from '../domain/newsletter-issues';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface IssuesHandle {
  sheet: Sheet;
  columns: IssueColumns;
  width: number;
  issues: Issue[];
  /** Raw rows (header first), so a person's own columns are written back unchanged. */
  values: unknown[][];
}

/**
 * The issues, read only (nothing is created or repaired): the Newsletters sheet's usual columns as one open-ended
 * block (two calls), or the whole sheet when a person moved a needed column further right. [] without the sheet.
 */
export function readIssues(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Issue[] {
  let values: unknown[][] | null = null;
  try {
    values = ss.getRange(a1Range(NEWSLETTERS_SHEET, 1, 1, null, ISSUE_HEADERS.length)).getValues();
  } catch {
    // Missing, or narrower than the usual block: the whole sheet below says which.
  }
  let located = values ? locateIssueColumns(values[0] ?? []) : null;
  if (!values || !located || located.columns.key === undefined || located.columns.audience === undefined) {
    const sheet = ss.getSheetByName(NEWSLETTERS_SHEET);
    if (!sheet) return [];
    values = sheet.getDataRange().getValues();
    located = locateIssueColumns(values[0] ?? []);
  }
  return parseIssues(values, located.columns);
}

/** The sheet's issues when it exists (missing columns added at the right), or null: nothing is created. */
export function openIssuesIfAny(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): IssuesHandle | null {
  const sheet = ss.getSheetByName(NEWSLETTERS_SHEET);
  return sheet ? openIssues(ss, sheet) : null;
}

/** Opens the sheet (creating it, or adding missing columns at the right) and reads every issue. */
export function openIssues(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, found?: Sheet): IssuesHandle {
  let sheet = found ?? ss.getSheetByName(NEWSLETTERS_SHEET);
  if (!sheet) {
    sheet = ss.insertSheet(NEWSLETTERS_SHEET);
    sheet
      .getRange(1, 1, 1, ISSUE_HEADERS.length)
      .setValues([ISSUE_HEADERS])
      .setFontWeight('bold')
      .setBackground('#fef7e0');
    sheet.setFrozenRows(1);
    const located = locateIssueColumns(ISSUE_HEADERS);
    return { sheet, columns: located.columns, width: located.width, issues: [], values: [ISSUE_HEADERS.slice()] };
  }
  let values: unknown[][] = sheet.getDataRange().getValues();
  let located = locateIssueColumns(values[0] ?? []);
  if (located.missing.length) {
    const add = located.missing.map((f) => ISSUE_COLUMNS[f]);
    if (sheet.getMaxColumns() < located.width + add.length)
      sheet.insertColumnsAfter(sheet.getMaxColumns(), located.width + add.length - sheet.getMaxColumns());
    sheet.getRange(1, located.width + 1, 1, add.length).setValues([add]);
    values = values.map((r, i) => {
      const row = r.slice(0, located.width);
      while (row.length < located.width) row.push('');
      return i === 0 ? [...row, ...add] : [...row, ...add.map(() => '')];
    });
    if (values.length === 0) values = [add];
    located = locateIssueColumns(values[0]);
  }
  return {
    sheet,
    columns: located.columns,
    width: located.width,
    issues: parseIssues(values, located.columns),
    values,
  };
}

/** Writes a new issue below the last row (one call) and gives it its row number. */
export function appendIssue(h: IssuesHandle, issue: Issue): void {
  const row = encodeIssue(issue, h.columns, h.width);
  const at = h.values.length + 1;
  h.sheet.getRange(at, 1, 1, row.length).setValues([row]);
  h.values.push(row);
  issue.row = at;
  h.issues.push(issue);
}

/** Rewrites the issue's row (one call). */
export function updateIssue(h: IssuesHandle, issue: Issue): void {
  const existing = h.values[issue.row - 1];
  const row = encodeIssue(issue, h.columns, h.width, existing);
  h.sheet.getRange(issue.row, 1, 1, row.length).setValues([row]);
  h.values[issue.row - 1] = row;
}
