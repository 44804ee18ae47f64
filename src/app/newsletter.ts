// Newsletter issues, end to end: what is due, which wins each audience gets, the Doc, the Gmail draft, and the
// bookkeeping that lets a cut-off run resume and a double-fired trigger do nothing. Also cancelling an issue.
//
// The document lock is held only for the short bookkeeping: (1) claiming the issues a run drafts (a new issue's
// row with its wins, or an unfinished one to resume), and (3) marking the wins' "Shared in" and the issue Done.
// (2) The slow part, the Doc and the Gmail draft, runs without the lock, so leaders can triage meanwhile; the
// issue's row carries the run's claim, so another run (a double-fired or a colleague's trigger) leaves it alone,
// and a claim outlives its run by at most a minute past the six-minute execution limit.
import { isTransient, createDraft, draftExists, removeDraft } from '../adapters/mail-draft';
import { withDocumentLock } from '../adapters/lock';
import { buildNewsletterDoc, markDocCancelled } from '../adapters/newsletter-doc';
import { appendIssue, IssuesHandle, openIssues, updateIssue } from '../adapters/newsletters-sheet';
import { localNow, loadSettings, scheduleSince } from '../adapters/settings-store';
import { DocumentStore } from '../adapters/store';
import { LogHandle, openLog, readColumn, readRows } from '../adapters/wins-sheet';
import { readGoals } from '../adapters/goals-sheet';
import { duePeriod, LocalTime, onDemandPeriod, Period } from '../domain/cadence';
import { decodeRow, encodeCell, rowsById } from '../domain/log-columns';
import { addTag, audienceAllows, emailSubject, isApproved, isEligible, issueStats, newsletterModel, NewsletterModel, removeTag, WinForNewsletter } from '../domain/newsletter';
import { claimedByOther, Issue, issueKey, isFinished, nextIssueNumber, previousStats } from '../domain/newsletter-issues';
import { fitEmailHtml, renderEmailText } from '../domain/newsletter-render';
import { WinField } from '../domain/schema';
import { AUDIENCES, Audience, NewsletterSettings } from '../domain/settings';
import { fromCell } from '../domain/text';
import type { CancelResult, RecentIssue } from '../settings-api';

export type RunMode = 'now' | 'scheduled';

