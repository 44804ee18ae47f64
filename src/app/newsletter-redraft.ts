// A newsletter draft that still carries a win a leader changed: a triage save that disqualifies a win in a draft
// still waiting in Gmail (checked with Drafts.get) flags that issue (Needs attention), and the sidebar offers to
// rebuild the draft (Drafts.update) and its Doc without it.
import type { DraftOffer, RebuildResult } from '../api';
import { withDocumentLock } from '../adapters/lock';
import { draftExists, updateDraft } from '../adapters/mail-draft';
import { draftMark } from '../domain/draft-identity';
import { buildNewsletterDoc } from '../adapters/newsletter-doc';
import { IssuesHandle, openIssues, openIssuesIfAny, updateIssue } from '../adapters/newsletters-sheet';
import { localNow, loadSettings } from '../adapters/settings-store';
import { DocumentStore } from '../adapters/store';
import { readGoals } from '../adapters/goals-sheet';
import { idRowsOf, openWinsLog, readColumns, readWinsById } from '../adapters/wins/log';
import { issueStats } from '../domain/newsletter';
import { claimedByOther, draftsOf } from '../domain/newsletter-issues';
import { parseLanguageDrafts } from '../domain/family-languages';
import { failureReason, issueLabel } from '../domain/newsletter-messages';
import { draftIsMine } from '../domain/newsletter-plan';
import {
  creditChangedNote,
  describeLeftOut,
  disqualifiedNote,
  draftIsStale,
  rebuiltNote,
  recheck,
  withAttention,
} from '../domain/newsletter-recheck';
import { AUDIENCES } from '../domain/settings';
import { removeTag, Win } from '../domain/win';
import { creditLine, whyNotAllowed } from '../domain/win-rules';
import { emailFor, modelOf } from './newsletter-build';
import { retag } from './newsletter-cancel';
import { rebuildLanguageDrafts } from './newsletter-languages';
import { LOCK_MS } from './newsletter-state';

/** What the checks of one execution share: the Newsletters sheet, each draft's state, the settings; each read once. */
export interface DraftChecks {
  issues: () => IssuesHandle | null;
  waiting: (draftId: string) => boolean;
  /** Whether newsletters credit contributors (Settings): read only when a save changed a credit line. */
  credited: () => boolean;
}

export function draftChecks(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): DraftChecks {
  let issues: IssuesHandle | null | undefined;
  let credited: boolean | undefined;
  const drafts = new Map<string, boolean>();
  return {
    issues: () => (issues === undefined ? (issues = openIssuesIfAny(ss)) : issues),
    waiting: (id) => {
      if (!drafts.has(id)) drafts.set(id, stillWaiting(id));
      return drafts.get(id)!;
    },
    credited: () => (credited ??= loadSettings(DocumentStore.open()).creditContributors),
  };
}

/**
 * After a save (inside its lock): the issues with a draft still waiting that carries this win, for each audience
 * the save disqualified it from or changed its credit line for, flagged with a Needs attention note; an offer per
 * issue for the sidebar. Each draft of an issue (English, each family language) counts on its own: an issue whose
 * English draft was sent while a language draft waits is flagged. A save that changes neither costs nothing here; a
 * group action reads the Newsletters sheet once.
 */
export function flagDrafts(checks: DraftChecks, before: Win, after: Win, me: () => string): DraftOffer[] {
  const hit = AUDIENCES.filter((a) => !whyNotAllowed(before, a) && whyNotAllowed(after, a));
  // Still allowed, but credited differently (e.g. privacy un-ticked on a student's own win: now "a student").
  const recredited = AUDIENCES.filter(
    (a) => !hit.includes(a) && !whyNotAllowed(after, a) && creditLine(before, a, true) !== creditLine(after, a, true),
  );
  if (!hit.length && !recredited.length) return [];
  const issues = checks.issues();
  if (!issues) return [];
  const offers: DraftOffer[] = [];
  for (const issue of issues.issues) {
    const credit = recredited.includes(issue.audience);
    if (!(hit.includes(issue.audience) || credit) || issue.state === 'Cancelled') continue;
    const drafts = draftsOf(issue);
    if (!drafts.length || !issue.winIds.includes(after.id)) continue;
    if (credit && !checks.credited()) continue;
    const mine = draftIsMine(issue, me());
    if (mine && !drafts.some((id) => checks.waiting(id))) continue;
    const label = issueLabel(issue);
    issue.attention = withAttention(
      issue.attention,
      credit
        ? creditChangedNote(after)
        : disqualifiedNote({ id: after.id, headline: after.headline, why: whyNotAllowed(after, issue.audience) }),
    );
    updateIssue(issues, issue);
    const what = credit ? `${after.id}'s credit line changed, and the old one is` : `${after.id} is`;
    offers.push({
      issue: issue.key,
      label,
      canRebuild: mine,
      message: mine
        ? `${what} in the draft of ${label}, still waiting in your Gmail: rebuild the draft and its Doc ${credit ? 'with the new credit' : 'without it'} (this replaces changes made to them by hand), or ${credit ? 'correct it' : 'take it out'} before sending.`
        : `${what} in the draft of ${label}, in ${issue.createdBy}'s Gmail: ask them to rebuild it or ${credit ? 'correct it' : 'take it out'} before sending.`,
    });
  }
  return offers;
}

/** Whether the draft still waits in Gmail; when Gmail cannot say, it is taken to wait (the flag is the safe side). */
function stillWaiting(draftId: string): boolean {
  try {
    return draftExists(draftId);
  } catch (err) {
    console.warn(`Small Wins: could not check draft ${draftId}: ${failureReason(err)}`);
    return true;
  }
}

