// One decoded win and one set of rules: hand-edited rows through the decoder and every predicate, one expected
// answer per row (PRODUCT.md, "A win, decoded once").
import { locateColumns, Columns } from '../../src/domain/log-columns';
import { Consent, WIN_COLUMNS, WIN_HEADERS, WinField } from '../../src/domain/schema';
import type { Audience } from '../../src/domain/settings';
import { decodeWin, readAnswer, readDate, Win, WinCells, winFromCells } from '../../src/domain/win';
import {
  consentAllows,
  consentChangeProblem,
  consentChoices,
  creditLine,
  effectiveConsent,
  eligibleFor,
  needsConsentRecord,
  privacyClearedWhereNeeded,
  privacyWarning,
  whyNotAllowed,
} from '../../src/domain/win-rules';

/** An approved win that names students, privacy cleared, Public consent: each row hand-edits some of it. */
const BASE: WinCells = {
  id: 'W-0042',
  submittedAt: '2026-11-20T10:00:00.000Z',
  status: 'Approved',
  kind: 'Win',
  headline: 'Reading buddies',
  story: 'Year 2 read to Year 5.',
  goals: 'Reading for all',
  consent: 'Public',
  consentGiven: 'Public',
  namesStudents: 'Yes',
  privacyCleared: 'Yes',
  featured: 'No',
  name: 'Ana Ruiz',
  role: 'Teacher',
  sharedIn: '',
};

interface Expected {
  /** Names students, read the safe way (unknown = yes). */
  names: boolean;
  /** Privacy cleared, read the safe way (unknown = not cleared). */
  cleared: boolean;
  consent: Consent;
  /** consentAllows for Staff, Families, Public. */
  allows: [boolean, boolean, boolean];
  /** privacyClearedWhereNeeded for Families (and Public). */
  privacyOk: boolean;
  /** eligibleFor for Staff, Families, Public. */
  eligible: [boolean, boolean, boolean];
  warning: boolean;
  /** The widest consent a leader may set. */
  widest: Consent;
  record: boolean;
}

const AUDIENCES: Audience[] = ['Staff', 'Families', 'Public'];
const ALL: [boolean, boolean, boolean] = [true, true, true];
const STAFF: [boolean, boolean, boolean] = [true, false, false];
const NONE: [boolean, boolean, boolean] = [false, false, false];
const ok = { names: true, cleared: true, consent: 'Public' as Consent, allows: ALL, privacyOk: true, eligible: ALL };
const held = { ...ok, cleared: false, privacyOk: false, eligible: STAFF, warning: true };

