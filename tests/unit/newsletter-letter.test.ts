// The letter's pure parts: the next run in words, the hour in words, each audience's greeting, sign-off and fewest
// wins (validated, defaulted), the positive summary, goal lines under a goal's heading, and the held-back notes.
import { hourWords, LocalTime, nextRun, nextRunWords } from '../../src/domain/cadence';
import { emailSubject, letterSummary } from '../../src/domain/newsletter';
import { heldBackLines, skippedLine } from '../../src/domain/newsletter-notes';
import { winMeta } from '../../src/domain/newsletter-outline';
import {
  Cadence,
  defaultSignoff,
  editionWords,
  SettingsInput,
  settingsToInput,
  validateSettings,
  withDefaults,
} from '../../src/domain/settings';

const weekly: Cadence = { kind: 'weekly', weekday: 5, monthDay: 1, hour: 15 };
const at = (day: number, hour: number, minute = 0, month = 11, year = 2026): LocalTime => ({
  year,
  month,
  day,
  hour,
  minute,
});
const never = () => false;

describe('the next run in words', () => {
  test('this period ahead, due now until done, then the next period; after the schedule was set', () => {
    const monday = at(23, 9);
    expect(nextRunWords(nextRun(weekly, monday, null, never), monday)).toBe(
      'Friday 27 November, at the first check after 3 pm',
    );
    const friday = at(27, 15, 30);
    expect(nextRunWords(nextRun(weekly, friday, null, never), friday)).toBe('due now: at the next hourly check');
    expect(
      nextRunWords(
        nextRun(weekly, friday, null, () => true),
        friday,
      ),
    ).toBe('Friday 4 December, at the first check after 3 pm');
    // Saved on Friday after 3 pm: this week's moment is before the schedule, so next week's.
    expect(nextRunWords(nextRun(weekly, friday, at(27, 15, 10), never), friday)).toBe(
      'Friday 4 December, at the first check after 3 pm',
    );
    const monthly: Cadence = { kind: 'monthly', weekday: 1, monthDay: 1, hour: 0 };
    const december = at(20, 10, 0, 12);
    // December's issue is made: January's, with its year.
    expect(
      nextRunWords(
        nextRun(monthly, december, null, () => true),
        december,
      ),
    ).toBe('Friday 1 January 2027, at the first check after midnight');
    expect(nextRun({ ...weekly, kind: 'off' }, monday, null, never)).toBeNull();
    expect(['midnight', '7 am', 'noon', '3 pm', '11 pm']).toEqual([0, 7, 12, 15, 23].map(hourWords));
  });
});

