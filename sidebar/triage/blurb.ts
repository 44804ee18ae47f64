// Plain rules for the public blurb box: the contact checks made while the leader types (the same as the
// server's warnings), and when a newly arrived blurb replaces what is in the box.
import { containsEmail, containsPhone } from '../../src/domain/triage';

/** What the blurb gives away that a newsletter should not: an email address, a phone number; empty if neither. */
export function blurbContactWarning(blurb: string): string {
  return [
    containsEmail(blurb) ? 'This blurb contains an email address.' : '',
    containsPhone(blurb) ? 'This blurb contains what looks like a phone number.' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * What the box shows when a win arrives: a different win, or a new version of this one, shows its saved blurb,
 * unless the leader has typed since the last saved text arrived (their typing is never thrown away).
 */
export function blurbToShow(
  before: { id: string; blurb: string },
  arrived: { id: string; blurb: string },
  typed: string,
): string {
  return before.id !== arrived.id || typed === before.blurb ? arrived.blurb : typed;
}