const TABLE: Array<[string, WinCells, Expected]> = [
  ['Privacy cleared blank', { privacyCleared: '' }, { ...held, widest: 'Public', record: false }],
  ['Privacy cleared ✔', { privacyCleared: '✔' }, { ...ok, warning: false, widest: 'Public', record: false }],
  ['Privacy cleared ✓', { privacyCleared: ' ✓ ' }, { ...ok, warning: false, widest: 'Public', record: false }],
  ['Privacy cleared ✔️ (emoji)', { privacyCleared: '✔️' }, { ...ok, warning: false, widest: 'Public', record: false }],
  ['Privacy cleared TRUE', { privacyCleared: 'TRUE' }, { ...ok, warning: false, widest: 'Public', record: false }],
  [
    'Privacy cleared true (checkbox)',
    { privacyCleared: true },
    { ...ok, warning: false, widest: 'Public', record: false },
  ],
  ['Privacy cleared "yes "', { privacyCleared: 'yes ' }, { ...ok, warning: false, widest: 'Public', record: false }],
  ['Privacy cleared Unsure', { privacyCleared: 'Unsure' }, { ...held, widest: 'Public', record: false }],
  ['Privacy cleared N/A', { privacyCleared: 'N/A' }, { ...held, widest: 'Public', record: false }],
  ['Privacy cleared y', { privacyCleared: 'y' }, { ...held, widest: 'Public', record: false }],
  ['Privacy cleared 1', { privacyCleared: 1 }, { ...held, widest: 'Public', record: false }],
  ['Names students blank', { namesStudents: '', privacyCleared: 'No' }, { ...held, widest: 'Public', record: false }],
  ['Names students N/A', { namesStudents: 'N/A', privacyCleared: '' }, { ...held, widest: 'Public', record: false }],
  [
    'Names students Unsure',
    { namesStudents: 'Unsure', privacyCleared: 'No' },
    { ...held, widest: 'Public', record: false },
  ],
  [
    'Names students No, privacy blank',
    { namesStudents: 'No', privacyCleared: '' },
    { ...ok, names: false, cleared: false, warning: false, widest: 'Public', record: false },
  ],
  [
    'Names students FALSE',
    { namesStudents: 'FALSE', privacyCleared: 'No' },
    { ...ok, names: false, cleared: false, warning: false, widest: 'Public', record: false },
  ],
  [
    'Names students " no "',
    { namesStudents: ' no ', privacyCleared: 'No' },
    { ...ok, names: false, cleared: false, warning: false, widest: 'Public', record: false },
  ],
  [
    'Consent misspelt',
    { consent: 'Pubilc', privacyCleared: 'No' },
    {
      ...held,
      consent: 'Staff only',
      allows: STAFF,
      privacyOk: false,
      eligible: STAFF,
      warning: false,
      widest: 'Public',
      record: false,
    },
  ],
  [
    'Consent blank',
    { consent: '' },
    { ...ok, consent: 'Staff only', allows: STAFF, eligible: STAFF, warning: false, widest: 'Public', record: false },
  ],
  [
    'Consent given blank (hand-typed win)',
    { consentGiven: '' },
    {
      ...ok,
      consent: 'Staff only',
      allows: STAFF,
      eligible: STAFF,
      warning: false,
      widest: 'Staff only',
      record: true,
    },
  ],
  [
    'Consent given unreadable',
    { consentGiven: 'ok to share' },
    {
      ...ok,
      consent: 'Staff only',
      allows: STAFF,
      eligible: STAFF,
      warning: false,
      widest: 'Staff only',
      record: true,
    },
  ],
  [
    'Consent given " public " (case, spaces)',
    { consentGiven: ' public ' },
    { ...ok, warning: false, widest: 'Public', record: false },
  ],
  [
    'Consent widened by hand past Consent given',
    { consent: 'Public', consentGiven: 'School community' },
    {
      ...ok,
      consent: 'School community',
      allows: [true, true, false],
      eligible: [true, true, false],
      warning: false,
      widest: 'School community',
      record: false,
    },
  ],
  [
    'Consent narrowed by a leader',
    { consent: 'Staff only' },
    { ...ok, consent: 'Staff only', allows: STAFF, eligible: STAFF, warning: false, widest: 'Public', record: false },
  ],
  ['Status typed "approved "', { status: 'approved ' }, { ...ok, warning: false, widest: 'Public', record: false }],
  [
    'Status misspelt',
    { status: 'Aproved' },
    { ...ok, eligible: NONE, warning: false, widest: 'Public', record: false },
  ],
  [
    'Already shared with families',
    { sharedIn: 'Staff #2, Families #3' },
    { ...ok, eligible: [false, false, true], warning: false, widest: 'Public', record: false },
  ],
];

describe('the unit table: hand-edited rows through the decoder and every rule', () => {
  test.each(TABLE)('%s', (_name, edit, expected) => {
    const win = winFromCells({ ...BASE, ...edit });
    expect(win.namesStudents).toBe(expected.names);
    expect(win.privacyCleared).toBe(expected.cleared);
    expect(effectiveConsent(win)).toBe(expected.consent);
    expect(AUDIENCES.map((a) => consentAllows(win, a))).toEqual(expected.allows);
    expect(privacyClearedWhereNeeded(win, 'Staff')).toBe(true);
    expect(privacyClearedWhereNeeded(win, 'Families')).toBe(expected.privacyOk);
    expect(privacyClearedWhereNeeded(win, 'Public')).toBe(expected.privacyOk);
    expect(AUDIENCES.map((a) => eligibleFor(win, a))).toEqual(expected.eligible);
    expect(privacyWarning(win) !== null).toBe(expected.warning);
    const allowed = consentChoices(win).filter((c) => c.allowed);
    expect(allowed[allowed.length - 1].value).toBe(expected.widest);
    expect(needsConsentRecord(win)).toBe(expected.record);
    // Whatever the row, a reason is given exactly when a not-yet-shared win is not eligible.
    for (const a of AUDIENCES) {
      const reason = whyNotAllowed(win, a);
      if (!win.sharedIn.some((t) => t.audience === a)) expect(reason === '').toBe(eligibleFor(win, a));
    }
  });

  test('the same row decodes the same whatever the column order', () => {
    const shuffled = [...WIN_HEADERS].reverse();
    const located = locateColumns(shuffled);
    const cells = { ...BASE, privacyCleared: '✔', consentGiven: '' };
    const row = shuffled.map((h) => {
      const field = (Object.keys(WIN_COLUMNS) as WinField[]).find((f) => WIN_COLUMNS[f] === h)!;
      return cells[field] ?? '';
    });
    expect(decodeWin(row, located.columns as Columns)).toEqual(winFromCells(cells));
  });

  test('a deleted column reads as a blank cell: never wider, never cleared', () => {
    const located = locateColumns(WIN_HEADERS.filter((h) => h !== 'Consent given' && h !== 'Names students or photos'));
    const row = WIN_HEADERS.filter((h) => h !== 'Consent given' && h !== 'Names students or photos').map((h) =>
      h === 'Consent' ? 'Public' : h === 'Status' ? 'Approved' : h === 'Privacy cleared' ? 'No' : '',
    );
    const win = decodeWin(row, located.columns);
    expect(win.consentGiven).toBeNull();
    expect(effectiveConsent(win)).toBe('Staff only');
    expect(win.namesStudents).toBe(true);
    expect(eligibleFor(win, 'Families')).toBe(false);
  });
});

