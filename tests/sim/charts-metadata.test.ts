// Simulator: embedded charts (builder, insert, getCharts, getChartId, modify/updateChart, removeChart) and developer
// metadata on the spreadsheet and its sheets, as the Apps Script reference defines them, with their costs.
import { createSimulator } from '../../dev/sim';

function setup() {
  const sim = createSimulator({ now: '2026-11-23T15:00:00Z' });
  const ss = sim.api.SpreadsheetApp.getActive();
  const sheet = ss.getSheetByName('Sheet1');
  sheet.getRange('A1:C4').setValues([
    ['Month', 'Reading', 'Math'],
    ['Aug', 1, 2],
    ['Sep', 3, 4],
    ['Oct', 5, 6],
  ]);
  return { sim, ss, sheet };
}

describe('embedded charts', () => {
  test('a built chart has no ID until inserted; getCharts gives it one, stable across calls', () => {
    const { sheet } = setup();
    const chart = sheet
      .newChart()
      .asColumnChart()
      .setStacked()
      .setTitle('Entries per month')
      .addRange(sheet.getRange('A1:C4'))
      .setPosition(2, 6, 0, 0)
      .build();
    expect(chart.getChartId()).toBeNull();
    sheet.insertChart(chart);
    const [listed] = sheet.getCharts();
    const id = listed.getChartId();
    expect(typeof id).toBe('number');
    expect(sheet.getCharts()[0].getChartId()).toBe(id);
    expect(listed.getRanges().map((r: { getA1Notation(): string }) => r.getA1Notation())).toEqual(['A1:C4']);
    expect(listed.getOptions().get('title')).toBe('Entries per month');
    expect(listed.getOptions().get('isStacked')).toBe(true);
    expect(listed.getContainerInfo().getAnchorRow()).toBe(2);
    expect(listed.getContainerInfo().getAnchorColumn()).toBe(6);
    expect(listed.modify().getChartType().name()).toBe('COLUMN');
  });

  test('modify().build() then updateChart changes the same chart: no second chart', () => {
    const { sheet } = setup();
    sheet.insertChart(sheet.newChart().asLineChart().addRange(sheet.getRange('A1:B4')).build());
    const before = sheet.getCharts()[0];
    const updated = before.modify().clearRanges().addRange(sheet.getRange('A1:C3')).setPosition(10, 1, 5, 5).build();
    sheet.updateChart(updated);
    const after = sheet.getCharts();
    expect(after).toHaveLength(1);
    expect(after[0].getChartId()).toBe(before.getChartId());
    expect(after[0].getRanges()[0].getA1Notation()).toBe('A1:C3');
    expect(after[0].getContainerInfo().getAnchorRow()).toBe(10);
    // The chart read before the update is a snapshot, as an EmbeddedChart object is.
    expect(before.getRanges()[0].getA1Notation()).toBe('A1:B4');
  });

  test('removeChart, updateChart of a removed chart, insertChart of a listed one, and a chart with no type', () => {
    const { sim, sheet } = setup();
    sheet.insertChart(sheet.newChart().setChartType(sim.api.Charts.ChartType.BAR).build());
    const [chart] = sheet.getCharts();
    expect(() => sheet.insertChart(chart)).toThrow(/already in the sheet/);
    sheet.removeChart(chart);
    expect(sheet.getCharts()).toHaveLength(0);
    expect(() => sheet.updateChart(chart.modify().build())).toThrow(/needs a chart this sheet holds/);
    expect(() => sheet.newChart().build()).toThrow(/chart type/);
  });

  test('charts are kept per sheet, survive exportState, and disappear with their sheet', () => {
    const { sim, ss, sheet } = setup();
    sheet.insertChart(sheet.newChart().asBarChart().addRange(sheet.getRange('A1:B4')).build());
    const other = ss.insertSheet('Other');
    expect(other.getCharts()).toHaveLength(0);
    const restored = createSimulator({ state: sim.exportState() });
    const again = restored.api.SpreadsheetApp.getActive().getSheetByName('Sheet1');
    expect(again.getCharts()).toHaveLength(1);
    expect(again.getCharts()[0].getChartId()).toBe(sheet.getCharts()[0].getChartId());
    ss.deleteSheet(sheet);
    expect(ss.getSheetByName('Other').getCharts()).toHaveLength(0);
  });

  test('costs: insertChart and updateChart 300 ms, getCharts a read, builders and chart getters free but counted', () => {
    const { sim, sheet } = setup();
    const range = sheet.getRange('A1:C4');
    sim.meter.reset();
    const built = sheet.newChart().asColumnChart().addRange(range).build();
    expect(sim.meter.snapshot()).toEqual({ calls: 4, ms: 0 });
    sheet.insertChart(built);
    expect(sim.meter.snapshot()).toEqual({ calls: 5, ms: 300 });
    const [chart] = sheet.getCharts();
    chart.getChartId();
    expect(sim.meter.snapshot()).toEqual({ calls: 7, ms: 400 });
    sheet.updateChart(chart.modify().build());
    expect(sim.meter.snapshot()).toEqual({ calls: 10, ms: 700 });
  });
});

