// Benchmark: one form submission with 100, 10,000 and 50,000 wins already in the log.
import { join } from 'node:path';
import { createSimulator } from '../../sim';
import { QUESTIONS } from '../../../src/domain/form-spec';
import type { BenchSuite, BenchRow } from '../types';
import { seededRows } from '../seed';
import { SMALL_WINS_SIM } from '../../addon-sim';

const DIST = process.env.SW_DIST || join(__dirname, '..', '..', '..', 'dist');
const SIZES = [100, 10_000, 50_000];

function answers(): Record<string, string | string[]> {
  const byField: Record<string, string | string[]> = {
    name: 'Ana Ruiz',
    role: 'Teacher',
    headline: 'Reading buddies doubled library visits',
    story: 'Year 2 read to Year 5 in the library every Friday.',
    evidence: '14 visits, up from 7',
    kind: 'Win',
    goals: ['Reading for all'],
    source: 'Classroom observation',
    consent: 'School community',
    namesStudents: 'No',
    link: '',
  };
  return Object.fromEntries(QUESTIONS.map((q) => [q.title, byField[q.field]]));
}

export const suite: BenchSuite = {
  title: 'Form intake: one submission',
  run() {
    const rows: BenchRow[] = [];
    for (const size of SIZES) {
      const sim = createSimulator({ ...SMALL_WINS_SIM, now: '2026-11-23T14:00:00Z' });
      sim.load(DIST);
      sim.open('LIMITED');
      sim.run('setUp');
      const formId = [...sim.forms.values()][0].id;
      sim.spreadsheet.sheet('Wins')!.appendRows(seededRows(size));
      // Set up again so the ID counter continues after the seeded log, as it would in a real school.
      sim.run('setUp');
      sim.meter.reset();
      sim.submitForm(formId, answers());
      const { calls, ms } = sim.meter.snapshot();
      rows.push({ operation: 'form submission', size: `${size.toLocaleString('en-US')} wins`, calls, ms });
    }
    return rows;
  },
};
