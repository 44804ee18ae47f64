// The Newsletters sheet's rows as issues: columns by header, the states an issue moves through (so a run
// cut off halfway resumes and never duplicates), numbering per audience, and the previous issue's counts.
import { parseLanguageDrafts } from './family-languages';
import type { IssueStats } from './newsletter';
import { parseSharedIn } from './win';
import type { Audience } from './settings';
import { fromCell, joinList, splitList, toCellText, cellString } from './text';

export { NEWSLETTERS_SHEET } from './schema';

export const ISSUE_COLUMNS = {
  number: 'Issue',
  audience: 'Audience',
  period: 'Period',
  docUrl: 'Doc link',
  draftId: 'Draft ID',
  wins: 'Wins',
  createdAt: 'Created at',
  cancelled: 'Cancelled',
  state: 'State',
  key: 'Key',
  docId: 'Doc ID',
  goals: 'Goals touched',
  contributors: 'Contributors',
  lessons: 'Lessons learned',
  winIds: 'Win IDs',
  createdBy: 'Created by',
  run: 'Drafting run',
  runUntil: 'Drafting until',
  /** Sentences for a leader who looks at the sheet or Settings, not the logs: wins left out or changed meanwhile. */
  attention: 'Needs attention',
  /** A Families issue's drafts per family language ("es r12; ar r13 English"): family-languages.ts reads it. */
  languageDrafts: 'Language drafts',
} as const;
export type IssueField = keyof typeof ISSUE_COLUMNS;
export const ISSUE_FIELDS = Object.keys(ISSUE_COLUMNS) as IssueField[];
export const ISSUE_HEADERS = ISSUE_FIELDS.map((f) => ISSUE_COLUMNS[f]);

/**
 * Building: the row is written with its wins; the Doc may be half made (its ID is kept once created).
 * Doc made → Drafted → Done (the wins' "Shared in" records the issue). Cancelled: wins eligible again.
 */
export const ISSUE_STATES = ['Building', 'Doc made', 'Drafted', 'Done', 'Cancelled'] as const;
export type IssueState = (typeof ISSUE_STATES)[number];

export interface Issue {
  /** 1-based row in the Newsletters sheet (0 before it is written). */
  row: number;
  number: number;
  audience: Audience;
  period: string;
  key: string;
  state: IssueState;
  docUrl: string;
  docId: string;
  draftId: string;
  winIds: string[];
  stats: IssueStats;
  createdAt: string;
  createdBy: string;
  cancelled: string;
  /** What a leader should know or do before sending ('' when nothing). */
  attention: string;
  /** The drafts made per family language, as the Language drafts cell holds them ('' when none). */
  languageDrafts?: string;
  /**
   * The run drafting the issue right now (its Doc and draft are made outside the document lock) and until when
   * its claim holds: an execution lasts at most six minutes, so an older claim belongs to a run that died.
   */
  run?: string;
  runUntil?: string;
}

/** Whether another run than `runId` is drafting the issue at `nowMs`. */
export function claimedByOther(
  issue: Pick<Issue, 'run' | 'runUntil' | 'state'>,
  runId: string,
  nowMs: number,
): boolean {
  if (!issue.run || issue.run === runId || isFinished(issue)) return false;
  const until = Date.parse(issue.runUntil ?? '');
  return Number.isFinite(until) && until > nowMs;
}

export function isFinished(issue: Pick<Issue, 'state'>): boolean {
  return issue.state === 'Done' || issue.state === 'Cancelled';
}

export type IssueColumns = Partial<Record<IssueField, number>>;

export function locateIssueColumns(header: readonly unknown[]): {
  columns: IssueColumns;
  missing: IssueField[];
  width: number;
} {
  const norm = (h: unknown) => cellString(h).trim().toLowerCase();
  const columns: IssueColumns = {};
  const missing: IssueField[] = [];
  for (const f of ISSUE_FIELDS) {
    const i = header.findIndex((h) => norm(h) === ISSUE_COLUMNS[f].toLowerCase());
    if (i < 0) missing.push(f);
    else columns[f] = i;
  }
  const width = header.reduce<number>((w, h, i) => (norm(h) ? i + 1 : w), 0);
  return { columns, missing, width };
}

const num = (v: unknown) => {
  const n = Number(fromCell(v));
  return Number.isFinite(n) ? n : 0;
};

