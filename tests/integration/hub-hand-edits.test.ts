// The district hub through dist-hub/ with what districts and schools do by hand: their own columns in the hub's
// sheets (text that looks like a number, a date or a formula; columns at the right or inserted in the middle while
// rows are re-sorted), an export with a 50,000-character cell, line breaks and impossible months on the way to
// BigQuery, and an export whose format version is blank.
import { createSimulator, simBigQuery, simDrive } from '../../dev/sim';
import { DISTRICT_ACCOUNT, HUB_SIM } from '../../dev/spread-sim';
import { endpoints } from '../../dev/endpoints';
import type { HubSettingsEndpoints } from '../../src/hub/hub-api';
import type { Sim } from '../helpers/addon';
import { addSchool, DIST_HUB, hubRows } from '../helpers/spread';

const link = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;

function freshHub(): Sim {
  const hub = createSimulator({ ...HUB_SIM, now: '2026-11-23T14:00:00Z' });
  hub.load(DIST_HUB);
  hub.open('FULL');
  hub.run('hubSetUp');
  return hub;
}

const HEADER = [
  'Practice ID', 'Practice', 'Goal', 'Tier', 'What it is', 'Impact and evidence', 'Grade band', 'Who benefits',
  'What it takes', 'Conditions it depends on', 'Contact', 'Willing to host a visit', 'Linked wins',
  'Stories shared with the district', 'Nominated at', 'Updated at',
]; // prettier-ignore

function practiceRow(id: string, over: Record<string, string | number> = {}): Array<string | number> {
  const base: Record<string, string | number> = {
    'Practice ID': id, Practice: `Practice ${id}`, Goal: 'Reading for all', Tier: 'Promising',
    'What it is': 'What it is.', 'Impact and evidence': 'Impact.', Contact: 'someone@hand.example',
    'Willing to host a visit': 'Yes', 'Linked wins': 1, 'Nominated at': '2026-11-20 09:00:00 -0500',
    'Updated at': '2026-11-20 09:00:00 -0500', ...over,
  }; // prettier-ignore
  return HEADER.map((h) => base[h] ?? '');
}

/** A school's export made by hand, shared with the district, in the layout the school add-on writes. */
function handExport(
  world: Sim,
  o: {
    school?: string;
    format?: string | null;
    practices?: Array<Array<string | number>>;
    progress?: Array<Array<string | number>>;
  },
): string {
  const about = [
    ['Field', 'Value'],
    ['School', o.school ?? 'Hand Made School'],
    ['Time zone', 'America/New_York'],
    ['Updated at', '2026-11-23 09:00:00 -0500'],
  ];
  if (o.format !== null) about.push(['Format version', o.format ?? '1']);
  return simDrive(world).createSpreadsheet({
    owner: 'principal@hand.example',
    name: 'Hand — Small Wins for the district',
    sheets: {
      About: about,
      Practices: [HEADER, ...(o.practices ?? [])],
      Progress: [['Goal', 'Month', 'Entries', 'Wins', 'Lessons learned'], ...(o.progress ?? [])],
    },
    sharedWith: [DISTRICT_ACCOUNT],
  });
}

function refreshNow(hub: Sim): string {
  hub.ui.answerNextAlert('OK');
  hub.run('hubRefreshNow');
  return hub.ui.alerts[hub.ui.alerts.length - 1].message;
}

const exportSheet = (hub: Sim, id: string, name: string) =>
  hub.core.spreadsheets.get(id)!.sheets.find((s) => s.name === name)!;

// ---- The district's own cells ------------------------------------------------------------------------------------

test("a refresh keeps the district's own text in Schools exactly: '007', '3/4' and '=== call back ===', and a formula", () => {
  const hub = freshHub();
  addSchool(hub, link(handExport(hub, { practices: [practiceRow('P-001')] })));
  const sheet = hub.spreadsheet.sheet('Schools')!;
  const c = sheet.headers.length + 1;
  sheet.setCell(1, c, 'Code').setCell(2, c, "'007");
  sheet.setCell(1, c + 1, 'Grades').setCell(2, c + 1, "'3/4");
  sheet.setCell(1, c + 2, 'Note').setCell(2, c + 2, "'=== call back ===");
  sheet.setCell(1, c + 3, 'Sum').setCell(2, c + 3, '=1+1');
  refreshNow(hub);
  expect(sheet.values[1].slice(c - 1, c + 2)).toEqual(['007', '3/4', '=== call back ===']);
  expect(sheet.formulas[1][c + 2]).toBe('=1+1');
  refreshNow(hub);
  expect(sheet.values[1].slice(c - 1, c + 2)).toEqual(['007', '3/4', '=== call back ===']);
});

