// What leaders read about newsletter issues: each audience's result of a run, the notes its last steps add,
// the answers to cancelling, and the Settings dialog's list of recent issues.
import type { RecentIssue } from '../settings-api';
import { safeLink } from './links';
import { formatTag } from './win';
import type { Issue } from './newsletter-issues';
import type { FittedEmail } from './newsletter-render';
import type { Audience } from './settings';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** "Families #3" */
export function issueLabel(issue: Pick<Issue, 'audience' | 'number'>): string {
  return formatTag(issue);
}

export function busyMessage(issue: Pick<Issue, 'audience' | 'number' | 'createdBy'>): string {
  return `${issueLabel(issue)} is being drafted right now by another run${issue.createdBy ? ` (${issue.createdBy})` : ''}: it will be in Gmail drafts in a minute or two.`;
}

/** An issue a run found already made: drafted only when it was not cancelled. */
export function existsMessage(issue: Pick<Issue, 'audience' | 'number' | 'state'>): string {
  if (issue.state === 'Cancelled') return `${issueLabel(issue)} was cancelled: no draft was made for it.`;
  return `${issueLabel(issue)} was drafted a moment ago.`;
}

export function emptyMessage(audience: Audience): string {
  return `Nothing new is eligible for ${audience}: no Doc or draft was made.`;
}

/** A finished issue: its wins and period, then the notes its last steps added. */
export function draftedMessage(
  issue: Pick<Issue, 'audience' | 'number' | 'winIds' | 'period'>,
  notes: readonly string[],
): string {
  const n = issue.winIds.length;
  return [`${issueLabel(issue)}: ${n} win${plural(n, '', 's')} (${issue.period}).`, ...notes].join(' ');
}

/** An error as the reason in a sentence: its message without a closing full stop. */
export function failureReason(err: unknown): string {
  return err instanceof Error ? err.message.replace(/\.$/, '') : String(err);
}

/** An issue that stopped: where (by the state it reached), why, and that a rerun finishes it. */
export function failedMessage(issue: Pick<Issue, 'audience' | 'number' | 'state'>, reason: string): string {
  const where =
    issue.state === 'Building'
      ? 'The Doc could not be finished'
      : issue.state === 'Doc made'
        ? 'The Doc is ready but the Gmail draft could not be made'
        : 'The draft is ready but the wins could not be marked as shared';
  return `${issueLabel(issue)}: ${where} (${reason}). No win was marked as shared. Run Draft newsletter now again to finish this issue; nothing will be duplicated.`;
}

/** An issue cancelled (by a leader) while a run was drafting it: not drafted, not to be finished by a rerun. */
export function cancelledMeanwhileMessage(issue: Pick<Issue, 'audience' | 'number'>): string {
  return `${issueLabel(issue)} was cancelled while it was being drafted: no win was marked as shared, and a rerun will not finish it. Delete its Gmail draft if one is there.`;
}

/** Notes on the email: stories shortened so that Gmail shows it whole, or an email still too big for that. */
export function emailNotes(
  email: Pick<FittedEmail, 'shortened' | 'maxChars' | 'fits' | 'bytes'>,
  staff: boolean,
): string[] {
  const notes: string[] = [];
  if (email.shortened) {
    notes.push(
      `${email.shortened} long ${plural(email.shortened, 'story was', 'stories were')} shortened to ${email.maxChars} characters in the email so that Gmail shows it whole${staff ? '; the Doc has them in full' : ''}.`,
    );
  }
  if (!email.fits) {
    notes.push(
      `The email is still ${Math.round(email.bytes / 1024)} KB: Gmail shows about the first 100 KB and then "View entire message". Consider splitting the wins over two issues.`,
    );
  }
  return notes;
}

/** Wins left out of an issue so that its Doc stays within Google Docs' size limit. */
export function movedNote(moved: number): string {
  const one = moved === 1;
  return `${moved} win${one ? '' : 's'} moved to the next issue: with ${one ? 'it' : 'them'} this issue's Doc would pass Google Docs' size limit (about a million characters).`;
}

/** Cancelling an issue another run is drafting: `by` is when its claim runs out, as HH:mm. */
export function cancelBusyMessage(issue: Pick<Issue, 'audience' | 'number'>, by: string): string {
  return `${issueLabel(issue)} is being drafted right now. Try again in a minute or two (by ${by} at the latest), once its draft is ready.`;
}

export function draftGoneMessage(issue: Pick<Issue, 'audience' | 'number'>): string {
  return `The Gmail draft of ${issueLabel(issue)} is no longer in your drafts: it may have been sent. Cancel the issue anyway only if it was never sent.`;
}

export function cancelledMessage(
  issue: Pick<Issue, 'audience' | 'number'>,
  freed: number,
  notes: readonly string[],
): string {
  return `${issueLabel(issue)} is cancelled: ${freed} win${plural(freed, ' is', 's are')} eligible again. ${notes.join(' ')}`.trim();
}

/** The most recent `limit` issues, newest first; a Doc link only when it is an https: address. */
export function recentIssueList(issues: readonly Issue[], limit: number): RecentIssue[] {
  return issues
    .slice(-limit)
    .reverse()
    .map((i) => ({
      key: i.key,
      label: issueLabel(i),
      audience: i.audience,
      period: i.period,
      state: i.state,
      wins: i.winIds.length,
      docUrl: safeLink(i.docUrl) ?? '',
      createdAt: i.createdAt,
      createdBy: i.createdBy,
      cancellable: i.state !== 'Cancelled',
      attention: i.attention,
    }));
}
