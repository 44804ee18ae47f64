// Benchmark: Spread — a school's district export refreshed (its log of 1,000 to 50,000 wins, five nominated
// practices), and the district hub's pull of 10 and 100 schools' exports, run by its nightly trigger with the clock
// following each call and Apps Script's 6-minute limit (executions = runs chained by follow-up triggers).
import { join } from 'node:path';
import { call, endpoints } from '../../endpoints';
import type { HubSettingsEndpoints } from '../../../src/hub/hub-api';
import { createSimulator, simSheetsApi } from '../../sim';
import { SMALL_WINS_SIM } from '../../addon-sim';
import { DISTRICT_ACCOUNT, HUB_SIM, makeExports } from '../../spread-sim';
import { seededRows } from '../seed';
import type { BenchRow, BenchSuite } from '../types';

const ROOT = join(__dirname, '..', '..', '..');
const DIST = process.env.SW_DIST || join(ROOT, 'dist');
const DIST_HUB = process.env.SW_DIST_HUB || join(ROOT, 'dist-hub');

const practice = (n: number, winIds: string[]) => ({
  name: `Practice ${n}`,
  goal: 'Reading for all',
  description: 'Older students read with younger ones every Friday in the library.',
  impact: 'Library visits doubled in a term (library log).',
  gradeBand: 'K–5',
  whoBenefits: 'Readers who are behind',
  whatItTakes: 'Thirty minutes a week.',
  conditions: 'A library slot.',
  contact: 'Ana Ruiz',
  hostVisits: true,
  tier: 'Promising',
  winIds,
});

function exportRefresh(size: number): BenchRow[] {
  const sim = createSimulator({ ...SMALL_WINS_SIM, now: '2026-11-23T14:00:00Z' });
  sim.load(DIST);
  sim.open('LIMITED');
  sim.run('setUp');
  sim.spreadsheet.sheet('Wins')!.appendRows(seededRows(size));
  const approved = (i: number) => `W-${String(i).padStart(4, '0')}`;
  // Seeded wins with i % 4 === 1 are Approved (STATUSES[1]).
  const ids = Array.from({ length: 15 }, (_, k) => approved(4 * k + 1));
  for (let p = 0; p < 5; p++) {
    const r = call(sim, 'showcaseSave', {
      id: '',
      version: '',
      action: 'save',
      practice: practice(p + 1, ids.slice(3 * p, 3 * p + 3)),
    });
    if (!r.ok) throw new Error(r.message);
  }
  sim.meter.reset();
  const shared = call(sim, 'districtShare', { district: DISTRICT_ACCOUNT, draftEmail: false });
  if (!shared.ok) throw new Error(shared.message);
  const share = sim.meter.snapshot();
  const sizeLabel = `${size.toLocaleString('en-US')} wins`;
  const rows: BenchRow[] = [{ operation: 'share with the district (make, fill, share)', size: sizeLabel, ...share }];
  const first = call(sim, 'showcaseOpen').practices[0];
  sim.meter.reset();
  const r = call(sim, 'showcaseSave', {
    id: first.id,
    version: first.version,
    action: 'nominate',
    practice: practice(1, ids.slice(0, 3)),
  });
  if (!r.ok) throw new Error(r.message);
  rows.push({ operation: 'nominate a practice (save + export)', size: sizeLabel, ...sim.meter.snapshot() });
  sim.meter.reset();
  const refreshed = call(sim, 'districtRefresh');
  if (!refreshed.ok) throw new Error(refreshed.message);
  rows.push({ operation: 'export refresh (5 practices)', size: sizeLabel, ...sim.meter.snapshot() });
  return rows;
}

function hubPull(schools: number, slowMs: number): BenchRow {
  const hub = createSimulator({
    ...HUB_SIM,
    now: '2026-11-23T14:00:00Z',
    clockFollowsCalls: true,
    executionLimitMs: 6 * 60_000,
  });
  hub.load(DIST_HUB);
  hub.open('FULL');
  hub.run('hubSetUp');
  const ids = makeExports(hub, schools);
  hub.spreadsheet
    .sheet('Schools')!
    .appendRows(ids.map((id) => ['', `https://docs.google.com/spreadsheets/d/${id}/edit`]));
  if (slowMs) simSheetsApi(hub).delay('Values.batchGet', slowMs);
  hub.meter.reset();
  const start = hub.clock.now().getTime();
  hub.advanceTo('2026-11-24T09:00:00Z');
  const { calls, ms } = hub.meter.snapshot();
  const done = hub.logs
    .map((l) => /^District hub: Refreshed (\d+) schools(?: \((\d+) could not)?.*?(?: in (\d+) runs)?\.$/.exec(l))
    .find(Boolean);
  if (!done || Number(done[1]) !== schools || hub.errors.length)
    throw new Error(`the pull of ${schools} schools did not finish`);
  void start;
  return {
    operation: slowMs ? `hub pull, exports ${slowMs / 1000} s each to read` : 'hub pull (nightly)',
    size: `${schools} schools`,
    calls,
    ms,
    extra: { executions: done[3] ?? '1', 'calls per school': (calls / schools).toFixed(1) },
  };
}

/** The showcase digest after a pull: every school's practices are new (three each), one Doc and one draft. */
function hubDigest(schools: number): BenchRow {
  const hub = createSimulator({ ...HUB_SIM, now: '2026-11-23T14:00:00Z', clockFollowsCalls: true });
  hub.load(DIST_HUB);
  hub.open('FULL');
  hub.run('hubSetUp');
  const ids = makeExports(hub, schools);
  hub.spreadsheet
    .sheet('Schools')!
    .appendRows(ids.map((id) => ['', `https://docs.google.com/spreadsheets/d/${id}/edit`]));
  hub.advanceTo('2026-11-24T09:00:00Z');
  const saved = endpoints<HubSettingsEndpoints>(hub).hubSettingsSave({
    districtName: 'Riverside USD',
    principals: 'principal@school-1.example, principal@school-2.example',
    bigQueryProject: '',
    bigQueryDataset: '',
  });
  if (!saved.ok) throw new Error('the hub settings were not saved');
  hub.meter.reset();
  hub.run('hubDraftDigest');
  const message = hub.ui.alerts[hub.ui.alerts.length - 1]?.message ?? '';
  if (!/^The digest of \d+ practices/.test(message)) throw new Error(`the digest was not drafted: ${message}`);
  const { calls, ms } = hub.meter.snapshot();
  return {
    operation: 'hub showcase digest (Doc + draft)',
    size: `${schools} schools, ${schools * 3} practices`,
    calls,
    ms,
  };
}

export const suite: BenchSuite = {
  title: 'Spread: the district export and the district hub',
  run() {
    return [
      ...[1_000, 10_000, 50_000].flatMap(exportRefresh),
      hubPull(10, 0),
      hubPull(100, 0),
      hubPull(100, 8000),
      hubDigest(10),
      hubDigest(100),
    ];
  },
};
