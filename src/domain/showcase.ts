// Showcase practices: the practice behind one or more approved wins, nominated so other schools can copy it (the
// district's "Models of Excellence" one-page questionnaire). The Showcase sheet's columns, a practice decoded from
// its row and encoded back, IDs that are never reused, the tier suggested by the linked wins' dates, and the checks
// a leader's input must pass.
import { cellString, fromCell, hashText, joinList, splitList, toCellDate, toCellText } from './text';
import { readDate } from './win';

export const SHOWCASE_SHEET = 'Showcase';

export const PRACTICE_STATUSES = ['Draft', 'Nominated', 'Withdrawn'] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

/** Emerging: stories only; Promising: a term or more of evidence; Proven: a year or more. */
export const TIERS = ['Emerging', 'Promising', 'Proven'] as const;
export type Tier = (typeof TIERS)[number];

/** "What it is" is kept to a one-page questionnaire's length. */
export const DESCRIPTION_WORDS = 300;

/** A term of evidence (about three months), and a school year (nine months of it, September to June). */
export const PROMISING_DAYS = 90;
export const PROVEN_DAYS = 270;

export const PRACTICE_COLUMNS = {
  id: 'ID',
  status: 'Status',
  name: 'Practice',
  goal: 'Goal',
  description: 'What it is',
  impact: 'Impact and evidence',
  gradeBand: 'Grade band',
  whoBenefits: 'Who benefits',
  whatItTakes: 'What it takes',
  conditions: 'Conditions it depends on',
  contact: 'Contact',
  hostVisits: 'Willing to host a visit',
  tier: 'Tier',
  suggestedTier: 'Suggested tier',
  winIds: 'Linked wins',
  nominatedBy: 'Nominated by',
  nominatedAt: 'Nominated at',
  updatedBy: 'Updated by',
  updatedAt: 'Updated at',
} as const;
export type PracticeField = keyof typeof PRACTICE_COLUMNS;
export const PRACTICE_FIELDS = Object.keys(PRACTICE_COLUMNS) as PracticeField[];
export const PRACTICE_HEADERS = PRACTICE_FIELDS.map((f) => PRACTICE_COLUMNS[f]);
export type PracticeColumns = Partial<Record<PracticeField, number>>;

export const PRACTICE_COLUMN_WIDTHS: Partial<Record<PracticeField, number>> = {
  id: 70,
  status: 100,
  name: 220,
  goal: 160,
  description: 360,
  impact: 300,
  whatItTakes: 220,
  conditions: 200,
  contact: 180,
  winIds: 160,
  nominatedBy: 170,
  updatedBy: 170,
};
export const PRACTICE_WRAPPED: PracticeField[] = ['name', 'description', 'impact', 'whatItTakes', 'conditions'];
export const PRACTICE_DROPDOWNS: Partial<Record<PracticeField, readonly string[]>> = {
  status: PRACTICE_STATUSES,
  tier: TIERS,
  hostVisits: ['Yes', 'No'],
};

/** What a leader fills in (the dialog's fields). */
export interface PracticeInput {
  name: string;
  goal: string;
  description: string;
  impact: string;
  gradeBand: string;
  whoBenefits: string;
  whatItTakes: string;
  conditions: string;
  contact: string;
  hostVisits: boolean;
  tier: string;
  winIds: string[];
}
export type PracticeInputField = keyof PracticeInput;

/** A practice as the Showcase sheet holds it. Dates are ISO strings or ''. */
export interface Practice extends Omit<PracticeInput, 'tier'> {
  id: string;
  /** A PracticeStatus, or what a person typed. */
  status: string;
  /** A Tier, or what a person typed. */
  tier: string;
  suggestedTier: string;
  nominatedBy: string;
  nominatedAt: string;
  updatedBy: string;
  updatedAt: string;
  /** The sheet row it was read from (2 or more). */
  row: number;
}

