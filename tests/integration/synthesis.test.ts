// Year-end synthesis through the BUILT bundle: one Doc per goal with the sections PRODUCT.md lists (a lesson under
// What we learned, a featured win in Spotlight, no archived entry, no other goal's entry, the month table, the goal's
// showcase practice), Our notes kept by a rerun, a renamed goal keeping its Doc, a run cut off and finished by the
// clock, and a run that runs out of time told so.
import { call, tryEndpoint } from '../../dev/endpoints';
import { CUT_OFF_MESSAGE, simDocuments } from '../../dev/sim';
import { addWinRows } from '../../dev/spread-sim';
import type { SynthesisEndpoints, SynthesisRunView } from '../../src/synthesis-api';
import { loadAddOn, type Sim } from '../helpers/addon';
import { nominate, readySchool, winRow } from '../helpers/spread';

const SCHOOL = 'Maple Grove Elementary';

function school(): Sim {
  const sim = loadAddOn();
  readySchool(sim, SCHOOL, [
    winRow('W-0101', { headline: 'Reading lesson we learned', kind: 'Lesson learned', source: 'Meeting' }),
    winRow('W-0102', { headline: 'Featured reading win', featured: 'Yes', submittedAt: '2026-12-02T15:00:00.000Z' }),
    winRow('W-0103', { headline: 'Archived reading entry', status: 'Archived' }),
    winRow('W-0104', { headline: 'Math only win', goals: 'Math confidence' }),
    winRow('W-0105', { headline: 'Reading and math together', goals: 'Reading for all, Math confidence' }),
    winRow('W-0106', { headline: 'Last year reading win', submittedAt: '2026-06-20T15:00:00.000Z' }),
  ]);
  nominate(sim, { name: 'Reading buddies', goal: 'Reading for all', winIds: ['W-0001', 'W-0102'] });
  return sim;
}

function run(sim: Sim, goals: string[], startYear = 2026): SynthesisRunView {
  return call(sim, 'synthesisRun', { startYear, goals });
}

/** The Doc's elements as [heading, text] (tables as their cells' text). */
function docOf(sim: Sim, url: string): Array<[string, string]> {
  const id = /\/d\/([^/]+)\//.exec(url)![1];
  return simDocuments(sim)
    .elements(id)
    .map((e): [string, string] => [e.type === 'TABLE' ? 'TABLE' : e.heading, e.text]);
}

/** The texts between a HEADING1 and the next one. */
function section(doc: Array<[string, string]>, title: string): string[] {
  const at = doc.findIndex(([h, t]) => h === 'HEADING1' && t === title);
  if (at < 0) throw new Error(`No section ${title}`);
  const out: string[] = [];
  for (let i = at + 1; i < doc.length && doc[i][0] !== 'HEADING1'; i++) out.push(doc[i][1]);
  return out;
}

