// The newsletter holds the document lock only for its bookkeeping: the Docs and Gmail calls run without it, so a
// leader's triage save made while an issue is being built goes through, and marking afterwards writes only the
// Shared in of wins that still qualify. Also: a run that finds an issue claimed by a live run leaves it alone.
import type { SaveResult, WinView } from '../../src/api';
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
import { call } from '../../dev/endpoints';

const SLOW = /^(DocumentApp|Docs|Body|Paragraph|Document|Text|ListItem|Table|Gmail)\b/;

function winView(sim: Sim, id: string): WinView {
  const open = call(sim, 'triageOpen', { status: 'All', page: 0 });
  const found = open.wins.find((w) => w.id === id);
  if (!found) throw new Error(`${id} is not in the queue`);
  return found;
}

/**
 * Runs `during` once, in another execution, at the first metered call whose name matches `at`, while the newsletter
 * run is in the middle of it. Whatever locks the run holds at that moment are held against the other execution
 * (the simulator's locks are per execution), so a lock held through the build would make it wait and fail.
 * Records, for every Docs or Gmail call, whether the run held a lock.
 */
function instrument(sim: Sim, at: RegExp, during: () => void): { slowCallsUnderLock: string[]; slowCalls: number } {
  const meter = sim.core.meter;
  const original = meter.call.bind(meter);
  const seen = { slowCallsUnderLock: [] as string[], slowCalls: 0 };
  let fired = false;
  let inside = false;
  meter.call = <T>(key: string, ms: number, fn: () => T): T => {
    if (!inside && SLOW.test(key)) {
      seen.slowCalls++;
      if (sim.core.exec.locks.size > 0) seen.slowCallsUnderLock.push(key);
    }
    if (!inside && !fired && at.test(key)) {
      fired = true;
      inside = true;
      const held = [...sim.core.exec.locks];
      for (const k of held) sim.core.foreignLocks.set(k, Infinity);
      try {
        during();
      } finally {
        for (const k of held) sim.core.foreignLocks.delete(k);
        inside = false;
      }
    }
    return original(key, ms, fn);
  };
  return seen;
}

