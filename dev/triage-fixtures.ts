// Wins for triage tests, the browser tests and the triage benchmark: a log of any size seeded straight into
// the simulator's Wins sheet (older wins approved or archived, the newest ones waiting for triage).
import type { Simulator } from './sim';
import { WIN_FIELDS, WinField } from '../src/domain/schema';
import { encodeRow, locateColumns } from '../src/domain/log-columns';

export type WinSeed = Partial<Record<WinField, string>>;

const HEADLINES = [
  'Reading buddies doubled library visits',
  'Fractions fair: Year 4 explained their thinking to families',
  'Calm corner cut playground conflicts',
  'Parents joined the phonics morning',
  'Co-planning lifted exit-ticket scores',
];
const STORY =
  'Every Friday Year 2 read aloud to Year 5 in the library. The older students coached fluency with a simple card, ' +
  'and the younger ones chose the books. Teachers met for ten minutes after each session to note what worked and ' +
  'what to change; by week six the pairs ran the routine themselves and the librarian asked to extend it.';

/** The i-th (1-based) of n seeded wins; the newest `fresh` are New (every fifth of those Needs info). */
export function seedWin(i: number, n: number, fresh: number, start = Date.UTC(2024, 0, 8, 13)): WinSeed {
  const age = n - i;
  const status = age < fresh ? (age % 5 === 4 ? 'Needs info' : 'New') : i % 7 === 0 ? 'Archived' : 'Approved';
  return {
    id: `W-${String(i).padStart(4, '0')}`,
    submittedAt: new Date(start + i * 3600_000).toISOString(),
    status,
    kind: i % 6 === 0 ? 'Lesson learned' : 'Win',
    headline: `${HEADLINES[i % HEADLINES.length]} (#${i})`,
    story: STORY,
    evidence: 'Library log: 14 visits a week, up from 7 in September.',
    link: '',
    goals: status === 'Approved' ? 'Reading for all' : '',
    suggestedGoals: 'Reading for all',
    source: 'Classroom observation',
    consent: i % 3 === 0 ? 'Staff only' : i % 3 === 1 ? 'School community' : 'Public',
    consentGiven: i % 3 === 0 ? 'Staff only' : i % 3 === 1 ? 'School community' : 'Public',
    namesStudents: i % 4 === 0 ? 'Yes' : 'No',
    privacyCleared: 'No',
    featured: 'No',
    blurb: '',
    name: 'Ana Ruiz',
    email: 'ana.ruiz@school.example',
    role: 'Teacher',
    updatedAt: new Date(start + i * 3600_000).toISOString(),
    responseKey: `R-seed-${i}`,
  };
}

/** Appends wins to the Wins sheet (made by Set up) without metering, in its current column order. */
export function seedWins(sim: Simulator, wins: readonly WinSeed[]): void {
  const sheet = sim.spreadsheet.sheet('Wins');
  if (!sheet) throw new Error('Run Set up before seeding wins.');
  const located = locateColumns(sheet.headers);
  const rows = wins.map((w) => encodeRow(w, located.columns as Record<WinField, number>, located.width).map((v) => v));
  sheet.appendRows(rows);
}

export function seedLog(sim: Simulator, n: number, fresh = 30): void {
  const wins: WinSeed[] = [];
  for (let i = 1; i <= n; i++) wins.push(seedWin(i, n, fresh));
  seedWins(sim, wins);
}

export { WIN_FIELDS };
