// The spreadsheet's clock for Reflect: today and the "as of" time in the spreadsheet's time zone (two calls), and when
// each month starts there, worked out with Utilities.formatDate once per month and time zone and then kept in
// document properties (a school year's 13 month starts cost 13 calls the first time, none after).
import {
  LocalDay,
  longMonthLabel,
  monthGrid,
  MonthGrid,
  monthKey,
  monthStartMs,
  parseLocalDay,
  parseOffset,
} from '../domain/school-year';

export interface SchoolClock {
  timeZone: string;
  nowMs: number;
  today: LocalDay;
  /** "Monday 23 November 2026, 09:00 (America/New_York)" */
  asOf: string;
  /** "23 November 2026" */
  date: string;
}

export function readSchoolClock(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SchoolClock {
  const timeZone = ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone();
  const now = new Date();
  // One call for both: the day to compute with, and the time a person reads.
  const [day, shown] = Utilities.formatDate(now, timeZone, "yyyy-MM-dd'|'EEEE d MMMM yyyy, HH:mm").split('|');
  const today = parseLocalDay(day);
  if (!today) throw new Error(`The date could not be read in the time zone ${timeZone}.`);
  return { timeZone, nowMs: now.getTime(), today, asOf: `${shown} (${timeZone})`, date: dayText(today) };
}

/** "23 November 2026" */
export function dayText(day: LocalDay): string {
  return `${day.day} ${longMonthLabel(monthKey(day.year, day.month))}`;
}

/** Month starts already worked out, for one time zone. */
export interface MonthStarts {
  timeZone: string;
  /** "2026-08" → the instant local midnight on 1 August 2026 began. */
  starts: Record<string, number>;
}

/** Keep this many months in the cache (three school years). */
const KEEP = 36;

/**
 * The grid of `months` (consecutive) in `timeZone`: starts from `cache` when it is for that zone, the others from
 * Utilities.formatDate's offset at the start of each month (one call each). `changed` says whether to store `cache`.
 */
export function monthGridIn(
  timeZone: string,
  months: readonly string[],
  cache: MonthStarts | undefined,
): { grid: MonthGrid; cache: MonthStarts; changed: boolean } {
  const known: MonthStarts = cache && cache.timeZone === timeZone ? cache : { timeZone, starts: {} };
  let changed = known !== cache;
  const startOf = (key: string): number => {
    const stored = known.starts[key];
    if (typeof stored === 'number' && Number.isFinite(stored)) return stored;
    const [y, m] = key.split('-').map(Number);
    // The offset at UTC midnight on the 1st is the one at local midnight, unless the clocks change within those
    // hours of that night (a few zones change at midnight): then that month's start is off by the change, an hour.
    const offset = parseOffset(Utilities.formatDate(new Date(Date.UTC(y, m - 1, 1)), timeZone, 'Z'));
    if (offset === null) throw new Error(`The time zone ${timeZone} could not be read.`);
    const start = monthStartMs(key, offset);
    known.starts[key] = start;
    changed = true;
    return start;
  };
  const grid = monthGrid(months, startOf);
  if (changed) {
    const keys = Object.keys(known.starts).sort();
    for (const k of keys.slice(0, Math.max(0, keys.length - KEEP))) delete known.starts[k];
  }
  return { grid, cache: known, changed };
}
