// Schools and a district side by side in the Apps Script simulator (tests, bench, playground): each school's
// spreadsheet runs the built add-on (dist/) from its principal's account; the district's spreadsheet runs the built
// hub (dist-hub/) from the district account. One world: the same clock, files and sharing.
import { createSimulator, type Simulator, type SimulatorOptions } from './sim';
import { SMALL_WINS_SIM } from './addon-sim';
import { locateColumns, encodeRow, type Columns } from '../src/domain/log-columns';
import type { WinField } from '../src/domain/schema';

export const DISTRICT_ACCOUNT = 'district@district.example';

export const HUB_SIM = {
  user: DISTRICT_ACCOUNT,
  spreadsheetName: 'District hub',
  /** A bound script, not an add-on: its triggers follow the ordinary rules (one-off follow-ups allowed). */
  addon: false,
  refusals: SMALL_WINS_SIM.refusals,
} as const;

export interface SchoolSpec {
  /** The principal who runs Small Wins there (owns the log and the district export). */
  principal: string;
  name: string;
}

/** A school's spreadsheet with the add-on loaded (`world`: join the district's world; none: start one). */
export function schoolSim(dist: string, spec: SchoolSpec, world?: Simulator, opts: SimulatorOptions = {}): Simulator {
  const sim = createSimulator({
    ...SMALL_WINS_SIM,
    now: '2026-11-23T14:00:00Z',
    ...opts,
    user: spec.principal,
    spreadsheetName: spec.name,
    ...(world ? { world } : {}),
  });
  sim.load(dist);
  return sim;
}

/** The district hub's spreadsheet with the hub script loaded, in the schools' world. */
export function hubSim(distHub: string, world: Simulator, opts: SimulatorOptions = {}): Simulator {
  const sim = createSimulator({ ...HUB_SIM, ...opts, world });
  sim.load(distHub);
  return sim;
}

/** Wins written straight into a school's Wins sheet (made by Set up), unmetered, in its current column order. */
export function addWinRows(sim: Simulator, wins: ReadonlyArray<Partial<Record<WinField, string>>>): void {
  const sheet = sim.spreadsheet.sheet('Wins');
  if (!sheet) throw new Error('Run Set up before adding wins.');
  const located = locateColumns(sheet.headers);
  sheet.appendRows(wins.map((w) => encodeRow(w, located.columns as Columns, located.width)));
}
