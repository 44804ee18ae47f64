// Set up run again when nothing needs changing, with 100 and 10,000 wins in the log: the Form's items read once,
// the response sheet looked up once (issue 11's target: at most 190 calls).
import { join } from 'node:path';
import { createSimulator } from '../../sim';
import { seededRows } from '../seed';
import type { BenchRow, BenchSuite } from '../types';

const DIST = process.env.SW_DIST || join(__dirname, '..', '..', '..', 'dist');

export const suite: BenchSuite = {
  title: 'Set up run again, nothing to change',
  run() {
    const rows: BenchRow[] = [];
    for (const size of [100, 10_000]) {
      const sim = createSimulator({ now: '2026-11-23T14:00:00Z' });
      sim.load(DIST);
      sim.open('LIMITED');
      sim.run('setUp');
      sim.spreadsheet.sheet('Wins')!.appendRows(seededRows(size));
      sim.run('setUp');
      sim.meter.reset();
      sim.run('setUp');
      const { calls, ms } = sim.meter.snapshot();
      const met = calls <= 190;
      if (!met) process.exitCode = 1;
      rows.push({
        operation: 'Set up, rerun',
        size: `${size.toLocaleString('en-US')} wins`,
        calls,
        ms,
        extra: { target: `≤ 190 calls: ${met ? 'met' : 'MISSED'}` },
      });
    }
    return rows;
  },
};
