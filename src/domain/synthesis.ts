// The year-end synthesis, as data: for one school year and one goal, the entries staff reflect on (every consent
// level, never an archived entry), counted at a glance and month by month, the wins grouped by source in staff's own
// words, the lessons learned, the featured wins, and the goal's practices from the Showcase sheet. Pure.
import { contributorKey, goalIndex, goalsOf, isCounted, isLesson, roleOf, sourceOf } from './dashboard';
import type { Goal } from './goals';
import { MonthGrid, monthIndex, monthLabel, SchoolYear } from './school-year';
import { SOURCES } from './schema';
import type { Practice } from './showcase';
import type { Win } from './win';

/** What the synthesis reads of a win. */
export type SynthesisWin = Pick<
  Win,
  | 'id'
  | 'submittedAt'
  | 'status'
  | 'kind'
  | 'headline'
  | 'story'
  | 'evidence'
  | 'blurb'
  | 'goals'
  | 'source'
  | 'name'
  | 'email'
  | 'role'
  | 'featured'
>;

export const SYNTHESIS_FIELDS = [
  'id',
  'submittedAt',
  'status',
  'kind',
  'headline',
  'story',
  'evidence',
  'blurb',
  'goals',
  'source',
  'name',
  'email',
  'role',
  'featured',
] as const;

/** The key of the Doc for entries with no goal the Goals sheet lists. */
export const NO_GOAL_KEY = 'no-goal';
export const NO_GOAL_NAME = 'No goal yet';

/** A practice from the Showcase sheet, as the synthesis shows it. */
export type SynthesisPractice = Pick<
  Practice,
  'id' | 'name' | 'goal' | 'status' | 'tier' | 'description' | 'impact' | 'whatItTakes' | 'winIds'
>;

/** One Doc's subject: a goal of the Goals sheet (by its ID, so a renamed goal keeps its Doc), or "No goal yet". */
export interface SynthesisSubject {
  /** The goal's ID, or NO_GOAL_KEY. */
  key: string;
  name: string;
  description: string;
}

export interface SynthesisEntry extends SynthesisWin {
  /** Index of its month in the year (0 = August). */
  month: number;
  lesson: boolean;
  /** The source as the Form names it ("Other" for one typed by hand, "Not given" when blank). */
  sourceName: string;
}

export interface GoalSynthesis {
  subject: SynthesisSubject;
  year: SchoolYear;
  /** Every entry of the goal this year, oldest first. */
  entries: SynthesisEntry[];
  glance: {
    entries: number;
    wins: number;
    lessons: number;
    approved: number;
    featured: number;
    monthsActive: number;
    contributors: number;
    /** [role, contributors], most first. */
    roles: Array<[string, number]>;
  };
  months: Array<{ label: string; wins: number; lessons: number; contributors: number }>;
  /** Wins (not lessons) grouped by source, in the Form's order of sources. */
  did: Array<{ source: string; wins: SynthesisEntry[] }>;
  learned: SynthesisEntry[];
  spotlight: SynthesisEntry[];
  practices: SynthesisPractice[];
  /** Goals on these entries that the Goals sheet does not list (for the "No goal yet" Doc's introduction). */
  unlisted: string[];
}

/** Which subjects a school year can have Docs for: the Goals sheet's goals (with IDs), and No goal yet when needed. */
export function subjectsOf(goals: readonly Goal[], hasNoGoal: boolean): Array<SynthesisSubject & { active: boolean }> {
  const out = goals
    .filter((g) => g.id)
    .map((g) => ({ key: g.id!, name: g.name, description: g.description, active: g.active }));
  if (hasNoGoal) out.push({ key: NO_GOAL_KEY, name: NO_GOAL_NAME, description: '', active: true });
  return out;
}

export interface SynthesisInput {
  wins: readonly SynthesisWin[];
  goals: readonly Goal[];
  practices: readonly SynthesisPractice[];
  year: SchoolYear;
  grid: MonthGrid;
}

