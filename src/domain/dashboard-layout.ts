// The Dashboard sheet as one block of values: its sections stacked top to bottom (the two chart tables first, at
// fixed rows, so the charts' ranges rarely move), which cells are bold, and where each chart reads and sits. Text a
// person typed (goal names, roles, sources) is written so Sheets keeps it as text. Pure.
import { Dashboard, GoalRow, NO_GOAL, QUIET_DAYS, Tally, TOP_GOALS, OTHER_SERIES } from './dashboard';
import { monthLabel } from './school-year';
import { toCellText } from './text';

export type ChartKey = 'goalsByMonth' | 'participation';

/** A chart's data range and anchor, 1-based within the sheet. */
export interface ChartPlacement {
  key: ChartKey;
  title: string;
  range: { row: number; column: number; rows: number; columns: number };
  anchor: { row: number; column: number };
}

export interface DashboardBlock {
  /** Rows of cells, every row `width` wide. */
  values: unknown[][];
  /** 'bold' or 'normal' per cell. */
  weights: Array<Array<'bold' | 'normal'>>;
  width: number;
  charts: ChartPlacement[];
}

/** The sheet's first column holds labels and goal names; the others numbers. */
export const LABEL_WIDTH = 230;
export const NUMBER_WIDTH = 84;
export const WIDTH = 15;
/** Charts sit right of the tables (one empty column between). */
export const CHART_COLUMN = WIDTH + 2;
/** A chart is about 20 rows tall at its default size. */
const CHART_ROWS = 21;

export interface DashboardHeading {
  /** "Monday 23 November 2026, 09:00 (America/New_York)" */
  asOf: string;
  /** The sheet's name, for the sentence saying how it is made. */
  menu: string;
}

const text = (v: string) => toCellText(v);

function kindRows(name: string, t: Tally): unknown[][] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return [
    [text(name), 'Wins', ...t.winsByMonth, sum(t.winsByMonth)],
    [text(name), 'Lessons learned', ...t.lessonsByMonth, sum(t.lessonsByMonth)],
  ];
}

function days(n: number | null): unknown {
  return n === null ? 'never' : n;
}

