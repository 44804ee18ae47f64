// The district export through the built bundle: Settings → Share with the district makes a separate spreadsheet
// with the Sheets API (owned by the leader, shared with the district as a viewer, no Drive email), offers a Gmail
// draft with its link, and holds only nominated practices, public stories and counts; each nomination and
// withdrawal rewrites it raw; stopping removes the district's access.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call } from '../../dev/endpoints';
import { simDrive, simGmail, simSheetsApi, type Simulator } from '../../dev/sim';
import { DISTRICT_ACCOUNT } from '../../dev/spread-sim';
import { DIST, loadAddOn, type Sim } from '../helpers/addon';
import { nominate, practice, readySchool, saved, STORY, winRow } from '../helpers/spread';
import { addWinRows } from '../../dev/spread-sim';

function school(): Sim {
  return readySchool(loadAddOn(), 'Maple Grove Elementary');
}

/** The export's sheets as the district would read them (unmetered). */
function exportOf(sim: Simulator, id: string): Record<string, string[][]> {
  const ss = sim.core.spreadsheets.get(id)!;
  const out: Record<string, string[][]> = {};
  for (const sh of ss.sheets) {
    const rows: string[][] = [];
    sh.rows.forEach((r, i) => (rows[i] = (r ?? []).map((c) => (c ? String(c.v) : ''))));
    while (rows.length && rows[rows.length - 1].every((c) => c === '')) rows.pop();
    out[sh.name] = Array.from(rows, (r) => r ?? []);
  }
  return out;
}

function share(sim: Sim, district = DISTRICT_ACCOUNT, draftEmail = true) {
  return call(sim, 'districtShare', { district, draftEmail });
}

test('the school add-on adds only drive.file and the Sheets and Drive services to its manifest', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8')) as {
    oauthScopes: string[];
    dependencies: { enabledAdvancedServices: Array<{ userSymbol: string }> };
  };
  const drive = manifest.oauthScopes.filter((s) => /drive|spreadsheets/.test(s));
  expect(drive.sort()).toEqual([
    'https://www.googleapis.com/auth/drive.file',
    'https://www.googleapis.com/auth/spreadsheets.currentonly',
  ]);
  // Docs (the newsletter's Doc through the Docs API) needs no scope beyond documents.
  expect(manifest.dependencies.enabledAdvancedServices.map((s) => s.userSymbol)).toEqual([
    'Gmail',
    'Sheets',
    'Drive',
    'Docs',
  ]);
});

test('sharing makes one export the leader owns, shares it as a viewer without an email, and drafts the link to the district', () => {
  const sim = school();
  expect(share(sim, 'not an address')).toMatchObject({
    ok: false,
    message: expect.stringMatching(/^Enter the district account/),
  });
  const r = share(sim);
  expect(r.ok).toBe(true);
  expect(r.message).toMatch(
    /^Shared with district@district\.example as a viewer \(Drive sent no email\)\. A draft to district@district\.example with the link is in your Gmail drafts/,
  );
  expect(r.view).toMatchObject({
    sharing: true,
    district: DISTRICT_ACCOUNT,
    owner: 'principal@school.example',
    mine: true,
    problem: '',
  });
  const id = /\/d\/([^/]+)\//.exec(r.view.url)![1];
  const file = simDrive(sim).file(id);
  expect(file).toMatchObject({
    name: 'Maple Grove Elementary — Small Wins for the district',
    owner: 'principal@school.example',
    createdBy: { project: sim.core.projectId, user: 'principal@school.example' },
  });
  expect(file.permissions).toEqual([
    expect.objectContaining({ emailAddress: DISTRICT_ACCOUNT, role: 'reader', notified: false }),
  ]);
  const [draft] = simGmail(sim).drafts();
  expect(draft.to).toEqual([DISTRICT_ACCOUNT]);
  expect(draft.subject).toBe('Maple Grove Elementary — our Small Wins for the district');
  expect(draft.text).toContain(r.view.url);
  // The add-on opened no other spreadsheet than the one it made.
  expect(simSheetsApi(sim).filesOpenedBy(sim.core.projectId)).toEqual([id]);
  // Sharing again reuses the file.
  expect(share(sim, DISTRICT_ACCOUNT, false).view.url).toBe(r.view.url);
  expect(simGmail(sim).drafts()).toHaveLength(1);
});

