// District hub → Draft showcase digest: the practices new or updated since the last digest, grouped by goal, as a
// Doc and a Gmail draft to the principals in Settings — never sent: a person reads it and sends it. Both come from
// one outline; a run cut off part-way is finished by the next (same date, same Doc, exactly one draft).
import { docUrl } from '../../adapters/docs-api';
import { createIssueDraft } from '../../adapters/mail-draft';
import { cellString } from '../../domain/text';
import { DocumentStore } from '../../adapters/store';
import type { BuildProgress } from '../../domain/doc-build';
import { draftMark } from '../../domain/draft-identity';
import { writeDigestDoc } from '../adapters/digest-doc';
import { readHub } from '../adapters/hub-sheets';
import { buildDigest, digestOutline, digestHtml, digestText } from '../domain/digest';
import { hubSettingsWithDefaults } from '../domain/hub-settings';

/** A digest being made (document properties) until its draft exists: what it covers, its Doc, how far it got. */
interface DigestRun {
  /** When it started (its date) and the last digest's time it covers changes since. */
  at: string;
  since: string;
  docId?: string;
  docDone?: boolean;
}

const RUN = 'hubDigestRun';
const BUILD = 'hubDigestBuild';

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
  const unfinished = store.config[RUN] as DigestRun | null | undefined;
  const run: DigestRun = unfinished ?? { at: new Date().toISOString(), since: cellString(store.config.hubLastDigest) };
  const since = run.since;
  const tz = ss.getSpreadsheetTimeZone();
  const label = (iso: string) => (iso ? Utilities.formatDate(new Date(iso), tz, 'd MMMM yyyy') : '');
  const digest = buildDigest({
    district: settings.districtName || ss.getName(),
    practices: readHub(ss).roll.practices,
    sinceIso: since,
    dateLabel: label(run.at),
    sinceLabel: label(since),
  });
  if (!digest.count) {
    if (unfinished) store.save({ [RUN]: null, [BUILD]: null });
    return {
      made: false,
      message: since
        ? `No practice is new or updated since the last digest (${label(since)}).`
        : 'No school has nominated a practice yet.',
    };
  }
  let docId = run.docId ?? '';
  if (!run.docDone) {
    const doc = writeDigestDoc({
      existingId: run.docId ?? null,
      title: digest.title,
      blocks: digestOutline(digest).blocks,
      salt: run.at,
      progress: {
        load: () => store.config[BUILD] as BuildProgress | undefined,
        save: (p: BuildProgress) => store.save({ [BUILD]: p }),
        clear: () => store.save({ [BUILD]: null }),
      },
      onCreated: (id) => store.save({ [RUN]: { ...run, docId: id } }),
    });
    docId = doc.id;
    store.save({ [RUN]: { ...run, docId, docDone: true }, [BUILD]: null });
  }
  const link = docUrl(docId);
  // Exactly one draft per digest: a run cut off after Gmail made it finds it again by its mark.
  const draftId = createIssueDraft(
    {
      to: settings.principals,
      subject: digest.title,
      html: digestHtml(digest, link),
      text: digestText(digest, link),
    },
    { mark: draftMark({ key: `digest ${run.at}`, docId }), recordedForOthers: new Set() },
    Boolean(unfinished?.docDone),
  );
  store.save({ hubLastDigest: run.at, [RUN]: null, [BUILD]: null });
  return {
    made: true,
    message: `The digest of ${digest.count} practice${digest.count === 1 ? '' : 's'} is in a Doc and in a Gmail draft to ${settings.principals.length} principal${settings.principals.length === 1 ? '' : 's'}: read it and send it.`,
    docUrl: link,
    draftId,
  };
}
