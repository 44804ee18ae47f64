// Closing the loop (issue 12 point 7), pure: which submitters get a thank-you when an issue first carries their wins
// to families or the public, those notes and the leaders' weekly digest as outlines (HTML and text alike), and the
// digest's counts.
import { paragraph, list, Outline } from './outline';
import { outlineHtml, outlineText } from './outline-render';
import type { Audience } from './settings';
import { isEmail } from './settings';
import type { IssueTag, Win } from './win';

/** Audiences whose first issue carrying a win earns its submitter a thank-you. */
export const THANKED_AUDIENCES: readonly Audience[] = ['Families', 'Public'];

/** One thank-you: the submitter's address and the wins of theirs this issue carries first. */
export interface ThankYou {
  /** Lower-cased: one note per address per issue. */
  email: string;
  name: string;
  headlines: string[];
}

export interface ThankYouPlan {
  notes: ThankYou[];
  /** Submitters with a win to thank for but no valid email address (by name, or each such win when unnamed). */
  skipped: number;
}

/** Whether `tag` is a Families or Public issue other than `issue`. */
function reachedBefore(tags: readonly IssueTag[], issue: IssueTag): boolean {
  return tags.some(
    (t) =>
      (THANKED_AUDIENCES as readonly string[]).includes(t.audience) &&
      !(t.audience.toLowerCase() === issue.audience.toLowerCase() && t.number === issue.number),
  );
}

/**
 * The thank-yous an issue calls for: none outside Families and Public; else one per submitter address for the wins
 * this issue is the first Families or Public issue to carry (its own tag, already marked by a resumed run, does not
 * count as earlier), in the issue's order.
 */
export function thankYouPlan(issue: IssueTag, wins: readonly Win[]): ThankYouPlan {
  if (!(THANKED_AUDIENCES as readonly string[]).includes(issue.audience)) return { notes: [], skipped: 0 };
  const byEmail = new Map<string, ThankYou>();
  const noAddress = new Set<string>();
  for (const w of wins) {
    if (reachedBefore(w.sharedIn, issue)) continue;
    const email = w.email.trim().toLowerCase();
    if (!isEmail(email)) {
      noAddress.add(w.name.trim().toLowerCase() || `win ${w.id}`);
      continue;
    }
    const note = byEmail.get(email) ?? { email, name: w.name.trim(), headlines: [] };
    note.headlines.push(w.headline.trim() || w.id);
    byEmail.set(email, note);
  }
  return { notes: [...byEmail.values()], skipped: noAddress.size };
}

/** The edition a thank-you names. */
export interface Edition {
  schoolName: string;
  audience: Audience;
  /** The issue's period as its subject says it ("16–22 November 2026"). */
  period: string;
}

function editionName(e: Edition): string {
  return e.audience === 'Families' ? `newsletter to families` : `newsletter to the public`;
}

export interface Mail {
  subject: string;
  html: string;
  text: string;
}

function mail(outline: Outline): Mail {
  return { subject: outline.title, html: outlineHtml(outline), text: outlineText(outline) };
}

/** A thank-you note: who, which win(s), which edition; a person reads it and sends it. */
export function thankYouMail(t: ThankYou, e: Edition, signOff: string): Mail {
  const many = t.headlines.length > 1;
  const title = `Thank you: your ${many ? 'wins are' : 'win is'} in ${e.schoolName}'s ${editionName(e)}`;
  return mail({
    title,
    lang: 'en',
    blocks: [
      paragraph('TITLE', [{ text: title }]),
      paragraph('NORMAL_TEXT', [{ text: `Dear ${t.name || 'colleague'},` }]),
      paragraph('NORMAL_TEXT', [
        {
          text: `Thank you for sharing ${many ? 'these wins' : 'this win'}. ${many ? 'They are' : 'It is'} in the ${editionName(e)}, ${e.period}, for the first time:`,
        },
      ]),
      list(t.headlines.map((h) => [{ text: h }])),
      paragraph('NORMAL_TEXT', [{ text: 'Stories like yours are what the newsletter is made of. Keep them coming.' }]),
      paragraph('NORMAL_TEXT', [{ text: signOff || e.schoolName }]),
    ],
  });
}

// ---- The leaders' weekly digest -----------------------------------------------------------------------------

export interface DigestCounts {
  /** New wins waiting for triage. */
  waiting: number;
  /** Whole days since the oldest waiting win was submitted (null when none waits or its date is unreadable). */
  oldestDays: number | null;
  needsInfo: number;
}

const DAY_MS = 86_400_000;

/** Counts from each win's status and submission time (ISO or ''). */
export function digestCounts(
  wins: ReadonlyArray<{ status: string | null; submittedAt: string }>,
  nowMs: number,
): DigestCounts {
  let waiting = 0;
  let needsInfo = 0;
  let oldest = Infinity;
  for (const w of wins) {
    if (w.status === 'New') {
      waiting++;
      const at = Date.parse(w.submittedAt);
      if (Number.isFinite(at)) oldest = Math.min(oldest, at);
    } else if (w.status === 'Needs info') needsInfo++;
  }
  const oldestDays = waiting && Number.isFinite(oldest) ? Math.max(0, Math.floor((nowMs - oldest) / DAY_MS)) : null;
  return { waiting, oldestDays, needsInfo };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The digest to the leaders: the counts in sentences, and where to act on them. */
export function leaderDigestMail(c: DigestCounts, schoolName: string, weekLabel: string): Mail {
  const title = `${schoolName} Small Wins: the week of ${weekLabel}`;
  const waiting = c.waiting
    ? `${plural(c.waiting, 'new win is', 'new wins are')} waiting for triage${c.oldestDays === null ? '' : `; the oldest came in ${plural(c.oldestDays, 'day', 'days')} ago`}.`
    : 'No new win is waiting for triage.';
  const info = c.needsInfo
    ? `${plural(c.needsInfo, 'win needs', 'wins need')} more information from the person who shared it.`
    : 'No win is waiting for more information.';
  return mail({
    title,
    lang: 'en',
    blocks: [
      paragraph('TITLE', [{ text: title }]),
      list([[{ text: waiting }], [{ text: info }]]),
      paragraph('NORMAL_TEXT', [{ text: 'Open the wins log and choose Small Wins → Triage wins to act on them.' }]),
    ],
  });
}
