// The district export's content: what a school shares with its district instead of its log. About (who, when, which
// format), Practices (nominated practices only; a linked win's story only when it may reach the public) and Progress
// (per goal and month, counts only). Pure: the adapter writes these values raw, so nothing in them becomes a formula.
import type { Kind, Status } from './schema';
import type { Practice } from './showcase';
import { cleanText } from './text';
import type { Win } from './win';
import { audienceAllows, isApproved } from './win-rules';

/** Bumped when the sheets' layout changes, so a hub can tell an export it cannot read yet. */
export const EXPORT_FORMAT = 1;

export const EXPORT_SHEETS = { about: 'About', practices: 'Practices', progress: 'Progress' } as const;

export const EXPORT_PRACTICE_HEADERS = [
  'Practice ID',
  'Practice',
  'Goal',
  'Tier',
  'What it is',
  'Impact and evidence',
  'Grade band',
  'Who benefits',
  'What it takes',
  'Conditions it depends on',
  'Contact',
  'Willing to host a visit',
  'Linked wins',
  'Stories shared with the district',
  'Nominated at',
  'Updated at',
] as const;

export const EXPORT_PROGRESS_HEADERS = ['Goal', 'Month', 'Entries', 'Wins', 'Lessons learned'] as const;

/** About's rows are fields by name in column A, so a hub reads them by name, not position. */
export const ABOUT_FIELDS = {
  school: 'School',
  timeZone: 'Time zone',
  updatedAt: 'Updated at',
  format: 'Format version',
  practices: 'Nominated practices',
  note: 'What this is',
} as const;

/** What entries with no goal are counted under. */
export const NO_GOAL = '(no goal yet)';

export type ExportCell = string | number;

/**
 * How the export writes a time (a Utilities.formatDate pattern): the school's wall clock with its UTC offset,
 * "2026-11-23 09:00:00 -0500", read by a person as the school's time and by the hub as one instant. The export is
 * written raw, so a time is text, never a date cell shown in the file owner's zone.
 */
export const EXPORT_TIME_PATTERN = 'yyyy-MM-dd HH:mm:ss Z';

/** An ISO time as the export writes it, through the caller's formatter for EXPORT_TIME_PATTERN; '' stays ''. */
export type LocalTime = (iso: string) => string;

const EXPORT_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A time the export holds, as an ISO instant: the school's wall clock with its offset ("2026-11-23 09:00:00 -0500";
 * "-05:00" and "Z" are read too), or the UTC ISO text exports written before carried. '' for anything else (a
 * person's own text).
 */
export function readExportTime(text: string): string {
  const m = EXPORT_TIME.exec(text.trim());
  if (!m) return '';
  const [, y, mo, d, h, mi, s = '0', ms = '0', zone] = m;
  const offset = zone.toUpperCase() === 'Z' ? 0 : parseOffset(zone);
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, '0'));
  const date = new Date(wall - offset * 60_000);
  // 2026-02-30 and the like roll over in Date.UTC: refuse them instead.
  const back = new Date(wall);
  if (back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return '';
  return date.toISOString();
}

export interface ExportContent {
  about: ExportCell[][];
  practices: ExportCell[][];
  progress: ExportCell[][];
}

export function exportTitle(school: string): string {
  return `${school.trim() || 'Our school'} — Small Wins for the district`;
}

const ABOUT_NOTE =
  "This school's own export for the district, made and refreshed by Small Wins: nominated showcase practices and counts of progress. It never holds a Staff only story, a student's name or a submitter's email; the school can stop sharing it at any time.";

/**
 * A linked win's story as the district may read it: only an approved win whose consent reaches the public, with
 * privacy cleared where it names students — the same rule as the Public newsletter. Null otherwise (the export then
 * says only how many wins are linked).
 */
export function storyForDistrict(win: Win): string | null {
  if (!isApproved(win) || !audienceAllows(win, 'Public')) return null;
  const text = win.blurb || win.story;
  if (!win.headline && !text) return null;
  return win.headline && text ? `${win.headline}: ${text}` : win.headline || text;
}

