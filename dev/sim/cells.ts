// How Sheets turns a written value into a stored cell ("typed input", en_US), and how a stored
// cell is displayed (getDisplayValues, form-submit event values). Pure functions, no services.
import { zonedParts, zonedToMs } from './clock';
import type { Cell, CellValue } from './types';

export const MAX_CELL_CHARS = 50000;
export const CELL_TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

export interface ParseContext {
  timeZone: string;
  nowMs: number;
}

/** Result of parsing one written value: stored value, optional formula, optional format the input implies. */
export interface Parsed {
  v: CellValue;
  f?: string;
  impliedFmt?: string;
}

const NUM = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?(?:[eE]([+-]?\d+))?(%)?$/;

export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Parses a value written by setValue/setValues/appendRow (or a form answer) into what the cell stores. */
export function parseInput(value: unknown, fmt: string | undefined, ctx: ParseContext): Parsed {
  if (value === null || value === undefined) return { v: '' };
  if (typeof value === 'number')
    return { v: Number.isFinite(value) ? value : String(value) === 'NaN' ? '#NUM!' : '#NUM!' };
  if (typeof value === 'boolean') return { v: value };
  if (isDateValue(value)) {
    const t = value.getTime();
    return Number.isNaN(t) ? { v: '' } : { v: new Date(t), impliedFmt: impliedDateFmt(t, ctx.timeZone) };
  }
  if (typeof value !== 'string') return parseInput(String(value), fmt, ctx);
  const s = value;
  if (s.length > MAX_CELL_CHARS) throw new Error(CELL_TOO_LONG);
  if (fmt === '@') return { v: s };
  if (s.startsWith("'")) return { v: s.slice(1) };
  if (s.length > 1 && s.startsWith('=')) return { v: evaluateFormula(s), f: s };
  const t = s.trim();
  if (t === '') return { v: s };
  const upper = t.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { v: upper === 'TRUE' };
  const n = parseNumber(t);
  if (n) return n;
  const d = parseDateTime(t, ctx);
  if (d) return d;
  return { v: s };
}

function parseNumber(t: string): Parsed | null {
  const m = NUM.exec(t);
  if (!m || (m[3] === undefined && m[4] === undefined)) return null;
  const [, sign, dollar, intPart, frac, exp, pct] = m;
  if (dollar && exp) return null;
  let n = Number(`${(intPart ?? '0').replace(/,/g, '')}${frac ?? ''}${exp !== undefined ? 'e' + exp : ''}`);
  if (sign === '-') n = -n;
  if (pct) n = n / 100;
  if (!Number.isFinite(n)) return null;
  const impliedFmt = pct
    ? frac
      ? '0.00%'
      : '0%'
    : dollar
      ? '"$"#,##0.00'
      : intPart?.includes(',')
        ? '#,##0'
        : undefined;
  return impliedFmt ? { v: n, impliedFmt } : { v: n };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function parseDateTime(t: string, ctx: ParseContext): Parsed | null {
  let m: RegExpExecArray | null;
  let y: number | undefined;
  let mo: number | undefined;
  let d: number | undefined;
  let rest = '';
  const nowYear = zonedParts(ctx.nowMs, ctx.timeZone).year;
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(.*)$/.exec(t))) {
    y = +m[1];
    mo = +m[2];
    d = +m[3];
    rest = m[4];
  } else if ((m = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(.*)$/.exec(t))) {
    mo = +m[1];
    d = +m[2];
    y = m[3] === undefined ? nowYear : m[3].length === 2 ? (+m[3] < 30 ? 2000 + +m[3] : 1900 + +m[3]) : +m[3];
    rest = m[4];
  } else if ((m = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:,? (\d{4}))?(.*)$/.exec(t))) {
    const idx = MONTHS.indexOf(m[1].slice(0, 3).toLowerCase());
    if (idx < 0) return null;
    mo = idx + 1;
    d = +m[2];
    y = m[3] ? +m[3] : nowYear;
    rest = m[4];
  }
  if (y !== undefined && mo !== undefined && d !== undefined) {
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    let hh = 0;
    let mi = 0;
    let ss = 0;
    let hasTime = false;
    const r = rest.trim();
    if (r) {
      const tm = parseTime(r);
      if (!tm) return null;
      [hh, mi, ss] = tm;
      hasTime = true;
    } else if (rest !== '') return null;
    const ms = zonedToMs(y, mo, d, hh, mi, ss, 0, ctx.timeZone);
    return { v: new Date(ms), impliedFmt: hasTime ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy' };
  }
  const tm = parseTime(t);
  if (tm && /:/.test(t)) {
    // A bare time is a time of day on Sheets' epoch day, 1899-12-30.
    const ms = zonedToMs(1899, 12, 30, tm[0], tm[1], tm[2], 0, ctx.timeZone);
    return { v: new Date(ms), impliedFmt: 'h:mm:ss am/pm' };
  }
  return null;
}

