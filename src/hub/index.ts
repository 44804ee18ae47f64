// The district hub's only file exposing globals (a second Apps Script project, bound to the district's spreadsheet):
// its menu, the nightly and follow-up triggers, and the Settings page's endpoints. Logic lives in src/hub/app,
// src/hub/adapters and src/hub/domain, and reuses the add-on's src/domain.
import { alert, reportingErrors, setAppName } from '../adapters/ui';
import { addSchoolFromMenu } from './app/schools';
import { exportToBigQuery } from './app/bigquery';
import { draftDigest } from './app/digest';
import { runPull } from './app/pull';
import { hubSettingsEndpoints, showHubSettings } from './app/settings';
import { showHubSetUp } from './app/setup';
import type { HubSettingsEndpoints } from './hub-api';

declare const global: Record<string, unknown> & HubSettingsEndpoints;

setAppName('District hub');

export const HUB_MENU = [
  { caption: 'Set up', fn: 'hubSetUp' },
  { caption: 'Add school', fn: 'hubAddSchool' },
  { caption: 'Refresh now', fn: 'hubRefreshNow' },
  { caption: 'Draft showcase digest', fn: 'hubDraftDigest' },
  { caption: 'Export to BigQuery', fn: 'hubExportToBigQuery' },
  { caption: 'Settings', fn: 'hubShowSettings' },
];

/** Simple trigger: a bound script's own menu (not an add-on menu). */
function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createMenu('District hub');
  for (const item of HUB_MENU) menu.addItem(item.caption, item.fn);
  menu.addToUi();
}

global.onOpen = onOpen;
global.hubSetUp = () => reportingErrors('Set up', showHubSetUp);
global.hubAddSchool = () => reportingErrors('Add school', addSchoolFromMenu);
global.hubRefreshNow = () =>
  reportingErrors('Refresh now', () => {
    SpreadsheetApp.getActive().toast('Reading every school’s district export…', 'District hub', 30);
    alert(runPull('now').message);
  });
global.hubDraftDigest = () => reportingErrors('Draft showcase digest', () => alert(draftDigest().message));
global.hubExportToBigQuery = () =>
  reportingErrors('Export to BigQuery', () => {
    SpreadsheetApp.getActive().toast('Loading Progress and Practices into BigQuery…', 'District hub', 30);
    alert(exportToBigQuery().message);
  });
global.hubShowSettings = () => reportingErrors('Settings', showHubSettings);
/** The nightly pull (a daily trigger at 2 a.m.). */
global.onHubNightly = (_e?: unknown) => runPull('nightly');
/** A pull the 6-minute limit cut short continues here (a one-off trigger). */
global.continueHubRefresh = (_e?: unknown) => runPull('follow-up');
global.hubSettingsOpen = hubSettingsEndpoints.hubSettingsOpen;
global.hubSettingsSave = hubSettingsEndpoints.hubSettingsSave;