describe('developer metadata', () => {
  test('a sheet marked with a key, found again by key, value and location; the default visibility is DOCUMENT', () => {
    const { sim, ss, sheet } = setup();
    const visibility = sim.api.SpreadsheetApp.DeveloperMetadataVisibility;
    sheet.addDeveloperMetadata('smallWins.dashboard', '{"v":1}', visibility.PROJECT);
    ss.addDeveloperMetadata('school');
    const [mark] = sheet.getDeveloperMetadata();
    expect(mark.getKey()).toBe('smallWins.dashboard');
    expect(mark.getValue()).toBe('{"v":1}');
    expect(mark.getVisibility().name()).toBe('PROJECT');
    expect(mark.getLocation().getLocationType().name()).toBe('SHEET');
    expect(mark.getLocation().getSheet().getName()).toBe('Sheet1');
    const [top] = ss.getDeveloperMetadata();
    expect(top.getKey()).toBe('school');
    expect(top.getValue()).toBeNull();
    expect(top.getVisibility().name()).toBe('DOCUMENT');
    expect(top.getLocation().getSheet()).toBeNull();
    // The spreadsheet's finder sees every location; a sheet's finder only its own.
    const found = ss.createDeveloperMetadataFinder().withKey('smallWins.dashboard').find();
    expect(found.map((m: { getId(): number }) => m.getId())).toEqual([mark.getId()]);
    expect(ss.insertSheet('Other').createDeveloperMetadataFinder().withKey('smallWins.dashboard').find()).toEqual([]);
  });

  test('a renamed sheet keeps its metadata; a deleted one takes it along; setValue, moveToSpreadsheet, remove', () => {
    const { ss, sheet } = setup();
    sheet.addDeveloperMetadata('mark', 'one');
    sheet.setName('Renamed');
    const [mark] = ss.createDeveloperMetadataFinder().withKey('mark').find();
    expect(mark.getLocation().getSheet().getName()).toBe('Renamed');
    mark.setValue('two');
    expect(ss.getSheetByName('Renamed').getDeveloperMetadata()[0].getValue()).toBe('two');
    mark.moveToSpreadsheet();
    expect(ss.getSheetByName('Renamed').getDeveloperMetadata()).toHaveLength(0);
    expect(ss.getDeveloperMetadata()[0].getKey()).toBe('mark');
    ss.getDeveloperMetadata()[0].remove();
    expect(ss.createDeveloperMetadataFinder().find()).toHaveLength(0);
    const extra = ss.insertSheet('Gone');
    extra.addDeveloperMetadata('gone');
    ss.deleteSheet(extra);
    expect(ss.createDeveloperMetadataFinder().withKey('gone').find()).toHaveLength(0);
  });

  test('costs: adding and listing are 100 ms round trips; a metadata object getters are free but counted', () => {
    const { sim, sheet } = setup();
    sim.meter.reset();
    sheet.addDeveloperMetadata('k', 'v');
    const [m] = sheet.getDeveloperMetadata();
    m.getKey();
    expect(sim.meter.snapshot()).toEqual({ calls: 3, ms: 200 });
  });
});
