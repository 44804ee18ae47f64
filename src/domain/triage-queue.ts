// The triage queue: which wins a query shows and in what order (to-triage first, newest first), status
// counts, paging, and read plans that keep the cost of opening the queue flat as the log grows.
import type { QueueQuery, StatusCounts } from '../api';
import { STATUSES, WinField } from './schema';
import type { WinFields } from './triage';
import { readStatus, winFromCells } from './win';
import { consentAllows } from './win-rules';

export const PAGE_SIZE = 20;

/** One row of the queue index: the few columns needed to filter and order, never the whole row. */
export interface IndexEntry {
  row: number;
  fields: WinFields;
}

/** Columns the queue index needs for a query: status and date always, others only for active filters. */
export function indexFields(query: QueueQuery): WinField[] {
  const fields: WinField[] = ['status', 'submittedAt'];
  if (query.goal) fields.push('goals');
  if (query.kind) fields.push('kind');
  if (query.audience) fields.push('consent', 'consentGiven');
  if (query.search && query.search.trim()) fields.push('headline', 'story', 'evidence', 'name', 'blurb');
  return fields;
}

/** Lower rank shows first: New and Needs info lead, then Approved, then Archived and anything unknown. */
function statusRank(status: string): number {
  const s = readStatus(status);
  if (s === 'New' || s === 'Needs info') return 0;
  if (s === 'Approved') return 1;
  return 2;
}

/** Status as decoded (any case, spaces ignored): a status typed by hand is counted and filtered like a chosen one. */
export function matchesStatus(status: string, filter: QueueQuery['status']): boolean {
  if (filter === 'All') return true;
  const s = readStatus(status);
  if (filter === 'To triage') return s === 'New' || s === 'Needs info';
  return s === filter;
}

function searchTerms(search: string | undefined): string[] {
  return (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Whether a win (its index columns) matches the query. The audience filter asks only whether consent allows the
 * audience, so leaders still find the wins that wait for a privacy check (win-rules' privacyWarning flags those).
 */
export function matchesQuery(fields: WinFields, query: QueueQuery): boolean {
  if (!matchesStatus(fields.status ?? '', query.status)) return false;
  if (query.goal || query.kind || query.audience) {
    const win = winFromCells(fields);
    if (query.goal && !win.goals.some((g) => g.toLowerCase() === query.goal!.toLowerCase())) return false;
    if (query.kind && win.kind !== query.kind) return false;
    if (query.audience && !consentAllows(win, query.audience)) return false;
  }
  const terms = searchTerms(query.search);
  if (terms.length) {
    const hay = [fields.headline, fields.story, fields.evidence, fields.name, fields.blurb].join('\n').toLowerCase();
    if (!terms.every((t) => hay.includes(t))) return false;
  }
  return true;
}

/**
 * The rows whose other columns are worth reading, from the status column alone: the first and last row of a
 * win the status filter keeps (null when none). A search within "To triage" then reads the text of the newest
 * wins only, not of the whole log.
 */
export function candidateRows(
  statuses: ReadonlyArray<string>,
  firstRow: number,
  filter: QueueQuery['status'],
): Span | null {
  let first = -1;
  let last = -1;
  statuses.forEach((s, i) => {
    if (!matchesStatus(s, filter)) return;
    if (first < 0) first = i;
    last = i;
  });
  return first < 0 ? null : { first: firstRow + first, last: firstRow + last };
}

function time(iso: string | undefined): number {
  const t = Date.parse(iso ?? '');
  return isNaN(t) ? 0 : t;
}

export interface QueuePlan {
  /** Sheet rows of the requested page, in display order. */
  rows: number[];
  total: number;
  page: number;
  counts: StatusCounts;
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Filters, orders and pages the index. Counts are per status over the whole log. */
export function planQueue(index: readonly IndexEntry[], query: QueueQuery, pageSize = PAGE_SIZE): QueuePlan {
  const counts = emptyCounts();
  const hits: IndexEntry[] = [];
  for (const e of index) {
    // A row emptied by hand is not a win.
    if (!e.fields.status && !e.fields.submittedAt) continue;
    const s = readStatus(e.fields.status);
    if (s) counts[s]++;
    if (matchesQuery(e.fields, query)) hits.push(e);
  }
  hits.sort((a, b) => {
    const r = statusRank(a.fields.status ?? '') - statusRank(b.fields.status ?? '');
    if (r) return r;
    const t = time(b.fields.submittedAt) - time(a.fields.submittedAt);
    return t || b.row - a.row;
  });
  const pages = Math.max(1, Math.ceil(hits.length / pageSize));
  const page = Math.min(Math.max(0, Math.floor(query.page) || 0), pages - 1);
  return {
    rows: hits.slice(page * pageSize, (page + 1) * pageSize).map((e) => e.row),
    total: hits.length,
    page,
    counts,
  };
}

// ---------------------------------------------------------------------------------------------------
// Read plans under ARCHITECTURE.md's cost model: a read call costs about 100 ms (plus a 2 ms range getter),
// each cell 5 µs. Reading a few cells too many is cheaper than one more call.

export const READ_CALL_MS = 102;
export const CELL_MS = 0.005;

export interface Span {
  first: number;
  last: number;
}

/**
 * Groups 0-based columns into spans to read: neighbours are read in one block when the cells in between
 * cost less than another call.
 */
export function planColumnReads(columns: readonly number[], rows: number): Span[] {
  return groupCheapest(columns, rows);
}

/** Groups 1-based sheet rows (a page) into blocks to read, the same way, for rows `width` cells wide. */
export function planRowReads(rows: readonly number[], width: number): Span[] {
  return groupCheapest(rows, width);
}

function groupCheapest(positions: readonly number[], crossSize: number): Span[] {
  const sorted = Array.from(new Set(positions)).sort((a, b) => a - b);
  const spans: Span[] = [];
  for (const p of sorted) {
    const last = spans[spans.length - 1];
    if (last && (p - last.last - 1) * crossSize * CELL_MS < READ_CALL_MS) last.last = p;
    else spans.push({ first: p, last: p });
  }
  return spans;
}