test('the export holds nominated practices only, a linked story only when it may reach the public, and counts per goal and month', () => {
  const sim = school();
  const url = share(sim).view.url;
  const id = /\/d\/([^/]+)\//.exec(url)![1];
  let sheets = exportOf(sim, id);
  expect(sheets.About.slice(0, 6)).toEqual([
    ['Field', 'Value'],
    ['School', 'Maple Grove Elementary'],
    ['Time zone', 'America/New_York'],
    // The school's wall clock with its offset (14:00 UTC is 9 am in New York), written raw as text.
    ['Updated at', '2026-11-23 09:00:00 -0500'],
    ['Format version', '1'],
    ['Nominated practices', '0'],
  ]);
  expect(sheets.Practices).toHaveLength(1);
  // W-0001..W-0004 and W-0006 are approved; W-0005 is New. September 2026 has four Reading entries.
  expect(sheets.Progress).toEqual([
    ['Goal', 'Month', 'Entries', 'Wins', 'Lessons learned'],
    ['Math confidence', '2026-10', '1', '0', '1'],
    ['Reading for all', '2026-01', '1', '1', '0'],
    ['Reading for all', '2026-09', '3', '3', '0'],
    ['Reading for all', '2026-11', '1', '0', '0'],
  ]);

  saved(call(sim, 'showcaseSave', { id: '', version: '', action: 'save', practice: practice({ name: 'Draft only' }) }));
  const p = nominate(sim, { name: '=IMPORTRANGE("x")', winIds: ['W-0001', 'W-0002', 'W-0003', 'W-0004'] });
  sheets = exportOf(sim, id);
  expect(sheets.Practices).toHaveLength(2);
  const [header, row] = sheets.Practices;
  const cell = (h: string) => row[header.indexOf(h)];
  expect(cell('Practice ID')).toBe(p);
  expect(cell('Linked wins')).toBe('4');
  // Only W-0001's story: W-0002 is Staff only, W-0003 names students without privacy cleared, W-0004 is School community.
  expect(cell('Stories shared with the district')).toBe(`Headline of W-0001: ${STORY.public}`);
  // When it was nominated, in the school's time zone, as text a hub reads back as the same instant.
  expect(cell('Nominated at')).toBe('2026-11-23 09:00:00 -0500');
  expect(cell('Updated at')).toBe('2026-11-23 09:00:00 -0500');
  const everything = JSON.stringify(sheets);
  for (const hidden of [STORY.staffOnly, STORY.uncleared, STORY.community, '@w-0001.example', 'Draft only'])
    expect(everything).not.toContain(hidden);
  // Written raw: formula-like text is text in the export.
  const practices = sim.core.spreadsheets.get(id)!.sheets.find((s) => s.name === 'Practices')!;
  expect(practices.rows[1][1]).toEqual({ v: '=IMPORTRANGE("x")' });
  expect(exportOf(sim, id).About[5]).toEqual(['Nominated practices', '1']);
});

test('withdrawing takes a practice out of the export at once, and the rows it leaves are blanked', () => {
  const sim = school();
  const id = /\/d\/([^/]+)\//.exec(share(sim).view.url)![1];
  nominate(sim, { name: 'First' });
  nominate(sim, { name: 'Second' });
  expect(exportOf(sim, id).Practices.map((r) => r[1])).toEqual(['Practice', 'First', 'Second']);
  const first = call(sim, 'showcaseOpen').practices[0];
  const r = saved(
    call(sim, 'showcaseSave', { id: first.id, version: first.version, action: 'withdraw', practice: practice() }),
  );
  expect(r.message).toBe('P-001 ("First") was withdrawn. The district export was updated.');
  expect(exportOf(sim, id).Practices.map((r) => r[1])).toEqual(['Practice', 'Second']);
});

