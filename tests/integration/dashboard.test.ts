// Refresh dashboard through the BUILT bundle: counts equal an independent count of a log with hand-typed rows,
// archived and multi-goal entries; the charts are made once and kept; a school's own Dashboard sheet is left alone;
// First triaged at is written once; the sidebar's pattern costs two calls; the refresh's call budget.
import { ANSWERS, byTitle, loadAddOn, onlyFormId, setUpSchool, Sim } from '../helpers/addon';
import { addWins, loadNewsletterAddOn, saveSettings, settingsInput, win } from './newsletter-fixtures';
import { call } from '../../dev/endpoints';
import { seededRows } from '../../dev/bench/seed';
import type { OpenResult, SaveResult, WinView } from '../../src/api';

const TZ = 'America/New_York';

function localMonth(d: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit' }).formatToParts(d);
  return `${parts.find((p) => p.type === 'year')!.value}-${parts.find((p) => p.type === 'month')!.value}`;
}

const MONTHS = [
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
  '2026-12',
  '2027-01',
  '2027-02',
  '2027-03',
  '2027-04',
  '2027-05',
  '2027-06',
  '2027-07',
];
const LABELS = [
  'Aug 2026',
  'Sep 2026',
  'Oct 2026',
  'Nov 2026',
  'Dec 2026',
  'Jan 2027',
  'Feb 2027',
  'Mar 2027',
  'Apr 2027',
  'May 2027',
  'Jun 2027',
  'Jul 2027',
];

/** Types a row into the Wins sheet cell by cell, as a person would (typed-input parsing), by header. */
function typeRow(sim: Sim, cells: Record<string, string>): void {
  const sheet = sim.spreadsheet.sheet('Wins')!;
  const row = sheet.lastRow + 1;
  for (const [header, value] of Object.entries(cells)) {
    const col = sheet.columnOf(header);
    if (!col) throw new Error(`No column ${header}`);
    sheet.setCell(row, col, value);
  }
}

/**
 * What a person counts by filtering the Wins sheet: per goal (as the Goals sheet spells it, any case), kind and
 * local month, entries not archived; a blank or odd Kind is a win.
 */
function countByHand(sim: Sim) {
  const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
  const header = values[0].map(String);
  const col = (h: string) => header.indexOf(h);
  const goalNames = (sim.spreadsheet.sheetValues('Goals') as unknown[][]).slice(1).map((r) => String(r[0]));
  const counts = new Map<string, number>();
  let entries = 0;
  let archived = 0;
  for (const r of values.slice(1)) {
    const at = r[col('Submitted at')];
    if (!(at instanceof Date)) continue;
    const month = localMonth(at);
    if (!MONTHS.includes(month)) continue;
    const status = String(r[col('Status')]).trim().toLowerCase();
    if (status === 'archived') {
      archived++;
      continue;
    }
    entries++;
    const kind = String(r[col('Kind')]).trim().toLowerCase() === 'lesson learned' ? 'Lessons learned' : 'Wins';
    const goals = new Set(
      String(r[col('Goals')])
        .split(/[,;]/)
        .map((g) => g.trim())
        .filter(Boolean)
        .map((g) => goalNames.find((n) => n.toLowerCase() === g.toLowerCase()) ?? g),
    );
    if (!goals.size) goals.add('No goal yet');
    for (const g of goals) counts.set(`${g}|${kind}|${month}`, (counts.get(`${g}|${kind}|${month}`) ?? 0) + 1);
  }
  return { counts, entries, archived };
}

/** The Dashboard's rows below a section title, up to the next blank row (header row first). */
function section(sim: Sim, title: string, sheetName = 'Dashboard'): unknown[][] {
  const values = sim.spreadsheet.sheet(sheetName)!.values as unknown[][];
  const at = values.findIndex((r) => String(r[0]).startsWith(title));
  if (at < 0) throw new Error(`No section "${title}"`);
  const out: unknown[][] = [];
  for (let i = at + 1; i < values.length && values[i].some((c) => c !== ''); i++) out.push(values[i]);
  return out;
}

