// The pattern of progress, counted: a school year's wins and lessons learned per goal per month, participation,
// sources, the triage pipeline, quiet goals and the last issue per audience, from decoded wins (win.ts) and nothing
// else. Pure: the same counts a person gets by filtering the log.
import type { Goal } from './goals';
import type { Issue } from './newsletter-issues';
import type { StoredPattern } from './pattern';
import { daysBetween, MonthGrid, monthIndex, SchoolYear } from './school-year';
import { ROLES, SOURCES, STATUSES, Status } from './schema';
import { AUDIENCES, Audience } from './settings';
import type { Win } from './win';

/** What the dashboard reads of a win (the decoder fills the rest with blanks). */
export type DashboardWin = Pick<
  Win,
  'submittedAt' | 'firstTriagedAt' | 'status' | 'kind' | 'goals' | 'source' | 'name' | 'email' | 'role'
>;

/** The fields of the log the dashboard reads (one read per group of neighbouring columns). */
export const DASHBOARD_FIELDS = [
  'submittedAt',
  'firstTriagedAt',
  'status',
  'kind',
  'goals',
  'source',
  'name',
  'email',
  'role',
] as const;

export interface DashboardInput {
  wins: readonly DashboardWin[];
  goals: readonly Goal[];
  issues: ReadonlyArray<Pick<Issue, 'audience' | 'number' | 'createdAt' | 'state'>>;
  year: SchoolYear;
  /** The school year's 12 months and when each starts in the spreadsheet's time zone. */
  grid: MonthGrid;
  nowMs: number;
  /** From Settings; null when it is not known. */
  staffCount: number | null;
}

/** Wins and lessons learned, approved among them, and the same per month of the year. */
export interface Tally {
  entries: number;
  approved: number;
  wins: number;
  lessons: number;
  /** Per month of the year (12). */
  winsByMonth: number[];
  lessonsByMonth: number[];
}

export interface GoalRow extends Tally {
  /** The goal's name as the Goals sheet spells it (or as typed on the wins, when the sheet does not list it). */
  goal: string;
  /** The goal's ID in the Goals sheet ('' when the sheet does not list it). */
  goalId: string;
  active: boolean;
  /** Days since its last entry (any year, not archived); null when it never had one. */
  daysSinceLast: number | null;
}

export interface Dashboard {
  year: SchoolYear;
  glance: {
    entries: number;
    approved: number;
    wins: number;
    lessons: number;
    contributors: number;
    /** Contributors with a staff role, and the staff count, when Settings knows it. */
    staff: { contributing: number; count: number } | null;
    /** Median days from submission to first triage over the entries that have both; null when none has. */
    medianDaysToTriage: number | null;
    triagedEntries: number;
    /** Entries whose Submitted at is blank or not a date: counted nowhere but said. */
    undated: number;
  };
  /** One row per goal with entries this year, and every active goal; most entries first. */
  goals: GoalRow[];
  /** Entries with no goal yet (null when there are none). */
  noGoal: Tally | null;
  /** The stacked chart: the eight goals with most entries, then "Other" (the rest, and entries with no goal yet). */
  byMonth: { series: string[]; rows: number[][] };
  participation: {
    /** Roles seen this year, in the Form's order ("Other" for a role typed by hand, "Not given" when blank). */
    roles: string[];
    /** Per month: contributors, entries, and contributors per role (same order as `roles`). */
    months: Array<{ contributors: number; entries: number; byRole: number[] }>;
    /** Per role over the year. */
    perRole: Array<{ role: string; contributors: number; entries: number; wins: number; lessons: number }>;
  };
  sources: Array<{ source: string } & Omit<Tally, 'winsByMonth' | 'lessonsByMonth'>>;
  /** Every entry of the year by status, archived included. */
  pipeline: Array<{ status: string; entries: number }>;
  /** Active goals with no entry in the last QUIET_DAYS days. */
  quiet: Array<{ goal: string; daysSinceLast: number | null }>;
  audiences: Array<{ audience: Audience; issue: string; daysSince: number } | { audience: Audience; issue: null }>;
}

export const QUIET_DAYS = 30;
export const TOP_GOALS = 8;
export const OTHER_SERIES = 'Other';
export const NO_GOAL = 'No goal yet';
export const NOT_GIVEN = 'Not given';
export const NO_STATUS = 'No status (typed by hand or blank)';
/** Roles counted as staff for the share of staff contributing. */
export const STAFF_ROLES = ['Teacher', 'Support staff', 'Coach', 'Leader'];

const DAY = 86_400_000;

function emptyTally(): Tally {
  return {
    entries: 0,
    approved: 0,
    wins: 0,
    lessons: 0,
    winsByMonth: new Array<number>(12).fill(0),
    lessonsByMonth: new Array<number>(12).fill(0),
  };
}

/** A lesson learned is what Kind says clearly; anything else (a win, blank, a typo) is a win, as in newsletters. */
export function isLesson(win: Pick<Win, 'kind'>): boolean {
  return win.kind === 'Lesson learned';
}

