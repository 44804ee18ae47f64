// The line Small Wins keeps in the Wins sheet's header row while form responses wait to be added: leaders see it in
// the sheet (also on a phone) and the triage sidebar reads it with the header it reads anyway. Never a column.
import { cellString } from './text';

const NOTICE = /^Small Wins: (\d+) form responses? (?:is|are) waiting to be added/;

export function waitingNotice(count: number): string {
  const n = Math.max(0, Math.floor(count));
  return n === 1
    ? 'Small Wins: 1 form response is waiting to be added to this log (it is added within the hour).'
    : `Small Wins: ${n} form responses are waiting to be added to this log (they are added within the hour).`;
}

/** The count a notice cell says, or null when the cell is not Small Wins' notice. */
export function waitingCount(cell: unknown): number | null {
  const m = NOTICE.exec(cellString(cell).trim());
  return m ? Number(m[1]) : null;
}

/** The notice in a header row: its 0-based column and count, or null when there is none. */
export function findWaitingNotice(header: readonly unknown[]): { column: number; count: number } | null {
  for (let i = 0; i < header.length; i++) {
    const count = waitingCount(header[i]);
    if (count !== null) return { column: i, count };
  }
  return null;
}

/** What the triage sidebar says while responses wait, or '' when none do. */
export function waitingSentence(count: number): string {
  if (count <= 0) return '';
  return count === 1
    ? '1 form response is waiting to be added to the log; Small Wins adds it within the hour.'
    : `${count} form responses are waiting to be added to the log; Small Wins adds them within the hour.`;
}
