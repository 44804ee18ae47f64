// Unit tests of the clock's rules: whose tick acts, how long ago it last ran, and what Settings says and warns.
import { clockStatus, isOwnersTick, STALE_MS, timeAgo } from '../../src/domain/clock';

const record = { id: 'T-1', owner: 'helen@school.example', since: '2026-11-23T14:00:00.000Z' };
const NOW = Date.parse('2026-11-23T15:12:00.000Z');

describe('whose tick acts', () => {
  test("the recorded trigger's tick acts without asking who runs it; another trigger's tick asks and does nothing", () => {
    const asked: string[] = [];
    const email = (who: string) => () => (asked.push(who), who);
    expect(isOwnersTick(record, 'T-1', email('anyone'))).toBe(true);
    expect(asked).toEqual([]);
    expect(isOwnersTick(record, 'T-2', email('deputy@school.example'))).toBe(false);
    // Run by hand (no trigger ID): the owner's account acts.
    expect(isOwnersTick(record, '', email('helen@school.example'))).toBe(true);
    // Nobody recorded yet (an older install before Set up): no tick acts.
    expect(isOwnersTick(null, 'T-1', email('helen@school.example'))).toBe(false);
  });
});

describe('what Settings says', () => {
  test('time ago in words', () => {
    expect(timeAgo(NOW - 20_000, NOW)).toBe('just now');
    expect(timeAgo(NOW - 60_000, NOW)).toBe('1 minute ago');
    expect(timeAgo(NOW - 12 * 60_000, NOW)).toBe('12 minutes ago');
    expect(timeAgo(NOW - 3 * 3_600_000, NOW)).toBe('3 hours ago');
    expect(timeAgo(NOW - 3 * 86_400_000, NOW)).toBe('3 days ago');
  });

  test('whose account, when it last ran, and a warning past two hours', () => {
    const beat = { by: 'helen@school.example', at: '2026-11-23T15:00:00.000Z' };
    expect(clockStatus(record, beat, 'helen@school.example', NOW)).toEqual({
      sentence: 'The automation runs from your account; last ran 12 minutes ago.',
      warning: '',
    });
    const other = clockStatus(record, beat, 'sam@school.example', NOW);
    expect(other.sentence).toBe("The automation runs from helen@school.example's account; last ran 12 minutes ago.");
    const late = clockStatus(record, beat, 'sam@school.example', Date.parse(beat.at) + STALE_MS + 60_000);
    expect(late.warning).toMatch(/^The automation last ran 2 hours ago: /);
    expect(late.warning).toMatch(/If helen@school\.example has left/);
    expect(clockStatus(record, beat, 'helen@school.example', Date.parse(beat.at) + STALE_MS).warning).toBe('');
  });

  test('never ran: no warning while it is new, a warning once two hours passed; a failed run says why', () => {
    expect(clockStatus(record, null, 'helen@school.example', NOW).sentence).toBe(
      'The automation runs from your account; it has not run yet (it runs once an hour).',
    );
    expect(clockStatus(record, null, 'helen@school.example', NOW).warning).toBe('');
    expect(clockStatus(record, null, 'helen@school.example', Date.parse(record.since) + STALE_MS + 1).warning).toMatch(
      /has not run since it was installed/,
    );
    // A heartbeat left by a previous owner is not this owner's.
    expect(
      clockStatus(record, { by: 'old@school.example', at: '2026-11-23T15:00:00.000Z' }, 'x', NOW).sentence,
    ).toMatch(/it has not run yet/);
    const failed = clockStatus(
      record,
      { by: 'helen@school.example', at: '2026-11-23T15:00:00.000Z', problem: 'newsletter: Gmail refused.' },
      'helen@school.example',
      NOW,
    );
    expect(failed.sentence).toMatch(
      /last ran 12 minutes ago\. The last run could not finish: newsletter: Gmail refused\.$/,
    );
    expect(clockStatus(null, null, 'x', NOW).warning).toMatch(/run Small Wins → Set up/);
  });
});
