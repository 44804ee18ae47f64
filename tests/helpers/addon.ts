// Loads the BUILT add-on (dist/) into the simulator for integration tests, with small helpers to read what a
// user would see. Build first: `npm run build` (npm test does).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createSimulator } from '../../dev/sim';
import { QUESTIONS } from '../../src/domain/form-spec';
import { SMALL_WINS_SIM } from '../../dev/addon-sim';

export const DIST = process.env.SW_DIST || join(__dirname, '..', '..', 'dist');

export type Sim = ReturnType<typeof createSimulator>;

export function loadAddOn(opts: Parameters<typeof createSimulator>[0] = {}): Sim {
  if (!existsSync(join(DIST, 'Code.js'))) throw new Error('dist/ is not built: run `npm run build` first.');
  const sim = createSimulator({ ...SMALL_WINS_SIM, now: '2026-11-23T14:00:00Z', ...opts });
  sim.load(DIST);
  return sim;
}

/** Opens the Sheet and runs Set up as a leader would; returns the intake Form's ID. */
export function setUpSchool(sim: Sim): string {
  sim.open('LIMITED');
  sim.run('setUp');
  return onlyFormId(sim);
}

export function onlyFormId(sim: Sim): string {
  const live = [...sim.forms.values()].filter((f) => !(f as { deleted?: boolean }).deleted);
  return live[live.length - 1].id;
}

export const TITLE: Record<string, string> = Object.fromEntries(QUESTIONS.map((q) => [q.field, q.title]));

export const ANSWERS = {
  name: 'Ana Ruiz',
  role: 'Teacher',
  headline: 'Reading buddies doubled library visits',
  story: 'Year 2 read to Year 5 in the library every Friday.',
  evidence: 'Library logs: 14 visits, up from 7.',
  kind: 'Win',
  goals: ['Reading for all'],
  source: 'Classroom observation',
  consent: 'School community',
  namesStudents: 'No',
  link: '',
};

/** Answers keyed by the Form's question titles, from answers keyed by field. */
export function byTitle(answers: Record<string, string | string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [field, v] of Object.entries(answers)) out[TITLE[field] ?? field] = v;
  return out;
}

/** The Wins sheet as records keyed by header, raw stored values. */
export function winsRecords(sim: Sim, sheet = 'Wins'): Array<Record<string, unknown>> {
  const values = sim.spreadsheet.sheetValues(sheet) as unknown[][];
  const [header, ...rows] = values;
  return rows
    .filter((r) => r.some((c) => c !== '' && c !== null && c !== undefined))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}
