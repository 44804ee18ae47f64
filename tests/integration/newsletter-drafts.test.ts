// Exactly one Gmail draft per issue and audience, whatever Gmail or the execution does; and cancel, then draft again
// (even within the same minute) makes a new issue, and no result calls a cancelled issue drafted.
import { call } from '../../dev/endpoints';
import { rawMessage } from '../../src/domain/mime';
import {
  addWins,
  docs,
  gmail,
  issueRows,
  loadNewsletterAddOn,
  saveSettings,
  settingsInput,
  sharedIn,
  Sim,
  win,
} from './newsletter-fixtures';

function lastDialog(sim: Sim): string {
  return sim.ui.dialogs[sim.ui.dialogs.length - 1]?.html ?? '';
}

function cancel(sim: Sim, key: string): { ok: boolean; message: string } {
  return call(sim, 'settingsCancelIssue', key, false).result;
}

function families(sim: Sim) {
  return issueRows(sim).filter((r) => r.Audience === 'Families');
}

describe('cancel, then draft again', () => {
  test('within the same minute: a new issue with the same wins, one live draft, and the result says so', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput());
    addWins(sim, [win({ id: 'W-0501', consent: 'School community' }), win({ id: 'W-0502', consent: 'Staff only' })]);
    sim.run('draftNewsletterNow');
    const first = families(sim)[0];
    expect(cancel(sim, String(first.Key)).message).toMatch(/^Families #1 is cancelled: 1 win is eligible again/);
    // No clock movement: the same minute as the first run.
    sim.run('draftNewsletterNow');
    const html = lastDialog(sim);
    expect(html).not.toMatch(/Families #1 was drafted/);
    expect(html).toMatch(/Families #2: 1 win/);
    expect(html).toMatch(/Staff #1 was drafted a moment ago/);
    expect(families(sim).map((r) => `#${r.Issue} ${r.State} ${r['Win IDs']}`)).toEqual([
      '#1 Cancelled W-0501',
      '#2 Done W-0501',
    ]);
    expect(new Set(issueRows(sim).map((r) => r.Key)).size).toBe(issueRows(sim).length);
    expect(sharedIn(sim)['W-0501']).toBe('Staff #1, Families #2');
    const live = gmail(sim)
      .drafts()
      .filter((d) => d.bcc.includes('families@school.example'));
    expect(live.map((d) => d.id)).toEqual([String(families(sim)[1]['Draft ID'])]);

    // A double click after that finds the new issue; cancelling it too and drafting again makes a third.
    sim.run('draftNewsletterNow');
    expect(lastDialog(sim)).toMatch(/Families #2 was drafted a moment ago/);
    cancel(sim, String(families(sim)[1].Key));
    sim.run('draftNewsletterNow');
    expect(families(sim).map((r) => `#${r.Issue} ${r.State}`)).toEqual(['#1 Cancelled', '#2 Cancelled', '#3 Done']);
    expect(lastDialog(sim)).toMatch(/Families #3: 1 win/);
    expect(sharedIn(sim)['W-0501']).toBe('Staff #1, Families #3');
    expect(
      docs(sim)
        .list()
        .filter((d) => /^\[Cancelled\]/.test(d.name)),
    ).toHaveLength(2);
  });
});

/** From the first metered call matching `at` (after `after` was seen, when given), the execution is dead. */
function cutOff(sim: Sim, at: RegExp, after?: RegExp): () => void {
  const meter = sim.core.meter;
  const original = meter.call.bind(meter);
  let armed = !after;
  let dead = false;
  meter.call = <T>(key: string, ms: number, fn: () => T): T => {
    if (armed && at.test(key)) dead = true;
    if (dead) throw new Error('Exceeded maximum execution time');
    const out = original(key, ms, fn);
    if (after && after.test(key)) armed = true;
    return out;
  };
  return () => {
    meter.call = original;
  };
}

function gmailCalls(sim: Sim): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(sim.meter.byMethod)) if (k.startsWith('Gmail.')) out[k] = v.calls;
  return out;
}

const STAFF_ONLY = {
  Staff: { enabled: true, recipients: 'staff@school.example' },
  Families: { enabled: false, recipients: '' },
  Public: { enabled: false, recipients: '' },
};

describe('exactly one draft per issue and audience', () => {
  test('Gmail makes the draft, then returns an error: the retry finds it instead of making a second', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput({ audiences: STAFF_ONLY }));
    addWins(sim, [win({ id: 'W-0601' })]);
    gmail(sim).failNext('Gmail.Users.Drafts.create', 1, 'Backend Error', { after: true });
    sim.meter.reset();
    sim.run('draftNewsletterNow');
    const [row] = issueRows(sim);
    expect(row.State).toBe('Done');
    const drafts = gmail(sim).drafts();
    expect(drafts.map((d) => d.id)).toEqual([String(row['Draft ID'])]);
    expect(drafts[0].headers['x-small-wins-issue']).toBe(`${String(row.Key)}; doc=${String(row['Doc ID'])}`);
    // One create, then the lookup: one search and one look at the candidate.
    expect(gmailCalls(sim)).toEqual({
      'Gmail.Users.Drafts.create': 1,
      'Gmail.Users.Drafts.list': 1,
      'Gmail.Users.Drafts.get': 1,
    });
    expect(lastDialog(sim)).toMatch(/Staff #1: 1 win/);
  });

  test('every try fails after Gmail made the draft: still one draft, found each time', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput({ audiences: STAFF_ONLY }));
    addWins(sim, [win({ id: 'W-0602' })]);
    gmail(sim).failNext('Gmail.Users.Drafts.create', 10, 'Backend Error', { after: true });
    sim.run('draftNewsletterNow');
    expect(gmail(sim).drafts()).toHaveLength(1);
    expect(issueRows(sim)[0].State).toBe('Done');
    expect(String(issueRows(sim)[0]['Draft ID'])).toBe(gmail(sim).drafts()[0].id);
  });

  test('a run cut off between making the draft and recording it: the next run reuses that draft', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput());
    addWins(sim, [win({ id: 'W-0603', consent: 'Public' })]);
    // Staff is drafted and recorded; Families' draft is made, then the execution dies before its row is written.
    let creates = 0;
    const meter = sim.core.meter;
    const original = meter.call.bind(meter);
    let dead = false;
    meter.call = <T>(key: string, ms: number, fn: () => T): T => {
      if (dead) throw new Error('Exceeded maximum execution time');
      const out = original(key, ms, fn);
      if (key === 'Gmail.Users.Drafts.create' && ++creates === 2) dead = true;
      return out;
    };
    expect(() => sim.run('draftNewsletterNow')).toThrow(/Exceeded maximum execution time/);
    meter.call = original;
    expect(issueRows(sim).map((r) => `${r.Audience} ${r.State} ${r['Draft ID'] ? 'recorded' : 'none'}`)).toEqual([
      'Staff Done recorded',
      'Families Doc made none',
      'Public Building none',
    ]);
    expect(gmail(sim).drafts()).toHaveLength(2);
    const orphan = gmail(sim).drafts()[1].id;

    // Once the dead run's claim has expired, the next run finishes what it left.
    sim.clock.advance(8 * 60_000);
    sim.meter.reset();
    sim.run('draftNewsletterNow');
    const rows = issueRows(sim);
    expect(rows.map((r) => `${r.Audience} #${r.Issue} ${r.State}`)).toEqual([
      'Staff #1 Done',
      'Families #1 Done',
      'Public #1 Done',
    ]);
    expect(String(rows[1]['Draft ID'])).toBe(orphan);
    expect(gmail(sim).drafts()).toHaveLength(3);
    expect(
      new Set(
        gmail(sim)
          .drafts()
          .map((d) => d.headers['x-small-wins-issue']),
      ).size,
    ).toBe(3);
    // Families: one search and one look (Staff's draft, the same subject, is skipped without a call), then the found
    // draft rewritten from the wins as they are now (a credit or a win may have changed between the runs); Public is
    // new in this run, so nothing is looked for.
    expect(gmailCalls(sim)).toEqual({
      'Gmail.Users.Drafts.list': 1,
      'Gmail.Users.Drafts.get': 1,
      'Gmail.Users.Drafts.update': 1,
      'Gmail.Users.Drafts.create': 1,
    });
    expect(sharedIn(sim)['W-0603']).toBe('Staff #1, Families #1, Public #1');
  });

  test('cut off before the draft was made: the lookup finds nothing and the draft is made once', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput({ audiences: STAFF_ONLY }));
    addWins(sim, [win({ id: 'W-0604' })]);
    const restore = cutOff(sim, /^Gmail\.Users\.Drafts\.create$/);
    expect(() => sim.run('draftNewsletterNow')).toThrow(/Exceeded maximum execution time/);
    restore();
    expect(gmail(sim).drafts()).toHaveLength(0);
    sim.clock.advance(8 * 60_000);
    sim.meter.reset();
    sim.run('draftNewsletterNow');
    expect(gmail(sim).drafts()).toHaveLength(1);
    expect(issueRows(sim)[0].State).toBe('Done');
    expect(gmailCalls(sim)).toEqual({ 'Gmail.Users.Drafts.list': 1, 'Gmail.Users.Drafts.create': 1 });
  });

  test('when the search itself fails, nothing is made twice: the issue waits and the next run finishes it', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput({ audiences: STAFF_ONLY }));
    addWins(sim, [win({ id: 'W-0605' })]);
    gmail(sim).failNext('Gmail.Users.Drafts.create', 1, 'Backend Error', { after: true });
    gmail(sim).failNext('Gmail.Users.Drafts.list', 1, 'Backend Error');
    sim.run('draftNewsletterNow');
    expect(issueRows(sim)[0].State).toBe('Doc made');
    expect(lastDialog(sim)).toMatch(/Not finished/);
    expect(gmail(sim).drafts()).toHaveLength(1);
    sim.clock.advance(60_000);
    sim.run('draftNewsletterNow');
    expect(issueRows(sim)[0].State).toBe('Done');
    expect(gmail(sim).drafts()).toHaveLength(1);
    expect(String(issueRows(sim)[0]['Draft ID'])).toBe(gmail(sim).drafts()[0].id);
  });

  test("a draft with the same subject but another issue's mark (a copy of the log) is not taken for this one", () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput({ audiences: STAFF_ONLY }));
    addWins(sim, [win({ id: 'W-0606' })]);
    const restore = cutOff(sim, /^Gmail\.Users\.Drafts\.create$/);
    expect(() => sim.run('draftNewsletterNow')).toThrow(/Exceeded maximum execution time/);
    restore();
    // Meanwhile the same leader drafted the same subject from a copy of the spreadsheet.
    const [row] = issueRows(sim);
    const subject = 'Riverside Primary Small Wins: 23 November 2026';
    sim.api.Gmail.Users.Drafts.create(
      {
        message: {
          raw: rawMessage({
            subject,
            html: '<p>copy</p>',
            text: 'copy',
            extraHeaders: { 'X-Small-Wins-Issue': `${String(row.Key)}; doc=1SomeOtherDocOfTheCopy` },
          }),
        },
      },
      'me',
    );
    sim.clock.advance(8 * 60_000);
    sim.run('draftNewsletterNow');
    expect(issueRows(sim)[0].State).toBe('Done');
    expect(gmail(sim).drafts()).toHaveLength(2);
    expect(gmail(sim).get(String(issueRows(sim)[0]['Draft ID']))!.headers['x-small-wins-issue']).toMatch(
      new RegExp(`doc=${String(row['Doc ID'])}$`),
    );
  });
});

