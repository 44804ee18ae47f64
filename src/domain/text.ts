// Text safety: what a person typed is stored and read back exactly as typed (surrounding spaces trimmed),
// never as a formula, number, date or boolean, and never over a cell's hard limit.

/** Google Sheets refuses a cell of more than 50,000 characters. */
export const CELL_LIMIT = 50000;
const TRUNCATION_MARK = ' […trimmed: the cell limit is 50,000 characters]';

export interface CleanText {
  text: string;
  trimmed: boolean;
}

/** The first `n` UTF-16 units of `text`, one fewer when that would split an emoji (a surrogate pair) in half. */
function cutAt(text: string, n: number): string {
  const code = text.charCodeAt(n - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/**
 * Trims surrounding whitespace and cuts text that would not fit in `limit` characters (one cell by default), saying
 * so in the text.
 */
export function cleanText(raw: unknown, limit = CELL_LIMIT): CleanText {
  const text = cellString(raw).trim();
  if (text.length <= limit) return { text, trimmed: false };
  return { text: cutAt(text, limit - TRUNCATION_MARK.length) + TRUNCATION_MARK, trimmed: true };
}

// What Sheets would turn into something other than the text typed: formulas and signs, numbers in any
// spelling (007, 1,000, 1e3, 50%, $5), dates and times (3/4, 2026-11-23, 10:30), booleans.
const FORMULA_LIKE = /^[=+\-@']/;
const NUMBER_LIKE = /^[($€£¥]?\s*[+-]?[\d.,\s]*\d[\d.,\s]*(e[+-]?\d+)?\s*%?\)?$/i;
const DATE_LIKE = /^\d{1,4}\s*[/.-]\s*\d{1,2}(\s*[/.-]\s*\d{1,4})?(\s+\d{1,2}:\d{2}.*)?$/;
const TIME_LIKE = /^\d{1,2}:\d{2}(:\d{2})?\s*(am|pm)?$/i;
const BOOLEAN_LIKE = /^(true|false)$/i;
const MONTH_DAY = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(,?\s*\d{2,4})?$/i;
/** Day first, as in "23 November 2026" or "5 Mar" (the newsletter's own period labels look like this). */
const DAY_MONTH = /^\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(,?\s*\d{2,4})?$/i;

/** True when Sheets would parse this string into a formula, number, date or boolean if written as is. */
export function wouldSheetsParse(text: string): boolean {
  return (
    FORMULA_LIKE.test(text) ||
    NUMBER_LIKE.test(text) ||
    DATE_LIKE.test(text) ||
    TIME_LIKE.test(text) ||
    BOOLEAN_LIKE.test(text) ||
    MONTH_DAY.test(text) ||
    DAY_MONTH.test(text)
  );
}

/**
 * The value to write so the cell holds exactly `text`: a leading apostrophe makes Sheets keep it as text
 * (and is not part of the value read back). Text already at the cell limit that needs the apostrophe loses its last
 * character, so the write is never refused for one character over.
 */
export function toCellText(text: string): string {
  if (!wouldSheetsParse(text)) return text;
  return `'${text.length < CELL_LIMIT ? text : cutAt(text, CELL_LIMIT - 1)}`;
}

/** A 53-bit hash (cyrb53) as base-36 text: the same text gives the same hash in every run. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * The value to write for a time Small Wins keeps (an ISO string): a Date, so the sheet shows it in the spreadsheet's
 * time zone and sorts it; anything that is not a time stays text.
 */
export function toCellDate(iso: string): unknown {
  if (iso) {
    const d = new Date(iso);
    if (!isNaN(d.getTime())) return d;
  }
  return toCellText(iso);
}

/** A cell's value as `String()` would give it, with null and undefined as '' (no "[object Object]"). */
export function cellString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toString();
  return JSON.stringify(value) ?? '';
}

/** Reads a cell back as the text a person sees: numbers and dates that slipped through become strings. */
export function fromCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Dates may come from another realm (the sheet service), so test the tag rather than instanceof.
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString();
  return cellString(value);
}

/** Splits a list cell ("Reading, Math") into trimmed names. Commas inside a name are not supported. */
export function splitList(cell: string): string[] {
  return cell
    .split(/\s*[,;\n]\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function joinList(items: readonly string[]): string {
  return items.join(', ');
}