export function locatePracticeColumns(header: readonly unknown[]): {
  columns: PracticeColumns;
  missing: PracticeField[];
  width: number;
} {
  const norm = (h: unknown) => cellString(h).trim().toLowerCase();
  const columns: PracticeColumns = {};
  const missing: PracticeField[] = [];
  for (const f of PRACTICE_FIELDS) {
    const i = header.findIndex((h) => norm(h) === PRACTICE_COLUMNS[f].toLowerCase());
    if (i < 0) missing.push(f);
    else columns[f] = i;
  }
  const width = header.reduce<number>((w, h, i) => (norm(h) ? i + 1 : w), 0);
  return { columns, missing, width };
}

const yes = (v: unknown) =>
  /^(yes|true|✔|✓)$/i.test(
    cellString(v)
      .replace(/[\uFE0E\uFE0F]/g, '')
      .trim(),
  );

/** Practices from the sheet's values (header first); rows without an ID are skipped. */
export function parsePractices(values: readonly unknown[][], columns: PracticeColumns): Practice[] {
  const out: Practice[] = [];
  values.forEach((row, i) => {
    if (i === 0) return;
    const cell = (f: PracticeField) => (columns[f] === undefined ? '' : fromCell(row[columns[f]]).trim());
    const at = (f: PracticeField) => (columns[f] === undefined ? '' : readDate(row[columns[f]]));
    const id = cell('id');
    if (!id) return;
    out.push({
      id,
      status: cell('status'),
      name: cell('name'),
      goal: cell('goal'),
      description: cell('description'),
      impact: cell('impact'),
      gradeBand: cell('gradeBand'),
      whoBenefits: cell('whoBenefits'),
      whatItTakes: cell('whatItTakes'),
      conditions: cell('conditions'),
      contact: cell('contact'),
      hostVisits: columns.hostVisits !== undefined && yes(row[columns.hostVisits]),
      tier: cell('tier'),
      suggestedTier: cell('suggestedTier'),
      winIds: splitList(cell('winIds')),
      nominatedBy: cell('nominatedBy'),
      // Times are date cells (older versions wrote ISO text; both read as ISO).
      nominatedAt: at('nominatedAt'),
      updatedBy: cell('updatedBy'),
      updatedAt: at('updatedAt'),
      row: i + 1,
    });
  });
  return out;
}

const TIME_FIELDS: ReadonlySet<PracticeField> = new Set<PracticeField>(['nominatedAt', 'updatedAt']);

/** Each field's cell as written: text kept as text, times as date cells, the flag as Yes/No, IDs as a list. */
function practiceCell(p: Practice, f: PracticeField): unknown {
  if (f === 'hostVisits') return p.hostVisits ? 'Yes' : 'No';
  if (f === 'winIds') return toCellText(joinList(p.winIds));
  const v = p[f];
  return TIME_FIELDS.has(f) ? toCellDate(v) : toCellText(v);
}

/**
 * What a save writes in the practice's row: Small Wins' own cells only, as runs of neighbouring columns (one write
 * each; one run unless a person put a column of their own between them). A person's own columns are never written,
 * so "007" stays text and a formula stays a formula there.
 */
export function practiceWrites(p: Practice, columns: PracticeColumns): Array<{ column: number; values: unknown[] }> {
  const owned = PRACTICE_FIELDS.filter((f) => columns[f] !== undefined)
    .map((f) => ({ column: columns[f] as number, value: practiceCell(p, f) }))
    .sort((a, b) => a.column - b.column);
  const runs: Array<{ column: number; values: unknown[] }> = [];
  for (const o of owned) {
    const last = runs[runs.length - 1];
    if (last && last.column + last.values.length === o.column) last.values.push(o.value);
    else runs.push({ column: o.column, values: [o.value] });
  }
  return runs;
}

/** The practice's row as the sheet will hold it: its own cells written, a person's cells from `existing`. */
export function encodePractice(
  p: Practice,
  columns: PracticeColumns,
  width: number,
  existing?: readonly unknown[],
): unknown[] {
  const row: unknown[] = existing ? existing.slice(0, width) : [];
  while (row.length < width) row.push('');
  for (const run of practiceWrites(p, columns))
    run.values.forEach((v, i) => (row[run.column + i] = typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v));
  return row;
}