test('a triage save made while the Doc is being built goes through; marking writes only Shared in of wins that still qualify', () => {
  const sim = loadNewsletterAddOn();
  expect(
    saveSettings(
      sim,
      settingsInput({
        audiences: {
          Staff: { enabled: true, recipients: 'staff@school.example' },
          Families: { enabled: true, recipients: 'families@school.example' },
          Public: { enabled: false, recipients: '' },
        },
      }),
    ).ok,
  ).toBe(true);
  addWins(sim, [
    win({
      id: 'W-0501',
      consent: 'School community',
      consentGiven: 'School community',
      headline: 'Narrowed meanwhile',
    }),
    win({ id: 'W-0502', consent: 'School community', headline: 'Blurb edited meanwhile' }),
    win({ id: 'W-0503', consent: 'School community', status: 'New', headline: 'Approved meanwhile' }),
    win({ id: 'W-0504', consent: 'School community', headline: 'Archived meanwhile' }),
  ]);
  const a = winView(sim, 'W-0501');
  const b = winView(sim, 'W-0502');
  const c = winView(sim, 'W-0503');
  const d = winView(sim, 'W-0504');
  const saves: Array<{ ok: boolean; value?: unknown; error?: string }> = [];
  const seen = instrument(sim, /^Docs\.Documents\.batchUpdate$/, () => {
    // A leader working in the sidebar while the Staff issue's Doc is being built.
    saves.push(
      sim.runSidebar('triageSave', [{ id: a.id, row: a.row, version: a.version, change: { consent: 'Staff only' } }]),
    );
    saves.push(
      sim.runSidebar('triageSave', [
        { id: b.id, row: b.row, version: b.version, change: { blurb: 'A better blurb, written meanwhile.' } },
      ]),
    );
    saves.push(
      sim.runSidebar('triageSave', [{ id: c.id, row: c.row, version: c.version, change: { status: 'Approved' } }]),
    );
    saves.push(
      sim.runSidebar('triageSave', [{ id: d.id, row: d.row, version: d.version, change: { status: 'Archived' } }]),
    );
  });
  sim.run('draftNewsletterNow');

  expect(saves).toHaveLength(4);
  for (const s of saves) {
    expect(s.ok).toBe(true);
    expect('saved' in (s.value as SaveResult)).toBe(true);
  }
  // Per issue: Documents.create, its batch, the Gmail draft — none of them under the lock.
  expect(seen.slowCalls).toBeGreaterThanOrEqual(6);
  expect(seen.slowCallsUnderLock).toEqual([]);

  // Both issues were selected before the saves: W-0503 was not approved then, so it waits for the next issue. Each
  // issue's wins are checked again when its Doc and its draft are written: the Staff Doc was being built when W-0504
  // was archived, so the Staff draft leaves it out (and says the Doc still has it); the Families issue, built after
  // the saves, leaves out W-0501 (narrowed to staff) and W-0504 from its Doc and draft alike.
  const rows = issueRows(sim);
  expect(rows.map((r) => `${r.Audience} #${r.Issue} ${r.State} ${r['Win IDs']}`)).toEqual([
    'Staff #1 Done W-0501, W-0502',
    'Families #1 Done W-0502',
  ]);
  expect(rows.every((r) => r['Drafting run'] === '' && r['Drafting until'] === '')).toBe(true);
  expect(String(rows[0]['Needs attention'])).toMatch(
    /Left out of the draft .*W-0504 "Archived meanwhile" \(it is no longer approved \(Archived\)\)\. The Doc still has it/,
  );
  expect(String(rows[1]['Needs attention'])).toMatch(
    /Left out because they no longer qualified when the Doc was written: W-0501 "Narrowed meanwhile" \(its consent \(Staff only\) does not reach Families\); W-0504 "Archived meanwhile"/,
  );
  const [staffDraft, familiesDraft] = gmail(sim).drafts();
  expect(staffDraft.text).not.toContain('Archived meanwhile');
  expect(staffDraft.text).toContain('Narrowed meanwhile');
  expect(familiesDraft.text).not.toMatch(/Narrowed meanwhile|Archived meanwhile/);
  expect(familiesDraft.text).toContain('Blurb edited meanwhile');
  const familiesDoc = docs(sim).list()[1];
  expect(docs(sim).text(familiesDoc.id)).not.toMatch(/Narrowed meanwhile|Archived meanwhile/);
  // Marked only where the win went out; the triage edits stand (marking writes Shared in only).
  expect(sharedIn(sim)).toEqual({
    'W-0501': 'Staff #1',
    'W-0502': 'Staff #1, Families #1',
    'W-0503': '',
    'W-0504': '',
  });
  const after = winView(sim, 'W-0501');
  expect(after.consent).toBe('Staff only');
  expect(winView(sim, 'W-0502').blurb).toBe('A better blurb, written meanwhile.');
  expect(winView(sim, 'W-0503').status).toBe('Approved');
  expect(winView(sim, 'W-0504').status).toBe('Archived');
  // The leader is told which wins were left out, and why, in the result too.
  const dialog = sim.ui.dialogs[sim.ui.dialogs.length - 1].html;
  expect(dialog).toMatch(/Families #1: 1 win[^<]*W-0501 &quot;Narrowed meanwhile&quot;[^<]*W-0504/);
  expect(dialog).toMatch(/Staff #1: 2 wins[^<]*Left out of the draft[^<]*W-0504/);
  expect(gmail(sim).drafts()).toHaveLength(2);

  // The next run carries W-0503, approved meanwhile, and nothing else.
  sim.clock.advance(60_000);
  sim.run('draftNewsletterNow');
  expect(
    issueRows(sim)
      .slice(2)
      .map((r) => `${r.Audience} #${r.Issue} ${r['Win IDs']}`),
  ).toEqual(['Staff #2 W-0503', 'Families #2 W-0503']);
  expect(docs(sim).list()).toHaveLength(4);
});

test('the instrument would catch a lock held through the build (control)', () => {
  const sim = loadNewsletterAddOn();
  saveSettings(sim, settingsInput());
  addWins(sim, [win({ id: 'W-0601', status: 'New' })]);
  const c = winView(sim, 'W-0601');
  // A save while "another process" holds the document lock is refused as busy: the same mechanism the test above relies on.
  sim.holdLock('document', 60_000);
  const r = sim.runSidebar('triageSave', [
    { id: c.id, row: c.row, version: c.version, change: { status: 'Approved' } },
  ]);
  expect(r.ok).toBe(false);
  expect((r as { error: string }).error).toMatch(/busy/i);
});

test('an issue claimed by a live run is left alone by a second run and cannot be cancelled until it is done', () => {
  const sim = loadNewsletterAddOn();
  saveSettings(
    sim,
    settingsInput({
      audiences: {
        Staff: { enabled: true, recipients: 'staff@school.example' },
        Families: { enabled: false, recipients: '' },
        Public: { enabled: false, recipients: '' },
      },
    }),
  );
  addWins(sim, [win({ id: 'W-0701' }), win({ id: 'W-0702' })]);
  let second = '';
  let cancel: unknown = null;
  // While the first run builds its Doc, the trigger fires again (another execution) and a leader tries to cancel.
  instrument(sim, /^Docs\.Documents\.batchUpdate$/, () => {
    sim.clock.advance(60_000);
    sim.run('draftNewsletterNow');
    second = sim.ui.dialogs[sim.ui.dialogs.length - 1].html;
    cancel = sim.runSidebar('settingsCancelIssue', [issueRows(sim)[0].Key, false]);
  });
  sim.run('draftNewsletterNow');
  expect(second).toMatch(
    /Another run is drafting the newsletter right now.*<b>Staff<\/b>: <b>In progress\.<\/b> Staff #1 is being drafted right now by another run \(principal@school\.example\)/,
  );
  expect((cancel as { value: { result: { ok: boolean; message: string } } }).value.result).toMatchObject({
    ok: false,
    message: expect.stringMatching(/Staff #1 is being drafted right now/),
  });
  expect(issueRows(sim).map((r) => `${r.Audience} #${r.Issue} ${r.State} ${r['Win IDs']}`)).toEqual([
    'Staff #1 Done W-0701, W-0702',
  ]);
  expect(docs(sim).list()).toHaveLength(1);
  expect(gmail(sim).drafts()).toHaveLength(1);
  expect(sharedIn(sim)).toEqual({ 'W-0701': 'Staff #1', 'W-0702': 'Staff #1' });
});

test('a claim left by a run that died expires: the next run after it resumes the issue', () => {
  const sim = loadNewsletterAddOn();
  saveSettings(
    sim,
    settingsInput({
      audiences: {
        Staff: { enabled: true, recipients: 'staff@school.example' },
        Families: { enabled: false, recipients: '' },
        Public: { enabled: false, recipients: '' },
      },
    }),
  );
  addWins(sim, [win({ id: 'W-0801' })]);
  // The execution is killed (time limit) in the middle of the Doc: from then on nothing of it runs.
  sim.cutOff('Docs.Documents.batchUpdate', 1, 'before');
  expect(() => sim.run('draftNewsletterNow')).toThrow(/Exceeded maximum execution time/);
  const [row] = issueRows(sim);
  expect(row.State).toBe('Building');
  expect(row['Drafting run']).not.toBe('');
  // A minute later the claim still holds: a rerun says so and builds nothing.
  sim.clock.advance(60_000);
  sim.run('draftNewsletterNow');
  expect(sim.ui.dialogs[sim.ui.dialogs.length - 1].html).toMatch(/In progress/);
  expect(docs(sim).list()).toHaveLength(1);
  // Past the execution limit the claim has expired: the issue is finished in the same Doc, never duplicated.
  sim.clock.advance(7 * 60_000);
  sim.run('draftNewsletterNow');
  expect(issueRows(sim).map((r) => `${r.Issue} ${r.State}`)).toEqual(['1 Done']);
  expect(docs(sim).list()).toHaveLength(1);
  expect(gmail(sim).drafts()).toHaveLength(1);
  expect(sharedIn(sim)['W-0801']).toBe('Staff #1');
});
