// Newsletter selection and layout: which approved wins each audience may carry (PRODUCT.md's consent table),
// the "Shared in" bookkeeping, grouping by goal with lessons learned apart, and the summary of progress.
import { CONSENTS, Consent } from './schema';
import type { Audience } from './settings';
import { splitList, cellString } from './text';

/** The fields of a win a newsletter reads (all text, as decodeRow gives them). */
export interface WinForNewsletter {
  id: string;
  status: string;
  kind: string;
  headline: string;
  story: string;
  blurb: string;
  goals: string;
  consent: string;
  /** The submitter's own consent: Consent (which a leader, or a hand edit, may change) is never read wider. */
  consentGiven?: string;
  namesStudents: string;
  privacyCleared: string;
  featured: string;
  name: string;
  email: string;
  role: string;
  sharedIn: string;
  submittedAt: string;
}

const YES = new Set(['yes', 'y', 'true', 'x', '✓', '✔', '1']);
export function isYes(cell: string | undefined): boolean {
  return YES.has(cellString(cell).trim().toLowerCase());
}

/** Consent as written in the log; anything unrecognised is read as the narrowest audience. */
export function consentOf(cell: string | undefined): Consent {
  const t = cellString(cell).trim().toLowerCase();
  return CONSENTS.find((c) => c.toLowerCase() === t) ?? 'Staff only';
}

/** Consents each newsletter audience may carry. */
export const AUDIENCE_CONSENTS: Record<Audience, readonly Consent[]> = {
  Staff: ['Staff only', 'School community', 'Public'],
  Families: ['School community', 'Public'],
  Public: ['Public'],
};

/**
 * The consent a newsletter relies on: the log's Consent, never wider than the submitter's Consent given (a
 * leader may narrow it, never widen it, and a hand edit in the sheet is no exception). An empty Consent given
 * (rows from before it was kept) leaves Consent as it is; one that is not a consent is read as Staff only.
 */
export function allowedConsent(win: Pick<WinForNewsletter, 'consent' | 'consentGiven'>): Consent {
  const current = consentOf(win.consent);
  if (!cellString(win.consentGiven).trim()) return current;
  const given = consentOf(win.consentGiven);
  return CONSENTS.indexOf(current) <= CONSENTS.indexOf(given) ? current : given;
}

/** Whether consent and privacy allow this audience (status and earlier issues aside). */
export function audienceAllows(
  audience: Audience,
  win: Pick<WinForNewsletter, 'consent' | 'consentGiven' | 'namesStudents' | 'privacyCleared'>,
): boolean {
  if (!AUDIENCE_CONSENTS[audience].includes(allowedConsent(win))) return false;
  if (audience !== 'Staff' && isYes(win.namesStudents) && !isYes(win.privacyCleared)) return false;
  return true;
}

export function isApproved(status: string | undefined): boolean {
  return cellString(status).trim().toLowerCase() === 'approved';
}

/** Eligible for the audience's next issue: approved, allowed, and not yet gone out to that audience. */
export function isEligible(
  audience: Audience,
  win: Pick<WinForNewsletter, 'status' | 'consent' | 'consentGiven' | 'namesStudents' | 'privacyCleared' | 'sharedIn'>,
): boolean {
  return isApproved(win.status) && audienceAllows(audience, win) && !sharedWith(win.sharedIn, audience);
}

// ---- "Shared in": "Staff #4, Families #3" -------------------------------------------------------------

export interface IssueTag {
  audience: string;
  number: number;
}

const TAG = /^(.+?)\s*#\s*(\d+)$/;

export function parseSharedIn(cell: string | undefined): IssueTag[] {
  return splitList(cellString(cell))
    .map((part) => TAG.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ audience: m[1].trim(), number: Number(m[2]) }));
}

export function formatTag(tag: IssueTag): string {
  return `${tag.audience} #${tag.number}`;
}

export function sharedWith(cell: string | undefined, audience: string): boolean {
  return parseSharedIn(cell).some((t) => t.audience.toLowerCase() === audience.toLowerCase());
}

/** Adds the issue's tag (once); text that is not a tag is kept as a person wrote it. */
export function addTag(cell: string | undefined, tag: IssueTag): string {
  const parts = splitList(cellString(cell));
  const text = formatTag(tag);
  if (parts.some((p) => p.toLowerCase() === text.toLowerCase())) return parts.join(', ');
  return [...parts, text].join(', ');
}

