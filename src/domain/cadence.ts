// The newsletter schedule: which period "now" falls in, whether its issue is due, and the period's key and
// label. Works on wall-clock parts in the spreadsheet's time zone (the adapter reads them with Utilities).
import type { Cadence } from './settings';
import { cellString } from './text';

/** A moment as the spreadsheet's clock shows it. */
export interface LocalTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface Period {
  /** Stable key of the period, e.g. "2026-W48" (weekly, every two weeks) or "2026-11" (monthly). */
  key: string;
  /** What readers see, e.g. "Week of 23 November 2026". */
  label: string;
  /** The scheduled moment of this period, as wall-clock minutes (see wallMinutes). */
  dueAt: number;
}

export const MONTHS = [
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

/** Wall-clock minutes since 1970-01-01 00:00 (no time zone: only for comparing local moments). */
export function wallMinutes(t: LocalTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute) / 60000;
}

function dayNumber(t: { year: number; month: number; day: number }): number {
  return Math.floor(Date.UTC(t.year, t.month - 1, t.day) / 86400000);
}

function fromDayNumber(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * 86400000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(t: { year: number; month: number; day: number }): number {
  return ((((dayNumber(t) + 3) % 7) + 7) % 7) + 1;
}

/** ISO week key of a date, e.g. "2026-W48". */
export function isoWeekKey(t: { year: number; month: number; day: number }): string {
  const n = dayNumber(t);
  const thursday = n - isoWeekday(t) + 4;
  const th = fromDayNumber(thursday);
  const jan1 = dayNumber({ year: th.year, month: 1, day: 1 });
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${th.year}-W${String(week).padStart(2, '0')}`;
}

export function formatDay(t: { year: number; month: number; day: number }): string {
  return `${t.day} ${MONTHS[t.month - 1]} ${t.year}`;
}

/** The period `now` falls in under the cadence, or null when the schedule is off. */
export function currentPeriod(cadence: Cadence, now: LocalTime): Period | null {
  const today = dayNumber(now);
  const monday = today - (isoWeekday(now) - 1);
  switch (cadence.kind) {
    case 'weekly': {
      const start = fromDayNumber(monday);
      return {
        key: isoWeekKey(start),
        label: `Week of ${formatDay(start)}`,
        dueAt: (monday + cadence.weekday - 1) * 1440 + cadence.hour * 60,
      };
    }
    case 'biweekly': {
      // Fortnights counted from Monday 5 January 1970 (day 4), so they never reset at a year boundary.
      const weekIndex = Math.floor((monday - 4) / 7);
      const first = monday - (((weekIndex % 2) + 2) % 2) * 7;
      const start = fromDayNumber(first);
      const end = fromDayNumber(first + 13);
      const label =
        start.year === end.year
          ? `${start.day} ${MONTHS[start.month - 1]} – ${formatDay(end)}`
          : `${formatDay(start)} – ${formatDay(end)}`;
      return { key: isoWeekKey(start), label, dueAt: (first + cadence.weekday - 1) * 1440 + cadence.hour * 60 };
    }
    case 'monthly': {
      const first = dayNumber({ year: now.year, month: now.month, day: 1 });
      return {
        key: `${now.year}-${String(now.month).padStart(2, '0')}`,
        label: `${MONTHS[now.month - 1]} ${now.year}`,
        dueAt: (first + cadence.monthDay - 1) * 1440 + cadence.hour * 60,
      };
    }
    default:
      return null;
  }
}

/**
 * The period whose issue is due now, or null. Due once its scheduled moment has passed, and only for moments
 * after the schedule was set (`since`), so saving settings late in a week does not draft at once.
 */
export function duePeriod(cadence: Cadence, now: LocalTime, since: LocalTime | null): Period | null {
  const p = currentPeriod(cadence, now);
  if (!p) return null;
  if (wallMinutes(now) < p.dueAt) return null;
  if (since && p.dueAt < wallMinutes(since)) return null;
  return p;
}

/** Period of an issue drafted on demand: keyed to the minute (a double click finds it), labelled by day. */
export function onDemandPeriod(now: LocalTime): Period {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    key: `${now.year}-${pad(now.month)}-${pad(now.day)} ${pad(now.hour)}:${pad(now.minute)}`,
    label: formatDay(now),
    dueAt: wallMinutes(now),
  };
}

/** Parses "2026-11-23 07:05" (what Utilities.formatDate gives with "yyyy-MM-dd HH:mm"). */
export function parseLocalTime(text: string): LocalTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/.exec(cellString(text));
  if (!m) return null;
  return { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5] };
}

// ---- The next run, in words (Settings) ---------------------------------------------------------------------------

/** When the schedule drafts next: `due` when this period's moment has passed and its issues are not made yet. */
export type NextRun = { due: true } | { due: false; at: LocalTime } | null;

function fromWallMinutes(m: number): LocalTime {
  const d = new Date(m * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

/**
 * The schedule's next moment after `now`: this period's when it is still ahead (and after the schedule was set),
 * otherwise the next period's. `done` says whether a period's issues are made (or it had nothing to carry).
 */
export function nextRun(
  cadence: Cadence,
  now: LocalTime,
  since: LocalTime | null,
  done: (periodKey: string) => boolean,
): NextRun {
  const due = duePeriod(cadence, now, since);
  if (due && !done(due.key)) return { due: true };
  const nowMin = wallMinutes(now);
  const sinceMin = since ? wallMinutes(since) : -Infinity;
  const today = dayNumber(now);
  // A period is at most a month long: two months of days always reach the next period's moment.
  for (let d = 0; d <= 62; d++) {
    const day = fromDayNumber(today + d);
    const p = currentPeriod(cadence, { ...day, hour: 23, minute: 59 });
    if (!p) return null;
    if (p.dueAt > nowMin && p.dueAt >= sinceMin) return { due: false, at: fromWallMinutes(p.dueAt) };
  }
  return null;
}

/** "3 pm", "7 am", "noon", "midnight". */
export function hourWords(hour: number): string {
  if (hour === 0) return 'midnight';
  if (hour === 12) return 'noon';
  return hour < 12 ? `${hour} am` : `${hour - 12} pm`;
}

const WEEKDAY_WORDS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * "Friday 27 November, at the first check after 3 pm" (the year added when it is not this one). The hourly clock
 * fires at a minute Google picks, so the issue is drafted at its first tick once that hour has begun.
 */
export function nextRunWords(next: NextRun, now: LocalTime): string {
  if (!next) return '';
  if (next.due) return 'due now: at the next hourly check';
  const t = next.at;
  const year = t.year === now.year ? '' : ` ${t.year}`;
  return `${WEEKDAY_WORDS[isoWeekday(t) - 1]} ${t.day} ${MONTHS[t.month - 1]}${year}, at the first check after ${hourWords(t.hour)}`;
}
