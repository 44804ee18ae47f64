// Reading a school's district export as the hub gets it (one Values.batchGet of About, Practices and Progress):
// the school, its practices and its counts, found by header, never by position; an export of an unknown format or
// no export at all is said in words. The export's layout is the one src/domain/district-export.ts writes.
import {
  ABOUT_FIELDS,
  EXPORT_FORMAT,
  EXPORT_PRACTICE_HEADERS,
  EXPORT_PROGRESS_HEADERS,
  EXPORT_SHEETS,
  readExportTime,
} from '../../domain/district-export';
import { cellString } from '../../domain/text';

/** The ranges the hub asks for, in one call per school. */
export const EXPORT_RANGES = [EXPORT_SHEETS.about, EXPORT_SHEETS.practices, EXPORT_SHEETS.progress] as const;

export interface ExportPractice {
  practiceId: string;
  name: string;
  goal: string;
  tier: string;
  description: string;
  impact: string;
  gradeBand: string;
  whoBenefits: string;
  whatItTakes: string;
  conditions: string;
  contact: string;
  hostVisits: string;
  linkedWins: number;
  stories: string;
  /** ISO instants (the export writes the school's wall clock with its offset), '' when it does not say. */
  nominatedAt: string;
  updatedAt: string;
}

export interface ExportProgress {
  goal: string;
  month: string;
  entries: number;
  wins: number;
  lessons: number;
}

export interface SchoolExport {
  school: string;
  timeZone: string;
  /** When the school last wrote it (ISO), '' when it does not say. */
  updatedAt: string;
  practices: ExportPractice[];
  progress: ExportProgress[];
}

export type ExportRead = { ok: true; data: SchoolExport } | { ok: false; problem: string };

type Rows = readonly (readonly unknown[])[];

const text = (v: unknown) => cellString(v).trim();
const count = (v: unknown) => {
  const n = Number(text(v));
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
};

/** Columns of a header row by name: each wanted header → its index (missing ones absent). */
function columnsOf(header: readonly unknown[] | undefined, wanted: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  const norm = (header ?? []).map((h) => text(h).toLowerCase());
  for (const w of wanted) {
    const i = norm.indexOf(w.toLowerCase());
    if (i >= 0) map.set(w, i);
  }
  return map;
}

const NOT_AN_EXPORT =
  'That spreadsheet is not a Small Wins district export. Ask the school for the link Small Wins made (Small Wins → Settings → Share with the district).';

/** The three ranges' values (About, Practices, Progress) as an export, or why they are not one. */
export function readExport(ranges: readonly Rows[]): ExportRead {
  const [about = [], practices = [], progress = []] = ranges;
  const fields = new Map<string, string>();
  for (const row of about) if (text(row[0])) fields.set(text(row[0]).toLowerCase(), text(row[1]));
  const school = fields.get(ABOUT_FIELDS.school.toLowerCase());
  // A blank or missing format version is no export (Number('') would read it as format 0).
  const formatText = fields.get(ABOUT_FIELDS.format.toLowerCase()) ?? '';
  const format = formatText === '' ? NaN : Number(formatText);
  if (school === undefined || !Number.isFinite(format)) return { ok: false, problem: NOT_AN_EXPORT };
  if (format > EXPORT_FORMAT)
    return {
      ok: false,
      problem: `The school's export is in a newer format (${format}) than this hub reads (${EXPORT_FORMAT}): update the district hub (npm run deploy:hub).`,
    };
  const p = columnsOf(practices[0], EXPORT_PRACTICE_HEADERS);
  const g = columnsOf(progress[0], EXPORT_PROGRESS_HEADERS);
  if (!p.has('Practice ID') || !g.has('Goal') || !g.has('Month')) return { ok: false, problem: NOT_AN_EXPORT };
  const cell = (cols: Map<string, number>, row: readonly unknown[], h: string) => {
    const i = cols.get(h);
    return i === undefined ? '' : text(row[i]);
  };
  const seen = new Set<string>();
  const practiceList: ExportPractice[] = [];
  for (const row of practices.slice(1)) {
    const id = cell(p, row, 'Practice ID');
    // A practice is known by its ID: a repeated row counts once.
    if (!id || seen.has(id)) continue;
    seen.add(id);
    practiceList.push({
      practiceId: id,
      name: cell(p, row, 'Practice'),
      goal: cell(p, row, 'Goal'),
      tier: cell(p, row, 'Tier'),
      description: cell(p, row, 'What it is'),
      impact: cell(p, row, 'Impact and evidence'),
      gradeBand: cell(p, row, 'Grade band'),
      whoBenefits: cell(p, row, 'Who benefits'),
      whatItTakes: cell(p, row, 'What it takes'),
      conditions: cell(p, row, 'Conditions it depends on'),
      contact: cell(p, row, 'Contact'),
      hostVisits: cell(p, row, 'Willing to host a visit'),
      linkedWins: count(cell(p, row, 'Linked wins')),
      stories: cell(p, row, 'Stories shared with the district'),
      nominatedAt: readExportTime(cell(p, row, 'Nominated at')),
      updatedAt: readExportTime(cell(p, row, 'Updated at')),
    });
  }
  const progressList: ExportProgress[] = [];
  for (const row of progress.slice(1)) {
    const goal = cell(g, row, 'Goal');
    const month = cell(g, row, 'Month');
    if (!goal || !isMonth(month)) continue;
    progressList.push({
      goal,
      month,
      entries: count(cell(g, row, 'Entries')),
      wins: count(cell(g, row, 'Wins')),
      lessons: count(cell(g, row, 'Lessons learned')),
    });
  }
  return {
    ok: true,
    data: {
      school,
      timeZone: fields.get(ABOUT_FIELDS.timeZone.toLowerCase()) ?? '',
      updatedAt: readExportTime(fields.get(ABOUT_FIELDS.updatedAt.toLowerCase()) ?? ''),
      practices: practiceList,
      progress: progressList,
    },
  };
}

/** A month as the export writes it, YYYY-MM with a month 01–12 ("2026-13" or "2026-00" is no month). */
export function isMonth(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** The spreadsheet ID in an export's link (…/spreadsheets/d/<id>/edit…), or a bare ID; '' when there is none. */
export function exportIdFromLink(link: string): string {
  const t = link.trim();
  const m = /\/spreadsheets\/d\/([A-Za-z0-9_-]{20,})/.exec(t);
  if (m) return m[1];
  return /^[A-Za-z0-9_-]{20,}$/.test(t) ? t : '';
}

export function exportLink(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** Why a school's export could not be read, in words the district can act on. */
export function readProblem(message: string, account: string): string {
  if (/does not have permission|permission denied|insufficient/i.test(message))
    return `The hub cannot open this school's export from ${account}: ask the school to share its district export with ${account} (Small Wins → Settings → Share with the district).`;
  if (/not found/i.test(message))
    return `The school's export is gone (deleted, or the link is wrong): ask the school for the link of its district export.`;
  return `The school's export could not be read just now (${message}); the next refresh tries again.`;
}
