// The Settings dialog's server side: opening it (with whose account runs the automation and when it last ran),
// saving validated settings unless another leader saved since the dialog opened (the clock stays whatever the
// cadence; a leader may take it over), and cancelling an unsent issue from its list of recent issues.
import { clockRecord, ensureClockTrigger } from '../adapters/clock-trigger';
import { withDocumentLock } from '../adapters/lock';
import { loadSettings } from '../adapters/settings-store';
import { DocumentStore } from '../adapters/store';
import { localNow } from '../adapters/settings-store';
import { clockStatus } from '../domain/clock';
import { describeCadence, settingsToInput, SettingsInput, validateSettings } from '../domain/settings';
import type { SaveOptions, SaveResult, SettingsEndpoints, SettingsView } from '../settings-api';
import { cancelIssue, recentIssues } from './newsletter-cancel';
import { openIssuesIfAny } from '../adapters/newsletters-sheet';
import { recentIssueList } from '../domain/newsletter-messages';
import { scheduleView } from './schedule-view';

/** Issues the Settings dialog lists. */
const RECENT_ISSUES = 15;
import { endpoint } from './endpoints';
import { flag, ISSUE_KEY, SETTINGS_INPUT, SETTINGS_SAVE_OPTIONS } from '../domain/endpoint-shapes';

export function showSettingsDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('Settings').setWidth(560).setHeight(640);
  SpreadsheetApp.getUi().showModalDialog(html, 'Small Wins settings');
}

function scheduleText(store: DocumentStore): string {
  const s = loadSettings(store);
  return s.cadence.kind === 'off'
    ? 'The schedule is off: newsletters are drafted only with Draft newsletter now.'
    : `Issues are drafted ${describeCadence(s.cadence)}.`;
}

/** The saved version (0 before the first save), who saved it and when, as the spreadsheet's clock shows it. */
function savedVersion(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  store: DocumentStore,
): { version: number; savedBy: string; savedAt: string } {
  const v = store.config.newsletterSettingsVersion;
  const n = Number(v?.n);
  if (!v || !Number.isInteger(n) || n < 1) return { version: 0, savedBy: '', savedAt: '' };
  const at = new Date(String(v.at));
  const savedAt = isNaN(at.getTime())
    ? ''
    : Utilities.formatDate(at, ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone(), "HH:mm 'on' EEEE d MMMM");
  return { version: n, savedBy: String(v.by ?? ''), savedAt };
}

function view(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, store: DocumentStore, me: string): SettingsView {
  const clock = clockStatus(clockRecord(store.config), store.config.clockHeartbeat, me, Date.now());
  const issues = openIssuesIfAny(ss)?.issues ?? [];
  return {
    input: settingsToInput(loadSettings(store)),
    ...savedVersion(ss, store),
    automation: `${scheduleText(store)} ${clock.sentence}`,
    automationWarning: clock.warning,
    timeZone: ss.getSpreadsheetTimeZone(),
    recentIssues: recentIssueList(issues, RECENT_ISSUES),
    me,
    schedule: scheduleView(ss, store, loadSettings(store), issues),
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

function openSettings(): SettingsView {
  const ss = SpreadsheetApp.getActive();
  return view(ss, DocumentStore.open(), Session.getEffectiveUser().getEmail());
}

function saveSettings(input: SettingsInput, opts: SaveOptions): SaveResult {
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
  return withDocumentLock(30000, (): SaveResult => {
    const store = DocumentStore.open();
    // Another leader saved after this dialog opened: nothing is overwritten; the dialog shows their version.
    const saved = savedVersion(ss, store);
    if (opts.version !== undefined && opts.version !== saved.version) {
      const who = saved.savedBy === me ? 'You' : saved.savedBy || 'Someone';
      const when = saved.savedAt ? ` at ${saved.savedAt}` : '';
      return {
        ok: false,
        errors: {},
        message: `${who} saved the settings${when}, after this dialog opened. Nothing was saved: their changes are now in the form, with yours. Check them, then save again.`,
        conflict: { savedBy: saved.savedBy, savedAt: saved.savedAt, view: view(ss, store, me) },
      };
    }
    const before = loadSettings(store);
    const settings = checked.settings;
    const version = { n: saved.version + 1, by: me, at: new Date().toISOString() };
    const tooBig = store.problemSaving(
      { newsletterSettings: settings, newsletterSettingsVersion: version },
      'these settings',
    );
    if (tooBig)
      return {
        ok: false,
        errors: {},
        message: `${tooBig} Use a Google Group's address instead of long lists of addresses. Nothing was saved.`,
      };
    // The clock runs whatever the cadence (it also adds missed responses): saving never removes it, and brings
    // it back for a spreadsheet an older version left without one.
    const clock = ensureClockTrigger(clockRecord(store.config), me, opts.takeOverSchedule, new Date().toISOString());
    const scheduleChanged = JSON.stringify(before.cadence) !== JSON.stringify(settings.cadence);
    store.save({
      newsletterSettings: settings,
      newsletterSettingsVersion: version,
      ...(clock.record ? { clockTrigger: clock.record } : {}),
      ...(scheduleChanged || !store.config.newsletterScheduleSince
        ? { newsletterScheduleSince: localNow(ss).text }
        : {}),
    });
    if (store.config.newsletterTrigger) store.remove('newsletterTrigger');
    const when =
      settings.cadence.kind !== 'off'
        ? ` Issues are drafted ${describeCadence(settings.cadence)} (${ss.getSpreadsheetTimeZone()}).`
        : ' The schedule is off: newsletters are drafted only with Draft newsletter now.';
    return { ok: true, message: `Settings saved.${when} ${clock.message}`, view: view(ss, store, me) };
  });
}

function cancelFromSettings(key: string, force: boolean) {
  const result = cancelIssue(key, force);
  return { result, recentIssues: recentIssues(SpreadsheetApp.getActive()) };
}

const DIALOG = 'the Settings dialog';

/** Checked and worded like the sidebar's endpoints (app/endpoints.ts). */
export const settingsEndpoints: SettingsEndpoints = {
  settingsOpen: endpoint(DIALOG, [], openSettings),
  settingsSave: endpoint(
    DIALOG,
    [
      ['settings', SETTINGS_INPUT],
      ['options', SETTINGS_SAVE_OPTIONS],
    ],
    saveSettings,
  ),
  settingsCancelIssue: endpoint(
    DIALOG,
    [
      ['issue', ISSUE_KEY],
      ['force', flag],
    ],
    cancelFromSettings,
  ),
};
