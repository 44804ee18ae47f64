// Spread's pure parts: the showcase questionnaire's rules and tier suggestion, what the district export holds, how
// the hub reads an export and merges it, the digest, the BigQuery CSV, the hub's settings and the pull's pace.
import {
  buildExport,
  localMonth,
  parseOffset,
  progressRows,
  readExportTime,
  storyForDistrict,
} from '../../src/domain/district-export';
import {
  checkPractice,
  countWords,
  encodePractice,
  locatePracticeColumns,
  nextPracticeNumber,
  parsePractices,
  practiceId,
  practiceVersion,
  PRACTICE_HEADERS,
  suggestTier,
  type PracticeInput,
} from '../../src/domain/showcase';
import { winFromCells } from '../../src/domain/win';
import { exportIdFromLink, isMonth, readExport, readProblem } from '../../src/hub/domain/export-read';
import { applyExport, fitText, markStale, type RollUp } from '../../src/hub/domain/rollup';
import { buildDigest, digestHtml, digestOutline, digestText } from '../../src/hub/domain/digest';
import { spansText } from '../../src/domain/outline';
import { csvRecords, practicesCsv, progressCsv } from '../../src/hub/domain/bigquery-tables';
import { validateHubSettings } from '../../src/hub/domain/hub-settings';
import { EXECUTION_MS, roomForAnother } from '../../src/hub/domain/pull';
import { parseCsv } from '../../dev/sim';

const input = (over: Partial<PracticeInput> = {}): PracticeInput => ({
  name: 'Reading buddies',
  goal: 'reading for all',
  description: 'Older students read with younger ones.',
  impact: 'Visits doubled.',
  gradeBand: '',
  whoBenefits: '',
  whatItTakes: '',
  conditions: '',
  contact: 'Ana',
  hostVisits: false,
  tier: 'Emerging',
  winIds: [' W-0001 ', 'W-0001'],
  ...over,
});

describe('showcase', () => {
  test('IDs are P-001… and never reused: above the counter and above any ID in the sheet', () => {
    expect(practiceId(7)).toBe('P-007');
    expect(practiceId(1234)).toBe('P-1234');
    expect(nextPracticeNumber(3, ['P-001', 'P-009', 'x'])).toBe(10);
    expect(nextPracticeNumber(undefined, [])).toBe(1);
    expect(nextPracticeNumber('12', ['P-002'])).toBe(12);
  });

  test.each([
    [[], 'Emerging', 0],
    [['2026-01-01T00:00:00Z'], 'Emerging', 0],
    [['2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z'], 'Emerging', 59],
    [['2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z'], 'Promising', 90],
    [['2025-09-01T00:00:00Z', '2026-05-29T00:00:00Z'], 'Proven', 270],
  ])('the tier suggested by the linked wins’ dates %j', (dates, tier, span) => {
    expect(suggestTier(dates)).toMatchObject({ tier, spanDays: span });
  });

  test('words are counted as a person counts them', () => {
    expect(countWords('  Older students — read\nwith younger ones. ')).toBe(6);
    expect(countWords('')).toBe(0);
  });

  test('the questionnaire trims, keeps the school’s spelling of a goal, and de-duplicates linked wins', () => {
    const r = checkPractice(input(), {
      goals: ['Reading for all'],
      wins: new Map([['W-0001', { approved: true }]]),
      nominating: true,
    });
    expect(r).toEqual({ ok: true, practice: expect.objectContaining({ goal: 'Reading for all', winIds: ['W-0001'] }) });
  });
});

