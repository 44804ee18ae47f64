// Sharing with the district: Settings → "Share with the district" makes the school's district export (a separate
// spreadsheet the add-on creates under drive.file), shares it with the district account as a viewer and offers a
// Gmail draft with its link; each nomination, withdrawal and the daily clock rewrite it; stopping removes access.
// The export is built from the Showcase sheet and the log read through the one decoder and rules.
import {
  createExportFile,
  ExportFile,
  isExportGone,
  isExportRefused,
  shareExportFile,
  unshareExportFile,
  writeExportFile,
} from '../adapters/district-export';
import { withDocumentLock } from '../adapters/lock';
import { createDraft } from '../adapters/mail-draft';
import { loadSettings } from '../adapters/settings-store';
import { readShowcaseIfAny } from '../adapters/showcase-sheet';
import { DocumentStore } from '../adapters/store';
import { idRowsOf, openWinsLog, readColumns, readWinsById } from '../adapters/wins/log';
import {
  buildExport,
  EXPORT_TIME_PATTERN,
  ExportContent,
  exportTitle,
  localMonth,
  parseOffset,
  progressEntry,
} from '../domain/district-export';
import { escapeHtml } from '../domain/html';
import { flag, record, text } from '../domain/payload';
import { winFromCells, type Win } from '../domain/win';
import { isEmail } from '../domain/settings';
import { missingColumnsMessage } from '../domain/showcase';
import type { DistrictEndpoints, DistrictResult, DistrictShareRequest, DistrictView } from '../spread-api';
import { endpoint } from './endpoints';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What document properties keep about sharing with the district. */
export interface DistrictSharing {
  district: string;
  sharing: boolean;
  file: ExportFile | null;
  /** The account that made the export: drive.file lets only it reach the file from the add-on. */
  owner: string;
  sharedAt: string;
  refreshedAt?: string;
  problem?: string;
  /**
   * The school's UTC offset at the start of each month seen (minutes), kept so a refresh asks Utilities only about
   * months it has not seen: a past month's offset never changes.
   */
  offsets?: Record<string, number>;
}

const KEY = 'districtExport';
/** The clock rewrites the export once a day (a little under 24 hours, so hourly ticks keep it daily). */
export const EXPORT_EVERY_MS = 23 * 3_600_000;

/** Whether the school shares a district export now (read from the properties the clock's tick already holds). */
export function isSharingWithDistrict(config: Record<string, unknown>): boolean {
  const v = config[KEY] as Partial<DistrictSharing> | undefined;
  return !!v && typeof v === 'object' && v.sharing === true && !!v.file;
}
const LOCK_MS = 30000;

function sharingOf(store: DocumentStore): DistrictSharing | null {
  const v = store.config[KEY] as DistrictSharing | undefined;
  return v && typeof v === 'object' ? v : null;
}

// ---- Building the content ----------------------------------------------------------------------------------

/**
 * The zone's UTC offset at the start of each month asked for: one Utilities call per month not in `known` (which it
 * adds to), never one per entry.
 */
function offsetsIn(timeZone: string, known: Record<string, number>): (month: string) => number {
  return (month) => {
    let minutes = known[month];
    if (minutes === undefined) {
      const [y, m] = month.split('-').map(Number);
      minutes = parseOffset(Utilities.formatDate(new Date(Date.UTC(y, m - 1, 1)), timeZone, 'Z'));
      known[month] = minutes;
    }
    return minutes;
  };
}

/**
 * Reads what the export holds — the Showcase sheet, the log's goal, status, kind and date columns, the linked wins
 * in full — in a handful of calls whatever the log's size, and builds it.
 */
export function exportContent(
  ss: Spreadsheet,
  store: DocumentStore,
  nowIso: string,
  offsets: Record<string, number> = {},
): ExportContent {
  const timeZone = ss.getSpreadsheetTimeZone();
  const showcase = readShowcaseIfAny(ss);
  // A column renamed or deleted by hand would send the practices without it (or none, without Status): say so and
  // keep the export as it was.
  if (showcase?.missing.length) throw new Error(missingColumnsMessage(showcase.missing));
  const practices = showcase?.practices ?? [];
  const log = openWinsLog(ss);
  const columns = readColumns(log, ['id', 'submittedAt', 'status', 'kind', 'goals']);
  const offset = offsetsIn(timeZone, offsets);
  const entries = (columns.cells.id ?? []).map((_, i) => {
    const win = winFromCells({
      submittedAt: columns.cells.submittedAt?.[i],
      status: columns.cells.status?.[i],
      kind: columns.cells.kind?.[i],
      goals: columns.cells.goals?.[i],
    });
    const ms = Date.parse(win.submittedAt);
    return progressEntry(win, Number.isFinite(ms) ? localMonth(ms, offset) : '');
  });
  const linked = Array.from(new Set(practices.filter((p) => p.status === 'Nominated').flatMap((p) => p.winIds)));
  const wins: Map<string, Win> = linked.length
    ? readWinsById(log, linked, idRowsOf(columns)).wins
    : new Map<string, Win>();
  return buildExport({
    school: loadSettings(store).schoolName || ss.getName(),
    timeZone,
    nowIso,
    // A few times per export (About, and two per nominated practice): one Utilities call each, no service round trip.
    localTime: (iso) => (iso ? Utilities.formatDate(new Date(iso), timeZone, EXPORT_TIME_PATTERN) : ''),
    practices,
    wins,
    entries,
  });
}

