// Reflect: Refresh dashboard at 1,000, 10,000 and 50,000 wins (the first refresh, which makes the sheet, its charts
// and the month starts, and a later one), the sidebar's one-line pattern, and the year-end synthesis of 300 and 3,000
// entries across 6 goals (the clock following the calls' simulated time, so the run's time budget is real), under the
// simulator's cost model. `SW_DIST` picks the build to measure.
import { join } from 'node:path';
import { createSimulator } from '../../sim';
import { SMALL_WINS_SIM } from '../../addon-sim';
import { call } from '../../endpoints';
import { EXAMPLE_GOALS } from '../../../src/domain/goals';
import { schoolYearRows } from '../seed';
import type { BenchRow, BenchSuite } from '../types';

const DIST = process.env.SW_DIST || join(__dirname, '..', '..', '..', 'dist');

function measure(sim: ReturnType<typeof createSimulator>, work: () => void): { calls: number; ms: number } {
  sim.meter.reset();
  work();
  return sim.meter.snapshot();
}

const SIX_GOALS = [...EXAMPLE_GOALS.map((g) => g.name), 'Healthy bodies'];

/** The synthesis of a school year of n entries across six goals, made from the dialog in one execution. */
function synthesisRow(n: number): BenchRow {
  const sim = createSimulator({ ...SMALL_WINS_SIM, now: '2027-06-25T14:00:00Z' });
  sim.load(DIST);
  sim.open('LIMITED');
  sim.run('setUp');
  sim.spreadsheet.sheet('Goals')!.appendRow(['Healthy bodies', 'Every child moves every day.', 'sport, recess', 'Yes']);
  sim.run('setUp');
  const goals = call(sim, 'synthesisOpen').goals.map((g) => g.key);
  sim.spreadsheet.sheet('Wins')!.appendRows(schoolYearRows(n, 2026, SIX_GOALS));
  sim.core.meter.onSpend = (ms) => sim.clock.advance(ms);
  const result = { finished: false, docs: 0 };
  const cost = measure(sim, () => {
    const run = call(sim, 'synthesisRun', { startYear: 2026, goals: [...goals, 'no-goal'] });
    result.finished = run.finished;
    result.docs = run.docs.filter((d) => d.state === 'made').length;
  });
  sim.core.meter.onSpend = null;
  const docCalls = Object.entries(sim.meter.byMethod)
    .filter(([m]) => m.startsWith('Docs.') || m.startsWith('DocumentApp') || m.startsWith('Document.'))
    .reduce((k, [, v]) => k + v.calls, 0);
  return {
    operation: 'year-end synthesis, 6 goals, one execution',
    size: `${n.toLocaleString('en-US')} entries`,
    ...cost,
    extra: {
      'Docs calls': String(docCalls),
      batches: String(sim.meter.byMethod['Docs.Documents.batchUpdate']?.calls ?? 0),
      'Docs made': `${result.docs}${result.finished ? '' : ' (not finished)'}`,
    },
  };
}

export const suite: BenchSuite = {
  title:
    'Reflect (refresh = Small Wins → Refresh dashboard, a school year spread over the log; synthesis = Year-end synthesis from its dialog)',
  run() {
    const rows: BenchRow[] = [];
    for (const n of [1_000, 10_000, 50_000]) {
      const size = `${n.toLocaleString('en-US')} wins`;
      // The last day of the school year: every month of it has entries.
      const sim = createSimulator({ ...SMALL_WINS_SIM, now: '2027-07-30T14:00:00Z' });
      sim.load(DIST);
      sim.open('LIMITED');
      sim.run('setUp');
      sim.spreadsheet.sheet('Wins')!.appendRows(schoolYearRows(n, 2026));
      const first = measure(sim, () => sim.run('refreshDashboard'));
      if (sim.ui.alerts.length) throw new Error(`refresh failed: ${JSON.stringify(sim.ui.alerts)}`);
      rows.push({ operation: 'first refresh (makes the sheet and charts)', size, ...first });
      sim.clock.advance(86_400_000);
      const later = measure(sim, () => sim.run('refreshDashboard'));
      rows.push({ operation: 'refresh', size, ...later });
      const pattern = measure(sim, () => call(sim, 'triagePattern'));
      rows.push({ operation: "sidebar's goal pattern", size, ...pattern });
    }
    for (const n of [300, 3_000]) rows.push(synthesisRow(n));
    return rows;
  },
};
