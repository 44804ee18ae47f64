// The catch-up of missed responses through the built bundle, keyed by the response rather than its text: edits of
// the response sheet import nothing, a win deleted by hand stays deleted, a response the trigger missed is added by
// the next clock tick (the sidebar says it is waiting meanwhile), and a log kept by an older version is migrated
// without importing anything twice.
import { ANSWERS, byTitle, loadAddOn, onlyFormId, setUpSchool, Sim, TITLE, winsRecords } from '../helpers/addon';
import { responseKey } from '../../src/domain/intake';
import { WIN_HEADERS } from '../../src/domain/schema';
import type { OpenResult } from '../../src/api';
import { call } from '../../dev/endpoints';

const RESPONSES = 'Form Responses 1';

function submit(sim: Sim, answers: Record<string, string | string[]> = {}, at?: Date) {
  return sim.submitForm(onlyFormId(sim), byTitle({ ...ANSWERS, ...answers }), {
    email: 'ana@school.example',
    ...(at ? { at } : {}),
  });
}

const headlines = (sim: Sim) => winsRecords(sim).map((r) => String(r.Headline));

function responseColumn(sim: Sim, header: string): number {
  return sim.spreadsheet.sheet(RESPONSES)!.headers.indexOf(header) + 1;
}

function openSidebar(sim: Sim): { open: OpenResult; calls: number } {
  sim.meter.reset();
  const open = call(sim, 'triageOpen', { status: 'To triage', page: 0 });
  return { open, calls: sim.meter.calls };
}

/** The Wins header row as a leader sees it (a person's own cells and the waiting notice included). */
const winsHeader = (sim: Sim) => (sim.spreadsheet.sheetValues('Wins') as unknown[][])[0].map(String);

describe('edits of the response sheet import nothing', () => {
  test('a column added, notes typed, a typo fixed and the rows sorted: Set up and the clock add no win', () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    submit(sim, { headline: 'Reading buddies', story: 'Year 2 read to Year 5 evrey Friday.' });
    submit(sim, { headline: 'Maths club', story: 'Twelve children came.' });
    submit(sim, { headline: 'Attendance up', story: 'Morning calls worked.' });
    expect(headlines(sim)).toEqual(['Reading buddies', 'Maths club', 'Attendance up']);

    const sheet = sim.spreadsheet.sheet(RESPONSES)!;
    // A leader's own column in the middle of the Form's columns, with a note in it.
    sheet.insertColumn(3);
    sheet.setCell(1, 3, 'Followed up');
    sheet.setCell(2, 3, 'yes, called Ana');
    sim.api.SpreadsheetApp.getActive().getSheetByName(RESPONSES).getRange('D3').setNote('Check with the office');
    // A typo fixed in a response cell.
    sheet.setCell(2, responseColumn(sim, TITLE.story), 'Year 2 read to Year 5 every Friday.');
    // Rows sorted by headline.
    sheet.sortBy(responseColumn(sim, TITLE.headline), true, 1);

    sim.run('setUp');
    expect(headlines(sim)).toEqual(['Reading buddies', 'Maths club', 'Attendance up']);
    sim.advanceTo('2026-11-23T15:30:00Z');
    sim.run('setUp');
    sim.advanceTo('2026-11-24T09:30:00Z');
    expect(sim.errors).toEqual([]);
    expect(headlines(sim)).toEqual(['Reading buddies', 'Maths club', 'Attendance up']);

    // The next response still arrives, once, under its own ID.
    submit(sim, { headline: 'Garden planted' });
    sim.run('setUp');
    sim.advanceTo('2026-11-24T11:30:00Z');
    expect(winsRecords(sim).map((r) => `${r.ID} ${r.Headline}`)).toEqual([
      'W-0001 Reading buddies',
      'W-0002 Maths club',
      'W-0003 Attendance up',
      'W-0004 Garden planted',
    ]);
  });

  test('a win deleted from the log by hand stays deleted, at once and after the clock moved on', () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    submit(sim, { headline: 'Test entry, please ignore' });
    submit(sim, { headline: 'Reading buddies' });
    sim.spreadsheet.sheet('Wins')!.deleteRow(2);
    expect(headlines(sim)).toEqual(['Reading buddies']);
    sim.run('setUp');
    expect(headlines(sim)).toEqual(['Reading buddies']);
    sim.advanceTo('2026-11-23T18:30:00Z');
    sim.run('setUp');
    expect(sim.errors).toEqual([]);
    expect(headlines(sim)).toEqual(['Reading buddies']);
  });
});

