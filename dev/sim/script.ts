// ScriptApp fake: installable triggers (spreadsheet and clock) with the 20-per-user limit and the
// editor add-on rules, the AuthMode/EventType/TriggerSource/WeekDay enums, and clock scheduling.
import { zonedParts, zonedToMs } from './clock';
import type { ServiceEnv, SimCore } from './core';
import type { ClockSchedule, TriggerEventType, TriggerState } from './types';

export const MAX_TRIGGERS = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
const HOUR = 3600000;
const DAY = 24 * HOUR;
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const KIND_WORDS: Record<TriggerEventType, string> = {
  CLOCK: 'time-based',
  ON_FORM_SUBMIT: 'form submit',
  ON_OPEN: 'open',
  ON_EDIT: 'edit',
  ON_CHANGE: 'change',
};

export function addonTooMany(type: TriggerEventType): string {
  return `This add-on has created too many ${KIND_WORDS[type]} triggers in this document for this Google user account.`;
}
export const ADDON_HOURLY = 'Add-ons may only create time-based triggers that fire at most once per hour.';

/** Next due time strictly after `after` for a clock schedule, in the script's time zone. */
export function nextDue(s: ClockSchedule, after: number, tz: string, created: number): number | null {
  switch (s.kind) {
    case 'once':
      return null;
    case 'minutes':
      return after + (s.every ?? 1) * 60000;
    case 'hours':
      return after + (s.every ?? 1) * HOUR;
    case 'days':
    case 'weeks': {
      const p = zonedParts(after, tz);
      const hour = s.atHour ?? zonedParts(created, tz).hour;
      const minute = s.nearMinute ?? 0;
      for (let k = 0; k <= 7 * (s.every ?? 1) + 1; k++) {
        const d = new Date(Date.UTC(p.year, p.month - 1, p.day + k));
        const t = zonedToMs(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), hour, minute, 0, 0, tz);
        if (t <= after) continue;
        if (s.kind === 'weeks' && zonedParts(t, tz).weekday !== (s.weekDay ?? 1)) continue;
        return t;
      }
      return after + DAY;
    }
  }
}

/** After a trigger fired at `firedAt`, its next due time (respecting the interval of every-N schedules). */
export function reschedule(t: TriggerState, firedAt: number, tz: string): number | null {
  const s = t.schedule!;
  if (s.kind === 'once') return null;
  if (s.kind === 'days' || s.kind === 'weeks') {
    const step = (s.kind === 'days' ? 1 : 7) * (s.every ?? 1);
    // the same wall-clock time `step` days later
    const p = zonedParts(firedAt, tz);
    const d = new Date(Date.UTC(p.year, p.month - 1, p.day + step));
    return zonedToMs(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), p.hour, p.minute, 0, 0, tz);
  }
  return nextDue(s, firedAt, tz, firedAt);
}

