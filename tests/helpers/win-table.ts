// The unit table of hand-edited Wins rows (PRODUCT.md, "A win, decoded once"): each row is an approved win with some
// cells typed by hand, and one expected answer per rule. The unit tests run it through the decoder and every rule;
// the integration tests type the same rows into the sheet and check that every consumer of the built add-on agrees.
import type { Consent } from '../../src/domain/schema';
import type { Audience } from '../../src/domain/settings';
import type { WinCells } from '../../src/domain/win';

/** An approved win that names students, privacy cleared, Public consent: each row hand-edits some of it. */
export const BASE: WinCells = {
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

export interface Expected {
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

export const AUDIENCES: Audience[] = ['Staff', 'Families', 'Public'];
const ALL: [boolean, boolean, boolean] = [true, true, true];
const STAFF: [boolean, boolean, boolean] = [true, false, false];
const NONE: [boolean, boolean, boolean] = [false, false, false];
const ok = { names: true, cleared: true, consent: 'Public' as Consent, allows: ALL, privacyOk: true, eligible: ALL };
const held = { ...ok, cleared: false, privacyOk: false, eligible: STAFF, warning: true };

export const TABLE: Array<[string, WinCells, Expected]> = [
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
