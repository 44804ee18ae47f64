// Newsletter domain: settings validation, cadence, selection by consent, Shared in, grouping, summary,
// template planning, HTML and text rendering, and the MIME message.
import { currentPeriod, duePeriod, isoWeekKey, onDemandPeriod, parseLocalTime } from '../../src/domain/cadence';
import { base64, buildMime, encodeHeaderText, mailbox, rawMessage, utf8Bytes } from '../../src/domain/mime';
import {
  addTag,
  groupWins,
  issueStats,
  newsletterModel,
  parseSharedIn,
  removeTag,
  summaryLine,
} from '../../src/domain/newsletter';
import type { WinField } from '../../src/domain/schema';
import { Win, winFromCells } from '../../src/domain/win';
import { audienceAllows, eligibleFor } from '../../src/domain/win-rules';
import {
  claimedByOther,
  encodeIssue,
  Issue,
  ISSUE_HEADERS,
  locateIssueColumns,
  nextIssueNumber,
  parseIssues,
  previousStats,
} from '../../src/domain/newsletter-issues';
import {
  EMAIL_HTML_LIMIT,
  fitEmailHtml,
  renderEmailHtml,
  renderEmailText,
  shorten,
} from '../../src/domain/newsletter-render';
import { EXAMPLE_GOALS } from '../../src/domain/goals';
import {
  fillPlaceholders,
  framePrelude,
  planFrame,
  replacementShift,
  templateWinBlocks,
} from '../../src/domain/newsletter-template';
import { fitDoc, newsletterOutline } from '../../src/domain/newsletter-outline';
import { insertedLength } from '../../src/domain/docs-requests';
import { spansText } from '../../src/domain/outline';
import {
  DEFAULT_SETTINGS,
  settingsToInput,
  SettingsInput,
  splitRecipients,
  templateDocId,
  validateSettings,
  withDefaults,
} from '../../src/domain/settings';
import { parseMessage } from '../../dev/sim';

function input(over: Partial<SettingsInput> = {}): SettingsInput {
  return {
    schoolName: 'Riverside',
    audiences: {
      Staff: { enabled: true, recipients: 'staff@school.example' },
      Families: { enabled: false, recipients: '' },
      Public: { enabled: false, recipients: '' },
    },
    cadence: { kind: 'weekly', weekday: 5, monthDay: 1, hour: 7 },
    template: '',
    senderName: 'Principal',
    replyTo: '',
    creditContributors: true,
    ...over,
  };
}

