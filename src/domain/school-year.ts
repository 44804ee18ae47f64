// School years (1 August to 31 July) and their months in the spreadsheet's time zone: which year a day belongs to,
// which year a synthesis looks back on, and in which month an instant falls, from the month starts the adapter
// works out once per time zone (Utilities.formatDate gives a zone's offset; no Intl is relied on).

import { MONTHS } from './cadence';

/** A day as the spreadsheet's clock shows it. */
export interface LocalDay {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** A school year, named by the calendar year it starts in: 2026 is 1 August 2026 – 31 July 2027. */
export interface SchoolYear {
  startYear: number;
  /** "2026–27" */
  label: string;
  /** "1 August 2026 – 31 July 2027" */
  span: string;
  /** The 12 months, "2026-08" … "2027-07". */
  months: string[];
}

export const FIRST_MONTH = 8;

export function schoolYear(startYear: number): SchoolYear {
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    const m = ((FIRST_MONTH - 1 + i) % 12) + 1;
    const y = startYear + (FIRST_MONTH - 1 + i >= 12 ? 1 : 0);
    months.push(monthKey(y, m));
  }
  return {
    startYear,
    label: `${startYear}–${String((startYear + 1) % 100).padStart(2, '0')}`,
    span: `1 August ${startYear} – 31 July ${startYear + 1}`,
    months,
  };
}

/** The school year a day belongs to. */
export function schoolYearOf(day: LocalDay): SchoolYear {
  return schoolYear(day.month >= FIRST_MONTH ? day.year : day.year - 1);
}

/**
 * The year a year-end synthesis looks back on by default: the school year containing today, except from 1 August
 * to 30 September, when staff are still reflecting on the year just ended.
 */
export function synthesisYearOf(day: LocalDay): SchoolYear {
  const current = schoolYearOf(day);
  return day.month === 8 || day.month === 9 ? schoolYear(current.startYear - 1) : current;
}

export function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** "Aug 2026" */
export function monthLabel(key: string): string {
  const [y, m] = key.split('-').map(Number);
  return `${MONTHS[m - 1].slice(0, 3)} ${y}`;
}

/** "August 2026" */
export function longMonthLabel(key: string): string {
  const [y, m] = key.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/** The month after `key`. */
export function nextMonth(key: string): string {
  const [y, m] = key.split('-').map(Number);
  return m === 12 ? monthKey(y + 1, 1) : monthKey(y, m + 1);
}

/** "2026-11-23 09:05" (what Utilities.formatDate gives with "yyyy-MM-dd HH:mm") as a day; null when unreadable. */
export function parseLocalDay(text: string): LocalDay | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month, day };
}

/**
 * "+0100", "-0500", "+0530" (Utilities.formatDate's "Z") as minutes east of UTC; null when unreadable.
 */
export function parseOffset(text: string): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** The instant local midnight starts month `key`, given the zone's offset (minutes east of UTC) at that moment. */
export function monthStartMs(key: string, offsetMinutes: number): number {
  const [y, m] = key.split('-').map(Number);
  return Date.UTC(y, m - 1, 1) - offsetMinutes * 60_000;
}

/**
 * Consecutive months and the instant each starts, in one time zone: `starts[i]` begins `months[i]`, and
 * `starts[months.length]` ends the last one.
 */
export interface MonthGrid {
  months: string[];
  starts: number[];
}

/** The months `months` (consecutive) with their starts, from the start instants by month key (one past the end). */
export function monthGrid(months: readonly string[], startOf: (key: string) => number): MonthGrid {
  const keys = [...months, nextMonth(months[months.length - 1])];
  return { months: [...months], starts: keys.map(startOf) };
}

/** The month index an instant falls in, or -1 outside the grid. */
export function monthIndex(grid: MonthGrid, ms: number): number {
  const { starts } = grid;
  if (!(ms >= starts[0] && ms < starts[starts.length - 1])) return -1;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whole days from `fromMs` to `toMs` (0 when `toMs` is earlier). */
export function daysBetween(fromMs: number, toMs: number): number {
  return Math.max(0, Math.floor((toMs - fromMs) / 86_400_000));
}
