// Step (2) of a newsletter run, without the lock: a claimed issue taken from whatever state it is in to Done. Its
// wins are read fresh and checked again right before the Doc is written and right before the draft is (a win
// narrowed, archived or un-approved meanwhile is left out, and the leader told which and why); the Doc is retried
// with backoff and never made twice; then step (3), the marking.
import type { ProgressStore } from '../adapters/docs-api';
import { createIssueDraft, findIssueDraft, isTransient, updateDraft } from '../adapters/mail-draft';
import { draftMark } from '../domain/draft-identity';
import { withDocumentLock } from '../adapters/lock';
import { buildNewsletterDoc, markDocCancelled } from '../adapters/newsletter-doc';
import { updateIssue } from '../adapters/newsletters-sheet';
import type { BuildProgress } from '../domain/doc-build';
import { issueStats, newsletterModel, NewsletterModel } from '../domain/newsletter';
import { Issue, previousStats } from '../domain/newsletter-issues';
import { emailNotes, failureReason, issueLabel, movedNote } from '../domain/newsletter-messages';
import { fitDoc } from '../domain/newsletter-outline';
import { draftAddresses, retryDoc } from '../domain/newsletter-plan';
import {
  docNotRebuiltNote,
  LeftOut,
  leftOutOfDraftNote,
  leftOutOfIssueNote,
  leftOutOfResumedNote,
  recheck,
  withAttention,
} from '../domain/newsletter-recheck';
import { renderEdition } from '../domain/newsletter-render';
import { editionWords, NewsletterSettings } from '../domain/settings';
import type { Win } from '../domain/win';
import { draftThankYous } from './closing-loop';
import { finish } from './newsletter-finish';
import { draftLanguageEditions, languagesPending, sameSubjectDrafts } from './newsletter-languages';
import { freshWins, LOCK_MS, note, Run } from './newsletter-state';

/** The issue's model from the wins given (the ones that passed the re-check). */
export function modelOf(
  settings: NewsletterSettings,
  issue: Issue,
  wins: readonly Win[],
  goalOrder: readonly string[],
  issues: readonly Issue[],
  goalDescriptions: Readonly<Record<string, string>> = {},
): NewsletterModel {
  return newsletterModel({
    ...editionWords(settings, issue.audience),
    goalDescriptions,
    schoolName: settings.schoolName,
    audience: issue.audience,
    number: issue.number,
    period: issue.period,
    wins,
    goalOrder,
    credited: settings.creditContributors,
    previous: previousStats(issues, issue.audience, issue.number),
  });
}

/**
 * The moment of sharing: the issue's wins read fresh and checked again. Wins left out are dropped from the issue
 * (so marking never tags them) and named in the result and the issue's Needs attention note.
 */
function checked(
  run: Run,
  issue: Issue,
  stage: 'doc' | 'draft' | 'resume',
): { model: NewsletterModel; leftOut: LeftOut[]; keep: Win[] } {
  const { keep, leftOut } = recheck(issue, freshWins(run, issue.winIds).wins);
  if (leftOut.length) {
    // A resumed issue's note is written once its Doc was rebuilt (or could not be): see rebuildResumedDoc.
    if (stage !== 'resume') attend(issue, stage === 'doc' ? leftOutOfIssueNote(leftOut) : leftOutOfDraftNote(leftOut));
    issue.winIds = keep.map((w) => w.id);
  }
  issue.stats = issueStats(keep);
  return {
    model: modelOf(run.settings, issue, keep, run.goalOrder, run.issues.issues, run.goalDescriptions),
    leftOut,
    keep,
  };
}

/**
 * An issue that would pass a Doc's size limit keeps its first wins (in log order) up to the limit; the others are
 * left out of it, unmarked, so the next issue carries them. Recorded on the issue's row before the Doc is written.
 */
