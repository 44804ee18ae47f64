// The one always-on clock's tick: only the recorded owner's trigger acts; it runs every job that is due, one after
// another (the catch-up of missed responses, the newsletter schedule, the daily dashboard, the district export, a
// year-end synthesis to finish, the leaders' weekly digest, each an entry below with its own "due" rule), and leaves a
// heartbeat for Settings.
import { clockRecord } from '../adapters/clock-trigger';
import { BusyError, withDocumentLock } from '../adapters/lock';
import { loadSettings, localNow, scheduleSince } from '../adapters/settings-store';
import { DocumentStore, StoredConfig } from '../adapters/store';
import { duePeriod, LocalTime } from '../domain/cadence';
import { nextWatermark } from '../domain/catch-up';
import { isOwnersTick } from '../domain/clock';
import { allEmpty } from '../domain/newsletter-plan';
import { AUDIENCES } from '../domain/settings';
import { cellString } from '../domain/text';
import { catchUpResponses, checkResponses } from './catch-up';
import { dashboardJob } from './dashboard';
import { synthesisJob } from './synthesis';
import { LOCK_MS } from './newsletter-state';
import { runNewsletter } from './newsletter-run';
import { EXPORT_EVERY_MS, isSharingWithDistrict, refreshDistrictExport } from './district';
import { leaderDigestJob } from './closing-loop';

/** What a job sees: the spreadsheet, the document properties read at the tick's start, and shared lazy reads. */
export interface Tick {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  store: DocumentStore;
  nowMs: number;
  /** The spreadsheet's wall clock (two calls, read once per tick when a job asks). */
  local(): { text: string; time: LocalTime };
  /** When a job last ran to the end (ISO), from the clock's own bookkeeping: for daily or weekly "due" rules. */
  lastRun(job: string): string | null;
  /** Properties to write with the heartbeat (one write for the whole tick). */
  later: Partial<StoredConfig>;
}

/** One scheduled job: `due` is cheap and takes no lock; `run` does the work and says what it did in a sentence. */
export interface ClockJob {
  name: string;
  due(tick: Tick): boolean;
  run(tick: Tick): string;
}

const catchUpJob: ClockJob = {
  name: 'responses',
  due(tick) {
    const config = tick.store.config;
    // The first tick on a log kept by an older version sets the watermark (under the lock, in run).
    if (config.responsesCheckedUntil === undefined) return true;
    if (Number(config.responsesWaiting) > 0) return true;
    const { stamps, unaccounted } = checkResponses(tick.ss, config);
    // No response sheet (the Form unlinked): Set up links one; nothing to catch up until then.
    if (!stamps) return false;
    if (unaccounted.length) return true;
    // Every response is accounted for: the watermark moves up with the heartbeat, no lock taken.
    tick.later.responsesCheckedUntil = nextWatermark(config.responsesCheckedUntil, tick.nowMs);
    if (stamps.moved) tick.later.responseSheet = stamps.place;
    return false;
  },
  run(tick) {
    const result = withDocumentLock(LOCK_MS, () => catchUpResponses(tick.ss, DocumentStore.open(), null));
    return result.imported
      ? `added ${result.imported} response${result.imported > 1 ? 's' : ''} that had not reached the log`
      : 'every response is in the log';
  },
};

/** The period (and audiences) a scheduled run last finished: the ticks after it until the next period skip it. */
function newsletterDueKey(tick: Tick): string | null {
  const settings = loadSettings(tick.store);
  if (settings.cadence.kind === 'off' || !settings.schoolName) return null;
  const audiences = AUDIENCES.filter((a) => settings.audiences[a].enabled);
  if (!audiences.length) return null;
  const due = duePeriod(settings.cadence, tick.local().time, scheduleSince(tick.store));
  if (!due || allEmpty(audiences, due.key, tick.store.config.newsletterEmptyPeriods ?? [])) return null;
  return `${due.key} ${audiences.join(',')}`;
}