describe('settings', () => {
  test('valid input becomes settings, and back', () => {
    const r = validateSettings(
      input({
        audiences: {
          Staff: { enabled: true, recipients: 'a@school.example;\nB <b@school.example>, a@school.example' },
          Families: { enabled: false, recipients: '' },
          Public: { enabled: false, recipients: '' },
        },
      }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.settings.audiences.Staff.recipients).toEqual(['a@school.example', 'b@school.example']);
    expect(r.settings.cadence).toEqual({ kind: 'weekly', weekday: 5, monthDay: 1, hour: 7 });
    expect(validateSettings(settingsToInput(r.settings))).toEqual(r);
  });

  test('each problem is reported on its field', () => {
    const r = validateSettings(
      input({
        schoolName: '  ',
        audiences: {
          Staff: { enabled: true, recipients: '' },
          Families: { enabled: true, recipients: 'parents at school' },
          Public: { enabled: false, recipients: 'x@y' },
        },
        cadence: { kind: 'monthly', weekday: 5, monthDay: 31, hour: 25 },
        template: 'https://example.com/not-a-doc',
        replyTo: 'office',
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.errors).sort()).toEqual(
      [
        'hour',
        'monthDay',
        'recipients.Families',
        'recipients.Public',
        'recipients.Staff',
        'replyTo',
        'schoolName',
        'template',
      ].sort(),
    );
    expect(r.errors['recipients.Families']).toMatch(/"parents", "at", "school" are not email addresses/);
  });

  test('a schedule needs an audience; off needs nothing', () => {
    const none = {
      Staff: { enabled: false, recipients: '' },
      Families: { enabled: false, recipients: '' },
      Public: { enabled: false, recipients: '' },
    };
    expect(validateSettings(input({ audiences: none }))).toMatchObject({
      ok: false,
      errors: { cadence: expect.stringMatching(/at least one audience/) },
    });
    expect(
      validateSettings(input({ audiences: none, cadence: { kind: 'off', weekday: '', monthDay: '', hour: '' } })).ok,
    ).toBe(true);
  });

  test('template links and IDs, recipients, defaults', () => {
    const id = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abc';
    expect(templateDocId(`https://docs.google.com/document/d/${id}/edit#heading=h.1`)).toBe(id);
    expect(templateDocId(id)).toBe(id);
    expect(templateDocId('')).toBe('');
    expect(templateDocId('my template')).toBeNull();
    expect(splitRecipients('Group <staff@school.example>  x@y.example')).toEqual([
      'staff@school.example',
      'x@y.example',
    ]);
    expect(withDefaults(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ schoolName: 'X', cadence: { kind: 'weekly' } }).cadence).toEqual({
      ...DEFAULT_SETTINGS.cadence,
      kind: 'weekly',
    });
  });

  test('header-breaking text is cleaned from names', () => {
    const r = validateSettings(input({ senderName: 'Evil\r\nBcc: all@x.example' }));
    expect(r.ok && r.settings.senderName).toBe('Evil Bcc: all@x.example');
  });
});

describe('cadence', () => {
  const t = (s: string) => parseLocalTime(s)!;
  const weekly = { kind: 'weekly' as const, weekday: 5, monthDay: 1, hour: 7 };
  test('weekly: due from Friday 07:00 of the ISO week, keyed by week', () => {
    expect(duePeriod(weekly, t('2026-11-27 06:59'), null)).toBeNull();
    expect(duePeriod(weekly, t('2026-11-27 07:00'), null)).toMatchObject({
      key: '2026-W48',
      label: 'Week of 23 November 2026',
    });
    expect(duePeriod(weekly, t('2026-11-29 23:00'), null)?.key).toBe('2026-W48');
    expect(duePeriod(weekly, t('2026-11-30 08:00'), null)).toBeNull();
  });
  test('a schedule saved after this period\u2019s moment waits for the next one', () => {
    expect(duePeriod(weekly, t('2026-11-28 10:00'), t('2026-11-28 09:00'))).toBeNull();
    expect(duePeriod(weekly, t('2026-12-04 07:00'), t('2026-11-28 09:00'))?.key).toBe('2026-W49');
  });
  test('every two weeks and monthly', () => {
    const two = { kind: 'biweekly' as const, weekday: 1, monthDay: 1, hour: 8 };
    const a = currentPeriod(two, t('2026-11-23 09:00'))!;
    const b = currentPeriod(two, t('2026-11-30 09:00'))!;
    const c = currentPeriod(two, t('2026-12-07 09:00'))!;
    expect(a.key).toBe(b.key);
    expect(c.key).not.toBe(a.key);
    expect(a.label).toMatch(/^\d+ \w+ – \d+ \w+ 20\d\d$/);
    const monthly = { kind: 'monthly' as const, weekday: 1, monthDay: 3, hour: 7 };
    expect(duePeriod(monthly, t('2026-12-02 12:00'), null)).toBeNull();
    expect(duePeriod(monthly, t('2026-12-03 07:00'), null)).toMatchObject({ key: '2026-12', label: 'December 2026' });
    expect(currentPeriod({ ...weekly, kind: 'off' }, t('2026-12-03 07:00'))).toBeNull();
  });
  test('ISO weeks across year ends; on-demand keys to the minute', () => {
    expect(isoWeekKey({ year: 2026, month: 12, day: 31 })).toBe('2026-W53');
    expect(isoWeekKey({ year: 2027, month: 1, day: 4 })).toBe('2027-W01');
    expect(isoWeekKey({ year: 2024, month: 12, day: 30 })).toBe('2025-W01');
    expect(onDemandPeriod(t('2026-11-23 09:05'))).toMatchObject({ key: '2026-11-23 09:05', label: '23 November 2026' });
  });
});

/** A win as the log holds it (cells by field), decoded as every reader decodes it. */
function w(over: Partial<Record<WinField, string>>): Win {
  return winFromCells({
    id: 'W-1',
    status: 'Approved',
    kind: 'Win',
    headline: 'H',
    story: 'S',
    blurb: '',
    goals: '',
    consent: 'Public',
    consentGiven: 'Public',
    namesStudents: 'No',
    privacyCleared: 'No',
    featured: 'No',
    name: 'Ana',
    email: 'ana@s.example',
    role: 'Teacher',
    sharedIn: '',
    submittedAt: '2026-11-01T00:00:00.000Z',
    ...over,
  });
}

describe('selection', () => {
  test('the consent table, privacy, status and earlier issues', () => {
    expect(audienceAllows(w({ consent: 'Staff only', namesStudents: 'Yes' }), 'Staff')).toBe(true);
    expect(audienceAllows(w({ consent: 'Staff only' }), 'Families')).toBe(false);
    expect(audienceAllows(w({ consent: 'school community' }), 'Families')).toBe(true);
    expect(audienceAllows(w({ consent: 'School community', namesStudents: 'Yes' }), 'Families')).toBe(false);
    expect(
      audienceAllows(w({ consent: 'School community', namesStudents: 'Yes', privacyCleared: 'Yes' }), 'Families'),
    ).toBe(true);
    expect(audienceAllows(w({ consent: 'School community' }), 'Public')).toBe(false);
    expect(audienceAllows(w({ consent: 'anything else' }), 'Public')).toBe(false);
    expect(audienceAllows(w({ consent: '' }), 'Staff')).toBe(true);
    expect(audienceAllows(w({ consentGiven: '' }), 'Families')).toBe(false);
    expect(eligibleFor(w({ status: 'New' }), 'Staff')).toBe(false);
    expect(eligibleFor(w({ sharedIn: 'Families #2' }), 'Staff')).toBe(true);
    expect(eligibleFor(w({ sharedIn: 'Families #2' }), 'Families')).toBe(false);
  });
  test('Shared in tags: added once, removed exactly, other text kept', () => {
    expect(parseSharedIn('Staff #4, Families #3, note')).toEqual([
      { audience: 'Staff', number: 4 },
      { audience: 'Families', number: 3 },
    ]);
    expect(addTag('', { audience: 'Staff', number: 4 })).toBe('Staff #4');
    expect(addTag('Staff #4', { audience: 'Staff', number: 4 })).toBe('Staff #4');
    expect(addTag('note', { audience: 'Public', number: 1 })).toBe('note, Public #1');
    expect(removeTag('Staff #4, Families #3', { audience: 'Families', number: 3 })).toBe('Staff #4');
    expect(removeTag('Staff #14, Staff #4', { audience: 'Staff', number: 4 })).toBe('Staff #14');
  });
});

describe('grouping and summary', () => {
  const wins = [
    w({ id: 'W-1', goals: 'Math confidence', submittedAt: '2026-11-02' }),
    w({ id: 'W-2', goals: 'Reading for all, Math confidence', submittedAt: '2026-11-03' }),
    w({
      id: 'W-3',
      goals: 'Math confidence',
      featured: 'Yes',
      submittedAt: '2026-11-04',
      name: 'Ben',
      email: 'ben@s.example',
    }),
    w({ id: 'W-4', goals: '', submittedAt: '2026-11-01' }),
    w({ id: 'W-5', goals: 'Reading for all', kind: 'Lesson learned', submittedAt: '2026-10-01' }),
    w({ id: 'W-6', goals: 'Robotics club', blurb: 'Short blurb', story: 'Long story' }),
  ];
  test('goals in the Goals sheet order, unknown goals after, then no goal, lessons last; featured first', () => {
    const sections = groupWins(wins, ['Reading for all', 'Math confidence'], 'Staff', true);
    expect(sections.map((s) => [s.title, s.wins.map((x) => x.id)])).toEqual([
      ['Reading for all', ['W-2']],
      ['Math confidence', ['W-3', 'W-1']],
      ['Robotics club', ['W-6']],
      ['More wins', ['W-4']],
      ['Lessons learned', ['W-5']],
    ]);
    // The letter: featured wins once, in the Spotlight first; each goal with its description; What we learned.
    const letter = groupWins(wins, ['Reading for all', 'Math confidence'], 'Families', true, {
      'math confidence': 'Every child believes they can do maths.',
    });
    expect(letter.map((s) => [s.title, s.wins.map((x) => x.id)])).toEqual([
      ['Spotlight', ['W-3']],
      ['Reading for all', ['W-2']],
      ['Math confidence', ['W-1']],
      ['Robotics club', ['W-6']],
      ['More wins', ['W-4']],
      ['What we learned', ['W-5']],
    ]);
    expect(letter[2].description).toBe('Every child believes they can do maths.');
    expect(letter[0].spotlight).toBe(true);
    expect(sections[2].wins[0].text).toBe('Short blurb');
    expect(sections[0].wins[0].credit).toBe('Shared by Ana, Teacher');
    expect(groupWins(wins, [], 'Families', false)[0].wins[0].credit).toBe('');
    // A student submitter is not named to families until the win's privacy is cleared; staff see the name.
    const student = [w({ id: 'W-7', name: 'Sam Lee', role: 'Student', goals: 'Reading for all' })];
    expect(groupWins(student, [], 'Families', true)[0].wins[0].credit).toBe('Shared by a student');
    expect(groupWins(student, [], 'Staff', true)[0].wins[0].credit).toBe('Shared by Sam Lee, Student');
  });
  test('stats and the summary line compare with the previous issue', () => {
    const stats = issueStats(wins);
    expect(stats).toEqual({ wins: 5, lessons: 1, goals: 3, contributors: 2 });
    expect(summaryLine(stats, null)).toBe(
      '5 wins, 3 goals touched, 2 contributors, 1 lesson learned in this first issue.',
    );
    expect(summaryLine(stats, { wins: 1, lessons: 0, goals: 1, contributors: 1 })).toBe(
      '5 wins, 3 goals touched, 2 contributors, 1 lesson learned (last issue: 1 win, 1 goal touched, 1 contributor, 0 lessons learned).',
    );
  });
});

describe('rendering', () => {
  const nasty = w({
    headline: '<script>x()</script>',
    story: 'a & b\n"quoted" \'single\'',
    name: '<b>Ana</b>',
    goals: 'Reading for all',
  });
  const model = newsletterModel({
    schoolName: 'A & B <School>',
    audience: 'Families',
    number: 3,
    period: 'Week of 23 November 2026',
    wins: [nasty],
    goalOrder: ['Reading for all'],
    credited: true,
    previous: null,
  });
  test('HTML: escaped, inline styles, no style sheet, doc link only when given', () => {
    const html = renderEmailHtml(model);
    expect(html).not.toMatch(/<script|<b>Ana/);
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt;');
    expect(html).toContain('a &amp; b<br>&quot;quoted&quot; &#39;single&#39;');
    expect(html).toContain('A &amp; B &lt;School&gt;: Small Wins');
    expect(html).not.toMatch(/<style|class=/);
    expect(html).toMatch(/<h3 style="[^"]+">/);
    expect(html).not.toContain('Google Docs');
    expect(renderEmailHtml(model, { docUrl: 'https://docs.google.com/document/d/x/edit' })).toContain(
      'href="https://docs.google.com/document/d/x/edit"',
    );
    expect(renderEmailHtml(model, { docUrl: 'javascript:alert(1)' })).not.toContain('javascript:');
  });
  test('plain text keeps the text as written', () => {
    const text = renderEmailText(model);
    // Under its goal's heading a win does not repeat the goal's name.
    expect(text).toContain(
      'READING FOR ALL\n---------------\n\n* <script>x()</script>\na & b\n"quoted" \'single\'\nShared by <b>Ana</b>, Teacher\n',
    );
    expect(text).not.toContain('Goals: Reading for all');
  });
});

describe('template plan', () => {
  const model = newsletterModel({
    schoolName: 'Riverside',
    audience: 'Staff',
    number: 1,
    period: 'P',
    wins: [
      w({ id: 'W-1', headline: '$1 {{school}}', goals: 'G1' }),
      w({ id: 'W-2', goals: 'G1' }),
      w({ id: 'W-3', goals: 'G2' }),
    ],
    goalOrder: ['G1', 'G2'],
    credited: false,
    previous: null,
  });
  test('one pass: submitted text with placeholders or $ stays literal', () => {
    expect(
      fillPlaceholders('{{ school }}: {{headline}} {{unknown}}', { school: 'R', headline: '{{school}} $1 $& \\' }),
    ).toBe('R: {{school}} $1 $& \\ {{unknown}}');
  });
  test('frame: the block between the markers is repeated per win, the rest copied; {{section}} once per section', () => {
    const plan = planFrame([
      { type: 'PARAGRAPH', text: '{{school}}' },
      { type: 'PARAGRAPH', text: '{{#wins}}' },
      { type: 'PARAGRAPH', text: '{{section}}' },
      { type: 'PARAGRAPH', text: '{{headline}}' },
      { type: 'TABLE', text: '{{credit}}' },
      { type: 'PARAGRAPH', text: '{{/wins}}' },
      { type: 'LIST_ITEM', text: 'Bye {{school}}' },
    ]);
    expect(plan).toEqual({ frame: [0, 1, 6], marker: 1, markerKind: 'block', block: [2, 3, 4], problems: [] });
    const blocks = templateWinBlocks(model, [
      { type: 'PARAGRAPH', text: '{{section}}', heading: 'HEADING2' },
      { type: 'PARAGRAPH', text: '{{headline}} {{featured}}', heading: 'HEADING3', bold: true },
      { type: 'TABLE', text: '', heading: 'NORMAL', cells: [['Credit', '{{credit}} {{school}}']] },
    ]);
    const show = blocks.map((b) =>
      b.kind === 'paragraph'
        ? `${b.style} ${spansText(b.spans)}`
        : b.kind === 'table'
          ? `table ${b.rows[0][1]}`
          : 'list',
    );
    // Values go in once: a headline saying "$1 {{school}}" stays as typed.
    expect(show).toEqual([
      'HEADING_2 G1',
      'HEADING_3 $1 {{school}} ',
      'table  Riverside',
      'HEADING_3 H ',
      'table  Riverside',
      'HEADING_2 G2',
      'HEADING_3 H ',
      'table  Riverside',
    ]);
    expect(blocks.map((b) => b.unit)).toEqual(['W-1', 'W-1', 'W-1', 'W-2', 'W-2', 'W-3', 'W-3', 'W-3']);
    expect(blocks[1]).toMatchObject({ spans: [{ text: '$1 {{school}} ', bold: true }] });
  });
  test('no block: wins go at {{wins}}, or after everything; an unclosed block is reported and left out', () => {
    expect(
      planFrame([
        { type: 'PARAGRAPH', text: 'Hi' },
        { type: 'PARAGRAPH', text: '{{wins}}' },
        { type: 'PARAGRAPH', text: 'End' },
      ]),
    ).toMatchObject({ frame: [0, 1, 2], marker: 1, markerKind: 'here', block: [] });
    expect(planFrame([{ type: 'PARAGRAPH', text: 'Hi' }])).toMatchObject({ frame: [0], marker: null });
    const open = planFrame([
      { type: 'PARAGRAPH', text: '{{#wins}}' },
      { type: 'PARAGRAPH', text: '{{headline}}' },
    ]);
    expect(open.problems[0]).toMatch(/without a matching/);
    expect(open).toMatchObject({ frame: [1], marker: null });
    // Without a block, the wins take the default layout.
    expect(templateWinBlocks(model, []).map((b) => b.kind === 'paragraph' && b.style)).toContain('HEADING_2');
  });
  test("the frame's placeholders: one literal replaceAllText per spelling, and the length they add", () => {
    const prelude = framePrelude(['{{school}} and {{ School }}', '{{period}} {{headline}}', '{{school}}'], model);
    expect(prelude).toEqual([
      { replaceAllText: { containsText: { text: '{{school}}', matchCase: true }, replaceText: 'Riverside' } },
      { replaceAllText: { containsText: { text: '{{ School }}', matchCase: true }, replaceText: 'Riverside' } },
      { replaceAllText: { containsText: { text: '{{period}}', matchCase: true }, replaceText: 'P' } },
    ]);
    // "{{school}}" (10) twice and "{{ School }}" (12) become "Riverside" (9); "{{period}}" (10) becomes "P".
    expect(replacementShift(['{{school}} and {{ School }}', '{{period}} {{school}}'], prelude)).toBe(-1 - 3 - 9 - 1);
  });
});

describe('a Doc within its size limit', () => {
  const many = (n: number) =>
    newsletterModel({
      schoolName: 'R',
      audience: 'Staff',
      number: 1,
      period: 'P',
      wins: Array.from({ length: n }, (_, i) => w({ id: `W-${i}`, story: 'x'.repeat(900), goals: 'G1' })),
      goalOrder: ['G1'],
      credited: false,
      previous: null,
    });
  test('all wins when they fit; otherwise the most of the first ones that do', () => {
    expect(fitDoc(10, many, 1_000_000)).toBe(10);
    const kept = fitDoc(100, many, 30_000);
    expect(kept).toBeGreaterThan(10);
    expect(kept).toBeLessThan(100);
    expect(insertedLength(newsletterOutline(many(kept)).blocks)).toBeLessThanOrEqual(30_000);
    expect(insertedLength(newsletterOutline(many(kept + 1)).blocks)).toBeGreaterThan(30_000);
  });
});

describe('issues sheet rows', () => {
  const issue: Issue = {
    row: 0,
    number: 2,
    audience: 'Families',
    period: '2026-11',
    key: 'Families 2026-W48',
    state: 'Drafted',
    docUrl: 'https://d',
    docId: 'd1',
    draftId: 'r-1',
    winIds: ['W-1', 'W-2'],
    stats: { wins: 1, lessons: 1, goals: 2, contributors: 2 },
    createdAt: '2026-11-27T12:00:00.000Z',
    createdBy: 'p@s.example',
    cancelled: '',
    attention: 'Left out: W-3.',
    languageDrafts: 'es r-2; ar r-3 English',
    run: 'run-1',
    runUntil: '2026-11-27T12:07:00.000Z',
  };
  test('round trip by header, in any column order, with text kept as text', () => {
    const header: string[] = [...ISSUE_HEADERS.slice().reverse(), 'My notes'];
    const { columns, width } = locateIssueColumns(header);
    const row = encodeIssue(
      issue,
      columns,
      width,
      ISSUE_HEADERS.map(() => '')
        .concat(['keep me'])
        .reverse(),
    );
    expect(row[columns.period!]).toBe("'2026-11");
    const stored = row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v));
    const [back] = parseIssues([header, stored], columns);
    expect({ ...back, row: 0 }).toEqual(issue);
    expect(nextIssueNumber([back], 'Families')).toBe(3);
    expect(nextIssueNumber([back], 'Staff')).toBe(1);
    expect(previousStats([back], 'Families', 3)).toEqual(issue.stats);
    expect(previousStats([{ ...back, state: 'Cancelled' }], 'Families', 3)).toBeNull();
  });
  test("a drafting run's claim holds until it expires, and never once the issue is finished", () => {
    const at = Date.parse('2026-11-27T12:06:59.000Z');
    expect(claimedByOther(issue, 'run-2', at)).toBe(true);
    expect(claimedByOther(issue, 'run-1', at)).toBe(false);
    expect(claimedByOther(issue, 'run-2', Date.parse(issue.runUntil!))).toBe(false);
    expect(claimedByOther({ ...issue, state: 'Done' }, 'run-2', at)).toBe(false);
    expect(claimedByOther({ ...issue, run: '', runUntil: '' }, 'run-2', at)).toBe(false);
    expect(claimedByOther({ ...issue, runUntil: 'not a date' }, 'run-2', at)).toBe(false);
  });
});