describe('district export', () => {
  const win = (cells: Record<string, string>) =>
    winFromCells({
      status: 'Approved',
      consent: 'Public',
      consentGiven: 'Public',
      namesStudents: 'No',
      headline: 'H',
      story: 'S',
      ...cells,
    });

  test.each([
    ['public, no students', {}, 'H: S'],
    ['the blurb is preferred', { blurb: 'B' }, 'H: B'],
    ['Staff only', { consent: 'Staff only' }, null],
    ['consent given narrower', { consentGiven: 'School community' }, null],
    ['consent given blank', { consentGiven: '' }, null],
    ['names students, not cleared', { namesStudents: 'Yes' }, null],
    ['names students left blank', { namesStudents: '' }, null],
    ['names students, cleared', { namesStudents: 'Yes', privacyCleared: 'Yes' }, 'H: S'],
    ['not approved', { status: 'New' }, null],
  ])('a linked story reaches the district only when the Public newsletter could carry it: %s', (_n, cells, story) => {
    expect(storyForDistrict(win(cells))).toBe(story);
  });

  test('only nominated practices go out; progress counts entries, approved wins and lessons per goal and month', () => {
    const content = buildExport({
      school: 'Maple',
      timeZone: 'America/New_York',
      nowIso: '2026-11-23T14:00:00.000Z',
      localTime: (iso) => (iso ? `local ${iso}` : ''),
      practices: [
        { id: 'P-001', status: 'Nominated', winIds: [] },
        { id: 'P-002', status: 'Draft', winIds: [] },
        { id: 'P-003', status: 'Withdrawn', winIds: [] },
      ].map((p) => ({
        ...input(),
        ...p,
        suggestedTier: '',
        nominatedBy: '',
        nominatedAt: '',
        updatedBy: '',
        updatedAt: '',
        row: 2,
      })),
      wins: new Map(),
      entries: [],
    });
    expect(content.practices.map((r) => r[0])).toEqual(['Practice ID', 'P-001']);
    // Every time goes through the school's clock: About's, and none invented for a practice that has none.
    expect(content.about[3]).toEqual(['Updated at', 'local 2026-11-23T14:00:00.000Z']);
    expect(content.practices[1].slice(-2)).toEqual(['', '']);
    expect(
      progressRows([
        { goals: ['A', 'B'], month: '2026-11', status: 'Approved', kind: 'Win' },
        { goals: [], month: '2026-11', status: 'New', kind: 'Win' },
        { goals: ['A'], month: '2026-11', status: 'Approved', kind: 'Lesson learned' },
        { goals: ['A'], month: '2026-11', status: 'Archived', kind: 'Win' },
      ]),
    ).toEqual([
      ['Goal', 'Month', 'Entries', 'Wins', 'Lessons learned'],
      ['(no goal yet)', '2026-11', 1, 0, 0],
      ['A', '2026-11', 2, 1, 1],
      ['B', '2026-11', 1, 1, 0],
    ]);
  });

  test("an entry's month is its month in the school's time zone, with one offset lookup per month", () => {
    const ny = (month: string) => (month >= '2026-04' && month <= '2026-11' ? -240 : -300);
    // 1 November 2026, 02:30 UTC is still 31 October in New York.
    expect(localMonth(Date.parse('2026-11-01T02:30:00Z'), ny)).toBe('2026-10');
    expect(localMonth(Date.parse('2026-11-01T04:30:00Z'), ny)).toBe('2026-11');
    expect(localMonth(Date.parse('2026-12-31T23:30:00Z'), () => 330)).toBe('2027-01');
    expect([parseOffset('-0400'), parseOffset('+0530'), parseOffset('junk')]).toEqual([-240, 330, 0]);
  });
});

