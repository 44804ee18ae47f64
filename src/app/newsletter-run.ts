// Draft newsletter now and the hourly trigger: (1) under the lock, plan the run (what is due, the issues it claims:
// a new issue's row with its wins, or an unfinished one to resume); (2) each claimed issue built without the lock
// (newsletter-build), leaders triaging meanwhile, the row's claim keeping other runs off it until it expires;
// (3) its wins marked under the lock again (newsletter-finish). A double-fired trigger does nothing twice.
import { withDocumentLock } from '../adapters/lock';
import { appendIssue, openIssues, updateIssue } from '../adapters/newsletters-sheet';
import { localNow, loadSettings, scheduleSince } from '../adapters/settings-store';
import { DocumentStore } from '../adapters/store';
import { duePeriod, onDemandPeriod, Period } from '../domain/cadence';
import { claimedByOther, Issue, issueKey, isFinished, nextIssueNumber } from '../domain/newsletter-issues';
import {
  busyMessage,
  cancelledMeanwhileMessage,
  draftedMessage,
  emptyMessage,
  existsMessage,
  failedMessage,
  failureReason,
  issueLabel,
} from '../domain/newsletter-messages';
import { allDrafted, allEmpty, claimUntil, newIssue, onDemandIssue, rememberEmpty } from '../domain/newsletter-plan';
import {
  audienceNotes,
  heldBackLines,
  LastRunNotes,
  selectFor,
  SHARE_DOC_REMINDER,
  skippedLine,
} from '../domain/newsletter-notes';
import { withAttention } from '../domain/newsletter-recheck';
import { AUDIENCES, Audience } from '../domain/settings';
import { completeIssue } from './newsletter-build';
import { IssueCancelled } from './newsletter-finish';
import { LOCK_MS, notesOf, openRun, Run } from './newsletter-state';
import { fromCell } from '../domain/text';

export type RunMode = 'now' | 'scheduled';

export interface AudienceResult {
  audience: Audience;
  /** busy: another run is drafting this audience's issue now; skipped: fewer wins than a scheduled issue needs. */
  outcome: 'drafted' | 'resumed' | 'empty' | 'skipped' | 'exists' | 'busy' | 'failed';
  issue?: string;
  docUrl?: string;
  draftId?: string;
  wins?: number;
  message: string;
}

export interface RunReport {
  results: AudienceResult[];
  /** Why nothing ran at all (schedule off, nothing due, no audience on). */
  note?: string;
}

interface Work {
  claimed: Issue;
  as: 'drafted' | 'resumed';
  /** What the audience's rules held back at selection (newsletter-notes), said with the result. */
  heldBack: string[];
}

type Planned = { note: string } | { run: Run; entries: Array<AudienceResult | Work> };

/** The menu's Draft newsletter now and the hourly trigger both come here. */
export function runNewsletter(mode: RunMode): RunReport {
  const ss = SpreadsheetApp.getActive();
  const started = Date.now();
  const runId = Utilities.getUuid();
  // (1) Under the lock: what is due, which issues this run claims, and each new issue's wins.
  const planned = withDocumentLock(LOCK_MS, () => planRun(ss, mode, runId, started));
  if ('note' in planned) return { results: [], note: planned.note };
  const { run, entries } = planned;
  // (2) Without the lock: each claimed issue's Doc and draft; (3) under the lock again, its wins marked.
  const results = entries.map((e) =>
    'claimed' in e
      ? attempt(run, e.claimed.audience, e.claimed, () => completeIssue(run, e.claimed), e.as, e.heldBack)
      : e,
  );
  if (mode === 'scheduled') rememberLastRun(run, results);
  return { results };
}

/**
 * For Settings: what a scheduled run said about the audiences it made no issue for (skipped, empty), with what their
 * rules held back, and the Staff reminder; audiences with an issue say theirs in the Newsletters sheet.
 */
function rememberLastRun(run: Run, results: readonly AudienceResult[]): void {
  const lines = results
    .filter((r) => r.outcome === 'skipped' || r.outcome === 'empty' || (r.audience === 'Staff' && r.draftId))
    .map((r) => `${r.audience}: ${r.outcome === 'skipped' || r.outcome === 'empty' ? r.message : SHARE_DOC_REMINDER}`);
  const last: LastRunNotes = { at: run.nowText, lines };
  run.store.save({ newsletterLastRun: last });
}

function planRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, mode: RunMode, runId: string, started: number): Planned {
  const store = DocumentStore.open();
  const settings = loadSettings(store);
  const audiences = AUDIENCES.filter((a) => settings.audiences[a].enabled);
  if (!settings.schoolName)
    return { note: 'Open Small Wins → Settings and enter the school name and audiences first.' };
  if (audiences.length === 0)
    return { note: 'No audience is turned on: turn on Staff, Families or Public in Settings.' };
  const now = localNow(ss);
  let period: Period;
  if (mode === 'scheduled') {
    const due = duePeriod(settings.cadence, now.time, scheduleSince(store));
    if (!due) return { note: settings.cadence.kind === 'off' ? 'The schedule is off.' : 'No issue is due now.' };
    if (allEmpty(audiences, due.key, store.config.newsletterEmptyPeriods ?? []))
      return { note: 'Nothing was eligible this period.' };
    period = due;
  } else period = onDemandPeriod(now.time);

  const issues = openIssues(ss);
  // The hourly check costs a few calls once this period's issues exist: the log is not read.
  if (mode === 'scheduled' && allDrafted(audiences, period.key, issues.issues)) {
    return { note: 'This period\u2019s issues are already drafted.' };
  }
  const run = openRun(ss, store, settings, issues, now.text, runId, claimUntil(started));
  const entries: Array<AudienceResult | Work> = [];
  const emptyKeys: string[] = [];
  const nowMs = Date.now();
  for (const audience of audiences) {
    const unfinished = run.issues.issues.filter((i) => i.audience === audience && !isFinished(i));
    for (const issue of unfinished) {
      if (claimedByOther(issue, run.id, nowMs)) {
        entries.push({ audience, outcome: 'busy', issue: issueLabel(issue), message: busyMessage(issue) });
        continue;
      }
      claim(run, issue);
      entries.push({ claimed: issue, as: 'resumed', heldBack: [] });
    }
    // On demand, a cancelled issue's key is retired (a new issue takes the next); the schedule drafts a period once.
    const periodKey = issueKey(audience, period.key);
    const { key, existing } =
      mode === 'now'
        ? onDemandIssue(run.issues.issues, periodKey)
        : { key: periodKey, existing: run.issues.issues.find((i) => i.key === periodKey) };
    if (existing) {
      if (mode === 'now' && isFinished(existing))
        entries.push({
          audience,
          outcome: 'exists',
          issue: issueLabel(existing),
          docUrl: existing.docUrl,
          message: existsMessage(existing),
        });
      continue;
    }
    if (mode === 'scheduled' && (store.config.newsletterEmptyPeriods ?? []).includes(key)) continue;
    const { eligible, heldBack: held } = selectFor(run, audience, unfinished);
    const heldBack = heldBackLines(held, audience);
    if (eligible.length === 0) {
      entries.push({ audience, outcome: 'empty', message: [emptyMessage(audience), ...heldBack].join(' ') });
      if (mode === 'scheduled') emptyKeys.push(key);
      continue;
    }
    // A scheduled issue waits for enough wins (Settings); they carry to the next period. Draft newsletter now drafts.
    const atLeast = settings.editions[audience].minWins;
    if (mode === 'scheduled' && eligible.length < atLeast) {
      entries.push({
        audience,
        outcome: 'skipped',
        wins: eligible.length,
        message: [skippedLine(audience, eligible.length, atLeast), ...heldBack].join(' '),
      });
      emptyKeys.push(key);
      continue;
    }
    const issue = newIssue({
      number: nextIssueNumber(run.issues.issues, audience, (run.cols.sharedIn ?? []).map(fromCell)),
      audience,
      period: period.label,
      key,
      winIds: eligible,
      createdAt: new Date().toISOString(),
      createdBy: run.me,
      run: run.id,
      runUntil: run.claimUntil,
    });
    // A scheduled run's notes go where leaders look for it afterwards: the issue's Needs attention (sheet, Settings).
    if (mode === 'scheduled') issue.attention = heldBack.reduce(withAttention, issue.attention);
    // Recorded, with this run's claim, before anything is built: a rerun finds it and resumes it instead of starting
    // another.
    appendIssue(run.issues, issue);
    entries.push({ claimed: issue, as: 'drafted', heldBack });
  }
  if (emptyKeys.length)
    store.save({ newsletterEmptyPeriods: rememberEmpty(store.config.newsletterEmptyPeriods ?? [], emptyKeys) });
  return { run, entries };
}

function claim(run: Run, issue: Issue): void {
  issue.run = run.id;
  issue.runUntil = run.claimUntil;
  updateIssue(run.issues, issue);
}

function attempt(
  run: Run,
  audience: Audience,
  issue: Issue,
  work: () => void,
  outcome: 'drafted' | 'resumed',
  heldBack: readonly string[],
): AudienceResult {
  try {
    work();
    const drafted = issue.state !== 'Cancelled';
    const notes = audienceNotes({ audience, changed: notesOf(issue), heldBack, drafted });
    if (!drafted) return { audience, outcome: 'empty', issue: issueLabel(issue), message: notes.join(' ') };
    return {
      audience,
      outcome,
      issue: issueLabel(issue),
      docUrl: issue.docUrl,
      draftId: issue.draftId,
      wins: issue.winIds.length,
      message: draftedMessage(issue, notes),
    };
  } catch (err) {
    const reason = failureReason(err);
    console.error(`Small Wins: ${issueLabel(issue)} stopped at "${issue.state}": ${reason}`);
    release(run, issue);
    return {
      audience,
      outcome: 'failed',
      issue: issueLabel(issue),
      docUrl: issue.docUrl || undefined,
      message: err instanceof IssueCancelled ? cancelledMeanwhileMessage(issue) : failedMessage(issue, reason),
    };
  }
}

/**
 * Gives up this run's claim after a failure, so a rerun can finish the issue at once (best effort: it expires anyway).
 */
function release(run: Run, issue: Issue): void {
  try {
    withDocumentLock(LOCK_MS, () => {
      const fresh = openIssues(run.ss);
      const current = fresh.issues.find((i) => i.key === issue.key);
      if (!current || current.run !== run.id) return;
      current.run = '';
      current.runUntil = '';
      updateIssue(fresh, current);
    });
  } catch (err) {
    console.warn(
      `Small Wins: the claim on ${issueLabel(issue)} could not be released (${err instanceof Error ? err.message : String(err)}); it expires by itself.`,
    );
  }
}
