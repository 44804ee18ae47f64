// Newsletter issues, end to end: what is due, which wins each audience gets, the Doc, the Gmail draft, and the
// bookkeeping that lets a cut-off run resume and a double-fired trigger do nothing. Also cancelling an issue.
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
import { addTag, emailSubject, isEligible, issueStats, newsletterModel, NewsletterModel, removeTag, WinForNewsletter } from '../domain/newsletter';
import { Issue, issueKey, isFinished, nextIssueNumber, previousStats } from '../domain/newsletter-issues';
import { renderEmailHtml, renderEmailText } from '../domain/newsletter-render';
import { WinField } from '../domain/schema';
import { AUDIENCES, Audience, NewsletterSettings } from '../domain/settings';
import { fromCell } from '../domain/text';
import type { CancelResult, RecentIssue } from '../settings-api';

export type RunMode = 'now' | 'scheduled';

export interface AudienceResult {
  audience: Audience;
  outcome: 'drafted' | 'resumed' | 'empty' | 'exists' | 'failed';
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

const SELECTION_FIELDS: WinField[] = ['status', 'consent', 'namesStudents', 'privacyCleared', 'sharedIn'];
const WIN_FIELDS_USED: Array<keyof WinForNewsletter & WinField> = [
  'id', 'status', 'kind', 'headline', 'story', 'blurb', 'goals', 'consent', 'namesStudents', 'privacyCleared', 'featured', 'name', 'email', 'role', 'sharedIn', 'submittedAt',
];
/** Above this many cells, the wins' rows are read column by column over their span instead of whole. */
const BLOCK_CELLS = 150000;
const LOCK_MS = 30000;
const EMPTY_MEMORY = 30;

interface Run {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  store: DocumentStore;
  settings: NewsletterSettings;
  me: string;
  nowText: string;
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

/** The menu's Draft newsletter now and the hourly trigger both come here, under the document lock. */
export function runNewsletter(mode: RunMode): RunReport {
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(LOCK_MS, () => {
    const store = DocumentStore.open();
    const settings = loadSettings(store);
    const audiences = AUDIENCES.filter((a) => settings.audiences[a].enabled);
    if (!settings.schoolName) return { results: [], note: 'Open Small Wins → Settings and enter the school name and audiences first.' };
    if (audiences.length === 0) return { results: [], note: 'No audience is turned on: turn on Staff, Families or Public in Settings.' };
    const now = localNow(ss);
    let period: Period;
    if (mode === 'scheduled') {
      const due = duePeriod(settings.cadence, now.time, scheduleSince(store));
      if (!due) return { results: [], note: settings.cadence.kind === 'off' ? 'The schedule is off.' : 'No issue is due now.' };
      const empty = store.config.newsletterEmptyPeriods ?? [];
      if (audiences.every((a) => empty.includes(issueKey(a, due.key)))) return { results: [], note: 'Nothing was eligible this period.' };
      period = due;
    } else period = onDemandPeriod(now.time);

    const issues = openIssues(ss);
    const pending = issues.issues.filter((i) => !isFinished(i));
    // The hourly check costs a few calls once this period's issues exist: the log is not read.
    if (mode === 'scheduled' && pending.length === 0 && audiences.every((a) => issues.issues.some((i) => i.key === issueKey(a, period.key)))) {
      return { results: [], note: 'This period\u2019s issues are already drafted.' };
    }
    const run = openRun(ss, store, settings, issues, now.text);
    const results: AudienceResult[] = [];
    const emptyKeys: string[] = [];
    for (const audience of audiences) {
      for (const issue of run.issues.issues.filter((i) => i.audience === audience && !isFinished(i))) {
        results.push(attempt(audience, issue, () => completeIssue(run, issue), 'resumed'));
      }
      const key = issueKey(audience, period.key);
      const existing = run.issues.issues.find((i) => i.key === key);
      if (existing) {
        if (mode === 'now') results.push({ audience, outcome: 'exists', issue: label(existing), docUrl: existing.docUrl, message: `${label(existing)} was drafted a moment ago.` });
        continue;
      }
      if (mode === 'scheduled' && (store.config.newsletterEmptyPeriods ?? []).includes(key)) continue;
      const eligible = eligibleIds(run, audience);
      if (eligible.length === 0) {
        results.push({ audience, outcome: 'empty', message: `Nothing new is eligible for ${audience}: no Doc or draft was made.` });
        if (mode === 'scheduled') emptyKeys.push(key);
        continue;
      }
      const wins = loadWins(run, eligible);
      const number = nextIssueNumber(run.issues.issues, audience);
      const issue: Issue = {
        row: 0,
        number,
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
      };
      // Recorded before anything is built: a rerun finds it and resumes it instead of starting another.
      appendIssue(run.issues, issue);
      results.push(attempt(audience, issue, () => completeIssue(run, issue), 'drafted'));
    }
    if (emptyKeys.length) store.save({ newsletterEmptyPeriods: [...(store.config.newsletterEmptyPeriods ?? []), ...emptyKeys].slice(-EMPTY_MEMORY) });
    return { results };
  });
}

function label(issue: Pick<Issue, 'audience' | 'number'>): string {
  return `${issue.audience} #${issue.number}`;
}

function attempt(audience: Audience, issue: Issue, work: () => void, outcome: 'drafted' | 'resumed'): AudienceResult {
  try {
    work();
    return {
      audience,
      outcome,
      issue: label(issue),
      docUrl: issue.docUrl,
      draftId: issue.draftId,
      wins: issue.winIds.length,
      message: `${label(issue)}: ${issue.winIds.length} win${issue.winIds.length === 1 ? '' : 's'} (${issue.period}).`,
    };
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/\.$/, '') : String(err);
    console.error(`Small Wins: ${label(issue)} stopped at "${issue.state}": ${reason}`);
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

/** Reads what selection needs: the log's ID and selection columns, the goals' order. */
function openRun(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, store: DocumentStore, settings: NewsletterSettings, issues: IssuesHandle, nowText: string): Run {
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
    const win = { status: run.cols.status[i], consent: run.cols.consent[i], namesStudents: run.cols.namesStudents[i], privacyCleared: run.cols.privacyCleared[i], sharedIn: run.cols.sharedIn[i] };
    if (isEligible(audience, win)) out.push(id);
  });
  return out;
}

/** Full rows of the given wins in one block read over their span (or one read per field when the span is huge). */
function loadWins(run: Run, ids: readonly string[]): WinForNewsletter[] {
  const missing = ids.filter((id) => !run.wins.has(id) && run.idRows.has(id));
  if (missing.length) {
    const rows = missing.map((id) => run.idRows.get(id)!);
    const first = Math.min(...rows);
    const lastRow = Math.max(...rows);
    const span = lastRow - first + 1;
    const columns = run.log.columns;
    let block: unknown[][];
    if (span * run.log.width <= BLOCK_CELLS) block = readRows(run.log, first, lastRow);
    else {
      block = Array.from({ length: span }, () => new Array(run.log.width).fill(''));
      for (const f of WIN_FIELDS_USED) {
        const values = run.log.sheet.getRange(first, columns[f] + 1, span, 1).getValues();
        values.forEach((v, i) => (block[i][columns[f]] = v[0]));
      }
    }
    for (const id of missing) {
      const fields = decodeRow(block[run.idRows.get(id)! - first], columns);
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

/** Takes an issue from whatever state it is in to Done: Doc, then draft, then the wins' "Shared in". */
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
  if (issue.state === 'Drafted') {
    markShared(run, issue);
    issue.state = 'Done';
    updateIssue(run.issues, issue);
  }
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
  return createDraft({
    // Staff see each other's addresses; families and the public never see other recipients.
    to: staff ? aud.recipients : [],
    bcc: staff ? [] : aud.recipients,
    replyTo: run.settings.replyTo || undefined,
    fromName: run.settings.senderName || run.settings.schoolName,
    subject: emailSubject(model),
    html: renderEmailHtml(model, opts),
    text: renderEmailText(model, opts),
  });
}

/**
 * Records the issue in each win's "Shared in": the ID and Shared in columns read fresh (people may have
 * sorted the sheet), changed in memory, and the changed span of the one column written back in one call.
 */
function markShared(run: Run, issue: Issue): void {
  retag(run.log, (cell, id) => (issue.winIds.includes(id) ? addTag(cell, { audience: issue.audience, number: issue.number }) : cell), (rowIndex, value) => {
    run.cols.sharedIn[rowIndex] = value;
  });
}

/** Rewrites Shared in cells through `change`; returns how many cells changed. One read of two columns, one write. */
function retag(log: LogHandle, change: (cell: string, id: string) => string, onChanged?: (rowIndex: number, value: string) => void): number {
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
      onChanged?.(i, v);
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
