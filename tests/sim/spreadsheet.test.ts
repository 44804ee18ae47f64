// Simulator: Sheets write semantics (typed input), error texts, structure edits and the cost model.
import { createSimulator } from '../../dev/sim';

function setup() {
  const sim = createSimulator({ now: '2026-11-23T15:00:00Z' });
  const ss = sim.api.SpreadsheetApp.getActive();
  const sheet = ss.getSheetByName('Sheet1');
  return { sim, ss, sheet };
}

describe('typed-input parsing on write', () => {
  test('formulas, numbers, dates, booleans and text', () => {
    const { sim, sheet } = setup();
    sheet.getRange(1, 1, 1, 10).setValues([['=1+1', '+1', '-2', '007', '3/4', '@name', '1,000', '50%', 'TRUE', '1e3']]);
    const v = sheet.getRange(1, 1, 1, 10).getValues()[0];
    expect(v[0]).toBe(2);
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    expect(v.slice(1, 4)).toEqual([1, -2, 7]);
    expect(Object.prototype.toString.call(v[4])).toBe('[object Date]');
    // March 4 of the current year, midnight in the spreadsheet's zone (America/New_York)
    expect((v[4] as Date).toISOString()).toBe('2026-03-04T05:00:00.000Z');
    expect(v[5]).toBe('@name');
    expect(v.slice(6)).toEqual([1000, 0.5, true, 1000]);
    expect(sheet.getRange(1, 1, 1, 10).getDisplayValues()[0]).toEqual([
      '2',
      '1',
      '-2',
      '7',
      '3/4/2026',
      '@name',
      '1,000',
      '50%',
      'TRUE',
      '1000',
    ]);
    expect(sim.spreadsheet.sheet('Sheet1')!.formulas[0][0]).toBe('=1+1');
  });

  test('a date with a four-digit year and a time is one date-time in the spreadsheet zone', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['10/31/2026 23:30', '11/1/26 0:30']]);
    const [a, b] = sheet.getRange('A1:B1').getValues()[0] as Date[];
    expect(a.toISOString()).toBe('2026-11-01T03:30:00.000Z');
    expect(b.toISOString()).toBe('2026-11-01T04:30:00.000Z');
  });

  test('a formula the simulator cannot compute reads back as #NAME?', () => {
    const { sheet } = setup();
    sheet.getRange('B2').setValue('=SUM(A1:A3)');
    expect(sheet.getRange('B2').getValue()).toBe('#NAME?');
    expect(sheet.getRange('B2').getFormulas()).toEqual([['=SUM(A1:A3)']]);
  });

  test('a leading apostrophe forces text and is not stored', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([["'=1+1", "'007", "'3/4"]]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['=1+1', '007', '3/4']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test('plain-text number format @ keeps strings exactly', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A5').setNumberFormat('@');
    sheet.getRange('A1:A5').setValues([['=1+1'], ['007'], ['3/4'], ['-2'], ['  TRUE ']]);
    expect(sheet.getRange('A1:A5').getValues()).toEqual([['=1+1'], ['007'], ['3/4'], ['-2'], ['  TRUE ']]);
    expect(sheet.getRange('A1').getFormula()).toBe('');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('@');
  });

  test('numbers, booleans and Dates written as such stay so; Dates round-trip', () => {
    const { sheet } = setup();
    const d = new Date('2026-05-06T07:08:09Z');
    sheet.appendRow([42, false, d, '']);
    const row = sheet.getRange(1, 1, 1, 4).getValues()[0];
    expect(row[0]).toBe(42);
    expect(row[1]).toBe(false);
    expect(row[2]).toBeInstanceOf(Date); // host realm for sim.api
    expect((row[2] as Date).getTime()).toBe(d.getTime());
    expect(row[3]).toBe('');
    expect(sheet.getLastRow()).toBe(1);
    expect(sheet.getLastColumn()).toBe(3);
  });
});

