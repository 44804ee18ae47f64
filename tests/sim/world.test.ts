// Simulator: projects side by side in one world (a school's add-on and a district's script), files with owners and
// sharing, the advanced Sheets, Drive and BigQuery services as a project's manifest enables them, the time limit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createSimulator,
  permissionIdFor,
  simBigQuery,
  simDrive,
  simSheetsApi,
  TIME_LIMIT_MESSAGE,
  type Simulator,
} from '../../dev/sim';

const SCOPES = {
  currentonly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  driveFile: 'https://www.googleapis.com/auth/drive.file',
  readonly: 'https://www.googleapis.com/auth/spreadsheets.readonly',
  bigquery: 'https://www.googleapis.com/auth/bigquery',
  scriptapp: 'https://www.googleapis.com/auth/script.scriptapp',
};
const SERVICES = {
  Sheets: { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
  Drive: { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
  BigQuery: { userSymbol: 'BigQuery', serviceId: 'bigquery', version: 'v2' },
};

function project(code: string, scopes: string[], services: Array<keyof typeof SERVICES>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-world-'));
  writeFileSync(
    join(dir, 'appsscript.json'),
    JSON.stringify({
      timeZone: 'America/New_York',
      runtimeVersion: 'V8',
      oauthScopes: scopes,
      dependencies: { enabledAdvancedServices: services.map((s) => SERVICES[s]) },
    }),
  );
  writeFileSync(join(dir, 'Code.js'), code);
  return dir;
}

const SCHOOL = project(
  `
function makeExport(district, notify) {
  var made = Sheets.Spreadsheets.create({ properties: { title: 'Oak — for the district' },
    sheets: [{ properties: { title: 'About', gridProperties: { rowCount: 5, columnCount: 3 } } },
             { properties: { title: 'Practices' } }] });
  var p = Drive.Permissions.create({ type: 'user', role: 'reader', emailAddress: district }, made.spreadsheetId,
    { sendNotificationEmail: notify, fields: 'id,role,emailAddress' });
  return { id: made.spreadsheetId, url: made.spreadsheetUrl, sheets: made.sheets.map(function (s) { return s.properties.title; }), permission: p };
}
function write(id, data, option) {
  return Sheets.Spreadsheets.Values.batchUpdate({ valueInputOption: option, data: data }, id);
}
function stop(id, district) {
  var list = Drive.Permissions.list(id, { fields: 'permissions(id,emailAddress,role)' }).permissions;
  list.forEach(function (p) { if (p.emailAddress === district) Drive.Permissions.remove(id, p.id); });
  return Drive.Permissions.list(id, { fields: 'permissions(emailAddress,role)' }).permissions;
}
function readLog() { return Sheets.Spreadsheets.Values.batchGet(SpreadsheetApp.getActive().getId(), { ranges: ['Sheet1!A1:B2'] }); }
function grow(id) {
  return Sheets.Spreadsheets.batchUpdate({ requests: [
    { updateSheetProperties: { properties: { sheetId: 0, gridProperties: { rowCount: 50 } }, fields: 'gridProperties.rowCount' } },
    { addSheet: { properties: { title: 'Progress' } } }] }, id);
}
function openOther(id) { return SpreadsheetApp.openById(id).getName(); }
function tick() { PropertiesService.getScriptProperties().setProperty('ticks', String(Number(PropertiesService.getScriptProperties().getProperty('ticks') || 0) + 1)); }
function install() { ScriptApp.newTrigger('tick').timeBased().everyHours(1).create(); }
function ticks() { return PropertiesService.getScriptProperties().getProperty('ticks'); }
`,
  [SCOPES.currentonly, SCOPES.driveFile, SCOPES.scriptapp],
  ['Sheets', 'Drive'],
);

const HUB = project(
  `
function read(id, ranges) { return Sheets.Spreadsheets.Values.batchGet(id, { ranges: ranges }); }
function openOther(id) { return SpreadsheetApp.openById(id).getName(); }
function tick() { PropertiesService.getScriptProperties().setProperty('ticks', String(Number(PropertiesService.getScriptProperties().getProperty('ticks') || 0) + 1)); }
function install() { ScriptApp.newTrigger('tick').timeBased().everyHours(2).create(); }
function ticks() { return PropertiesService.getScriptProperties().getProperty('ticks'); }
function load(csv, disposition) {
  var job = BigQuery.Jobs.insert({ configuration: { load: {
      destinationTable: { projectId: 'district-data', datasetId: 'small_wins', tableId: 'progress' },
      schema: { fields: [{ name: 'school', type: 'STRING' }, { name: 'wins', type: 'INTEGER' }] },
      sourceFormat: 'CSV', skipLeadingRows: 1, writeDisposition: disposition } } },
    'district-data', Utilities.newBlob(csv, 'application/octet-stream'));
  var states = [job.status.state];
  while (job.status.state !== 'DONE') { Utilities.sleep(1000); job = BigQuery.Jobs.get('district-data', job.jobReference.jobId); states.push(job.status.state); }
  return { states: states, error: job.status.errorResult ? job.status.errorResult.message : null };
}
function slow(n) { for (var i = 0; i < n; i++) Utilities.sleep(60000); return 'finished'; }
function busy(n) { var done = 0; for (var i = 0; i < n; i++) { PropertiesService.getScriptProperties().getProperty('x'); done++; } return done; }
`,
  [SCOPES.currentonly, SCOPES.readonly, SCOPES.bigquery, SCOPES.scriptapp],
  ['Sheets', 'BigQuery'],
);

function world(): { school: Simulator; other: Simulator; hub: Simulator } {
  const school = createSimulator({
    now: '2026-11-23T14:00:00Z',
    user: 'principal@oak.example',
    spreadsheetName: 'Oak',
  });
  school.load(SCHOOL);
  const other = createSimulator({ world: school, user: 'principal@elm.example', spreadsheetName: 'Elm' });
  other.load(SCHOOL);
  const hub = createSimulator({
    world: school,
    user: 'district@district.example',
    spreadsheetName: 'District hub',
    addon: false,
  });
  hub.load(HUB);
  return { school, other, hub };
}

const ok = <T>(sim: Simulator, fn: string, ...args: unknown[]): T => sim.run<T>(fn, ...args);
const failure = (sim: Simulator, fn: string, ...args: unknown[]): string => {
  try {
    sim.run(fn, ...args);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`${fn} was expected to fail`);
};

test('projects in one world share the clock, files and ID sequence, and keep their own documents and triggers', () => {
  const { school, other, hub } = world();
  const ids = [school, other, hub].map((s) => s.core.activeSpreadsheetId);
  expect(new Set(ids).size).toBe(3);
  expect(school.spreadsheet.sheetNames()).toEqual(['Sheet1']);
  expect(simDrive(hub).file(ids[0]).owner).toBe('principal@oak.example');
  expect(simDrive(hub).file(ids[2]).owner).toBe('district@district.example');
  expect(hub.clock.now().getTime()).toBe(school.clock.now().getTime());
  ok(school, 'install');
  ok(hub, 'install');
  expect(school.triggers()).toHaveLength(1);
  expect(hub.triggers()).toHaveLength(1);
  // Either project's advanceTo fires every project's triggers, each in its own project.
  school.advanceTo('2026-11-23T20:30:00Z');
  expect(ok(school, 'ticks')).toBe('6');
  expect(ok(hub, 'ticks')).toBe('3');
  expect(ok(other, 'ticks')).toBeNull();
});

test('a file made with the Sheets API belongs to its creator; drive.file reaches it from that project only', () => {
  const { school, other, hub } = world();
  const made = ok<{ id: string; url: string; sheets: string[]; permission: Record<string, string> }>(
    school,
    'makeExport',
    'district@district.example',
    false,
  );
  expect(made.sheets).toEqual(['About', 'Practices']);
  expect(made.url).toBe(`https://docs.google.com/spreadsheets/d/${made.id}/edit`);
  expect(made.permission).toEqual({
    id: permissionIdFor('district@district.example'),
    role: 'reader',
    emailAddress: 'district@district.example',
  });
  const file = simDrive(school).file(made.id);
  expect(file.owner).toBe('principal@oak.example');
  expect(file.permissions).toEqual([expect.objectContaining({ role: 'reader', notified: false })]);
  // RAW keeps formula-like and number-like text as text; USER_ENTERED parses it as typed.
  const raw = ok<Record<string, unknown>>(
    school,
    'write',
    made.id,
    [
      {
        range: 'About!A1:B2',
        values: [
          ['=1+1', '007'],
          [3, true],
        ],
      },
    ],
    'RAW',
  );
  expect(raw).toMatchObject({
    totalUpdatedCells: 4,
    totalUpdatedSheets: 1,
    responses: [{ updatedRange: 'About!A1:B2' }],
  });
  expect(ok(hub, 'read', made.id, ['About!A1:C5'])).toEqual({
    spreadsheetId: made.id,
    valueRanges: [
      {
        range: 'About!A1:C5',
        majorDimension: 'ROWS',
        values: [
          ['=1+1', '007'],
          ['3', 'TRUE'],
        ],
      },
    ],
  });
  ok(school, 'write', made.id, [{ range: 'About!A1', values: [['=1+1']] }], 'USER_ENTERED');
  expect(
    ok<{ valueRanges: Array<{ values: string[][] }> }>(hub, 'read', made.id, ['About!A1']).valueRanges[0].values,
  ).toEqual([['2']]);
  // Another school's leader runs the same add-on: drive.file does not reach a file made for someone else.
  simDrive(school).share(made.id, 'principal@elm.example', 'writer');
  expect(failure(other, 'write', made.id, [{ range: 'About!A1', values: [['x']] }], 'RAW')).toBe(
    'GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchUpdate failed with error: The caller does not have permission',
  );
  // spreadsheets.currentonly does not reach the school's own log through the API either.
  expect(failure(school, 'readLog')).toMatch(
    /sheets\.spreadsheets\.values\.batchGet failed with error: The caller does not have permission/,
  );
  // Nor does SpreadsheetApp.openById under currentonly.
  expect(failure(hub, 'openOther', made.id)).toBe(
    'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
  );
});

test('a read by an account the file is not shared with fails with the API permission error; stopping sharing removes access', () => {
  const { school, hub } = world();
  const logId = school.core.activeSpreadsheetId;
  expect(failure(hub, 'read', logId, ['Sheet1'])).toBe(
    'GoogleJsonResponseException: API call to sheets.spreadsheets.values.batchGet failed with error: The caller does not have permission',
  );
  const made = ok<{ id: string }>(school, 'makeExport', 'district@district.example', true);
  expect(simDrive(school).file(made.id).permissions[0].notified).toBe(true);
  expect(ok<{ valueRanges: unknown[] }>(hub, 'read', made.id, ['About', 'Practices!A1:B']).valueRanges).toEqual([
    { range: 'About!A1:C5', majorDimension: 'ROWS' },
    { range: 'Practices!A1:B1000', majorDimension: 'ROWS' },
  ]);
  expect(ok(school, 'stop', made.id, 'district@district.example')).toEqual([
    { emailAddress: 'principal@oak.example', role: 'owner' },
  ]);
  expect(failure(hub, 'read', made.id, ['About'])).toMatch(/The caller does not have permission$/);
  simDrive(school).deleteFile(made.id);
  expect(failure(hub, 'read', made.id, ['About'])).toMatch(/failed with error: Requested entity was not found\.$/);
  const opened = simSheetsApi(hub).filesOpenedBy(hub.core.projectId);
  expect(opened).toEqual([made.id]);
  expect(
    simSheetsApi(hub)
      .calls()
      .filter((c) => c.spreadsheetId === logId),
  ).toEqual([expect.objectContaining({ method: 'Values.batchGet', ok: false })]);
});

test('the Sheets API checks ranges and grid limits, and grows a grid or adds a sheet in one atomic batchUpdate', () => {
  const { school } = world();
  const made = ok<{ id: string }>(school, 'makeExport', 'district@district.example', false);
  expect(failure(school, 'write', made.id, [{ range: 'Nope!A1', values: [['x']] }], 'RAW')).toMatch(
    /failed with error: Invalid data\[0\]: Unable to parse range: Nope!A1$/,
  );
  expect(failure(school, 'write', made.id, [{ range: 'About!A1:B1', values: [['a', 'b', 'c']] }], 'RAW')).toMatch(
    /Requested writing within range \[About!A1:B1\], but tried writing to column \[C\]$/,
  );
  expect(failure(school, 'write', made.id, [{ range: 'About!A5', values: [['a'], ['b']] }], 'RAW')).toMatch(
    /Requested writing within range \[About!A5\], but tried writing to row \[6\]$/,
  );
  expect(
    failure(school, 'write', made.id, [{ range: 'About!A1:A', values: Array.from({ length: 6 }, () => ['x']) }], 'RAW'),
  ).toMatch(/Invalid data\[0\]: Range \(About!A6\) exceeds grid limits\. Max rows: 5, max columns: 3$/);
  expect(failure(school, 'write', made.id, [{ range: 'About!A1', values: [['x']] }], undefined)).toMatch(
    /'valueInputOption' is required but not specified$/,
  );
  const grown = ok<{ replies: unknown[] }>(school, 'grow', made.id);
  expect(grown.replies).toEqual([
    {},
    { addSheet: { properties: expect.objectContaining({ title: 'Progress', index: 2 }) } },
  ]);
  ok(school, 'write', made.id, [{ range: 'About!A1:A', values: Array.from({ length: 6 }, () => ['x']) }], 'RAW');
  expect(failure(school, 'grow', made.id)).toMatch(/A sheet with the name "Progress" already exists/);
});

test('BigQuery load jobs run until DONE; WRITE_TRUNCATE replaces the snapshot, WRITE_APPEND adds to it', () => {
  const { hub } = world();
  expect(failure(hub, 'load', 'school,wins\nOak,3\n', 'WRITE_TRUNCATE')).toMatch(
    /Access Denied: Project district-data: User does not have bigquery.jobs.create permission in project district-data\.$/,
  );
  simBigQuery(hub).addProject('district-data', ['district@district.example']);
  expect(ok(hub, 'load', 'school,wins\nOak,3\n', 'WRITE_TRUNCATE')).toEqual({
    states: ['RUNNING', 'RUNNING', 'DONE'],
    error: 'Not found: Dataset district-data:small_wins',
  });
  simBigQuery(hub).addProject('district-data', ['district@district.example'], ['small_wins']);
  const csv = 'school,wins\n"Oak, North",3\n"Elm ""E""",5\n';
  expect(ok<{ error: null }>(hub, 'load', csv, 'WRITE_TRUNCATE').error).toBeNull();
  expect(ok<{ error: null }>(hub, 'load', csv, 'WRITE_TRUNCATE').error).toBeNull();
  expect(simBigQuery(hub).table('district-data', 'small_wins', 'progress')).toEqual({
    schema: [
      { name: 'school', type: 'STRING' },
      { name: 'wins', type: 'INTEGER' },
    ],
    rows: [
      ['Oak, North', 3],
      ['Elm "E"', 5],
    ],
    loads: 2,
  });
  ok(hub, 'load', csv, 'WRITE_APPEND');
  expect(simBigQuery(hub).table('district-data', 'small_wins', 'progress')!.rows).toHaveLength(4);
  expect(ok(hub, 'load', 'school,wins\nOak,three\n', 'WRITE_TRUNCATE')).toMatchObject({
    error: expect.stringMatching(/Could not parse 'three' as INTEGER for field wins/),
  });
});

test('with the clock following calls, an execution past its time limit stops at its next service call', () => {
  const school = createSimulator({
    now: '2026-11-23T14:00:00Z',
    user: 'district@district.example',
    addon: false,
    clockFollowsCalls: true,
    executionLimitMs: 6 * 60_000,
  });
  school.load(HUB);
  expect(failure(school, 'slow', 10)).toBe(TIME_LIMIT_MESSAGE);
  expect(ok(school, 'slow', 5)).toBe('finished');
  const before = school.clock.now().getTime();
  expect(ok(school, 'busy', 100)).toBe(100);
  // 100 Properties reads of 25 ms each (plus the store handles) moved the clock.
  expect(school.clock.now().getTime() - before).toBeGreaterThanOrEqual(2500);
});