test('stopping removes the district’s access and keeps the file; only the leader who made it can change it', () => {
  const sim = school();
  const id = /\/d\/([^/]+)\//.exec(share(sim).view.url)![1];
  sim.setUser('coach@school.example');
  expect(call(sim, 'districtStop')).toMatchObject({
    ok: false,
    message: expect.stringMatching(/^The district export was made from principal@school\.example's account/),
  });
  expect(call(sim, 'districtOpen')).toMatchObject({ sharing: true, mine: false });
  // A nomination by the coach is saved; the export cannot be written from the coach's account and says why.
  const r = saved(call(sim, 'showcaseSave', { id: '', version: '', action: 'nominate', practice: practice() }));
  expect(r.message).toMatch(
    /^P-001 \("Reading buddies"\) was nominated\. The district export belongs to principal@school\.example/,
  );
  sim.setUser('principal@school.example');
  expect(call(sim, 'districtRefresh')).toMatchObject({ ok: true, message: 'The district export was updated.' });
  const stopped = call(sim, 'districtStop');
  expect(stopped.ok).toBe(true);
  expect(stopped.message).toMatch(
    /^district@district\.example can no longer open the district export\. The file stays in your Drive/,
  );
  expect(simDrive(sim).canRead(id, DISTRICT_ACCOUNT)).toBe(false);
  expect(simDrive(sim).file(id).owner).toBe('principal@school.example');
  // Sharing again picks the same file back up.
  expect(share(sim, DISTRICT_ACCOUNT, false).view.url).toContain(id);
  expect(simDrive(sim).canRead(id, DISTRICT_ACCOUNT)).toBe(true);
});

test('an export deleted from Drive is said in plain words, and sharing again makes a new one', () => {
  const sim = school();
  const id = /\/d\/([^/]+)\//.exec(share(sim).view.url)![1];
  simDrive(sim).deleteFile(id);
  const r = call(sim, 'districtRefresh');
  expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^The district export is no longer in Drive/) });
  expect(call(sim, 'districtOpen').problem).toMatch(/^The district export is no longer in Drive/);
  const again = share(sim, DISTRICT_ACCOUNT, false);
  expect(again.message).toMatch(/The earlier export was no longer in Drive, so a new one was made\./);
  expect(again.view.url).not.toContain(id);
  expect(again.view.problem).toBe('');
});

test('a sheet of the export deleted by hand is added back at the next refresh; a grid it outgrew is grown', () => {
  const sim = school();
  const id = /\/d\/([^/]+)\//.exec(share(sim).view.url)![1];
  const ss = sim.core.spreadsheets.get(id)!;
  ss.sheets = ss.sheets.filter((s) => s.name !== 'Progress');
  nominate(sim, { name: 'Practice 0' });
  expect(exportOf(sim, id).Progress).toHaveLength(5);
  // Rows deleted by hand: the Practices grid is down to 3 rows, and the export needs 4.
  ss.sheets.find((s) => s.name === 'Practices')!.maxRows = 3;
  for (let i = 1; i < 3; i++) nominate(sim, { name: `Practice ${i}` });
  expect(exportOf(sim, id).Progress[0]).toEqual(['Goal', 'Month', 'Entries', 'Wins', 'Lessons learned']);
  expect(exportOf(sim, id).Practices).toHaveLength(4);
});

test('the hourly clock rewrites the export once a day while the school shares it, and not at all once it stops', () => {
  const sim = school();
  const id = /\/d\/([^/]+)\//.exec(share(sim).view.url)![1];
  addWinRows(sim, [winRow('W-0200', { submittedAt: '2026-11-23T18:00:00.000Z', goals: 'Family partnership' })]);
  const about = () => exportOf(sim, id).About[3][1];
  // The first hourly tick after sharing refreshed it, with the win added since; the next 22 ticks did not.
  sim.advanceTo('2026-11-24T13:30:00Z');
  expect(about()).toBe('2026-11-23 10:00:00 -0500');
  expect(exportOf(sim, id).Progress).toContainEqual(['Family partnership', '2026-11', '1', '1', '0']);
  sim.advanceTo('2026-11-24T14:30:00Z');
  expect(about()).toBe('2026-11-24 09:00:00 -0500');
  call(sim, 'districtStop');
  const stopped = about();
  sim.advanceTo('2026-11-28T16:00:00Z');
  expect(about()).toBe(stopped);
  expect(sim.errors).toEqual([]);
});

