// Schools and a district side by side in the Apps Script simulator (tests, bench, playground): each school's
// spreadsheet runs the built add-on (dist/) from its principal's account; the district's spreadsheet runs the built
// hub (dist-hub/) from the district account. One world: the same clock, files and sharing.
import { createSimulator, formatDate, simDrive, type Simulator, type SimulatorOptions } from './sim';
import { buildExport, EXPORT_TIME_PATTERN } from '../src/domain/district-export';
import type { Practice } from '../src/domain/showcase';
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

/**
 * `n` schools' district exports made straight in the world (each owned by its principal and shared with the district
 * account), with the content the add-on's own buildExport gives for `practices` practices and a year of entries per
 * goal: for the hub's bench and continuation tests, where a hundred schools' add-ons would only cost time.
 */
export function makeExports(
  world: Simulator,
  n: number,
  opts: { practices?: number; goals?: number; months?: number; sharedWith?: string } = {},
): string[] {
  const ids: string[] = [];
  const goals = Array.from({ length: opts.goals ?? 5 }, (_, g) => `Goal ${g + 1}`);
  const months = opts.months ?? 12;
  for (let i = 1; i <= n; i++) {
    const school = `School ${String(i).padStart(3, '0')}`;
    const practices: Practice[] = Array.from({ length: opts.practices ?? 3 }, (_, p) => ({
      id: `P-${String(p + 1).padStart(3, '0')}`,
      status: 'Nominated',
      name: `Practice ${p + 1} of ${school}`,
      goal: goals[p % goals.length],
      description: 'Older students read with younger ones every Friday in the library.',
      impact: 'Library visits doubled in a term (library log).',
      gradeBand: 'K–5',
      whoBenefits: 'Readers who are behind',
      whatItTakes: 'Thirty minutes a week.',
      conditions: 'A library slot.',
      contact: `principal@school-${i}.example`,
      hostVisits: p % 2 === 0,
      tier: 'Promising',
      suggestedTier: 'Promising',
      winIds: [],
      nominatedBy: `principal@school-${i}.example`,
      nominatedAt: '2026-10-01T12:00:00.000Z',
      updatedBy: `principal@school-${i}.example`,
      updatedAt: '2026-10-01T12:00:00.000Z',
      row: p + 2,
    }));
    const entries = goals.flatMap((goal) =>
      Array.from({ length: months }, (_, m) => ({
        goals: [goal],
        // The `months` months up to November 2026.
        month: new Date(Date.UTC(2026, 11 - months + m, 1)).toISOString().slice(0, 7),
        status: 'Approved' as const,
        kind: 'Win' as const,
      })),
    );
    const content = buildExport({
      school,
      timeZone: 'America/New_York',
      nowIso: '2026-11-23T14:00:00.000Z',
      localTime: (iso) => (iso ? formatDate(Date.parse(iso), 'America/New_York', EXPORT_TIME_PATTERN) : ''),
      practices,
      wins: new Map(),
      entries,
    });
    ids.push(
      simDrive(world).createSpreadsheet({
        owner: `principal@school-${i}.example`,
        name: `${school} — Small Wins for the district`,
        sheets: { About: content.about, Practices: content.practices, Progress: content.progress },
        sharedWith: [opts.sharedWith ?? DISTRICT_ACCOUNT],
      }),
    );
  }
  return ids;
}
