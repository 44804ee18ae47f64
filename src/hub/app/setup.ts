// District hub → Set up, safe to run again: the Schools, Practices and Progress sheets made or repaired, and the
// nightly pull's trigger installed once under the account that runs the hub.
import { DocumentStore, TriggerRecord } from '../../adapters/store';
import { escapeHtml, showDialog } from '../../adapters/ui';
import { ensureHubSheets } from '../adapters/hub-sheets';
import { ensureNightly, NIGHTLY_HOUR } from '../adapters/hub-triggers';
import { hubAccount } from './pull';

export function runHubSetUp(): { changes: string[]; account: string } {
  const ss = SpreadsheetApp.getActive();
  const account = hubAccount();
  const changes = ensureHubSheets(ss);
  const store = DocumentStore.open();
  const nightly = ensureNightly(store.config.hubNightly as TriggerRecord | undefined, account);
  if (nightly.made) changes.push(`Installed the nightly refresh (${NIGHTLY_HOUR}:00, ${ss.getSpreadsheetTimeZone()}).`);
  store.save({ hubNightly: nightly.record });
  return { changes, account };
}

export function showHubSetUp(): void {
  const { changes, account } = runHubSetUp();
  const list = changes.length
    ? `<ul>${changes.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`
    : '<p>Everything was already in place; nothing needed changing.</p>';
  showDialog(
    'The district hub is set up',
    `<h2>What Set up did</h2>${list}` +
      `<h2>Next</h2><p>Ask each school to open <b>Small Wins → Settings → Share with the district</b> and share its district export with <b>${escapeHtml(account)}</b>, then paste each link into <b>District hub → Add school</b>.</p>` +
      `<p class="note">The hub reads only those exports, never a school's log. Add the principals for the showcase digest, and BigQuery if you use it, in District hub → Settings.</p>`,
  );
}
