// One decoded win and one set of rules: hand-edited rows through the decoder and every predicate, one expected
// answer per row (PRODUCT.md, "A win, decoded once").
import { locateColumns, Columns } from '../../src/domain/log-columns';
import { WIN_COLUMNS, WIN_FIELDS, WIN_HEADERS, WinField } from '../../src/domain/schema';
import { eligibleIds } from '../../src/domain/newsletter-plan';
import { SELECTION_FIELDS } from '../../src/domain/newsletter-recheck';
import { planMarks } from '../../src/domain/shared-in-marks';
import { fromCell } from '../../src/domain/text';
import { toWinView, WinFields } from '../../src/domain/triage';
import { matchesQuery } from '../../src/domain/triage-queue';
import type { Audience } from '../../src/domain/settings';
import { AUDIENCES, BASE, TABLE } from '../helpers/win-table';
import { decodeWin, readAnswer, readDate, Win, winFromCells } from '../../src/domain/win';
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

  test.each(TABLE)('%s: every consumer gives the same answer', (_name, edit, expected) => {
    // As the log gives the row to its readers: cells by field, as text (decodeRow).
    const fields: WinFields = {};
    for (const [f, v] of Object.entries({ ...BASE, ...edit })) fields[f as WinField] = fromCell(v);
    const view = toWinView(fields, 2);
    expect(view.namesStudents).toBe(expected.names);
    expect(view.privacyCleared).toBe(expected.cleared);
    expect(view.effectiveConsent).toBe(expected.consent);
    expect(view.needsConsentRecord).toBe(expected.record);
    expect(view.warnings.some((w) => w.code === 'privacy')).toBe(expected.warning);
    // The sidebar's audience filter.
    expect(AUDIENCES.map((a) => matchesQuery(fields, { status: 'All', page: 0, audience: a }))).toEqual(
      expected.allows,
    );
    // The newsletter's selection, from the log's columns.
    const cols: Record<string, unknown[]> = {};
    for (const f of SELECTION_FIELDS) cols[f] = [{ ...BASE, ...edit }[f]];
    const sel = { ids: ['W-0042'], idRows: new Map([['W-0042', 2]]), cols };
    expect(AUDIENCES.map((a) => eligibleIds(sel, a).length === 1)).toEqual(expected.eligible);
    // The marks: a win of issue #9 is marked exactly when it is eligible (allowed, and not sent in another issue).
    const row = WIN_FIELDS.map((f) => ({ ...BASE, ...edit })[f] ?? '');
    const columns = Object.fromEntries(WIN_FIELDS.map((f, i) => [f, i])) as Columns;
    AUDIENCES.forEach((a, k) => {
      const read = {
        first: 2,
        block: [row],
        wins: new Map([['W-0042', decodeWin(row, columns)]]),
        rows: new Map([['W-0042', { row: 2 }]]),
      };
      const marked = planMarks({ audience: a, number: 9, winIds: ['W-0042'] }, read, columns).skipped.length === 0;
      expect(marked).toBe(expected.eligible[k]);
    });
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
