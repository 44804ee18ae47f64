// Cancelling an unsent issue from the Settings dialog (its wins eligible again, its draft deleted, its Doc marked
// cancelled) and the dialog's list of recent issues.
import { draftExists, findIssueDraft, removeDraft } from '../adapters/mail-draft';
import { draftMark } from '../domain/draft-identity';
import { languageName, parseLanguageDrafts } from '../domain/family-languages';
import { emailSubject } from '../domain/newsletter';
import { withDocumentLock } from '../adapters/lock';
import { markDocCancelled } from '../adapters/newsletter-doc';
import { openIssues, openIssuesIfAny, updateIssue } from '../adapters/newsletters-sheet';
import { loadSettings, localNow } from '../adapters/settings-store';
import { openWinsLog, readColumns, WinsLog, writeSpan } from '../adapters/wins/log';
import { removeTag } from '../domain/win';
import { claimedByOther, draftsOf, Issue } from '../domain/newsletter-issues';
import {
  cancelBusyMessage,
  cancelledMessage,
  draftGoneMessage,
  issueLabel,
  recentIssueList,
} from '../domain/newsletter-messages';
import { draftIsMine } from '../domain/newsletter-plan';
import { retagSpan } from '../domain/shared-in-marks';
import { fromCell } from '../domain/text';
import type { CancelResult, RecentIssue } from '../settings-api';
import { removeLanguageDrafts, sameSubjectDrafts } from './newsletter-languages';
import { LOCK_MS } from './newsletter-state';
import { cancelThankYous } from './closing-loop';
import { DocumentStore } from '../adapters/store';

/** Rewrites Shared in cells through `change`; returns how many cells changed. One read of two columns, one write. */
export function retag(log: WinsLog, change: (cell: string, id: string) => string): number {
  const read = readColumns(log, ['id', 'sharedIn']);
  const ids = (read.cells.id ?? []).map((v) => fromCell(v).trim());
  const cells = (read.cells.sharedIn ?? []).map(fromCell);
  while (cells.length < ids.length) cells.push('');
  const { write, changed } = retagSpan(ids, cells, change);
  if (!write) return 0;
  writeSpan(log, 'sharedIn', write);
  return changed;
}

/** Cancels an unsent issue: its wins become eligible again, its draft is deleted, its Doc marked cancelled. */
export function cancelIssue(key: string, force: boolean): CancelResult {
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(LOCK_MS, () => {
    const issues = openIssues(ss);
    const issue = issues.issues.find((i) => i.key === key);
    if (!issue) return { ok: false, message: 'That issue is not in the Newsletters sheet any more.' };
    if (issue.state === 'Cancelled') return { ok: true, message: `${issueLabel(issue)} was already cancelled.` };
    if (claimedByOther(issue, '', Date.now())) {
      const until = new Date(issue.runUntil ?? '');
      return {
        ok: false,
        message: cancelBusyMessage(issue, Utilities.formatDate(until, ss.getSpreadsheetTimeZone(), 'HH:mm')),
      };
    }
    const me = Session.getEffectiveUser().getEmail();
    const mine = draftIsMine(issue, me);
    if (issue.draftId && mine && !force && !draftExists(issue.draftId)) {
      return { ok: false, needsConfirmation: true, message: draftGoneMessage(issue) };
    }
    const log = openWinsLog(ss);
    const tag = { audience: issue.audience, number: issue.number };
    const freed = retag(log, (cell) => removeTag(cell, tag));
    const notes: string[] = [];
    if (issue.draftId) {
      if (!mine)
        notes.push(
          issue.languageDrafts
            ? `The drafts (in English and each family language) are in ${issue.createdBy}'s Gmail: ask them to delete them.`
            : `The draft is in ${issue.createdBy}'s Gmail: ask them to delete it.`,
        );
      else if (removeDraft(issue.draftId)) notes.push('Its Gmail draft was deleted.');
    }
    if (mine) {
      const thanks = cancelThankYous(DocumentStore.open(), issue);
      if (thanks) notes.push(thanks);
    }
    if (issue.languageDrafts && mine) {
      const removed = removeLanguageDrafts(issue);
      if (removed) notes.push(removed);
    }
    if (mine) notes.push(...removeUnrecordedDrafts(issues.issues, issue));
    if (issue.docId) {
      try {
        markDocCancelled(issue.docId);
        notes.push('Its Doc is kept, marked [Cancelled] in its title.');
      } catch (err) {
        console.warn(
          `Small Wins: the Doc of ${issueLabel(issue)} could not be renamed: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }
    issue.state = 'Cancelled';
    issue.cancelled = `${localNow(ss).text} by ${me}`;
    updateIssue(issues, issue);
    return { ok: true, message: cancelledMessage(issue, freed, notes) };
  });
}

/**
 * The drafts a run made for the issue but never recorded (it was cut off, or Gmail failed on the way back), found in
 * the cancelling leader's own Gmail by their identity and deleted: the English draft, and a language draft made with
 * the English edition (its subject is the English one). Looked for only when the issue reached its drafts (Doc
 * made) and one is not recorded: one Settings read, then per draft looked for a list call and at most one get.
 */
function removeUnrecordedDrafts(all: readonly Issue[], issue: Issue): string[] {
  if (issue.state !== 'Doc made') return [];
  const settings = loadSettings(DocumentStore.open());
  const pending =
    issue.audience === 'Families'
      ? settings.familyLanguages
          .map((l) => l.code)
          .filter((code) => !parseLanguageDrafts(issue.languageDrafts ?? '').some((d) => d.code === code))
      : [];
  if (issue.draftId && !pending.length) return [];
  const recorded = new Set(all.flatMap(draftsOf));
  const subject = emailSubject({ schoolName: settings.schoolName, period: issue.period, audience: issue.audience });
  const checks = sameSubjectDrafts(settings, issue);
  const notes: string[] = [];
  if (!issue.draftId) {
    const found = findIssueDraft(subject, { mark: draftMark(issue), recordedForOthers: recorded, checks });
    if (found && removeDraft(found)) notes.push('Its Gmail draft was deleted.');
  }
  const removed: string[] = [];
  for (const code of pending) {
    const found = findIssueDraft(subject, { mark: draftMark(issue, code), recordedForOthers: recorded, checks });
    if (found && removeDraft(found)) removed.push(languageName(code));
  }
  if (removed.length)
    notes.push(
      `Its unrecorded ${removed.length === 1 ? `${removed[0]} draft was` : `drafts in ${removed.join(', ')} were`} deleted.`,
    );
  const left = pending.filter((code) => !removed.includes(languageName(code))).map(languageName);
  if (left.length)
    notes.push(
      `The run that made this issue stopped before its ${left.join(', ')} draft${left.length === 1 ? '' : 's'} ${left.length === 1 ? 'was' : 'were'} recorded: if ${left.length === 1 ? 'one is' : 'any is'} in your Gmail drafts (its subject translated), delete it by hand.`,
    );
  return notes;
}

/** The most recent issues, newest first, for the Settings dialog. */
export function recentIssues(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, limit = 15): RecentIssue[] {
  const issues = openIssuesIfAny(ss);
  return issues ? recentIssueList(issues.issues, limit) : [];
}
