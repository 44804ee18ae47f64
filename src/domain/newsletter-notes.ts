// What a newsletter run left out of an audience's edition, and why, as one model shown in one place per run: approved
// wins held back (privacy not cleared: named by headline, a leader can fix them; outside the audience's consent: only
// counted, so the note never grows with the log), wins that changed while the issue was built (newsletter-recheck's
// sentences), and an audience skipped because fewer wins waited than Settings asks for.
import type { Audience } from './settings';
import { SELECTION_FIELDS } from './newsletter-recheck';
import type { LogSelection } from './newsletter-plan';
import { winFromCells, WinCells } from './win';
import { consentAllows, eligibleFor, isApproved, privacyClearedWhereNeeded, sharedWith } from './win-rules';
import { cellString } from './text';

/** Approved wins not yet sent to an audience that its rules keep out. */
export interface HeldBack {
  /** Consent reaches the audience, privacy is not cleared: a leader can fix these (first MAX_NAMED, log order). */
  privacy: Array<{ id: string; headline: string }>;
  /** How many privacy holds there are in all (privacy lists at most MAX_NAMED). */
  privacyCount: number;
  /** The audience's consent does not reach them: a count, never a list. */
  outsideConsent: number;
}

/** Wins named in a note at most (the rest are counted). */
export const MAX_NAMED = 10;

export interface Selection {
  /** Eligible wins' IDs, in log order, not already in an unfinished issue for the audience. */
  eligible: string[];
  heldBack: HeldBack;
}

/**
 * One pass over the log's selection columns: which wins the audience's next issue takes, and which approved wins its
 * rules hold back (a duplicated ID counts once, at its first row; wins in an unfinished issue are neither).
 */
export function selectFor(
  sel: LogSelection,
  audience: Audience,
  unfinished: ReadonlyArray<{ winIds: readonly string[] }> = [],
): Selection {
  const taken = new Set(unfinished.flatMap((i) => i.winIds));
  const eligible: string[] = [];
  const heldBack: HeldBack = { privacy: [], privacyCount: 0, outsideConsent: 0 };
  sel.ids.forEach((id, i) => {
    if (!id || sel.idRows.get(id) !== i + 2 || taken.has(id)) return;
    const cells: WinCells = {};
    for (const f of SELECTION_FIELDS) cells[f] = sel.cols[f]?.[i];
    const win = winFromCells(cells);
    if (eligibleFor(win, audience)) {
      eligible.push(id);
      return;
    }
    if (!isApproved(win) || sharedWith(win, audience)) return;
    if (!consentAllows(win, audience)) heldBack.outsideConsent++;
    else if (!privacyClearedWhereNeeded(win, audience)) {
      heldBack.privacyCount++;
      if (heldBack.privacy.length < MAX_NAMED)
        heldBack.privacy.push({ id, headline: cellString(sel.cols.headline?.[i]).trim() });
    }
  });
  return { eligible, heldBack };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function quoted(w: { id: string; headline: string }): string {
  return w.headline ? `\u201c${w.headline}\u201d` : w.id;
}

/**
 * The held-back wins in sentences: those a leader can fix by headline, those outside the audience's consent as a
 * count. No sentence when nothing is held back.
 */
export function heldBackLines(h: HeldBack, audience: Audience): string[] {
  const lines: string[] = [];
  if (h.privacyCount) {
    const more = h.privacyCount - h.privacy.length;
    const names = h.privacy.map(quoted).join(', ') + (more > 0 ? ` and ${more} more` : '');
    const one = h.privacyCount === 1;
    lines.push(
      `Held back until privacy is cleared (${one ? 'it names' : 'they name'} students or ${one ? 'has' : 'have'} photos): ${names}. Tick Privacy cleared in Triage wins to include ${one ? 'it' : 'them'} next time.`,
    );
  }
  if (h.outsideConsent) {
    const one = h.outsideConsent === 1;
    lines.push(
      `${plural(h.outsideConsent, 'approved win stays', 'approved wins stay')} out because ${one ? 'its' : 'their'} consent does not reach ${audience === 'Public' ? 'the public' : audience.toLowerCase()}.`,
    );
  }
  return lines;
}

/** A scheduled run that did not draft an audience's issue because fewer wins waited than Settings asks for. */
export function skippedLine(audience: Audience, waiting: number, atLeast: number): string {
  return `Not drafted this time: ${plural(waiting, 'win is', 'wins are')} waiting and a scheduled ${audience} issue needs at least ${atLeast}. ${waiting === 1 ? 'It carries' : 'They carry'} to the next issue (Draft newsletter now drafts ${waiting === 1 ? 'it' : 'them'} at once).`;
}

/** The Staff edition's Doc is linked from its email, and the add-on cannot share it. */
export const SHARE_DOC_REMINDER =
  'Share its Doc with staff before sending (Share in Google Docs): the email links to it, and Small Wins cannot share it for you.';

/**
 * An audience's notes for one run, in the order every place shows them (the Draft newsletter now dialog; for scheduled
 * runs the Needs attention and Settings): what changed while the issue was built (and what its email needed),
 * then what the rules held back, then, for a Staff issue that was drafted, the reminder to share its Doc.
 */
export function audienceNotes(n: {
  audience: Audience;
  changed: readonly string[];
  heldBack: readonly string[];
  drafted: boolean;
}): string[] {
  return [...n.changed, ...n.heldBack, ...(n.drafted && n.audience === 'Staff' ? [SHARE_DOC_REMINDER] : [])];
}

/** What a scheduled run left for Settings: when, and per audience without an issue row, what happened and why. */
export interface LastRunNotes {
  at: string;
  lines: string[];
}
