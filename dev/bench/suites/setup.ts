// Set up run again when nothing needs changing, with an empty log (issue 11's measure and target: at most 190 calls,
// with the hourly clock, issue 10's consent record and Spread's Showcase sheet included; it cost 252 before each
// managed sheet's formatting was compared instead of rewritten) and with 100 and 10,000 wins (the ID check then reads
// the log: a block or two more). The Form's items are read once, the response sheet looked up once, the triggers
// listed once, and each sheet's formatting read in a few calls.
import { join } from 'node:path';
import { createSimulator } from '../../sim';
import { seededRows } from '../seed';
import type { BenchRow, BenchSuite } from '../types';

const DIST = process.env.SW_DIST || join(__dirname, '..', '..', '..', 'dist');

export const suite: BenchSuite = {
  title: 'Set up run again, nothing to change',
  run() {
    const rows: BenchRow[] = [];
    for (const size of [0, 100, 10_000]) {
      const sim = createSimulator({ now: '2026-11-23T14:00:00Z' });
      sim.load(DIST);
      sim.open('LIMITED');
      sim.run('setUp');
      if (size) {
        sim.spreadsheet.sheet('Wins')!.appendRows(seededRows(size));
        sim.run('setUp');
      }
      sim.meter.reset();
      sim.run('setUp');
      const { calls, ms } = sim.meter.snapshot();
      const met = size > 0 || calls <= 190;
      if (!met) process.exitCode = 1;
      rows.push({
        operation: 'Set up, rerun',
        size: `${size.toLocaleString('en-US')} wins`,
        calls,
        ms,
        extra: size ? {} : { target: `≤ 190 (was 252): ${met ? 'met' : 'MISSED'}` },
      });
    }
    return rows;
  },
};