/** The year's entries that qualify (dated within the year, not archived), with their goals as the sheet spells them. */
export function yearEntries(input: Pick<SynthesisInput, 'wins' | 'goals' | 'grid'>): Array<{
  entry: SynthesisEntry;
  goals: string[];
}> {
  const byName = goalIndex(input.goals);
  const out: Array<{ entry: SynthesisEntry; goals: string[] }> = [];
  for (const win of input.wins) {
    if (!isCounted(win)) continue;
    const at = win.submittedAt ? Date.parse(win.submittedAt) : NaN;
    const month = Number.isFinite(at) ? monthIndex(input.grid, at) : -1;
    if (month < 0) continue;
    out.push({
      entry: { ...win, month, lesson: isLesson(win), sourceName: sourceOf(win) },
      goals: goalsOf(win, byName),
    });
  }
  out.sort(
    (a, b) => Date.parse(a.entry.submittedAt) - Date.parse(b.entry.submittedAt) || a.entry.id.localeCompare(b.entry.id),
  );
  return out;
}

/** Whether any entry of the year has no goal the Goals sheet lists. */
export function hasNoGoalEntries(input: Pick<SynthesisInput, 'wins' | 'goals' | 'grid'>): boolean {
  const listed = goalIndex(input.goals);
  return yearEntries(input).some((e) => !e.goals.some((g) => listed.has(g.toLowerCase())));
}

/** The synthesis of one subject. */
export function synthesize(subject: SynthesisSubject, input: SynthesisInput): GoalSynthesis {
  const listed = goalIndex(input.goals);
  const goal = input.goals.find((g) => g.id === subject.key);
  const name = (goal?.name ?? subject.name).toLowerCase();
  const unlisted = new Set<string>();
  const entries: SynthesisEntry[] = [];
  for (const { entry, goals } of yearEntries(input)) {
    const known = goals.filter((g) => listed.has(g.toLowerCase()));
    const mine = subject.key === NO_GOAL_KEY ? known.length === 0 : known.some((g) => g.toLowerCase() === name);
    if (!mine) continue;
    if (subject.key === NO_GOAL_KEY) for (const g of goals) unlisted.add(g);
    entries.push(entry);
  }

  const people = new Set<string>();
  const roles = new Map<string, Set<string>>();
  const months = input.year.months.map((m) => ({
    label: monthLabel(m),
    wins: 0,
    lessons: 0,
    people: new Set<string>(),
  }));
  for (const e of entries) {
    const m = months[e.month];
    if (e.lesson) m.lessons++;
    else m.wins++;
    const who = contributorKey(e);
    if (who) {
      people.add(who);
      m.people.add(who);
      const role = roleOf(e);
      if (!roles.has(role)) roles.set(role, new Set());
      roles.get(role)!.add(who);
    }
  }
  const wins = entries.filter((e) => !e.lesson);
  const sources = [...SOURCES, 'Not given'];
  const did = sources
    .map((source) => ({ source, wins: wins.filter((e) => e.sourceName === source) }))
    .filter((g) => g.wins.length > 0);
  const goalName = goal?.name ?? subject.name;
  return {
    subject: { ...subject, name: goalName, description: goal?.description ?? subject.description },
    year: input.year,
    entries,
    glance: {
      entries: entries.length,
      wins: wins.length,
      lessons: entries.length - wins.length,
      approved: entries.filter((e) => e.status === 'Approved').length,
      featured: entries.filter((e) => e.featured).length,
      monthsActive: months.filter((m) => m.wins + m.lessons > 0).length,
      contributors: people.size,
      roles: [...roles.entries()]
        .map(([role, who]): [string, number] => [role, who.size])
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
    },
    months: months.map((m) => ({ label: m.label, wins: m.wins, lessons: m.lessons, contributors: m.people.size })),
    did,
    learned: entries.filter((e) => e.lesson),
    spotlight: entries.filter((e) => e.featured && e.status === 'Approved'),
    practices: input.practices.filter(
      (p) =>
        p.status.toLowerCase() !== 'withdrawn' &&
        subject.key !== NO_GOAL_KEY &&
        p.goal.trim().toLowerCase() === goalName.toLowerCase(),
    ),
    unlisted: [...unlisted].sort(),
  };
}

/** "Maple Grove Elementary — Math confidence — synthesis 2026–27" */
export function synthesisTitle(school: string, s: Pick<GoalSynthesis, 'subject' | 'year'>): string {
  return [school.trim(), s.subject.name, `synthesis ${s.year.label}`].filter(Boolean).join(' — ');
}
