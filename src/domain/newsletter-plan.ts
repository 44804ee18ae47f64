// Decisions a newsletter run makes between its reads and writes: which wins each audience gets, when a scheduled
// run has nothing to do, a new issue's row, how long a run's claim holds, who a draft goes to, when to retry.
import { Issue, issueKey, isFinished } from './newsletter-issues';
import { selectFor } from './newsletter-notes';
import type { Audience } from './settings';

/** A claim lasts past the longest execution (six minutes) by a minute: then it belongs to a run that died. */
export const CLAIM_MS = 7 * 60 * 1000;
/** How many empty periods are remembered (so the hourly check does not reread the log for them). */
export const EMPTY_MEMORY = 30;
/** Tries at building an issue's Doc before giving up. */
export const DOC_ATTEMPTS = 3;

/** Until when a run started at `startedMs` holds its claim on the issues it drafts. */
export function claimUntil(startedMs: number): string {
  return new Date(startedMs + CLAIM_MS).toISOString();
}

/** The log's ID column (as text) and the cells of the columns selection reads, for rows 2..last, and each ID's row. */
export interface LogSelection {
  ids: readonly string[];
  idRows: ReadonlyMap<string, number>;
  cols: Readonly<Partial<Record<string, readonly unknown[]>>>;
}

/**
 * The IDs of wins eligible for the audience, in log order: a duplicated ID counts once (at its first row), and wins
 * already in an unfinished issue for this audience (not marked as shared yet) are not taken twice.
 */
export function eligibleIds(
  sel: LogSelection,
  audience: Audience,
  unfinished: readonly Pick<Issue, 'winIds'>[] = [],
): string[] {
  return selectFor(sel, audience, unfinished).eligible;
}

/** Whether every audience's issue for the period was found empty already (a scheduled run then does nothing). */
export function allEmpty(audiences: readonly Audience[], periodKey: string, emptyPeriods: readonly string[]): boolean {
  return audiences.every((a) => emptyPeriods.includes(issueKey(a, periodKey)));
}

/** Whether every audience has its issue for the period and none is unfinished (the hourly check stops there). */
export function allDrafted(
  audiences: readonly Audience[],
  periodKey: string,
  issues: readonly Pick<Issue, 'key' | 'state'>[],
): boolean {
  return issues.every(isFinished) && audiences.every((a) => issues.some((i) => i.key === issueKey(a, periodKey)));
}

/**
 * The issue a run on demand finds for its key, or the key a new issue takes. A cancelled issue's key is retired: the
 * next issue of the same minute takes "<key> #2" (then #3…), so cancelling and drafting again makes a new issue, while
 * a double click still finds the issue the first click made.
 */
export function onDemandIssue<T extends Pick<Issue, 'key' | 'state'>>(
  issues: readonly T[],
  baseKey: string,
): { key: string; existing?: T } {
  for (let n = 1; ; n++) {
    const key = n === 1 ? baseKey : `${baseKey} #${n}`;
    const existing = issues.find((i) => i.key === key);
    if (!existing) return { key };
    if (existing.state !== 'Cancelled') return { key, existing };
  }
}

/** The remembered empty periods with `keys` added, the oldest forgotten past EMPTY_MEMORY. */
export function rememberEmpty(previous: readonly string[], keys: readonly string[]): string[] {
  return [...previous, ...keys].slice(-EMPTY_MEMORY);
}

export interface NewIssue {
  number: number;
  audience: Audience;
  period: string;
  key: string;
  /** The wins selected; their counts are filled in when the Doc is written (from the wins it carries). */
  winIds: readonly string[];
  createdAt: string;
  createdBy: string;
  run: string;
  runUntil: string;
}

/** A new issue's row: Building, with its wins, claimed by the run that drafts it. */
export function newIssue(n: NewIssue): Issue {
  return {
    row: 0,
    number: n.number,
    audience: n.audience,
    period: n.period,
    key: n.key,
    state: 'Building',
    docUrl: '',
    docId: '',
    draftId: '',
    winIds: n.winIds.slice(),
    stats: { wins: 0, lessons: 0, goals: 0, contributors: 0 },
    createdAt: n.createdAt,
    createdBy: n.createdBy,
    cancelled: '',
    attention: '',
    run: n.run,
    runUntil: n.runUntil,
  };
}

/** Staff see each other's addresses; families and the public never see other recipients. */
export function draftAddresses(audience: Audience, recipients: string[]): { to: string[]; bcc: string[] } {
  const staff = audience === 'Staff';
  return { to: staff ? recipients : [], bcc: staff ? [] : recipients };
}

/**
 * Whether building the Doc is tried again after failing at try `attemptNo`: only transient faults, never the
 * template's.
 */
export function retryDoc(attemptNo: number, transient: boolean, error: string): boolean {
  return attemptNo < DOC_ATTEMPTS && transient && !/template/i.test(error);
}

/** Whether the issue's Gmail draft is in this person's Gmail (issues without a recorded author count as theirs). */
export function draftIsMine(issue: Pick<Issue, 'createdBy'>, me: string): boolean {
  return !issue.createdBy || issue.createdBy === me;
}