// ---- Refreshing --------------------------------------------------------------------------------------------

/** A failed refresh in words for the leader (and the Settings section). */
function refreshProblem(err: unknown, sharing: DistrictSharing): string {
  if (isExportGone(err))
    return 'The district export is no longer in Drive (it was deleted or its owner lost access). Choose Share with the district again to make a new one.';
  if (isExportRefused(err))
    return `The district export belongs to ${sharing.owner}: Google lets Small Wins change it only from that account. Ask ${sharing.owner} to open Settings → Share with the district, or stop sharing there.`;
  return `The district export could not be updated: ${err instanceof Error ? err.message : String(err)}`;
}

export interface RefreshOutcome {
  refreshed: boolean;
  message: string;
}

/**
 * Rewrites the export when sharing is on (under the document lock, so two refreshes never interleave their rows).
 * Never throws for the export's own problems: they are kept for Settings and returned as a sentence.
 */
export function refreshDistrictExport(): RefreshOutcome {
  const ss = SpreadsheetApp.getActive();
  return withDocumentLock(LOCK_MS, () => {
    const store = DocumentStore.open();
    const sharing = sharingOf(store);
    if (!sharing || !sharing.sharing || !sharing.file) return { refreshed: false, message: '' };
    const nowIso = new Date().toISOString();
    try {
      const offsets = { ...sharing.offsets };
      const file = writeExportFile(sharing.file, exportContent(ss, store, nowIso, offsets));
      store.save({ [KEY]: { ...sharing, file, refreshedAt: nowIso, problem: undefined, offsets } });
      return { refreshed: true, message: 'The district export was updated.' };
    } catch (err) {
      const problem = refreshProblem(err, sharing);
      console.warn(`Small Wins: district export: ${err instanceof Error ? err.message : String(err)}`);
      store.save({ [KEY]: { ...sharing, problem } });
      return { refreshed: false, message: problem };
    }
  });
}

// ---- The Settings section ------------------------------------------------------------------------------------

function me(): string {
  return Session.getEffectiveUser().getEmail();
}

function viewOf(ss: Spreadsheet, sharing: DistrictSharing | null, who: string): DistrictView {
  const refreshed = sharing?.refreshedAt
    ? `Updated ${Utilities.formatDate(new Date(sharing.refreshedAt), ss.getSpreadsheetTimeZone(), "d MMMM 'at' HH:mm")}`
    : '';
  return {
    sharing: !!sharing?.sharing,
    district: sharing?.district ?? '',
    url: sharing?.file?.url ?? '',
    owner: sharing?.owner ?? '',
    mine: !sharing?.file || sharing.owner.toLowerCase() === who.toLowerCase(),
    refreshed,
    problem: sharing?.problem ?? '',
    nominated: 0,
  };
}

function openDistrict(): DistrictView {
  const ss = SpreadsheetApp.getActive();
  const store = DocumentStore.open();
  const view = viewOf(ss, sharingOf(store), me());
  const practices = readShowcaseIfAny(ss)?.practices ?? [];
  return { ...view, nominated: practices.filter((p) => p.status === 'Nominated').length };
}

function notOwner(sharing: DistrictSharing): string {
  return `The district export was made from ${sharing.owner}'s account, and Google lets Small Wins change it only from there: ask ${sharing.owner} to change or stop sharing.`;
}

function draftToDistrict(school: string, district: string, url: string, from: string): string {
  const name = school || 'Our school';
  const subject = `${name} — our Small Wins for the district`;
  const lines = [
    `Hello,`,
    `${name} shares its showcase practices and its progress counts with the district through this spreadsheet, which Small Wins keeps up to date every day and whenever we nominate a practice:`,
    url,
    `It holds the practices we nominate (with their impact and evidence, and stories only where families agreed to share them publicly) and, per goal and month, how many wins and lessons learned we logged. Paste the link into the district hub's Add school.`,
    `Best wishes,`,
    from,
  ];
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font:16px/1.5 Arial,sans-serif;color:#202124;overflow-wrap:anywhere">` +
    lines
      .map((l) =>
        l === url
          ? `<p><a href="${escapeHtml(url)}">${escapeHtml(`${name}'s district export`)}</a></p>`
          : `<p>${escapeHtml(l)}</p>`,
      )
      .join('') +
    `</body></html>`;
  return createDraft({ to: [district], subject, html, text: lines.join('\n\n') });
}

