// The simulator's controllable clock, and time-zone arithmetic (via Intl) shared by
// Sheets date parsing/display, Utilities.formatDate and clock triggers.

export class SimClock {
  private ms: number;
  constructor(start: Date | string | number = Date.now()) {
    this.ms = toMs(start);
  }
  now(): Date {
    return new Date(this.ms);
  }
  nowMs(): number {
    return this.ms;
  }
  set(d: Date | string | number): void {
    this.ms = toMs(d);
  }
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`Simulator: clock.advance(${ms}) needs a non-negative number`);
    this.ms += ms;
  }
}

export function toMs(d: Date | string | number): number {
  const ms = typeof d === 'number' ? d : typeof d === 'string' ? Date.parse(d) : d.getTime();
  if (!Number.isFinite(ms)) throw new Error(`Simulator: invalid date ${String(d)}`);
  return ms;
}

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 1 = Monday ... 7 = Sunday (ISO, like the clock-trigger event)
  offsetMinutes: number; // local - UTC
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function zonedParts(ms: number, tz: string): ZonedParts {
  const whole = Math.floor(ms / 1000) * 1000;
  const parts = formatter(tz).formatToParts(new Date(whole));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '0';
  let year = Number(get('year'));
  if (get('era') === 'BC') year = 1 - year;
  const month = Number(get('month'));
  const day = Number(get('day'));
  const hour = Number(get('hour')) % 24;
  const minute = Number(get('minute'));
  const second = Number(get('second'));
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond: ms - whole,
    weekday: WEEKDAYS[get('weekday')] ?? 1,
    offsetMinutes: Math.round((asUtc - whole) / 60000),
  };
}

/** The instant at which the wall clock of `tz` shows the given local time. */
export function zonedToMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
  tz = 'UTC',
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const off1 = zonedParts(guess, tz).offsetMinutes;
  let t = guess - off1 * 60000;
  const off2 = zonedParts(t, tz).offsetMinutes;
  if (off2 !== off1) t = guess - off2 * 60000;
  return t;
}

/** Short zone name such as "EST" (en-US), falling back to "GMT-05:00". */
export function zoneShortName(ms: number, tz: string): string {
  const p = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'short' }).formatToParts(new Date(ms));
  return p.find((x) => x.type === 'timeZoneName')?.value ?? tz;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