function goneMessage(label: string): string {
  return `The draft of ${label} is no longer in your Gmail drafts: it may have been sent, so nothing was rebuilt.`;
}

/**
 * Rebuilds an issue's Doc and each of its drafts still waiting (English, each family language) with only the wins
 * that still qualify (read fresh) and their credit lines as they now read, removes the left-out wins' Shared in mark
 * of the issue (unless its English edition was already sent with them), and records what was done in the issue's
 * Needs attention note.
 */
export function rebuildDraft(key: string): RebuildResult {
  const ss = SpreadsheetApp.getActive();
  const me = Session.getEffectiveUser().getEmail();
  const issues = openIssuesIfAny(ss);
  const issue = issues?.issues.find((i) => i.key === key);
  if (!issues || !issue) return { ok: false, message: 'That issue is not in the Newsletters sheet any more.' };
  const label = issueLabel(issue);
  if (issue.state === 'Cancelled')
    return { ok: false, message: `${label} was cancelled: there is no draft to rebuild.` };
  if (!issue.draftId)
    return {
      ok: false,
      message: `${label} has no draft yet: Draft newsletter now finishes it, without the wins that no longer qualify.`,
    };
  if (!draftIsMine(issue, me))
    return { ok: false, message: `The draft of ${label} is in ${issue.createdBy}'s Gmail: ask them to rebuild it.` };
  if (claimedByOther(issue, '', Date.now()))
    return { ok: false, message: `${label} is being drafted right now. Try again in a minute or two.` };
  // A sent edition is left as it went out; the issue's drafts still waiting (e.g. a language kept to check its
  // translation after the English one was sent) are rebuilt on their own.
  const englishWaiting = draftExists(issue.draftId);
  const anyWaiting =
    englishWaiting || parseLanguageDrafts(issue.languageDrafts ?? '').some((d) => draftExists(d.draftId));
  if (!anyWaiting) return { ok: false, message: goneMessage(label) };

  const log = openWinsLog(ss);
  const read = readWinsById(log, issue.winIds, idRowsOf(readColumns(log, ['id'])));
  const { keep, leftOut } = recheck(issue, read.wins);
  // A credit line that changed is flagged on the issue (flagDrafts): the rebuild then has something to do.
  const stale = draftIsStale(issue.attention);
  if (!leftOut.length && !stale)
    return { ok: true, message: `Every win in ${label} still qualifies: its draft is left as it is.` };
  if (!keep.length)
    return {
      ok: false,
      message: `Nothing in ${label} qualifies any more: cancel the issue in Small Wins → Settings instead.`,
    };

  const settings = loadSettings(DocumentStore.open());
  issue.winIds = keep.map((w) => w.id);
  issue.stats = issueStats(keep);
  const goals = readGoals(ss).goals;
  const model = modelOf(
    settings,
    issue,
    keep,
    goals.map((g) => g.name),
    issues.issues,
    Object.fromEntries(goals.map((g) => [g.name, g.description])),
  );
  // The Doc first (the staff email links to it), then the drafts; the drafts are what must be right.
  let docProblem = '';
  if (issue.docId) {
    try {
      buildNewsletterDoc(model, { templateId: settings.templateDocId || undefined, existingId: issue.docId });
    } catch (err) {
      docProblem = failureReason(err);
    }
  }
  const english = emailFor(settings, issue, model).request;
  if (englishWaiting && !updateDraft(issue.draftId, english, draftMark(issue)))
    return { ok: false, message: goneMessage(label) };
  // A Families issue's drafts per family language carry the win too.
  const languages = rebuildLanguageDrafts(settings, issue, model, keep, english);

  const what = leftOut.length ? `without ${describeLeftOut(leftOut)}` : 'with its credit lines as they now read';
  const note = leftOut.length
    ? rebuiltNote(leftOut, localNow(ss).text, me, docProblem)
    : `Rebuilt on ${localNow(ss).text} by ${me} ${what}.${docProblem ? ` Its Doc could not be rebuilt (${docProblem}): correct its credit lines by hand.` : ''}`;
  withDocumentLock(LOCK_MS, () => {
    const fresh = openIssues(ss);
    const current = fresh.issues.find((i) => i.key === key);
    if (!current) return;
    // The English edition went out with the wins: their mark of this issue stays true.
    if (englishWaiting) {
      const gone = new Set(leftOut.map((w) => w.id));
      const tag = { audience: issue.audience, number: issue.number };
      if (gone.size) retag(log, (cell, id) => (gone.has(id) ? removeTag(cell, tag) : cell));
      current.winIds = issue.winIds;
      current.stats = issue.stats;
    }
    current.attention = englishWaiting ? note : `${note} The English edition had already been sent as it was.`;
    updateIssue(fresh, current);
  });
  const drafts = englishWaiting
    ? `The draft of ${label} was rebuilt`
    : `The English draft of ${label} was already sent; its other drafts were rebuilt`;
  const fix = leftOut.length
    ? leftOut.length === 1
      ? 'take it out of'
      : 'take them out of'
    : 'correct the credit lines in';
  return {
    ok: true,
    message: `${drafts} ${what}; ${englishWaiting ? 'it now carries' : 'they now carry'} ${keep.length} win${keep.length === 1 ? '' : 's'}.${docProblem ? ` Its Doc could not be rebuilt (${docProblem}): ${fix} the Doc by hand.` : ' Its Doc was rebuilt too.'}${languages ? ` ${languages}` : ''}`,
  };
}
