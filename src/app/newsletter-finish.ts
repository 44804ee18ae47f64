// Step (3) of a newsletter run, under the document lock: the wins that still qualify marked "Shared in" the issue
// (one span write) and the issue's row set to Done, or an error when the issue was cancelled or taken over meanwhile.
import { openIssues, updateIssue } from '../adapters/newsletters-sheet';
import { readColumn } from '../adapters/wins-sheet';
import { rowsById } from '../domain/log-columns';
import type { Issue } from '../domain/newsletter-issues';
import { skippedNote } from '../domain/newsletter-messages';
import { WinField } from '../domain/schema';
import { planMarks, rowsOf } from '../domain/shared-in-marks';
import { fromCell } from '../domain/text';
import { note, readSpan, Run } from './newsletter-state';

/** The issue was cancelled while this run drafted it: nothing is marked, and no result may call it drafted. */
export class IssueCancelled extends Error {
  constructor() {
    super('It was cancelled while it was being drafted');
  }
}

/** What marking re-reads of each win in the issue, to mark only wins that still qualify. */
const MARK_FIELDS: WinField[] = [
  'id',
  'status',
  'consent',
  'consentGiven',
  'namesStudents',
  'privacyCleared',
  'sharedIn',
];

/**
 * Under the lock: the issue's row read fresh (found by key) and still this run's; each win found by ID and
 * read fresh, and only the wins that still qualify marked. Only the Shared in column is written (one span).
 */
export function finish(run: Run, issue: Issue): void {
  const fresh = openIssues(run.ss);
  const current = fresh.issues.find((i) => i.key === issue.key);
  if (!current) throw new Error('Its row is no longer in the Newsletters sheet');
  if (current.state === 'Cancelled') throw new IssueCancelled();
  if (current.run && current.run !== run.id) throw new Error('Another run took it over');
  const log = run.log;
  const last = log.sheet.getLastRow();
  const idRows = rowsById(readColumn(log, 'id', last).map((v) => fromCell(v).trim()));
  const rows = rowsOf(issue.winIds, idRows);
  const { first, block } = rows.length ? readSpan(log, rows, MARK_FIELDS) : { first: 0, block: [] };
  const { write, skipped } = planMarks(issue, idRows, first, block, log.columns);
  if (write) log.sheet.getRange(write.row, log.columns.sharedIn + 1, write.values.length, 1).setValues(write.values);
  if (skipped.length) note(issue, skippedNote(skipped));
  issue.row = current.row;
  issue.state = 'Done';
  issue.run = '';
  issue.runUntil = '';
  updateIssue(fresh, issue);
  run.issues = fresh;
}
