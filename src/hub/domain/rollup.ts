// The district hub's three sheets as data: Schools (the district's list, one row per export, with how its last pull
// went), Practices (every nominated practice, keyed by school and practice ID) and Progress (per school, goal and
// month). A school's export replaces that school's rows and nothing else; a school that could not be read keeps its
// rows, marked stale with the reason. Every text the hub writes fits a cell, its keeping apostrophe included.
// Pure: the adapter reads and writes the blocks.
import {
  CELL_LIMIT,
  cellString,
  cleanText,
  fromCell,
  toCellText,
  wouldSheetsParse,
  type CleanText,
} from '../../domain/text';
import { exportIdFromLink, type SchoolExport } from './export-read';

export const HUB_SHEETS = { schools: 'Schools', practices: 'Practices', progress: 'Progress' } as const;

export const SCHOOL_COLUMNS = {
  name: 'School',
  link: 'Export link',
  status: 'Status',
  lastPulled: 'Last pulled',
  exportUpdated: 'Export updated',
  practices: 'Practices',
  exportId: 'Export ID',
  addedBy: 'Added by',
  addedAt: 'Added at',
} as const;

export const PRACTICE_COLUMNS = {
  school: 'School',
  goal: 'Goal',
  tier: 'Tier',
  name: 'Practice',
  description: 'What it is',
  impact: 'Impact and evidence',
  whatItTakes: 'What it takes',
  contact: 'Contact',
  hostVisits: 'Host visits',
  updated: 'Updated',
  firstSeen: 'First seen',
  practiceId: 'Practice ID',
  exportId: 'Export ID',
} as const;

export const PROGRESS_COLUMNS = {
  school: 'School',
  goal: 'Goal',
  month: 'Month',
  entries: 'Entries',
  wins: 'Wins',
  lessons: 'Lessons learned',
  exportId: 'Export ID',
} as const;

export type SchoolField = keyof typeof SCHOOL_COLUMNS;

export interface SchoolRow {
  exportId: string;
  name: string;
  link: string;
  status: string;
  /** ISO of the last successful pull, or ''. */
  lastPulled: string;
  exportUpdated: string;
  practices: number;
  addedBy: string;
  addedAt: string;
}

export interface HubPractice {
  exportId: string;
  practiceId: string;
  school: string;
  goal: string;
  tier: string;
  name: string;
  description: string;
  impact: string;
  whatItTakes: string;
  contact: string;
  hostVisits: boolean;
  /** When the school last changed it (ISO). */
  updated: string;
  /** When the hub first read it (ISO): the digest's "new". */
  firstSeen: string;
}

export interface HubProgress {
  exportId: string;
  school: string;
  goal: string;
  month: string;
  entries: number;
  wins: number;
  lessons: number;
}

export interface RollUp {
  schools: SchoolRow[];
  practices: HubPractice[];
  progress: HubProgress[];
}

export const UP_TO_DATE = 'Up to date';
export const NOT_READ_YET = 'Not read yet: the next refresh reads it.';

// ---- Reading the sheets' values --------------------------------------------------------------------------------

/** Columns of a header by name (any case); missing ones absent. */
export function locate<K extends string>(
  header: readonly unknown[],
  names: Record<K, string>,
): Partial<Record<K, number>> {
  const norm = header.map((h) => cellString(h).trim().toLowerCase());
  const out: Partial<Record<K, number>> = {};
  for (const [k, name] of Object.entries(names) as Array<[K, string]>) {
    const i = norm.indexOf(name.toLowerCase());
    if (i >= 0) out[k] = i;
  }
  return out;
}

const iso = (v: unknown) => {
  const s = fromCell(v).trim();
  const t = Date.parse(s);
  return s && Number.isFinite(t) ? new Date(t).toISOString() : '';
};
const num = (v: unknown) => {
  const n = Number(fromCell(v));
  return Number.isFinite(n) ? n : 0;
};

function reader<K extends string>(values: readonly unknown[][], names: Record<K, string>) {
  const cols = locate(values[0] ?? [], names);
  const at = (row: readonly unknown[], k: K) => (cols[k] === undefined ? '' : row[cols[k]]);
  return { cols, at, rows: values.slice(1).filter((r) => r.some((c) => fromCell(c).trim() !== '')) };
}

export function parseSchools(values: readonly unknown[][]): SchoolRow[] {
  const { at, rows } = reader(values, SCHOOL_COLUMNS);
  return rows.map((r) => ({
    // A link pasted into the sheet by hand counts too: its ID is the key.
    exportId: fromCell(at(r, 'exportId')).trim() || exportIdFromLink(fromCell(at(r, 'link'))),
    name: fromCell(at(r, 'name')).trim(),
    link: fromCell(at(r, 'link')).trim(),
    status: fromCell(at(r, 'status')).trim(),
    lastPulled: iso(at(r, 'lastPulled')),
    exportUpdated: iso(at(r, 'exportUpdated')),
    practices: num(at(r, 'practices')),
    addedBy: fromCell(at(r, 'addedBy')).trim(),
    addedAt: iso(at(r, 'addedAt')),
  }));
}