const newsletterJob: ClockJob = {
  name: 'newsletter',
  due(tick) {
    const key = newsletterDueKey(tick);
    return key !== null && key !== tick.store.config.newsletterDone;
  },
  run(tick) {
    const key = newsletterDueKey(tick);
    const report = runNewsletter('scheduled');
    for (const r of report.results) console.log(`Small Wins newsletter: ${r.audience}: ${r.message}`);
    const failed = report.results.filter((r) => r.outcome === 'failed');
    if (failed.length) throw new Error(failed.map((r) => r.message).join(' '));
    // Every audience's issue for the period is made or had nothing to carry: the next ticks of the period need not
    // open the Newsletters sheet again (a run still busy elsewhere is looked at again next hour).
    if (key && !report.results.some((r) => r.outcome === 'busy')) tick.later.newsletterDone = key;
    return report.note ?? `${report.results.length} audience${report.results.length === 1 ? '' : 's'} checked`;
  },
};

/**
 * The district export, rewritten once a day while the school shares it (nominations and withdrawals rewrite it at
 * once as well). A refresh that fails is kept for Settings to show, not thrown: the next day tries again.
 */
const districtExportJob: ClockJob = {
  name: 'district export',
  due(tick) {
    if (!isSharingWithDistrict(tick.store.config)) return false;
    const last = Date.parse(tick.lastRun('district export') ?? '');
    return !Number.isFinite(last) || tick.nowMs - last >= EXPORT_EVERY_MS;
  },
  run() {
    return refreshDistrictExport().message || 'sharing with the district is off';
  },
};

/** Every job the clock runs, in order. A new job (the digest) is one more entry. */
export const CLOCK_JOBS: readonly ClockJob[] = [
  catchUpJob,
  newsletterJob,
  dashboardJob,
  districtExportJob,
  leaderDigestJob,
  // Last: it may use what is left of the tick's six minutes.
  synthesisJob,
];

export interface TickReport {
  /** False when the tick came from an account that does not run the automation: it returned at once. */
  acted: boolean;
  ran: Array<{ job: string; said: string }>;
  problems: string[];
}

function triggerUidOf(e: unknown): string {
  return e && typeof e === 'object' ? cellString((e as { triggerUid?: unknown }).triggerUid) : '';
}

/** The clock trigger's handler. A job's failure is thrown at the end, so the owner hears of it from Apps Script. */
export function onClockTick(e: unknown, jobs: readonly ClockJob[] = CLOCK_JOBS): TickReport {
  const ss = SpreadsheetApp.getActive();
  const store = DocumentStore.open();
  const record = clockRecord(store.config);
  if (!isOwnersTick(record, triggerUidOf(e), () => Session.getEffectiveUser().getEmail())) {
    return { acted: false, ran: [], problems: [] };
  }
  const nowMs = Date.now();
  let local: { text: string; time: LocalTime } | null = null;
  const tick: Tick = {
    ss,
    store,
    nowMs,
    local: () => (local ??= localNow(ss)),
    lastRun: (job) => store.config.clockLastRun?.[job] ?? null,
    later: {},
  };
  const ran: TickReport['ran'] = [];
  const problems: string[] = [];
  const finished: Record<string, string> = {};
  for (const job of jobs) {
    try {
      if (!job.due(tick)) continue;
      ran.push({ job: job.name, said: job.run(tick) });
      finished[job.name] = new Date().toISOString();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      // Busy is not a failure: the next tick tries again.
      if (err instanceof BusyError) console.warn(`Small Wins clock: ${job.name} waits for the next tick (${reason})`);
      else problems.push(`${job.name}: ${reason}`);
    }
  }
  store.save({
    ...tick.later,
    ...(Object.keys(finished).length ? { clockLastRun: { ...store.config.clockLastRun, ...finished } } : {}),
    clockHeartbeat: {
      by: record!.owner,
      at: new Date(nowMs).toISOString(),
      ...(problems.length ? { problem: problems.join(' ') } : {}),
    },
  });
  for (const r of ran) console.log(`Small Wins clock: ${r.job}: ${r.said}`);
  if (problems.length) throw new Error(problems.join(' '));
  return { acted: true, ran, problems };
}