describe('times', () => {
  test("the Showcase sheet writes times as date cells and reads a date cell or an older row's ISO text alike", () => {
    const { columns, width } = locatePracticeColumns(PRACTICE_HEADERS);
    const at = (h: (typeof PRACTICE_HEADERS)[number]) => PRACTICE_HEADERS.indexOf(h);
    const row = PRACTICE_HEADERS.map(() => '') as unknown[];
    row[at('ID')] = 'P-001';
    row[at('Status')] = 'Nominated';
    row[at('Nominated at')] = '2026-11-23T14:00:00.000Z';
    row[at('Updated at')] = '2026-11-24T15:30:00.000Z';
    const [old] = parsePractices([PRACTICE_HEADERS, row], columns);
    const written = encodePractice(old, columns, width);
    expect(written[at('Nominated at')]).toEqual(new Date('2026-11-23T14:00:00.000Z'));
    expect(written[at('Updated at')]).toEqual(new Date('2026-11-24T15:30:00.000Z'));
    const [now] = parsePractices([PRACTICE_HEADERS, written], columns);
    expect(now.updatedAt).toBe('2026-11-24T15:30:00.000Z');
    // A dialog opened on the old row still holds the right version after the row was rewritten with date cells.
    expect(practiceVersion(now)).toBe(practiceVersion(old));
    // A person's note in a time cell is not a time.
    row[at('Updated at')] = 'last week';
    expect(parsePractices([PRACTICE_HEADERS, row], columns)[0].updatedAt).toBe('');
  });

  test('an export time is the school wall clock with its offset; the hub reads it as one instant', () => {
    expect(readExportTime('2026-11-23 09:00:00 -0500')).toBe('2026-11-23T14:00:00.000Z');
    expect(readExportTime('2026-11-23 09:00:00 -05:00')).toBe('2026-11-23T14:00:00.000Z');
    expect(readExportTime('2026-11-24 01:30:00 +0530')).toBe('2026-11-23T20:00:00.000Z');
    expect(readExportTime('2026-11-23 14:00:00 Z')).toBe('2026-11-23T14:00:00.000Z');
    // What exports written before carried: UTC ISO text.
    expect(readExportTime('2026-11-23T14:00:00.000Z')).toBe('2026-11-23T14:00:00.000Z');
    for (const text of ['', 'yesterday', '2026-02-30 09:00:00 -0500', '2026-11-23 25:00:00 Z', '2026-11-23 09:00'])
      expect(`${text}: ${readExportTime(text)}`).toBe(`${text}: `);
    const r = readExport([
      [
        ['Field', 'Value'],
        ['School', 'Maple'],
        ['Format version', '1'],
        ['Updated at', '2026-11-23 09:00:00 -0500'],
      ],
      [
        ['Practice ID', 'Nominated at', 'Updated at'],
        ['P-001', '2026-09-01 08:15:00 -0400', '2026-11-20 10:00:00 -0500'],
      ],
      [['Goal', 'Month', 'Entries', 'Wins', 'Lessons learned']],
    ]);
    expect(r).toMatchObject({
      ok: true,
      data: {
        updatedAt: '2026-11-23T14:00:00.000Z',
        practices: [{ nominatedAt: '2026-09-01T12:15:00.000Z', updatedAt: '2026-11-20T15:00:00.000Z' }],
      },
    });
  });
});

