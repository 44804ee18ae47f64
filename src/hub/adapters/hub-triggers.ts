// The hub's triggers (a bound script, so the ordinary rules apply): the nightly pull, installed once and kept in
// document properties, and a one-off follow-up that continues a pull the 6-minute limit cut short, removed once
// it has fired.
import type { TriggerRecord } from '../../adapters/store';

export const NIGHTLY_HANDLER = 'onHubNightly';
export const FOLLOW_UP_HANDLER = 'continueHubRefresh';
/** The nightly pull runs at 2 a.m. in the hub's time zone. */
export const NIGHTLY_HOUR = 2;

function find(id: string | undefined, handler: string): GoogleAppsScript.Script.Trigger | null {
  const all = ScriptApp.getProjectTriggers();
  return all.find((t) => t.getUniqueId() === id) ?? all.find((t) => t.getHandlerFunction() === handler) ?? null;
}

/** The nightly trigger under this account (made once). */
export function ensureNightly(stored: TriggerRecord | undefined, me: string): { record: TriggerRecord; made: boolean } {
  const own = find(stored?.id, NIGHTLY_HANDLER);
  if (own) return { record: { id: own.getUniqueId(), owner: me }, made: false };
  const t = ScriptApp.newTrigger(NIGHTLY_HANDLER).timeBased().everyDays(1).atHour(NIGHTLY_HOUR).create();
  return { record: { id: t.getUniqueId(), owner: me }, made: true };
}

export function scheduleFollowUp(afterMs: number): string {
  return ScriptApp.newTrigger(FOLLOW_UP_HANDLER).timeBased().after(afterMs).create().getUniqueId();
}

/** Removes follow-up triggers (the one that fired and any left over): they stay listed after firing. */
export function removeFollowUps(): void {
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === FOLLOW_UP_HANDLER) ScriptApp.deleteTrigger(t);
}