describe('email size: Gmail clips HTML over about 102 KB', () => {
  /** The benchmark's wins: a one-line headline, a story of ~190 characters, a goal, credited. */
  function benchWins(
    n: number,
    story = (i: number) =>
      `Story ${i}: students swapped drafts and used a checklist; most improved their second draft. ${'More detail. '.repeat(8)}`,
  ): Win[] {
    return Array.from({ length: n }, (_, k) => {
      const i = k + 1;
      return w({
        id: `W-${String(i).padStart(5, '0')}`,
        kind: i % 9 === 0 ? 'Lesson learned' : 'Win',
        headline: `Win ${i}: Year 4 tried peer feedback on their writing`,
        story: story(i),
        goals: EXAMPLE_GOALS[i % EXAMPLE_GOALS.length].name,
        featured: i % 17 === 0 ? 'Yes' : 'No',
        name: `Teacher ${i % 30}`,
        email: `t${i % 30}@school.example`,
        submittedAt: new Date(Date.UTC(2026, 0, 5) + i * 3600_000).toISOString(),
      });
    });
  }
  const modelOf = (wins: Win[], schoolName = 'Riverside Primary') =>
    newsletterModel({
      schoolName,
      audience: 'Families',
      number: 4,
      period: 'Week of 23 November 2026',
      wins,
      goalOrder: EXAMPLE_GOALS.map((g) => g.name),
      credited: true,
      previous: null,
    });
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

  test('200 wins of the benchmark fit in full, for staff (with the Doc link) and families', () => {
    const model = modelOf(benchWins(200));
    const families = fitEmailHtml(model);
    expect(bytes(families.html)).toBeLessThan(EMAIL_HTML_LIMIT);
    expect(families).toMatchObject({ fits: true, shortened: 0, maxChars: 0, bytes: bytes(families.html) });
    expect(families.html).toBe(renderEmailHtml(model));
    const staff = fitEmailHtml(model, { docUrl: 'https://docs.google.com/document/d/abc/edit' });
    expect(staff.fits).toBe(true);
    expect(bytes(staff.html)).toBeLessThan(EMAIL_HTML_LIMIT);
    // Every win is there in full.
    for (const i of [1, 100, 200])
      expect(families.html).toContain(
        `Story ${i}: students swapped drafts and used a checklist; most improved their second draft. ${'More detail. '.repeat(8).trim()}`,
      );
    // Styles sit once on the card's cell; each win carries only short ones.
    expect(families.html.match(/font-family/g)).toHaveLength(1);
    expect(families.html).toMatch(/<h3 style="[^"]{1,40}">Win 1: /);
    expect(families.html).not.toMatch(/<style|class=/);
  });

  test('escaping holds in the slim layout', () => {
    const nasty = w({
      headline: '<script>x()</script>',
      story: 'a & b\n"quoted" \'single\' <img src=x onerror=alert(1)>',
      name: '<b>Ana</b>',
      goals: 'Reading for all',
      featured: 'Yes',
    });
    const html = fitEmailHtml(modelOf([nasty, ...benchWins(199)], 'A & B <School>')).html;
    expect(html).not.toMatch(/<script|<b>Ana|<img/);
    // The letter shows a featured win in its Spotlight, without a badge.
    expect(html).toMatch(/Spotlight<\/h2><h3[^>]*>Win /);
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt;</h3>');
    expect(html).not.toContain('Featured');
    expect(html).toContain('a &amp; b<br>&quot;quoted&quot; &#39;single&#39; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Shared by &lt;b&gt;Ana&lt;/b&gt;, Teacher');
    expect(html).toContain('A &amp; B &lt;School&gt;: Small Wins');
  });

  test('very long stories are cut with "…" and a line saying so, the email stays under the limit, escaping kept', () => {
    const long = (i: number) => `Story ${i} <b>&</b> ${'We tried it again and it worked. '.repeat(36)}`; // ~1,200 characters
    const model = modelOf(benchWins(200, long));
    expect(bytes(renderEmailHtml(model))).toBeGreaterThan(EMAIL_HTML_LIMIT);
    const families = fitEmailHtml(model);
    expect(families.fits).toBe(true);
    expect(families.bytes).toBeLessThanOrEqual(EMAIL_HTML_LIMIT);
    expect(families.shortened).toBe(200);
    expect(families.maxChars).toBeGreaterThan(0);
    expect(families.html).toContain(
      'Long stories are shortened in this email (marked …) so that it shows in full in every mail app.',
    );
    expect(families.html).toContain('Story 7 &lt;b&gt;&amp;&lt;/b&gt; We tried it again');
    expect(families.html).not.toMatch(/<b>&/);
    expect(families.html).toMatch(/it worked…<\/p>|it…<\/p>|again…<\/p>|tried…<\/p>|We…<\/p>/);
    const staff = fitEmailHtml(model, { docUrl: 'https://docs.google.com/document/d/abc/edit' });
    expect(staff.fits).toBe(true);
    expect(staff.html).toContain('the Doc above has them in full');
    // The plain-text part keeps every story whole.
    expect(renderEmailText(model)).toContain(long(7).trim());
  });

  test('an issue too big even when shortened says so instead of pretending', () => {
    const r = fitEmailHtml(modelOf(benchWins(1200)));
    expect(r.fits).toBe(false);
    expect(r.bytes).toBeGreaterThan(EMAIL_HTML_LIMIT);
  });

  test('shorten cuts at a word, adds "…", and leaves short text and whole characters alone', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('one two three four five six', 14)).toBe('one two three…');
    expect(shorten('🎉'.repeat(20), 5)).toBe('🎉🎉🎉🎉🎉…');
    expect(Array.from(shorten('x'.repeat(50), 10))).toHaveLength(11);
  });
});