/** Why a Showcase sheet with a column missing is not read for a save or the export, in words. */
export function missingColumnsMessage(missing: readonly PracticeField[]): string {
  const names = missing.map((f) => `"${PRACTICE_COLUMNS[f]}"`).join(', ');
  return `The ${SHOWCASE_SHEET} sheet has no ${names} column${missing.length > 1 ? 's' : ''} (renamed or deleted?). Give ${missing.length > 1 ? 'them their names' : 'it its name'} back, or run Small Wins → Set up to add ${missing.length > 1 ? 'them' : 'it'} again.`;
}

/** P-001, P-002… (more digits past 999). */
export function practiceId(n: number): string {
  return `P-${String(n).padStart(3, '0')}`;
}

/** The next number: above the stored counter and above every P-number in the sheet, so no ID is ever reused. */
export function nextPracticeNumber(stored: unknown, ids: readonly string[]): number {
  let next = Number(stored) >= 1 ? Math.floor(Number(stored)) : 1;
  for (const id of ids) {
    const m = /^P-(\d+)$/i.exec(id.trim());
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  return next;
}

export function isTier(v: string): v is Tier {
  return (TIERS as readonly string[]).includes(v);
}

export function isPracticeStatus(v: string): v is PracticeStatus {
  return (PRACTICE_STATUSES as readonly string[]).includes(v);
}

export interface TierSuggestion {
  tier: Tier;
  /** Days between the first and last linked win (0 with one win or none). */
  spanDays: number;
  /** Why, in a sentence for the leader. */
  reason: string;
}

/**
 * The tier the linked wins' dates suggest: Emerging when they span less than a term (stories only), Promising from
 * a term (about three months), Proven from a school year (nine months). The leader chooses; this only suggests.
 */
export function suggestTier(dates: readonly string[]): TierSuggestion {
  const times = dates.map((d) => Date.parse(d)).filter((t) => Number.isFinite(t));
  if (times.length < 2) {
    return {
      tier: 'Emerging',
      spanDays: 0,
      reason: times.length
        ? 'One linked win: stories so far, so Emerging.'
        : 'No dated wins are linked yet, so Emerging.',
    };
  }
  const spanDays = Math.floor((Math.max(...times) - Math.min(...times)) / 86_400_000);
  const months = Math.round(spanDays / 30.4);
  const span = spanDays < 45 ? `${spanDays} day${spanDays === 1 ? '' : 's'}` : `about ${months} months`;
  if (spanDays >= PROVEN_DAYS)
    return { tier: 'Proven', spanDays, reason: `The linked wins span ${span}: a school year of evidence, so Proven.` };
  if (spanDays >= PROMISING_DAYS)
    return { tier: 'Promising', spanDays, reason: `The linked wins span ${span}: a term or more, so Promising.` };
  return { tier: 'Emerging', spanDays, reason: `The linked wins span ${span}: less than a term, so Emerging.` };
}

/** Words as a person counts them: runs between spaces holding a letter or a digit (a lone dash is not a word). */
export function countWords(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Field limits that keep a practice on one page (and every cell well under the 50,000-character limit). */
export const FIELD_LIMITS: Record<Exclude<PracticeInputField, 'hostVisits' | 'winIds'>, number> = {
  name: 120,
  goal: 500,
  description: 4000,
  impact: 4000,
  gradeBand: 200,
  whoBenefits: 500,
  whatItTakes: 2000,
  conditions: 2000,
  contact: 300,
  tier: 20,
};

export interface PracticeChecks {
  /** The school's goal names (any goal a win may carry). */
  goals: readonly string[];
  /** Linked wins as the log holds them now: approved or not; missing IDs are not in the map. */
  wins: ReadonlyMap<string, { approved: boolean }>;
  /** Nominating (not saving a draft): every field a district reader needs must be there. */
  nominating: boolean;
}

/** The leader's input, trimmed; or the problems by field, in sentences. */
export function checkPractice(
  input: PracticeInput,
  checks: PracticeChecks,
): { ok: true; practice: PracticeInput } | { ok: false; errors: Partial<Record<PracticeInputField, string>> } {
  const errors: Partial<Record<PracticeInputField, string>> = {};
  const t = (s: string) => s.trim();
  const practice: PracticeInput = {
    name: t(input.name),
    goal: t(input.goal),
    description: t(input.description),
    impact: t(input.impact),
    gradeBand: t(input.gradeBand),
    whoBenefits: t(input.whoBenefits),
    whatItTakes: t(input.whatItTakes),
    conditions: t(input.conditions),
    contact: t(input.contact),
    hostVisits: input.hostVisits,
    tier: t(input.tier),
    winIds: Array.from(new Set(input.winIds.map(t).filter(Boolean))),
  };
  for (const [f, max] of Object.entries(FIELD_LIMITS) as Array<[keyof typeof FIELD_LIMITS, number]>) {
    if (practice[f].length > max) errors[f] = `Keep this to ${max} characters or fewer.`;
  }
  if (!practice.name) errors.name = 'Give the practice a name.';
  const words = countWords(practice.description);
  if (words > DESCRIPTION_WORDS)
    errors.description = `Keep "What it is" to ${DESCRIPTION_WORDS} words: it has ${words}.`;
  if (practice.goal && !checks.goals.some((g) => g.toLowerCase() === practice.goal.toLowerCase()))
    errors.goal = `"${practice.goal}" is not one of the school's goals: choose one from the list.`;
  else if (practice.goal)
    practice.goal = checks.goals.find((g) => g.toLowerCase() === practice.goal.toLowerCase()) ?? practice.goal;
  if (practice.tier && !isTier(practice.tier)) errors.tier = `Choose a tier: ${TIERS.join(', ')}.`;
  const missing = practice.winIds.filter((id) => !checks.wins.has(id));
  const unapproved = practice.winIds.filter((id) => checks.wins.has(id) && !checks.wins.get(id)!.approved);
  if (missing.length)
    errors.winIds = `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the Wins log: remove ${missing.length === 1 ? 'it' : 'them'} from the linked wins.`;
  else if (unapproved.length)
    errors.winIds = `Only approved wins can be linked: ${unapproved.join(', ')} ${unapproved.length === 1 ? 'is' : 'are'} not approved.`;
  if (checks.nominating) {
    if (!practice.goal) errors.goal ??= 'Choose the goal this practice serves.';
    if (!practice.description) errors.description ??= 'Say what the practice is.';
    if (!practice.impact) errors.impact ??= 'Say what difference it made, and how you know.';
    if (!practice.contact) errors.contact ??= 'Say whom another school can ask about it.';
    if (!practice.tier) errors.tier ??= 'Choose a tier.';
    if (!practice.winIds.length) errors.winIds ??= 'Link at least one approved win: it is the evidence.';
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, practice };
}

/**
 * What a leader read, so a save over a newer version is caught: when it was last saved (ISO) and a hash of every
 * field as the sheet holds it, so a cell changed by hand in the sheet counts as a change too. '' for none.
 */
export function practiceVersion(p: Practice | null): string {
  if (!p) return '';
  const canon = PRACTICE_FIELDS.map((f) => {
    if (f === 'hostVisits') return p.hostVisits ? 'Yes' : 'No';
    if (f === 'winIds') return splitList(joinList(p.winIds)).join(',');
    return TIME_FIELDS.has(f) ? readDate(p[f]) : cellString(p[f]).trim();
  });
  return `${readDate(p.updatedAt)}|${hashText(JSON.stringify(canon))}`;
}

/** The save time a version was taken at (see practiceVersion). */
export function versionSavedAt(version: string): string {
  return version.split('|')[0] ?? '';
}
