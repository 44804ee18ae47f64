// The Help dialog: what Small Wins does and the first steps, for a leader opening it for the first time.
import { showDialog } from '../adapters/ui';

export function showHelpDialog(): void {
  showDialog(
    'Small Wins: help',
    '<h2>Make progress visible, one small win at a time</h2>' +
      '<ol><li><b>Set up</b> creates the <b>Wins</b> log, a <b>Goals</b> sheet with example goals, and a Form for staff. ' +
      'Edit the goals, then run Set up again to update the Form.</li>' +
      '<li>Share the Form link. Each response becomes a row in the Wins sheet with status <b>New</b> and suggested goals.</li>' +
      '<li>Triage: tag goals, check consent and privacy, and approve the wins worth sharing.</li>' +
      '<li>Approved wins become a newsletter draft (a Google Doc and a Gmail draft) that you read and send yourself.</li>' +
      '<li>Reflect: <b>Refresh dashboard</b> shows the pattern of progress in a <b>Dashboard</b> sheet (rebuilt daily), ' +
      'and <b>Year-end synthesis…</b> makes one Google Doc per goal for staff to reflect on together.</li></ol>' +
      '<p class="note">The Wins sheet stays editable by hand: sort it, filter it, or add columns of your own. ' +
      'Small Wins finds rows by ID and columns by their header names. If a column or the Form goes missing, run Set up to repair it.</p>' +
      '<p class="note">Small Wins never sends email by itself: it only prepares drafts.</p>',
  );
}