type At<K extends string> = (row: readonly unknown[], k: K) => unknown;

function practiceOf(at: At<keyof typeof PRACTICE_COLUMNS>, r: readonly unknown[]): HubPractice {
  return {
    exportId: fromCell(at(r, 'exportId')).trim(),
    practiceId: fromCell(at(r, 'practiceId')).trim(),
    school: fromCell(at(r, 'school')).trim(),
    goal: fromCell(at(r, 'goal')).trim(),
    tier: fromCell(at(r, 'tier')).trim(),
    name: fromCell(at(r, 'name')).trim(),
    description: fromCell(at(r, 'description')).trim(),
    impact: fromCell(at(r, 'impact')).trim(),
    whatItTakes: fromCell(at(r, 'whatItTakes')).trim(),
    contact: fromCell(at(r, 'contact')).trim(),
    hostVisits: /^(yes|true)$/i.test(fromCell(at(r, 'hostVisits')).trim()),
    updated: iso(at(r, 'updated')),
    firstSeen: iso(at(r, 'firstSeen')),
  };
}

function progressOf(at: At<keyof typeof PROGRESS_COLUMNS>, r: readonly unknown[]): HubProgress {
  const month = at(r, 'month');
  return {
    exportId: fromCell(at(r, 'exportId')).trim(),
    school: fromCell(at(r, 'school')).trim(),
    goal: fromCell(at(r, 'goal')).trim(),
    // A month cell Sheets turned into a date reads back as one: its month is kept.
    month: Object.prototype.toString.call(month) === '[object Date]' ? iso(month).slice(0, 7) : fromCell(month).trim(),
    entries: num(at(r, 'entries')),
    wins: num(at(r, 'wins')),
    lessons: num(at(r, 'lessons')),
  };
}

const isPractice = (p: HubPractice) => Boolean(p.exportId && p.practiceId);
const isProgress = (p: HubProgress) => Boolean(p.exportId && p.goal);

export function parsePractices(values: readonly unknown[][]): HubPractice[] {
  const { at, rows } = reader(values, PRACTICE_COLUMNS);
  return rows.map((r) => practiceOf(at, r)).filter(isPractice);
}

export function parseProgress(values: readonly unknown[][]): HubProgress[] {
  const { at, rows } = reader(values, PROGRESS_COLUMNS);
  return rows.map((r) => progressOf(at, r)).filter(isProgress);
}

// ---- Rows by key: the district's own columns stay with the row they were typed on ------------------------------

/** A practice row's key: its export and its ID in that school. */
export const practiceKey = (p: Pick<HubPractice, 'exportId' | 'practiceId'>) => `${p.exportId}\n${p.practiceId}`;
/** A progress row's key: its export, goal and month. */
export const progressKey = (p: Pick<HubProgress, 'exportId' | 'goal' | 'month'>) =>
  `${p.exportId}\n${p.goal}\n${p.month}`;

/** Each data row's key as read (index 0 is the sheet's row 2); '' for a row that is not one of the hub's. */
export function practiceRowKeys(values: readonly unknown[][]): string[] {
  const { at } = reader(values, PRACTICE_COLUMNS);
  return values.slice(1).map((r) => {
    const p = practiceOf(at, r);
    return isPractice(p) ? practiceKey(p) : '';
  });
}

export function progressRowKeys(values: readonly unknown[][]): string[] {
  const { at } = reader(values, PROGRESS_COLUMNS);
  return values.slice(1).map((r) => {
    const p = progressOf(at, r);
    return isProgress(p) ? progressKey(p) : '';
  });
}

// ---- Merging a school's export -----------------------------------------------------------------------------------

/**
 * Replaces the school's practices and progress with what its export holds now: a practice keeps the time the hub
 * first saw it, a withdrawn one disappears, nothing is duplicated however often this runs.
 */