describe('the decoder', () => {
  test('yes and no, the safe way', () => {
    for (const yes of ['Yes', 'YES', ' yes ', 'TRUE', 'true', '✔', '✓', true]) expect(readAnswer(yes)).toBe('yes');
    for (const no of ['No', 'no', 'FALSE', 'false', false]) expect(readAnswer(no)).toBe('no');
    for (const unknown of ['', null, undefined, 'y', 'n', 'x', '1', 0, 'Unsure', 'N/A', 'yes please', '✅'])
      expect(readAnswer(unknown)).toBe('unknown');
  });

  test('dates from a Date or a display string', () => {
    expect(readDate(new Date('2026-11-23T14:00:00Z'))).toBe('2026-11-23T14:00:00.000Z');
    expect(readDate('2026-11-23T14:00:00.000Z')).toBe('2026-11-23T14:00:00.000Z');
    expect(readDate('11/23/2026 14:00:00')).toBe(new Date(2026, 10, 23, 14).toISOString());
    expect(readDate('')).toBe('');
    expect(readDate('last Tuesday')).toBe('');
    const fromDate = winFromCells({ ...BASE, submittedAt: new Date('2026-11-20T10:00:00Z') });
    expect(fromDate.submittedAt).toBe(winFromCells(BASE).submittedAt);
  });

  test('text as typed, lists split, what the cells said kept for the leader', () => {
    const win: Win = winFromCells({
      ...BASE,
      headline: '  =1+1 ',
      goals: 'Reading for all, Math confidence',
      status: 'Parked',
      consent: 'Pubilc',
      sharedIn: 'Staff #4, sent by hand',
    });
    expect(win.headline).toBe('=1+1');
    expect(win.goals).toEqual(['Reading for all', 'Math confidence']);
    expect(win.status).toBeNull();
    expect(win.statusText).toBe('Parked');
    expect(win.consent).toBeNull();
    expect(win.consentText).toBe('Pubilc');
    expect(win.sharedIn).toEqual([{ audience: 'Staff', number: 4 }]);
    expect(win.sharedInText).toBe('Staff #4, sent by hand');
  });
});

describe('consent choices', () => {
  test('never wider than the submitter allowed; only Staff only while the record is missing', () => {
    const given = winFromCells({ ...BASE, consentGiven: 'School community' });
    expect(consentChangeProblem(given, 'Staff only')).toBe('');
    expect(consentChangeProblem(given, 'School community')).toBe('');
    expect(consentChangeProblem(given, 'Public')).toMatch(/narrowed but not widened.*School community/);
    const missing = winFromCells({ ...BASE, consentGiven: '' });
    expect(consentChangeProblem(missing, 'Staff only')).toBe('');
    expect(consentChangeProblem(missing, 'School community')).toMatch(/not on record.*record the submitter's consent/);
  });
});

describe('credit lines', () => {
  const student = winFromCells({ ...BASE, name: 'Sam Lee', role: 'Student', privacyCleared: 'No' });
  const family = winFromCells({ ...BASE, name: 'Rosa Díaz', role: ' family member ', privacyCleared: '' });

  test.each([
    ['a student, Staff', student, 'Staff', 'Shared by Sam Lee, Student'],
    ['a student, Families, not cleared', student, 'Families', 'Shared by a student'],
    ['a student, Public, not cleared', student, 'Public', 'Shared by a student'],
    ['a family member, Public, blank cleared', family, 'Public', 'Shared by a family'],
    [
      'a student, Public, cleared',
      winFromCells({ ...BASE, name: 'Sam Lee', role: 'Student', privacyCleared: '✔' }),
      'Public',
      'Shared by Sam Lee, Student',
    ],
    ['a teacher, Public', winFromCells(BASE), 'Public', 'Shared by Ana Ruiz, Teacher'],
    ['a student without a name', winFromCells({ ...BASE, name: '', role: 'Student' }), 'Staff', 'Shared by a student'],
  ] as Array<[string, Win, Audience, string]>)('%s', (_name, win, audience, credit) => {
    expect(creditLine(win, audience, true)).toBe(credit);
    expect(creditLine(win, audience, false)).toBe('');
  });
});
