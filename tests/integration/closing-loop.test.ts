// Closing the loop through the built bundle: thank-you drafts to submitters whose wins an issue first carries to
// families or the public (one per submitter per issue, never twice, deleted with a cancelled issue, none when off),
// and the leaders' weekly digest drafted by the clock exactly once a week with the right counts.
import { call } from '../../dev/endpoints';
import {
  addWins,
  gmail,
  issueRows,
  loadNewsletterAddOn,
  saveSettings,
  settingsInput,
  Sim,
  win,
} from './newsletter-fixtures';

const LOOP = { thankSubmitters: true, leaderDigest: false, leaders: '' };

function thankYous(sim: Sim) {
  return gmail(sim)
    .drafts()
    .filter((d) => /^Thank you/.test(d.subject));
}

function lastDialog(sim: Sim): string {
  return sim.ui.dialogs[sim.ui.dialogs.length - 1]?.html ?? '';
}

const families = (sim: Sim) => issueRows(sim).filter((r) => r.Audience === 'Families');

describe('thank-you drafts', () => {
  test("one per submitter for the wins a Families issue is the first to carry, naming them and the edition; none for a win's second issue outside school", () => {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput({ closingLoop: LOOP })).ok).toBe(true);
    addWins(sim, [
      win({ id: 'W-0601', headline: 'Library visits doubled', email: 'Ana@school.example', name: 'Ana Ruiz' }),
      win({ id: 'W-0602', headline: 'Reading buddies', email: 'ana@school.example', name: 'Ana Ruiz' }),
      win({ id: 'W-0603', headline: 'Math circle', email: 'bo@school.example', name: 'Bo Chen' }),
      win({ id: 'W-0604', headline: 'Garden club', email: 'not an address', name: 'Cy Moss' }),
      win({ id: 'W-0605', headline: 'Staff lunch', email: 'dee@school.example', consent: 'Staff only' }),
    ]);
    sim.run('draftNewsletterNow');
    const made = thankYous(sim);
    expect(made.map((d) => d.to.join(','))).toEqual(['ana@school.example', 'bo@school.example']);
    const ana = made[0];
    expect(ana.subject).toBe("Thank you: your wins are in Riverside Primary's newsletter to families");
    expect(ana.text).toContain('Library visits doubled');
    expect(ana.text).toContain('Reading buddies');
    expect(ana.text).toContain(String(families(sim)[0].Period));
    expect(ana.html).toMatch(
      /<h1[^>]*>Thank you: your wins are in Riverside Primary&#39;s newsletter to families<\/h1>/,
    );
    expect(made[1].text).toContain('Math circle');
    expect(made[1].text).not.toContain('Library visits doubled');
    // The one without a valid address is skipped and counted; the staff-only win is in no thank-you.
    expect(lastDialog(sim)).toContain('2 thank-you drafts');
    expect(lastDialog(sim)).toContain('1 submitter has no valid email address and got none.');
    expect(made.some((d) => d.text.includes('Staff lunch'))).toBe(false);

    // A week later Bo's win reaches the public (its second issue outside school): no thank-you; Eve's new win
    // reaches families and the public in the same run: one thank-you.
    sim.clock.advance(7 * 86_400_000);
    const wins = sim.spreadsheet.sheet('Wins')!;
    const row = (id: string) => (wins.values as unknown[][]).findIndex((r) => r[0] === id) + 1;
    wins.setCell(row('W-0603'), wins.columnOf('Consent'), 'Public');
    wins.setCell(row('W-0603'), wins.columnOf('Featured'), 'Yes');
    addWins(sim, [win({ id: 'W-0606', headline: 'Choir', email: 'eve@school.example', consent: 'Public' })]);
    sim.run('draftNewsletterNow');
    const publicIssue = issueRows(sim).find((r) => r.Audience === 'Public')!;
    expect(String(publicIssue['Win IDs'])).toContain('W-0603');
    expect(thankYous(sim).map((d) => d.to.join(','))).toEqual([
      'ana@school.example',
      'bo@school.example',
      'eve@school.example',
    ]);
  });

  test('a run cut off between two thank-yous makes the missing one only; cancelling the issue deletes them', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput({ closingLoop: LOOP }));
    addWins(sim, [
      win({ id: 'W-0701', email: 'a1@school.example' }),
      win({ id: 'W-0702', email: 'a2@school.example' }),
      win({ id: 'W-0703', email: 'a3@school.example' }),
    ]);
    // Drafts made in order: Staff's, Families', then the thank-yous; cut off right after Gmail made the second one.
    const before = gmail(sim).drafts().length;
    sim.cutOff('Gmail.Users.Drafts.create', 4, 'after');
    expect(() => sim.run('draftNewsletterNow')).toThrow(/Exceeded maximum execution time/);
    expect(gmail(sim).drafts().length - before).toBe(4);
    // The cut-off run's claim on the issue runs out (an execution lasts at most six minutes).
    sim.clock.advance(8 * 60_000);
    sim.run('draftNewsletterNow');
    expect(thankYous(sim).map((d) => d.to.join(','))).toEqual([
      'a1@school.example',
      'a2@school.example',
      'a3@school.example',
    ]);
    expect(families(sim)[0].State).toBe('Done');

    const result = call(sim, 'settingsCancelIssue', String(families(sim)[0].Key), false).result;
    expect(result.message).toContain('Its 3 thank-you drafts were deleted.');
    expect(thankYous(sim)).toHaveLength(0);
  });

  test('with the opt-in off, no thank-you is drafted', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput());
    addWins(sim, [win({ email: 'a1@school.example' })]);
    sim.run('draftNewsletterNow');
    expect(families(sim)).toHaveLength(1);
    expect(thankYous(sim)).toHaveLength(0);
  });
});