function glance(sim: Sim, label: string): unknown {
  return section(sim, 'At a glance').find((r) => r[0] === label)?.[1];
}

function handTypedSchool(): Sim {
  const sim = loadAddOn();
  setUpSchool(sim);
  // Through the Form: two wins in November.
  const formId = onlyFormId(sim);
  sim.submitForm(formId, byTitle({ ...ANSWERS, goals: ['Reading for all', 'Math confidence'] }), {
    email: 'ana@school.example',
  });
  sim.submitForm(formId, byTitle({ ...ANSWERS, kind: 'Lesson learned', goals: ['Math confidence'] }), {
    email: 'ben@school.example',
  });
  // Typed by hand, as a leader would: odd cases, two goals, archived, last year, an unreadable date.
  const rows: Array<Record<string, string>> = [
    {
      ID: 'W-0101',
      'Submitted at': '10/31/2026 23:30',
      Status: 'approved',
      Kind: 'lesson learned',
      Goals: 'math confidence; Reading for all',
      'Submitted by': 'Cleo',
      Role: 'Teacher',
    },
    {
      ID: 'W-0102',
      'Submitted at': '11/1/2026 0:30',
      Status: 'New',
      Kind: '',
      Goals: 'Reading for all',
      Email: 'dee@school.example',
      Role: 'Coach',
    },
    {
      ID: 'W-0103',
      'Submitted at': '9/15/2026 10:00',
      Status: 'Archived',
      Kind: 'Win',
      Goals: 'Reading for all',
      Email: 'eve@school.example',
      Role: 'Teacher',
    },
    {
      ID: 'W-0104',
      'Submitted at': '6/15/2026 10:00',
      Status: 'Approved',
      Kind: 'Win',
      Goals: 'Reading for all',
      Email: 'old@school.example',
      Role: 'Teacher',
    },
    {
      ID: 'W-0105',
      'Submitted at': 'next week',
      Status: 'New',
      Kind: 'Win',
      Goals: 'Reading for all',
      Email: 'fay@school.example',
      Role: 'Teacher',
    },
    {
      ID: 'W-0106',
      'Submitted at': '8/1/2026 0:05',
      Status: 'Needs info',
      Kind: 'Idea',
      Goals: 'Robotics club',
      Email: 'gus@school.example',
      Role: 'Student',
    },
    {
      ID: 'W-0107',
      'Submitted at': '7/31/2027 23:55',
      Status: 'Maybe',
      Kind: 'Win',
      Goals: '',
      'Submitted by': 'Hal',
      Role: 'Janitor',
    },
    {
      ID: 'W-0108',
      'Submitted at': '12/24/2026 12:00',
      Status: 'Approved',
      Kind: 'Lesson learned',
      Goals: 'Belonging and wellbeing, Family partnership, Math confidence',
      Email: 'ANA@school.example',
      Role: 'Teacher',
    },
  ];
  for (const r of rows) typeRow(sim, r);
  return sim;
}