function share(request: DistrictShareRequest): DistrictResult {
  const ss = SpreadsheetApp.getActive();
  const who = me();
  const district = request.district.trim();
  if (!isEmail(district))
    return {
      ok: false,
      message: 'Enter the district account as one email address, for example district@yourdistrict.org.',
      view: viewOf(ss, sharingOf(DocumentStore.open()), who),
    };
  const outcome = withDocumentLock(LOCK_MS, () => {
    const store = DocumentStore.open();
    const before = sharingOf(store);
    if (before?.file && before.owner.toLowerCase() !== who.toLowerCase() && before.sharing)
      return { ok: false, message: notOwner(before), sharing: before };
    let file = before?.file && before.owner.toLowerCase() === who.toLowerCase() ? before.file : null;
    const nowIso = new Date().toISOString();
    const school = loadSettings(store).schoolName || ss.getName();
    const offsets = { ...before?.offsets };
    const content = exportContent(ss, store, nowIso, offsets);
    const notes: string[] = [];
    if (file) {
      try {
        file = writeExportFile(file, content);
      } catch (err) {
        if (!isExportGone(err)) throw err;
        notes.push('The earlier export was no longer in Drive, so a new one was made.');
        file = null;
      }
    }
    if (!file) file = writeExportFile(createExportFile(exportTitle(school), ss.getSpreadsheetTimeZone()), content);
    if (before?.sharing && before.district.toLowerCase() !== district.toLowerCase() && before.file?.id === file.id) {
      unshareExportFile(file.id, before.district);
      notes.push(`${before.district} can no longer open it.`);
    }
    shareExportFile(file.id, district);
    const sharing: DistrictSharing = {
      district,
      sharing: true,
      file,
      owner: who,
      sharedAt: before?.sharing && before.file?.id === file.id ? before.sharedAt : nowIso,
      refreshedAt: nowIso,
      offsets,
    };
    store.save({ [KEY]: sharing });
    return { ok: true, message: notes.join(' '), sharing, school };
  });
  if (!outcome.ok) return { ok: false, message: outcome.message, view: viewOf(ss, outcome.sharing, who) };
  const sharing = outcome.sharing;
  let drafted = '';
  if (request.draftEmail) {
    try {
      draftToDistrict(outcome.school ?? '', district, sharing.file!.url, who);
      drafted = ` A draft to ${district} with the link is in your Gmail drafts: read it and send it.`;
    } catch (err) {
      drafted = ` The Gmail draft could not be made (${err instanceof Error ? err.message : String(err)}): send ${district} the link yourself.`;
    }
  }
  return {
    ok: true,
    message: `Shared with ${district} as a viewer (Drive sent no email). ${outcome.message}${drafted}`
      .replace(/\s+/g, ' ')
      .trim(),
    view: { ...viewOf(ss, sharing, who), nominated: countNominated(ss) },
  };
}

function countNominated(ss: Spreadsheet): number {
  return (readShowcaseIfAny(ss)?.practices ?? []).filter((p) => p.status === 'Nominated').length;
}

function stop(): DistrictResult {
  const ss = SpreadsheetApp.getActive();
  const who = me();
  return withDocumentLock(LOCK_MS, () => {
    const store = DocumentStore.open();
    const sharing = sharingOf(store);
    if (!sharing?.sharing || !sharing.file)
      return { ok: true, message: 'The export is not shared with the district.', view: viewOf(ss, sharing, who) };
    if (sharing.owner.toLowerCase() !== who.toLowerCase())
      return { ok: false, message: notOwner(sharing), view: viewOf(ss, sharing, who) };
    try {
      unshareExportFile(sharing.file.id, sharing.district);
    } catch (err) {
      if (!isExportGone(err)) throw err;
    }
    const next: DistrictSharing = { ...sharing, sharing: false, problem: undefined };
    store.save({ [KEY]: next });
    return {
      ok: true,
      message: `${sharing.district} can no longer open the district export. The file stays in your Drive; delete it there if you no longer want it, or share again to pick up where you left off.`,
      view: viewOf(ss, next, who),
    };
  });
}

function refreshNow(): DistrictResult {
  const outcome = refreshDistrictExport();
  const view = openDistrict();
  return {
    ok: outcome.refreshed,
    message: outcome.message || 'The export is not shared with the district: nothing to refresh.',
    view,
  };
}

const DIALOG = 'the Settings dialog';

export const districtEndpoints: DistrictEndpoints = {
  districtOpen: endpoint(DIALOG, [], openDistrict),
  districtShare: endpoint(DIALOG, [['request', record({ district: text({ max: 320 }), draftEmail: flag })]], share),
  districtStop: endpoint(DIALOG, [], stop),
  districtRefresh: endpoint(DIALOG, [], refreshNow),
};