export function layoutDashboard(d: Dashboard, heading: DashboardHeading): DashboardBlock {
  const rows: unknown[][] = [];
  const bold = new Set<number>();
  const charts: ChartPlacement[] = [];
  const line = (...cells: unknown[]) => rows.push(cells);
  const title = (t: string) => {
    bold.add(rows.length);
    line(text(t));
  };
  const header = (...cells: string[]) => {
    bold.add(rows.length);
    line(...cells.map(text));
  };
  const gap = () => line('');
  const months = d.year.months.map((m) => text(monthLabel(m)));

  bold.add(rows.length);
  line(text(`Small Wins — the pattern of progress, school year ${d.year.label}`));
  line(
    text(
      `As of ${heading.asOf}. ${d.year.span}. Counted: every entry that is not archived (archived ones appear only in the triage pipeline); a win with two goals counts under each goal and once in totals. ${heading.menu} rebuilds this sheet, and the clock rebuilds it daily: edits here are replaced.`,
    ),
  );
  gap();

  // At a glance: a fixed number of rows, so the chart tables below never move.
  const g = d.glance;
  title('At a glance');
  line('Entries this school year', g.entries);
  line('Approved', g.approved);
  line('Wins', g.wins);
  line('Lessons learned', g.lessons);
  line('Contributors', g.contributors);
  line(
    'Share of staff contributing',
    g.staff
      ? text(
          `${g.staff.contributing} of ${g.staff.count} (${Math.round((100 * g.staff.contributing) / g.staff.count)}%)`,
        )
      : text('Set the number of staff in Small Wins → Settings to see this'),
  );
  line(
    'Median days from submission to first triage',
    g.medianDaysToTriage === null ? 'no entry triaged yet' : g.medianDaysToTriage,
  );
  line('Entries with no readable Submitted at (not counted)', g.undated);
  gap();

  // Entries per month by goal: the first chart's table.
  title('Entries per month, by goal');
  line(
    text(
      `The ${TOP_GOALS === 8 ? 'eight' : TOP_GOALS} goals with most entries; ${OTHER_SERIES} is every other goal and entries with no goal yet.`,
    ),
  );
  const series = d.byMonth.series.length ? d.byMonth.series : ['Entries'];
  const goalsHeader = rows.length;
  header('Month', ...series);
  d.year.months.forEach((_, m) => line(months[m], ...(d.byMonth.series.length ? d.byMonth.rows[m] : [0])));
  charts.push({
    key: 'goalsByMonth',
    title: `Wins and lessons learned per month, by goal (${d.year.label})`,
    range: { row: goalsHeader + 1, column: 1, rows: 13, columns: 1 + series.length },
    anchor: { row: 4, column: CHART_COLUMN },
  });
  gap();

  // Participation per month: contributors per role (the second chart's table), then all contributors and entries.
  title('Participation per month');
  const roles = d.participation.roles;
  const peopleHeader = rows.length;
  header('Month', ...roles, 'Contributors', 'Entries');
  d.participation.months.forEach((p, m) => line(months[m], ...p.byRole, p.contributors, p.entries));
  charts.push({
    key: 'participation',
    title: `Contributors per month, by role (${d.year.label})`,
    range: { row: peopleHeader + 1, column: 1, rows: 13, columns: 1 + Math.max(roles.length, 1) },
    anchor: { row: 4 + CHART_ROWS + 1, column: CHART_COLUMN },
  });
  gap();

  // Below here the sections grow with the school's goals.
  title('Goals this school year');
  header('Goal', 'Entries', 'Approved', 'Wins', 'Lessons learned', 'Days since last entry');
  const goalLine = (r: GoalRow) =>
    line(
      text(r.goal + (r.active || !r.goalId ? '' : ' (inactive)')),
      r.entries,
      r.approved,
      r.wins,
      r.lessons,
      days(r.daysSinceLast),
    );
  d.goals.forEach(goalLine);
  if (d.noGoal) line(text(NO_GOAL), d.noGoal.entries, d.noGoal.approved, d.noGoal.wins, d.noGoal.lessons, '');
  if (!d.goals.length && !d.noGoal) line('No goals yet: add them in the Goals sheet.');
  gap();

  title('Wins and lessons learned per goal, month by month');
  header('Goal', 'Kind', ...d.year.months.map(monthLabel), 'Year');
  for (const r of d.goals) kindRows(r.goal, r).forEach((cells) => line(...cells));
  if (d.noGoal) kindRows(NO_GOAL, d.noGoal).forEach((cells) => line(...cells));
  gap();

  title('Participation per role');
  header('Role', 'Contributors', 'Entries', 'Wins', 'Lessons learned');
  for (const r of d.participation.perRole) line(text(r.role), r.contributors, r.entries, r.wins, r.lessons);
  if (!d.participation.perRole.length) line('No entries yet this school year.');
  gap();

  title('Sources');
  header('Source', 'Entries', 'Approved', 'Wins', 'Lessons learned');
  for (const s of d.sources) line(text(s.source), s.entries, s.approved, s.wins, s.lessons);
  if (!d.sources.length) line('No entries yet this school year.');
  gap();

  title('Triage pipeline (every entry this school year, archived included)');
  header('Status', 'Entries');
  for (const p of d.pipeline) line(text(p.status), p.entries);
  gap();

  title(`Quiet goals (no entry in the last ${QUIET_DAYS} days)`);
  if (d.quiet.length) {
    header('Goal', 'Days since last entry');
    for (const q of d.quiet) line(text(q.goal), days(q.daysSinceLast));
  } else line(text(`None: every active goal had an entry in the last ${QUIET_DAYS} days.`));
  gap();

  title('Last newsletter issue per audience');
  header('Audience', 'Last issue', 'Days since');
  for (const a of d.audiences) {
    if (a.issue === null) line(a.audience, 'none yet', '');
    else line(a.audience, text(a.issue), a.daysSince);
  }

  const width = Math.max(WIDTH, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<unknown>(width - r.length).fill('')]);
  const weights = values.map((r, i) => r.map((): 'bold' | 'normal' => (bold.has(i) ? 'bold' : 'normal')));
  return { values, weights, width, charts };
}

/** The block padded with blank rows to `height` (a shorter dashboard blanks what the last one left below it). */
export function padTo(block: DashboardBlock, height: number, width: number): DashboardBlock {
  const w = Math.max(width, block.width);
  const pad = (r: unknown[], fill: unknown) => [...r, ...new Array<unknown>(w - r.length).fill(fill)];
  const values = block.values.map((r) => pad(r, ''));
  const weights = block.weights.map((r) => pad(r, 'normal') as Array<'bold' | 'normal'>);
  while (values.length < height) {
    values.push(new Array<unknown>(w).fill(''));
    weights.push(new Array<'bold' | 'normal'>(w).fill('normal'));
  }
  return { ...block, values, weights, width: w };
}

/** A short fingerprint of which cells are bold, so an unchanged layout is not formatted again. */
export function weightsKey(weights: readonly string[][]): string {
  const bold: number[] = [];
  weights.forEach((r, i) => {
    if (r.includes('bold')) bold.push(i);
  });
  return `${weights.length}x${weights[0]?.length ?? 0}:${bold.join(',')}`;
}