describe('MIME', () => {
  test('UTF-8 and base64 match Node', () => {
    const s = 'École 🎉 ok — ש';
    expect(Buffer.from(utf8Bytes(s)).toString('utf8')).toBe(s);
    for (const t of ['', 'a', 'ab', 'abc', s])
      expect(base64(utf8Bytes(t))).toBe(Buffer.from(t, 'utf8').toString('base64'));
  });
  test('headers: encoded words at most 75 characters, never splitting a character', () => {
    const subject = 'Les petites victoires de l’École Saint-Jean 🎉 — semaine du 23 novembre 2026';
    const enc = encodeHeaderText(subject);
    for (const word of enc.split('\r\n ')) expect(word.length).toBeLessThanOrEqual(75);
    expect(
      enc
        .split('\r\n ')
        .map((x) => Buffer.from(x.slice(10, -2), 'base64').toString('utf8'))
        .join(''),
    ).toBe(subject);
    expect(encodeHeaderText('Plain subject')).toBe('Plain subject');
    expect(encodeHeaderText('Line\r\nBcc: x@y')).toBe('Line Bcc: x@y');
    expect(mailbox('a@b.example', 'O\'Neil "Pat"')).toBe('"O\'Neil \\"Pat\\"" <a@b.example>');
    expect(mailbox('a@b.example', 'Zoë')).toBe('=?UTF-8?B?Wm/Dqw==?= <a@b.example>');
  });
  test('a multipart/alternative message that a MIME parser reads back exactly', () => {
    const html = '<p>Bonjour 🎉 &amp; merci</p>'.repeat(20);
    const text = 'Bonjour 🎉 & merci\nLine two';
    const mime = buildMime({
      from: { address: 'p@s.example', name: 'Mme Côté' },
      to: ['a@s.example', 'b@s.example'],
      bcc: ['c@s.example'],
      replyTo: 'o@s.example',
      subject: 'Été ✔',
      html,
      text,
      boundarySeed: 'x1',
    });
    expect(mime).toMatch(/^MIME-Version: 1\.0\r\n/);
    expect(/[^\p{ASCII}]/u.test(mime)).toBe(false);
    for (const line of mime.split('\r\n')) expect(line.length).toBeLessThanOrEqual(998);
    const parsed = parseMessage(mime);
    expect(parsed).toMatchObject({
      subject: 'Été ✔',
      to: ['a@s.example', 'b@s.example'],
      bcc: ['c@s.example'],
      replyTo: 'o@s.example',
      from: 'Mme Côté <p@s.example>',
      html,
      contentTypes: ['multipart/alternative', 'text/plain', 'text/html'],
    });
    expect(parsed.text).toBe(text.replace(/\n/g, '\r\n'));
    const raw = rawMessage({ subject: 's', html: 'h', text: 't' });
    expect(raw).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(raw, 'base64url').toString('utf8')).toContain('Subject: s');
  });
});
