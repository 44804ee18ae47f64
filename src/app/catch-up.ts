// The catch-up of form responses that never reached the log (the trigger missed them: a busy lock, a quota, a broken
// log, a trigger that never fired), run by Set up and by the clock. A response is known by its Timestamp, not its
// text: columns added, notes, typos fixed or rows sorted in the response sheet import nothing, and a win deleted from
// the log stays deleted. Only responses above the watermark are looked at, so a tick reads one column.
import { readResponseRows, readStamps, Stamps } from '../adapters/response-sheet';
import { DocumentStore, StoredConfig } from '../adapters/store';
import {
  appendWins,
  loggedResponseKeys,
  openWinsLog,
  readColumns,
  updateWaitingNotice,
  WinsLog,
} from '../adapters/wins/log';
import {
  firstWatermark,
  keepRecords,
  LookedAt,
  nextWatermark,
  recordKey,
  responseFingerprint,
  responsesToImport,
  rowsToCheck,
} from '../domain/catch-up';
import { responseKey, winFromResponse, winId } from '../domain/intake';
import type { WinField } from '../domain/schema';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function questionTitles(config: StoredConfig): Set<string> {
  return new Set(Object.keys(config.questionMap ?? {}).map((t) => t.trim()));
}

export interface ResponsesCheck {
  stamps: Stamps | null;
  /** Responses (indexes into stamps) no record accounts for: they need a closer look under the lock. */
  unaccounted: number[];
}

/** Step one, without the lock: the Timestamp column against the watermark and the records (two calls). */
export function checkResponses(ss: Spreadsheet, config: StoredConfig): ResponsesCheck {
  const stamps = readStamps(ss, config.responseSheet, config.formId ?? '');
  if (!stamps) return { stamps, unaccounted: [] };
  const watermark = config.responsesCheckedUntil ?? null;
  return { stamps, unaccounted: rowsToCheck(stamps.stamps, watermark, config.intakeRecords ?? []) };
}

/** The answers of a response-sheet row, keyed by header as the form-submit event's namedValues are. */
function namedValuesOf(header: readonly string[], row: readonly string[]): Record<string, string[]> {
  const named: Record<string, string[]> = {};
  header.forEach((h, i) => {
    if (h === '') return;
    (named[h] ??= []).push(row[i] ?? '');
  });
  return named;
}

/** Older versions' key of a row (every column, the last of repeated headers), as their Set up computed it. */
function olderKeyOf(header: readonly string[], row: readonly string[]): string {
  const width = header.reduce((w, h, i) => (h.trim() ? i + 1 : w), 0);
  const named: Record<string, string[]> = {};
  for (let i = 0; i < width; i++) named[header[i]] = [row[i] ?? ''];
  return responseKey(named);
}

export interface CatchUpResult {
  imported: number;
  /** False when there is no response sheet to read (Set up links one). */
  checked: boolean;
}

/**
 * Adds every response no one has handled, then moves the watermark up and clears the waiting notice. The caller holds
 * the document lock; `log` is passed when the caller has it open. Throws when the log cannot take a win.
 */
export function catchUpResponses(ss: Spreadsheet, store: DocumentStore, opened: WinsLog | null): CatchUpResult {
  const config = store.config;
  const nowMs = Date.now();
  const { stamps, unaccounted } = checkResponses(ss, config);
  let log = opened;
  const openedLog = (): WinsLog => (log ??= openWinsLog(ss));
  if (!stamps) {
    clearWaiting(store, log);
    if (store.config.responsesWaiting) store.save({ responsesWaiting: 0 });
    return { imported: 0, checked: false };
  }
  let watermark = config.responsesCheckedUntil ?? null;
  let toLook = unaccounted;
  const olderKeys = new Set<string>();
  if (watermark === null) {
    // The first catch-up on a log an older version kept (responses matched by their text): responses up to the
    // newest win are taken as handled; newer ones are checked, also against the older versions' keys.
    watermark = firstWatermark(readColumns(openedLog(), ['submittedAt']).cells.submittedAt ?? []);
    toLook = rowsToCheck(stamps.stamps, watermark, config.intakeRecords ?? []);
    for (const k of config.recentResponses ?? []) olderKeys.add(k);
  }
  const added: string[] = [];
  const patch: Partial<StoredConfig> = {};
  let imported = 0;
  if (toLook.length) {
    const logKeys = loggedResponseKeys(openedLog());
    for (const k of logKeys) if (k.startsWith('R-')) olderKeys.add(k);
    const { header, rows } = readResponseRows(ss, stamps.place, toLook);
    const titles = questionTitles(config);
    const looked: LookedAt[] = toLook.map((index) => {
      const row = rows.get(index) ?? [];
      return {
        index,
        id: { ts: stamps.stamps[index], fp: responseFingerprint(namedValuesOf(header, row), titles) },
        legacyKey: olderKeys.size ? olderKeyOf(header, row) : undefined,
      };
    });
    const fresh = responsesToImport(looked, [...(config.intakeRecords ?? []), ...logKeys], olderKeys);
    let n = Number(config.nextWinNumber) || 1;
    const wins: Array<Partial<Record<WinField, string>>> = [];
    const nowIso = new Date(nowMs).toISOString();
    for (const index of fresh) {
      const item = looked.find((l) => l.index === index)!;
      const key = recordKey(item.id);
      added.push(key);
      const result = winFromResponse({
        namedValues: namedValuesOf(header, rows.get(index) ?? []),
        questionMap: config.questionMap ?? {},
        goals: config.goals ?? [],
        submittedAtIso: new Date(item.id.ts ?? nowMs).toISOString(),
        nowIso,
      });
      if (!result.ok) {
        console.warn(
          `Small Wins: a response in row ${index + 2} of the response sheet was not added: ${result.reason}`,
        );
        continue;
      }
      const id = winId(n++);
      wins.push({ ...result.win.values, id, responseKey: key });
      for (const note of result.win.notes) console.warn(`Small Wins: ${id}: ${note}`);
    }
    appendWins(openedLog(), wins);
    imported = wins.length;
    if (imported) patch.nextWinNumber = n;
  }
  clearWaiting(store, log);
  const next = nextWatermark(watermark, nowMs);
  store.save({
    ...patch,
    responsesCheckedUntil: next,
    intakeRecords: keepRecords(config.intakeRecords ?? [], added, next),
    ...(stamps.moved || !config.responseSheet ? { responseSheet: stamps.place } : {}),
    ...(config.responsesWaiting ? { responsesWaiting: 0 } : {}),
  });
  if (config.recentResponses) store.remove('recentResponses');
  return { imported, checked: true };
}

/**
 * After a complete pass nothing waits: the notice in the Wins header goes (the header is read only when a notice may
 * be shown, or the log is open anyway). The caller records responsesWaiting 0.
 */
function clearWaiting(store: DocumentStore, log: WinsLog | null): void {
  if (!log && !(Number(store.config.responsesWaiting) > 0)) return;
  updateWaitingNotice(log ?? SpreadsheetApp.getActive(), () => 0);
}

/**
 * Intake could not add a response (the lock was busy, a quota, an error): the notice in the Wins header counts one
 * more until the next tick adds it. Best effort and without the lock, which is what was missing.
 */
export function noteWaitingResponse(ss: Spreadsheet): void {
  try {
    const count = updateWaitingNotice(ss, (shown) => shown + 1);
    DocumentStore.open().save({ responsesWaiting: count });
  } catch (err) {
    console.warn(
      `Small Wins: the waiting notice could not be updated (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
}
