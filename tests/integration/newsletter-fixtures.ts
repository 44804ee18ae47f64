// Fixtures for the newsletter's integration tests and benchmark: the built add-on in the simulator with
// DocumentApp and the advanced Gmail service, settings saved through the dialog's endpoint, and wins
// written straight into the log.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSimulator, documentService, simDocuments, gmailService, simGmail } from '../../dev/sim';
import { SMALL_WINS_SIM } from '../../dev/addon-sim';
import { encodeRow, locateColumns, Columns } from '../../src/domain/log-columns';
import { WinField } from '../../src/domain/schema';
import type { SettingsInput } from '../../src/domain/settings';
import { call } from '../../dev/endpoints';

export const NEWSLETTER_DIST = process.env.SW_DIST ? resolve(process.env.SW_DIST) : join(__dirname, '..', '..', 'dist');

export type Sim = ReturnType<typeof createSimulator>;

export function loadNewsletterAddOn(opts: Parameters<typeof createSimulator>[0] = {}): Sim {
  if (!existsSync(join(NEWSLETTER_DIST, 'Code.js'))) throw new Error('dist/ is not built: run `npm run build` first.');
  const sim = createSimulator({
    ...SMALL_WINS_SIM,
    now: '2026-11-23T14:00:00Z',
    ...opts,
    services: { DocumentApp: documentService, Gmail: gmailService, ...(opts.services ?? {}) },
  });
  sim.load(NEWSLETTER_DIST);
  sim.open('LIMITED');
  sim.run('setUp');
  return sim;
}

export const docs = (sim: Sim) => simDocuments(sim);
export const gmail = (sim: Sim) => simGmail(sim);

export function settingsInput(over: Partial<SettingsInput> = {}): SettingsInput {
  return {
    schoolName: 'Riverside Primary',
    audiences: {
      Staff: { enabled: true, recipients: 'staff@school.example' },
      Families: { enabled: true, recipients: 'families@school.example, pta@school.example' },
      Public: { enabled: true, recipients: 'district@district.example' },
    },
    cadence: { kind: 'weekly', weekday: 5, monthDay: 1, hour: 7 },
    template: '',
    senderName: 'Ms Díaz, Principal',
    replyTo: 'office@school.example',
    creditContributors: true,
    ...over,
  };
}

export function saveSettings(
  sim: Sim,
  input: SettingsInput,
  takeOverSchedule = false,
): { ok: boolean; message: string; errors?: Partial<Record<string, string>> } {
  return call(sim, 'settingsSave', input, { takeOverSchedule });
}

let counter = 0;

/** A win's fields with sensible defaults: approved, school community, one goal. */
export function win(over: Partial<Record<WinField, string>> = {}): Partial<Record<WinField, string>> {
  counter++;
  return {
    id: `W-${String(9000 + counter)}`,
    submittedAt: new Date(Date.UTC(2026, 10, 2, 9, counter % 60)).toISOString(),
    status: 'Approved',
    kind: 'Win',
    headline: `Headline ${counter}`,
    story: `Story ${counter}.`,
    goals: 'Reading for all',
    consent: 'School community',
    consentGiven: 'Public',
    namesStudents: 'No',
    privacyCleared: 'No',
    featured: 'No',
    blurb: '',
    name: `Teacher ${counter}`,
    email: `t${counter}@school.example`,
    role: 'Teacher',
    sharedIn: '',
    ...over,
  } as Partial<Record<WinField, string>>;
}

/** Appends wins to the Wins sheet as typed input (text kept as text by the log's encoding). */
export function addWins(sim: Sim, wins: Array<Partial<Record<WinField, string>>>): void {
  const sheet = sim.spreadsheet.sheet('Wins')!;
  const located = locateColumns(sheet.headers);
  const rows = wins.map((w) => encodeRow(w, located.columns as Columns, located.width));
  sheet.appendRows(rows);
}

/** The Wins sheet's "Shared in" by ID. */
export function sharedIn(sim: Sim): Record<string, string> {
  const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
  const header = values[0].map(String);
  const id = header.indexOf('ID');
  const col = header.indexOf('Shared in');
  const out: Record<string, string> = {};
  for (const r of values.slice(1)) if (r[id]) out[String(r[id])] = String(r[col] ?? '');
  return out;
}

export function issueRows(sim: Sim): Array<Record<string, unknown>> {
  const values = sim.spreadsheet.sheetValues('Newsletters') as unknown[][];
  if (!values) return [];
  const [header, ...rows] = values;
  return rows
    .filter((r) => r.some((c) => c !== '' && c !== undefined && c !== null))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}
