// One win as every part of the add-on reads it: decoded once from a Wins row, hand-typed values read the safe way
// (PRODUCT.md, "A win, decoded once"). The rules that use it live in win-rules.ts.
import type { Columns } from './log-columns';
import { Consent, CONSENTS, Kind, KINDS, Status, STATUSES, WIN_FIELDS, WinField } from './schema';
import { cellString, splitList } from './text';

/** A hand-typed yes/no cell: clearly yes, clearly no, or anything else. */
export type Answer = 'yes' | 'no' | 'unknown';

const CLEAR_YES = new Set(['yes', 'true', '✔', '✓']);
const CLEAR_NO = new Set(['no', 'false']);

/**
 * Clearly yes is exactly Yes, TRUE, ✔ or ✓ (any case, surrounding spaces ignored); clearly no is No or FALSE.
 * Anything else (blank, "y", "1", "Unsure", "N/A") is unknown, and each reader says what unknown counts as.
 * A checkbox cell's true/false reads as TRUE/FALSE; an emoji's variation selector is ignored.
 */
export function readAnswer(cell: unknown): Answer {
  const t = cellString(cell)
    .replace(/[\uFE0E\uFE0F]/g, '')
    .trim()
    .toLowerCase();
  if (CLEAR_YES.has(t)) return 'yes';
  if (CLEAR_NO.has(t)) return 'no';
  return 'unknown';
}

function oneOf<T extends string>(choices: readonly T[], cell: unknown): T | null {
  const t = cellString(cell).trim().toLowerCase();
  return choices.find((c) => c.toLowerCase() === t) ?? null;
}

/** A consent level as written (any case, surrounding spaces ignored); null when it is blank or not a level. */
export function readConsent(cell: unknown): Consent | null {
  return oneOf(CONSENTS, cell);
}

export function readStatus(cell: unknown): Status | null {
  return oneOf(STATUSES, cell);
}

export function readKind(cell: unknown): Kind | null {
  return oneOf(KINDS, cell);
}

/**
 * A date cell as an ISO string: a Date (as getValues gives it), or a display string (as getDisplayValues or a
 * person gives it, e.g. "11/23/2026 14:00:00" or "2026-11-23"). '' when it is blank or not a date.
 */
export function readDate(cell: unknown): string {
  if (cell === null || cell === undefined || cell === '') return '';
  // Dates may come from another realm (the sheet service), so test the tag rather than instanceof.
  if (Object.prototype.toString.call(cell) === '[object Date]') {
    const t = (cell as Date).getTime();
    return isNaN(t) ? '' : new Date(t).toISOString();
  }
  const text = cellString(cell).trim();
  if (!text || !/\d/.test(text)) return '';
  const t = Date.parse(text);
  return isNaN(t) ? '' : new Date(t).toISOString();
}

// ---- "Shared in": "Staff #4, Families #3" -------------------------------------------------------------

export interface IssueTag {
  audience: string;
  number: number;
}

const TAG = /^(.+?)\s*#\s*(\d+)$/;

export function parseSharedIn(cell: unknown): IssueTag[] {
  return splitList(cellString(cell))
    .map((part) => TAG.exec(part))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ audience: m[1].trim(), number: Number(m[2]) }));
}

export function formatTag(tag: IssueTag): string {
  return `${tag.audience} #${tag.number}`;
}

/** Adds the issue's tag (once); text that is not a tag is kept as a person wrote it. */
export function addTag(cell: string | undefined, tag: IssueTag): string {
  const parts = splitList(cellString(cell));
  const text = formatTag(tag);
  if (parts.some((p) => p.toLowerCase() === text.toLowerCase())) return parts.join(', ');
  return [...parts, text].join(', ');
}

