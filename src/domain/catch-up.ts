// Which form responses have reached the log, known by the response itself rather than its text: its Timestamp in
// the response sheet (plus a fingerprint of its answers, to tell apart responses of the same moment), a watermark
// below which every response has been handled, and the records of the newest ones that intake and the catch-up made.
import { cellString } from './text';

/** One response as the catch-up knows it: when it was submitted (ms, its Timestamp cell) and its answers' print. */
export interface ResponseId {
  ts: number | null;
  fp: string;
}

/** A response younger than this may not be in the response sheet yet when the catch-up reads it. */
export const SETTLE_MS = 5 * 60_000;
/** Records older than the watermark by this much are forgotten: no trigger delivers a response a day late. */
export const RECORD_KEEP_MS = 24 * 3_600_000;
/** About 20 characters each: 360 records stay well under Apps Script's 9 KB per property value. */
export const RECORD_LIMIT = 360;

const EMAIL_HEADERS = ['email address'];

function fnv32(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36).padStart(7, '0');
}

function valuesOf(v: unknown): string[] {
  return (Array.isArray(v) ? (v as unknown[]) : [v]).map((x) => cellString(x).trim());
}

/**
 * A print of the answers to the Form's own questions (and the collected email), empty answers left out: columns a
 * person adds to the response sheet, and the Timestamp, do not change it. `questionTitles` are the Form's titles as
 * Set up learned them.
 */
export function responseFingerprint(namedValues: Record<string, unknown>, questionTitles: ReadonlySet<string>): string {
  const parts = Object.keys(namedValues)
    .filter((k) => questionTitles.has(k.trim()) || EMAIL_HEADERS.includes(k.trim().toLowerCase()))
    .sort()
    .map((k) => [k.trim(), valuesOf(namedValues[k]).filter(Boolean).join('\u0002')] as const)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}\u0001${v}`);
  return fnv32(parts.join('\u0003'));
}

/** The text kept in the log's Response key column and in the intake records, e.g. "mhz3k2a8~0x9f0qa". */
export function recordKey(id: ResponseId): string {
  return `${id.ts === null || !Number.isFinite(id.ts) ? '' : Math.round(id.ts).toString(36)}~${id.fp}`;
}

/** Reads a record key back; null for anything else (an older content key such as "R-…", a blank cell). */
export function parseRecordKey(key: unknown): ResponseId | null {
  const m = /^([0-9a-z]*)~([0-9a-z]+)$/.exec(cellString(key).trim());
  if (!m) return null;
  const ts = m[1] ? parseInt(m[1], 36) : null;
  return { ts: ts !== null && Number.isFinite(ts) ? ts : null, fp: m[2] };
}

/** The Timestamp cell as milliseconds, or null when it holds no date (a blank or hand-typed row). */
export function stampOf(cell: unknown): number | null {
  if (Object.prototype.toString.call(cell) !== '[object Date]') return null;
  const t = (cell as Date).getTime();
  return Number.isFinite(t) ? t : null;
}

function parsed(keys: Iterable<string>): ResponseId[] {
  const out: ResponseId[] = [];
  for (const k of new Set(keys)) {
    const id = parseRecordKey(k);
    if (id) out.push(id);
  }
  return out;
}

/** Whether intake has already handled this response (a second delivery, or a second leader's trigger). */
export function alreadyRecorded(id: ResponseId, records: readonly string[]): boolean {
  return parsed(records).some((r) => r.fp === id.fp && (r.ts === null || id.ts === null || r.ts === id.ts));
}

/**
 * Step one, from the Timestamp column alone (index i is sheet row i + 2): the responses newer than the watermark
 * that no record of the same moment accounts for. Usually none, so a tick reads nothing more.
 */
export function rowsToCheck(
  stamps: ReadonlyArray<number | null>,
  watermark: number | null,
  records: readonly string[],
): number[] {
  const recorded = new Map<number, number>();
  for (const r of parsed(records)) if (r.ts !== null) recorded.set(r.ts, (recorded.get(r.ts) ?? 0) + 1);
  const groups = new Map<number, number[]>();
  stamps.forEach((ts, i) => {
    if (ts === null || (watermark !== null && ts <= watermark)) return;
    groups.set(ts, [...(groups.get(ts) ?? []), i]);
  });
  const out: number[] = [];
  for (const [ts, rows] of groups) if ((recorded.get(ts) ?? 0) < rows.length) out.push(...rows);
  return out.sort((a, b) => a - b);
}

export interface LookedAt {
  index: number;
  id: ResponseId;
  /** The content key older versions kept in the log and in their records, computed from the row as it is now. */
  legacyKey?: string;
}

/**
 * Step two, for the rows step one flagged (read whole): which are responses no one has handled. `known` are the
 * intake records and the log's Response keys; a response of the same moment whose answers were edited since (a typo
 * fixed) still counts as handled. Returns the indexes to import, in sheet order.
 */
export function responsesToImport(
  looked: readonly LookedAt[],
  known: Iterable<string>,
  legacyKeys: ReadonlySet<string> = new Set(),
): number[] {
  const pool = parsed(known);
  const take = (match: (r: ResponseId) => boolean): boolean => {
    const i = pool.findIndex(match);
    if (i < 0) return false;
    pool.splice(i, 1);
    return true;
  };
  const open: LookedAt[] = [];
  const seen = new Set<string>();
  for (const row of looked) {
    // A row copied by hand in the response sheet is the same response: its moment and answers match an earlier row.
    const same = row.id.ts === null ? '' : recordKey(row.id);
    if (same && seen.has(same)) continue;
    if (same) seen.add(same);
    if (row.legacyKey && legacyKeys.has(row.legacyKey)) continue;
    if (take((r) => r.ts === row.id.ts && r.fp === row.id.fp)) continue;
    if (take((r) => r.ts === null && r.fp === row.id.fp)) continue;
    open.push(row);
  }
  // Same moment, different answers: the response was edited after it was handled.
  const fresh = open.filter((row) => !(row.id.ts !== null && take((r) => r.ts === row.id.ts)));
  return fresh.map((r) => r.index).sort((a, b) => a - b);
}

/** Where the watermark goes after a complete pass: every response older than a few minutes has been handled. */
export function nextWatermark(previous: number | null, nowMs: number): number {
  return Math.max(previous ?? Number.NEGATIVE_INFINITY, nowMs - SETTLE_MS);
}

/** The records to keep: `added` after `records`, once each, those long below the watermark forgotten, newest kept. */
export function keepRecords(records: readonly string[], added: readonly string[], watermark: number | null): string[] {
  const floor = watermark === null ? Number.NEGATIVE_INFINITY : watermark - RECORD_KEEP_MS;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const k of [...records, ...added]) {
    const id = parseRecordKey(k);
    if (!id || seen.has(k) || (id.ts !== null && id.ts <= floor)) continue;
    seen.add(k);
    out.push(k);
  }
  return out.length > RECORD_LIMIT ? out.slice(out.length - RECORD_LIMIT) : out;
}

/**
 * The first watermark of a log kept by an older version (which matched responses by their text): the newest
 * "Submitted at" in the log. Responses up to it are taken as handled, so an edited or deleted one is not imported
 * again; newer ones are checked one by one.
 */
export function firstWatermark(submittedAt: readonly unknown[]): number | null {
  let best: number | null = null;
  for (const cell of submittedAt) {
    const t = stampOf(cell) ?? (typeof cell === 'string' && cell.trim() ? Date.parse(cell) : NaN);
    if (t !== null && Number.isFinite(t) && (best === null || t > best)) best = t;
  }
  return best;
}
