// The hub's showcase digest (a Doc and a Gmail draft to the principals, practices new or updated since the last one,
// grouped by goal) and its BigQuery export (load jobs that replace the snapshot), through dist-hub/, plus its
// Settings page's endpoints.
import { createSimulator, simBigQuery, simDocuments, simGmail } from '../../dev/sim';
import { DISTRICT_ACCOUNT, HUB_SIM, makeExports } from '../../dev/spread-sim';
import type { HubSettingsEndpoints } from '../../src/hub/hub-api';
import { endpoints } from '../../dev/endpoints';
import { addSchool, district, DIST_HUB, hubRows, nominate } from '../helpers/spread';

const link = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;
const lastAlert = (d: ReturnType<typeof district>) => d.hub.ui.alerts[d.hub.ui.alerts.length - 1].message;

function withSchools() {
  const d = district();
  addSchool(d.hub, link(d.exports.maple));
  addSchool(d.hub, link(d.exports.oak));
  return d;
}

test('the Settings page checks addresses and BigQuery IDs, and saves', () => {
  const d = district();
  const api = endpoints<HubSettingsEndpoints>(d.hub);
  d.hub.run('hubShowSettings');
  expect(d.hub.ui.dialogs[d.hub.ui.dialogs.length - 1].title).toBe('District hub settings');
  expect(api.hubSettingsOpen()).toMatchObject({ account: DISTRICT_ACCOUNT, schools: 0 });
  const bad = api.hubSettingsSave({
    districtName: 'Riverside USD',
    principals: 'a@x.org, nobody',
    bigQueryProject: 'My Project',
    bigQueryDataset: '',
  });
  expect(bad).toMatchObject({
    ok: false,
    errors: {
      principals: 'nobody is not an email address.',
      bigQueryProject: expect.stringMatching(/^A Google Cloud project ID is 6 to 30/),
      bigQueryDataset: 'Give both the project and the dataset, or neither.',
    },
  });
  const good = api.hubSettingsSave({
    districtName: 'Riverside USD',
    principals: 'a@x.org;\nb@y.org',
    bigQueryProject: 'riverside-data',
    bigQueryDataset: 'small_wins',
  });
  expect(good).toMatchObject({ ok: true, view: { input: { principals: 'a@x.org, b@y.org' } } });
});

