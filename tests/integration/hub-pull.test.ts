// The hub's pull at scale, through dist-hub/ with the clock following each call and Apps Script's 6-minute limit:
// a hundred schools whose exports are slow to read complete over several executions chained by follow-up triggers,
// every school once, and no execution is cut off.
import { hubSim, makeExports } from '../../dev/spread-sim';
import { createSimulator, simSheetsApi, TIME_LIMIT_MESSAGE } from '../../dev/sim';
import { SMALL_WINS_SIM } from '../../dev/addon-sim';
import { DIST, type Sim } from '../helpers/addon';
import { DIST_HUB, hubRows } from '../helpers/spread';

function world(): Sim {
  // A school's add-on starts the world; the hub joins it. Time passes as calls are made, and runs stop at 6 minutes.
  const school = createSimulator({
    ...SMALL_WINS_SIM,
    now: '2026-11-23T14:00:00Z',
    clockFollowsCalls: true,
    executionLimitMs: 6 * 60_000,
  });
  school.load(DIST);
  const hub = hubSim(DIST_HUB, school);
  hub.open('FULL');
  hub.run('hubSetUp');
  return hub;
}

test('a hundred slow exports: the nightly pull stops between schools before 6 minutes and follow-up triggers finish it', () => {
  const hub = world();
  const ids = makeExports(hub, 100);
  // The district pasted the hundred links into the Schools sheet by hand.
  hub.spreadsheet
    .sheet('Schools')!
    .appendRows(ids.map((id) => ['', `https://docs.google.com/spreadsheets/d/${id}/edit`]));
  // Each export takes 8 seconds to read: 100 of them cannot fit in one run.
  simSheetsApi(hub).delay('Values.batchGet', 8000);
  hub.advanceTo('2026-11-24T09:00:00Z');
  expect(hub.errors).toEqual([]);
  expect(hub.logs.join('\n')).not.toContain(TIME_LIMIT_MESSAGE);
  const done = hub.logs.filter((l) => /^District hub: Refreshed 100 schools in \d runs\.$/.test(l));
  expect(done).toHaveLength(1);
  expect(Number(/in (\d) runs/.exec(done[0])![1])).toBeGreaterThanOrEqual(3);
  const schools = hubRows(hub, 'Schools');
  expect(schools).toHaveLength(100);
  expect(schools.filter((s) => s.Status !== 'Up to date')).toEqual([]);
  const practices = hubRows(hub, 'Practices');
  expect(practices).toHaveLength(300);
  expect(new Set(practices.map((p) => `${p['Export ID']} ${p['Practice ID']}`)).size).toBe(300);
  expect(hubRows(hub, 'Progress')).toHaveLength(100 * 5 * 12);
  // One read per school, and the follow-up triggers are gone: only the nightly one is left.
  const reads = simSheetsApi(hub)
    .calls()
    .filter((c) => c.method === 'Values.batchGet' && c.project === hub.core.projectId);
  expect(reads).toHaveLength(100);
  expect(hub.triggers().map((t) => t.fn)).toEqual(['onHubNightly']);
});
