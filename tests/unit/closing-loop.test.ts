// Closing the loop, pure: who is thanked for an issue, and the leaders' digest counts and sentences.
import { digestCounts, leaderDigestMail, thankYouMail, thankYouPlan } from '../../src/domain/closing-loop';
import { winFromCells } from '../../src/domain/win';

const w = (id: string, email: string, sharedIn = '', name = 'Ana') =>
  winFromCells({ id, email, sharedIn, name, headline: `Headline ${id}` });

test('one note per address for the wins the issue first carries to families or the public', () => {
  const issue = { audience: 'Families', number: 2 };
  const plan = thankYouPlan(issue, [
    w('W-1', 'Ana@x.org'),
    w('W-2', 'ana@x.org', 'Staff #3'),
    w('W-3', 'bo@x.org', 'Public #1'),
    w('W-4', 'cy@x.org', 'Families #2'),
    w('W-5', 'nobody', '', 'Dee'),
    w('W-6', '', '', 'Dee'),
  ]);
  expect(plan.notes.map((n) => [n.email, n.headlines])).toEqual([
    ['ana@x.org', ['Headline W-1', 'Headline W-2']],
    // Its own tag (a resumed run marked it already) is not an earlier issue.
    ['cy@x.org', ['Headline W-4']],
  ]);
  expect(plan.skipped).toBe(1);
  expect(thankYouPlan({ audience: 'Staff', number: 1 }, [w('W-1', 'a@x.org')]).notes).toEqual([]);
  const mail = thankYouMail(
    plan.notes[0],
    { schoolName: 'Oak <School>', audience: 'Families', period: 'November 2026' },
    '',
  );
  expect(mail.subject).toBe("Thank you: your wins are in Oak <School>'s newsletter to families");
  expect(mail.html).toContain('Oak &lt;School&gt;');
  expect(mail.text).toContain('- Headline W-2');
});

test("the leaders' digest counts wins waiting, the oldest's age in days, and those needing info", () => {
  const now = Date.parse('2026-11-23T14:00:00Z');
  const counts = digestCounts(
    [
      { status: 'New', submittedAt: '2026-11-02T09:00:00.000Z' },
      { status: 'New', submittedAt: '' },
      { status: 'Needs info', submittedAt: '' },
      { status: 'Approved', submittedAt: '2026-01-01T00:00:00.000Z' },
      { status: null, submittedAt: '' },
    ],
    now,
  );
  expect(counts).toEqual({ waiting: 2, oldestDays: 21, needsInfo: 1 });
  expect(digestCounts([], now)).toEqual({ waiting: 0, oldestDays: null, needsInfo: 0 });
  expect(leaderDigestMail({ waiting: 1, oldestDays: 1, needsInfo: 0 }, 'Oak', '23 November 2026').text).toContain(
    '1 new win is waiting for triage; the oldest came in 1 day ago.',
  );
});
