// Entry point of the Apps Script simulator: createSimulator() wires the fake services, the loader,
// trigger firing and the unmetered test model together (see dev/sim/README.md).
import { documentService } from './documents';
import { languageService } from './language';
import { docsApiService } from './docs-api';
import type { CutOff } from './meter';
import { gmailService } from './gmail';
import { sheetsApiService } from './sheets-api';
import { driveService } from './drive';
import { bigQueryService } from './bigquery';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { displayValue, isDateValue } from './cells';
import { chartsService } from './charts';
import { zonedParts } from './clock';
import {
  hostRealm,
  makeEnv,
  SimCore,
  type AuthModeName,
  type MenuItemRecord,
  type Realm,
  type ServiceEnv,
  type UiRecord,
} from './core';
import { formsService, submitResponse } from './forms';
import { lastCol } from './grid';
import { htmlService, uiService } from './html';
import { createScriptContext, defineGlobals, globalFunction, runBundle, type ScriptContext } from './loader';
import { cacheService, lockService } from './lock';
import { SimSpreadsheetModel } from './model';
import { propertiesService } from './properties';
import { sessionService } from './session';
import { describeTriggers, reschedule, scriptService } from './script';
import { createSpreadsheetState, spreadsheetService, type SpreadsheetInternals } from './spreadsheet';
import type { FormState, SimState, SpreadsheetState, TriggerState } from './types';
import { loggingServices, utilitiesService } from './utilities';

export type { SimState, FormState as SimFormModel, TriggerState, ServiceEnv, Realm, MenuItemRecord };
export { SimSpreadsheetModel, SimSheetModel } from './model';
export { formatDate } from './utilities';
export { zonedParts, zonedToMs } from './clock';
export { documentService, javaReplace, simDocuments, type DocNode } from './documents';
export { docsApiService, simDocsApi, WRITES_PER_MINUTE } from './docs-api';
export { gmailService, parseMessage, simGmail } from './gmail';
export {
  languageService,
  simLanguage,
  TRANSLATE_DAILY_QUOTA,
  TRANSLATE_QUOTA_MESSAGE,
  type TranslateCall,
} from './language';
export { sheetsApiService, simSheetsApi, quoteSheet, type SheetsApiCall } from './sheets-api';
export { driveService, simDrive, permissionIdFor } from './drive';
export { bigQueryService, simBigQuery, parseCsv, LOAD_JOB_MS, type BigQueryTable } from './bigquery';
export { TIME_LIMIT_MESSAGE } from './core';
export { CUT_OFF_MESSAGE } from './meter';

/** Builds the globals of one service for one realm; called once for sim.api and once per load(). */
export type ServiceFactory = (env: ServiceEnv) => unknown;

export interface SimulatorOptions {
  now?: Date | string;
  timeZone?: string;
  user?: string;
  spreadsheetName?: string;
  state?: SimState;
  /** Name the add-on menu is shown under (createAddonMenu). */
  addonName?: string;
  /**
   * Service methods the caller forbids, `Class.method` → why (e.g. `'Gmail.Users.Drafts.send': 'this add-on never
   * sends email'`): a call throws "Simulator: <why>" instead of running.
   */
  refusals?: Record<string, string>;
  /** Apply editor add-on trigger rules (default true). */
  addon?: boolean;
  /** Extra services, e.g. { DocumentApp: documentService }. Same as calling registerService. */
  services?: Record<string, ServiceFactory>;
  /**
   * Load this project side by side with another simulator's (a school's add-on and a district's script): the same
   * clock, meter, spreadsheets, files, drafts and documents; its own container spreadsheet (owned by `user`),
   * triggers, properties and UI. `advanceTo` on either fires every project's clock triggers in time order.
   */
  world?: Simulator;
  /** Each call moves the clock by its simulated time, as time passes in Apps Script (world-wide; default off). */
  clockFollowsCalls?: boolean;
  /**
   * Stop an execution that runs past this many simulated ms (Apps Script stops one at 6 minutes): its next service
   * call throws "Exceeded maximum execution time". Needs clockFollowsCalls to mean anything; world-wide.
   */
  executionLimitMs?: number;
}

