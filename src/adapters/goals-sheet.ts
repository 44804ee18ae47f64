// The Goals sheet: seeded with editable example goals on first Set up, read by header afterwards; Set up also
// gives every goal a stable ID so a renamed goal can be told from a new one.
import { a1Range } from '../domain/a1';
import {
  assignGoalIds,
  EXAMPLE_GOALS,
  Goal,
  goalRow,
  GOALS_BLOCK,
  goalsBlockComplete,
  GoalsRead,
  parseGoals,
} from '../domain/goals';
import { GOAL_COLUMNS, GOAL_HEADERS, GOALS_SHEET } from '../domain/schema';
import { cellString } from '../domain/text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface EnsureGoalsResult extends GoalsRead {
  changes: string[];
}

/**
 * Creates the Goals sheet, or reads it and gives every goal an ID. `remembered` are the goals Set up last saw:
 * a deleted sheet comes back with them (not the examples, whose IDs would rename the school's goals on its wins).
 * `check` sees the goals before anything is written and may throw to stop Set up with nothing changed.
 */
export function ensureGoalsSheet(
  ss: Spreadsheet,
  remembered: readonly Goal[] = [],
  check: (goals: readonly Goal[]) => void = () => undefined,
): EnsureGoalsResult {
  const changes: string[] = [];
  const sheet = ss.getSheetByName(GOALS_SHEET);
  if (!sheet) {
    if (remembered.length) {
      const goals = remembered.map((g) => ({ ...g, keywords: g.keywords.slice() }));
      check(goals);
      createGoalsSheet(ss, goals);
      changes.push(
        `The ${GOALS_SHEET} sheet was missing: made it again with the ${goals.length} goal${goals.length === 1 ? '' : 's'} Set up last saw. Check their descriptions and keywords.`,
      );
      return { goals, problems: [], changes };
    }
    const goals = EXAMPLE_GOALS.map((g) => ({ ...g, keywords: g.keywords.slice() }));
    check(goals);
    createGoalsSheet(ss, goals);
    changes.push(
      `Created the ${GOALS_SHEET} sheet with ${EXAMPLE_GOALS.length} example goals: edit them to match your school's plan.`,
    );
    return { goals, problems: [], changes };
  }
  const values: unknown[][] = sheet.getDataRange().getValues();
  const header = (values[0] ?? []).map((h) => cellString(h).trim().toLowerCase());
  const nameCol = header.indexOf(GOAL_COLUMNS.name.toLowerCase());
  if (nameCol < 0) {
    const read = parseGoals(values);
    check(read.goals);
    return { ...read, changes };
  }
  let idCol = header.indexOf(GOAL_COLUMNS.id.toLowerCase());
  const addIdColumn = idCol < 0;
  if (addIdColumn) {
    idCol = header.reduce<number>((w, h, i) => (h ? i + 1 : w), 0);
    values.forEach((row, i) => (row[idCol] = i === 0 ? GOAL_COLUMNS.id : ''));
  }
  const named = values
    .slice(1)
    .map((row, i) => ({ row, r: i + 1 }))
    .filter(({ row }) => cellString(row[nameCol]).trim());
  const { ids, changed } = assignGoalIds(named.map(({ row }) => cellString(row[idCol]).trim()));
  if (changed) named.forEach(({ row }, i) => (row[idCol] = ids[i]));
  const read = parseGoals(values);
  check(read.goals);
  if (addIdColumn) {
    sheet.getRange(1, idCol + 1).setValue(GOAL_COLUMNS.id);
    changes.push(
      `Added an ${GOAL_COLUMNS.id} column to the ${GOALS_SHEET} sheet: it lets Set up follow a goal you rename.`,
    );
  }
  if (changed) {
    const column = values.slice(1).map((row) => [row[idCol] ?? '']);
    sheet.getRange(2, idCol + 1, column.length, 1).setValues(column);
  }
  return { ...read, changes };
}

function createGoalsSheet(ss: Spreadsheet, goals: readonly Goal[]): void {
  const sheet = ss.insertSheet(GOALS_SHEET);
  const rows = [GOAL_HEADERS, ...goals.map(goalRow)];
  sheet.getRange(1, 1, rows.length, GOAL_HEADERS.length).setValues(rows);
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, GOAL_HEADERS.length).setFontWeight('bold').setBackground('#e6f4ea');
  [200, 320, 320, 70, 60].forEach((px, i) => sheet.setColumnWidth(i + 1, px));
  sheet
    .getRange(2, 4, Math.max(sheet.getMaxRows() - 1, 1), 1)
    .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['Yes', 'No'], true).build());
}

/**
 * Reads every goal; the caller filters active ones. Usually two calls: the sheet's top-left block through the
 * spreadsheet (no getSheetByName, no getDataRange), used when it holds every Goals header and the goals end inside
 * it. Otherwise (a column moved past the block, more goals than it holds, a smaller or missing sheet) the whole
 * sheet is read as before, in three more calls.
 */
export function readGoals(ss: Spreadsheet): GoalsRead {
  let block: unknown[][] | null = null;
  try {
    block = ss.getRange(a1Range(GOALS_SHEET, 1, 1, GOALS_BLOCK.rows, GOALS_BLOCK.columns)).getValues();
  } catch {
    // The sheet is missing, renamed, or smaller than the block: the full read below says which.
  }
  if (block && goalsBlockComplete(block, GOALS_BLOCK.rows)) return parseGoals(block);
  const sheet = ss.getSheetByName(GOALS_SHEET);
  if (!sheet)
    return { goals: [], problems: [`The ${GOALS_SHEET} sheet is missing. Run Small Wins → Set up to restore it.`] };
  return parseGoals(sheet.getDataRange().getValues());
}

export function activeGoals(goals: readonly Goal[]): Goal[] {
  return goals.filter((g) => g.active);
}
