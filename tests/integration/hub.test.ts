// The district hub through dist-hub/, side by side with three schools running dist/: Set up, Add school, the pull
// (nightly and Refresh now), what a school that is not shared or stops sharing gets, withdrawals between refreshes,
// consent, idempotency, and that the hub only ever reaches the exports schools shared with it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../../dev/endpoints';
import { simSheetsApi, simDrive } from '../../dev/sim';
import { DISTRICT_ACCOUNT } from '../../dev/spread-sim';
import { addSchool, district, DIST_HUB, hubRows, practice, saved, STORY } from '../helpers/spread';

const link = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;

test('the hub is a bound script with its own manifest, menu and nightly trigger; Set up twice changes nothing', () => {
  const manifest = JSON.parse(readFileSync(join(DIST_HUB, 'appsscript.json'), 'utf8')) as { oauthScopes: string[] };
  expect(manifest.oauthScopes.map((s) => s.replace('https://www.googleapis.com/auth/', '')).sort()).toEqual([
    'bigquery',
    'documents',
    'gmail.compose',
    'script.container.ui',
    'script.scriptapp',
    'spreadsheets.currentonly',
    'spreadsheets.readonly',
    'userinfo.email',
  ]);
  const { hub } = district();
  expect(hub.ui.menus[hub.ui.menus.length - 1]).toMatchObject({
    title: 'District hub',
    items: ['Set up', 'Add school', 'Refresh now', 'Draft showcase digest', 'Export to BigQuery', 'Settings'].map(
      (caption) => expect.objectContaining({ caption }),
    ),
  });
  expect(hub.spreadsheet.sheetNames()).toEqual(expect.arrayContaining(['Schools', 'Practices', 'Progress']));
  expect(hub.triggers()).toEqual([
    expect.objectContaining({
      fn: 'onHubNightly',
      owner: DISTRICT_ACCOUNT,
      schedule: expect.objectContaining({ kind: 'days', atHour: 2 }),
    }),
  ]);
  hub.run('hubSetUp');
  expect(hub.ui.dialogs[hub.ui.dialogs.length - 1].html).toContain('Everything was already in place');
  expect(hub.triggers()).toHaveLength(1);
});