export interface AudienceResult {
  audience: Audience;
  /** busy: another run is drafting this audience's issue right now. */
  outcome: 'drafted' | 'resumed' | 'empty' | 'exists' | 'busy' | 'failed';
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

const SELECTION_FIELDS: WinField[] = ['status', 'consent', 'consentGiven', 'namesStudents', 'privacyCleared', 'sharedIn'];
const WIN_FIELDS_USED: Array<keyof WinForNewsletter & WinField> = [
  'id', 'status', 'kind', 'headline', 'story', 'blurb', 'goals', 'consent', 'consentGiven', 'namesStudents', 'privacyCleared', 'featured', 'name', 'email', 'role', 'sharedIn', 'submittedAt',
];
/** What marking re-reads of each win in the issue, to mark only wins that still qualify. */
const MARK_FIELDS: WinField[] = ['id', 'status', 'consent', 'consentGiven', 'namesStudents', 'privacyCleared', 'sharedIn'];
/** Above this many cells, the wins' rows are read column by column over their span instead of whole. */
const BLOCK_CELLS = 150000;
const LOCK_MS = 30000;
const EMPTY_MEMORY = 30;
/** A claim lasts past the longest execution (six minutes) by a minute: then it belongs to a run that died. */
const CLAIM_MS = 7 * 60 * 1000;

interface Run {
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

interface Work {
  claimed: Issue;
  as: 'drafted' | 'resumed';
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
  const results = entries.map((e) => ('claimed' in e ? attempt(run, e.claimed.audience, e.claimed, () => completeIssue(run, e.claimed), e.as) : e));
  return { results };
}

function planRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, mode: RunMode, runId: string, started: number): Planned {
  const store = DocumentStore.open();
  const settings = loadSettings(store);
  const audiences = AUDIENCES.filter((a) => settings.audiences[a].enabled);
  if (!settings.schoolName) return { note: 'Open Small Wins → Settings and enter the school name and audiences first.' };
  if (audiences.length === 0) return { note: 'No audience is turned on: turn on Staff, Families or Public in Settings.' };
  const now = localNow(ss);
  let period: Period;
  if (mode === 'scheduled') {
    const due = duePeriod(settings.cadence, now.time, scheduleSince(store));
    if (!due) return { note: settings.cadence.kind === 'off' ? 'The schedule is off.' : 'No issue is due now.' };
    const empty = store.config.newsletterEmptyPeriods ?? [];
    if (audiences.every((a) => empty.includes(issueKey(a, due.key)))) return { note: 'Nothing was eligible this period.' };
    period = due;
  } else period = onDemandPeriod(now.time);

  const issues = openIssues(ss);
  const pending = issues.issues.filter((i) => !isFinished(i));
  // The hourly check costs a few calls once this period's issues exist: the log is not read.
  if (mode === 'scheduled' && pending.length === 0 && audiences.every((a) => issues.issues.some((i) => i.key === issueKey(a, period.key)))) {
    return { note: 'This period\u2019s issues are already drafted.' };
  }
  const run = openRun(ss, store, settings, issues, now.text, runId, new Date(started + CLAIM_MS).toISOString());
  const entries: Array<AudienceResult | Work> = [];
  const emptyKeys: string[] = [];
  const nowMs = Date.now();
  for (const audience of audiences) {
    const unfinished = run.issues.issues.filter((i) => i.audience === audience && !isFinished(i));
    for (const issue of unfinished) {
      if (claimedByOther(issue, run.id, nowMs)) {
        entries.push({ audience, outcome: 'busy', issue: label(issue), message: `${label(issue)} is being drafted right now by another run${issue.createdBy ? ` (${issue.createdBy})` : ''}: it will be in Gmail drafts in a minute or two.` });
        continue;
      }
      claim(run, issue);
      entries.push({ claimed: issue, as: 'resumed' });
    }
    const key = issueKey(audience, period.key);
    const existing = run.issues.issues.find((i) => i.key === key);
    if (existing) {
      if (mode === 'now' && isFinished(existing)) entries.push({ audience, outcome: 'exists', issue: label(existing), docUrl: existing.docUrl, message: `${label(existing)} was drafted a moment ago.` });
      continue;
    }
    if (mode === 'scheduled' && (store.config.newsletterEmptyPeriods ?? []).includes(key)) continue;
    // Wins already in an unfinished issue for this audience are not marked yet: they are not taken twice.
    const taken = new Set(unfinished.flatMap((i) => i.winIds));
    const eligible = eligibleIds(run, audience).filter((id) => !taken.has(id));
    if (eligible.length === 0) {
      entries.push({ audience, outcome: 'empty', message: `Nothing new is eligible for ${audience}: no Doc or draft was made.` });
      if (mode === 'scheduled') emptyKeys.push(key);
      continue;
    }
    const wins = loadWins(run, eligible);
    const issue: Issue = {
      row: 0,
      number: nextIssueNumber(run.issues.issues, audience, run.cols.sharedIn),
      audience,
      period: period.label,
      key,
      state: 'Building',
      docUrl: '',
      docId: '',
      draftId: '',
      winIds: wins.map((w) => w.id),
      stats: issueStats(wins),
      createdAt: new Date().toISOString(),
      createdBy: run.me,
      cancelled: '',
      run: run.id,
      runUntil: run.claimUntil,
    };
    // Recorded, with this run's claim, before anything is built: a rerun finds it and resumes it instead of starting another.
    appendIssue(run.issues, issue);
    entries.push({ claimed: issue, as: 'drafted' });
  }
  if (emptyKeys.length) store.save({ newsletterEmptyPeriods: [...(store.config.newsletterEmptyPeriods ?? []), ...emptyKeys].slice(-EMPTY_MEMORY) });
  return { run, entries };
}

function claim(run: Run, issue: Issue): void {
  issue.run = run.id;
  issue.runUntil = run.claimUntil;
  updateIssue(run.issues, issue);
}

function label(issue: Pick<Issue, 'audience' | 'number'>): string {
  return `${issue.audience} #${issue.number}`;
}

/** Notes the last steps add to an issue's result (shortened email, wins that changed meanwhile). */
const NOTES = new WeakMap<Issue, string[]>();
function note(issue: Issue, text: string): void {
  NOTES.set(issue, [...(NOTES.get(issue) ?? []), text]);
}

function attempt(run: Run, audience: Audience, issue: Issue, work: () => void, outcome: 'drafted' | 'resumed'): AudienceResult {
  try {
    work();
    const notes = NOTES.get(issue) ?? [];
    return {
      audience,
      outcome,
      issue: label(issue),
      docUrl: issue.docUrl,
      draftId: issue.draftId,
      wins: issue.winIds.length,
      message: [`${label(issue)}: ${issue.winIds.length} win${issue.winIds.length === 1 ? '' : 's'} (${issue.period}).`, ...notes].join(' '),
    };
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/\.$/, '') : String(err);
    console.error(`Small Wins: ${label(issue)} stopped at "${issue.state}": ${reason}`);
    release(run, issue);
    const where =
      issue.state === 'Building'
        ? 'The Doc could not be finished'
        : issue.state === 'Doc made'
          ? 'The Doc is ready but the Gmail draft could not be made'
          : 'The draft is ready but the wins could not be marked as shared';
    return {
      audience,
      outcome: 'failed',
      issue: label(issue),
      docUrl: issue.docUrl || undefined,
      message: `${label(issue)}: ${where} (${reason}). No win was marked as shared. Run Draft newsletter now again to finish this issue; nothing will be duplicated.`,
    };
  }
}