describe('Refresh dashboard', () => {
  test('counts per goal, kind and month equal what a person counts by filtering the log', () => {
    const sim = handTypedSchool();
    sim.run('refreshDashboard');
    expect(sim.ui.alerts).toEqual([]);
    const byHand = countByHand(sim);
    const table = section(sim, 'Wins and lessons learned per goal, month by month');
    expect(table[0]).toEqual(['Goal', 'Kind', ...LABELS, 'Year']);
    let compared = 0;
    const seen = new Set<string>();
    for (const r of table.slice(1)) {
      const goal = String(r[0]);
      const kind = String(r[1]);
      MONTHS.forEach((m, i) => {
        expect([goal, kind, m, r[2 + i]]).toEqual([goal, kind, m, byHand.counts.get(`${goal}|${kind}|${m}`) ?? 0]);
        compared++;
      });
      seen.add(goal);
    }
    for (const key of byHand.counts.keys()) expect(seen).toContain(key.split('|')[0]);
    expect(compared).toBeGreaterThanOrEqual(12 * 2 * 6);
    // 31 October 23:30 in New York is October; 1 August 00:05 is the school year's first minute.
    const math = table.find((r) => r[0] === 'Math confidence' && r[1] === 'Lessons learned')!;
    expect(math[2 + 2]).toBe(1);
    expect(table.find((r) => r[0] === 'Robotics club' && r[1] === 'Wins')![2]).toBe(1);
    expect(glance(sim, 'Entries this school year')).toBe(byHand.entries);
    expect(glance(sim, 'Entries with no readable Submitted at (not counted)')).toBe(1);
    // Archived entries appear only in the pipeline.
    const pipeline = section(sim, 'Triage pipeline');
    expect(pipeline.find((r) => r[0] === 'Archived')![1]).toBe(byHand.archived);
    expect(pipeline.find((r) => r[0] === 'No status (typed by hand or blank)')![1]).toBe(1);
    const goals = section(sim, 'Goals this school year');
    const reading = goals.find((r) => r[0] === 'Reading for all')!;
    expect(reading.slice(1, 5)).toEqual([3, 1, 2, 1]); // entries, approved, wins, lessons: not the archived one
    // A contributor counted once whatever the case of the email; a name when there is no email.
    expect(glance(sim, 'Contributors')).toBe(6);
  });

  test('charts: made once, found again by their stored IDs, ranges updated in place, a deleted one made again', () => {
    const sim = handTypedSchool();
    sim.run('refreshDashboard');
    const dash = sim.spreadsheet.sheet('Dashboard')!;
    const first = dash.charts;
    expect(first.map((c) => c.type)).toEqual(['COLUMN', 'COLUMN']);
    expect(first.every((c) => c.options.isStacked === true)).toBe(true);
    // Month, then five goals and Other (the entry with no goal yet); month, then four roles.
    expect(first.map((c) => c.ranges)).toEqual([['Dashboard!A16:G28'], ['Dashboard!A31:E43']]);
    sim.run('refreshDashboard');
    expect(dash.charts).toEqual(first);
    // A new goal with entries widens the first chart's range: the same chart, updated.
    addWins(sim, [win({ goals: 'Teaching together', submittedAt: '2026-11-10T15:00:00.000Z' })]);
    sim.run('refreshDashboard');
    expect(dash.charts.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(dash.charts[0].ranges).toEqual(['Dashboard!A16:H28']);
    // A person deletes one chart and adds one of their own: ours comes back, theirs stays.
    const api = sim.api.SpreadsheetApp.getActive().getSheetByName('Dashboard');
    api.removeChart(api.getCharts()[1]);
    api.insertChart(api.newChart().asLineChart().addRange(api.getRange('A5:B12')).build());
    sim.run('refreshDashboard');
    expect(dash.charts).toHaveLength(3);
    expect(dash.charts.filter((c) => c.type === 'LINE')).toHaveLength(1);
    expect(dash.charts.filter((c) => c.type === 'COLUMN').map((c) => c.ranges[0])).toEqual([
      'Dashboard!A16:H28',
      'Dashboard!A31:E43',
    ]);
    sim.run('refreshDashboard');
    expect(dash.charts).toHaveLength(3);
  });

  test("a school's own Dashboard sheet is left alone; Small Wins' sheet is marked, and kept when renamed", () => {
    const sim = handTypedSchool();
    const theirs = sim.spreadsheet.addSheet('Dashboard');
    theirs.setCell(1, 1, 'Our own dashboard');
    theirs.setCell(2, 1, '=1+1');
    sim.run('refreshDashboard');
    expect(theirs.values).toEqual([['Our own dashboard'], [2]]);
    expect(theirs.formulas[1][0]).toBe('=1+1');
    expect(theirs.charts).toEqual([]);
    const ours = sim.spreadsheet.sheet('Dashboard (Small Wins)')!;
    expect(ours.developerMetadata).toEqual([{ key: 'smallWins.dashboard', value: 'v1', visibility: 'PROJECT' }]);
    expect(sim.ui.toasts[sim.ui.toasts.length - 1].message).toMatch(
      /Your own "Dashboard" sheet was left as it is: Small Wins made "Dashboard \(Small Wins\)" instead\./,
    );
    ours.rename('Progress');
    sim.run('refreshDashboard');
    expect(
      sim.spreadsheet
        .sheetNames()
        .filter((n) => /Dashboard|Progress/.test(n))
        .sort(),
    ).toEqual(['Dashboard', 'Progress']);
    expect(theirs.values).toEqual([['Our own dashboard'], [2]]);
    expect(sim.spreadsheet.sheet('Progress')!.charts).toHaveLength(2);
  });

  test('a shorter dashboard blanks what the longer one left; staff share from Settings; last issue per audience', () => {
    const sim = handTypedSchool();
    sim.run('refreshDashboard');
    const long = sim.spreadsheet.sheet('Dashboard')!.lastRow;
    // Fewer goals: the Goals sheet loses its examples' entries when the log is emptied of them.
    const wins = sim.spreadsheet.sheet('Wins')!;
    for (let r = wins.lastRow; r >= 2; r--) wins.deleteRow(r);
    saveSettings(sim, { ...settingsInput(), staffCount: '28' });
    sim.run('refreshDashboard');
    const dash = sim.spreadsheet.sheet('Dashboard')!;
    expect(dash.lastRow).toBeLessThan(long);
    expect(glance(sim, 'Share of staff contributing')).toBe('0 of 28 (0%)');
    expect(section(sim, 'Last newsletter issue per audience').slice(1)).toEqual([
      ['Staff', 'none yet', '', ...new Array(12).fill('')],
      ['Families', 'none yet', '', ...new Array(12).fill('')],
      ['Public', 'none yet', '', ...new Array(12).fill('')],
    ]);
  });

  test('the last issue per audience and days since; quiet goals (no entry in 30 days)', () => {
    const sim = loadNewsletterAddOn();
    addWins(sim, [
      win({ goals: 'Reading for all', consentGiven: 'Public', consent: 'Public' }),
      win({ goals: 'Math confidence', submittedAt: '2026-09-01T12:00:00.000Z' }),
    ]);
    saveSettings(sim, settingsInput());
    sim.run('draftNewsletterNow');
    sim.clock.advance(3 * 86_400_000);
    sim.run('refreshDashboard');
    const issues = section(sim, 'Last newsletter issue per audience').map((r) => r.slice(0, 3));
    expect(issues).toEqual([
      ['Audience', 'Last issue', 'Days since'],
      ['Staff', 'Staff #1', 3],
      ['Families', 'Families #1', 3],
      ['Public', 'Public #1', 3],
    ]);
    const quiet = section(sim, 'Quiet goals').map((r) => r.slice(0, 2));
    // Math confidence's only entry is from 1 September; three goals never had one; Reading for all is not quiet.
    expect(quiet).toEqual([
      ['Goal', 'Days since last entry'],
      ['Belonging and wellbeing', 'never'],
      ['Family partnership', 'never'],
      ['Teaching together', 'never'],
      ['Math confidence', 86],
    ]);
  });

  test('the clock refreshes the dashboard at its first tick of each day, and only then', () => {
    const sim = handTypedSchool();
    expect(sim.triggers().filter((t) => t.fn === 'onClock')).toHaveLength(1);
    // Monday 23 November, 14:00 UTC: the next ticks are 15:00, 16:00…
    sim.advanceTo('2026-11-23T15:30:00Z');
    expect(sim.errors).toEqual([]);
    const dash = () => sim.spreadsheet.sheet('Dashboard');
    expect(dash()).toBeDefined();
    const asOf = () => String(dash()!.values[1][0]);
    expect(asOf()).toMatch(/^As of Monday 23 November 2026, 10:00 \(America\/New_York\)/);
    expect(glance(sim, 'Entries this school year')).toBe(countByHand(sim).entries);
    // Later ticks the same day leave it as it is, even when the log changes.
    addWins(sim, [win({ goals: 'Teaching together', submittedAt: '2026-11-23T16:10:00.000Z' })]);
    sim.advanceTo('2026-11-23T23:30:00Z');
    expect(asOf()).toMatch(/^As of Monday 23 November 2026, 10:00/);
    // The first tick of Tuesday in New York (05:00 UTC) counts the new win.
    sim.advanceTo('2026-11-24T05:30:00Z');
    expect(asOf()).toMatch(/^As of Tuesday 24 November 2026, 00:00/);
    expect(glance(sim, 'Entries this school year')).toBe(countByHand(sim).entries);
    expect(dash()!.charts).toHaveLength(2);
    expect(sim.errors).toEqual([]);
  });

  test('First triaged at is written by the first save and never moved by later ones', () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    sim.submitForm(onlyFormId(sim), byTitle(ANSWERS), { email: 'ana@school.example' });
    const opened = call(sim, 'triageOpen', { status: 'All', page: 0 }) as OpenResult;
    const w = opened.wins[0];
    sim.clock.advance(3 * 86_400_000);
    const first = call(sim, 'triageSave', {
      id: w.id,
      row: w.row,
      version: w.version,
      change: { status: 'Needs info' },
    }) as SaveResult & { saved: WinView };
    const cell = () => {
      const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
      return values[1][values[0].indexOf('First triaged at')] as Date;
    };
    const when = cell();
    expect(when.toISOString()).toBe('2026-11-26T14:00:00.000Z');
    sim.clock.advance(86_400_000);
    call(sim, 'triageSave', { id: w.id, row: w.row, version: first.saved.version, change: { status: 'Approved' } });
    expect(cell().toISOString()).toBe(when.toISOString());
    sim.run('refreshDashboard');
    expect(glance(sim, 'Median days from submission to first triage')).toBe(3);
  });

  test("the sidebar's pattern: what the last refresh stored, in two calls, never a read of the log", () => {
    const sim = handTypedSchool();
    expect(call(sim, 'triagePattern')).toBeNull();
    sim.run('refreshDashboard');
    sim.meter.reset();
    const pattern = call(sim, 'triagePattern')!;
    expect(sim.meter.calls).toBeLessThanOrEqual(2);
    expect(Object.keys(sim.meter.byMethod).some((m) => m.startsWith('Range.'))).toBe(false);
    expect(pattern.year).toBe('2026–27');
    const reading = pattern.goals.find((g) => g[0] === 'Reading for all')!;
    const byHand = countByHand(sim);
    const sum = (kind: string) =>
      MONTHS.reduce((n, m) => n + (byHand.counts.get(`Reading for all|${kind}|${m}`) ?? 0), 0);
    expect(reading).toEqual(['Reading for all', sum('Wins'), sum('Lessons learned')]);
  });

  test('a refresh of a 1,000-win log takes at most 30 calls once the sheet and its charts exist', () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    sim.spreadsheet.sheet('Wins')!.appendRows(seededRows(1000, Date.UTC(2026, 7, 3)));
    sim.meter.reset();
    sim.run('refreshDashboard');
    const firstCalls = sim.meter.calls;
    sim.meter.reset();
    sim.run('refreshDashboard');
    expect(sim.meter.calls).toBeLessThanOrEqual(30);
    expect(firstCalls).toBeGreaterThan(sim.meter.calls);
    expect(sim.ui.alerts).toEqual([]);
  });
});
