// Seeds a simulated school with a log of n wins, written straight into the simulator's model (unmetered),
// for benchmarks and the playground.
import { EXAMPLE_GOALS } from '../../src/domain/goals';
import { encodeRow, locateColumns, Columns } from '../../src/domain/log-columns';
import { CONSENTS, KINDS, SOURCES, STATUSES, WIN_HEADERS, WinField } from '../../src/domain/schema';
import { winId } from '../../src/domain/intake';

const NAMES = [
  'Ana Ruiz',
  'Ben Okafor',
  'Chloé Martin',
  'Dev Patel',
  'Eli Cohen',
  'Fatima Zahra',
  'Grace Lee',
  'Hiro Tanaka',
];

/** Deterministic fields of the i-th seeded win (i from 1). */
export function seededWin(i: number, startMs: number): Partial<Record<WinField, string>> {
  const goal = EXAMPLE_GOALS[i % EXAMPLE_GOALS.length].name;
  const status = i % 10 === 0 ? 'New' : STATUSES[i % STATUSES.length];
  const at = new Date(startMs + i * 3600_000).toISOString();
  return {
    id: winId(i),
    submittedAt: at,
    status,
    kind: KINDS[i % 7 === 0 ? 1 : 0],
    headline: `Win number ${i}: students tried something new`,
    story: `A short story about win ${i}, with enough words to look like a real entry from a busy classroom.`,
    evidence: i % 3 === 0 ? 'Exit tickets went from 12 to 19 correct.' : '',
    link: '',
    goals: goal,
    suggestedGoals: '',
    source: SOURCES[i % SOURCES.length],
    consent: CONSENTS[i % CONSENTS.length],
    consentGiven: CONSENTS[i % CONSENTS.length],
    namesStudents: i % 4 === 0 ? 'Yes' : 'No',
    privacyCleared: 'No',
    featured: 'No',
    blurb: '',
    name: NAMES[i % NAMES.length],
    email: `staff${i % 30}@school.example`,
    role: 'Teacher',
    sharedIn: '',
    updatedAt: at,
    responseKey: `R-seed${i}`,
  } as Partial<Record<WinField, string>>;
}

/** Rows for n wins in the canonical column order. */
export function seededRows(n: number, startMs = Date.UTC(2026, 0, 5)): unknown[][] {
  const located = locateColumns(WIN_HEADERS);
  const rows: unknown[][] = [];
  for (let i = 1; i <= n; i++) {
    const row = encodeRow(seededWin(i, startMs), located.columns as Columns, located.width);
    // Stored values, as Sheets keeps them: the apostrophe only marks text.
    rows.push(row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
  }
  return rows;
}

const ROLE_MIX = ['Teacher', 'Teacher', 'Teacher', 'Support staff', 'Coach', 'Leader', 'Student', 'Family member'];
const SOURCE_MIX = ['Classroom observation', 'Student work', 'Family story', 'Survey or feedback', 'Data', 'Meeting'];

/**
 * Rows for n entries spread evenly over one school year (1 August `startYear` to 31 July), as a busy school logs
 * them: every goal, some with two, one in six a lesson learned, one in ten archived, most triaged within a week, a
 * mix of roles and sources, 40 contributors.
 */
export function schoolYearRows(n: number, startYear: number, goals = EXAMPLE_GOALS.map((g) => g.name)): unknown[][] {
  const located = locateColumns(WIN_HEADERS);
  const from = Date.UTC(startYear, 7, 1, 12);
  const span = Date.UTC(startYear + 1, 6, 31, 12) - from;
  const rows: unknown[][] = [];
  for (let i = 1; i <= n; i++) {
    const at = from + Math.floor(((i - 0.5) * span) / n);
    const base = seededWin(i, from);
    const goal = goals[i % goals.length];
    const status = i % 10 === 0 ? 'Archived' : i % 9 === 0 ? 'New' : i % 13 === 0 ? 'Needs info' : 'Approved';
    const fields: Partial<Record<WinField, string>> = {
      ...base,
      submittedAt: new Date(at).toISOString(),
      firstTriagedAt: status === 'New' ? '' : new Date(at + ((i * 7919) % 6) * 86_400_000 + 3_600_000).toISOString(),
      status,
      kind: i % 6 === 0 ? 'Lesson learned' : 'Win',
      goals: i % 5 === 0 ? `${goal}, ${goals[(i + 2) % goals.length]}` : goal,
      source: SOURCE_MIX[i % SOURCE_MIX.length],
      featured: status === 'Approved' && i % 11 === 0 ? 'Yes' : 'No',
      name: NAMES[i % NAMES.length],
      email: `staff${i % 40}@school.example`,
      role: ROLE_MIX[i % ROLE_MIX.length],
    };
    const row = encodeRow(fields, located.columns as Columns, located.width);
    rows.push(row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v)));
  }
  return rows;
}

/** A newsletter bench's log: what differs between the newsletter and family-languages benches. */
export interface NewsletterLogSpec {
  /** Wins at the top of the log, approved and already shared. */
  oldWins: number;
  /** Approved wins still to share, one in every `every` new entries (the others New). */
  approved: number;
  every: number;
  /** The consent (given and effective) of the i-th entry. */
  consent: (i: number) => string;
  /** Evidence of the i-th entry ('' for none). */
  evidence?: (i: number) => string;
  /** What the old wins' Shared in says. */
  sharedIn: string;
}

/**
 * Appends a newsletter bench's log to the Wins sheet (unmetered, in its current column order): `oldWins` shared ones,
 * then `approved` wins to share among New entries, each a story of a few sentences.
 */
export function seedNewsletterLog(
  sheet: { headers: string[]; appendRows(rows: unknown[][]): unknown },
  spec: NewsletterLogSpec,
): void {
  const located = locateColumns(sheet.headers);
  const rows: unknown[][] = [];
  let fresh = 0;
  for (let i = 1; i <= spec.oldWins + spec.approved * spec.every; i++) {
    const old = i <= spec.oldWins;
    const approved = !old && (i - spec.oldWins) % spec.every === 0 && fresh < spec.approved;
    if (approved) fresh++;
    const w: Partial<Record<WinField, string>> = {
      id: `W-${String(i).padStart(5, '0')}`,
      submittedAt: new Date(Date.UTC(2026, 0, 5) + i * 3600_000).toISOString(),
      status: old || approved ? 'Approved' : 'New',
      kind: i % 9 === 0 ? 'Lesson learned' : 'Win',
      headline: `Win ${i}: Year 4 tried peer feedback on their writing`,
      story: `Story ${i}: students swapped drafts and used a checklist; most improved their second draft. ${'More detail. '.repeat(8)}`,
      evidence: spec.evidence?.(i) ?? '',
      goals: EXAMPLE_GOALS[i % EXAMPLE_GOALS.length].name,
      // As intake records it: the submitter's own consent (without it a win counts as Staff only).
      consent: spec.consent(i),
      consentGiven: spec.consent(i),
      namesStudents: 'No',
      privacyCleared: 'No',
      featured: i % 17 === 0 ? 'Yes' : 'No',
      name: `Teacher ${i % 30}`,
      email: `t${i % 30}@school.example`,
      role: 'Teacher',
      sharedIn: old ? spec.sharedIn : '',
    };
    rows.push(encodeRow(w, located.columns as Columns, located.width));
  }
  sheet.appendRows(rows);
}