function parseTime(s: string): [number, number, number] | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(s.trim());
  if (!m) return null;
  let h = +m[1];
  const mi = +m[2];
  const ss = m[3] ? +m[3] : 0;
  if (m[4]) {
    if (h < 1 || h > 12) return null;
    const pm = m[4].toLowerCase().startsWith('p');
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || mi > 59 || ss > 59) return null;
  return [h, mi, ss];
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function impliedDateFmt(ms: number, tz: string): string {
  const p = zonedParts(ms, tz);
  return p.hour || p.minute || p.second ? 'M/d/yyyy H:mm:ss' : 'M/d/yyyy';
}

/**
 * Formula results: the simulator computes plain arithmetic ("=1+1" -> 2, "=-2*3" -> -6) and returns
 * "#NAME?" for anything else (functions, references). Formula text is kept for getFormulas().
 */
export function evaluateFormula(f: string): CellValue {
  const body = f.slice(1).trim();
  if (/^[\d\s+\-*/().]+$/.test(body) && /\d/.test(body)) {
    try {
      const r = Function(`"use strict"; return (${body});`)() as unknown;
      if (typeof r === 'number') return Number.isFinite(r) ? r : '#DIV/0!';
    } catch {
      return '#ERROR!';
    }
  }
  if (/^"[^"]*"$/.test(body)) return body.slice(1, -1);
  return '#NAME?';
}

