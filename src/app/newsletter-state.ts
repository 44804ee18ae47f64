// What one newsletter run carries between its steps (settings, its claim, the log's selection columns, notes for
// its results) and its reads of the Wins log through the Wins adapter: the selection columns once, and the wins of
// an issue read fresh by ID at each moment of sharing.
import { IssuesHandle } from '../adapters/newsletters-sheet';
import { DocumentStore } from '../adapters/store';
import { idRowsOf, openWinsLog, readColumns, readWinsById, WinsLog, WinsRead } from '../adapters/wins/log';
import { readGoals } from '../adapters/goals-sheet';
import type { Issue } from '../domain/newsletter-issues';
import type { LogSelection } from '../domain/newsletter-plan';
import { SELECTION_FIELDS } from '../domain/newsletter-recheck';
import { NewsletterSettings } from '../domain/settings';
import { cellString } from '../domain/text';

export const LOCK_MS = 30000;

export interface Run extends LogSelection {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  store: DocumentStore;
  settings: NewsletterSettings;
  me: string;
  nowText: string;
  /** This execution's claim on the issues it drafts. */
  id: string;
  claimUntil: string;
  issues: IssuesHandle;
  log: WinsLog;
  ids: string[];
  /** Selection columns' cells for rows 2..last. */
  cols: Partial<Record<string, unknown[]>>;
  idRows: Map<string, number>;
  goalOrder: string[];
  /** Each goal's one-line description by name, for the letter's sections. */
  goalDescriptions: Record<string, string>;
}

/** Reads what selection needs: the log's ID and selection columns (neighbours in one read), the goals' order. */
export function openRun(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  store: DocumentStore,
  settings: NewsletterSettings,
  issues: IssuesHandle,
  nowText: string,
  id: string,
  claimUntil: string,
): Run {
  const log = openWinsLog(ss);
  // The headline too: wins held back for privacy are named by it in the run's notes.
  const read = readColumns(log, ['id', 'headline', ...SELECTION_FIELDS]);
  const ids = (read.cells.id ?? []).map((v) => cellString(v).trim());
  const goalRows = readGoals(ss).goals;
  const goals = goalRows.map((g) => g.name);
  const goalDescriptions: Record<string, string> = {};
  for (const g of goalRows) if (g.description) goalDescriptions[g.name] = g.description;
  return {
    ss,
    store,
    settings,
    me: Session.getEffectiveUser().getEmail(),
    nowText,
    id,
    claimUntil,
    issues,
    log,
    ids,
    cols: read.cells,
    idRows: idRowsOf(read),
    goalOrder: goals,
    goalDescriptions,
  };
}

/** The wins of an issue read fresh (rows by ID, one span: 2 calls unless the sheet was sorted meanwhile). */
export function freshWins(run: Run, ids: readonly string[]): WinsRead {
  const read = readWinsById(run.log, ids, run.idRows);
  run.idRows = read.idRows;
  return read;
}

/** Notes the last steps add to an issue's result (wins left out, shortened email, wins that changed meanwhile). */
const NOTES = new WeakMap<Issue, string[]>();

export function note(issue: Issue, text: string): void {
  NOTES.set(issue, [...(NOTES.get(issue) ?? []), text]);
}

export function notesOf(issue: Issue): string[] {
  return NOTES.get(issue) ?? [];
}