/** Gives up this run's claim after a failure, so a rerun can finish the issue at once (best effort: it expires anyway). */
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
    console.warn(`Small Wins: the claim on ${label(issue)} could not be released (${err instanceof Error ? err.message : String(err)}); it expires by itself.`);
  }
}

/** Reads what selection needs: the log's ID and selection columns, the goals' order. */
function openRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, store: DocumentStore, settings: NewsletterSettings, issues: IssuesHandle, nowText: string, id: string, claimUntil: string): Run {
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

function eligibleIds(run: Run, audience: Audience): string[] {
  const out: string[] = [];
  run.ids.forEach((id, i) => {
    if (!id || run.idRows.get(id) !== i + 2) return;
    const win = { status: run.cols.status[i], consent: run.cols.consent[i], consentGiven: run.cols.consentGiven[i], namesStudents: run.cols.namesStudents[i], privacyCleared: run.cols.privacyCleared[i], sharedIn: run.cols.sharedIn[i] };
    if (isEligible(audience, win)) out.push(id);
  });
  return out;
}

/**
 * Cells of the given rows in one block read over their span (or one read per field when the span is huge);
 * the block is indexed by row - first.
 */
function readSpan(log: LogHandle, rows: readonly number[], fields: readonly WinField[]): { first: number; block: unknown[][] } {
  const first = Math.min(...rows);
  const lastRow = Math.max(...rows);
  const span = lastRow - first + 1;
  if (span * log.width <= BLOCK_CELLS) return { first, block: readRows(log, first, lastRow) };
  const block = Array.from({ length: span }, () => new Array(log.width).fill(''));
  for (const f of fields) {
    const values = log.sheet.getRange(first, log.columns[f] + 1, span, 1).getValues();
    values.forEach((v, i) => (block[i][log.columns[f]] = v[0]));
  }
  return { first, block };
}

/** Full rows of the given wins in one block read over their span (or one read per field when the span is huge). */
function loadWins(run: Run, ids: readonly string[]): WinForNewsletter[] {
  const missing = ids.filter((id) => !run.wins.has(id) && run.idRows.has(id));
  if (missing.length) {
    const { first, block } = readSpan(run.log, missing.map((id) => run.idRows.get(id)!), WIN_FIELDS_USED);
    for (const id of missing) {
      const fields = decodeRow(block[run.idRows.get(id)! - first], run.log.columns);
      const win = {} as WinForNewsletter;
      for (const f of WIN_FIELDS_USED) (win as unknown as Record<string, string>)[f] = fields[f] ?? '';
      run.wins.set(id, win);
    }
  }
  return ids.filter((id) => run.wins.has(id)).map((id) => run.wins.get(id)!);
}

function modelFor(run: Run, issue: Issue): NewsletterModel {
  const wins = loadWins(run, issue.winIds);
  return newsletterModel({
    schoolName: run.settings.schoolName,
    audience: issue.audience,
    number: issue.number,
    period: issue.period,
    wins,
    goalOrder: run.goalOrder,
    credited: run.settings.creditContributors,
    previous: previousStats(run.issues.issues, issue.audience, issue.number),
  });
}

/**
 * Takes a claimed issue from whatever state it is in to Done: Doc, then draft (no lock: only this run writes the
 * issue's row while it holds the claim), then the wins' "Shared in" and Done under the lock.
 */
function completeIssue(run: Run, issue: Issue): void {
  const model = modelFor(run, issue);
  if (issue.state === 'Building') {
    buildDoc(run, issue, model);
    issue.state = 'Doc made';
    updateIssue(run.issues, issue);
  }
  if (issue.state === 'Doc made') {
    if (!issue.draftId) issue.draftId = draftFor(run, issue, model);
    issue.state = 'Drafted';
    updateIssue(run.issues, issue);
  }
  if (issue.state === 'Drafted') withDocumentLock(LOCK_MS, () => finish(run, issue));
}

/** Builds the Doc, retrying with backoff: a retry reopens the recorded Doc and rebuilds it, never making a second. */
function buildDoc(run: Run, issue: Issue, model: NewsletterModel): void {
  let delay = 1000;
  for (let attemptNo = 1; ; attemptNo++) {
    try {
      const built = buildNewsletterDoc(model, {
        templateId: run.settings.templateDocId || undefined,
        existingId: issue.docId || undefined,
        onCreated: (ref) => {
          issue.docId = ref.id;
          issue.docUrl = ref.url;
          updateIssue(run.issues, issue);
        },
      });
      issue.docId = built.id;
      issue.docUrl = built.url;
      for (const p of built.problems) console.warn(`Small Wins: ${label(issue)}: ${p}`);
      return;
    } catch (err) {
      if (attemptNo >= 3 || !isTransient(err) || /template/i.test(String(err))) throw err;
      Utilities.sleep(delay);
      delay *= 2;
    }
  }
}

function draftFor(run: Run, issue: Issue, model: NewsletterModel): string {
  const aud = run.settings.audiences[issue.audience];
  const staff = issue.audience === 'Staff';
  const opts = staff ? { docUrl: issue.docUrl } : {};
  const email = fitEmailHtml(model, opts);
  if (email.shortened) {
    note(issue, `${email.shortened} long ${email.shortened === 1 ? 'story was' : 'stories were'} shortened to ${email.maxChars} characters in the email so that Gmail shows it whole${staff ? '; the Doc has them in full' : ''}.`);
  }
  if (!email.fits) {
    note(issue, `The email is still ${Math.round(email.bytes / 1024)} KB: Gmail shows about the first 100 KB and then "View entire message". Consider splitting the wins over two issues.`);
  }
  return createDraft({
    // Staff see each other's addresses; families and the public never see other recipients.
    to: staff ? aud.recipients : [],
    bcc: staff ? [] : aud.recipients,
    replyTo: run.settings.replyTo || undefined,
    fromName: run.settings.senderName || run.settings.schoolName,
    subject: emailSubject(model),
    html: email.html,
    text: renderEmailText(model, opts),
  });
}

/** Why a win of the issue no longer qualifies for its audience, or '' when it still does. */
function changedSince(audience: Audience, win: Pick<WinForNewsletter, 'status' | 'consent' | 'consentGiven' | 'namesStudents' | 'privacyCleared'>): string {
  if (!isApproved(win.status)) return `no longer approved: ${win.status.trim() || 'no status'}`;
  if (!audienceAllows(audience, win)) return `its consent or privacy check no longer allows ${audience}`;
  return '';
}

/**
 * (3) Under the lock: the issue's row read fresh (found by key) and still this run's; each win found by ID and
 * read fresh, and only the wins that still qualify marked. Only the Shared in column is written (one span).
 */
function finish(run: Run, issue: Issue): void {
  const fresh = openIssues(run.ss);
  const current = fresh.issues.find((i) => i.key === issue.key);
  if (!current) throw new Error('Its row is no longer in the Newsletters sheet');
  if (current.state === 'Cancelled') throw new Error('It was cancelled while it was being drafted');
  if (current.run && current.run !== run.id) throw new Error('Another run took it over');
  const tag = { audience: issue.audience, number: issue.number };
  const log = run.log;
  const last = log.sheet.getLastRow();
  const idRows = rowsById(readColumn(log, 'id', last).map((v) => fromCell(v).trim()));
  const rows = issue.winIds.map((id) => idRows.get(id)).filter((r): r is number => r !== undefined);
  const skipped: string[] = issue.winIds.filter((id) => !idRows.has(id)).map((id) => `${id} (no longer in the log)`);
  if (rows.length) {
    const { first, block } = readSpan(log, rows, MARK_FIELDS);
    const col = log.columns.sharedIn;
    // Cells are written back as text (like every Shared in write), so "007" or "3/4" typed by hand stays as typed.
    const before = block.map((r) => fromCell(r[col]));
    const next = before.map((v) => encodeCell('sharedIn', v));
    let lo = -1;
    let hi = -1;
    for (const id of issue.winIds) {
      const row = idRows.get(id);
      if (row === undefined) continue;
      const i = row - first;
      const win = decodeRow(block[i], log.columns);
      const why = changedSince(issue.audience, { status: win.status ?? '', consent: win.consent ?? '', consentGiven: win.consentGiven ?? '', namesStudents: win.namesStudents ?? '', privacyCleared: win.privacyCleared ?? '' });
      if (why) {
        skipped.push(`${id} (${why})`);
        continue;
      }
      const value = addTag(before[i], tag);
      if (value === before[i]) continue;
      next[i] = encodeCell('sharedIn', value);
      if (lo < 0 || i < lo) lo = i;
      if (i > hi) hi = i;
    }
    if (lo >= 0) log.sheet.getRange(first + lo, col + 1, hi - lo + 1, 1).setValues(next.slice(lo, hi + 1).map((v) => [v]));
  }
  if (skipped.length) {
    note(issue, `${skipped.length} win${skipped.length === 1 ? '' : 's'} changed while the issue was being drafted and ${skipped.length === 1 ? 'was' : 'were'} not marked as shared: ${skipped.join('; ')}. ${skipped.length === 1 ? 'It is' : 'They are'} still in the Doc and the draft: take ${skipped.length === 1 ? 'it' : 'them'} out before sending.`);
  }
  issue.row = current.row;
  issue.state = 'Done';
  issue.run = '';
  issue.runUntil = '';
  updateIssue(fresh, issue);
  run.issues = fresh;
}

/** Rewrites Shared in cells through `change`; returns how many cells changed. One read of two columns, one write. */
function retag(log: LogHandle, change: (cell: string, id: string) => string): number {
  const last = log.sheet.getLastRow();
  const ids = readColumn(log, 'id', last).map((v) => fromCell(v).trim());
  const cells = readColumn(log, 'sharedIn', last).map(fromCell);
  let first = -1;
  let lastChanged = -1;
  const next = cells.slice();
  ids.forEach((id, i) => {
    if (!id) return;
    const v = change(cells[i], id);
    if (v !== cells[i]) {
      next[i] = v;
      if (first < 0) first = i;
      lastChanged = i;
    }
  });
  if (first < 0) return 0;
  const values = next.slice(first, lastChanged + 1).map((v) => [encodeCell('sharedIn', v)]);
  log.sheet.getRange(first + 2, log.columns.sharedIn + 1, values.length, 1).setValues(values);
  return next.filter((v, i) => v !== cells[i]).length;
}

// ---- Cancelling --------------------------------------------------------------------------------------------------

/** Cancels an unsent issue: its wins become eligible again, its draft is deleted, its Doc marked cancelled. */
export function cancelIssue(key: string, force: boolean): CancelResult {
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(LOCK_MS, () => {
    const issues = openIssues(ss);
    const issue = issues.issues.find((i) => i.key === key);
    if (!issue) return { ok: false, message: 'That issue is not in the Newsletters sheet any more.' };
    if (issue.state === 'Cancelled') return { ok: true, message: `${label(issue)} was already cancelled.` };
    if (claimedByOther(issue, '', Date.now())) {
      const until = new Date(issue.runUntil ?? '');
      return { ok: false, message: `${label(issue)} is being drafted right now. Try again in a minute or two (by ${Utilities.formatDate(until, ss.getSpreadsheetTimeZone(), 'HH:mm')} at the latest), once its draft is ready.` };
    }
    const me = Session.getEffectiveUser().getEmail();
    const mine = !issue.createdBy || issue.createdBy === me;
    if (issue.draftId && mine && !force && !draftExists(issue.draftId)) {
      return {
        ok: false,
        needsConfirmation: true,
        message: `The Gmail draft of ${label(issue)} is no longer in your drafts: it may have been sent. Cancel the issue anyway only if it was never sent.`,
      };
    }
    const { log, problem } = openLog(ss);
    if (!log) throw new Error(problem);
    const tag = { audience: issue.audience, number: issue.number };
    const freed = retag(log, (cell) => removeTag(cell, tag));
    const notes: string[] = [];
    if (issue.draftId) {
      if (!mine) notes.push(`The draft is in ${issue.createdBy}'s Gmail: ask them to delete it.`);
      else if (removeDraft(issue.draftId)) notes.push('Its Gmail draft was deleted.');
    }
    if (issue.docId) {
      try {
        markDocCancelled(issue.docId);
        notes.push('Its Doc is kept, marked [Cancelled] in its title.');
      } catch (err) {
        console.warn(`Small Wins: the Doc of ${label(issue)} could not be renamed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    issue.state = 'Cancelled';
    issue.cancelled = `${localNow(ss).text} by ${me}`;
    updateIssue(issues, issue);
    return { ok: true, message: `${label(issue)} is cancelled: ${freed} win${freed === 1 ? ' is' : 's are'} eligible again. ${notes.join(' ')}`.trim() };
  });
}

/** The most recent issues, newest first, for the Settings dialog. */
export function recentIssues(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, limit = 15): RecentIssue[] {
  const sheet = ss.getSheetByName('Newsletters');
  if (!sheet) return [];
  return openIssues(ss)
    .issues.slice(-limit)
    .reverse()
    .map((i) => ({
      key: i.key,
      label: label(i),
      audience: i.audience,
      period: i.period,
      state: i.state,
      wins: i.winIds.length,
      docUrl: /^https:\/\//.test(i.docUrl) ? i.docUrl : '',
      createdAt: i.createdAt,
      createdBy: i.createdBy,
      cancellable: i.state !== 'Cancelled',
    }));
}

export type { LocalTime, CancelResult, RecentIssue };
