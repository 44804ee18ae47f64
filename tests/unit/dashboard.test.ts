// The dashboard's counts against an independent count (months found with Intl in the school's time zone, rules
// written out again here), school years and their months, the stored pattern, and the sheet layout's text safety.
import { buildDashboard, DashboardWin, NO_STATUS } from '../../src/domain/dashboard';
import { layoutDashboard, padTo, weightsKey } from '../../src/domain/dashboard-layout';
import type { Goal } from '../../src/domain/goals';
import { joinPattern, patternLines, splitPattern, StoredPattern } from '../../src/domain/pattern';
import {
  monthGrid,
  monthIndex,
  monthStartMs,
  parseOffset,
  schoolYear,
  schoolYearOf,
  synthesisYearOf,
} from '../../src/domain/school-year';
import { winFromCells } from '../../src/domain/win';
import { hasNoGoalEntries, NO_GOAL_KEY, subjectsOf, synthesisTitle, synthesize } from '../../src/domain/synthesis';

const TZ = 'America/New_York';

/** The local month of an instant, as a person reading the sheet in New York sees it ("2026-11"). */
function localMonth(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit' }).formatToParts(
    new Date(ms),
  );
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}`;
}

/** The zone's offset (minutes east of UTC) at an instant, from Intl, as Utilities.formatDate's "Z" would give it. */
function offsetAt(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TZ,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(ms));
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  return Math.round((Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute')) - ms) / 60000);
}

function gridFor(startYear: number) {
  const year = schoolYear(startYear);
  const grid = monthGrid(year.months, (key) => {
    const [y, m] = key.split('-').map(Number);
    return monthStartMs(key, offsetAt(Date.UTC(y, m - 1, 1)));
  });
  return { year, grid };
}

const GOALS: Goal[] = [
  { id: 'G-1', name: 'Reading for all', description: '', keywords: [], active: true },
  { id: 'G-2', name: 'Math confidence', description: '', keywords: [], active: true },
  { id: 'G-3', name: 'Belonging and wellbeing', description: '', keywords: [], active: true },
  { id: 'G-4', name: 'Quiet goal', description: '', keywords: [], active: true },
  { id: 'G-5', name: 'Old goal', description: '', keywords: [], active: false },
];

/** A deterministic pseudo-random log: hand-typed variants, archived, multi-goal, undated, other years. */
function randomLog(n: number, seed = 7): DashboardWin[] {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const start = Date.UTC(2025, 6, 25);
  const end = Date.UTC(2027, 7, 5);
  const out: DashboardWin[] = [];
  for (let i = 0; i < n; i++) {
    const at = start + Math.floor(rand() * (end - start));
    const goals = pick([
      'Reading for all',
      'math confidence',
      'Reading for all, Math confidence',
      'Belonging and wellbeing; Reading for all',
      '',
      'Robotics club',
      'Reading for all, reading for all',
      'Old goal',
    ]);
    out.push(
      winFromCells({
        submittedAt: rand() < 0.03 ? pick(['', 'soon', 'n/a']) : new Date(at),
        firstTriagedAt: rand() < 0.5 ? new Date(at + Math.floor(rand() * 10 * 86_400_000)) : '',
        status: pick(['New', 'Approved', 'approved ', 'Needs info', 'Archived', 'archived', '', 'Maybe']),
        kind: pick(['Win', 'Lesson learned', 'lesson learned', '', 'Idea']),
        goals,
        source: pick(['Data', 'Meeting', 'data', '', 'Hallway chat']),
        name: pick(['Ana Ruiz', 'Ben Okafor', '', 'Chloé Martin']),
        email: pick(['ana@school.example', 'ANA@school.example', '', 'ben@school.example']),
        role: pick(['Teacher', 'teacher', 'Student', 'Family member', '', 'Janitor']),
      }),
    );
  }
  return out;
}

/** The independent count: what a person filtering the log by goal, kind, status and month would count. */
function independent(wins: readonly DashboardWin[], months: readonly string[]) {
  const cell = new Map<string, number>();
  const bump = (k: string) => cell.set(k, (cell.get(k) ?? 0) + 1);
  let entries = 0;
  let lessons = 0;
  let approved = 0;
  for (const w of wins) {
    const at = Date.parse(w.submittedAt);
    if (!Number.isFinite(at)) continue;
    const month = localMonth(at);
    if (!months.includes(month)) continue;
    if (w.status === 'Archived') continue;
    entries++;
    const lesson = w.kind === 'Lesson learned';
    if (lesson) lessons++;
    if (w.status === 'Approved') approved++;
    const names = new Set(
      w.goals.map((g) => {
        const known = GOALS.find((x) => x.name.toLowerCase() === g.toLowerCase());
        return known ? known.name : g;
      }),
    );
    if (!names.size) bump(`No goal yet|${lesson ? 'L' : 'W'}|${month}`);
    for (const g of names) bump(`${g}|${lesson ? 'L' : 'W'}|${month}`);
  }
  return { cell, entries, lessons, approved };
}

describe('buildDashboard against an independent count', () => {
  const wins = randomLog(3000);
  const { year, grid } = gridFor(2026);
  const d = buildDashboard({
    wins,
    goals: GOALS,
    issues: [],
    year,
    grid,
    nowMs: Date.UTC(2027, 2, 10, 15),
    staffCount: 40,
  });
  const count = independent(wins, year.months);

  test('wins and lessons per goal per month, and the totals', () => {
    expect(d.glance.entries).toBe(count.entries);
    expect(d.glance.lessons).toBe(count.lessons);
    expect(d.glance.wins).toBe(count.entries - count.lessons);
    expect(d.glance.approved).toBe(count.approved);
    let compared = 0;
    for (const row of [...d.goals, ...(d.noGoal ? [{ goal: 'No goal yet', ...d.noGoal }] : [])]) {
      year.months.forEach((m, i) => {
        expect([row.goal, m, row.winsByMonth[i]]).toEqual([row.goal, m, count.cell.get(`${row.goal}|W|${m}`) ?? 0]);
        expect([row.goal, m, row.lessonsByMonth[i]]).toEqual([row.goal, m, count.cell.get(`${row.goal}|L|${m}`) ?? 0]);
        compared++;
      });
    }
    expect(compared).toBeGreaterThan(50);
    // Every goal with entries has its row (a win with two goals under each, typed case or not).
    const goalsWithEntries = new Set([...count.cell.keys()].map((k) => k.split('|')[0]));
    expect(new Set([...d.goals.map((g) => g.goal), ...(d.noGoal ? ['No goal yet'] : [])])).toEqual(
      new Set([...goalsWithEntries, 'Quiet goal']),
    );
  });

  test('the stacked chart table adds up to the goal rows, Other included', () => {
    const perMonth = year.months.map((_, i) =>
      [...d.goals, ...(d.noGoal ? [d.noGoal] : [])].reduce((n, g) => n + g.winsByMonth[i] + g.lessonsByMonth[i], 0),
    );
    expect(d.byMonth.rows.map((r) => r.reduce((a, b) => a + b, 0))).toEqual(perMonth);
    expect(d.byMonth.series.length).toBeLessThanOrEqual(9);
  });

  test('archived entries count only in the pipeline; the pipeline holds every dated entry of the year', () => {
    const inYear = wins.filter((w) => {
      const at = Date.parse(w.submittedAt);
      return Number.isFinite(at) && year.months.includes(localMonth(at));
    });
    const total = d.pipeline.reduce((n, p) => n + p.entries, 0);
    expect(total).toBe(inYear.length);
    expect(d.pipeline.find((p) => p.status === 'Archived')!.entries).toBe(
      inYear.filter((w) => w.status === 'Archived').length,
    );
    expect(d.pipeline.find((p) => p.status === NO_STATUS)!.entries).toBe(inYear.filter((w) => !w.status).length);
  });

  test('contributors by email (any case) or name; staff share; median days to first triage', () => {
    const inYear = wins.filter((w) => {
      const at = Date.parse(w.submittedAt);
      return Number.isFinite(at) && year.months.includes(localMonth(at)) && w.status !== 'Archived';
    });
    const people = new Set(
      inYear
        .map((w) => (w.email ? w.email.toLowerCase() : w.name ? `name:${w.name.toLowerCase()}` : ''))
        .filter(Boolean),
    );
    expect(d.glance.contributors).toBe(people.size);
    expect(d.glance.staff?.count).toBe(40);
    const days = inYear
      .filter((w) => w.firstTriagedAt)
      .map((w) => (Date.parse(w.firstTriagedAt) - Date.parse(w.submittedAt)) / 86_400_000)
      .sort((a, b) => a - b);
    const mid = days.length % 2 ? days[days.length >> 1] : (days[days.length / 2 - 1] + days[days.length / 2]) / 2;
    expect(d.glance.medianDaysToTriage).toBe(Math.round(mid * 10) / 10);
    expect(d.glance.undated).toBe(wins.filter((w) => !w.submittedAt).length);
  });

  test('quiet goals: active goals with no entry in the last 30 days (never, here)', () => {
    expect(d.quiet.map((q) => q.goal)).toEqual(['Quiet goal']);
    expect(d.quiet[0].daysSinceLast).toBeNull();
  });
});

describe('a small hand-made log', () => {
  const { year, grid } = gridFor(2026);
  const at = (iso: string) => winFromCells({ submittedAt: new Date(iso), status: 'Approved', kind: 'Win' });
  test('a win with two goals counts once per goal and once in totals; 31 October 23:30 local is October', () => {
    const wins = [
      { ...at('2026-11-01T03:30:00Z'), goals: ['Reading for all', 'Math confidence'] },
      { ...at('2026-11-01T04:30:00Z'), goals: ['Reading for all'] },
    ];
    const d = buildDashboard({
      wins,
      goals: GOALS,
      issues: [],
      year,
      grid,
      nowMs: Date.UTC(2026, 10, 5),
      staffCount: null,
    });
    expect(d.glance.entries).toBe(2);
    const reading = d.goals.find((g) => g.goal === 'Reading for all')!;
    expect(reading.entries).toBe(2);
    expect(reading.winsByMonth[2]).toBe(1); // October: 23:30 on 31 October in New York
    expect(reading.winsByMonth[3]).toBe(1); // November
    expect(d.goals.find((g) => g.goal === 'Math confidence')!.winsByMonth[2]).toBe(1);
    expect(d.glance.staff).toBeNull();
  });

  test('the last issue per audience skips cancelled ones', () => {
    const issues = [
      { audience: 'Families' as const, number: 3, createdAt: '2026-11-01T12:00:00Z', state: 'Done' as const },
      { audience: 'Families' as const, number: 4, createdAt: '2026-11-08T12:00:00Z', state: 'Cancelled' as const },
      { audience: 'Staff' as const, number: 9, createdAt: '2026-11-04T12:00:00Z', state: 'Drafted' as const },
    ];
    const d = buildDashboard({
      wins: [],
      goals: GOALS,
      issues,
      year,
      grid,
      nowMs: Date.UTC(2026, 10, 11, 12),
      staffCount: null,
    });
    expect(d.audiences).toEqual([
      { audience: 'Staff', issue: 'Staff #9', daysSince: 7 },
      { audience: 'Families', issue: 'Families #3', daysSince: 10 },
      { audience: 'Public', issue: null },
    ]);
  });
});

describe('school years', () => {
  test('1 August to 31 July; the synthesis looks back during August and September', () => {
    expect(schoolYearOf({ year: 2026, month: 7, day: 31 }).startYear).toBe(2025);
    expect(schoolYearOf({ year: 2026, month: 8, day: 1 }).startYear).toBe(2026);
    expect(schoolYear(2026).label).toBe('2026–27');
    expect(schoolYear(2026).months[0]).toBe('2026-08');
    expect(schoolYear(2026).months[11]).toBe('2027-07');
    expect(synthesisYearOf({ year: 2027, month: 9, day: 30 }).startYear).toBe(2026);
    expect(synthesisYearOf({ year: 2027, month: 10, day: 1 }).startYear).toBe(2027);
    expect(synthesisYearOf({ year: 2027, month: 7, day: 31 }).startYear).toBe(2026);
  });

  test('offsets as Utilities.formatDate gives them, and months found by binary search', () => {
    expect(parseOffset('-0500')).toBe(-300);
    expect(parseOffset('+0530')).toBe(330);
    expect(parseOffset('Z')).toBeNull();
    const { grid } = gridFor(2026);
    expect(monthIndex(grid, Date.parse('2026-08-01T04:00:00Z'))).toBe(0);
    expect(monthIndex(grid, Date.parse('2026-08-01T03:59:59Z'))).toBe(-1);
    expect(monthIndex(grid, Date.parse('2027-07-31T12:00:00Z'))).toBe(11);
    expect(monthIndex(grid, Date.parse('2027-08-01T04:00:00Z'))).toBe(-1);
  });
});

describe('the stored pattern', () => {
  test('split over properties and joined back; one line per goal of a win', () => {
    const pattern: StoredPattern = {
      year: '2026–27',
      asOf: '2026-11-23T14:00:00.000Z',
      goals: Array.from(
        { length: 400 },
        (_, i) => [`Goal ${i} — ${'é'.repeat(40)}`, i, i % 3] as [string, number, number],
      ),
    };
    const parts = splitPattern(pattern);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(JSON.stringify(p), 'utf8')).toBeLessThan(9216);
    expect(joinPattern(JSON.parse(JSON.stringify(parts)))).toEqual(pattern);
    expect(patternLines(pattern, ['goal 1 — ' + 'é'.repeat(40), 'Unknown'])).toEqual([
      `Goal 1 — ${'é'.repeat(40)}: 1 win, 1 lesson learned this year`,
      'Unknown: 0 wins, 0 lessons learned this year',
    ]);
    expect(patternLines(null, ['Reading'])).toEqual([]);
  });
});

describe('the sheet layout', () => {
  const { year, grid } = gridFor(2026);
  const goals: Goal[] = [
    { id: 'G-1', name: '=1+1', description: '', keywords: [], active: true },
    { id: 'G-2', name: '2026', description: '', keywords: [], active: true },
  ];
  const wins = [
    winFromCells({
      submittedAt: new Date('2026-09-10T12:00:00Z'),
      goals: '=1+1, 2026',
      kind: 'Win',
      email: 'ana@school.example',
      role: 'Teacher',
    }),
  ];
  const d = buildDashboard({ wins, goals, issues: [], year, grid, nowMs: Date.UTC(2026, 10, 1), staffCount: 10 });
  const block = layoutDashboard(d, { asOf: 'Sunday 1 November 2026, 08:00 (America/New_York)', menu: 'the menu' });

  test('goal names, months and sentences are written as text; numbers as numbers; every row as wide', () => {
    const flat = block.values.flat();
    expect(flat).toContain("'=1+1");
    expect(flat).toContain("'2026");
    expect(flat).not.toContain('=1+1');
    expect(flat).toContain("'Sep 2026");
    expect(new Set(block.values.map((r) => r.length))).toEqual(new Set([block.width]));
    expect(block.values.find((r) => r[0] === 'Share of staff contributing')![1]).toBe('1 of 10 (10%)');
  });

  test('the chart tables sit at fixed rows whatever the goals; a shorter block is padded to blank the old one', () => {
    const [goalsChart, people] = block.charts;
    expect(goalsChart.range.row).toBe(16);
    expect(goalsChart.range.rows).toBe(13);
    expect(goalsChart.range.columns).toBe(3);
    expect(block.values[goalsChart.range.row - 1][0]).toBe('Month');
    expect(people.range.row).toBe(31);
    const padded = padTo(block, block.values.length + 5, block.width + 2);
    expect(padded.values).toHaveLength(block.values.length + 5);
    expect(padded.values[padded.values.length - 1].every((v) => v === '')).toBe(true);
    expect(weightsKey(padded.weights)).not.toBe(weightsKey(block.weights));
  });
});

describe('the synthesis of a goal', () => {
  const { year, grid } = gridFor(2026);
  const entry = (id: string, over: Record<string, unknown>) =>
    winFromCells({
      id,
      submittedAt: new Date('2026-10-05T15:00:00Z'),
      status: 'Approved',
      kind: 'Win',
      headline: `Headline ${id}`,
      story: `Story ${id}`,
      source: 'Data',
      name: 'Ana Ruiz',
      email: 'ana@school.example',
      role: 'Teacher',
      ...over,
    });
  const wins = [
    entry('W-1', { goals: 'Reading for all' }),
    entry('W-2', { goals: 'reading for all, Math confidence', kind: 'Lesson learned', email: 'ben@school.example' }),
    entry('W-3', { goals: 'Reading for all', status: 'Archived' }),
    entry('W-4', {
      goals: 'Reading for all',
      featured: 'Yes',
      source: 'Meeting',
      submittedAt: new Date('2027-03-02T15:00:00Z'),
    }),
    entry('W-5', { goals: 'Reading for all', submittedAt: new Date('2026-07-30T15:00:00Z') }),
    entry('W-6', { goals: '', status: 'New' }),
    entry('W-7', { goals: 'Robotics club' }),
    entry('W-8', { goals: 'Reading for all', status: 'Needs info', source: '' }),
  ];
  const practices = [
    {
      id: 'P-001',
      name: 'Reading buddies',
      goal: 'Reading for all',
      status: 'Nominated',
      tier: 'Promising',
      description: '',
      impact: '',
      whatItTakes: '',
      winIds: ['W-1'],
    },
    {
      id: 'P-002',
      name: 'Old idea',
      goal: 'Reading for all',
      status: 'Withdrawn',
      tier: '',
      description: '',
      impact: '',
      whatItTakes: '',
      winIds: [],
    },
  ];
  const input = { wins, goals: GOALS, practices, year, grid };

  test("a goal's entries: this year's, archived left out, other goals' left out, lessons apart, featured in the spotlight", () => {
    const s = synthesize({ key: 'G-1', name: 'Reading for all', description: '' }, input);
    expect(s.entries.map((e) => e.id)).toEqual(['W-1', 'W-2', 'W-8', 'W-4']);
    expect(s.learned.map((e) => e.id)).toEqual(['W-2']);
    expect(s.spotlight.map((e) => e.id)).toEqual(['W-4']);
    expect(s.did.map((g) => [g.source, g.wins.map((w) => w.id)])).toEqual([
      ['Data', ['W-1']],
      ['Meeting', ['W-4']],
      ['Not given', ['W-8']],
    ]);
    expect(s.glance).toMatchObject({
      entries: 4,
      wins: 3,
      lessons: 1,
      approved: 3,
      featured: 1,
      monthsActive: 2,
      contributors: 2,
    });
    expect(s.months[2]).toEqual({ label: 'Oct 2026', wins: 2, lessons: 1, contributors: 2 });
    expect(s.practices.map((p) => p.id)).toEqual(['P-001']);
  });

  test('No goal yet holds entries with no goal the Goals sheet lists, and names the unlisted ones', () => {
    const s = synthesize({ key: NO_GOAL_KEY, name: 'No goal yet', description: '' }, input);
    expect(s.entries.map((e) => e.id)).toEqual(['W-6', 'W-7']);
    expect(s.unlisted).toEqual(['Robotics club']);
    expect(hasNoGoalEntries(input)).toBe(true);
    expect(hasNoGoalEntries({ ...input, wins: wins.slice(0, 2) })).toBe(false);
    expect(subjectsOf(GOALS, true).map((g) => g.key)).toEqual(['G-1', 'G-2', 'G-3', 'G-4', 'G-5', NO_GOAL_KEY]);
  });

  test('a renamed goal keeps its key; the title names school, goal and year', () => {
    const renamed = GOALS.map((g) => (g.id === 'G-2' ? { ...g, name: 'Maths for everyone' } : g));
    const s = synthesize({ key: 'G-2', name: 'Math confidence', description: '' }, { ...input, goals: renamed });
    expect(s.subject).toMatchObject({ key: 'G-2', name: 'Maths for everyone' });
    expect(synthesisTitle('Maple Grove Elementary', s)).toBe(
      'Maple Grove Elementary — Maths for everyone — synthesis 2026–27',
    );
  });
});