type AlertButton = 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';

export interface SimTriggerInfo {
  id: string;
  fn: string;
  type: 'ON_FORM_SUBMIT' | 'CLOCK' | string;
  owner: string;
  sourceId?: string;
  schedule?: unknown;
}

export interface Simulator {
  clock: { now(): Date; set(d: Date | string): void; advance(ms: number): void };
  setUser(email: string): void;
  meter: {
    readonly calls: number;
    readonly ms: number;
    readonly byMethod: Record<string, { calls: number; ms: number }>;
    reset(): void;
    snapshot(): { calls: number; ms: number };
  };
  load(distDir: string): void;
  run<T = unknown>(fnName: string, ...args: unknown[]): T;
  runSidebar(fnName: string, args: unknown[]): { ok: true; value: unknown } | { ok: false; error: string };
  open(authMode?: 'NONE' | 'LIMITED' | 'FULL'): void;
  install(): void;
  submitForm(
    formId: string,
    answers: Record<string, string | string[]>,
    opts?: { email?: string; at?: Date },
  ): { responseId: string; row: number; event: unknown };
  redeliver(event: unknown): void;
  fireDue(): number;
  advanceTo(d: Date | string): number;
  ui: Omit<UiRecord, 'answers'> & { answerNextAlert(button: AlertButton, text?: string): void };
  logs: string[];
  /** Errors thrown by trigger handlers (Apps Script would email the owner); also logged. */
  errors: Array<{ fn: string; trigger: string; message: string }>;
  spreadsheet: SimSpreadsheetModel;
  forms: Map<string, FormState>;
  deleteForm(id: string): void;
  triggers(): SimTriggerInfo[];
  holdLock(kind: 'document' | 'script' | 'user', heldForMs?: number): void;
  exportState(): SimState;
  /** Metered Apps Script services for test code (host realm): sim.api.SpreadsheetApp.getActive()... */
  api: Record<string, any>;
  /** Add a global service (before load(), or it is added to the loaded context right away). */
  registerService(name: string, factory: ServiceFactory): void;
  /**
   * Stops the next execution that makes the `nth` call of `method` (a metered key such as
   * "Docs.Documents.batchUpdate"), as Apps Script stops one at its time limit: `before` that call happens, or right
   * `after` it. From then on every service call of that execution throws "Exceeded maximum execution time".
   */
  cutOff(method: string, nth: number, when: 'before' | 'after'): void;
  /** Current AuthMode-free access to the core (for service authors). */
  core: SimCore;
}

interface ServiceSet {
  env: ServiceEnv;
  globals: Record<string, unknown>;
  sheets: SpreadsheetInternals;
  AuthMode: Record<string, unknown>;
  user: (email: string) => object;
}

function buildServices(core: SimCore, realm: Realm, extra: Map<string, ServiceFactory>, addon: boolean): ServiceSet {
  const env = makeEnv(core, realm);
  const getUi = uiService(env);
  const sheets = spreadsheetService(env, getUi);
  const forms = formsService(env);
  const script = scriptService(env, (x) => sheets.idOf(x)?.ssId ?? null, forms.formIdOf, { addon });
  const session = sessionService(env);
  const globals: Record<string, unknown> = {
    ...sheets.globals,
    Charts: chartsService(env),
    FormApp: forms.FormApp,
    ScriptApp: script.ScriptApp,
    ...propertiesService(env),
    ...lockService(env),
    ...cacheService(env),
    Session: session.Session,
    ...utilitiesService(env),
    ...htmlService(env),
    ...loggingServices(env),
  };
  for (const [name, factory] of extra) globals[name] = factory(env);
  return { env, globals, sheets, AuthMode: script.AuthMode, user: session.user };
}

const DATE_TAG = '$date';

function serialiseSpreadsheets(list: SpreadsheetState[]): unknown[] {
  return JSON.parse(
    JSON.stringify(list, function (this: Record<string, unknown>, key, value) {
      const raw = this[key];
      return isDateValue(raw) ? { [DATE_TAG]: raw.toISOString() } : value;
    }),
  ) as unknown[];
}