test("a column the district added right of the hub's Practices stays with its practice when rows are re-sorted", () => {
  const hub = freshHub();
  addSchool(hub, link(handExport(hub, { school: 'B School', practices: [practiceRow('P-001', { Practice: 'B' })] })));
  const sheet = hub.spreadsheet.sheet('Practices')!;
  const c = sheet.headers.length + 1;
  sheet.setCell(1, c, 'District notes').setCell(2, c, 'Visit B in March');
  sheet.setCell(1, c + 1, 'Code').setCell(2, c + 1, "'007");
  sheet.setCell(1, c + 2, 'Score').setCell(2, c + 2, '=2*3');
  addSchool(hub, link(handExport(hub, { school: 'A School', practices: [practiceRow('P-001', { Practice: 'A' })] })));
  const b = hubRows(hub, 'Practices').find((r) => r['District notes'] === 'Visit B in March');
  expect(b?.Practice).toBe('B');
  expect(hubRows(hub, 'Practices').find((r) => r.Practice === 'A')?.['District notes']).toBe('');
  expect([sheet.values[2][c], sheet.formulas[2][c + 1], sheet.values[1][c + 1]]).toEqual(['007', '=2*3', '']);
  refreshNow(hub);
  expect(hubRows(hub, 'Practices').map((r) => [r.Practice, r['District notes']])).toEqual([
    ['A', ''],
    ['B', 'Visit B in March'],
  ]);
});

test("a column the district inserted inside the hub's Practices keeps its header and cells", () => {
  const hub = freshHub();
  addSchool(hub, link(handExport(hub, { practices: [practiceRow('P-001')] })));
  const sheet = hub.spreadsheet.sheet('Practices')!;
  sheet.insertColumn(2);
  sheet.setCell(1, 2, 'Rating').setCell(2, 2, 'Great');
  // A row the district typed itself (no Export ID) is not the hub's: it stays.
  sheet.setCell(3, 1, 'District office').setCell(3, 2, 'To visit');
  refreshNow(hub);
  expect(sheet.values[2].slice(0, 2)).toEqual(['District office', 'To visit']);
  expect({ hasRating: sheet.headers.includes('Rating'), great: sheet.values.flat().includes('Great') }).toEqual({
    hasRating: true,
    great: true,
  });
  expect(sheet.headers.filter((h) => h === 'Export ID')).toHaveLength(1);
  expect(hubRows(hub, 'Practices')).toEqual([
    expect.objectContaining({ School: 'Hand Made School', Rating: 'Great', Practice: 'Practice P-001' }),
    expect.objectContaining({ School: 'District office', Rating: 'To visit', 'Export ID': '' }),
  ]);
});

test("a column the district added to Progress stays with its school, goal and month; a removed month's note goes", () => {
  const hub = freshHub();
  const id = handExport(hub, {
    school: 'B School',
    progress: [
      ['Reading for all', '2026-10', 3, 2, 1],
      ['Reading for all', '2026-11', 4, 3, 0],
    ],
  });
  addSchool(hub, link(id));
  const sheet = hub.spreadsheet.sheet('Progress')!;
  const c = sheet.headers.length + 1;
  sheet.setCell(1, c, 'Comment').setCell(3, c, 'November looks good');
  addSchool(hub, link(handExport(hub, { school: 'A School', progress: [['Math', '2026-11', 1, 1, 0]] })));
  expect(hubRows(hub, 'Progress').map((r) => [r.School, r.Month, r.Comment])).toEqual([
    ['A School', '2026-11', ''],
    ['B School', '2026-10', ''],
    ['B School', '2026-11', 'November looks good'],
  ]);
  // The school's export no longer has November: its row goes with the note, which does not come back with it.
  exportSheet(hub, id, 'Progress').rows.splice(2, 1);
  refreshNow(hub);
  expect(hubRows(hub, 'Progress').map((r) => [r.School, r.Month, r.Comment])).toEqual([
    ['A School', '2026-11', ''],
    ['B School', '2026-10', ''],
  ]);
  expect(sheet.headers).toContain('Comment');
});

