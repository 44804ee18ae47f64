// The pull: for each school in the Schools sheet, read its district export (one call) and replace its rows in
// Practices and Progress. A school that cannot be read keeps its last data, marked stale with the reason; the others
// are still pulled. When the 6-minute limit nears, the pull stops between two schools, writes what it has, and a
// follow-up trigger continues it, so a hundred schools complete. Nightly, and from District hub → Refresh now.
import { DocumentStore } from '../../adapters/store';
import { readSchoolExport } from '../adapters/export-reader';
import { readHub, writeHub } from '../adapters/hub-sheets';
import { FOLLOW_UP_HANDLER, removeFollowUps, scheduleFollowUp } from '../adapters/hub-triggers';
import { FOLLOW_UP_MS, PullState, pullSummary, roomForAnother, stalled } from '../domain/pull';
import type { SchoolExport } from '../domain/export-read';
import { applyExport, markStale, RollUp, sortRollUp } from '../domain/rollup';

const KEY = 'hubPull';

export interface PullReport {
  /** done: every school read; continues: a follow-up trigger finishes it; busy: another run holds the hub. */
  outcome: 'done' | 'continues' | 'busy' | 'running' | 'empty';
  message: string;
  read: number;
  total: number;
}

export function hubAccount(): string {
  return Session.getEffectiveUser().getEmail();
}

/** Starts a pull, or continues the one under way; `from` says who asked. */
export function runPull(from: 'nightly' | 'now' | 'follow-up'): PullReport {
  const ss = SpreadsheetApp.getActive();
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(from === 'now' ? 5000 : 1000))
    return {
      outcome: 'busy',
      message: 'A refresh is already running; it finishes on its own.',
      read: 0,
      total: 0,
    };
  try {
    return pullUnderLock(ss, from);
  } finally {
    lock.releaseLock();
  }
}

function pullUnderLock(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  from: 'nightly' | 'now' | 'follow-up',
): PullReport {
  const startMs = Date.now();
  const store = DocumentStore.open();
  let state = store.config[KEY] as PullState | undefined;
  if (from === 'follow-up') {
    removeFollowUps();
    // A follow-up left over after its pull finished has nothing to continue: it never starts a new pull.
    if (!state) return { outcome: 'done', message: 'No pull was waiting to continue.', read: 0, total: 0 };
  }
  if (state && from === 'nightly' && !stalled(state, startMs))
    return {
      outcome: 'running',
      message: 'A pull is under way; it continues on its own.',
      read: state.next,
      total: state.keys.length,
    };
  const read = readHub(ss, true);
  // The nightly run starts afresh (a stalled pull is abandoned); Refresh now continues one under way.
  if (!state || (from === 'nightly' && stalled(state, startMs))) {
    const keys = read.roll.schools.map((s) => s.exportId).filter(Boolean);
    state = { started: new Date(startMs).toISOString(), keys, next: 0, read: 0, stale: 0, executions: 0, touched: '' };
  }
  if (!state.keys.length) {
    store.remove(KEY);
    return {
      outcome: 'empty',
      message: 'No school yet: add one with District hub → Add school.',
      read: 0,
      total: 0,
    };
  }
  const account = hubAccount();
  const nowIso = new Date(startMs).toISOString();
  let slowest = 0;
  const present = new Set(read.roll.schools.map((s) => s.exportId));
  while (state.next < state.keys.length) {
    if (!roomForAnother(startMs, Date.now(), slowest)) break;
    const key = state.keys[state.next];
    state.next++;
    // A school the district removed from the Schools sheet since the pull started is not read.
    if (!present.has(key)) continue;
    const t0 = Date.now();
    const got = readSchoolExport(key, account);
    const merged = got.ok ? mergeExport(read.roll, key, got.data, nowIso) : got.problem;
    if (merged === true) state.read++;
    else {
      markStale(read.roll, key, merged);
      state.stale++;
    }
    slowest = Math.max(slowest, Date.now() - t0);
  }
  // Rows of schools the district removed from the Schools sheet go too.
  read.roll.practices = read.roll.practices.filter((p) => present.has(p.exportId));
  read.roll.progress = read.roll.progress.filter((p) => present.has(p.exportId));
  sortRollUp(read.roll);
  writeHub(read);
  state.executions++;
  state.touched = new Date().toISOString();
  if (state.next >= state.keys.length) {
    store.remove(KEY);
    const message = pullSummary(state);
    console.log(`District hub: ${message}`);
    return { outcome: 'done', message, read: state.read, total: state.keys.length };
  }
  store.save({ [KEY]: state });
  scheduleFollowUp(FOLLOW_UP_MS);
  const message = `Refreshed ${state.next} of ${state.keys.length} schools; the rest continue in a minute (${FOLLOW_UP_HANDLER}), within Apps Script's 6 minutes per run.`;
  console.log(`District hub: ${message}`);
  return { outcome: 'continues', message, read: state.next, total: state.keys.length };
}

/**
 * One school's export merged into the roll-up, or why it could not be: whatever one school's data holds, the
 * others are still pulled and written, and this one keeps its last rows.
 */
function mergeExport(roll: RollUp, key: string, data: SchoolExport, nowIso: string): true | string {
  const before = { practices: roll.practices.slice(), progress: roll.progress.slice() };
  try {
    applyExport(roll, key, data, nowIso);
    return true;
  } catch (err) {
    roll.practices = before.practices;
    roll.progress = before.progress;
    return `The school's export could not be merged (${err instanceof Error ? err.message : String(err)}); the next refresh tries again.`;
  }
}

/** Settings' sentence about the pull. */
export function pullStatus(store: DocumentStore): string {
  const state = store.config[KEY] as PullState | undefined;
  if (!state) return 'The hub reads every school’s export each night at 2 a.m. (and with District hub → Refresh now).';
  return `A pull is under way: ${state.next} of ${state.keys.length} schools read so far; it continues on its own.`;
}