export function removeTag(cell: string | undefined, tag: IssueTag): string {
  const text = formatTag(tag).toLowerCase();
  return splitList(cellString(cell))
    .filter((p) => p.replace(/\s*#\s*/, ' #').toLowerCase() !== text)
    .join(', ');
}

// ---- The win ---------------------------------------------------------------------------------------------

/**
 * A win, decoded. Yes/no cells are already read the safe way (the *Answer fields keep what was typed, for a
 * leader's eyes); consent levels are null when blank or unreadable — the rules then count them as Staff only.
 * Text is as typed (surrounding spaces trimmed); dates are ISO strings or ''.
 */
export interface Win {
  id: string;
  submittedAt: string;
  status: Status | null;
  /** What the Status cell holds, for showing it when it is not a status. */
  statusText: string;
  kind: Kind | null;
  kindText: string;
  headline: string;
  story: string;
  evidence: string;
  link: string;
  goals: string[];
  suggestedGoals: string[];
  source: string;
  /** The log's Consent (a leader may narrow it), null when blank or not a level. */
  consent: Consent | null;
  consentText: string;
  /** The submitter's own consent, the record nothing may widen past; null when blank or not a level. */
  consentGiven: Consent | null;
  consentGivenText: string;
  /** Unknown counts as yes: a win is taken to name students unless the cell clearly says No. */
  namesStudents: boolean;
  namesStudentsAnswer: Answer;
  /** Unknown counts as not cleared: only a clear yes clears privacy. */
  privacyCleared: boolean;
  privacyClearedAnswer: Answer;
  privacyClearedBy: string;
  privacyClearedAt: string;
  featured: boolean;
  blurb: string;
  name: string;
  email: string;
  role: string;
  sharedIn: IssueTag[];
  sharedInText: string;
  triagedBy: string;
  triagedAt: string;
  /** When a leader first saved a change ('' before that, or on a row from before the column existed). */
  firstTriagedAt: string;
  updatedAt: string;
  responseKey: string;
  consentRecordedBy: string;
  consentRecordedAt: string;
}

/** A win's cells by field: a Date or a display string for dates, anything a cell may hold elsewhere. */
export type WinCells = Partial<Record<WinField, unknown>>;

/** The one decoder: a win's cells by field (a missing field reads as a blank cell). */
export function winFromCells(cells: WinCells): Win {
  const text = (f: WinField) => cellString(cells[f]).trim();
  const namesStudentsAnswer = readAnswer(cells.namesStudents);
  const privacyClearedAnswer = readAnswer(cells.privacyCleared);
  return {
    id: text('id'),
    submittedAt: readDate(cells.submittedAt),
    status: readStatus(cells.status),
    statusText: text('status'),
    kind: readKind(cells.kind),
    kindText: text('kind'),
    headline: text('headline'),
    story: text('story'),
    evidence: text('evidence'),
    link: text('link'),
    goals: splitList(text('goals')),
    suggestedGoals: splitList(text('suggestedGoals')),
    source: text('source'),
    consent: readConsent(cells.consent),
    consentText: text('consent'),
    consentGiven: readConsent(cells.consentGiven),
    consentGivenText: text('consentGiven'),
    namesStudents: namesStudentsAnswer !== 'no',
    namesStudentsAnswer,
    privacyCleared: privacyClearedAnswer === 'yes',
    privacyClearedAnswer,
    privacyClearedBy: text('privacyClearedBy'),
    privacyClearedAt: readDate(cells.privacyClearedAt),
    featured: readAnswer(cells.featured) === 'yes',
    blurb: text('blurb'),
    name: text('name'),
    email: text('email'),
    role: text('role'),
    sharedIn: parseSharedIn(cells.sharedIn),
    sharedInText: text('sharedIn'),
    triagedBy: text('triagedBy'),
    triagedAt: readDate(cells.triagedAt),
    firstTriagedAt: readDate(cells.firstTriagedAt),
    updatedAt: readDate(cells.updatedAt),
    responseKey: text('responseKey'),
    consentRecordedBy: text('consentRecordedBy'),
    consentRecordedAt: readDate(cells.consentRecordedAt),
  };
}

/** A Wins row (cells in the sheet's column order) decoded; columns the sheet lacks read as blank cells. */
export function decodeWin(row: readonly unknown[], columns: Partial<Columns>): Win {
  const cells: WinCells = {};
  for (const f of WIN_FIELDS) {
    const c = columns[f];
    if (c !== undefined) cells[f] = row[c];
  }
  return winFromCells(cells);
}
