// What one newsletter run carries between its steps (settings, its claim, the log's selection columns, the wins
// read so far, notes for its results) and its reads of the Wins log: whole columns once, wins' rows by ID in one span.
import { IssuesHandle } from '../adapters/newsletters-sheet';
import { DocumentStore } from '../adapters/store';
import { LogHandle, openLog, readColumn, readRows } from '../adapters/wins-sheet';
import { readGoals } from '../adapters/goals-sheet';
import { decodeRow, rowsById } from '../domain/log-columns';
import { WinForNewsletter } from '../domain/newsletter';
import type { Issue } from '../domain/newsletter-issues';
import type { LogSelection } from '../domain/newsletter-plan';
import { WinField } from '../domain/schema';
import { NewsletterSettings } from '../domain/settings';
import { fromCell } from '../domain/text';

export const LOCK_MS = 30000;

const SELECTION_FIELDS: WinField[] = [
  'status',
  'consent',
  'consentGiven',
  'namesStudents',
  'privacyCleared',
  'sharedIn',
];
const WIN_FIELDS_USED: Array<keyof WinForNewsletter & WinField> = [
  'id',
  'status',
  'kind',
  'headline',
  'story',
  'blurb',
  'goals',
  'consent',
  'consentGiven',
  'namesStudents',
  'privacyCleared',
  'featured',
  'name',
  'email',
  'role',
  'sharedIn',
  'submittedAt',
];
/** Above this many cells, the wins' rows are read column by column over their span instead of whole. */
const BLOCK_CELLS = 150000;

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
  log: LogHandle;
  last: number;
  ids: string[];
  /** Selection columns for rows 2..last, as text. */
  cols: Record<string, string[]>;
  idRows: Map<string, number>;
  goalOrder: string[];
  wins: Map<string, WinForNewsletter>;
}

/** Reads what selection needs: the log's ID and selection columns, the goals' order. */
export function openRun(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  store: DocumentStore,
  settings: NewsletterSettings,
  issues: IssuesHandle,
  nowText: string,
  id: string,
  claimUntil: string,
): Run {
  const { log, problem } = openLog(ss);
  if (!log) throw new Error(problem);
  const last = log.sheet.getLastRow();
  const ids = readColumn(log, 'id', last).map((v) => fromCell(v).trim());
  const cols: Record<string, string[]> = {};
  for (const f of SELECTION_FIELDS) cols[f] = readColumn(log, f, last).map(fromCell);
  const goals = readGoals(ss).goals.map((g) => g.name);
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
    last,
    ids,
    cols,
    idRows: rowsById(ids),
    goalOrder: goals,
    wins: new Map(),
  };
}

/**
 * Cells of the given rows in one block read over their span (or one read per field when the span is huge);
 * the block is indexed by row - first.
 */
export function readSpan(
  log: LogHandle,
  rows: readonly number[],
  fields: readonly WinField[],
): { first: number; block: unknown[][] } {
  const first = Math.min(...rows);
  const lastRow = Math.max(...rows);
  const span = lastRow - first + 1;
  if (span * log.width <= BLOCK_CELLS) return { first, block: readRows(log, first, lastRow) };
  const block: unknown[][] = Array.from({ length: span }, () => new Array<unknown>(log.width).fill(''));
  for (const f of fields) {
    const values: unknown[][] = log.sheet.getRange(first, log.columns[f] + 1, span, 1).getValues();
    values.forEach((v, i) => (block[i][log.columns[f]] = v[0]));
  }
  return { first, block };
}

/** Full rows of the given wins in one block read over their span (or one read per field when the span is huge). */
export function loadWins(run: Run, ids: readonly string[]): WinForNewsletter[] {
  const missing = ids.filter((id) => !run.wins.has(id) && run.idRows.has(id));
  if (missing.length) {
    const { first, block } = readSpan(
      run.log,
      missing.map((id) => run.idRows.get(id)!),
      WIN_FIELDS_USED,
    );
    for (const id of missing) {
      const fields = decodeRow(block[run.idRows.get(id)! - first], run.log.columns);
      const win = {} as WinForNewsletter;
      for (const f of WIN_FIELDS_USED) (win as unknown as Record<string, string>)[f] = fields[f] ?? '';
      run.wins.set(id, win);
    }
  }
  return ids.filter((id) => run.wins.has(id)).map((id) => run.wins.get(id)!);
}

/** Notes the last steps add to an issue's result (shortened email, wins that changed meanwhile). */
const NOTES = new WeakMap<Issue, string[]>();

export function note(issue: Issue, text: string): void {
  NOTES.set(issue, [...(NOTES.get(issue) ?? []), text]);
}

export function notesOf(issue: Issue): string[] {
  return NOTES.get(issue) ?? [];
}