describe('a result never calls a cancelled issue drafted', () => {
  test('cancelled while a run was drafting it (its claim had run out): the result says cancelled, nothing is marked', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput({ audiences: STAFF_ONLY }));
    addWins(sim, [win({ id: 'W-0701' })]);
    // Between the draft and the marking, the claim runs out and a leader cancels the issue from Settings.
    const meter = sim.core.meter;
    const original = meter.call.bind(meter);
    let drafted = false;
    let cancelled = '';
    meter.call = <T>(key: string, ms: number, fn: () => T): T => {
      if (key === 'Gmail.Users.Drafts.create') drafted = true;
      else if (drafted && !cancelled && key === 'LockService.getDocumentLock') {
        cancelled = 'pending';
        sim.clock.advance(8 * 60_000);
        cancelled = cancel(sim, String(issueRows(sim)[0].Key)).message;
      }
      return original(key, ms, fn);
    };
    sim.run('draftNewsletterNow');
    meter.call = original;
    expect(cancelled).toMatch(/^Staff #1 is cancelled: 0 wins are eligible again/);
    const html = lastDialog(sim);
    expect(html).toMatch(
      /Staff #1 was cancelled while it was being drafted: no win was marked as shared, and a rerun will not finish it\./,
    );
    expect(html).not.toMatch(/Staff #1: 1 win|drafted a moment ago|Run Draft newsletter now again to finish/);
    expect(issueRows(sim)[0].State).toBe('Cancelled');
    expect(sharedIn(sim)['W-0701']).toBe('');
  });
});
