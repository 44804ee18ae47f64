// Newsletter layout: wins grouped by goal with lessons learned apart (credit lines by win-rules), the summary of
// progress, and the issue as a model every renderer works from, per edition: Staff's report (issue numbers, the
// comparison with the last issue) or the letter families and the public read (greeting, Spotlight, each goal's
// description, What we learned, sign-off). Which wins may go out is win-rules' question.
import type { Audience } from './settings';
import { formatTag, IssueTag, Win } from './win';
import { creditLine } from './win-rules';

export { addTag, formatTag, parseSharedIn, removeTag } from './win';
export type { IssueTag };

// ---- Grouping and summary --------------------------------------------------------------------------------

export interface NewsletterWin {
  id: string;
  headline: string;
  /** The public blurb, or the story when the blurb is empty. */
  text: string;
  /** "Shared by Ana López, Teacher", or '' when contributors are not credited. */
  credit: string;
  /** How we know (the evidence as typed) and the link to photos or documents, '' when absent. */
  evidence: string;
  link: string;
  goals: string[];
  featured: boolean;
  lesson: boolean;
}

export interface NewsletterSection {
  title: string;
  /** The goal's one-line description from the Goals sheet ('' for Spotlight, lessons and wins without a goal). */
  description: string;
  lessons: boolean;
  /** The letter's Spotlight: its featured wins, taken out of their goals' sections. */
  spotlight?: boolean;
  /** The goal the section is about ('' when it is not a goal's section). */
  goal: string;
  wins: NewsletterWin[];
}

/** Staff read the report (issue numbers, comparisons, the Doc's link); families and the public read a letter. */
export type Edition = 'staff' | 'letter';

export function editionOf(audience: Audience): Edition {
  return audience === 'Staff' ? 'staff' : 'letter';
}

export interface IssueStats {
  wins: number;
  lessons: number;
  goals: number;
  contributors: number;
}

export const LESSONS_TITLE = 'Lessons learned';
export const LETTER_LESSONS_TITLE = 'What we learned';
export const SPOTLIGHT_TITLE = 'Spotlight';
export const OTHER_TITLE = 'More wins';

function norm(s: string): string {
  return s.trim().toLowerCase();
}

export function isLesson(win: Pick<Win, 'kind'>): boolean {
  return win.kind === 'Lesson learned';
}

/**
 * Wins grouped by goal in the Goals sheet's order (a win with several goals appears once, under its first),
 * goals not in the sheet after them, wins without a goal next, lessons learned last; featured first in each.
 */