describe("the leaders' weekly digest", () => {
  test('drafted by the clock once a week, to the leaders, with the wins waiting, the oldest one and how many need info', () => {
    const sim = loadNewsletterAddOn();
    expect(
      saveSettings(
        sim,
        settingsInput({
          cadence: { kind: 'off', weekday: 5, monthDay: 1, hour: 7 },
          closingLoop: {
            thankSubmitters: false,
            leaderDigest: true,
            leaders: 'head@school.example, deputy@school.example',
          },
        }),
      ).ok,
    ).toBe(true);
    addWins(sim, [
      win({ status: 'New', submittedAt: '2026-11-02T09:00:00.000Z' }),
      win({ status: 'New', submittedAt: '2026-11-20T09:00:00.000Z' }),
      win({ status: 'New', submittedAt: '2026-11-22T09:00:00.000Z' }),
      win({ status: 'Needs info' }),
      win({ status: 'Needs info' }),
      win({ status: 'Approved' }),
    ]);
    const digests = () =>
      gmail(sim)
        .drafts()
        .filter((d) => /Small Wins: the week of/.test(d.subject));
    // Monday 23 November, 14:00 UTC: the first tick drafts this week's digest, the other ticks of the week do not.
    sim.advanceTo('2026-11-29T23:00:00Z');
    expect(digests()).toHaveLength(1);
    const [first] = digests();
    expect(first.to).toEqual(['head@school.example', 'deputy@school.example']);
    expect(first.subject).toBe('Riverside Primary Small Wins: the week of 23 November 2026');
    expect(first.text).toContain('3 new wins are waiting for triage; the oldest came in 21 days ago.');
    expect(first.text).toContain('2 wins need more information from the person who shared it.');
    // Two more weeks: one digest each.
    sim.advanceTo('2026-12-08T12:00:00Z');
    expect(digests().map((d) => d.subject)).toEqual([
      'Riverside Primary Small Wins: the week of 23 November 2026',
      'Riverside Primary Small Wins: the week of 30 November 2026',
      'Riverside Primary Small Wins: the week of 7 December 2026',
    ]);
  });
});
