// Step (2) of a newsletter run, without the lock: a claimed issue taken from whatever state it is in to Done
// (the Doc, retried with backoff and never made twice; then the Gmail draft; then step (3), the marking).
import { createIssueDraft, isTransient } from '../adapters/mail-draft';
import { draftMark } from '../domain/draft-identity';
import { withDocumentLock } from '../adapters/lock';
import { buildNewsletterDoc } from '../adapters/newsletter-doc';
import { updateIssue } from '../adapters/newsletters-sheet';
import { emailSubject, newsletterModel, NewsletterModel } from '../domain/newsletter';
import { Issue, previousStats } from '../domain/newsletter-issues';
import { emailNotes, issueLabel } from '../domain/newsletter-messages';
import { draftAddresses, retryDoc } from '../domain/newsletter-plan';
import { fitEmailHtml, renderEmailText } from '../domain/newsletter-render';
import { finish } from './newsletter-finish';
import { loadWins, LOCK_MS, note, Run } from './newsletter-state';

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
export function completeIssue(run: Run, issue: Issue): void {
  const model = modelFor(run, issue);
  // A draft can exist before this step only when an earlier run reached it: this run's own Doc step comes first.
  const draftMayExist = issue.state !== 'Building';
  if (issue.state === 'Building') {
    buildDoc(run, issue, model);
    issue.state = 'Doc made';
    updateIssue(run.issues, issue);
  }
  if (issue.state === 'Doc made') {
    if (!issue.draftId) issue.draftId = draftFor(run, issue, model, draftMayExist);
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
      for (const p of built.problems) console.warn(`Small Wins: ${issueLabel(issue)}: ${p}`);
      return;
    } catch (err) {
      if (!retryDoc(attemptNo, isTransient(err), String(err))) throw err;
      Utilities.sleep(delay);
      delay *= 2;
    }
  }
}

/**
 * The issue's one Gmail draft (staff get the Doc's link), found again when `lookFirst` and Gmail has it already;
 * notes when the email had to be shortened or is still big.
 */
function draftFor(run: Run, issue: Issue, model: NewsletterModel, lookFirst: boolean): string {
  const aud = run.settings.audiences[issue.audience];
  const staff = issue.audience === 'Staff';
  const opts = staff ? { docUrl: issue.docUrl } : {};
  const email = fitEmailHtml(model, opts);
  for (const text of emailNotes(email, staff)) note(issue, text);
  const recordedForOthers = new Set(
    run.issues.issues.filter((i) => i.key !== issue.key && i.draftId).map((i) => i.draftId),
  );
  return createIssueDraft(
    {
      ...draftAddresses(issue.audience, aud.recipients),
      replyTo: run.settings.replyTo || undefined,
      fromName: run.settings.senderName || run.settings.schoolName,
      subject: emailSubject(model),
      html: email.html,
      text: renderEmailText(model, opts),
    },
    { mark: draftMark(issue), recordedForOthers },
    lookFirst,
  );
}