export function removeTag(cell: string | undefined, tag: IssueTag): string {
  const text = formatTag(tag).toLowerCase();
  return splitList(cellString(cell))
    .filter((p) => p.replace(/\s*#\s*/, ' #').toLowerCase() !== text)
    .join(', ');
}

// ---- Grouping and summary --------------------------------------------------------------------------------

export interface NewsletterWin {
  id: string;
  headline: string;
  /** The public blurb, or the story when the blurb is empty. */
  text: string;
  /** "Shared by Ana López, Teacher", or '' when contributors are not credited. */
  credit: string;
  goals: string[];
  featured: boolean;
  lesson: boolean;
}

export interface NewsletterSection {
  title: string;
  lessons: boolean;
  wins: NewsletterWin[];
}

export interface IssueStats {
  wins: number;
  lessons: number;
  goals: number;
  contributors: number;
}

export const LESSONS_TITLE = 'Lessons learned';
export const OTHER_TITLE = 'More wins';

function norm(s: string): string {
  return s.trim().toLowerCase();
}

export function isLesson(win: Pick<WinForNewsletter, 'kind'>): boolean {
  return norm(win.kind) === 'lesson learned';
}

function credit(win: WinForNewsletter, credited: boolean): string {
  if (!credited) return '';
  const name = win.name.trim();
  const role = win.role.trim();
  if (!name) return role ? `Shared by a colleague (${role})` : '';
  return role ? `Shared by ${name}, ${role}` : `Shared by ${name}`;
}

/**
 * Wins grouped by goal in the Goals sheet's order (a win with several goals appears once, under its first),
 * goals not in the sheet after them, wins without a goal next, lessons learned last; featured first in each.
 */
export function groupWins(
  wins: readonly WinForNewsletter[],
  goalOrder: readonly string[],
  credited: boolean,
): NewsletterSection[] {
  const order = new Map<string, number>();
  goalOrder.forEach((g, i) => order.has(norm(g)) || order.set(norm(g), i));
  const sections = new Map<string, NewsletterSection & { rank: number }>();
  let extra = goalOrder.length;
  const sorted = wins.slice().sort((a, b) => {
    const f = Number(isYes(b.featured)) - Number(isYes(a.featured));
    if (f) return f;
    if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  for (const w of sorted) {
    const goals = splitList(w.goals);
    const lesson = isLesson(w);
    let title: string;
    let rank: number;
    if (lesson) {
      title = LESSONS_TITLE;
      rank = Number.MAX_SAFE_INTEGER;
    } else if (goals.length === 0) {
      title = OTHER_TITLE;
      rank = Number.MAX_SAFE_INTEGER - 1;
    } else {
      const known = goals.filter((g) => order.has(norm(g))).sort((x, y) => order.get(norm(x))! - order.get(norm(y))!);
      const g = known[0] ?? goals[0];
      title = goalOrder.find((x) => norm(x) === norm(g)) ?? g;
      rank = order.get(norm(g)) ?? sections.get(norm(title))?.rank ?? extra++;
    }
    const key = lesson ? '\u0000lessons' : norm(title);
    let s = sections.get(key);
    if (!s) sections.set(key, (s = { title, lessons: lesson, wins: [], rank }));
    s.wins.push({
      id: w.id,
      headline: w.headline.trim() || '(untitled)',
      text: w.blurb.trim() || w.story.trim(),
      credit: credit(w, credited),
      goals,
      featured: isYes(w.featured),
      lesson,
    });
  }
  return Array.from(sections.values())
    .sort((a, b) => a.rank - b.rank)
    .map(({ title, lessons, wins: ws }) => ({ title, lessons, wins: ws }));
}

export function issueStats(wins: readonly WinForNewsletter[]): IssueStats {
  const goals = new Set<string>();
  const people = new Set<string>();
  let lessons = 0;
  for (const w of wins) {
    if (isLesson(w)) lessons++;
    for (const g of splitList(w.goals)) goals.add(norm(g));
    const who = norm(w.email) || norm(w.name);
    if (who) people.add(who);
  }
  return { wins: wins.length - lessons, lessons, goals: goals.size, contributors: people.size };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function statsText(s: IssueStats): string {
  return [
    count(s.wins, 'win', 'wins'),
    count(s.goals, 'goal touched', 'goals touched'),
    count(s.contributors, 'contributor', 'contributors'),
    count(s.lessons, 'lesson learned', 'lessons learned'),
  ].join(', ');
}

/** "12 wins, 4 goals touched, 9 contributors, 2 lessons learned (last issue: 8 wins, …)." */
export function summaryLine(current: IssueStats, previous: IssueStats | null): string {
  const now = statsText(current);
  if (!previous) return `${now[0].toUpperCase()}${now.slice(1)} in this first issue.`;
  return `${now[0].toUpperCase()}${now.slice(1)} (last issue: ${statsText(previous)}).`;
}

// ---- The issue as a model every renderer (Doc, template Doc, HTML email, plain text) works from -------------

export interface NewsletterModel {
  schoolName: string;
  audience: Audience;
  /** "Families #3" */
  issueLabel: string;
  period: string;
  title: string;
  summary: string;
  sections: NewsletterSection[];
  winCount: number;
}

export interface ModelInput {
  schoolName: string;
  audience: Audience;
  number: number;
  period: string;
  wins: readonly WinForNewsletter[];
  goalOrder: readonly string[];
  credited: boolean;
  previous: IssueStats | null;
}

export function newsletterModel(input: ModelInput): NewsletterModel {
  const stats = issueStats(input.wins);
  return {
    schoolName: input.schoolName,
    audience: input.audience,
    issueLabel: formatTag({ audience: input.audience, number: input.number }),
    period: input.period,
    title: `${input.schoolName}: Small Wins`,
    summary: summaryLine(stats, input.previous),
    sections: groupWins(input.wins, input.goalOrder, input.credited),
    winCount: input.wins.length,
  };
}

export function emailSubject(model: Pick<NewsletterModel, 'schoolName' | 'period'>): string {
  return `${model.schoolName} Small Wins: ${model.period}`;
}

/** Doc title: the school, the period and the issue, so the archive sorts and reads well in Drive. */
export function docTitle(model: Pick<NewsletterModel, 'schoolName' | 'period' | 'issueLabel'>): string {
  return `${model.schoolName} Small Wins: ${model.period} (${model.issueLabel})`;
}