function cutToFit(run: Run, issue: Issue, keep: readonly Win[], model: NewsletterModel): NewsletterModel {
  const modelOfFirst = (n: number) =>
    modelOf(run.settings, issue, keep.slice(0, n), run.goalOrder, run.issues.issues, run.goalDescriptions);
  const fits = fitDoc(keep.length, modelOfFirst);
  if (fits >= keep.length) return model;
  issue.winIds = keep.slice(0, fits).map((w) => w.id);
  issue.stats = issueStats(keep.slice(0, fits));
  updateIssue(run.issues, issue);
  note(issue, movedNote(keep.length - fits));
  return modelOfFirst(fits);
}

/** Where a run records how far it got with the issue's Doc (document properties, one call per batch). */
function progressStore(run: Run, issue: Issue): ProgressStore {
  const key = `docBuild ${issue.key}`;
  return {
    load: () => run.store.config[key] as BuildProgress | undefined,
    save: (p) => run.store.save({ [key]: p }),
    clear: () => {
      if (run.store.config[key] !== undefined) run.store.remove(key);
    },
  };
}

/** A sentence for the run's result and the issue's Needs attention note. */
function attend(issue: Issue, text: string): void {
  note(issue, text);
  issue.attention = withAttention(issue.attention, text);
}

/** Nothing in the issue qualifies any more: it is cancelled (its wins stay eligible), its Doc marked if made. */
function nothingLeft(run: Run, issue: Issue): void {
  if (issue.docId) {
    try {
      markDocCancelled(issue.docId);
    } catch (err) {
      console.warn(`Small Wins: the Doc of ${issueLabel(issue)} could not be renamed: ${String(err)}`);
    }
  }
  const text = 'Nothing in this issue qualified any more when it was written, so it was cancelled: no draft was made.';
  note(issue, text);
  issue.attention = withAttention(issue.attention, text);
  issue.state = 'Cancelled';
  issue.cancelled = `${run.nowText}: nothing left to share`;
  issue.run = '';
  issue.runUntil = '';
  updateIssue(run.issues, issue);
}

/**
 * Takes a claimed issue from whatever state it is in to Done: Doc, then draft (no lock: only this run writes the
 * issue's row while it holds the claim), then the wins' "Shared in" and Done under the lock.
 */
export function completeIssue(run: Run, issue: Issue): void {
  // A draft can exist before this step only when an earlier run reached it: this run's own Doc step comes first.
  const draftMayExist = issue.state !== 'Building';
  if (issue.state === 'Building') {
    const { model, keep } = checked(run, issue, 'doc');
    if (!issue.winIds.length) return nothingLeft(run, issue);
    buildDoc(run, issue, cutToFit(run, issue, keep, model));
    issue.state = 'Doc made';
    updateIssue(run.issues, issue);
  }
  if (issue.state === 'Doc made') {
    // A Families issue also gets a draft per family language, after its English one (newsletter-languages).
    const languages = languagesPending(run.settings, issue);
    if (!issue.draftId || languages) {
      // An earlier run wrote the Doc and maybe some drafts, then was cut off or failed: whatever this rerun reads
      // now (a win left out, a credit line changed) goes into the Doc and every draft of the issue, not only the
      // drafts still to make.
      const resumed = draftMayExist;
      const { model, leftOut, keep } = checked(run, issue, resumed ? 'resume' : 'draft');
      if (!issue.winIds.length) {
        if (resumed) attend(issue, leftOutOfDraftNote(leftOut));
        return nothingLeft(run, issue);
      }
      if (resumed) rebuildResumedDoc(run, issue, model, leftOut);
      const email = emailFor(run.settings, issue, model);
      if (!issue.draftId) issue.draftId = draftFor(run, issue, email, resumed);
      else if (resumed) rewriteEnglishDraft(issue, email);
      if (languages || (resumed && issue.audience === 'Families'))
        draftLanguageEditions(run, issue, model, keep, email.request, resumed);
    }
    issue.state = 'Drafted';
    updateIssue(run.issues, issue);
  }
  if (issue.state === 'Drafted') {
    // Before the wins are marked: a thank-you goes to whoever's win this issue is the first to carry outside school.
    draftThankYous(run, issue);
    withDocumentLock(LOCK_MS, () => finish(run, issue));
  }
}