describe('errors like the real Range', () => {
  test('range size mismatch', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test('a cell over 50,000 characters is refused and nothing is written', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1:B1').setValues([['ok', 'x'.repeat(50001)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(sheet.getRange('A1').getValue()).toBe('');
    sheet.getRange('A1').setValue('x'.repeat(50000));
    expect((sheet.getRange('A1').getValue() as string).length).toBe(50000);
  });

  test('ranges beyond the sheet throw; appendRow grows the sheet', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['beyond']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getLastRow()).toBe(1001);
  });

  test('unimplemented methods throw a clear error instead of returning undefined', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange('A1').mergeAcross()).toThrow('Simulator: Range.mergeAcross is not implemented');
  });
});

describe('structure and finding', () => {
  test('insert/delete columns, sort below frozen rows, TextFinder', () => {
    const { sim, sheet } = setup();
    sheet.getRange(1, 1, 4, 2).setValues([
      ['ID', 'Name'],
      ['W-3', 'c'],
      ['W-1', 'a'],
      ['W-2', 'b'],
    ]);
    sheet.setFrozenRows(1);
    sheet.sort(1, true);
    expect(sim.spreadsheet.sheetValues('Sheet1').map((r) => r[0])).toEqual(['ID', 'W-1', 'W-2', 'W-3']);
    sheet.insertColumnBefore(1);
    expect(sim.spreadsheet.sheetValues('Sheet1')[0]).toEqual(['', 'ID', 'Name']);
    const hit = sheet.createTextFinder('W-2').matchEntireCell(true).findNext();
    expect(hit.getRow()).toBe(3);
    expect(hit.getColumn()).toBe(2);
    expect(sheet.createTextFinder('w-').findAll().length).toBe(3);
    sheet.deleteColumn(1);
    expect(sim.spreadsheet.sheet('Sheet1')!.headers).toEqual(['ID', 'Name']);
    // by hand, unmetered
    const before = sim.meter.calls;
    sim.spreadsheet.sheet('Sheet1')!.insertColumn(2).setCell(1, 2, 'Mine').sortBy(1, false);
    expect(sim.meter.calls).toBe(before);
    expect(sim.spreadsheet.sheetValues('Sheet1')[1]).toEqual(['W-3', '', 'c']);
  });

  test('data validation, widths, frozen rows are visible on the model', () => {
    const { sim, sheet } = setup();
    const rule = sim.api.SpreadsheetApp.newDataValidation()
      .requireValueInList(['New', 'Approved'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('B2:B3').setDataValidation(rule);
    sheet.setColumnWidth(2, 240);
    sheet.setFrozenRows(1);
    const m = sim.spreadsheet.sheet('Sheet1')!;
    expect(m.validations[1][1]).toMatchObject({
      type: 'VALUE_IN_LIST',
      values: ['New', 'Approved'],
      allowInvalid: false,
    });
    expect(m.widths[2]).toBe(240);
    expect(m.frozenRows).toBe(1);
    expect(String(sheet.getRange('B2').getDataValidation().getCriteriaType())).toBe('VALUE_IN_LIST');
  });
});

describe('meter', () => {
  test('counts calls and simulated ms per the cost model', () => {
    const sim = createSimulator();
    const app = sim.api.SpreadsheetApp;
    sim.meter.reset();
    const sheet = app.getActive().getSheetByName('Sheet1'); // 2 handle calls
    sheet.getRange(1, 1, 10, 10).setValues(Array.from({ length: 10 }, () => new Array(10).fill(1))); // 2 + (100 + 100 cells * 5 µs)
    sheet.setFrozenRows(1); // 20
    app.flush(); // 100
    expect(sim.meter.snapshot()).toEqual({ calls: 6, ms: 2 + 2 + 2 + 100.5 + 20 + 100 });
    expect(sim.meter.byMethod['Range.setValues']).toEqual({ calls: 1, ms: 100.5 });
    expect(sim.meter.byMethod['Spreadsheet.getSheetByName'].calls).toBe(1);
    // enum reads are not calls
    void app.WrapStrategy.WRAP;
    expect(sim.meter.calls).toBe(6);
  });
});
