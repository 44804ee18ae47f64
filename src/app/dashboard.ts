// Refresh dashboard: the school year's wins read through the one decoder (only the columns counted, one read per
// group of neighbouring columns), counted in memory, written to the Dashboard sheet as one block with its two
// charts kept in place, and the per-goal pattern stored for the triage sidebar. Run from the menu and daily by the
// clock.
import { openDashboard, syncCharts, writeDashboard } from '../adapters/dashboard-sheet';
import { readGoals } from '../adapters/goals-sheet';
import { withDocumentLock } from '../adapters/lock';
import { readIssues } from '../adapters/newsletters-sheet';
import { monthGridIn, MonthStarts, readSchoolClock } from '../adapters/school-clock';
import { loadSettings } from '../adapters/settings-store';
import { DocumentStore, StoredConfig } from '../adapters/store';
import { openWinsLog, readColumns } from '../adapters/wins/log';
import { buildDashboard, Dashboard, DASHBOARD_FIELDS, DashboardWin, patternOf } from '../domain/dashboard';
import { layoutDashboard, padTo } from '../domain/dashboard-layout';
import { joinPattern, splitPattern, StoredPattern } from '../domain/pattern';
import { schoolYearOf } from '../domain/school-year';
import { cellString } from '../domain/text';
import { WinCells, winFromCells } from '../domain/win';
import { LOCK_MS } from './newsletter-state';
import type { ClockJob } from './clock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const REFRESH_MENU = 'Small Wins → Refresh dashboard';
const PATTERN_KEY = 'dashboardPattern';

export interface RefreshReport {
  dashboard: Dashboard;
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** What a leader reads after a refresh. */
  message: string;
}

/** The log's wins with only the dashboard's fields, decoded (rows with none of them filled are not wins). */
function readWins(ss: Spreadsheet, sizeHint: number | undefined): { wins: DashboardWin[]; size: number } {
  const log = openWinsLog(ss);
  const read = readColumns(log, DASHBOARD_FIELDS, sizeHint && sizeHint > 0 ? sizeHint : 1_000_000);
  const wins: DashboardWin[] = [];
  const count = read.last - 1;
  for (let i = 0; i < count; i++) {
    const cells: WinCells = {};
    let filled = false;
    for (const f of DASHBOARD_FIELDS) {
      const v = read.cells[f]?.[i];
      cells[f] = v;
      if (!filled && cellString(v).trim()) filled = true;
    }
    if (filled) wins.push(winFromCells(cells));
  }
  return { wins, size: count };
}

/** The stored pattern's keys: the first part, then dashboardPattern1, 2… */
function patternPatch(pattern: StoredPattern): Partial<StoredConfig> {
  const parts = splitPattern(pattern);
  const patch: Partial<StoredConfig> = { [PATTERN_KEY]: { parts: parts.length, ...parts[0] } };
  parts.slice(1).forEach((p, i) => (patch[`${PATTERN_KEY}${i + 1}`] = p));
  return patch;
}

/** What the last refresh stored for the sidebar, or null before the first one. */
export function storedPattern(config: StoredConfig): StoredPattern | null {
  const first = config[PATTERN_KEY] as (StoredPattern & { parts?: number }) | undefined;
  if (!first) return null;
  const parts: unknown[] = [first];
  for (let i = 1; i < (Number(first.parts) || 1); i++) parts.push(config[`${PATTERN_KEY}${i}`]);
  return joinPattern(parts);
}

/** Rebuilds the dashboard. `store` may be the one a clock tick already read. */
export function refreshDashboard(ss: Spreadsheet, store: DocumentStore): RefreshReport {
  const clock = readSchoolClock(ss);
  const year = schoolYearOf(clock.today);
  const zone = monthGridIn(clock.timeZone, year.months, store.config.monthStarts as MonthStarts | undefined);
  const { wins, size } = readWins(ss, Number(store.config.dashboardLogSize) || undefined);
  const goals = readGoals(ss).goals;
  const issues = readIssues(ss);
  const settings = loadSettings(store);
  const dashboard = buildDashboard({
    wins,
    goals,
    issues,
    year,
    grid: zone.grid,
    nowMs: clock.nowMs,
    staffCount: settings.staffCount || null,
  });
  const block = layoutDashboard(dashboard, { asOf: clock.asOf, menu: REFRESH_MENU });

  const stored = store.config.dashboard as Parameters<typeof openDashboard>[1];
  // Making the sheet and its charts happens once, under the lock, so two refreshes at once never make two.
  const write = () => {
    const opened = openDashboard(ss, stored);
    writeDashboard(opened, padTo(block, opened.record.height, opened.record.width));
    syncCharts(opened, block.charts);
    return opened;
  };
  const opened = stored ? write() : withDocumentLock(LOCK_MS, write);

  store.save({
    dashboard: opened.record,
    dashboardLogSize: size,
    ...(zone.changed ? { monthStarts: zone.cache } : {}),
    ...patternPatch(patternOf(dashboard, new Date(clock.nowMs).toISOString())),
  });
  const g = dashboard.glance;
  const counts = `${g.entries} entr${g.entries === 1 ? 'y' : 'ies'} this school year (${g.wins} win${g.wins === 1 ? '' : 's'}, ${g.lessons} lesson${g.lessons === 1 ? '' : 's'} learned) from ${g.contributors} contributor${g.contributors === 1 ? '' : 's'}.`;
  return {
    dashboard,
    sheet: opened.sheet,
    message: `${opened.created ? `${opened.created} ` : ''}Dashboard refreshed: ${counts}`,
  };
}

/** The menu item: a toast while it works, the dashboard shown when done. */
export function refreshDashboardFromMenu(): void {
  const ss = SpreadsheetApp.getActive();
  ss.toast('Counting this school year’s wins…', 'Small Wins', 30);
  const report = refreshDashboard(ss, DocumentStore.open());
  report.sheet.activate();
  ss.toast(report.message, 'Small Wins', 10);
}

/**
 * The clock's daily refresh: due at the first tick of each day in the spreadsheet's time zone (the day it last ran is
 * kept with the heartbeat), so leaders open a dashboard that is at most a day old.
 */
export const dashboardJob: ClockJob = {
  name: 'dashboard',
  due(tick) {
    return tick.store.config.dashboardDay !== tick.local().text.slice(0, 10);
  },
  run(tick) {
    const report = refreshDashboard(tick.ss, tick.store);
    tick.later.dashboardDay = tick.local().text.slice(0, 10);
    return report.message;
  },
};

/** The sidebar's one-line pattern: two calls (the document properties), never a read of the log. */
export function readPattern(): StoredPattern | null {
  return storedPattern(DocumentStore.open().config);
}