// ---- One school's bad data ---------------------------------------------------------------------------------------

const LIST = ('- step\n'.repeat(7143) + 'x'.repeat(50_000)).slice(0, 50_000);

test('an export with a 50,000-character bulleted "What it is" is shortened to fit a cell, and every school refreshes', () => {
  const hub = freshHub();
  const good = handExport(hub, { school: 'Good School', practices: [practiceRow('P-001')] });
  addSchool(hub, link(good));
  const long = handExport(hub, { school: 'Long School', practices: [practiceRow('P-001')] });
  addSchool(hub, link(long));
  exportSheet(hub, long, 'Practices').rows[1]![4] = { v: LIST };
  exportSheet(hub, good, 'Practices').rows[2] = practiceRow('P-002').map((v) => ({ v })) as never;
  expect(refreshNow(hub)).toMatch(/^Refreshed 2 schools/);
  expect(hubRows(hub, 'Practices').filter((p) => p.School === 'Good School')).toHaveLength(2);
  const kept = hubRows(hub, 'Practices').find((p) => p.School === 'Long School')!['What it is'];
  expect(kept.startsWith('- step\n- step')).toBe(true);
  expect(kept.length).toBeLessThan(50_000);
  expect(kept.endsWith('[…trimmed: the cell limit is 50,000 characters]')).toBe(true);
  const sheet = hub.spreadsheet.sheet('Practices')!;
  const raw = sheet.values.flat().find((v) => typeof v === 'string' && v.startsWith('- step')) as string;
  expect(raw.length + 1).toBeLessThanOrEqual(50_000);
  expect(hubRows(hub, 'Schools').find((s) => s.School === 'Long School')!.Status).toMatch(
    /^Up to date\. .*shortened.*50,000 characters/,
  );
  expect(hubRows(hub, 'Schools').find((s) => s.School === 'Good School')!.Status).toBe('Up to date');
});

// ---- BigQuery ----------------------------------------------------------------------------------------------------

function bigQueryHub(exportSpec: Parameters<typeof handExport>[1]): Sim {
  const hub = freshHub();
  addSchool(hub, link(handExport(hub, exportSpec)));
  simBigQuery(hub).addProject('riverside-data', [DISTRICT_ACCOUNT], ['small_wins']);
  endpoints<HubSettingsEndpoints>(hub).hubSettingsSave({
    districtName: '',
    principals: '',
    bigQueryProject: 'riverside-data',
    bigQueryDataset: 'small_wins',
  });
  hub.ui.answerNextAlert('OK');
  hub.run('hubExportToBigQuery');
  return hub;
}

test('Export to BigQuery counts a practice with line breaks as one row in its message', () => {
  const hub = bigQueryHub({
    practices: [practiceRow('P-001', { 'What it is': 'Line one\nLine two\r\nLine three, "quoted"' })],
    progress: [['Reading for all', '2026-11', 1, 1, 0]],
  });
  const rows = simBigQuery(hub).table('riverside-data', 'small_wins', 'practices')!.rows;
  expect(rows).toHaveLength(1);
  expect(hub.ui.alerts[hub.ui.alerts.length - 1].message).toBe(
    'Loaded 1 rows into riverside-data.small_wins.progress and 1 rows into riverside-data.small_wins.practices, replacing the previous snapshot.',
  );
});

test('a month a school typed as 2026-13 or 2026-00 never reaches the progress DATE column', () => {
  const hub = bigQueryHub({
    practices: [practiceRow('P-001')],
    progress: [
      ['Reading for all', '2026-13', 1, 1, 0],
      ['Reading for all', '2026-00', 1, 1, 0],
      ['Reading for all', '2026-11', 1, 1, 0],
    ],
  });
  expect(
    simBigQuery(hub)
      .table('riverside-data', 'small_wins', 'progress')!
      .rows.map((r) => r[3]),
  ).toEqual(['2026-11-01']);
  expect(hubRows(hub, 'Progress').map((r) => r.Month)).toEqual(['2026-11']);
});

// ---- Not an export -----------------------------------------------------------------------------------------------

test.each([
  ['blank', ''],
  ['missing', null],
])('an export whose Format version is %s is not a Small Wins district export', (_, format) => {
  const hub = freshHub();
  expect(addSchool(hub, link(handExport(hub, { format, practices: [practiceRow('P-001')] })))).toMatch(
    /is not a Small Wins district export/,
  );
});