export function practiceRows(
  practices: readonly Practice[],
  wins: ReadonlyMap<string, Win>,
  localTime: LocalTime,
): ExportCell[][] {
  const rows: ExportCell[][] = [EXPORT_PRACTICE_HEADERS.slice()];
  for (const p of practices) {
    const stories = p.winIds
      .map((id) => wins.get(id))
      .map((w) => (w ? storyForDistrict(w) : null))
      .filter((s): s is string => s !== null);
    rows.push([
      p.id,
      p.name,
      p.goal,
      p.tier,
      p.description,
      p.impact,
      p.gradeBand,
      p.whoBenefits,
      p.whatItTakes,
      p.conditions,
      p.contact,
      p.hostVisits ? 'Yes' : 'No',
      p.winIds.length,
      cleanText(stories.join('\n\n')).text,
      localTime(p.nominatedAt),
      localTime(p.updatedAt),
    ]);
  }
  return rows;
}

/** One log entry as Progress counts it: its goals, local month ("2026-11"), status and kind. */
export interface ProgressEntry {
  goals: readonly string[];
  month: string;
  status: Status | null;
  kind: Kind | null;
}

/**
 * Entries, wins and lessons learned per goal and month. Entries are everything logged but archived; wins and
 * lessons learned count approved ones. An entry with several goals counts under each; one with none under NO_GOAL.
 */
export function progressRows(entries: readonly ProgressEntry[]): ExportCell[][] {
  const counts = new Map<string, { goal: string; month: string; entries: number; wins: number; lessons: number }>();
  for (const e of entries) {
    if (!e.month || e.status === 'Archived') continue;
    for (const goal of e.goals.length ? e.goals : [NO_GOAL]) {
      const key = `${goal}\u0000${e.month}`;
      const c = counts.get(key) ?? { goal, month: e.month, entries: 0, wins: 0, lessons: 0 };
      c.entries++;
      if (e.status === 'Approved' && e.kind === 'Win') c.wins++;
      if (e.status === 'Approved' && e.kind === 'Lesson learned') c.lessons++;
      counts.set(key, c);
    }
  }
  const sorted = [...counts.values()].sort(
    (a, b) => a.goal.localeCompare(b.goal) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0),
  );
  return [EXPORT_PROGRESS_HEADERS.slice(), ...sorted.map((c) => [c.goal, c.month, c.entries, c.wins, c.lessons])];
}

export function aboutRows(school: string, timeZone: string, updatedAt: string, practices: number): ExportCell[][] {
  return [
    ['Field', 'Value'],
    [ABOUT_FIELDS.school, school],
    [ABOUT_FIELDS.timeZone, timeZone],
    [ABOUT_FIELDS.updatedAt, updatedAt],
    [ABOUT_FIELDS.format, EXPORT_FORMAT],
    [ABOUT_FIELDS.practices, practices],
    [ABOUT_FIELDS.note, ABOUT_NOTE],
  ];
}

/** The whole export: only nominated practices go out. */
export function buildExport(opts: {
  school: string;
  timeZone: string;
  nowIso: string;
  /** Writes an ISO time in the school's time zone (EXPORT_TIME_PATTERN). */
  localTime: LocalTime;
  practices: readonly Practice[];
  wins: ReadonlyMap<string, Win>;
  entries: readonly ProgressEntry[];
}): ExportContent {
  const nominated = opts.practices.filter((p) => p.status === 'Nominated');
  return {
    about: aboutRows(opts.school, opts.timeZone, opts.localTime(opts.nowIso), nominated.length),
    practices: practiceRows(nominated, opts.wins, opts.localTime),
    progress: progressRows(opts.entries),
  };
}

// ---- Local months without a service call per entry ----------------------------------------------------------

/** "2026-11" of a UTC instant's calendar month. */
export function utcMonth(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/**
 * The month an instant falls in, in a time zone given by `offsetMinutes(month)`: the zone's UTC offset at the start
 * of that month (one lookup per month, not per entry). Daylight-saving changes never fall on a month's first
 * midnight, so the offset at the start of the month decides which side of it an instant falls.
 */
export function localMonth(ms: number, offsetMinutes: (month: string) => number): string {
  let month = utcMonth(ms + offsetMinutes(utcMonth(ms)) * 60_000);
  for (let i = 0; i < 2; i++) {
    const next = utcMonth(ms + offsetMinutes(month) * 60_000);
    if (next === month) break;
    month = next;
  }
  return month;
}

/** "+0530" / "-0400" (what Utilities.formatDate gives for "Z") as minutes. */
export function parseOffset(text: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The progress entry of a decoded win, given its local month. */
export function progressEntry(win: Win, month: string): ProgressEntry {
  return { goals: win.goals, month, status: win.status, kind: win.kind };
}
