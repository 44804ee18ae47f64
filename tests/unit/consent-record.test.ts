// The submitter's consent as a record: which wins lack it, which Form response each came from, what Set up says.
import {
  consentReport,
  earliestResponse,
  FormConsent,
  matchConsents,
  MATCH_WINDOW_MS,
  nearAny,
  winsWithoutConsent,
} from '../../src/domain/consent-record';

const cols = {
  id: ['W-1', 'W-2', 'W-3', '', 'W-5', 'W-6'],
  consentGiven: ['Public', '', 'Pubilc', '', '', ''],
  responseKey: ['R-1', 'R-2', 'R-3', '', '', 'R-6'],
  submittedAt: [
    new Date('2026-11-20T10:00:00Z'),
    new Date('2026-11-20T10:00:03Z'),
    '11/21/2026 09:00:00',
    '',
    new Date('2026-11-22T08:00:00Z'),
    new Date('2026-11-20T10:01:00Z'),
  ],
  headline: ['A', 'Reading buddies', 'Maths club ', '', 'Typed by hand', 'Reading buddies'],
  email: ['a@s.example', 'Ana@S.example', '', '', '', 'ben@s.example'],
};

describe('consent records', () => {
  test('wins whose Consent given is blank or unreadable; only those from the Form can be restored', () => {
    const lacking = winsWithoutConsent(cols);
    expect(lacking.map((w) => [w.id, w.row, w.fromForm])).toEqual([
      ['W-2', 3, true],
      ['W-3', 4, true],
      ['W-5', 6, false],
      ['W-6', 7, true],
    ]);
    expect(earliestResponse(lacking)?.toISOString()).toBe(
      new Date(Date.parse('2026-11-20T10:00:03Z') - MATCH_WINDOW_MS).toISOString(),
    );
    expect(earliestResponse(lacking.filter((w) => !w.fromForm))).toBeNull();
    expect(nearAny(lacking, Date.parse('2026-11-20T10:05:00Z'))).toBe(true);
    expect(nearAny(lacking, Date.parse('2026-11-22T08:00:00Z'))).toBe(false);
  });

  test('matched by time, headline and submitter; the nearest wins; one response gives one consent', () => {
    const lacking = winsWithoutConsent(cols);
    const responses: FormConsent[] = [
      {
        at: '2026-11-20T10:00:00.000Z',
        email: 'ana@s.example',
        headline: ' Reading buddies ',
        consent: 'School community',
      },
      { at: '2026-11-20T10:01:00.000Z', email: 'ben@s.example', headline: 'Reading buddies', consent: 'Public' },
      {
        at: new Date(2026, 10, 21, 9, 0, 1).toISOString(),
        email: '',
        headline: 'Maths club',
        consent: 'Public (anyone)',
      },
      { at: '2026-11-22T08:00:00.000Z', email: '', headline: 'Typed by hand', consent: 'Public' },
    ];
    const found = matchConsents(lacking, responses);
    expect(Object.fromEntries(found)).toEqual({
      'W-2': 'School community',
      'W-6': 'Public',
      // A renamed choice is read as intake reads it: never wider than Staff only.
      'W-3': 'Staff only',
    });
    // Too far apart in time, another headline, or another submitter: nothing is restored.
    const far = [{ ...responses[0], at: '2026-11-20T11:00:00.000Z' }];
    expect(matchConsents(lacking, far).size).toBe(0);
    expect(matchConsents(lacking, [{ ...responses[0], headline: 'Other' }]).size).toBe(0);
    expect(matchConsents(lacking, [{ ...responses[0], email: 'eve@s.example' }]).size).toBe(0);
  });

  test('what Set up says', () => {
    expect(consentReport(0, 0)).toEqual([]);
    expect(consentReport(2, 1)).toEqual([
      "Restored the submitter's consent on 2 wins from their Form responses.",
      '1 win still needs the submitter\'s consent (not on record, so it counts as Staff only): open it in Triage wins and use "Record the submitter\'s consent".',
    ]);
  });
});
