// Cost model: counts service calls and adds simulated milliseconds per call (see README),
// and the Proxy that meters facade methods and turns unknown methods into "not implemented" errors.

export interface MeterSnapshot {
  calls: number;
  ms: number;
}

export class Meter {
  calls = 0;
  ms = 0;
  byMethod: Record<string, { calls: number; ms: number }> = {};
  /** Nesting depth of metered calls: only the outermost call counts. */
  private depth = 0;
  private current: string | null = null;
  /** Called whenever simulated time is spent, so the clock can follow the meter if wanted. */
  onSpend: ((ms: number) => void) | null = null;
  /** Asked before each outermost call; throws to stop the execution (the time limit). */
  beforeCall: (() => void) | null = null;
  /**
   * Simulated ms spent in calls since the simulator started, never reset (sleeps excluded: they move the clock).
   * Rate quotas count time as clock + spent, since the clock does not follow the calls.
   */
  spent = 0;
  /** An execution cut off at a given call (sim.cutOff): from then on every call of that execution throws. */
  cutOff: CutOff | null = null;

  reset(): void {
    this.calls = 0;
    this.ms = 0;
    this.byMethod = {};
  }
  snapshot(): MeterSnapshot {
    return { calls: this.calls, ms: round(this.ms) };
  }
  /** Add simulated time to the call being metered (e.g. 5 µs per cell moved). */
  addMs(ms: number): void {
    if (this.depth !== 1 || !this.current || ms <= 0) return;
    this.spent += ms;
    this.ms = round(this.ms + ms);
    const m = this.byMethod[this.current];
    m.ms = round(m.ms + ms);
    this.onSpend?.(ms);
  }
  /** Utilities.sleep: time on the meter, not spent in calls (the clock moves by it instead). */
  addSleep(ms: number): void {
    const before = this.spent;
    this.addMs(ms);
    this.spent = before;
  }
  addCells(cells: number): void {
    this.addMs(cells * 0.005);
  }
  /** Runs fn as one metered call of `key` (if not nested inside another metered call). */
  call<T>(key: string, ms: number, fn: () => T): T {
    if (this.depth > 0) {
      this.depth++;
      try {
        return fn();
      } finally {
        this.depth--;
      }
    }
    this.beforeCall?.();
    const cut = this.cutOff;
    if (cut) {
      if (cut.active) throw new Error(CUT_OFF_MESSAGE);
      if (key === cut.method && ++cut.seen === cut.nth && cut.when === 'before') {
        cut.active = true;
        throw new Error(CUT_OFF_MESSAGE);
      }
    }
    this.depth = 1;
    this.current = key;
    this.calls++;
    this.spent += ms;
    const m = (this.byMethod[key] ??= { calls: 0, ms: 0 });
    m.calls++;
    this.ms = round(this.ms + ms);
    m.ms = round(m.ms + ms);
    if (ms > 0) this.onSpend?.(ms);
    try {
      const result = fn();
      if (cut && key === cut.method && cut.seen === cut.nth && cut.when === 'after') cut.active = true;
      return result;
    } finally {
      this.depth = 0;
      this.current = null;
    }
  }
  /** Run fn without metering anything inside it (simulator internals, test helpers). */
  unmetered<T>(fn: () => T): T {
    const saved = this.depth;
    this.depth = 1000;
    const savedCur = this.current;
    this.current = null;
    try {
      return fn();
    } finally {
      this.depth = saved;
      this.current = savedCur;
    }
  }
}

/** What Apps Script says when it stops an execution at its time limit. */
export const CUT_OFF_MESSAGE = 'Exceeded maximum execution time';

export interface CutOff {
  /** Metered key, e.g. "Docs.Documents.batchUpdate". */
  method: string;
  /** The nth call of it (counted from when the cut-off was set). */
  nth: number;
  /** before: that call never happens; after: it happens, then the execution stops. */
  when: 'before' | 'after';
  seen: number;
  active: boolean;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Per-class cost table: `default` applies to methods not listed. */
export type CostTable = { default: number } & Record<string, number>;

/** Names that tooling (jest, util.inspect, Promise resolution, JSON) probes; never "not implemented". */
const PROBED = new Set([
  'then',
  'toJSON',
  'constructor',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'inspect',
  'valueOf',
  'toString',
  'length',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '_isMockFunction',
  'prototype',
]);

export type ErrorMaker = (message: string) => Error;

/**
 * Wraps a facade: own function properties are metered as `${className}.${name}`,
 * non-function properties (enums) are plain reads, anything else throws "not implemented" when called.
 */
export function metered<T extends object>(
  meter: Meter,
  className: string,
  target: T,
  costs: CostTable,
  makeError: ErrorMaker,
  convertError: (e: unknown) => unknown = (e) => e,
  refusals: Readonly<Record<string, string>> = {},
): T {
  const cache = new Map<PropertyKey, unknown>();
  return new Proxy(target, {
    get(t, p, receiver) {
      if (typeof p === 'symbol') return Reflect.get(t, p, receiver);
      if (cache.has(p)) return cache.get(p);
      const refusal = refusals[`${className}.${p}`];
      if (refusal !== undefined) {
        const refuse = () => {
          throw makeError(`Simulator: ${refusal}`);
        };
        cache.set(p, refuse);
        return refuse;
      }
      if (p in t) {
        const v = Reflect.get(t, p, receiver);
        if (typeof v !== 'function') return v;
        if (p === 'toString') return v;
        const cost = costs[p] ?? costs.default;
        const key = `${className}.${p}`;
        const wrapped = function (this: unknown, ...args: unknown[]) {
          try {
            return meter.call(key, cost, () => (v as (...a: unknown[]) => unknown).apply(t, args));
          } catch (e) {
            throw convertError(e);
          }
        };
        cache.set(p, wrapped);
        return wrapped;
      }
      if (PROBED.has(p)) return undefined;
      const thrower = () => {
        throw makeError(`Simulator: ${className}.${p} is not implemented`);
      };
      cache.set(p, thrower);
      return thrower;
    },
  });
}
