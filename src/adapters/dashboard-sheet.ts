// The Dashboard sheet, owned here: found by the sheet ID Small Wins stored (so a person may rename it), marked as
// Small Wins' own with developer metadata (so a school's own "Dashboard" sheet is never touched), written as one
// block, and its two charts created once, found again by the IDs stored, and changed only when their range, place or
// title must move.
import type { ChartKey, ChartPlacement, DashboardBlock } from '../domain/dashboard-layout';
import { CHART_COLUMN, LABEL_WIDTH, NUMBER_WIDTH, weightsKey } from '../domain/dashboard-layout';
import { columnLetter } from '../domain/a1';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const DASHBOARD_NAME = 'Dashboard';
/** The developer metadata key that marks a sheet as Small Wins' dashboard. */
export const DASHBOARD_MARK = 'smallWins.dashboard';

/** What Small Wins remembers of its dashboard between refreshes (in document properties). */
export interface DashboardRecord {
  sheetId: number;
  /** Chart ID and what it was last given (range, anchor, title), by chart. */
  charts: Partial<Record<ChartKey, { id: number; sig: string }>>;
  /** The block last written (a shorter one blanks the rest) and its bold cells. */
  height: number;
  width: number;
  weights: string;
}

export interface OpenedDashboard {
  sheet: Sheet;
  record: DashboardRecord;
  /** Set when the sheet was made now, with the sentence saying what was made (and why its name, if not Dashboard). */
  created?: string;
}

function markOf(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === DASHBOARD_MARK);
}

/**
 * The dashboard sheet: the one whose ID was stored (one call); else the sheet Small Wins marked (a copy of the
 * spreadsheet, or lost properties); else a new one, named Dashboard unless a sheet of that name is not Small Wins'.
 */
export function openDashboard(ss: Spreadsheet, stored: DashboardRecord | undefined): OpenedDashboard {
  if (stored) {
    const sheet = ss.getSheetById(stored.sheetId);
    if (sheet) return { sheet, record: stored };
  }
  const marked = ss.createDeveloperMetadataFinder().withKey(DASHBOARD_MARK).find();
  for (const m of marked) {
    const sheet = m.getLocation().getSheet();
    if (sheet)
      return {
        sheet,
        record: { sheetId: sheet.getSheetId(), charts: {}, height: 0, width: 0, weights: '' },
      };
  }
  let name = DASHBOARD_NAME;
  let note = '';
  for (let n = 1; ss.getSheetByName(name); n++) {
    name = n === 1 ? `${DASHBOARD_NAME} (Small Wins)` : `${DASHBOARD_NAME} (Small Wins ${n})`;
    note = ` Your own "${DASHBOARD_NAME}" sheet was left as it is: Small Wins made "${name}" instead.`;
  }
  const sheet = ss.insertSheet(name);
  sheet.addDeveloperMetadata(DASHBOARD_MARK, 'v1', SpreadsheetApp.DeveloperMetadataVisibility.PROJECT);
  // Readable on a phone: one wide label column frozen at the left, narrow number columns, no merged cells.
  sheet.setFrozenColumns(1);
  sheet.setColumnWidth(1, LABEL_WIDTH);
  sheet.setColumnWidths(2, CHART_COLUMN - 2, NUMBER_WIDTH);
  return {
    sheet,
    record: { sheetId: sheet.getSheetId(), charts: {}, height: 0, width: 0, weights: '' },
    created: `Made the "${name}" sheet.${note}`,
  };
}

/** Whether a sheet named Dashboard is Small Wins' (for Set up and tests: two calls). */
export function isSmallWinsDashboard(sheet: Sheet): boolean {
  return markOf(sheet);
}

/**
 * Writes the block from A1 in one call (padded to blank what the last, longer block left), and the bold cells in
 * one more only when they moved. A sheet too short for the block first gets the rows it lacks.
 */
export function writeDashboard(opened: OpenedDashboard, block: DashboardBlock): void {
  const { sheet, record } = opened;
  const height = block.values.length;
  const range = () => sheet.getRange(1, 1, height, block.width);
  let target: GoogleAppsScript.Spreadsheet.Range;
  try {
    target = range();
  } catch {
    // More goals than the sheet has rows: add them once.
    const max = sheet.getMaxRows();
    sheet.insertRowsAfter(max, height - max);
    target = range();
  }
  target.setValues(block.values);
  const key = weightsKey(block.weights);
  if (key !== record.weights) {
    target.setFontWeights(block.weights);
    record.weights = key;
  }
  record.height = height;
  record.width = block.width;
}

function a1Of(r: ChartPlacement['range']): string {
  return `${columnLetter(r.column)}${r.row}:${columnLetter(r.column + r.columns - 1)}${r.row + r.rows - 1}`;
}

/** What a chart was last given: its range, where it sits and its title. */
function signature(p: ChartPlacement): string {
  return JSON.stringify([a1Of(p.range), p.anchor.row, p.anchor.column, p.title]);
}

/**
 * Keeps one chart per placement: the charts are listed once (their IDs read), a chart whose stored ID is gone is made
 * again, and one whose range, anchor or title changed is modified in place. Charts a person added are left alone.
 */
export function syncCharts(opened: OpenedDashboard, placements: readonly ChartPlacement[]): void {
  const { sheet, record } = opened;
  const listed = sheet.getCharts();
  const byId = new Map<number, GoogleAppsScript.Spreadsheet.EmbeddedChart>();
  for (const chart of listed) {
    const id = chart.getChartId();
    if (id !== null) byId.set(id, chart);
  }
  for (const p of placements) {
    const sig = signature(p);
    const stored = record.charts[p.key];
    const chart = stored ? byId.get(stored.id) : undefined;
    if (chart && stored && stored.sig === sig) continue;
    const range = sheet.getRange(p.range.row, p.range.column, p.range.rows, p.range.columns);
    if (chart && stored) {
      sheet.updateChart(
        chart
          .modify()
          .clearRanges()
          .addRange(range)
          .setOption('title', p.title)
          .setPosition(p.anchor.row, p.anchor.column, 0, 0)
          .build(),
      );
      stored.sig = sig;
      continue;
    }
    sheet.insertChart(
      sheet
        .newChart()
        .asColumnChart()
        .setStacked()
        .setTitle(p.title)
        .addRange(range)
        .setPosition(p.anchor.row, p.anchor.column, 0, 0)
        .build(),
    );
    // A built chart has no ID until it is in the sheet: the new one is the chart whose ID was not there before.
    for (const c of sheet.getCharts()) {
      const id = c.getChartId();
      if (id === null || byId.has(id)) continue;
      byId.set(id, c);
      record.charts[p.key] = { id, sig };
    }
  }
}
