// Triage rules for one win: its fingerprint (for conflict detection), the view the sidebar shows, the
// warnings a leader should see, and what a leader's change writes (consent only narrowed, who and when recorded).
import type { TriageChange, WinView, WinWarning } from '../api';
import { isConsent, isKind, isStatus, WIN_FIELDS, WinField } from './schema';
import { encodeCell } from './log-columns';
import { cleanText, joinList, splitList, toCellText, cellString } from './text';
import { winFromCells } from './win';
import { consentChangeProblem, consentRank, effectiveConsent, needsConsentRecord, privacyWarning } from './win-rules';

export type WinFields = Partial<Record<WinField, string>>;

/** A public blurb longer than this is flagged by the counter; newsletters want a short paragraph. */
export const BLURB_LIMIT = 300;

// ---------------------------------------------------------------------------------------------------
// Fingerprint: four base-36 characters per field, in WIN_FIELDS order, so a mismatch also says which
// fields changed. Column order does not matter (fields are hashed, not cells), a hand edit does.

const CODE_WIDTH = 4;
const CODE_SPACE = 36 ** CODE_WIDTH;

function fieldCode(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return (h % CODE_SPACE).toString(36).padStart(CODE_WIDTH, '0');
}

export function fingerprint(fields: WinFields): string {
  return WIN_FIELDS.map((f) => fieldCode(fields[f] ?? '')).join('');
}

/** Fields whose values differ between two fingerprints (all fields when the fingerprints are not comparable). */
export function changedFields(a: string, b: string): WinField[] {
  if (a.length !== b.length || a.length !== WIN_FIELDS.length * CODE_WIDTH) return a === b ? [] : WIN_FIELDS.slice();
  return WIN_FIELDS.filter((_, i) => a.substr(i * CODE_WIDTH, CODE_WIDTH) !== b.substr(i * CODE_WIDTH, CODE_WIDTH));
}

// ---------------------------------------------------------------------------------------------------
// Warnings

const EMAIL_IN_TEXT = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/i;
const PHONE_CANDIDATE = /\+?\(?\d[\d\s().-]{5,}\d/g;
const DATE_SHAPED = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}\s*-\s*\d{2,4})$/;

export function containsEmail(text: string): boolean {
  return EMAIL_IN_TEXT.test(text);
}

/** Seven to fifteen digits written like a phone number (dates and year ranges are not phone numbers). */
export function containsPhone(text: string): boolean {
  for (const m of text.matchAll(PHONE_CANDIDATE)) {
    const candidate = m[0].trim();
    const digits = candidate.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) continue;
    if (DATE_SHAPED.test(candidate)) continue;
    return true;
  }
  return false;
}

