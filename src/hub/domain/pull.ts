// The nightly pull's pace: how long one execution may keep reading schools before it must stop between two of them,
// write what it has and leave the rest to a follow-up trigger (Apps Script stops every execution at 6 minutes).

export const EXECUTION_MS = 6 * 60_000;
/** Kept back for writing the three sheets, saving where the pull stands and scheduling the follow-up. */
export const RESERVE_MS = 75_000;
/** A follow-up trigger fires this long after it is made. */
export const FOLLOW_UP_MS = 60_000;
/** A pull that has not moved for this long was cut off without a follow-up: the next nightly run starts afresh. */
export const STALLED_MS = 2 * 3_600_000;

/** Where a pull stands between executions (document properties). */
export interface PullState {
  /** When the pull started (ISO); every execution of one pull shares it. */
  started: string;
  /** Export IDs in the order they are read. */
  keys: string[];
  /** Index of the next school to read. */
  next: number;
  /** Schools read and schools kept stale so far. */
  read: number;
  stale: number;
  executions: number;
  /** Last time an execution of this pull saved (ISO). */
  touched: string;
}

/** Whether one more school fits: the slowest read so far, with the reserve for writing, before the limit. */
export function roomForAnother(startMs: number, nowMs: number, slowestMs: number): boolean {
  return nowMs - startMs + Math.max(slowestMs, 1000) * 2 + RESERVE_MS < EXECUTION_MS;
}

export function stalled(state: PullState, nowMs: number): boolean {
  const t = Date.parse(state.touched);
  return !Number.isFinite(t) || nowMs - t > STALLED_MS;
}

/** "Refreshed 100 schools (2 kept stale) in 3 executions." */
export function pullSummary(state: PullState): string {
  const n = state.keys.length;
  const stale = state.stale ? ` (${state.stale} could not be read and kept their last data)` : '';
  const runs = state.executions > 1 ? ` in ${state.executions} runs` : '';
  return `Refreshed ${n} school${n === 1 ? '' : 's'}${stale}${runs}.`;
}
