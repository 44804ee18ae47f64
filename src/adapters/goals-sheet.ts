// The Goals sheet: seeded with editable example goals on first Set up, read by header afterwards.
import { EXAMPLE_GOALS, Goal, goalRow, GoalsRead, parseGoals } from '../domain/goals';
import { GOAL_HEADERS, GOALS_SHEET } from '../domain/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface EnsureGoalsResult extends GoalsRead {
  changes: string[];
}

export function ensureGoalsSheet(ss: Spreadsheet): EnsureGoalsResult {
  const changes: string[] = [];
  let sheet = ss.getSheetByName(GOALS_SHEET);
  if (!sheet) {
    sheet = ss.insertSheet(GOALS_SHEET);
    const rows = [GOAL_HEADERS, ...EXAMPLE_GOALS.map(goalRow)];
    sheet.getRange(1, 1, rows.length, GOAL_HEADERS.length).setValues(rows);
    sheet.setFrozenRows(1);
    sheet.getRange(1, 1, 1, GOAL_HEADERS.length).setFontWeight('bold').setBackground('#e6f4ea');
    sheet.setColumnWidth(1, 200);
    sheet.setColumnWidth(2, 320);
    sheet.setColumnWidth(3, 320);
    sheet.setColumnWidth(4, 70);
    sheet.getRange(2, 4, Math.max(sheet.getMaxRows() - 1, 1), 1).setDataValidation(
      SpreadsheetApp.newDataValidation().requireValueInList(['Yes', 'No'], true).build(),
    );
    changes.push(`Created the ${GOALS_SHEET} sheet with ${EXAMPLE_GOALS.length} example goals: edit them to match your school's plan.`);
    return { goals: EXAMPLE_GOALS.map((g) => ({ ...g, keywords: g.keywords.slice() })), problems: [], changes };
  }
  const read = readGoals(ss);
  return { ...read, changes };
}

/** Reads every goal (two calls); the caller filters active ones. */
export function readGoals(ss: Spreadsheet): GoalsRead {
  const sheet = ss.getSheetByName(GOALS_SHEET);
  if (!sheet) return { goals: [], problems: [`The ${GOALS_SHEET} sheet is missing. Run Small Wins → Set up to restore it.`] };
  return parseGoals(sheet.getDataRange().getValues());
}

export function activeGoals(goals: readonly Goal[]): Goal[] {
  return goals.filter((g) => g.active);
}
