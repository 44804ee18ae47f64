// The hourly clock's tick at 100, 10,000 and 50,000 wins (and as many rows in the Form's response sheet): with
// nothing due, when it adds a response the trigger missed, from another account's trigger (returns at once), and in
// the hours after this week's issues were drafted (the newsletter's own check). `SW_DIST` picks the build to measure.
import { join } from 'node:path';
import { createSimulator, documentService, gmailService } from '../../sim';
import { SMALL_WINS_SIM } from '../../addon-sim';
import { call } from '../../endpoints';
import { QUESTIONS } from '../../../src/domain/form-spec';
import type { BenchRow, BenchSuite } from '../types';
import { seededRows } from '../seed';

const DIST = process.env.SW_DIST || join(__dirname, '..', '..', '..', 'dist');
const SIZES = [100, 10_000, 50_000];
const HOUR = 3_600_000;

type Sim = ReturnType<typeof createSimulator>;

function answers(headline: string): Record<string, string | string[]> {
  const byField: Record<string, string | string[]> = {
    name: 'Ana Ruiz',
    role: 'Teacher',
    headline,
    story: 'Year 2 read to Year 5 in the library every Friday.',
    kind: 'Win',
    goals: ['Reading for all'],
    source: 'Classroom observation',
    consent: 'Public',
    namesStudents: 'No',
  };
  return Object.fromEntries(QUESTIONS.filter((q) => byField[q.field]).map((q) => [q.title, byField[q.field]]));
}

/** A school set up with `n` wins in the log and `n` older responses in the response sheet, on a weekly schedule. */
function school(n: number): Sim {
  const sim = createSimulator({
    ...SMALL_WINS_SIM,
    now: '2026-11-23T14:00:00Z',
    services: { DocumentApp: documentService, Gmail: gmailService },
  });
  sim.load(DIST);
  sim.open('LIMITED');
  sim.run('setUp');
  sim.spreadsheet.sheet('Wins')!.appendRows(seededRows(n));
  const responses = sim.spreadsheet.sheet('Form Responses 1')!;
  const width = responses.headers.length;
  // Older responses, a minute apart, the last a day before today.
  const start = sim.clock.now().getTime() - 86_400_000 - n * 60_000;
  responses.appendRows(
    Array.from({ length: n }, (_, i) => {
      const row: unknown[] = new Array(width).fill('');
      row[0] = new Date(start + i * 60_000);
      for (let c = 1; c < width; c++) row[c] = `answer ${i}`;
      return row;
    }),
  );
  const saved = call(
    sim,
    'settingsSave',
    {
      schoolName: 'Riverside Primary',
      audiences: {
        Staff: { enabled: true, recipients: 'staff@school.example' },
        Families: { enabled: false, recipients: '' },
        Public: { enabled: false, recipients: '' },
      },
      cadence: { kind: 'weekly', weekday: 5, monthDay: 1, hour: 7 },
      template: '',
      senderName: 'Principal',
      replyTo: 'office@school.example',
      creditContributors: true,
    },
    { takeOverSchedule: false },
  );
  if (!saved.ok) throw new Error(`settings: ${JSON.stringify(saved)}`);
  // Set up again: the ID counter continues after the seeded log, and the first tick's bookkeeping is done.
  sim.run('setUp');
  tick(sim);
  return sim;
}

/** Fires the next hourly tick (only the clock is due) and measures it. */
function tick(sim: Sim): { calls: number; ms: number } {
  const next = Math.ceil((sim.clock.now().getTime() + 1) / HOUR) * HOUR + 60_000;
  sim.meter.reset();
  const fired = sim.advanceTo(new Date(next));
  if (fired !== 1) throw new Error(`expected one tick, ${fired} fired`);
  if (sim.errors.length) throw new Error(`tick failed: ${JSON.stringify(sim.errors)}`);
  return sim.meter.snapshot();
}

export const suite: BenchSuite = {
  title: 'The hourly clock (one tick; the response sheet holds as many responses as the log holds wins)',
  run() {
    const rows: BenchRow[] = [];
    for (const n of SIZES) {
      const size = `${n.toLocaleString('en-US')} wins`;
      const sim = school(n);
      const formId = [...sim.forms.values()][0].id;
      sim.submitForm(formId, answers('Arrived through the trigger'));
      tick(sim);
      rows.push({ operation: 'tick, nothing due', size, ...tick(sim) });

      sim.holdLock('document');
      sim.submitForm(formId, answers('Missed: the lock was busy'));
      sim.holdLock('document', 0);
      const wins = sim.spreadsheet.sheet('Wins')!.lastRow;
      const missed = tick(sim);
      if (sim.spreadsheet.sheet('Wins')!.lastRow !== wins + 1) throw new Error('the missed response was not added');
      rows.push({ operation: 'tick, adds 1 missed response', size, ...missed });

      // Another account's trigger (a colleague who ran it before a takeover): its tick returns at once.
      const principal = sim.triggers().find((t) => t.type === 'CLOCK')!;
      sim.setUser('deputy@school.example');
      sim.ui.answerNextAlert('YES');
      sim.run('setUp');
      sim.setUser('principal@school.example');
      sim.meter.reset();
      const other = sim.run<{ acted: boolean }>('onClock', { triggerUid: principal.id });
      if (other.acted) throw new Error("another account's tick acted");
      rows.push({ operation: "tick from another account's trigger", size, ...sim.meter.snapshot() });
    }
    // Friday 07:00 New York: the issue is drafted at the first tick; the ticks after it until Monday check that it is.
    const sim = school(10_000);
    sim.advanceTo('2026-11-27T13:30:00Z');
    const after = tick(sim);
    if (process.env.SW_BENCH_DETAIL) console.log(JSON.stringify(sim.meter.byMethod, null, 1));
    rows.push({ operation: "tick after this week's issue was drafted", size: '10,000 wins', ...after });
    return rows;
  },
};