export function scriptService(
  env: ServiceEnv,
  ssIdOf: (x: unknown) => string | null,
  formIdOf: (x: unknown) => string | null,
  opts: { addon: boolean },
) {
  const { core } = env;
  const err = env.error;
  const AuthMode = env.enumOf('ScriptApp.AuthMode', ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
  const EventType = env.enumOf('ScriptApp.EventType', [
    'CLOCK',
    'ON_OPEN',
    'ON_EDIT',
    'ON_FORM_SUBMIT',
    'ON_CHANGE',
    'ON_EVENT_UPDATED',
  ]);
  const TriggerSource = env.enumOf('ScriptApp.TriggerSource', [
    'SPREADSHEETS',
    'CLOCK',
    'FORMS',
    'DOCUMENTS',
    'CALENDAR',
  ]);
  const WeekDay = env.enumOf('ScriptApp.WeekDay', WEEKDAYS);
  const AuthorizationStatus = env.enumOf('ScriptApp.AuthorizationStatus', ['REQUIRED', 'NOT_REQUIRED']);

  function triggerFacade(t: TriggerState) {
    return env.metered(
      'Trigger',
      {
        getUniqueId: () => t.id,
        getHandlerFunction: () => t.fn,
        getEventType: () => EventType[t.type],
        getTriggerSource: () => TriggerSource[t.source],
        getTriggerSourceId: () => t.sourceId ?? null,
        [TRIGGER]: t.id,
      },
      0,
    );
  }

  function create(t: Omit<TriggerState, 'id' | 'owner'>, created: number): object {
    const owner = core.exec.user;
    const mine = core.triggers.filter((x) => x.owner === owner);
    if (mine.length >= MAX_TRIGGERS) throw err(TOO_MANY_TRIGGERS);
    if (opts.addon) {
      const doc = core.activeSpreadsheetId;
      const sameKind = mine.filter((x) => x.type === t.type && (x.type === 'CLOCK' || x.sourceId === doc));
      if (sameKind.length >= 1) throw err(addonTooMany(t.type));
    }
    const full: TriggerState = { ...t, id: (4034124084959907503n + BigInt(core.seq++) * 7919n).toString(), owner };
    if (full.schedule)
      full.next =
        full.schedule.kind === 'once'
          ? Date.parse(full.schedule.at!)
          : nextDue(full.schedule, created, core.timeZone, created);
    core.triggers.push(full);
    return triggerFacade(full);
  }

  function newTrigger(fn: string) {
    const handler = String(fn);
    const forSpreadsheet = (x: unknown) => {
      const ssId = typeof x === 'string' ? x : ssIdOf(x);
      if (!ssId || !core.spreadsheets.has(ssId)) throw err('Invalid argument: key');
      if (opts.addon && ssId !== core.activeSpreadsheetId)
        throw err('Simulator: an editor add-on can only create triggers for the file it is running in.');
      let type: TriggerEventType | null = null;
      const b = {
        onFormSubmit: () => ((type = 'ON_FORM_SUBMIT'), pb),
        onOpen: () => ((type = 'ON_OPEN'), pb),
        onEdit: () => ((type = 'ON_EDIT'), pb),
        onChange: () => ((type = 'ON_CHANGE'), pb),
        create: () => {
          if (!type) throw err('Simulator: choose an event (onFormSubmit, onOpen, onEdit, onChange) before create()');
          return create({ fn: handler, type, source: 'SPREADSHEETS', sourceId: ssId }, core.clock.nowMs());
        },
      };
      const pb: object = env.metered('SpreadsheetTriggerBuilder', b, { default: 0, create: 300 });
      return pb;
    };
    const forForm = (x: unknown) => {
      const formId = typeof x === 'string' ? x : formIdOf(x);
      if (opts.addon)
        throw err(
          'Simulator: an editor add-on in Sheets cannot create triggers on a Form (use the spreadsheet form-submit trigger).',
        );
      let type: TriggerEventType | null = null;
      const b = {
        onFormSubmit: () => ((type = 'ON_FORM_SUBMIT'), pb),
        onOpen: () => ((type = 'ON_OPEN'), pb),
        create: () =>
          create(
            { fn: handler, type: type ?? 'ON_FORM_SUBMIT', source: 'FORMS', sourceId: formId ?? undefined },
            core.clock.nowMs(),
          ),
      };
      const pb: object = env.metered('FormTriggerBuilder', b, { default: 0, create: 300 });
      return pb;
    };
    const timeBased = () => {
      const s: ClockSchedule = { kind: 'hours', every: undefined };
      let chosen = false;
      const every = (kind: ClockSchedule['kind']) => (n: number) => {
        const k = Number(n);
        if (kind === 'minutes') {
          if (opts.addon) throw err(ADDON_HOURLY);
          if (![1, 5, 10, 15, 30].includes(k))
            throw err('The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
        }
        if (!Number.isInteger(k) || k < 1) throw err(`Invalid argument: ${kind}`);
        s.kind = kind;
        s.every = k;
        chosen = true;
        return pb;
      };
      const b = {
        everyMinutes: every('minutes'),
        everyHours: every('hours'),
        everyDays: every('days'),
        everyWeeks: every('weeks'),
        atHour: (h: number) => {
          if (!(h >= 0 && h <= 23)) throw err('Invalid argument: hour');
          s.atHour = Number(h);
          return pb;
        },
        nearMinute: (m: number) => {
          s.nearMinute = Math.floor(Number(m) / 15) * 15;
          return pb;
        },
        onWeekDay: (d: unknown) => {
          const idx = WEEKDAYS.indexOf(String(d));
          if (idx < 0) throw err('Invalid argument: weekDay');
          s.weekDay = idx + 1;
          if (s.kind !== 'weeks') {
            s.kind = 'weeks';
            s.every = s.every ?? 1;
          }
          chosen = true;
          return pb;
        },
        atDate: (y: number, m: number, d: number) => {
          s.kind = 'once';
          s.at = new Date(zonedToMs(y, m, d, 0, 0, 0, 0, core.timeZone)).toISOString();
          chosen = true;
          return pb;
        },
        at: (date: GoogleAppsScript.Base.Date) => {
          s.kind = 'once';
          s.at = new Date(date.getTime()).toISOString();
          chosen = true;
          return pb;
        },
        after: (ms: number) => {
          s.kind = 'once';
          s.at = new Date(core.clock.nowMs() + Number(ms)).toISOString();
          chosen = true;
          return pb;
        },
        inTimezone: () => pb,
        create: () => {
          if (!chosen)
            throw err('Simulator: a time-based trigger needs a schedule (everyHours, everyDays, at, after, ...)');
          if (s.kind === 'weeks' && s.weekDay === undefined)
            s.weekDay = zonedParts(core.clock.nowMs(), core.timeZone).weekday;
          return create({ fn: handler, type: 'CLOCK', source: 'CLOCK', schedule: { ...s } }, core.clock.nowMs());
        },
      };
      const pb: object = env.metered('ClockTriggerBuilder', b, { default: 0, create: 300 });
      return pb;
    };
    return env.metered('TriggerBuilder', { forSpreadsheet, forForm, timeBased }, 0);
  }

  const app = {
    newTrigger: (fn: string) => {
      core.requireAuth('ScriptApp.newTrigger');
      return newTrigger(fn);
    },
    getProjectTriggers: () => {
      core.requireAuth('ScriptApp.getProjectTriggers');
      return env.arr(core.triggers.filter((t) => t.owner === core.exec.user).map(triggerFacade));
    },
    getUserTriggers: (x: unknown) => {
      core.requireAuth('ScriptApp.getUserTriggers');
      const id = typeof x === 'string' ? x : (ssIdOf(x) ?? formIdOf(x));
      return env.arr(core.triggers.filter((t) => t.owner === core.exec.user && t.sourceId === id).map(triggerFacade));
    },
    deleteTrigger: (trigger: unknown) => {
      core.requireAuth('ScriptApp.deleteTrigger');
      const id = trigger && typeof trigger === 'object' ? (trigger as Record<symbol, string>)[TRIGGER] : undefined;
      if (!id) throw err("The parameters (Object) don't match the method signature for ScriptApp.deleteTrigger.");
      core.triggers = core.triggers.filter((t) => t.id !== id);
    },
    getScriptId: () => 'sim-script-id',
    getAuthorizationInfo: () =>
      env.metered(
        'AuthorizationInfo',
        {
          getAuthorizationStatus: () => AuthorizationStatus.NOT_REQUIRED,
          getAuthorizationUrl: () => null,
          getAuthorizedScopes: () => env.arr([]),
        },
        2,
      ),
    AuthMode,
    EventType,
    TriggerSource,
    WeekDay,
    AuthorizationStatus,
  };
  return {
    ScriptApp: env.metered('ScriptApp', app, {
      default: 2,
      newTrigger: 0,
      getProjectTriggers: 150,
      getUserTriggers: 150,
      deleteTrigger: 300,
    }),
    AuthMode,
  };
}

const TRIGGER = Symbol('simTrigger');

export function describeTriggers(core: SimCore) {
  return core.triggers.map((t) => ({
    id: t.id,
    fn: t.fn,
    type: t.type,
    owner: t.owner,
    ...(t.sourceId ? { sourceId: t.sourceId } : {}),
    ...(t.schedule ? { schedule: { ...t.schedule, next: t.next ? new Date(t.next).toISOString() : null } } : {}),
  }));
}