/** Archived entries count only in the pipeline; everything else (a status typed by hand included) counts. */
export function isCounted(win: Pick<Win, 'status'>): boolean {
  return win.status !== 'Archived';
}

function add(t: Tally, win: DashboardWin, month: number): void {
  t.entries++;
  if (win.status === 'Approved') t.approved++;
  if (isLesson(win)) {
    t.lessons++;
    t.lessonsByMonth[month]++;
  } else {
    t.wins++;
    t.winsByMonth[month]++;
  }
}

/** Who contributed: the email when there is one, else the name; '' when neither (not counted as a contributor). */
export function contributorKey(win: Pick<Win, 'email' | 'name'>): string {
  const email = win.email.trim().toLowerCase();
  if (email) return email;
  const name = win.name.trim().toLowerCase();
  return name ? `name:${name}` : '';
}

function canonical(choices: readonly string[], text: string, other: string): string {
  const t = text.trim().toLowerCase();
  if (!t) return NOT_GIVEN;
  return choices.find((c) => c.toLowerCase() === t) ?? other;
}

export function roleOf(win: Pick<Win, 'role'>): string {
  return canonical(ROLES, win.role, 'Other');
}

export function sourceOf(win: Pick<Win, 'source'>): string {
  return canonical(SOURCES, win.source, 'Other');
}

/**
 * A win's goals as the Goals sheet spells them (matched without regard to case), each once; a goal the sheet does
 * not list keeps the spelling it has on the win.
 */
