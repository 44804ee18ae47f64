// The only file that exposes globals to Apps Script: simple triggers, menu actions, installable trigger
// handlers and sidebar endpoints. Logic lives in app/, adapters/ and domain/.
import { showHelpDialog } from './app/help';
import { handleFormSubmit, IntakeOutcome } from './app/intake';
import { buildMenu } from './app/menu';
import { runSetUp, showSetUpResult } from './app/setup';
import { reportingErrors } from './adapters/ui';
import { showTriage, triageEndpoints } from './app/triage';
import { draftNewsletterNowFromMenu } from './app/newsletter-ui';
import { settingsEndpoints, showSettingsDialog } from './app/settings';
import { onClockTick } from './app/clock';
import { noteWaitingResponse } from './app/catch-up';
import { showcaseEndpoints, showShowcaseDialog } from './app/showcase';
import { districtEndpoints } from './app/district';
import { refreshDashboardFromMenu } from './app/dashboard';
import { showSynthesisDialog, synthesisEndpoints } from './app/synthesis';

import type { TriageEndpoints } from './api';
import type { SettingsEndpoints } from './settings-api';
import type { DistrictEndpoints, ShowcaseEndpoints } from './spread-api';
import type { SynthesisEndpoints } from './synthesis-api';

/**
 * Apps Script's global scope. Endpoints are typed by the interfaces the pages' client derives from, so an
 * assignment of the wrong function fails to compile; tests/integration/globals.test.ts checks that every endpoint,
 * menu function and trigger handler ends up a top-level function of dist/Code.js.
 */
declare const global: Record<string, unknown> &
  TriageEndpoints &
  SettingsEndpoints &
  ShowcaseEndpoints &
  DistrictEndpoints &
  SynthesisEndpoints;

/** Simple trigger: may run in AuthMode.NONE, so it only builds the menu. */
function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu();
}

/** Runs once when a leader installs the add-on: the menu, then a first page that explains what to do. */
function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
  reportingErrors('Help', showHelpDialog);
}

function setUp(): void {
  reportingErrors('Set up', () => {
    // Creating and linking the Form takes several seconds: say so while it happens.
    SpreadsheetApp.getActive().toast('Setting up the Wins log, the Goals and the Form…', 'Small Wins', 30);
    showSetUpResult(runSetUp());
  });
}

function showHelp(): void {
  reportingErrors('Help', showHelpDialog);
}

/** Installable form-submit trigger on the spreadsheet. Never throws: a bad event is logged and skipped. */
function onWinSubmitted(e: unknown): IntakeOutcome {
  try {
    return handleFormSubmit(e);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    console.error(`Small Wins: a response could not be added now (${reason}); the hourly clock adds it.`);
    noteWaitingResponse(SpreadsheetApp.getActive());
    return { skipped: reason };
  }
}

global.onOpen = onOpen;
global.onInstall = onInstall;
global.setUp = setUp;
global.showHelp = showHelp;
global.onWinSubmitted = onWinSubmitted;
global.showTriage = () => reportingErrors('Triage wins', showTriage);
global.triageOpen = triageEndpoints.triageOpen;
global.triageQueue = triageEndpoints.triageQueue;
global.triageWin = triageEndpoints.triageWin;
global.triageSave = triageEndpoints.triageSave;
global.triageSaveMany = triageEndpoints.triageSaveMany;
global.triageRebuildDraft = triageEndpoints.triageRebuildDraft;
global.triageNominate = triageEndpoints.triageNominate;
global.showShowcase = () => reportingErrors('Showcase practices', showShowcaseDialog);
global.showcaseOpen = showcaseEndpoints.showcaseOpen;
global.showcaseWins = showcaseEndpoints.showcaseWins;
global.showcaseSave = showcaseEndpoints.showcaseSave;
global.districtOpen = districtEndpoints.districtOpen;
global.districtShare = districtEndpoints.districtShare;
global.districtStop = districtEndpoints.districtStop;
global.districtRefresh = districtEndpoints.districtRefresh;
global.triagePattern = triageEndpoints.triagePattern;
global.refreshDashboard = () => {
  reportingErrors('Refresh dashboard', refreshDashboardFromMenu);
};
global.showSettings = () => reportingErrors('Settings', showSettingsDialog);
global.draftNewsletterNow = () => {
  reportingErrors('Draft newsletter now', draftNewsletterNowFromMenu);
};
/** The one hourly clock trigger (one per user per document): runs whatever is due; other accounts' ticks do nothing. */
global.onClock = (e?: unknown) => onClockTick(e);
/** The handler older versions gave their clock trigger: colleagues' triggers not yet migrated still call it. */
global.onNewsletterClock = (e?: unknown) => onClockTick(e);
global.settingsOpen = settingsEndpoints.settingsOpen;
global.settingsSave = settingsEndpoints.settingsSave;
global.settingsCancelIssue = settingsEndpoints.settingsCancelIssue;
global.showSynthesis = () => reportingErrors('Year-end synthesis', showSynthesisDialog);
global.synthesisOpen = synthesisEndpoints.synthesisOpen;
global.synthesisRun = synthesisEndpoints.synthesisRun;