describe('a response the trigger missed', () => {
  test('is added by the next tick without a leader; the sidebar says it waits meanwhile, at no extra call', () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    submit(sim, { headline: 'Before' });
    const quiet = openSidebar(sim);
    expect(quiet.open.waiting).toBe('');

    sim.holdLock('document');
    const { event } = submit(sim, { headline: 'While busy' });
    sim.holdLock('document', 0);
    expect(headlines(sim)).toEqual(['Before']);
    expect(winsHeader(sim)).toContain(
      'Small Wins: 1 form response is waiting to be added to this log (it is added within the hour).',
    );
    const waiting = openSidebar(sim);
    expect(waiting.open.waiting).toBe(
      '1 form response is waiting to be added to the log; Small Wins adds it within the hour.',
    );
    expect(waiting.calls).toBe(quiet.calls);
    expect(waiting.calls).toBeLessThanOrEqual(10);
    // The notice is not a column: the log's columns and a triage save are unaffected.
    expect(winsHeader(sim).slice(0, WIN_HEADERS.length)).toEqual(WIN_HEADERS);

    expect(sim.advanceTo('2026-11-23T15:30:00Z')).toBe(1);
    expect(sim.errors).toEqual([]);
    expect(winsRecords(sim).map((r) => `${r.ID} ${r.Headline}`)).toEqual(['W-0001 Before', 'W-0002 While busy']);
    expect(winsHeader(sim).some((h) => h.startsWith('Small Wins:'))).toBe(false);
    expect(openSidebar(sim).open.waiting).toBe('');

    // Its trigger delivering it late, after the tick added it, adds nothing.
    sim.redeliver(event);
    sim.run('setUp');
    expect(headlines(sim)).toEqual(['Before', 'While busy']);
  });

  test('two responses of the same second, one missed: exactly the missed one is added', () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    const at = new Date('2026-11-23T14:00:00Z');
    submit(sim, { headline: 'First of two' }, at);
    sim.holdLock('document');
    submit(sim, { headline: 'Second of two' }, at);
    sim.holdLock('document', 0);
    sim.advanceTo('2026-11-23T15:30:00Z');
    expect(headlines(sim)).toEqual(['First of two', 'Second of two']);
    sim.run('setUp');
    expect(headlines(sim)).toEqual(['First of two', 'Second of two']);
  });

  test('a response that arrived while the log was broken is added once Set up repaired it', () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    const col = WIN_HEADERS.indexOf('Headline') + 1;
    sim.spreadsheet.sheet('Wins')!.setCell(1, col, 'Title');
    submit(sim, { headline: 'During' });
    sim.advanceTo('2026-11-23T15:30:00Z'); // the tick cannot add it to a broken log, and says why
    expect(winsRecords(sim)).toHaveLength(0);
    expect(sim.errors.map((e) => e.message).join(' ')).toMatch(/no "Headline" column/);
    sim.run('setUp');
    expect(headlines(sim)).toEqual(['During']);
  });
});

describe('the response sheet the catch-up reads', () => {
  test("after the Form was deleted and Set up made a new one, the clock reads the new Form's responses", () => {
    const sim = loadAddOn();
    const first = setUpSchool(sim);
    submit(sim, { headline: 'To the first Form' });
    sim.deleteForm(first);
    sim.clock.advance(600_000);
    sim.run('setUp');
    expect(onlyFormId(sim)).not.toBe(first);
    sim.holdLock('document');
    submit(sim, { headline: 'To the new Form, missed' });
    sim.holdLock('document', 0);
    sim.advanceTo('2026-11-23T15:30:00Z');
    expect(sim.errors).toEqual([]);
    expect(headlines(sim)).toEqual(['To the first Form', 'To the new Form, missed']);
  });

  test('a renamed response sheet, and a column inserted before its Timestamp, are found again', () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    submit(sim, { headline: 'Before' });
    const sheet = sim.spreadsheet.sheet(RESPONSES)!;
    sheet.rename('Responses');
    sheet.insertColumn(1);
    sheet.setCell(1, 1, 'Checked');
    sim.clock.advance(60_000);
    sim.holdLock('document');
    submit(sim, { headline: 'Missed' });
    sim.holdLock('document', 0);
    sim.advanceTo('2026-11-23T15:30:00Z');
    expect(sim.errors).toEqual([]);
    expect(headlines(sim)).toEqual(['Before', 'Missed']);
    sim.run('setUp');
    expect(headlines(sim)).toEqual(['Before', 'Missed']);
  });
});

describe('a log an older version kept (responses matched by their text)', () => {
  /**
   * The state older versions left: content keys in the Response key column and in `recentResponses`, no watermark,
   * no records.
   */
  function olderVersionState(sim: Sim, events: unknown[]) {
    const wins = sim.spreadsheet.sheet('Wins')!;
    const keyCol = WIN_HEADERS.indexOf('Response key') + 1;
    const keys = events.map((e) => responseKey((e as { namedValues: Record<string, string[]> }).namedValues));
    keys.forEach((k, i) => wins.setCell(i + 2, keyCol, k));
    const props = sim.api.PropertiesService.getDocumentProperties();
    for (const k of ['sw.responsesCheckedUntil', 'sw.intakeRecords', 'sw.responseSheet']) props.deleteProperty(k);
    props.setProperty('sw.recentResponses', JSON.stringify(keys));
  }

  test('edited, sorted and deleted responses stay as they are; a response newer than the log is added', () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    const events = ['One', 'Two', 'Three'].map((h, i) => {
      sim.clock.set(new Date(Date.UTC(2026, 10, 23, 14, i * 5)));
      return submit(sim, { headline: h }).event;
    });
    olderVersionState(sim, events);
    const sheet = sim.spreadsheet.sheet(RESPONSES)!;
    sheet.setCell(1, sheet.lastColumn + 1, 'Notes');
    sheet.setCell(3, responseColumn(sim, TITLE.story), 'Fixed a typo.');
    sheet.sortBy(responseColumn(sim, TITLE.headline), false, 1);
    sim.spreadsheet.sheet('Wins')!.deleteRow(3); // "Two"
    // A response the older version's trigger missed, after its last win.
    sim.clock.set('2026-11-23T14:30:00Z');
    sim.holdLock('document');
    submit(sim, { headline: 'Missed' });
    sim.holdLock('document', 0);

    sim.run('setUp');
    expect(headlines(sim)).toEqual(['One', 'Three', 'Missed']);
    sim.advanceTo('2026-11-24T10:30:00Z');
    sim.run('setUp');
    expect(sim.errors).toEqual([]);
    expect(headlines(sim)).toEqual(['One', 'Three', 'Missed']);
  });
});