/** The string Sheets shows for a cell (getDisplayValue). */
export function displayValue(cell: Cell | undefined, tz: string): string {
  if (!cell) return '';
  const v = cell.v;
  const fmt = cell.fmt;
  if (v === '' || v === undefined || v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (isDateValue(v))
    return formatSheetsDate(v.getTime(), fmt && /[dmyhs]/i.test(fmt) ? fmt : impliedDateFmt(v.getTime(), tz), tz);
  // number
  if (fmt === '@') return String(v);
  if (fmt && /[dy]/i.test(fmt) && !/[#0]/.test(fmt)) return formatSheetsDate(serialToMs(v, tz), fmt, tz);
  return formatNumber(v, fmt);
}

export function formatNumber(n: number, fmt?: string): string {
  if (!fmt || fmt === 'General' || fmt === '@') return generalNumber(n);
  const pct = fmt.includes('%');
  const x = pct ? n * 100 : n;
  const dec = /\.(0+)/.exec(fmt)?.[1].length ?? 0;
  const grouping = fmt.includes('#,##') || fmt.includes('0,0');
  let s = Math.abs(x).toFixed(dec);
  if (grouping) {
    const [i, f] = s.split('.');
    s = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f ? '.' + f : '');
  }
  const prefix = fmt.includes('$') ? '$' : '';
  return `${x < 0 ? '-' : ''}${prefix}${s}${pct ? '%' : ''}`;
}

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(parseFloat(n.toPrecision(10)));
  return s.replace('e+', 'E+').replace('e-', 'E-');
}

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
function serialToMs(serial: number, tz: string): number {
  const days = Math.floor(serial);
  const frac = serial - days;
  const base = new Date(SERIAL_EPOCH_UTC + days * 86400000);
  const secs = Math.round(frac * 86400);
  return zonedToMs(
    base.getUTCFullYear(),
    base.getUTCMonth() + 1,
    base.getUTCDate(),
    Math.floor(secs / 3600),
    Math.floor(secs / 60) % 60,
    secs % 60,
    0,
    tz,
  );
}

/** English month names, for display formats and Utilities.formatDate. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Sheets number-format date patterns: yyyy yy mmmm mmm mm m dddd ddd dd d hh h mm ss am/pm. */
export function formatSheetsDate(ms: number, fmt: string, tz: string): string {
  const p = zonedParts(ms, tz);
  const ampm = /am\/pm|a\/p/i.test(fmt);
  const tokens = fmt.match(/am\/pm|a\/p|"[^"]*"|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|./gi) ?? [];
  let out = '';
  let lastWasHour = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const low = tok.toLowerCase();
    const nextIsSec =
      tokens
        .slice(i + 1)
        .find((x) => /^[a-z]/i.test(x))
        ?.toLowerCase()
        .startsWith('s') ?? false;
    const hour12 = ((p.hour + 11) % 12) + 1;
    switch (low) {
      case 'yyyy':
        out += String(p.year).padStart(4, '0');
        break;
      case 'yy':
        out += String(p.year % 100).padStart(2, '0');
        break;
      case 'mmmm':
        out += MONTH_NAMES[p.month - 1];
        break;
      case 'mmm':
        out += MONTH_NAMES[p.month - 1].slice(0, 3);
        break;
      case 'mm':
      case 'm': {
        const minute = lastWasHour || nextIsSec;
        const n = minute ? p.minute : p.month;
        out += low === 'mm' ? String(n).padStart(2, '0') : String(n);
        break;
      }
      case 'dddd':
        out += DAY_NAMES[p.weekday - 1];
        break;
      case 'ddd':
        out += DAY_NAMES[p.weekday - 1].slice(0, 3);
        break;
      case 'dd':
        out += String(p.day).padStart(2, '0');
        break;
      case 'd':
        out += String(p.day);
        break;
      case 'hh':
        out += String(ampm ? hour12 : p.hour).padStart(2, '0');
        break;
      case 'h':
        out += String(ampm ? hour12 : p.hour);
        break;
      case 'ss':
        out += String(p.second).padStart(2, '0');
        break;
      case 's':
        out += String(p.second);
        break;
      case 'am/pm':
        out += p.hour < 12 ? (tok === 'AM/PM' ? 'AM' : 'am') : tok === 'AM/PM' ? 'PM' : 'pm';
        break;
      case 'a/p':
        out += p.hour < 12 ? 'a' : 'p';
        break;
      default:
        out += tok.startsWith('"') ? tok.slice(1, -1) : tok;
    }
    if (/^[a-z]/i.test(tok)) lastWasHour = low === 'h' || low === 'hh';
  }
  return out;
}

/** Ordering used by sort(): numbers and dates, then text (case-insensitive), then booleans; blanks last. */
export function compareCells(a: Cell | undefined, b: Cell | undefined): number {
  const rank = (c: Cell | undefined) => {
    const v = c?.v;
    if (v === undefined || v === '') return 3;
    if (typeof v === 'number' || isDateValue(v)) return 0;
    if (typeof v === 'string') return 1;
    return 2;
  };
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  const va = a?.v;
  const vb = b?.v;
  if (ra === 0) return toNum(va) - toNum(vb);
  if (ra === 1) return String(va).localeCompare(String(vb), 'en', { sensitivity: 'base' });
  if (ra === 2) return Number(va) - Number(vb);
  return 0;
}

function toNum(v: unknown): number {
  return isDateValue(v) ? v.getTime() / 86400000 : Number(v);
}
