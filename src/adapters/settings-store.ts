// Newsletter settings in document properties, when the current schedule was set, and the spreadsheet's wall clock.
// (The hourly clock trigger that runs the schedule is adapters/clock-trigger.ts.)
import type { LocalTime } from '../domain/cadence';
import { parseLocalTime } from '../domain/cadence';
import { NewsletterSettings, withDefaults } from '../domain/settings';
import type { DocumentStore } from './store';
import { cellString } from '../domain/text';

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