describe('hub', () => {
  const about = [
    ['Field', 'Value'],
    ['School', 'Maple'],
    ['Format version', '1'],
    ['Updated at', '2026-11-23T14:00:00.000Z'],
  ];
  const practices = [
    ['Practice ID', 'Practice', 'Goal', 'Tier', 'Willing to host a visit', 'Updated at'],
    ['P-001', 'Buddies', 'Reading', 'Promising', 'Yes', '2026-11-20T10:00:00.000Z'],
    ['P-001', 'Buddies again', 'Reading', 'Promising', 'Yes', ''],
  ];
  const progress = [
    ['Goal', 'Month', 'Entries', 'Wins', 'Lessons learned'],
    ['Reading', '2026-11', '3', '2', 'x'],
  ];

  test('an export is read by header; a repeated practice counts once; anything else is said in words', () => {
    const r = readExport([about, practices, progress]);
    expect(r).toMatchObject({
      ok: true,
      data: {
        school: 'Maple',
        practices: [{ practiceId: 'P-001', name: 'Buddies' }],
        progress: [{ goal: 'Reading', entries: 3, wins: 2, lessons: 0 }],
      },
    });
    expect(readExport([[['Name', 'Ana']], [], []])).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^That spreadsheet is not a Small Wins district export/),
    });
    expect(readExport([[...about.slice(0, 2), ['Format version', '9']], practices, progress])).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/newer format \(9\)/),
    });
    expect(exportIdFromLink(' https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz012/edit#gid=0 ')).toBe(
      '1AbCdEfGhIjKlMnOpQrStUvWxYz012',
    );
    expect(exportIdFromLink('javascript:alert(1)')).toBe('');
    expect(readProblem('GoogleJsonResponseException: … The caller does not have permission', 'd@x.org')).toMatch(
      /ask the school to share its district export with d@x\.org/,
    );
  });

  test('merging replaces the school’s rows only, keeps when a practice was first seen, and a failed read keeps the rows', () => {
    const r = readExport([about, practices, progress]);
    if (!r.ok) throw new Error(r.problem);
    const roll: RollUp = {
      schools: [
        {
          exportId: 'A',
          name: '',
          link: '',
          status: '',
          lastPulled: '',
          exportUpdated: '',
          practices: 0,
          addedBy: '',
          addedAt: '',
        },
        {
          exportId: 'B',
          name: 'Oak',
          link: '',
          status: 'Up to date',
          lastPulled: '2026-11-01T00:00:00.000Z',
          exportUpdated: '',
          practices: 1,
          addedBy: '',
          addedAt: '',
        },
      ],
      practices: [
        {
          exportId: 'B',
          practiceId: 'P-001',
          school: 'Oak',
          goal: 'Math',
          tier: '',
          name: 'Talks',
          description: '',
          impact: '',
          whatItTakes: '',
          contact: '',
          hostVisits: false,
          updated: '',
          firstSeen: '2026-11-01T00:00:00.000Z',
        },
      ],
      progress: [],
    };
    applyExport(roll, 'A', r.data, '2026-11-24T07:00:00.000Z');
    applyExport(roll, 'A', r.data, '2026-11-25T07:00:00.000Z');
    expect(roll.practices.map((p) => [p.exportId, p.practiceId, p.firstSeen])).toEqual([
      ['B', 'P-001', '2026-11-01T00:00:00.000Z'],
      ['A', 'P-001', '2026-11-24T07:00:00.000Z'],
    ]);
    expect(roll.schools[0]).toMatchObject({
      name: 'Maple',
      status: 'Up to date',
      lastPulled: '2026-11-25T07:00:00.000Z',
      practices: 1,
    });
    markStale(roll, 'B', 'Ask the school.');
    expect(roll.schools[1].status).toBe('Stale: showing what was read at the last pull. Ask the school.');
    expect(roll.practices).toHaveLength(2);
  });

  test('the digest groups by goal and escapes every text; the CSV quotes what needs quoting', () => {
    const p = {
      exportId: 'A',
      practiceId: 'P-001',
      school: 'Maple <b>',
      goal: 'Reading',
      tier: 'Proven',
      name: 'Buddies, "Friday"',
      description: '',
      impact: 'x',
      whatItTakes: '',
      contact: 'Ana',
      hostVisits: true,
      updated: '2026-11-20T00:00:00.000Z',
      firstSeen: '2026-11-20T00:00:00.000Z',
    };
    const d = buildDigest({
      district: 'D',
      practices: [
        p,
        {
          ...p,
          practiceId: 'P-002',
          goal: 'Attendance',
          updated: '2026-01-01T00:00:00.000Z',
          firstSeen: '2026-01-01T00:00:00.000Z',
        },
      ],
      sinceIso: '2026-11-01T00:00:00.000Z',
      dateLabel: '23 November 2026',
      sinceLabel: '1 November 2026',
    });
    expect(d.sections.map((s) => s.goal)).toEqual(['Reading']);
    expect(digestHtml(d)).toContain('Maple &lt;b&gt;');
    // One outline: the Doc's title and headings (a goal, then its practices, each practice one unit), the facts as a
    // list; the email adds the Doc's link (https only) as its last paragraph.
    const outline = digestOutline(d);
    expect(outline.blocks.map((b) => (b.kind === 'paragraph' ? `${b.style} ${spansText(b.spans)}` : b.kind))).toEqual([
      'TITLE D — showcase practices — 23 November 2026',
      expect.stringMatching(/^NORMAL_TEXT 1 practice/),
      'HEADING_1 Reading',
      'HEADING_2 Buddies, "Friday"',
      'list',
    ]);
    expect(outline.blocks.slice(3).map((b) => b.unit)).toEqual(['0.0', '0.0']);
    const facts = outline.blocks[4];
    expect(facts.kind === 'list' && facts.items.map((i) => spansText(i))).toEqual([
      'School: Maple <b>',
      'Tier: Proven (new)',
      'Impact: x',
      'Contact: Ana — happy to host a visit',
    ]);
    const withLink = digestOutline(d, 'https://docs.google.com/document/d/abc/edit');
    expect(withLink.blocks[withLink.blocks.length - 1]).toMatchObject({
      spans: [{ text: 'The digest as a Google Doc', link: 'https://docs.google.com/document/d/abc/edit' }],
    });
    expect(digestOutline(d, 'javascript:alert(1)').blocks).toHaveLength(outline.blocks.length);
    expect(digestText(d, 'https://docs.google.com/document/d/abc/edit')).toMatch(
      /^D — SHOWCASE PRACTICES[\s\S]*- School: Maple <b>[\s\S]*<https:\/\/docs\.google\.com\/document\/d\/abc\/edit>$/,
    );
    const csv = practicesCsv([p], '2026-11-23T00:00:00.000Z');
    expect(parseCsv(csv)[1].slice(0, 6)).toEqual(['Maple <b>', 'A', 'P-001', 'Reading', 'Proven', 'Buddies, "Friday"']);
    expect(
      progressCsv([{ exportId: 'A', school: 'S', goal: 'G', month: '2026-11', entries: 1, wins: 1, lessons: 0 }], 'T'),
    ).toBe('school,school_key,goal,month,entries,wins,lessons_learned,snapshot_at\nS,A,G,2026-11-01,1,1,0,T\n');
  });

  test('a blank format version is no export; a month is 01 to 12', () => {
    for (const format of ['', '  '])
      expect(readExport([[...about.slice(0, 2), ['Format version', format]], practices, progress])).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/^That spreadsheet is not a Small Wins district export/),
      });
    expect(['2026-01', '2026-12', '2026-00', '2026-13', '2026-1', '26-11'].map(isMonth)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    const months = [['Goal', 'Month'], ...['2026-13', '2026-00', '2026-11'].map((m) => ['Reading', m])];
    const r = readExport([about, practices, months]);
    expect(r.ok && r.data.progress.map((p) => p.month)).toEqual(['2026-11']);
    const row = { exportId: 'A', school: 'S', goal: 'G', entries: 1, wins: 1, lessons: 0 };
    expect(progressCsv([{ ...row, month: '2026-13' }], 'T').split('\n')).toHaveLength(2);
  });

  test('a text is cut so that the cell written, its keeping apostrophe included, holds at most 50,000 characters', () => {
    const list = '- step\n'.repeat(8000);
    const fitted = fitText(list);
    expect(fitted.trimmed).toBe(true);
    expect(fitted.text.length).toBe(49_999);
    expect(fitted.text.endsWith(' […trimmed: the cell limit is 50,000 characters]')).toBe(true);
    expect(fitText('x'.repeat(50_000))).toEqual({ text: 'x'.repeat(50_000), trimmed: false });
    expect(fitText('-' + 'x'.repeat(49_998))).toMatchObject({ trimmed: false });
    expect(fitText('-' + 'x'.repeat(49_999)).text.length).toBe(49_999);
    // An emoji is never split in half.
    const emoji = fitText('=' + '😀'.repeat(25_000)).text;
    expect(emoji.replace(/ \[…trimmed.*$/, '').endsWith('😀')).toBe(true);
  });

  test('the CSV counts records, not lines: a quoted line break is part of its row', () => {
    expect(csvRecords('a,b\n1,"x\ny"\n2,"z\r\n""w"""\n')).toBe(3);
    expect(csvRecords('a,b\r\n1,2')).toBe(2);
    expect(csvRecords('')).toBe(0);
  });

  test('hub settings: addresses, project and dataset', () => {
    expect(
      validateHubSettings({
        districtName: '',
        principals: 'A@x.org, a@x.org',
        bigQueryProject: '',
        bigQueryDataset: '',
      }),
    ).toEqual({
      ok: true,
      settings: { districtName: '', principals: ['a@x.org'], bigQueryProject: '', bigQueryDataset: '' },
    });
    expect(
      validateHubSettings({
        districtName: '',
        principals: '',
        bigQueryProject: 'ok-project',
        bigQueryDataset: 'bad-name',
      }),
    ).toMatchObject({ ok: false, errors: { bigQueryDataset: expect.stringMatching(/underscores/) } });
  });

  test('the pull stops between schools with room left to write before the 6-minute limit', () => {
    expect(roomForAnother(0, 60_000, 5000)).toBe(true);
    expect(roomForAnother(0, EXECUTION_MS - 80_000, 5000)).toBe(false);
    expect(roomForAnother(0, 200_000, 40_000)).toBe(true);
    expect(roomForAnother(0, 230_000, 40_000)).toBe(false);
  });
});
