// Newsletter settings in document properties, and the one clock trigger that runs the newsletter schedule:
// its ID and owner stored, never duplicated, removed when the schedule is off.
import type { LocalTime } from '../domain/cadence';
import { parseLocalTime } from '../domain/cadence';
import { NewsletterSettings, withDefaults } from '../domain/settings';
import type { DocumentStore, TriggerRecord } from './store';
import { findOwnTrigger } from './triggers';
import { cellString } from '../domain/text';

export const NEWSLETTER_HANDLER = 'onNewsletterClock';

export function loadSettings(store: DocumentStore): NewsletterSettings {
  return withDefaults(store.config.newsletterSettings);
}

/** When the current schedule was set, as the spreadsheet's clock showed it (earlier moments are never due). */
export function scheduleSince(store: DocumentStore): LocalTime | null {
  return parseLocalTime(cellString(store.config.newsletterScheduleSince));
}

/** The spreadsheet's wall clock now ("yyyy-MM-dd HH:mm" in its time zone). */
export function localNow(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): {
  text: string;
  time: LocalTime;
  timeZone: string;
} {
  const timeZone = ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone();
  const text = Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm');
  const time = parseLocalTime(text);
  if (!time) throw new Error(`The time could not be read in the time zone ${timeZone}.`);
  return { text, time, timeZone };
}

export interface ScheduleOutcome {
  record: TriggerRecord | null;
  state: 'off' | 'created' | 'mine' | 'other';
  message: string;
}

/**
 * Makes the stored trigger match the schedule. Editor add-ons get one clock trigger per user per document,
 * at most hourly: one hourly trigger decides what is due. A colleague's trigger cannot be removed or replaced
 * from this account; unless `takeOver`, the colleague keeps running it (two triggers never duplicate an issue).
 */
export function syncScheduleTrigger(
  scheduleOn: boolean,
  stored: TriggerRecord | undefined,
  me: string,
  takeOver: boolean,
): ScheduleOutcome {
  const own = findOwnTrigger(NEWSLETTER_HANDLER, 'CLOCK', stored);
  if (!scheduleOn) {
    if (own) ScriptApp.deleteTrigger(own);
    const note =
      stored && stored.owner && stored.owner !== me && !own
        ? ` ${stored.owner}'s trigger stays installed but does nothing while the schedule is off.`
        : '';
    return {
      record: null,
      state: 'off',
      message: `The schedule is off: newsletters are drafted only with Draft newsletter now.${note}`,
    };
  }
  if (own) {
    return {
      record: { id: own.getUniqueId(), owner: me || stored?.owner || '' },
      state: 'mine',
      message: 'The schedule runs from your account (an hourly check drafts each issue when it is due).',
    };
  }
  if (stored && stored.owner && stored.owner !== me && !takeOver) {
    return {
      record: stored,
      state: 'other',
      message: `The schedule runs from ${stored.owner}'s account, so no trigger was added for you. If ${stored.owner} leaves or removes Small Wins, save the settings again with "Run the schedule from my account" ticked.`,
    };
  }
  const trigger = ScriptApp.newTrigger(NEWSLETTER_HANDLER).timeBased().everyHours(1).create();
  return {
    record: { id: trigger.getUniqueId(), owner: me },
    state: 'created',
    message: 'The schedule now runs from your account (an hourly check drafts each issue when it is due).',
  };
}