test('a Showcase column renamed or deleted by hand: the refresh says so and the export keeps what it had', () => {
  const sim = school();
  const exportId = /\/d\/([^/]+)\//.exec(share(sim, DISTRICT_ACCOUNT, false).view.url)![1];
  const id = nominate(sim, { description: 'Older students read with younger ones.' });
  const before = exportOf(sim, exportId).Practices;
  expect(before).toHaveLength(2);
  const sheet = sim.spreadsheet.sheet('Showcase')!;
  sheet.setCell(1, sheet.columnOf('What it is'), 'Description');
  const renamed = call(sim, 'districtRefresh');
  expect(renamed).toMatchObject({
    ok: false,
    message:
      'The district export could not be updated: The Showcase sheet has no "What it is" column (renamed or deleted?). Give it its name back, or run Small Wins → Set up to add it again.',
  });
  expect(exportOf(sim, exportId).Practices).toEqual(before);
  sheet.setCell(1, sheet.columnOf('Description'), 'What it is');
  sheet.deleteColumn(sheet.columnOf('Status'));
  expect(call(sim, 'districtRefresh').message).toMatch(/has no "Status" column/);
  expect(exportOf(sim, exportId).Practices.map((r) => r[0])).toEqual(['Practice ID', id]);
});

test('a linked story narrowed or archived in the sidebar (one save or a group action) leaves the export at once, not at the next daily refresh', () => {
  const sim = school();
  const exportId = /\/d\/([^/]+)\//.exec(share(sim, DISTRICT_ACCOUNT, false).view.url)![1];
  nominate(sim, { winIds: ['W-0001'] });
  expect(JSON.stringify(exportOf(sim, exportId))).toContain(STORY.public);
  const values = () => sim.spreadsheet.sheetValues('Wins') as unknown[][];
  const rowOf = (id: string) => values().findIndex((r) => r[values()[0].indexOf('ID')] === id) + 1;
  const w = call(sim, 'triageWin', { id: 'W-0001', row: rowOf('W-0001') })!;
  const r = call(sim, 'triageSave', { id: w.id, row: w.row, version: w.version, change: { consent: 'Staff only' } });
  expect(r).toMatchObject({
    saved: { id: 'W-0001' },
    note: "The district export was updated at once: it no longer carries this win's story.",
  });
  expect(JSON.stringify(exportOf(sim, exportId))).not.toContain(STORY.public);
  // A save that leaves nothing the district could read does not touch the export (no refresh, no note).
  const other = call(sim, 'triageWin', { id: 'W-0002', row: rowOf('W-0002') })!;
  const quiet = call(sim, 'triageSave', {
    id: other.id,
    row: other.row,
    version: other.version,
    change: { status: 'Archived' },
  });
  expect(quiet).not.toHaveProperty('note');

  // A group action that archives a linked win does the same.
  const group = school();
  const groupExport = /\/d\/([^/]+)\//.exec(share(group, DISTRICT_ACCOUNT, false).view.url)![1];
  nominate(group, { winIds: ['W-0001'] });
  const gValues = () => group.spreadsheet.sheetValues('Wins') as unknown[][];
  const gRow = gValues().findIndex((row) => row[gValues()[0].indexOf('ID')] === 'W-0001') + 1;
  const gw = call(group, 'triageWin', { id: 'W-0001', row: gRow })!;
  call(group, 'triageSaveMany', {
    wins: [{ id: gw.id, row: gw.row, version: gw.version }],
    change: { status: 'Archived' },
  });
  expect(JSON.stringify(exportOf(group, groupExport))).not.toContain(STORY.public);
});

test('the district account must be one plain email address', () => {
  const sim = school();
  for (const bad of ['=HYPERLINK("http://evil")@x.org', 'a@b.org, c@d.org', '<script>@x.org', ''])
    expect(share(sim, bad, false)).toMatchObject({
      ok: false,
      message: 'Enter the district account as one email address, for example district@yourdistrict.org.',
    });
  expect(simGmail(sim).drafts()).toHaveLength(0);
});