test('Add school reads the export at once; a wrong link or a spreadsheet that is not an export is refused in words', () => {
  const d = district();
  expect(addSchool(d.hub, 'not a link')).toMatch(/^That is not a spreadsheet link/);
  expect(addSchool(d.hub, link(d.exports.maple))).toBe(
    'Maple Grove Elementary was added: 1 nominated practice and 4 rows of progress.',
  );
  expect(addSchool(d.hub, link(d.exports.maple))).toBe('Maple Grove Elementary is already in the Schools sheet.');
  // The link of Oak's log, shared with the district by mistake: readable, but not an export.
  simDrive(d.oak).share(d.oak.core.activeSpreadsheetId, DISTRICT_ACCOUNT);
  expect(addSchool(d.hub, link(d.oak.core.activeSpreadsheetId))).toMatch(
    /^That spreadsheet is not a Small Wins district export/,
  );
  // Elm shared its export with another account: added, and the district is told what to ask for.
  expect(addSchool(d.hub, link(d.exports.elm))).toBe(
    `The school was added, but The hub cannot open this school's export from ${DISTRICT_ACCOUNT}: ask the school to share its district export with ${DISTRICT_ACCOUNT} (Small Wins → Settings → Share with the district). The nightly refresh reads it once they do.`,
  );
  expect(hubRows(d.hub, 'Schools').map((s) => [s.School, s.Status])).toEqual([
    ['Maple Grove Elementary', 'Up to date'],
    ['', expect.stringMatching(/^Not read: The hub cannot open this school's export/)],
  ]);
});

test('three schools: the nightly pull writes every practice and count, a school not shared keeps nothing it cannot read, the others still refresh', () => {
  const d = district();
  for (const id of Object.values(d.exports)) addSchool(d.hub, link(id));
  d.hub.advanceTo('2026-11-24T07:30:00Z'); // 2:30 a.m. in New York: the nightly pull has run
  expect(d.hub.errors).toEqual([]);
  const practices = hubRows(d.hub, 'Practices');
  expect(practices.map((p) => [p.School, p.Goal, p.Practice, p.Tier, p['Practice ID']])).toEqual([
    ['Maple Grove Elementary', 'Reading for all', 'Reading buddies', 'Promising', 'P-001'],
    ['Oak Hill Middle', 'Math confidence', 'Number talks', 'Promising', 'P-001'],
  ]);
  expect(practices[0]).toMatchObject({
    'Impact and evidence': 'Library visits doubled in a term (library log).',
    Contact: 'Ana Ruiz, ana.ruiz@school.example',
    'Host visits': 'Yes',
  });
  // The export writes the school's wall clock with its offset; the hub keeps the same instant as a date cell.
  const nominatedAt = hubRows(d.maple, 'Showcase')[0]['Updated at'];
  expect(nominatedAt).toMatch(/^2026-.*Z$/);
  expect(practices[0].Updated).toBe(nominatedAt);
  const progress = hubRows(d.hub, 'Progress');
  expect(
    progress.filter((p) => p.School === 'Oak Hill Middle').map((p) => [p.Goal, p.Month, p.Entries, p.Wins]),
  ).toContainEqual(['Math confidence', '2026-03', '1', '1']);
  expect(new Set(progress.map((p) => p.School))).toEqual(new Set(['Maple Grove Elementary', 'Oak Hill Middle']));
  const schools = hubRows(d.hub, 'Schools');
  expect(schools.map((s) => s.Status)).toEqual([
    'Up to date',
    'Up to date',
    expect.stringMatching(
      /^Not read: The hub cannot open this school's export from district@district\.example: ask the school to share its district export with district@district\.example/,
    ),
  ]);
  expect(schools[0]['Last pulled']).toBe('2026-11-24T07:00:00.000Z');
  // Consent: nothing a school keeps to itself ever reaches the hub.
  // Everything the district can see: the hub's own spreadsheet and the exports shared with it.
  const visible = [...d.hub.core.spreadsheets.values()].filter((f) => simDrive(d.hub).canRead(f.id, DISTRICT_ACCOUNT));
  expect(visible.map((f) => f.id).sort()).toEqual(
    [d.hub.core.activeSpreadsheetId, d.exports.maple, d.exports.oak].sort(),
  );
  const everything = JSON.stringify(visible);
  for (const hidden of [STORY.staffOnly, STORY.uncleared, STORY.community, '@w-0001.example'])
    expect(everything).not.toContain(hidden);
});

test('a practice withdrawn between refreshes disappears; a rerun changes nothing; a school that stops sharing keeps its last data, marked stale', () => {
  const d = district();
  addSchool(d.hub, link(d.exports.maple));
  addSchool(d.hub, link(d.exports.oak));
  saved(
    call(d.maple, 'showcaseSave', {
      id: '',
      version: '',
      action: 'nominate',
      practice: practice({ name: 'Family phonics mornings' }),
    }),
  );
  d.hub.run('hubRefreshNow');
  expect(hubRows(d.hub, 'Practices').map((p) => p.Practice)).toEqual([
    'Reading buddies',
    'Family phonics mornings',
    'Number talks',
  ]);
  const before = { practices: hubRows(d.hub, 'Practices'), progress: hubRows(d.hub, 'Progress') };
  d.hub.run('hubRefreshNow');
  expect({ practices: hubRows(d.hub, 'Practices'), progress: hubRows(d.hub, 'Progress') }).toEqual(before);

  const p1 = call(d.maple, 'showcaseOpen').practices[0];
  saved(call(d.maple, 'showcaseSave', { id: p1.id, version: p1.version, action: 'withdraw', practice: practice() }));
  d.hub.clock.advance(3_600_000);
  d.hub.run('hubRefreshNow');
  expect(hubRows(d.hub, 'Practices').map((p) => p.Practice)).toEqual(['Family phonics mornings', 'Number talks']);
  // The first time the hub saw a practice is kept across refreshes.
  expect(hubRows(d.hub, 'Practices')[0]['First seen']).toBe(before.practices[1]['First seen']);

  call(d.oak, 'districtStop');
  d.hub.clock.advance(3_600_000);
  d.hub.run('hubRefreshNow');
  expect(d.hub.ui.alerts[d.hub.ui.alerts.length - 1].message).toBe(
    'Refreshed 2 schools (1 could not be read and kept their last data).',
  );
  const oak = hubRows(d.hub, 'Schools')[1];
  expect(oak.Status).toMatch(
    /^Stale: showing what was read at the last pull\. The hub cannot open this school's export from district@district\.example: ask the school to share/,
  );
  expect(hubRows(d.hub, 'Practices').map((p) => p.Practice)).toEqual(['Family phonics mornings', 'Number talks']);
  expect(hubRows(d.hub, 'Progress').some((p) => p.School === 'Oak Hill Middle')).toBe(true);
});

test('the hub never opens a school log: only the exports shared with it, through the Sheets API, one call per school', () => {
  const d = district();
  for (const id of Object.values(d.exports)) addSchool(d.hub, link(id));
  d.hub.meter.reset();
  d.hub.run('hubRefreshNow');
  expect(d.hub.meter.byMethod['Sheets.Spreadsheets.Values.batchGet'].calls).toBe(3);
  expect(Object.keys(d.hub.meter.byMethod).filter((m) => /openById|openByUrl/.test(m))).toEqual([]);
  const logs = [d.maple, d.oak, d.elm].map((s) => s.core.activeSpreadsheetId);
  const reached = simSheetsApi(d.hub)
    .calls()
    .filter((c) => c.project === d.hub.core.projectId);
  expect(new Set(reached.map((c) => c.spreadsheetId))).toEqual(new Set(Object.values(d.exports)));
  expect(reached.some((c) => logs.includes(c.spreadsheetId))).toBe(false);
});

test('a follow-up trigger left over after its pull finished reads nothing and starts no new pull', () => {
  const d = district();
  addSchool(d.hub, link(d.exports.maple));
  d.hub.meter.reset();
  d.hub.run('continueHubRefresh');
  expect(d.hub.meter.byMethod['Sheets.Spreadsheets.Values.batchGet']).toBeUndefined();
});