function restoreSpreadsheets(list: unknown[]): SpreadsheetState[] {
  return JSON.parse(JSON.stringify(list), function (this: unknown, _key, value) {
    if (value === null && Array.isArray(this)) return undefined; // holes of sparse rows
    if (value && typeof value === 'object' && DATE_TAG in value)
      return new Date((value as Record<string, string>)[DATE_TAG]);
    return value;
  }) as SpreadsheetState[];
}

/** JSON-like check used for google.script.run arguments and results; returns the first problem found. */
function jsonProblem(v: unknown, where: string): string | null {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === undefined)
    return null;
  if (typeof v === 'function') return `${where} is a function`;
  if (typeof v !== 'object') return `${where} is a ${typeof v}`;
  if (isDateValue(v)) return `${where} is a Date`;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = jsonProblem(v[i], `${where}[${i}]`);
      if (p) return p;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && Object.getPrototypeOf(proto) !== null)
    return `${where} is a class instance (${(proto.constructor as { name?: string })?.name ?? 'object'})`;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    const p = jsonProblem(x, `${where}.${k}`);
    if (p) return p;
  }
  return null;
}

export function createSimulator(opts: SimulatorOptions = {}): Simulator {
  const st = opts.state;
  if (st && opts.world) throw new Error('Simulator: a project that joins a world cannot restore a state of its own');
  const core = new SimCore({
    shared: opts.world?.core,
    clockFollowsCalls: opts.clockFollowsCalls,
    executionLimitMs: opts.executionLimitMs,
    now: opts.now ?? st?.now,
    timeZone: opts.timeZone ?? st?.timeZone,
    user: opts.user ?? st?.user,
    addonName: opts.addonName,
    refusals: opts.refusals,
  });
  const addon = opts.addon !== false;
  // DocumentApp (its scope checked per call) and LanguageApp (no scope needed) are built-in services; advanced
  // services such as Gmail exist only when the loaded manifest enables them (see load()).
  const extra = new Map<string, ServiceFactory>([
    ['DocumentApp', documentService as ServiceFactory],
    ['LanguageApp', languageService as ServiceFactory],
    ...Object.entries(opts.services ?? {}),
  ]);

  if (st) {
    core.seq = st.seq;
    for (const ss of restoreSpreadsheets(st.spreadsheets)) core.spreadsheets.set(ss.id, ss);
    core.activeSpreadsheetId = st.activeSpreadsheetId;
    for (const f of st.forms) core.forms.set(f.id, structuredClone(f));
    core.triggers = structuredClone(st.triggers);
    core.properties = structuredClone(st.properties);
    core.cache = structuredClone(st.cache);
    core.extensions = structuredClone(st.extensions ?? {});
  } else {
    const ss = createSpreadsheetState({ core }, opts.spreadsheetName ?? 'Untitled spreadsheet');
    core.activeSpreadsheetId = ss.id;
  }

  let host: ServiceSet | null = null;
  const hostServices = () => (host ??= buildServices(core, hostRealm, extra, addon));
  let script: { ctx: ScriptContext; services: ServiceSet } | null = null;
  const loaded = () => {
    if (!script) throw new Error('Simulator: call sim.load(distDir) before running bundle code');
    return script;
  };
  const errors: Simulator['errors'] = [];
  const eventTargets = new WeakMap<object, { ssId: string }>();

  function callHandler(
    fnName: string,
    trigger: TriggerState | null,
    exec: { user: string; authMode: AuthModeName; hasUi: boolean },
    arg: unknown,
  ): void {
    const s = loaded();
    core.execute(exec, () => {
      try {
        globalFunction(s.ctx, fnName)(arg);
      } catch (e) {
        if (!trigger) throw e;
        const message = e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
        errors.push({ fn: fnName, trigger: trigger.id, message });
        core.logs.push(`Simulator: trigger ${trigger.id} (${fnName}) failed: ${message}`);
      }
    });
  }

  function fireTrigger(t: TriggerState, event: Record<string, unknown>): void {
    const s = loaded();
    const e = s.services.env.obj({ ...event, triggerUid: t.id });
    if (event && typeof event === 'object') {
      const target = eventTargets.get(event);
      if (target) eventTargets.set(e, target);
    }
    callHandler(t.fn, t, { user: t.owner, authMode: 'FULL', hasUi: false }, e);
  }

  function formSubmitTriggers(ssId: string): TriggerState[] {
    return core.triggers.filter(
      (t) => t.type === 'ON_FORM_SUBMIT' && t.source === 'SPREADSHEETS' && t.sourceId === ssId,
    );
  }

  function clockEvent(t: TriggerState): Record<string, unknown> {
    const p = zonedParts(core.clock.nowMs(), 'UTC');
    const jan1 = Date.UTC(p.year, 0, 1);
    const week = Math.floor((Date.UTC(p.year, p.month - 1, p.day) - jan1) / (7 * 86400000)) + 1;
    return {
      authMode: loaded().services.AuthMode.FULL,
      triggerUid: t.id,
      year: p.year,
      month: p.month,
      'day-of-month': p.day,
      'day-of-week': p.weekday,
      'week-of-year': week,
      hour: p.hour,
      minute: p.minute,
      second: p.second,
      timezone: 'UTC',
    };
  }

  function fireClock(t: TriggerState): void {
    const due = t.next!;
    callHandler(t.fn, t, { user: t.owner, authMode: 'FULL', hasUi: false }, loaded().services.env.obj(clockEvent(t)));
    // The handler may have deleted its own trigger.
    if (!core.triggers.includes(t)) return;
    let next = reschedule(t, due, core.timeZone);
    while (next !== null && next <= core.clock.nowMs()) next = reschedule(t, next, core.timeZone);
    t.next = next;
  }

  const spreadsheetModel = new SimSpreadsheetModel(core, () => core.activeSpreadsheetId);

  const sim: Simulator = {
    core,
    clock: {
      now: () => core.clock.now(),
      set: (d) => core.clock.set(d),
      advance: (ms) => core.clock.advance(ms),
    },
    setUser(email) {
      core.defaultUser = email;
      core.exec.user = email;
    },
    meter: {
      get calls() {
        return core.meter.calls;
      },
      get ms() {
        return core.meter.snapshot().ms;
      },
      get byMethod() {
        return core.meter.byMethod;
      },
      reset: () => core.meter.reset(),
      snapshot: () => core.meter.snapshot(),
    },
    load(distDir) {
      core.distDir = path.resolve(distDir);
      for (const symbol of enabledAdvancedServices(core.distDir)) {
        if (symbol === 'Gmail' && !extra.has('Gmail')) extra.set('Gmail', gmailService as ServiceFactory);
        if (symbol === 'Sheets' && !extra.has('Sheets')) extra.set('Sheets', sheetsApiService as ServiceFactory);
        if (symbol === 'Drive' && !extra.has('Drive')) extra.set('Drive', driveService as ServiceFactory);
        if (symbol === 'BigQuery' && !extra.has('BigQuery')) extra.set('BigQuery', bigQueryService as ServiceFactory);
        if (symbol === 'Docs' && !extra.has('Docs')) extra.set('Docs', docsApiService as ServiceFactory);
      }
      const ctx = createScriptContext(() => core.clock.nowMs());
      const services = buildServices(core, ctx.realm, extra, addon);
      defineGlobals(ctx, services.globals);
      script = { ctx, services };
      runBundle(ctx, core.distDir);
    },
    run<T>(fnName: string, ...args: unknown[]): T {
      const s = loaded();
      const fn = globalFunction(s.ctx, fnName);
      return core.execute({ user: core.defaultUser, authMode: 'FULL', hasUi: true }, () => fn(...args)) as T;
    },
    runSidebar(fnName, args) {
      const s = loaded();
      const argProblem = jsonProblem(args, 'argument');
      if (argProblem)
        return {
          ok: false,
          error: `google.script.run: ${argProblem}; only JSON-like values can be sent to the server`,
        };
      let fn: (...a: unknown[]) => unknown;
      try {
        fn = globalFunction(s.ctx, fnName);
      } catch (e) {
        return { ok: false, error: (e as Error).message };
      }
      if (fnName.endsWith('_')) return { ok: false, error: `Script function not found: ${fnName}` };
      const inArgs = s.ctx.realm.JSON.parse(JSON.stringify(args ?? [])) as unknown[];
      try {
        const value = core.execute({ user: core.defaultUser, authMode: 'FULL', hasUi: true }, () => fn(...inArgs));
        const resultProblem = jsonProblem(value, 'return value');
        if (resultProblem)
          return {
            ok: false,
            error: `google.script.run: ${resultProblem}; only JSON-like values can be returned to the sidebar`,
          };
        return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
      } catch (e) {
        return {
          ok: false,
          error: e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e),
        };
      }
    },
    open(authMode = 'LIMITED') {
      const s = loaded();
      if (typeof (s.ctx.context as Record<string, unknown>).onOpen !== 'function') return;
      core.ui.menus = [];
      const e: Record<string, unknown> = { authMode: s.services.AuthMode[authMode] };
      if (authMode !== 'NONE') {
        e.source = s.services.sheets.spreadsheet(core.activeSpreadsheetId);
        e.user = s.services.user(core.defaultUser);
      }
      callHandler('onOpen', null, { user: core.defaultUser, authMode, hasUi: true }, s.services.env.obj(e));
    },
    install() {
      const s = loaded();
      if (typeof (s.ctx.context as Record<string, unknown>).onInstall !== 'function') return;
      callHandler(
        'onInstall',
        null,
        { user: core.defaultUser, authMode: 'FULL', hasUi: true },
        s.services.env.obj({ authMode: s.services.AuthMode.FULL }),
      );
    },
    submitForm(formId, answers, o = {}) {
      const r = submitResponse(core, formId, answers, o);
      if (!r.spreadsheetId || r.sheetId === null) return { responseId: r.responseId, row: 0, event: null };
      const s = loaded();
      const ss = core.spreadsheets.get(r.spreadsheetId)!;
      const sh = ss.sheets.find((x) => x.id === r.sheetId)!;
      const width = Math.max(lastCol(sh), 1);
      const header: string[] = [];
      const values: string[] = [];
      for (let c = 1; c <= width; c++) {
        header.push(displayValue(sh.rows[0]?.[c - 1], ss.timeZone));
        values.push(displayValue(sh.rows[r.row - 1]?.[c - 1], ss.timeZone));
      }
      const env = s.services.env;
      const named: Record<string, string[]> = {};
      // Columns sharing a header (a question deleted and re-added) share one key: its array holds every value.
      header.forEach((h, i) => {
        if (h === '') return;
        if (named[h]) named[h].push(values[i]);
        else named[h] = env.arr([values[i]]);
      });
      const event = env.obj({
        authMode: s.services.AuthMode.FULL,
        namedValues: env.obj(named),
        range: s.services.sheets.range(ss.id, sh.id, { r: r.row, c: 1, nr: 1, nc: width }),
        source: s.services.sheets.spreadsheet(ss.id),
        values: env.arr(values),
        triggerUid: '' as string,
      });
      eventTargets.set(event, { ssId: ss.id });
      const triggers = formSubmitTriggers(ss.id);
      if (triggers[0]) event.triggerUid = triggers[0].id;
      for (const t of triggers) fireTrigger(t, event);
      return { responseId: r.responseId, row: r.row, event };
    },
    redeliver(event) {
      if (!event || typeof event !== 'object')
        throw new Error('Simulator: redeliver needs the event returned by submitForm');
      const target = eventTargets.get(event);
      if (!target) throw new Error('Simulator: redeliver needs the event returned by submitForm');
      for (const t of formSubmitTriggers(target.ssId)) fireTrigger(t, event as Record<string, unknown>);
    },
    fireDue() {
      const now = core.clock.nowMs();
      const due = worldClockTriggers(core)
        .filter(({ t }) => t.next! <= now)
        .sort((a, b) => a.t.next! - b.t.next!);
      for (const { t, fire } of due) fire(t);
      return due.length;
    },
    advanceTo(d) {
      const target = typeof d === 'string' ? Date.parse(d) : d.getTime();
      if (!Number.isFinite(target)) throw new Error(`Simulator: invalid date ${String(d)}`);
      if (target < core.clock.nowMs()) throw new Error('Simulator: advanceTo cannot move the clock backwards');
      let fired = 0;
      for (;;) {
        const due = worldClockTriggers(core)
          .filter(({ t }) => t.next! <= target)
          .sort((a, b) => a.t.next! - b.t.next!)[0];
        if (!due) break;
        const next = due.t;
        if (next.next! > core.clock.nowMs()) core.clock.set(next.next!);
        due.fire(next);
        fired++;
        if (fired > 100000) throw new Error('Simulator: advanceTo fired more than 100000 triggers');
      }
      if (target > core.clock.nowMs()) core.clock.set(target);
      return fired;
    },
    ui: {
      get menus() {
        return core.ui.menus;
      },
      get alerts() {
        return core.ui.alerts;
      },
      get toasts() {
        return core.ui.toasts;
      },
      get sidebars() {
        return core.ui.sidebars;
      },
      get dialogs() {
        return core.ui.dialogs;
      },
      answerNextAlert(button, text) {
        core.ui.answers.push({ button, ...(text !== undefined ? { text } : {}) });
      },
    },
    logs: core.logs,
    errors,
    spreadsheet: spreadsheetModel,
    forms: core.forms,
    deleteForm(id) {
      const f = core.forms.get(id);
      if (!f) throw new Error(`Simulator: no form ${id}`);
      f.deleted = true;
    },
    triggers: () => describeTriggers(core),
    holdLock(kind, heldForMs) {
      const key =
        kind === 'document'
          ? `document:${core.activeSpreadsheetId}`
          : kind === 'user'
            ? `user:${core.defaultUser}`
            : 'script';
      core.foreignLocks.set(key, heldForMs === undefined ? Infinity : core.clock.nowMs() + heldForMs);
    },
    exportState(): SimState {
      return {
        version: 1,
        now: core.clock.now().toISOString(),
        timeZone: core.timeZone,
        user: core.defaultUser,
        seq: core.seq,
        activeSpreadsheetId: core.activeSpreadsheetId,
        spreadsheets: serialiseSpreadsheets([...core.spreadsheets.values()]),
        forms: structuredClone([...core.forms.values()]),
        triggers: structuredClone(core.triggers),
        properties: structuredClone(core.properties),
        cache: structuredClone(core.cache),
        extensions: JSON.parse(JSON.stringify(core.extensions)) as Record<string, unknown>,
      };
    },
    get api() {
      return hostServices().globals;
    },
    cutOff(method, nth, when) {
      const cut: CutOff = { method, nth, when, seen: 0, active: false };
      core.meter.cutOff = cut;
    },
    registerService(name, factory) {
      extra.set(name, factory);
      if (host) host.globals[name] = factory(host.env);
      if (script) defineGlobals(script.ctx, { [name]: factory(script.services.env) });
    },
  };
  core.world.members.push({ core, fireClock });
  return sim;
}

/** Clock triggers of every project in the world, each with the function that fires it in its own project. */
function worldClockTriggers(core: SimCore): Array<{ t: TriggerState; fire: (t: TriggerState) => void }> {
  return core.world.members.flatMap((m) =>
    m.core.triggers.filter((t) => t.type === 'CLOCK' && t.next != null).map((t) => ({ t, fire: m.fireClock })),
  );
}

/** userSymbols of the advanced services the manifest in distDir enables (none without a manifest). */
function enabledAdvancedServices(distDir: string): string[] {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'appsscript.json'), 'utf8')) as {
      dependencies?: { enabledAdvancedServices?: Array<{ userSymbol?: string }> };
    };
    return (manifest.dependencies?.enabledAdvancedServices ?? []).map((s) => String(s.userSymbol ?? ''));
  } catch {
    return [];
  }
}
