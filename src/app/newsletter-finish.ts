// Step (3) of a newsletter run, under the document lock: the wins that still qualify marked "Shared in" the issue
// (one span write) and the issue's row set to Done, or an error when the issue was cancelled or taken over meanwhile.
import { openIssues, updateIssue } from '../adapters/newsletters-sheet';
import { writeSpan } from '../adapters/wins/log';
import type { Issue } from '../domain/newsletter-issues';
import { changedAfterDraftNote, withAttention } from '../domain/newsletter-recheck';
import { planMarks } from '../domain/shared-in-marks';
import { freshWins, note, Run } from './newsletter-state';

/** The issue was cancelled while this run drafted it: nothing is marked, and no result may call it drafted. */
export class IssueCancelled extends Error {
  constructor() {
    super('It was cancelled while it was being drafted');
  }
}

/**
 * Under the lock: the issue's row read fresh (found by key) and still this run's; its wins read fresh by ID, and only
 * those that still qualify marked. Only the Shared in column is written (one span). A win that stopped qualifying
 * after the draft was made is named in the result and in the issue's Needs attention note.
 */
export function finish(run: Run, issue: Issue): void {
  const fresh = openIssues(run.ss);
  const current = fresh.issues.find((i) => i.key === issue.key);
  if (!current) throw new Error('Its row is no longer in the Newsletters sheet');
  if (current.state === 'Cancelled') throw new IssueCancelled();
  if (current.run && current.run !== run.id) throw new Error('Another run took it over');
  const read = freshWins(run, issue.winIds);
  const { write, skipped } = planMarks(issue, read, run.log.columns);
  if (write) writeSpan(run.log, 'sharedIn', write);
  if (skipped.length) {
    const text = changedAfterDraftNote(skipped);
    note(issue, text);
    issue.attention = withAttention(current.attention || issue.attention, text);
  }
  issue.row = current.row;
  issue.state = 'Done';
  issue.run = '';
  issue.runUntil = '';
  updateIssue(fresh, issue);
  run.issues = fresh;
}