export function applyExport(roll: RollUp, exportId: string, data: SchoolExport, nowIso: string): void {
  const firstSeen = new Map(
    roll.practices.filter((p) => p.exportId === exportId).map((p) => [p.practiceId, p.firstSeen] as const),
  );
  // Texts longer than a cell holds are shortened here, once, so the school's status can say so.
  let shortened = 0;
  const fit = (raw: string) => {
    const f = fitText(raw);
    if (f.trimmed) shortened++;
    return f.text;
  };
  const school = fit(data.school) || exportId;
  roll.practices = roll.practices.filter((p) => p.exportId !== exportId);
  for (const p of data.practices) {
    const practiceId = fit(p.practiceId);
    roll.practices.push({
      exportId,
      practiceId,
      school,
      goal: fit(p.goal),
      tier: fit(p.tier),
      name: fit(p.name),
      description: fit(p.description),
      impact: fit(p.impact),
      whatItTakes: fit(p.whatItTakes),
      contact: fit(p.contact),
      hostVisits: /^yes$/i.test(p.hostVisits),
      updated: p.updatedAt,
      firstSeen: firstSeen.get(practiceId) || nowIso,
    });
  }
  roll.progress = roll.progress.filter((p) => p.exportId !== exportId);
  for (const g of data.progress) roll.progress.push({ exportId, school, ...g, goal: fit(g.goal) });
  const row = roll.schools.find((s) => s.exportId === exportId);
  if (row) {
    row.name = school;
    row.status = shortened
      ? `${UP_TO_DATE}. ${shortened} text${shortened === 1 ? '' : 's'} in the export ${shortened === 1 ? 'was' : 'were'} longer than a cell holds and ${shortened === 1 ? 'was' : 'were'} shortened to 50,000 characters (marked "…trimmed").`
      : UP_TO_DATE;
    row.lastPulled = nowIso;
    row.exportUpdated = data.updatedAt;
    row.practices = data.practices.length;
  }
}

/** The school could not be read: its rows stay as they were, and its status says so and why. */
export function markStale(roll: RollUp, exportId: string, problem: string): void {
  const row = roll.schools.find((s) => s.exportId === exportId);
  if (row)
    row.status = row.lastPulled ? `Stale: showing what was read at the last pull. ${problem}` : `Not read: ${problem}`;
}

/** Rows in a stable order: by school, then goal, then practice ID or month. */
export function sortRollUp(roll: RollUp): void {
  roll.practices.sort(
    (a, b) =>
      a.school.localeCompare(b.school) ||
      a.exportId.localeCompare(b.exportId) ||
      a.goal.localeCompare(b.goal) ||
      a.practiceId.localeCompare(b.practiceId),
  );
  roll.progress.sort(
    (a, b) =>
      a.school.localeCompare(b.school) ||
      a.exportId.localeCompare(b.exportId) ||
      a.goal.localeCompare(b.goal) ||
      (a.month < b.month ? -1 : a.month > b.month ? 1 : 0),
  );
}

// ---- Writing the sheets' values ----------------------------------------------------------------------------------

type Out = string | number | Date;

/**
 * Text as it will fit a cell: trimmed, and cut (saying so in the text) so that the value written, with the leading
 * apostrophe that keeps text like "- step" or "=== note ===" from becoming a formula, is at most 50,000 characters.
 * (toCellText would cut that last character itself, silently.)
 */
export function fitText(raw: unknown): CleanText {
  const clean = cleanText(raw);
  return wouldSheetsParse(clean.text) ? cleanText(raw, CELL_LIMIT - 1) : clean;
}

const textCell = (s: string): string => toCellText(fitText(s).text);
const dateCell = (s: string): Out => (s && Number.isFinite(Date.parse(s)) ? new Date(s) : '');

export const SCHOOL_HEADERS = Object.values(SCHOOL_COLUMNS) as string[];
export const PRACTICE_HEADERS = Object.values(PRACTICE_COLUMNS) as string[];
export const PROGRESS_HEADERS = Object.values(PROGRESS_COLUMNS) as string[];

/** A school's row in SCHOOL_HEADERS order (a person's own columns are kept by the adapter). */
export function schoolCells(s: SchoolRow): Out[] {
  return [
    textCell(s.name),
    textCell(s.link),
    textCell(s.status),
    dateCell(s.lastPulled),
    dateCell(s.exportUpdated),
    s.practices,
    textCell(s.exportId),
    textCell(s.addedBy),
    dateCell(s.addedAt),
  ];
}

export function practiceCells(p: HubPractice): Out[] {
  return [
    textCell(p.school),
    textCell(p.goal),
    textCell(p.tier),
    textCell(p.name),
    textCell(p.description),
    textCell(p.impact),
    textCell(p.whatItTakes),
    textCell(p.contact),
    p.hostVisits ? 'Yes' : 'No',
    dateCell(p.updated),
    dateCell(p.firstSeen),
    textCell(p.practiceId),
    textCell(p.exportId),
  ];
}

export function progressCells(p: HubProgress): Out[] {
  return [textCell(p.school), textCell(p.goal), textCell(p.month), p.entries, p.wins, p.lessons, textCell(p.exportId)];
}
