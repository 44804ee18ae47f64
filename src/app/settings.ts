// The Settings dialog's server side: opening it, saving validated settings (and with them the schedule's
// one clock trigger), and cancelling an unsent issue from its list of recent issues.
import { withDocumentLock } from '../adapters/lock';
import { syncScheduleTrigger } from '../adapters/settings-store';
import { loadSettings } from '../adapters/settings-store';
import { DocumentStore } from '../adapters/store';
import { localNow } from '../adapters/settings-store';
import { describeCadence, settingsToInput, SettingsInput, validateSettings } from '../domain/settings';
import type { SaveResult, SettingsEndpoints, SettingsView } from '../settings-api';
import { cancelIssue, recentIssues } from './newsletter-cancel';

export function showSettingsDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('Settings').setWidth(560).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(html, 'Small Wins settings');
}

function automationText(store: DocumentStore, me: string): string {
  const s = loadSettings(store);
  if (s.cadence.kind === 'off') return 'The schedule is off: newsletters are drafted only with Draft newsletter now.';
  const rec = store.config.newsletterTrigger;
  const who = !rec ? 'nobody yet (save to install it)' : rec.owner === me ? 'your account' : `${rec.owner}'s account`;
  return `Issues are drafted ${describeCadence(s.cadence)}; the schedule runs from ${who}.`;
}

function view(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, store: DocumentStore, me: string): SettingsView {
  return {
    input: settingsToInput(loadSettings(store)),
    automation: automationText(store, me),
    timeZone: ss.getSpreadsheetTimeZone(),
    recentIssues: recentIssues(ss),
    me,
  };
}

/**
 * Why the template Doc cannot be used from this account, or '' when it opens (checked before saving, not at 7 a.m.).
 */
function openTemplateProblem(docId: string): string {
  try {
    DocumentApp.openById(docId);
    return '';
  } catch (err) {
    console.warn(
      `Small Wins: template Doc ${docId} could not be opened: ${err instanceof Error ? err.message : String(err)}`,
    );
    return 'This template Doc could not be opened from your account. Check the link, and ask its owner to share it with you (viewing is enough), or leave the field empty for the default design.';
  }
}

export const settingsEndpoints: SettingsEndpoints = {
  settingsOpen() {
    const ss = SpreadsheetApp.getActive();
    return view(ss, DocumentStore.open(), Session.getEffectiveUser().getEmail());
  },

  settingsSave(input: SettingsInput, opts: { takeOverSchedule: boolean }): SaveResult {
    const checked = validateSettings(input);
    if (!checked.ok)
      return { ok: false, errors: checked.errors, message: 'Some settings need a fix before they can be saved.' };
    const templateProblem = checked.settings.templateDocId ? openTemplateProblem(checked.settings.templateDocId) : '';
    if (templateProblem)
      return {
        ok: false,
        errors: { template: templateProblem },
        message: 'Some settings need a fix before they can be saved.',
      };
    const ss = SpreadsheetApp.getActive();
    const me = Session.getEffectiveUser().getEmail();
    return withDocumentLock(30000, () => {
      const store = DocumentStore.open();
      const before = loadSettings(store);
      const settings = checked.settings;
      const scheduleOn = settings.cadence.kind !== 'off';
      const outcome = syncScheduleTrigger(
        scheduleOn,
        store.config.newsletterTrigger,
        me,
        Boolean(opts?.takeOverSchedule),
      );
      const scheduleChanged = JSON.stringify(before.cadence) !== JSON.stringify(settings.cadence);
      store.save({
        newsletterSettings: settings,
        ...(outcome.record ? { newsletterTrigger: outcome.record } : {}),
        ...(scheduleChanged || !store.config.newsletterScheduleSince
          ? { newsletterScheduleSince: localNow(ss).text }
          : {}),
      });
      if (!outcome.record && store.config.newsletterTrigger) store.remove('newsletterTrigger');
      const when = scheduleOn
        ? ` Issues are drafted ${describeCadence(settings.cadence)} (${ss.getSpreadsheetTimeZone()}).`
        : '';
      return { ok: true, message: `Settings saved.${when} ${outcome.message}`, view: view(ss, store, me) };
    });
  },

  settingsCancelIssue(key: string, force: boolean) {
    const result = cancelIssue(String(key), Boolean(force));
    return { result, recentIssues: recentIssues(SpreadsheetApp.getActive()) };
  },
};
