// Checked again at the moment of sharing: which of an issue's wins, read fresh, may still go into its Doc or draft
// (win-rules decide), and the sentences that tell a leader which win was left out and why — in the run's result
// and as the issue's "Needs attention" note, for scheduled runs nobody watches.
import type { Issue } from './newsletter-issues';
import { formatTag, Win } from './win';
import { whyNotAllowed } from './win-rules';
import type { WinField } from './schema';

/** The columns the rules read: what selection reads for every win, and what a re-check needs at least. */
export const SELECTION_FIELDS: WinField[] = [
  'status',
  'consent',
  'consentGiven',
  'namesStudents',
  'privacyCleared',
  'sharedIn',
];

export interface LeftOut {
  id: string;
  headline: string;
  why: string;
}

/**
 * The issue's wins that may still go out to its audience, in the issue's order, and those left out with why: gone
 * from the log, no longer approved, consent or privacy no longer allowing it, or sent to the audience in another
 * issue meanwhile. `wins` are the issue's wins as just read (a win missing from it is no longer in the log).
 */
export function recheck(
  issue: Pick<Issue, 'audience' | 'number' | 'winIds'>,
  wins: ReadonlyMap<string, Win>,
): { keep: Win[]; leftOut: LeftOut[] } {
  const keep: Win[] = [];
  const leftOut: LeftOut[] = [];
  const own = formatTag(issue).toLowerCase();
  for (const id of issue.winIds) {
    const win = wins.get(id);
    if (!win) {
      leftOut.push({ id, headline: '', why: 'it is no longer in the log' });
      continue;
    }
    const elsewhere = win.sharedIn.find(
      (t) => t.audience.toLowerCase() === issue.audience.toLowerCase() && formatTag(t).toLowerCase() !== own,
    );
    const why = whyNotAllowed(win, issue.audience) || (elsewhere ? `it went out in ${formatTag(elsewhere)}` : '');
    if (why) leftOut.push({ id, headline: win.headline, why });
    else keep.push(win);
  }
  return { keep, leftOut };
}

function named(w: LeftOut): string {
  return w.headline ? `${w.id} "${w.headline}"` : w.id;
}

/** "W-0003 "Headline" (why); W-0007 (why)" */
export function describeLeftOut(leftOut: readonly LeftOut[]): string {
  return leftOut.map((w) => `${named(w)} (${w.why})`).join('; ');
}

const was = (n: number) => (n === 1 ? 'was' : 'were');

/** Wins left out before the Doc was written: the Doc and the draft are right; the leader learns which and why. */
export function leftOutOfIssueNote(leftOut: readonly LeftOut[]): string {
  return `Left out because ${leftOut.length === 1 ? 'it' : 'they'} no longer qualified when the Doc was written: ${describeLeftOut(leftOut)}.`;
}

/** Wins left out of the draft after the Doc was written: the draft is right, the Doc still has them. */
export function leftOutOfDraftNote(leftOut: readonly LeftOut[]): string {
  const one = leftOut.length === 1;
  return `Left out of the draft because ${one ? 'it' : 'they'} no longer qualified when the draft was written: ${describeLeftOut(leftOut)}. The Doc still has ${one ? 'it' : 'them'}: take ${one ? 'it' : 'them'} out of the Doc before sharing it.`;
}

/**
 * Wins left out when an earlier run's Doc and drafts were finished by a rerun: every draft of the issue is written
 * without them, and the Doc too (rebuilt), or, when the Doc could not be rebuilt, the leader is told to fix it by hand.
 */
export function leftOutOfResumedNote(leftOut: readonly LeftOut[], docProblem: string): string {
  if (docProblem) return `${leftOutOfDraftNote(leftOut)} (The Doc could not be rebuilt: ${docProblem}.)`;
  const it = leftOut.length === 1 ? 'it' : 'them';
  return `Left out of the draft and the Doc because ${leftOut.length === 1 ? 'it' : 'they'} no longer qualified when the draft was written: ${describeLeftOut(leftOut)}. Every draft of the issue and its Doc were written without ${it}.`;
}

/** A rerun rewrote an earlier run's drafts from the wins as they are now, but could not rebuild the Doc. */
export function docNotRebuiltNote(docProblem: string): string {
  return `The Doc made by an earlier run could not be rebuilt from the wins as they are now (${docProblem}): check its credit lines against the draft before sharing it.`;
}

/** Wins that stopped qualifying after the draft was made (marking skipped them): still in the Doc and the draft. */
export function changedAfterDraftNote(leftOut: readonly LeftOut[]): string {
  const one = leftOut.length === 1;
  return `${leftOut.length} win${one ? '' : 's'} changed after the draft was made and ${was(leftOut.length)} not marked as shared: ${describeLeftOut(leftOut)}. ${one ? 'It is' : 'They are'} still in the Doc and the draft: rebuild the draft (Small Wins offers it in the sidebar) or take ${one ? 'it' : 'them'} out before sending.`;
}

/** A win a triage save disqualified while it sits in the issue's draft. */
export function disqualifiedNote(w: LeftOut): string {
  return `${named(w)} changed after the draft was made (${w.why}) and is still in the Doc and the draft: rebuild the draft or take it out before sending.`;
}

/** A win whose credit line for the issue's audience changed (privacy, name or role) while it sits in the draft. */
export function creditChangedNote(w: Pick<LeftOut, 'id' | 'headline'>): string {
  return `${named({ ...w, why: '' })} changed after the draft was made (its credit line now reads differently) and the Doc and the draft still show the old credit: rebuild the draft or correct it before sending.`;
}

/** Whether the issue's note says a win changed after its draft was made (so a rebuild has something to do). */
export function draftIsStale(attention: string): boolean {
  return /changed after the draft was made/.test(attention);
}

/** The issue's Needs attention note with `text` added once (notes are sentences, kept in order). */
export function withAttention(current: string, text: string): string {
  const now = current.trim();
  if (!text || now.includes(text)) return now;
  return now ? `${now} ${text}` : text;
}

/** After a leader rebuilt an issue's draft (and Doc) without wins that stopped qualifying. */
export function rebuiltNote(leftOut: readonly LeftOut[], when: string, by: string, docProblem: string): string {
  const doc = docProblem
    ? ` Its Doc could not be rebuilt (${docProblem}): take ${leftOut.length === 1 ? 'it' : 'them'} out of the Doc by hand.`
    : '';
  return `Rebuilt on ${when} by ${by} without ${describeLeftOut(leftOut)}.${doc}`;
}
