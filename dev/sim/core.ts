// The simulator's shared core: live state, clock, meter, the current execution (user, AuthMode,
// whether a UI is attached), and the ServiceEnv handed to every service factory.
import { SimClock } from './clock';
import { Meter, metered, type CostTable } from './meter';
import type { CacheEntry, FormState, SpreadsheetState, TriggerState } from './types';
import type { Checked, ReferenceClasses } from './reference';

/** Constructors of one JavaScript realm: values handed to code in that realm are built with these. */
export interface Realm {
  name: 'host' | 'script';
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
  JSON: JSON;
}

export const hostRealm: Realm = { name: 'host', Date, Array, Object, Error, JSON };

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

export interface Execution {
  user: string;
  authMode: AuthModeName;
  /** false inside triggers: SpreadsheetApp.getUi() then throws like the real thing. */
  hasUi: boolean;
  /** Locks this execution holds (released when it ends). */
  locks: Set<string>;
  /** When it started (simulated ms), for the execution time limit. */
  startedMs?: number;
}

/**
 * What several projects loaded side by side share (createSimulator({ world })): Google's side of things — the clock,
 * the meter, the spreadsheets, forms and files, drafts and documents, ID sequence — while each project keeps its own
 * container document, triggers, properties, user and UI.
 */
export interface SimWorld {
  members: Array<{ core: SimCore; fireClock(t: TriggerState): void }>;
  /** The project whose execution is running (null between executions). */
  current: SimCore | null;
  counter: { seq: number };
  /** Stops an execution that runs longer (Apps Script's 6 minutes); null: no limit. */
  executionLimitMs: number | null;
}

/** What Apps Script says when it stops an execution at its time limit. */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

export interface UiRecord {
  menus: Array<{ title: string; items: MenuItemRecord[] }>;
  alerts: Array<{ title?: string; message: string; buttons?: string; prompt?: boolean }>;
  toasts: Array<{ message: string; title?: string }>;
  sidebars: Array<{ title: string; html: string; width?: number }>;
  dialogs: Array<{ title: string; html: string; modal: boolean; width?: number; height?: number }>;
  answers: Array<{ button: string; text?: string }>;
}

/** A menu entry: an item, a separator, or a submenu (every member has `caption`, so `items.map(i => i.caption)` type-checks; narrow with `'fn' in i`). */
export type MenuItemRecord =
  | { caption: string; fn: string }
  | { separator: true; caption?: undefined }
  | { caption: string; items: MenuItemRecord[] };

export class SimCore {
  clock: SimClock;
  meter = new Meter();
  timeZone: string;
  defaultUser: string;
  addonName: string;
  /** `Class.method` → why the caller forbids it (a call throws "Simulator: <why>"). */
  refusals: Record<string, string>;
  /** The projects loaded side by side with this one, and what they share. */
  world: SimWorld;
  /** This project's ID in the world ("project-1", "project-2"…): files created through it record it (drive.file). */
  projectId: string;
  spreadsheets = new Map<string, SpreadsheetState>();
  activeSpreadsheetId = '';
  forms = new Map<string, FormState>();
  triggers: TriggerState[] = [];
  properties = {
    script: {} as Record<string, string>,
    document: {} as Record<string, Record<string, string>>,
    user: {} as Record<string, Record<string, string>>,
  };
  cache: Record<string, Record<string, CacheEntry>> = {};
  extensions: Record<string, unknown> = {};
  /** Locks held by "another process" (holdLock): kind -> release time (ms), Infinity = until released. */
  foreignLocks = new Map<string, number>();
  ui: UiRecord = { menus: [], alerts: [], toasts: [], sidebars: [], dialogs: [], answers: [] };
  logs: string[] = [];
  distDir: string | null = null;
  exec: Execution;

  constructor(opts: {
    now?: Date | string;
    timeZone?: string;
    user?: string;
    addonName?: string;
    refusals?: Record<string, string>;
    /** Join this core's world: same clock, meter, files and ID sequence; its own project. */
    shared?: SimCore;
    /** Calls move the clock by their simulated time (as Date.now() does in Apps Script); world-wide. */
    clockFollowsCalls?: boolean;
    executionLimitMs?: number | null;
  }) {
    const shared = opts.shared;
    if (shared) {
      this.clock = shared.clock;
      this.meter = shared.meter;
      this.spreadsheets = shared.spreadsheets;
      this.forms = shared.forms;
      this.extensions = shared.extensions;
      this.world = shared.world;
    } else {
      this.clock = new SimClock(opts.now ?? new Date());
      this.world = { members: [], current: null, counter: { seq: 1 }, executionLimitMs: opts.executionLimitMs ?? null };
      const world = this.world;
      const clock = this.clock;
      if (opts.clockFollowsCalls) this.meter.onSpend = (ms) => clock.advance(ms);
      this.meter.beforeCall = () => {
        const running = world.current;
        const limit = world.executionLimitMs;
        if (limit !== null && running?.exec.startedMs !== undefined && clock.nowMs() - running.exec.startedMs > limit)
          throw new Error(TIME_LIMIT_MESSAGE);
      };
    }
    this.projectId = `project-${this.world.members.length + 1}`;
    this.timeZone = opts.timeZone ?? 'America/New_York';
    this.defaultUser = opts.user ?? 'user@example.com';
    this.addonName = opts.addonName ?? 'Untitled project';
    this.refusals = { ...opts.refusals };
    this.exec = { user: this.defaultUser, authMode: 'FULL', hasUi: true, locks: new Set() };
  }

