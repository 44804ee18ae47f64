// Newsletter layout: wins grouped by goal with lessons learned apart (credit lines by win-rules), the summary of
// progress, and the issue as a model every renderer works from. Which wins may go out is win-rules' question.
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
): NewsletterSection[] {
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
  return Array.from(sections.values())
    .sort((a, b) => a.rank - b.rank)
    .map(({ title, lessons, wins: ws }) => ({ title, lessons, wins: ws }));
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
  wins: readonly Win[];
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
    sections: groupWins(input.wins, input.goalOrder, input.audience, input.credited),
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