export function goalsOf(win: Pick<Win, 'goals'>, byName: ReadonlyMap<string, Goal>): string[] {
  const out: string[] = [];
  for (const g of win.goals) {
    const name = byName.get(g.trim().toLowerCase())?.name ?? g.trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

export function goalIndex(goals: readonly Goal[]): Map<string, Goal> {
  const map = new Map<string, Goal>();
  for (const g of goals) if (!map.has(g.name.trim().toLowerCase())) map.set(g.name.trim().toLowerCase(), g);
  return map;
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const byEntries =
  <T extends { entries: number }>(name: (t: T) => string) =>
  (a: T, b: T) =>
    b.entries - a.entries || name(a).localeCompare(name(b));

export function buildDashboard(input: DashboardInput): Dashboard {
  const { grid, nowMs } = input;
  const byName = goalIndex(input.goals);
  const perGoal = new Map<string, Tally>();
  const lastEntry = new Map<string, number>();
  const noGoal = emptyTally();
  const total = emptyTally();
  const contributors = new Set<string>();
  const staff = new Set<string>();
  const toTriage: number[] = [];
  const pipeline = new Map<string, number>();
  const monthPeople = Array.from({ length: 12 }, () => new Set<string>());
  const monthEntries = new Array<number>(12).fill(0);
  const rolePeopleByMonth = new Map<string, Array<Set<string>>>();
  const perRole = new Map<string, { people: Set<string>; tally: Tally }>();
  const perSource = new Map<string, Tally>();
  let undated = 0;

  for (const win of input.wins) {
    const at = win.submittedAt ? Date.parse(win.submittedAt) : NaN;
    const goals = goalsOf(win, byName);
    if (!Number.isFinite(at)) {
      undated++;
      continue;
    }
    if (isCounted(win) && at <= nowMs) {
      for (const g of goals) lastEntry.set(g, Math.max(lastEntry.get(g) ?? -Infinity, at));
    }
    const month = monthIndex(grid, at);
    if (month < 0) continue;
    const status: string = win.status ?? NO_STATUS;
    pipeline.set(status, (pipeline.get(status) ?? 0) + 1);
    if (!isCounted(win)) continue;

    add(total, win, month);
    if (!goals.length) add(noGoal, win, month);
    for (const g of goals) {
      let t = perGoal.get(g);
      if (!t) perGoal.set(g, (t = emptyTally()));
      add(t, win, month);
    }
    const who = contributorKey(win);
    const role = roleOf(win);
    monthEntries[month]++;
    let r = perRole.get(role);
    if (!r) perRole.set(role, (r = { people: new Set(), tally: emptyTally() }));
    add(r.tally, win, month);
    if (who) {
      contributors.add(who);
      if (STAFF_ROLES.includes(role)) staff.add(who);
      monthPeople[month].add(who);
      r.people.add(who);
      let months = rolePeopleByMonth.get(role);
      if (!months) rolePeopleByMonth.set(role, (months = Array.from({ length: 12 }, () => new Set<string>())));
      months[month].add(who);
    }
    const source = sourceOf(win);
    let s = perSource.get(source);
    if (!s) perSource.set(source, (s = emptyTally()));
    add(s, win, month);
    const first = win.firstTriagedAt ? Date.parse(win.firstTriagedAt) : NaN;
    if (Number.isFinite(first) && first >= at) toTriage.push((first - at) / DAY);
  }

  // Goals: every goal with entries this year, and every active goal (a quiet one shows its zeros).
  const rows: GoalRow[] = [];
  const seen = new Set<string>();
  const row = (name: string, t: Tally): GoalRow => {
    const goal = byName.get(name.toLowerCase());
    const last = lastEntry.get(name);
    return {
      goal: name,
      goalId: goal?.id ?? '',
      active: goal ? goal.active : false,
      daysSinceLast: last === undefined ? null : daysBetween(last, nowMs),
      ...t,
    };
  };
  for (const [name, t] of perGoal) {
    rows.push(row(name, t));
    seen.add(name);
  }
  for (const g of input.goals) if (g.active && !seen.has(g.name)) rows.push(row(g.name, emptyTally()));
  rows.sort(byEntries((r) => r.goal));

  // The stacked chart: months × the eight goals with most entries, and Other.
  const top = rows.filter((r) => r.entries > 0).slice(0, TOP_GOALS);
  const rest = rows.filter((r) => r.entries > 0).slice(TOP_GOALS);
  const hasOther = rest.length > 0 || noGoal.entries > 0;
  const series = [...top.map((r) => r.goal), ...(hasOther ? [OTHER_SERIES] : [])];
  const monthRows = grid.months.map((_, m) => {
    const cells = top.map((r) => r.winsByMonth[m] + r.lessonsByMonth[m]);
    if (hasOther)
      cells.push(
        rest.reduce((n, r) => n + r.winsByMonth[m] + r.lessonsByMonth[m], 0) +
          noGoal.winsByMonth[m] +
          noGoal.lessonsByMonth[m],
      );
    return cells;
  });

  const roleOrder = [...ROLES, NOT_GIVEN].filter((r) => perRole.has(r));
  const participation = {
    roles: roleOrder,
    months: grid.months.map((_, m) => ({
      contributors: monthPeople[m].size,
      entries: monthEntries[m],
      byRole: roleOrder.map((r) => rolePeopleByMonth.get(r)?.[m].size ?? 0),
    })),
    perRole: roleOrder.map((role) => {
      const r = perRole.get(role)!;
      return {
        role,
        contributors: r.people.size,
        entries: r.tally.entries,
        wins: r.tally.wins,
        lessons: r.tally.lessons,
      };
    }),
  };

  const sources = [...SOURCES, NOT_GIVEN]
    .filter((s) => perSource.has(s))
    .map((source) => {
      const t = perSource.get(source)!;
      return { source, entries: t.entries, approved: t.approved, wins: t.wins, lessons: t.lessons };
    });

  const statuses: string[] = [...STATUSES, NO_STATUS];
  const quiet = input.goals
    .filter((g) => g.active)
    .map((g) => {
      const last = lastEntry.get(g.name);
      return { goal: g.name, last };
    })
    .filter((g) => g.last === undefined || nowMs - g.last >= QUIET_DAYS * DAY)
    .map((g) => ({ goal: g.goal, daysSinceLast: g.last === undefined ? null : daysBetween(g.last, nowMs) }))
    .sort((a, b) => (b.daysSinceLast ?? Infinity) - (a.daysSinceLast ?? Infinity) || a.goal.localeCompare(b.goal));

  const audiences = AUDIENCES.map((audience) => {
    const issues = input.issues
      .filter((i) => i.audience === audience && i.state !== 'Cancelled' && Number.isFinite(Date.parse(i.createdAt)))
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    const last = issues[0];
    return last
      ? { audience, issue: `${audience} #${last.number}`, daysSince: daysBetween(Date.parse(last.createdAt), nowMs) }
      : { audience, issue: null };
  });

  const middle = median(toTriage);
  return {
    year: input.year,
    glance: {
      entries: total.entries,
      approved: total.approved,
      wins: total.wins,
      lessons: total.lessons,
      contributors: contributors.size,
      staff: input.staffCount && input.staffCount > 0 ? { contributing: staff.size, count: input.staffCount } : null,
      medianDaysToTriage: middle === null ? null : Math.round(middle * 10) / 10,
      triagedEntries: toTriage.length,
      undated,
    },
    goals: rows,
    noGoal: noGoal.entries ? noGoal : null,
    byMonth: { series, rows: monthRows },
    participation,
    sources,
    pipeline: statuses.map((status) => ({ status, entries: pipeline.get(status) ?? 0 })),
    quiet,
    audiences,
  };
}

/** Status names in pipeline order (for readers that want the type). */
export type PipelineStatus = Status | typeof NO_STATUS;

/** What the sidebar's one-line pattern needs from a refresh: per goal with entries, this year's wins and lessons. */
export function patternOf(dashboard: Dashboard, asOfIso: string): StoredPattern {
  return {
    year: dashboard.year.label,
    asOf: asOfIso,
    goals: dashboard.goals.filter((g) => g.entries > 0).map((g) => [g.goal, g.wins, g.lessons]),
  };
}