/** Builds the Doc, retrying with backoff: a retry continues the recorded Doc, never making a second. */
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
        progress: progressStore(run, issue),
      });
      issue.docId = built.id;
      issue.docUrl = built.url;
      for (const p of built.problems) console.warn(`Small Wins: ${issueLabel(issue)}: ${p}`);
      return;
    } catch (err) {
      if (!retryDoc(attemptNo, isTransient(err), String(err))) throw err;
      Utilities.sleep(delay);
      delay *= 2;
    }
  }
}

/** The issue's email (staff get the Doc's link), with notes when it had to be shortened or is still big. */
export function emailFor(settings: NewsletterSettings, issue: Issue, model: NewsletterModel) {
  const aud = settings.audiences[issue.audience];
  const staff = issue.audience === 'Staff';
  const opts = staff ? { docUrl: issue.docUrl } : {};
  const edition = renderEdition(model, opts);
  return {
    notes: emailNotes(edition, staff),
    request: {
      ...draftAddresses(issue.audience, aud.recipients),
      replyTo: settings.replyTo || undefined,
      fromName: settings.senderName || settings.schoolName,
      subject: edition.subject,
      html: edition.html,
      text: edition.text,
    },
  };
}

/**
 * A resumed issue's Doc rebuilt from the wins as they are now (the same path as a Doc cut off between batches: its
 * generated content rewritten from the outline, batch by batch); the leader told what was left out, and told in plain
 * words when the Doc could not be rebuilt.
 */
function rebuildResumedDoc(run: Run, issue: Issue, model: NewsletterModel, leftOut: readonly LeftOut[]): void {
  let problem = '';
  // The link the issue's row holds is what the staff email carries (a link typed over by hand is dropped, not
  // rebuilt from the Doc's ID): the rebuild rewrites the Doc's content only.
  const docUrl = issue.docUrl;
  try {
    buildDoc(run, issue, model);
    issue.docUrl = docUrl;
  } catch (err) {
    issue.docUrl = docUrl;
    // The execution's time limit ends the run (the next one resumes the Doc from its recorded batch).
    if (/Exceeded maximum execution time/.test(String(err))) throw err;
    problem = failureReason(err);
    console.warn(`Small Wins: the Doc of ${issueLabel(issue)} could not be rebuilt: ${problem}`);
  }
  if (leftOut.length) attend(issue, leftOutOfResumedNote(leftOut, problem));
  else if (problem) attend(issue, docNotRebuiltNote(problem));
}

/** A resumed issue's recorded English draft rewritten from the wins as they are now (one Drafts.update). */
function rewriteEnglishDraft(issue: Issue, email: ReturnType<typeof emailFor>): void {
  if (updateDraft(issue.draftId, email.request, draftMark(issue))) return;
  attend(
    issue,
    `The English draft of ${issueLabel(issue)} was no longer in your Gmail drafts (sent or deleted) when a later run finished the issue, so it could not be brought up to date: check what went out.`,
  );
}

/**
 * The issue's one Gmail draft, found again when `lookFirst` and Gmail has it already (an earlier run made it, then
 * was cut off or failed before recording it); a found draft is rewritten from the wins just checked (a win left out,
 * a credit line changed meanwhile). Notes when the email had to be shortened or is still big.
 */
function draftFor(run: Run, issue: Issue, email: ReturnType<typeof emailFor>, lookFirst: boolean): string {
  for (const text of email.notes) note(issue, text);
  const identity = {
    mark: draftMark(issue),
    recordedForOthers: new Set(run.issues.issues.filter((i) => i.key !== issue.key && i.draftId).map((i) => i.draftId)),
    checks: sameSubjectDrafts(run.settings, issue),
  };
  if (lookFirst) {
    const found = findIssueDraft(email.request.subject, identity);
    if (found) {
      updateDraft(found, email.request, identity.mark);
      return found;
    }
  }
  return createIssueDraft(email.request, identity, false);
}