export function winWarnings(fields: WinFields): WinWarning[] {
  const win = winFromCells(fields);
  const out: WinWarning[] = [];
  if (needsConsentRecord(win)) {
    out.push({
      code: 'consent-missing',
      message: win.consentGivenText
        ? `The submitter's consent reads "${win.consentGivenText}", which is not a consent level, so the win counts as Staff only until the submitter's consent is recorded.`
        : "The submitter's consent is not on record, so the win counts as Staff only until it is recorded.",
    });
  }
  const privacy = privacyWarning(win);
  if (privacy) out.push({ code: 'privacy', message: privacy });
  if (win.consentGiven && win.consent && consentRank(win.consent) > consentRank(win.consentGiven)) {
    out.push({
      code: 'consent-wider',
      message: `Consent in the sheet (${win.consent}) is wider than the submitter allowed (${win.consentGiven}); newsletters use ${win.consentGiven}.`,
    });
  }
  if (win.consentText && !win.consent) {
    out.push({
      code: 'consent-unreadable',
      message: `Consent in the sheet reads "${win.consentText}", which is not a consent level, so newsletters use Staff only.`,
    });
  }
  if (containsEmail(win.blurb))
    out.push({ code: 'blurb-email', message: 'The public blurb contains an email address.' });
  if (containsPhone(win.blurb))
    out.push({ code: 'blurb-phone', message: 'The public blurb contains what looks like a phone number.' });
  if (win.featured && win.status !== 'Approved') {
    out.push({
      code: 'featured-unapproved',
      message: 'It is marked featured but is not approved, so no newsletter carries it.',
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The view

/**
 * Longest text per field on a queue page, so a page stays small whatever people typed; the full win is one call away.
 */
export const PAGE_TEXT_CAPS: Partial<Record<WinField, number>> = {
  headline: 300,
  story: 1500,
  evidence: 800,
  blurb: 800,
  link: 500,
  sharedIn: 300,
  name: 200,
  email: 200,
  goals: 600,
  suggestedGoals: 600,
};

function capped(text: string, cap: number | undefined): { text: string; cut: boolean } {
  if (cap === undefined || text.length <= cap) return { text, cut: false };
  let end = cap;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: `${text.slice(0, end)}…`, cut: true };
}

export function toWinView(fields: WinFields, row: number, opts: { capText?: boolean } = {}): WinView {
  const win = winFromCells(fields);
  let truncated = false;
  const text = (f: WinField, value: string): string => {
    if (!opts.capText) return value;
    const c = capped(value, PAGE_TEXT_CAPS[f]);
    truncated = truncated || c.cut;
    return c.text;
  };
  return {
    id: win.id,
    row,
    version: fingerprint(fields),
    submittedAt: win.submittedAt,
    status: win.statusText,
    kind: win.kindText,
    headline: text('headline', win.headline),
    story: text('story', win.story),
    evidence: text('evidence', win.evidence),
    link: text('link', win.link),
    goals: splitList(text('goals', win.goals.join(', '))),
    suggestedGoals: splitList(text('suggestedGoals', win.suggestedGoals.join(', '))),
    source: win.source,
    consent: win.consentText,
    consentGiven: win.consentGiven ?? '',
    effectiveConsent: effectiveConsent(win),
    needsConsentRecord: needsConsentRecord(win),
    consentRecordedBy: win.consentRecordedBy,
    consentRecordedAt: win.consentRecordedAt,
    namesStudents: win.namesStudents,
    privacyCleared: win.privacyCleared,
    privacyClearedBy: win.privacyClearedBy,
    privacyClearedAt: win.privacyClearedAt,
    featured: win.featured,
    blurb: text('blurb', win.blurb),
    name: text('name', win.name),
    email: text('email', win.email),
    role: win.role,
    sharedIn: text('sharedIn', win.sharedInText),
    triagedBy: win.triagedBy,
    triagedAt: win.triagedAt,
    updatedAt: win.updatedAt,
    truncated,
    warnings: winWarnings(fields),
  };
}

// ---------------------------------------------------------------------------------------------------
// Applying a change

export interface SaveContext {
  /** Who is triaging (email); recorded as triaged by and privacy cleared by. */
  me: string;
  nowIso: string;
  /** Names of the active goals in the Goals sheet. */
  activeGoals: readonly string[];
}

export type SavePlan =
  { ok: true; updates: WinFields; previous: TriageChange; changed: boolean } | { ok: false; problems: string[] };

const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/** The leader-editable part of a win, in the change's own shape (for undo). */
export function changeOf(fields: WinFields): Required<TriageChange> {
  return {
    status: (fields.status ?? '') as Required<TriageChange>['status'],
    kind: (fields.kind ?? '') as Required<TriageChange>['kind'],
    goals: splitList(fields.goals ?? ''),
    consent: (fields.consent ?? '') as Required<TriageChange>['consent'],
    privacyCleared: winFromCells(fields).privacyCleared,
    featured: winFromCells(fields).featured,
    blurb: fields.blurb ?? '',
    recordConsent: winFromCells(fields).consentGiven,
  };
}

function sameGoals(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((g, i) => g === b[i]);
}

/**
 * Checks a leader's change against the rules and returns the cells to write and the previous values
 * (an undo is a save of those). Problems are sentences for the leader; nothing is written then.
 */
export function planSave(current: WinFields, change: TriageChange, ctx: SaveContext): SavePlan {
  const problems: string[] = [];
  const before = changeOf(current);
  const updates: WinFields = {};
  const previous: TriageChange = {};

  if (change.status !== undefined && !isStatus(change.status))
    problems.push(`"${cellString(change.status)}" is not a status Small Wins knows.`);
  if (change.kind !== undefined && !isKind(change.kind))
    problems.push(`"${cellString(change.kind)}" is not a kind Small Wins knows.`);

  let goals: string[] | undefined;
  if (change.goals !== undefined) {
    goals = [];
    const active = new Set(ctx.activeGoals);
    const had = new Set(before.goals);
    for (const raw of change.goals) {
      const name = cellString(raw).replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim();
      if (!name || goals.includes(name)) continue;
      if (!active.has(name) && !had.has(name)) {
        problems.push(`"${name}" is not an active goal in the Goals sheet.`);
        continue;
      }
      goals.push(name);
    }
  }

  // The submitter's consent is a record: written only where it is missing (and logged with who and when), or taken
  // back (an undo) only where a leader recorded it by hand. Nothing else ever writes Consent given.
  const win = winFromCells(current);
  let record = win.consentGiven;
  if (change.recordConsent !== undefined) {
    if (change.recordConsent === null) {
      if (!win.consentRecordedBy)
        problems.push("The submitter's consent came with the win: it is a record and cannot be taken back.");
      else record = null;
    } else if (!isConsent(change.recordConsent))
      problems.push(`"${cellString(change.recordConsent)}" is not a consent level Small Wins knows.`);
    else if (!needsConsentRecord(win))
      problems.push(`The submitter's consent is already on record (${win.consentGiven}): it is never recorded again.`);
    else record = change.recordConsent;
  }

  if (change.consent !== undefined) {
    if (!isConsent(change.consent))
      problems.push(`"${cellString(change.consent)}" is not a consent level Small Wins knows.`);
    else {
      const problem = consentChangeProblem({ consentGiven: record }, change.consent);
      if (problem) problems.push(problem);
    }
  }

  const status = change.status ?? before.status;
  const featured = change.featured ?? (status === 'Approved' ? before.featured : false);
  if (change.featured === true && status !== 'Approved')
    problems.push('Only an approved win can be featured: approve it first.');

  if (problems.length) return { ok: false, problems };

  const set = <K extends keyof TriageChange>(key: K, field: WinField, next: string, old: TriageChange[K]) => {
    if ((current[field] ?? '') === next) return;
    updates[field] = next;
    previous[key] = old;
  };

  if (change.status !== undefined && change.status !== before.status)
    set('status', 'status', change.status, before.status);
  if (change.kind !== undefined) set('kind', 'kind', change.kind, before.kind);
  if (goals !== undefined && !sameGoals(goals, before.goals)) {
    updates.goals = joinList(goals);
    previous.goals = before.goals;
  }
  if (change.consent !== undefined) set('consent', 'consent', change.consent, before.consent);
  if (featured !== before.featured) set('featured', 'featured', yesNo(featured), before.featured);
  if (change.blurb !== undefined) set('blurb', 'blurb', cleanText(change.blurb).text, before.blurb);
  if (change.privacyCleared !== undefined && change.privacyCleared !== before.privacyCleared) {
    updates.privacyCleared = yesNo(change.privacyCleared);
    updates.privacyClearedBy = change.privacyCleared ? ctx.me : '';
    updates.privacyClearedAt = change.privacyCleared ? ctx.nowIso : '';
    previous.privacyCleared = before.privacyCleared;
  }

  if (change.recordConsent !== undefined && record !== win.consentGiven) {
    updates.consentGiven = record ?? '';
    updates.consentRecordedBy = record ? ctx.me : '';
    updates.consentRecordedAt = record ? ctx.nowIso : '';
    previous.recordConsent = win.consentGiven;
  }

  const changed = Object.keys(updates).length > 0;
  if (changed) {
    updates.triagedBy = ctx.me;
    updates.triagedAt = ctx.nowIso;
    updates.updatedAt = ctx.nowIso;
    // The first save is a record: later saves (an undo included) never move it.
    if (!cellString(current.firstTriagedAt).trim()) updates.firstTriagedAt = ctx.nowIso;
  }
  return { ok: true, updates, previous, changed };
}

/** A sentence naming the fields that changed since the leader read the win. */
export function conflictMessage(fields: readonly WinField[], labels: Record<WinField, string>, by: string): string {
  const shown = fields.filter(
    (f) => f !== 'updatedAt' && f !== 'triagedAt' && f !== 'triagedBy' && f !== 'firstTriagedAt',
  );
  const names = (shown.length ? shown : fields).map((f) => labels[f]);
  const who = by ? ` (last saved by ${by})` : '';
  return `This win was changed since you opened it${who}: ${names.join(', ')}. Nothing was saved; here is the current version.`;
}

/**
 * The cells to write back for one row: the leader's updates encoded, every other cell as it was (formulas
 * kept as formulas, text kept as text so "007" stays "007"), so one write covers the row whatever its layout.
 */
export function rowForWrite(
  cells: readonly unknown[],
  formulas: readonly string[],
  updates: WinFields,
  columns: Partial<Record<WinField, number>>,
): unknown[] {
  const out = cells.map((v, i) => {
    if (formulas[i]) return formulas[i];
    return typeof v === 'string' ? toCellText(v) : v;
  });
  for (const f of Object.keys(updates) as WinField[]) {
    const c = columns[f];
    if (c !== undefined && c < out.length) out[c] = encodeCell(f, updates[f] ?? '');
  }
  return out;
}
