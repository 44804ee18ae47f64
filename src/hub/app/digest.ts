// District hub → Draft showcase digest: the practices new or updated since the last digest, grouped by goal, as a
// Doc and a Gmail draft to the principals in Settings — never sent: a person reads it and sends it.
import { createDraft } from '../../adapters/mail-draft';
import { cellString } from '../../domain/text';
import { DocumentStore } from '../../adapters/store';
import { writeDigestDoc } from '../adapters/digest-doc';
import { readHub } from '../adapters/hub-sheets';
import { buildDigest, digestHtml, digestText } from '../domain/digest';
import { hubSettingsWithDefaults } from '../domain/hub-settings';

export interface DigestOutcome {
  made: boolean;
  message: string;
  docUrl?: string;
  draftId?: string;
}

export function draftDigest(): DigestOutcome {
  const ss = SpreadsheetApp.getActive();
  const store = DocumentStore.open();
  const settings = hubSettingsWithDefaults(store.config.hubSettings);
  if (!settings.principals.length)
    return {
      made: false,
      message: 'Add the principals to send the digest to in District hub → Settings first.',
    };
  const since = cellString(store.config.hubLastDigest);
  const tz = ss.getSpreadsheetTimeZone();
  const label = (iso: string) => (iso ? Utilities.formatDate(new Date(iso), tz, 'd MMMM yyyy') : '');
  const nowIso = new Date().toISOString();
  const digest = buildDigest({
    district: settings.districtName || ss.getName(),
    practices: readHub(ss).roll.practices,
    sinceIso: since,
    dateLabel: label(nowIso),
    sinceLabel: label(since),
  });
  if (!digest.count)
    return {
      made: false,
      message: since
        ? `No practice is new or updated since the last digest (${label(since)}).`
        : 'No school has nominated a practice yet.',
    };
  const doc = writeDigestDoc(digest);
  const html = digestHtml(digest).replace(
    '</body>',
    `<p style="margin:16px 0 4px"><a href="${doc.url}">The digest as a Google Doc</a></p></body>`,
  );
  const draftId = createDraft({
    to: settings.principals,
    subject: digest.title,
    html,
    text: `${digestText(digest)}\n\nThe digest as a Google Doc: ${doc.url}`,
  });
  store.save({ hubLastDigest: nowIso });
  return {
    made: true,
    message: `The digest of ${digest.count} practice${digest.count === 1 ? '' : 's'} is in a Doc and in a Gmail draft to ${settings.principals.length} principal${settings.principals.length === 1 ? '' : 's'}: read it and send it.`,
    docUrl: doc.url,
    draftId,
  };
}