describe('editions in Settings', () => {
  const base: SettingsInput = {
    schoolName: 'Maple Grove Elementary',
    audiences: {
      Staff: { enabled: true, recipients: 'staff@school.example' },
      Families: { enabled: true, recipients: 'families@school.example' },
      Public: { enabled: false, recipients: '' },
    },
    cadence: { kind: 'weekly', weekday: 5, monthDay: 1, hour: 15 },
    template: '',
    senderName: '',
    replyTo: '',
    creditContributors: true,
  };
  test('defaults when not given; the greeting and sign-off the edition prints', () => {
    const r = validateSettings(base);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.settings.editions.Families).toEqual({ greeting: '', signoff: '', minWins: 1 });
    expect(editionWords(r.settings, 'Families')).toEqual({
      greeting: 'Dear families,',
      signoff: 'With thanks,\nEveryone at Maple Grove Elementary',
    });
    expect(editionWords(r.settings, 'Public').greeting).toBe('Dear friends of our school,');
    expect(defaultSignoff('Ms Díaz', 'X')).toBe('With thanks,\nMs Díaz');
    expect(withDefaults({ editions: { Families: { minWins: 'x', greeting: 3 } } }).editions.Families).toEqual({
      greeting: '',
      signoff: '',
      minWins: 1,
    });
  });
  test('validated per audience and field; the sign-off keeps its lines; round trip', () => {
    const bad = validateSettings({
      ...base,
      editions: {
        Staff: { greeting: 'x'.repeat(201), signoff: '', minWins: '0' },
        Families: { greeting: '', signoff: 'y'.repeat(501), minWins: 'three' },
        Public: { greeting: '', signoff: '', minWins: '101' },
      },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors).sort()).toEqual([
      'greeting.Staff',
      'minWins.Families',
      'minWins.Public',
      'minWins.Staff',
      'signoff.Families',
    ]);
    const good = validateSettings({
      ...base,
      editions: {
        Staff: { greeting: '  Hello\tteam, ', signoff: 'Onwards,\r\n\r\n  The office \u0007', minWins: '' },
        Families: { greeting: 'Dear families,', signoff: '', minWins: 3 },
        Public: { greeting: '', signoff: '', minWins: '1' },
      },
    });
    if (!good.ok) throw new Error(JSON.stringify(good.errors));
    expect(good.settings.editions.Staff).toEqual({
      greeting: 'Hello team,',
      signoff: 'Onwards,\nThe office',
      minWins: 1,
    });
    expect(good.settings.editions.Families.minWins).toBe(3);
    expect(validateSettings(settingsToInput(good.settings))).toEqual(good);
  });
  test('a sign-off of more than five lines is refused in words, never cut short', () => {
    const six = 'With thanks,\nMs Díaz\nPrincipal\nRiverside Primary\n12 River Road\nTel 555 0100';
    const blank = { greeting: '', signoff: '', minWins: '1' };
    const r = validateSettings({
      ...base,
      editions: { Staff: blank, Families: { ...blank, signoff: six }, Public: blank },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors['signoff.Families']).toBe(
      'Keep the sign-off to 5 lines (it has 6): the newsletter prints at most 5.',
    );
    const five = six.split('\n').slice(0, 5).join('\n');
    const ok = validateSettings({
      ...base,
      editions: { Staff: blank, Families: { ...blank, signoff: five }, Public: blank },
    });
    expect(ok.ok && ok.settings.editions.Families.signoff).toBe(five);
  });
});

describe('the letter in words', () => {
  test('subjects name the school, the audience and the period', () => {
    const s = (audience: 'Staff' | 'Families' | 'Public', period: string) =>
      emailSubject({ schoolName: 'Maple Grove Elementary', audience, period });
    expect(s('Families', 'Week of 23 November 2026')).toBe(
      'Maple Grove Elementary — for families — week of 23 November 2026',
    );
    expect(s('Staff', 'November 2026')).toBe('Maple Grove Elementary — for staff — November 2026');
    expect(s('Public', '30 November 2026')).toBe('Maple Grove Elementary — for the public — 30 November 2026');
  });
  test('a positive summary of this issue alone', () => {
    expect(letterSummary({ wins: 1, lessons: 0, goals: 1, contributors: 1 })).toBe(
      'This letter brings 1 small win across one of our goals, shared by 1 member of our school community.',
    );
    expect(letterSummary({ wins: 0, lessons: 2, goals: 0, contributors: 0 })).toBe(
      'This letter brings 2 lessons we learned along the way.',
    );
  });
  test("under a goal's heading only the win's other goals", () => {
    const win = { credit: 'Shared by Ana', goals: ['Reading for all', 'Family partnership'] };
    expect(winMeta(win, 'reading for all')).toBe('Shared by Ana · Also: Family partnership');
    expect(winMeta({ ...win, goals: ['Reading for all'] }, 'Reading for all')).toBe('Shared by Ana');
    expect(winMeta(win)).toBe('Shared by Ana · Goals: Reading for all, Family partnership');
  });
  test('held back and skipped, in sentences; one of each', () => {
    expect(
      heldBackLines({ privacy: [{ id: 'W-1', headline: 'Buddies' }], privacyCount: 1, outsideConsent: 1 }, 'Families'),
    ).toEqual([
      'Held back until privacy is cleared (it names students or has photos): \u201cBuddies\u201d. Tick Privacy cleared in Triage wins to include it next time.',
      '1 approved win stays out because its consent does not reach families.',
    ]);
    expect(heldBackLines({ privacy: [], privacyCount: 0, outsideConsent: 0 }, 'Public')).toEqual([]);
    expect(skippedLine('Families', 1, 2)).toBe(
      'Not drafted this time: 1 win is waiting and a scheduled Families issue needs at least 2. It carries to the next issue (Draft newsletter now drafts it at once).',
    );
  });
});