test('the digest drafts a Doc and an email to the principals with the practices new since the last digest, grouped by goal', () => {
  const d = withSchools();
  d.hub.run('hubDraftDigest');
  expect(lastAlert(d)).toBe('Add the principals to send the digest to in District hub → Settings first.');
  endpoints<HubSettingsEndpoints>(d.hub).hubSettingsSave({
    districtName: 'Riverside USD',
    principals: 'principal@maple.example, principal@oak.example',
    bigQueryProject: '',
    bigQueryDataset: '',
  });
  d.hub.meter.reset();
  d.hub.run('hubDraftDigest');
  expect(lastAlert(d)).toBe(
    'The digest of 2 practices is in a Doc and in a Gmail draft to 2 principals: read it and send it.',
  );
  const [draft] = simGmail(d.hub)
    .drafts()
    .filter((x) => x.owner === DISTRICT_ACCOUNT);
  expect(draft.to).toEqual(['principal@maple.example', 'principal@oak.example']);
  expect(draft.subject).toBe('Riverside USD — showcase practices — 23 November 2026');
  expect(draft.html).toMatch(/<h1[^>]*>Riverside USD — showcase practices — 23 November 2026<\/h1>/);
  const headings = [...draft.html.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);
  expect(headings).toEqual(['Math confidence', 'Reading for all']);
  expect(draft.text).toContain('School: Oak Hill Middle');
  expect(draft.text).toContain('Contact: Ana Ruiz, ana.ruiz@school.example — happy to host a visit');
  const doc = simDocuments(d.hub)
    .list()
    .find((x) => x.owner === DISTRICT_ACCOUNT)!;
  expect(doc.name).toBe(draft.subject);
  // The Doc and the email come from one outline: the title, a Heading 1 per goal with a Heading 2 per practice under
  // it, its facts as a list; written with the Docs API (no DocumentApp element call).
  const elements = simDocuments(d.hub).elements(doc.id);
  expect(elements.filter((e) => e.heading === 'TITLE').map((e) => e.text)).toEqual([draft.subject]);
  const outline: Record<string, string[]> = {};
  let goal = '';
  for (const e of elements) {
    if (e.heading === 'HEADING1') outline[(goal = e.text)] = [];
    else if (e.heading === 'HEADING2') outline[goal].push(e.text);
  }
  expect(Object.keys(outline)).toEqual(headings);
  const practices = [...draft.html.matchAll(/<h3[^>]*>([^<]+)<\/h3>/g)].map((m) => m[1]);
  expect(Object.values(outline).flat()).toEqual(practices);
  expect(outline['Reading for all']).toHaveLength(1);
  expect(elements.filter((e) => e.type === 'LIST_ITEM').map((e) => e.text)).toContain('School: Oak Hill Middle');
  expect(d.hub.meter.byMethod['Docs.Documents.create'].calls).toBe(1);
  expect(Object.keys(d.hub.meter.byMethod).filter((k) => /^(DocumentApp|Body|Paragraph|ListItem)\./.test(k))).toEqual(
    [],
  );
  // The draft links the Doc, in its HTML and its text.
  expect(draft.html).toContain(`href="https://docs.google.com/document/d/${doc.id}/edit"`);
  expect(draft.text).toContain(`https://docs.google.com/document/d/${doc.id}/edit`);

  // Nothing new: no second digest.
  d.hub.clock.advance(3_600_000);
  d.hub.run('hubDraftDigest');
  expect(lastAlert(d)).toBe('No practice is new or updated since the last digest (23 November 2026).');
  // A new practice at Oak, pulled: the next digest carries it alone.
  nominate(d.oak, { name: 'Math circles', goal: 'Math confidence', winIds: ['W-0100'] });
  d.hub.run('hubRefreshNow');
  d.hub.run('hubDraftDigest');
  const latest = simGmail(d.hub)
    .drafts()
    .filter((x) => x.owner === DISTRICT_ACCOUNT)
    .pop()!;
  expect([...latest.html.matchAll(/<h3[^>]*>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual(['Math circles']);
});

test('a digest cut off while its Doc was written, or after Gmail made its draft, is finished by the next run: one Doc, one draft', () => {
  const d = withSchools();
  endpoints<HubSettingsEndpoints>(d.hub).hubSettingsSave({
    districtName: 'Riverside USD',
    principals: 'principal@maple.example',
    bigQueryProject: '',
    bigQueryDataset: '',
  });
  const docs = () =>
    simDocuments(d.hub)
      .list()
      .filter((x) => x.owner === DISTRICT_ACCOUNT);
  const drafts = () =>
    simGmail(d.hub)
      .drafts()
      .filter((x) => x.owner === DISTRICT_ACCOUNT);
  d.hub.cutOff('Docs.Documents.batchUpdate', 1, 'before');
  expect(() => d.hub.run('hubDraftDigest')).toThrow(/Exceeded maximum execution time/);
  expect(docs()).toHaveLength(1);
  expect(drafts()).toHaveLength(0);
  d.hub.run('hubDraftDigest');
  expect(lastAlert(d)).toMatch(/^The digest of 2 practices/);
  expect(docs()).toHaveLength(1);
  const headings = simDocuments(d.hub)
    .elements(docs()[0].id)
    .filter((e) => e.heading === 'HEADING1')
    .map((e) => e.text);
  expect(headings).toEqual(['Math confidence', 'Reading for all']);
  expect(drafts()).toHaveLength(1);

  // The next digest, cut off right after Gmail made its draft: the rerun finds that draft and makes no other.
  d.hub.clock.advance(3_600_000);
  nominate(d.oak, { name: 'Math circles', goal: 'Math confidence', winIds: ['W-0100'] });
  d.hub.run('hubRefreshNow');
  d.hub.cutOff('Gmail.Users.Drafts.create', 1, 'after');
  expect(() => d.hub.run('hubDraftDigest')).toThrow(/Exceeded maximum execution time/);
  expect(drafts()).toHaveLength(2);
  d.hub.run('hubDraftDigest');
  expect(lastAlert(d)).toMatch(/^The digest of 1 practice is/);
  expect(docs()).toHaveLength(2);
  expect(drafts()).toHaveLength(2);
  expect(
    simDocuments(d.hub)
      .text(docs()[1].id)
      .match(/Math circles/g),
  ).toHaveLength(1);
  // Finished: the next run has nothing new.
  d.hub.run('hubDraftDigest');
  expect(lastAlert(d)).toMatch(/^No practice is new or updated since the last digest/);
});

test('Export to BigQuery loads Progress and Practices as load jobs that replace the snapshot; a rerun duplicates nothing', () => {
  const d = withSchools();
  d.hub.run('hubExportToBigQuery');
  expect(lastAlert(d)).toMatch(/^Set the BigQuery project and dataset in District hub → Settings first/);
  endpoints<HubSettingsEndpoints>(d.hub).hubSettingsSave({
    districtName: '',
    principals: '',
    bigQueryProject: 'riverside-data',
    bigQueryDataset: 'small_wins',
  });
  d.hub.run('hubExportToBigQuery');
  expect(lastAlert(d)).toMatch(
    /^The export to BigQuery could not start: the account district@district\.example may not run jobs in the project riverside-data/,
  );
  simBigQuery(d.hub).addProject('riverside-data', [DISTRICT_ACCOUNT], ['small_wins']);
  d.hub.run('hubExportToBigQuery');
  const progress = hubRows(d.hub, 'Progress');
  expect(lastAlert(d)).toBe(
    `Loaded ${progress.length} rows into riverside-data.small_wins.progress and 2 rows into riverside-data.small_wins.practices, replacing the previous snapshot.`,
  );
  const table = simBigQuery(d.hub).table('riverside-data', 'small_wins', 'progress')!;
  expect(table.schema.map((f) => `${f.name}:${f.type}`)).toEqual([
    'school:STRING',
    'school_key:STRING',
    'goal:STRING',
    'month:DATE',
    'entries:INTEGER',
    'wins:INTEGER',
    'lessons_learned:INTEGER',
    'snapshot_at:TIMESTAMP',
  ]);
  expect(table.rows[0].slice(0, 7)).toEqual([
    'Maple Grove Elementary',
    d.exports.maple,
    'Math confidence',
    '2026-10-01',
    1,
    0,
    1,
  ]);
  d.hub.run('hubExportToBigQuery');
  expect(simBigQuery(d.hub).table('riverside-data', 'small_wins', 'progress')!.rows).toHaveLength(progress.length);
  const practices = simBigQuery(d.hub).table('riverside-data', 'small_wins', 'practices')!;
  expect(practices.loads).toBe(2);
  expect(practices.rows.map((r) => r[5])).toEqual(['Reading buddies', 'Number talks']);
  expect(
    simBigQuery(d.hub)
      .jobs()
      .every((j) => j.user === DISTRICT_ACCOUNT),
  ).toBe(true);
});

test('a digest of 100 schools written in several Docs batches, cut off before its second batch, is finished by the next run: every practice once, one Doc, one draft', () => {
  const hub = createSimulator({ ...HUB_SIM, now: '2026-11-23T14:00:00Z', clockFollowsCalls: true });
  hub.load(DIST_HUB);
  hub.open('FULL');
  hub.run('hubSetUp');
  const ids = makeExports(hub, 100);
  hub.spreadsheet.sheet('Schools')!.appendRows(ids.map((id) => ['', link(id)]));
  hub.advanceTo('2026-11-24T09:00:00Z'); // the nightly pull has read every export
  expect(hubRows(hub, 'Practices')).toHaveLength(300);
  endpoints<HubSettingsEndpoints>(hub).hubSettingsSave({
    districtName: 'Riverside USD',
    principals: 'principal@school-1.example',
    bigQueryProject: '',
    bigQueryDataset: '',
  });
  const docs = () => simDocuments(hub).list();
  const drafts = () => simGmail(hub).drafts();
  // The first run writes one batch and is stopped before the second.
  hub.meter.reset();
  hub.cutOff('Docs.Documents.batchUpdate', 2, 'before');
  expect(() => hub.run('hubDraftDigest')).toThrow(/Exceeded maximum execution time/);
  expect(hub.meter.byMethod['Docs.Documents.batchUpdate']?.calls).toBe(1);
  expect(docs()).toHaveLength(1);
  expect(drafts()).toHaveLength(0);
  hub.run('hubDraftDigest');
  expect(hub.ui.alerts[hub.ui.alerts.length - 1].message).toMatch(/^The digest of 300 practices/);
  expect(docs()).toHaveLength(1);
  expect(drafts()).toHaveLength(1);
  const text = simDocuments(hub).text(docs()[0].id);
  const html = drafts()[0].html;
  for (let i = 1; i <= 100; i++)
    for (let p = 1; p <= 3; p++) {
      const name = `Practice ${p} of School ${String(i).padStart(3, '0')}`;
      expect(`${name}: ${text.split(name).length - 1} in the Doc, ${html.split(name).length - 1} in the email`).toBe(
        `${name}: 1 in the Doc, 1 in the email`,
      );
    }
});
