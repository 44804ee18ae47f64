// District hub → Settings: the page's server side (open, save with the same checks as the page).
import { DocumentStore } from '../../adapters/store';
import { endpoint } from '../../app/endpoints';
import { record, text } from '../../domain/payload';
import { hubSettingsToInput, hubSettingsWithDefaults, validateHubSettings } from '../domain/hub-settings';
import type { HubSettingsEndpoints, HubSettingsInput, HubSettingsSaveResult, HubSettingsView } from '../hub-api';
import { readHub } from '../adapters/hub-sheets';
import { hubAccount, pullStatus } from './pull';

export const HUB_SETTINGS_PAGE = 'HubSettings';

export function showHubSettings(): void {
  const html = HtmlService.createHtmlOutputFromFile(HUB_SETTINGS_PAGE).setWidth(520).setHeight(560);
  SpreadsheetApp.getUi().showModalDialog(html, 'District hub settings');
}

function view(store: DocumentStore): HubSettingsView {
  let schools: number;
  try {
    schools = readHub(SpreadsheetApp.getActive()).roll.schools.length;
  } catch {
    // Before Set up there is no Schools sheet.
    schools = 0;
  }
  return {
    input: hubSettingsToInput(hubSettingsWithDefaults(store.config.hubSettings)),
    account: hubAccount(),
    pull: pullStatus(store),
    schools,
  };
}

function save(input: HubSettingsInput): HubSettingsSaveResult {
  const checked = validateHubSettings(input);
  if (!checked.ok)
    return { ok: false, message: 'Some settings need a fix before they can be saved.', errors: checked.errors };
  const store = DocumentStore.open();
  store.save({ hubSettings: checked.settings });
  return { ok: true, message: 'Settings saved.', view: view(store) };
}

const PAGE = 'the district hub settings';

export const hubSettingsEndpoints: HubSettingsEndpoints = {
  hubSettingsOpen: endpoint(PAGE, [], () => view(DocumentStore.open())),
  hubSettingsSave: endpoint(
    PAGE,
    [
      [
        'settings',
        record({
          districtName: text({ max: 2000 }),
          principals: text({ max: 60000 }),
          bigQueryProject: text({ max: 200 }),
          bigQueryDataset: text({ max: 2000 }),
        }),
      ],
    ],
    save,
  ),
};
