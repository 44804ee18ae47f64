// Reflect: Refresh dashboard at 1,000, 10,000 and 50,000 wins (the first refresh, which makes the sheet, its charts
// and the month starts, and a later one), and the sidebar's one-line pattern, under the simulator's cost model.
// `SW_DIST` picks the build to measure.
import { join } from 'node:path';
import { createSimulator } from '../../sim';
import { SMALL_WINS_SIM } from '../../addon-sim';
import { call } from '../../endpoints';
import { schoolYearRows } from '../seed';
import type { BenchRow, BenchSuite } from '../types';

const DIST = process.env.SW_DIST || join(__dirname, '..', '..', '..', 'dist');

function measure(sim: ReturnType<typeof createSimulator>, work: () => void): { calls: number; ms: number } {
  sim.meter.reset();
  work();
  return sim.meter.snapshot();
}

export const suite: BenchSuite = {
  title: 'Reflect (refresh = Small Wins → Refresh dashboard, a school year spread over the log)',
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
    return rows;
  },
};