export function groupWins(
  wins: readonly Win[],
  goalOrder: readonly string[],
  audience: Audience,
  credited: boolean,
  descriptions: Readonly<Record<string, string>> = {},
): NewsletterSection[] {
  const letter = editionOf(audience) === 'letter';
  const order = new Map<string, number>();
  goalOrder.forEach((g, i) => order.has(norm(g)) || order.set(norm(g), i));
  const sections = new Map<string, NewsletterSection & { rank: number }>();
  let extra = goalOrder.length;
  const sorted = wins.slice().sort((a, b) => {
    const f = Number(b.featured) - Number(a.featured);
    if (f) return f;
    if (a.submittedAt !== b.submittedAt) return a.submittedAt < b.submittedAt ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  for (const w of sorted) {
    const goals = w.goals;
    const lesson = isLesson(w);
    let title: string;
    let rank: number;
    if (lesson) {
      title = letter ? LETTER_LESSONS_TITLE : LESSONS_TITLE;
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
    const goal = lesson || goals.length === 0 ? '' : title;
    const description = goal ? lineOf(descriptions[norm(goal)] ?? '') : '';
    if (!s) sections.set(key, (s = { title, description, lessons: lesson, goal, wins: [], rank }));
    s.wins.push({
      id: w.id,
      headline: w.headline || '(untitled)',
      text: w.blurb || w.story,
      credit: creditLine(w, audience, credited),
      evidence: w.evidence,
      link: w.link,
      goals,
      featured: w.featured,
      lesson,
    });
  }
  const ordered: NewsletterSection[] = Array.from(sections.values())
    .sort((a, b) => a.rank - b.rank)
    .map(({ title, description, lessons, goal, wins: ws }) => ({ title, description, lessons, goal, wins: ws }));
  if (!letter) return ordered;
  // The letter leads with its featured wins, once: in the Spotlight, not again under their goals.
  const featured = ordered.flatMap((s) => (s.lessons ? [] : s.wins.filter((w) => w.featured)));
  if (!featured.length) return ordered;
  const rest = ordered
    .map((s) => (s.lessons ? s : { ...s, wins: s.wins.filter((w) => !w.featured) }))
    .filter((s) => s.wins.length > 0);
  return [
    { title: SPOTLIGHT_TITLE, description: '', lessons: false, spotlight: true, goal: '', wins: featured },
    ...rest,
  ];
}

/** A goal's description as one line (the Goals sheet's cell may hold line breaks). */
function lineOf(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function issueStats(wins: readonly Win[]): IssueStats {
  const goals = new Set<string>();
  const people = new Set<string>();
  let lessons = 0;
  for (const w of wins) {
    if (isLesson(w)) lessons++;
    for (const g of w.goals) goals.add(norm(g));
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

/**
 * The letter's short, positive summary of this issue alone (never a comparison): "This letter brings 5 small wins
 * across 3 of our goals and 1 lesson we learned along the way, shared by 4 members of our school community."
 */
export function letterSummary(s: IssueStats): string {
  const things: string[] = [];
  if (s.wins) {
    const across = s.goals ? ` across ${s.goals === 1 ? 'one of our goals' : `${s.goals} of our goals`}` : '';
    things.push(`${count(s.wins, 'small win', 'small wins')}${across}`);
  }
  if (s.lessons) things.push(`${count(s.lessons, 'lesson', 'lessons')} we learned along the way`);
  if (!things.length) return '';
  const by = s.contributors ? `, shared by ${count(s.contributors, 'member', 'members')} of our school community` : '';
  return `This letter brings ${things.join(' and ')}${by}.`;
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
  edition: Edition;
  /** The audience's greeting and sign-off (Settings, or their defaults); the sign-off may hold line breaks. */
  greeting: string;
  signoff: string;
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
  wins: readonly Win[];
  goalOrder: readonly string[];
  credited: boolean;
  previous: IssueStats | null;
  /** Goal descriptions by goal name (any case): each goal's section opens with its one line. */
  goalDescriptions?: Readonly<Record<string, string>>;
  greeting?: string;
  signoff?: string;
}

export function newsletterModel(input: ModelInput): NewsletterModel {
  const stats = issueStats(input.wins);
  const edition = editionOf(input.audience);
  const descriptions: Record<string, string> = {};
  for (const [name, text] of Object.entries(input.goalDescriptions ?? {})) descriptions[norm(name)] = text;
  return {
    schoolName: input.schoolName,
    audience: input.audience,
    edition,
    greeting: input.greeting ?? '',
    signoff: input.signoff ?? '',
    issueLabel: formatTag({ audience: input.audience, number: input.number }),
    period: input.period,
    title: `${input.schoolName}: Small Wins`,
    summary: edition === 'staff' ? summaryLine(stats, input.previous) : letterSummary(stats),
    sections: groupWins(input.wins, input.goalOrder, input.audience, input.credited, descriptions),
    winCount: input.wins.length,
  };
}

/** Who an edition is for, as its subject says it. */
export const EDITION_READERS: Record<Audience, string> = {
  Staff: 'for staff',
  Families: 'for families',
  Public: 'for the public',
};

/** "Week of 23 November 2026" reads "week of 23 November 2026" inside a line; dates and months stay as they are. */
function periodInLine(period: string): string {
  return period.replace(/^Week of /, 'week of ');
}

/**
 * The subject: the school, who the edition is for and the period ("Maple Grove Elementary — for families — week of
 * 23 November 2026"), so no two audiences' drafts look alike and a staff edition is not sent to families by mistake.
 */
export function emailSubject(model: Pick<NewsletterModel, 'schoolName' | 'period' | 'audience'>): string {
  return `${model.schoolName} \u2014 ${EDITION_READERS[model.audience]} \u2014 ${periodInLine(model.period)}`;
}

/** Doc title: the subject; the Staff edition's adds its issue number, so the staff archive sorts and reads well. */
export function docTitle(model: Pick<NewsletterModel, 'schoolName' | 'period' | 'issueLabel' | 'audience'>): string {
  const subject = emailSubject(model);
  return model.audience === 'Staff' ? `${subject} (${model.issueLabel})` : subject;
}