  /** The ID sequence, shared by every project of the world. */
  get seq(): number {
    return this.world.counter.seq;
  }
  set seq(n: number) {
    this.world.counter.seq = n;
  }

  nextId(prefix = ''): string {
    return `${prefix}${this.seq++}`;
  }

  /** A Drive-like file id (44 chars) that is stable for a given sequence number. */
  fileId(kind: string): string {
    const n = String(this.seq++);
    return `1Sim${kind}`.padEnd(44 - n.length, '_') + n;
  }

  /** Throws "Authorization is required" when the current AuthMode does not allow `service`. */
  requireAuth(service: string, allowInLimited = false): void {
    const mode = this.exec.authMode;
    if (mode === 'FULL' || mode === 'CUSTOM_FUNCTION') return;
    if (mode === 'LIMITED' && allowInLimited) return;
    throw new Error(`Authorization is required to perform that action. (Simulator: ${service} in AuthMode ${mode})`);
  }

  /** Run fn as one execution (run, trigger, sidebar call): locks are released when it ends. */
  execute<T>(exec: Partial<Execution>, fn: () => T): T {
    const saved = this.exec;
    const savedCurrent = this.world.current;
    this.exec = {
      user: this.defaultUser,
      authMode: 'FULL',
      hasUi: true,
      ...exec,
      locks: new Set(),
      startedMs: this.clock.nowMs(),
    };
    this.world.current = this;
    try {
      return fn();
    } finally {
      this.exec = saved;
      this.world.current = savedCurrent;
      // A cut-off stops one execution; the next one starts afresh.
      if (this.meter.cutOff?.active) this.meter.cutOff = null;
    }
  }
}

/** What a service factory receives: one per realm (the script's vm realm, or the host for sim.api). */
export interface ServiceEnv {
  core: SimCore;
  realm: Realm;
  /**
   * Wrap a facade object: metered methods named `${className}.${method}`, unknown methods throw "not implemented".
   * A class the reference types know is checked against them (dev/sim/reference.ts).
   */
  metered<N extends string, T extends object>(
    className: N,
    target: N extends keyof ReferenceClasses ? Checked<ReferenceClasses[N], T> : T,
    costs: CostTable | number,
  ): T;
  /** An Error of the realm (so `e instanceof Error` works in the bundle), named like Apps Script's. */
  error(message: string): Error;
  /** A Date of the realm. */
  date(ms: number | Date): Date;
  /** An array of the realm. */
  arr<T>(items: readonly T[]): T[];
  /** A plain object of the realm with the given own properties. */
  obj<T extends object>(props: T): T;
  /** An enum object shared by every service of this realm: values compare with ===, print as their name. */
  enumOf(group: string, names: readonly string[]): Record<string, EnumValue>;
  /** Persistent, JSON-serialisable state of a registered service (saved by exportState). */
  state<T>(name: string, init: () => T): T;
}

export interface EnumValue {
  name(): string;
  toString(): string;
  toJSON(): string;
  ordinal(): number;
}

export function makeEnv(core: SimCore, realm: Realm): ServiceEnv {
  const enums = new Map<string, Record<string, EnumValue>>();
  const error = (message: string): Error => {
    const e = new realm.Error(message);
    e.name = 'Exception';
    return e;
  };
  const env: ServiceEnv = {
    core,
    realm,
    metered<T extends object>(className: string, target: object, costs: CostTable | number): T {
      const table: CostTable = typeof costs === 'number' ? { default: costs } : costs;
      return metered(core.meter, className, target as T, table, error, (e) => realmError(env, e), core.refusals);
    },
    error,
    date: (ms) => new realm.Date(typeof ms === 'number' ? ms : ms.getTime()),
    arr: (items) => realm.Array.from(items),
    obj: (props) => realm.Object.assign(new realm.Object(), props) as typeof props,
    enumOf(group, names) {
      let e = enums.get(group);
      if (!e) {
        e = new realm.Object() as Record<string, EnumValue>;
        names.forEach((n, i) => {
          e![n] = Object.freeze(
            realm.Object.assign(new realm.Object(), {
              name: () => n,
              toString: () => n,
              toJSON: () => n,
              ordinal: () => i,
            }),
          ) as EnumValue;
        });
        Object.freeze(e);
        enums.set(group, e);
      }
      return e;
    },
    state<T>(name: string, init: () => T): T {
      if (!(name in core.extensions)) core.extensions[name] = init();
      return core.extensions[name] as T;
    },
  };
  return env;
}

/** Rethrow host errors (from simulator internals) as realm errors with the same message. */
export function realmError(env: ServiceEnv, e: unknown): unknown {
  if (e instanceof env.realm.Error) return e;
  if (e && typeof e === 'object' && 'message' in e) return env.error(String((e as Error).message));
  return e;
}