describe('Year-end synthesis', () => {
  test('the dialog offers the school years and the goals; the default year looks back in August and September', () => {
    const sim = school();
    const view = call(sim, 'synthesisOpen');
    expect(view.school).toBe(SCHOOL);
    expect(view.defaultYear).toBe(2026);
    expect(view.years.map((y) => y.label).slice(0, 2)).toEqual(['2026–27', '2025–26']);
    expect(view.goals.map((g) => [g.key, g.name])).toEqual([
      ['G-1', 'Reading for all'],
      ['G-2', 'Math confidence'],
      ['G-3', 'Belonging and wellbeing'],
      ['G-4', 'Family partnership'],
      ['G-5', 'Teaching together'],
    ]);
    expect(view.lastRun).toBeNull();
    sim.clock.set('2027-09-15T14:00:00Z');
    expect(call(sim, 'synthesisOpen').defaultYear).toBe(2026);
    sim.clock.set('2027-10-01T14:00:00Z');
    expect(call(sim, 'synthesisOpen').defaultYear).toBe(2027);
    sim.run('showSynthesis');
    expect(sim.ui.dialogs[sim.ui.dialogs.length - 1].title).toBe('Year-end synthesis');
  });

  test("one Doc per goal: every section, this goal's entries only, never an archived one", () => {
    const sim = school();
    const result = run(sim, ['G-1', 'G-2', 'no-goal']);
    expect(result.finished).toBe(true);
    expect(result.message).toBe('Every Doc for 2026–27 is ready.');
    expect(result.docs.map((d) => [d.key, d.state])).toEqual([
      ['G-1', 'made'],
      ['G-2', 'made'],
      ['no-goal', 'no entries'],
    ]);
    expect(
      simDocuments(sim)
        .list()
        .map((d) => d.name),
    ).toEqual([`${SCHOOL} — Reading for all — synthesis 2026–27`, `${SCHOOL} — Math confidence — synthesis 2026–27`]);
    const reading = docOf(sim, result.docs[0].url);
    expect(reading[0]).toEqual(['TITLE', `${SCHOOL} — Reading for all — synthesis 2026–27`]);
    expect(reading.filter(([h]) => h === 'HEADING1').map(([, t]) => t)).toEqual([
      'At a glance',
      'Month by month',
      'What we did',
      'What we learned',
      'Spotlight',
      'Practices nominated to the showcase',
      'Reflect together',
      'Appendix: every entry',
      'Our notes',
    ]);
    const all = reading.map(([, t]) => t).join('\n');
    expect(all).not.toContain('Archived reading entry');
    expect(all).not.toContain('Math only win');
    expect(all).not.toContain('Last year reading win');
    expect(all).toContain('Reading and math together');
    expect(section(reading, 'What we learned')).toContain('Reading lesson we learned');
    expect(section(reading, 'What we did')).not.toContain('Reading lesson we learned');
    expect(section(reading, 'Spotlight')).toContain('Featured reading win');
    expect(section(reading, 'Practices nominated to the showcase')).toContain('Reading buddies (Promising, Nominated)');
    expect(section(reading, 'Reflect together')).toContain('Keep, adapt or drop: Reading buddies?');
    // The month table: Sep 2026 holds W-0002, W-0003, W-0004, W-0101 and W-0105; November W-0005 (New counts);
    // W-0001 is January, last school year.
    const table = section(reading, 'Month by month')[0]
      .split('\n')
      .map((r) => r.split('\t'));
    expect(table[0]).toEqual(['Month', 'Wins', 'Lessons learned', 'Contributors']);
    expect(table.find((r) => r[0] === 'Sep 2026')).toEqual(['Sep 2026', '4', '1', '5']);
    expect(table.find((r) => r[0] === 'Dec 2026')).toEqual(['Dec 2026', '1', '0', '1']);
    expect(table[table.length - 1]).toEqual(['The year', '6', '1', '7']);
    // The appendix lists every entry with its ID, day, kind, headline and submitter.
    const appendix = section(reading, 'Appendix: every entry').join('\n');
    for (const id of ['W-0002', 'W-0003', 'W-0004', 'W-0101', 'W-0102', 'W-0105']) expect(appendix).toContain(id);
    expect(appendix).toContain('W-0101\t15 Sep 2026\tLesson learned\tReading lesson we learned\tAna Ruiz, Teacher');
    // Staff-facing: every consent level qualifies (W-0002 is Staff only).
    expect(all).toContain('Headline of W-0002');
    const math = docOf(sim, result.docs[1].url)
      .map(([, t]) => t)
      .join('\n');
    expect(math).toContain('Math only win');
    expect(math).toContain('Reading and math together');
    expect(math).not.toContain('Featured reading win');
  });

  test('a rerun rewrites the generated part and keeps what staff wrote under Our notes; a renamed goal keeps its Doc', () => {
    const sim = school();
    const first = run(sim, ['G-1']);
    const id = /\/d\/([^/]+)\//.exec(first.docs[0].url)![1];
    const body = sim.api.DocumentApp.openById(id).getBody();
    body.appendParagraph('We keep reading buddies, and ask the PTA for books.');
    addWinRows(sim, [winRow('W-0201', { headline: 'A win logged after the first run' })]);
    // Renamed in the Goals sheet; Set up follows the rename onto the wins.
    const goals = sim.spreadsheet.sheet('Goals')!;
    goals.setCell(2, goals.columnOf('Goal'), 'Readers for life');
    sim.run('setUp');
    const again = run(sim, ['G-1']);
    expect(again.docs.map((d) => [d.name, d.state, d.url])).toEqual([
      ['Readers for life', 'updated', first.docs[0].url],
    ]);
    expect(simDocuments(sim).list()).toHaveLength(1);
    expect(simDocuments(sim).list()[0].name).toBe(`${SCHOOL} — Readers for life — synthesis 2026–27`);
    const doc = docOf(sim, again.docs[0].url);
    expect(doc[0]).toEqual(['TITLE', `${SCHOOL} — Readers for life — synthesis 2026–27`]);
    expect(doc.filter(([, t]) => t === 'At a glance')).toHaveLength(1);
    expect(doc.map(([, t]) => t)).toContain('A win logged after the first run');
    expect(doc.slice(-3)).toEqual([
      ['HEADING1', 'Our notes'],
      ['NORMAL', 'Write here.'],
      ['NORMAL', 'We keep reading buddies, and ask the PTA for books.'],
    ]);
  });

  test('a Doc whose Our notes heading staff removed is left alone, and the leader is told why', () => {
    const sim = school();
    const first = run(sim, ['G-1']);
    const id = /\/d\/([^/]+)\//.exec(first.docs[0].url)![1];
    const doc = sim.api.DocumentApp.openById(id);
    const paragraphs = doc.getBody().getParagraphs();
    paragraphs.find((p: { getText(): string }) => p.getText() === 'Our notes').setText('Notes from June');
    const before = simDocuments(sim).text(id);
    const again = run(sim, ['G-1']);
    expect(again.docs[0]).toMatchObject({ state: 'left alone' });
    expect(again.docs[0].note).toMatch(/no “Our notes” heading any more, so nothing in it was changed/);
    expect(simDocuments(sim).text(id)).toBe(before);
  });

  test('a run cut off by the time limit is finished by the next tick of the clock, with no Doc made twice', () => {
    const sim = school();
    sim.cutOff('Docs.Documents.batchUpdate', 2, 'after');
    const cut = tryEndpoint<SynthesisEndpoints, 'synthesisRun'>(sim, 'synthesisRun', {
      startYear: 2026,
      goals: ['G-1', 'G-2', 'G-3'],
    });
    expect(cut).toMatchObject({ ok: false, error: expect.stringContaining(CUT_OFF_MESSAGE) });
    // While the stopped run's claim holds, a second run is refused in a sentence rather than started twice.
    const twice = tryEndpoint<SynthesisEndpoints, 'synthesisRun'>(sim, 'synthesisRun', {
      startYear: 2026,
      goals: ['G-1'],
    });
    expect(twice).toMatchObject({ ok: false, error: expect.stringMatching(/^A synthesis is being made right now/) });
    const waiting = call(sim, 'synthesisOpen').lastRun!;
    expect(waiting.finished).toBe(false);
    expect(waiting.message).toMatch(/the others are made at the next tick of the clock \(within the hour\)/);
    // The claim of the stopped run lapses; the next tick after it takes the job over.
    sim.advanceTo('2026-11-23T14:30:00Z');
    sim.advanceTo('2026-11-23T21:30:00Z');
    expect(sim.errors).toEqual([]);
    const done = call(sim, 'synthesisOpen').lastRun!;
    expect(done.finished).toBe(true);
    expect(done.message).toBe(
      'Every Doc for 2026–27 is ready: the run was stopped by Apps Script’s time limit and the clock finished it.',
    );
    expect(done.docs.map((d) => d.state)).toEqual(['made', 'made', 'made']);
    expect(simDocuments(sim).list()).toHaveLength(3);
    for (const d of done.docs) {
      const doc = docOf(sim, d.url);
      expect(doc.filter(([h, t]) => h === 'HEADING1' && t === 'Our notes')).toHaveLength(1);
      expect(doc.filter(([h]) => h === 'TITLE')).toHaveLength(1);
    }
  });

  test('a run that reaches its time budget stops between Docs and says the clock makes the rest', () => {
    const sim = school();
    // Time runs fast: each simulated second of service calls is 100 s of the run's clock, so the run's 4.5-minute
    // budget is spent within the first Doc.
    sim.core.meter.onSpend = (ms) => sim.clock.advance(ms * 100);
    const first = run(sim, ['G-1', 'G-2', 'G-3']);
    sim.core.meter.onSpend = null;
    expect(first.finished).toBe(false);
    expect(first.docs.map((d) => d.state)).toEqual(['made', 'waiting', 'waiting']);
    expect(first.message).toBe(
      '1 of 3 Docs are ready. Apps Script stops a run after 6 minutes, so the others are made at the next tick of the clock (within the hour), or when you run Year-end synthesis again.',
    );
    sim.advanceTo(new Date(sim.clock.now().getTime() + 61 * 60_000));
    const done = call(sim, 'synthesisOpen').lastRun!;
    expect(done.finished).toBe(true);
    expect(simDocuments(sim).list()).toHaveLength(3);
  });
});
