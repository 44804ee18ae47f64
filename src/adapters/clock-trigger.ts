// The one hourly clock trigger (editor add-ons get one time-driven trigger per user per document): installed by
// Set up whatever the newsletter cadence, recorded with its owner in document properties, taken over on request.
// Older versions installed it only while a cadence was on, under another handler name: those are migrated here.
import type { ClockRecord } from '../domain/clock';
import type { StoredConfig } from './store';
import { listTriggers, ListedTrigger } from './triggers';

export const CLOCK_HANDLER = 'onClock';
/** Handler names older versions gave the clock trigger; index.ts keeps them pointing at the same tick. */
export const OLDER_CLOCK_HANDLERS: readonly string[] = ['onNewsletterClock'];

export interface ClockOutcome {
  record: ClockRecord | null;
  /** 'other' when a colleague's clock runs the automation and this account did not take over. */
  state: 'created' | 'mine' | 'other';
  message: string;
}

/** The recorded clock: this version's record, else an older version's newsletter trigger record. */
export function clockRecord(config: StoredConfig): ClockRecord | null {
  return config.clockTrigger ?? config.newsletterTrigger ?? null;
}

function isClock(t: ListedTrigger): boolean {
  const handler = t.handler();
  return (handler === CLOCK_HANDLER || OLDER_CLOCK_HANDLERS.includes(handler)) && t.kind() === 'CLOCK';
}

/**
 * Makes sure the automation has its clock: this account's, when nobody else runs it or `takeOver` is asked.
 * A colleague's trigger cannot be listed or removed from here; it keeps firing, but its ticks do nothing once the
 * record names this account. When a colleague runs the automation, this account's own leftover clock is removed.
 */
export function ensureClockTrigger(
  stored: ClockRecord | null,
  me: string,
  takeOver: boolean,
  nowIso: string,
  listed: readonly ListedTrigger[] = listTriggers(),
): ClockOutcome {
  const own = listed.filter(isClock);
  if (stored && stored.owner && stored.owner !== me && !takeOver) {
    for (const t of own) ScriptApp.deleteTrigger(t.trigger);
    return {
      record: stored,
      state: 'other',
      message:
        `The hourly clock (missed responses, the newsletter schedule) runs from ${stored.owner}'s account, so none was added for you. ` +
        `If ${stored.owner} leaves or removes Small Wins, take it over from your account.`,
    };
  }
  // One clock per user per document: an older version's trigger must go before this version's can be made.
  const current = own.find((t) => t.handler() === CLOCK_HANDLER);
  for (const t of own) if (t !== current) ScriptApp.deleteTrigger(t.trigger);
  const id = current
    ? current.id()
    : ScriptApp.newTrigger(CLOCK_HANDLER).timeBased().everyHours(1).create().getUniqueId();
  const since = stored && stored.id === id && stored.owner === me && stored.since ? stored.since : nowIso;
  return {
    record: { id, owner: me, since },
    state: current ? 'mine' : 'created',
    message: current
      ? 'The hourly clock (missed responses, the newsletter schedule) runs from your account.'
      : 'The hourly clock (missed responses, the newsletter schedule) now runs from your account.',
  };
}