/** Issues from the sheet's values (header first); rows without a key or audience are skipped. */
export function parseIssues(values: readonly unknown[][], columns: IssueColumns): Issue[] {
  const cell = (row: readonly unknown[], f: IssueField) =>
    columns[f] === undefined ? '' : fromCell(row[columns[f]]).trim();
  const out: Issue[] = [];
  values.forEach((row, i) => {
    if (i === 0) return;
    const key = cell(row, 'key');
    const audience = cell(row, 'audience') as Audience;
    if (!key || !audience) return;
    const state = (ISSUE_STATES as readonly string[]).includes(cell(row, 'state'))
      ? (cell(row, 'state') as IssueState)
      : cell(row, 'cancelled')
        ? 'Cancelled'
        : 'Building';
    out.push({
      row: i + 1,
      number: num(row[columns.number ?? -1]),
      audience,
      period: cell(row, 'period'),
      key,
      state,
      docUrl: cell(row, 'docUrl'),
      docId: cell(row, 'docId'),
      draftId: cell(row, 'draftId'),
      winIds: splitList(cell(row, 'winIds')),
      // The Wins column counts everything in the issue; the summary counts wins and lessons apart.
      stats: {
        wins: Math.max(num(row[columns.wins ?? -1]) - num(row[columns.lessons ?? -1]), 0),
        goals: num(row[columns.goals ?? -1]),
        contributors: num(row[columns.contributors ?? -1]),
        lessons: num(row[columns.lessons ?? -1]),
      },
      createdAt: cell(row, 'createdAt'),
      createdBy: cell(row, 'createdBy'),
      cancelled: cell(row, 'cancelled'),
      run: cell(row, 'run'),
      runUntil: cell(row, 'runUntil'),
      attention: cell(row, 'attention'),
      languageDrafts: cell(row, 'languageDrafts'),
    });
  });
  return out;
}

/** The row to write, in the sheet's column order; cells of a person's own columns are kept from `existing`. */
export function encodeIssue(
  issue: Issue,
  columns: IssueColumns,
  width: number,
  existing?: readonly unknown[],
): unknown[] {
  const row: unknown[] = existing ? existing.slice(0, width) : [];
  while (row.length < width) row.push('');
  const set = (f: IssueField, v: unknown) => {
    const c = columns[f];
    if (c !== undefined) row[c] = typeof v === 'string' ? toCellText(v) : v;
  };
  set('number', issue.number);
  set('audience', issue.audience);
  set('period', issue.period);
  set('key', issue.key);
  set('state', issue.state);
  set('docUrl', issue.docUrl);
  set('docId', issue.docId);
  set('draftId', issue.draftId);
  set('wins', issue.stats.wins + issue.stats.lessons);
  set('goals', issue.stats.goals);
  set('contributors', issue.stats.contributors);
  set('lessons', issue.stats.lessons);
  set('winIds', joinList(issue.winIds));
  const created = new Date(issue.createdAt);
  set('createdAt', isNaN(created.getTime()) ? issue.createdAt : created);
  set('createdBy', issue.createdBy);
  set('cancelled', issue.cancelled);
  set('run', issue.run ?? '');
  const until = new Date(issue.runUntil ?? '');
  set('runUntil', issue.runUntil && !isNaN(until.getTime()) ? until : '');
  set('attention', issue.attention);
  set('languageDrafts', issue.languageDrafts ?? '');
  return row;
}

/**
 * The next number for an audience: numbers are never reused, cancelled issues included, nor numbers the wins'
 * Shared in cells still carry (when the Newsletters sheet was deleted, a reused "Staff #1" would make cancelling
 * the new issue free the old one's wins too).
 */
export function nextIssueNumber(
  issues: readonly Issue[],
  audience: Audience,
  sharedInCells: readonly string[] = [],
): number {
  let max = issues.filter((i) => i.audience === audience).reduce((m, i) => Math.max(m, i.number), 0);
  const name = audience.toLowerCase();
  for (const cell of sharedInCells) {
    if (!cell || cell.indexOf('#') < 0) continue;
    for (const tag of parseSharedIn(cell))
      if (tag.audience.toLowerCase() === name && tag.number > max) max = tag.number;
  }
  return max + 1;
}

/** Counts of the audience's last issue that went out (or is ready to), for the summary's comparison. */
export function previousStats(issues: readonly Issue[], audience: Audience, beforeNumber: number): IssueStats | null {
  const prev = issues
    .filter((i) => i.audience === audience && i.number < beforeNumber && i.state !== 'Cancelled')
    .sort((a, b) => b.number - a.number)[0];
  return prev ? prev.stats : null;
}

export function issueKey(audience: Audience, periodKey: string): string {
  return `${audience} ${periodKey}`;
}

/** Every draft of an issue: the English one, then one per family language. */
export function draftsOf(issue: Pick<Issue, 'draftId' | 'languageDrafts'>): string[] {
  return [issue.draftId, ...parseLanguageDrafts(issue.languageDrafts ?? '').map((d) => d.draftId)].filter(Boolean);
}
