// Trust, through the BUILT bundle (issue 10): one decoded win and one set of consent and privacy rules that every
// consumer agrees on, checked again at the moment of sharing; consent as a record; credit lines; endpoints that
// check what they receive.
import { call, failure } from '../../dev/endpoints';
import type { OpenResult, SaveResult, WinView } from '../../src/api';
import type { RecentIssue } from '../../src/settings-api';
import { WIN_COLUMNS, WinField } from '../../src/domain/schema';
import { readConsent } from '../../src/domain/win';
import { rawMessage } from '../../src/domain/mime';
import { consentChoices } from '../../src/domain/win-rules';
import { AUDIENCES, BASE, TABLE } from '../helpers/win-table';
import { ANSWERS, byTitle, onlyFormId } from '../helpers/addon';
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

type Audience = 'Staff' | 'Families' | 'Public';

const ON = (recipients: string) => ({ enabled: true, recipients });
const OFF = { enabled: false, recipients: '' };

function lastDialog(sim: Sim): string {
  return sim.ui.dialogs[sim.ui.dialogs.length - 1]?.html ?? '';
}

function column(sim: Sim, field: WinField): number {
  return sim.spreadsheet.sheet('Wins')!.columnOf(WIN_COLUMNS[field]);
}

function rowOf(sim: Sim, id: string): number {
  const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
  return values.findIndex((r) => r[values[0].indexOf('ID')] === id) + 1;
}

/** A cell as stored. */
function cell(sim: Sim, id: string, field: WinField): unknown {
  return sim.spreadsheet.sheet('Wins')!.cell(rowOf(sim, id), column(sim, field))?.v ?? '';
}

/** A leader types into a Wins cell by hand (typed-input parsing: "TRUE" becomes a checkbox value, and so on). */
function type(sim: Sim, id: string, field: WinField, value: unknown): void {
  sim.spreadsheet.sheet('Wins')!.setCell(rowOf(sim, id), column(sim, field), value);
}

function view(sim: Sim, id: string): WinView {
  const found = call(sim, 'triageWin', { id, row: rowOf(sim, id) });
  if (!found) throw new Error(`${id} is not in the log`);
  return found;
}

function save(sim: Sim, id: string, change: Record<string, unknown>): SaveResult {
  const w = view(sim, id);
  return call(sim, 'triageSave', { id, row: w.row, version: w.version, change });
}

function saved(r: SaveResult): Extract<SaveResult, { saved: unknown }> {
  if (!('saved' in r)) throw new Error(`expected a save, got ${JSON.stringify(r)}`);
  return r;
}

/** Every win the sidebar lists for a query, over all its pages. */
function listed(sim: Sim, query: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (let page = 0; ; page++) {
    const r: OpenResult = call(sim, 'triageOpen', { status: 'All', page, ...query });
    ids.push(...r.wins.map((w) => w.id));
    if ((page + 1) * r.pageSize >= r.total) return ids;
  }
}

function issueOf(sim: Sim, audience: Audience) {
  return issueRows(sim).find((r) => r.Audience === audience);
}

function idsOf(sim: Sim, audience: Audience): string[] {
  const ids = String(issueOf(sim, audience)?.['Win IDs'] ?? '');
  return ids ? ids.split(', ') : [];
}

function draftFor(sim: Sim, address: string) {
  const found = gmail(sim)
    .drafts()
    .filter((d) => d.to.includes(address) || d.bcc.includes(address));
  expect(found).toHaveLength(1);
  return found[0];
}

function recentIssues(sim: Sim): RecentIssue[] {
  return call(sim, 'settingsOpen').recentIssues;
}

/**
 * Runs `work` in another execution the `nth` time a metered call matching `at` is made during whatever runs next,
 * as a second leader would act while a newsletter run is under way.
 */
function meanwhile(sim: Sim, at: RegExp, nth: number, work: () => void): void {
  const meter = sim.core.meter;
  const original = meter.call.bind(meter);
  let seen = 0;
  let inside = false;
  meter.call = <T>(key: string, ms: number, fn: () => T): T => {
    if (!inside && at.test(key) && ++seen === nth) {
      inside = true;
      const held = [...sim.core.exec.locks];
      for (const k of held) sim.core.foreignLocks.set(k, Infinity);
      try {
        work();
      } finally {
        for (const k of held) sim.core.foreignLocks.delete(k);
        inside = false;
      }
    }
    return original(key, ms, fn);
  };
}

/** Runs `work` as another leader (a second account with the sidebar open). */
function as<T>(sim: Sim, user: string, work: () => T): T {
  const before = sim.core.defaultUser;
  sim.core.defaultUser = user;
  try {
    return work();
  } finally {
    sim.core.defaultUser = before;
  }
}

describe('every consumer agrees with the unit table', () => {
  test('hand-edited rows: the sidebar view, its audience filter, the newsletter and the Shared in marks', () => {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    const ids = TABLE.map((_, i) => `W-${7001 + i}`);
    const headline = (i: number) => `Hand-edited row ${String(i + 1).padStart(2, '0')}`;
    addWins(
      sim,
      TABLE.map((_, i) => ({ ...(BASE as Record<WinField, string>), id: ids[i], headline: headline(i) })),
    );
    // Each row's cells typed by hand, as a person would in the sheet.
    TABLE.forEach(([, edit], i) => {
      for (const [field, value] of Object.entries(edit)) type(sim, ids[i], field as WinField, value);
    });

    // The sidebar's view of each win.
    TABLE.forEach(([name, , expected], i) => {
      const v = view(sim, ids[i]);
      const widest = consentChoices({ consentGiven: readConsent(v.consentGiven) })
        .filter((c) => c.allowed)
        .pop()?.value;
      expect({
        name,
        names: v.namesStudents,
        cleared: v.privacyCleared,
        consent: v.effectiveConsent,
        warning: v.warnings.some((w) => w.code === 'privacy'),
        widest,
        record: v.needsConsentRecord,
      }).toEqual({
        name,
        names: expected.names,
        cleared: expected.cleared,
        consent: expected.consent,
        warning: expected.warning,
        widest: expected.widest,
        record: expected.record,
      });
    });
    // The sidebar's audience filter asks whether consent allows the audience (privacy aside).
    AUDIENCES.forEach((a, k) => {
      const want = ids.filter((_, i) => TABLE[i][2].allows[k]);
      expect(
        listed(sim, { audience: a })
          .filter((id) => ids.includes(id))
          .sort(),
      ).toEqual(want);
    });

    // The newsletter: each audience's issue carries exactly the eligible rows, and its draft only their headlines.
    sim.run('draftNewsletterNow');
    const address: Record<Audience, string> = {
      Staff: 'staff@school.example',
      Families: 'pta@school.example',
      Public: 'district@district.example',
    };
    AUDIENCES.forEach((a, k) => {
      const want = ids.filter((_, i) => TABLE[i][2].eligible[k]);
      expect({ audience: a, ids: idsOf(sim, a).sort() }).toEqual({ audience: a, ids: want });
      const text = draftFor(sim, address[a]).text;
      TABLE.forEach(([name, , expected], i) =>
        expect({ audience: a, name, inDraft: text.includes(headline(i)) }).toEqual({
          audience: a,
          name,
          inDraft: expected.eligible[k],
        }),
      );
    });
    // Shared in: marked for exactly the audiences each row went out to.
    const marks = sharedIn(sim);
    TABLE.forEach(([name, edit, expected], i) => {
      const had = String(edit.sharedIn ?? '');
      AUDIENCES.forEach((a, k) => {
        const tag = `${a} #`;
        const now = marks[ids[i]].split(', ').filter((t) => t.startsWith(tag) && !had.includes(t));
        expect({ name, audience: a, marked: now.length === 1 }).toEqual({
          name,
          audience: a,
          marked: expected.eligible[k],
        });
      });
    });
  });
});

describe('checked again at the moment of sharing', () => {
  test('a second leader narrowing and archiving wins during a scheduled run: left out, and the leader told where they look', () => {
    const sim = loadNewsletterAddOn(); // Monday 23 November 2026; the issue is due Friday 07:00 New York
    expect(
      saveSettings(
        sim,
        settingsInput({
          audiences: { Staff: ON('staff@school.example'), Families: ON('pta@school.example'), Public: OFF },
        }),
      ).ok,
    ).toBe(true);
    addWins(sim, [
      win({ id: 'W-7101', headline: 'Kept all along', consent: 'School community' }),
      win({ id: 'W-7102', headline: 'Narrowed by a colleague', consent: 'School community' }),
      win({ id: 'W-7103', headline: 'Archived by a colleague', consent: 'School community' }),
    ]);
    const saves: SaveResult[] = [];
    // While the Staff Doc is being written, a colleague archives W-7103 ...
    meanwhile(sim, /^Docs\.Documents\.batchUpdate$/, 1, () =>
      as(sim, 'coach@school.example', () => saves.push(save(sim, 'W-7103', { status: 'Archived' }))),
    );
    // ... and narrows W-7102 to staff once the Families Doc is being made (after its wins were checked).
    meanwhile(sim, /^Docs\.Documents\.create$/, 2, () =>
      as(sim, 'coach@school.example', () => saves.push(save(sim, 'W-7102', { consent: 'Staff only' }))),
    );
    sim.advanceTo('2026-11-27T12:30:00Z');
    expect(saves.map((r) => Object.keys(r)[0])).toEqual(['saved', 'saved']);
    expect(sim.errors).toEqual([]);

    // Staff: its Doc was being written when W-7103 was archived; its draft leaves W-7103 out.
    expect(idsOf(sim, 'Staff')).toEqual(['W-7101', 'W-7102']);
    const staffDraft = draftFor(sim, 'staff@school.example');
    expect(staffDraft.text).not.toContain('Archived by a colleague');
    expect(staffDraft.text).toContain('Narrowed by a colleague');
    // Families: W-7103 left out of the Doc and the draft; W-7102 left out of the draft (its Doc was made already).
    expect(idsOf(sim, 'Families')).toEqual(['W-7101']);
    const familiesDraft = draftFor(sim, 'pta@school.example');
    expect(familiesDraft.text).toContain('Kept all along');
    expect(familiesDraft.text).not.toMatch(/Narrowed by a colleague|Archived by a colleague/);
    const familiesDoc = docs(sim).text(String(issueOf(sim, 'Families')!['Doc ID']));
    expect(familiesDoc).not.toContain('Archived by a colleague');
    expect(familiesDoc).toContain('Narrowed by a colleague');
    expect(sharedIn(sim)).toMatchObject({ 'W-7101': 'Staff #1, Families #1', 'W-7102': 'Staff #1', 'W-7103': '' });

    // Nobody watches a scheduled run: the notes are on the issues in the Newsletters sheet and in Settings.
    const note = String(issueOf(sim, 'Families')!['Needs attention']);
    expect(note).toMatch(
      /Left out because it no longer qualified when the Doc was written: W-7103 "Archived by a colleague" \(it is no longer approved \(Archived\)\)\./,
    );
    expect(note).toMatch(
      /Left out of the draft because it no longer qualified when the draft was written: W-7102 "Narrowed by a colleague" \(its consent \(Staff only\) does not reach Families\)\. The Doc still has it: take it out of the Doc before sharing it\./,
    );
    expect(String(issueOf(sim, 'Staff')!['Needs attention'])).toMatch(/Left out of the draft .*W-7103/);
    const recent = recentIssues(sim);
    expect(recent.find((i) => i.label === 'Families #1')?.attention).toBe(note);
    expect(recent.find((i) => i.label === 'Staff #1')?.attention).toMatch(/W-7103/);
  });

  test('a Gmail failure, then a narrowing, then the rerun: the draft leaves the win out and the result says why', () => {
    const sim = loadNewsletterAddOn();
    expect(
      saveSettings(sim, settingsInput({ audiences: { Staff: OFF, Families: ON('pta@school.example'), Public: OFF } }))
        .ok,
    ).toBe(true);
    addWins(sim, [
      win({ id: 'W-7201', headline: 'Still fine', consent: 'School community' }),
      win({ id: 'W-7202', headline: 'Narrowed after the failure', consent: 'School community' }),
    ]);
    gmail(sim).failNext('Gmail.*', 100);
    sim.run('draftNewsletterNow');
    expect(issueOf(sim, 'Families')!.State).toBe('Doc made');
    expect(lastDialog(sim)).toMatch(/Gmail draft could not be made/);
    // Between the failed run and its rerun, the submitter asks for staff only.
    expect('saved' in save(sim, 'W-7202', { consent: 'Staff only' })).toBe(true);
    gmail(sim).failNext('Gmail.*', 0);
    sim.clock.advance(60_000);
    sim.run('draftNewsletterNow');

    expect(issueOf(sim, 'Families')!.State).toBe('Done');
    expect(idsOf(sim, 'Families')).toEqual(['W-7201']);
    const draft = draftFor(sim, 'pta@school.example');
    expect(draft.text).toContain('Still fine');
    expect(draft.text).not.toContain('Narrowed after the failure');
    expect(sharedIn(sim)).toMatchObject({ 'W-7201': 'Families #1', 'W-7202': '' });
    expect(lastDialog(sim)).toMatch(
      /Families #1: 1 win[^<]*Left out of the draft and the Doc [^<]*W-7202 &quot;Narrowed after the failure&quot; \(its consent \(Staff only\) does not reach Families\)\. Every draft of the issue and its Doc were written without it/,
    );
    // The Doc the failed run made was rebuilt by the rerun without it.
    const doc = docs(sim).text(String(issueOf(sim, 'Families')!['Doc ID']));
    expect(doc).toContain('Still fine');
    expect(doc).not.toContain('Narrowed after the failure');
    expect(String(issueOf(sim, 'Families')!['Needs attention'])).toMatch(/W-7202 "Narrowed after the failure"/);
  });

  test('a run cut off after making the draft, then a narrowing: the rerun reuses that draft, rebuilt without the win', () => {
    const sim = loadNewsletterAddOn();
    expect(
      saveSettings(sim, settingsInput({ audiences: { Staff: OFF, Families: ON('pta@school.example'), Public: OFF } }))
        .ok,
    ).toBe(true);
    addWins(sim, [
      win({ id: 'W-7251', headline: 'Still fine', consent: 'School community' }),
      win({ id: 'W-7252', headline: 'Narrowed before the rerun', consent: 'School community' }),
    ]);
    // The draft is made, then the execution dies before its ID is recorded.
    const meter = sim.core.meter;
    const original = meter.call.bind(meter);
    let dead = false;
    meter.call = <T>(key: string, ms: number, fn: () => T): T => {
      if (dead) throw new Error('Exceeded maximum execution time');
      const out = original(key, ms, fn);
      if (key === 'Gmail.Users.Drafts.create') dead = true;
      return out;
    };
    expect(() => sim.run('draftNewsletterNow')).toThrow(/Exceeded maximum execution time/);
    meter.call = original;
    const orphan = gmail(sim).drafts()[0];
    expect(orphan.text).toContain('Narrowed before the rerun');
    expect('saved' in save(sim, 'W-7252', { consent: 'Staff only' })).toBe(true);

    sim.clock.advance(8 * 60_000);
    sim.run('draftNewsletterNow');
    expect(issueOf(sim, 'Families')!.State).toBe('Done');
    expect(String(issueOf(sim, 'Families')!['Draft ID'])).toBe(orphan.id);
    expect(
      gmail(sim)
        .drafts()
        .map((d) => d.id),
    ).toEqual([orphan.id]);
    const draft = gmail(sim).get(orphan.id)!;
    expect(draft.text).toContain('Still fine');
    expect(draft.text).not.toContain('Narrowed before the rerun');
    expect(draft.headers['x-small-wins-issue']).toBe(orphan.headers['x-small-wins-issue']);
    expect(sharedIn(sim)).toMatchObject({ 'W-7251': 'Families #1', 'W-7252': '' });
    expect(String(issueOf(sim, 'Families')!['Needs attention'])).toMatch(/W-7252 "Narrowed before the rerun"/);
  });

  test('a triage save that disqualifies a win in a waiting draft flags the issue and offers to rebuild the draft', () => {
    const sim = loadNewsletterAddOn();
    expect(
      saveSettings(sim, settingsInput({ audiences: { Staff: OFF, Families: ON('pta@school.example'), Public: OFF } }))
        .ok,
    ).toBe(true);
    addWins(sim, [
      win({ id: 'W-7301', headline: 'Stays in the issue', consent: 'School community' }),
      win({ id: 'W-7302', headline: 'Archived after drafting', consent: 'School community' }),
      win({ id: 'W-7303', headline: 'Blurb edited after drafting', consent: 'School community' }),
    ]);
    sim.run('draftNewsletterNow');
    const issue = issueOf(sim, 'Families')!;
    const draftId = String(issue['Draft ID']);
    expect(gmail(sim).get(draftId)?.text).toContain('Archived after drafting');

    // A save that disqualifies nothing (a blurb) offers nothing; archiving one does.
    expect(saved(save(sim, 'W-7303', { blurb: 'A better blurb' })).drafts).toBeUndefined();
    const archived = saved(save(sim, 'W-7302', { status: 'Archived' }));
    expect(archived.drafts).toEqual([
      {
        issue: issue.Key,
        label: 'Families #1',
        canRebuild: true,
        message:
          'W-7302 is in the draft of Families #1, still waiting in your Gmail: rebuild the draft and its Doc without it (this replaces changes made to them by hand), or take it out before sending.',
      },
    ]);
    const flagged =
      'W-7302 "Archived after drafting" changed after the draft was made (it is no longer approved (Archived)) and is still in the Doc and the draft: rebuild the draft or take it out before sending.';
    expect(issueOf(sim, 'Families')!['Needs attention']).toBe(flagged);
    expect(recentIssues(sim)[0].attention).toBe(flagged);

    // Rebuilt: the same draft (Drafts.update), its Doc, the issue's wins and Shared in, all without W-7302.
    const rebuilt = call(sim, 'triageRebuildDraft', { issue: String(issue.Key) });
    expect(rebuilt).toEqual({
      ok: true,
      message:
        'The draft of Families #1 was rebuilt without W-7302 "Archived after drafting" (it is no longer approved (Archived)); it now carries 2 wins. Its Doc was rebuilt too.',
    });
    expect(
      gmail(sim)
        .drafts()
        .map((d) => d.id),
    ).toEqual([draftId]);
    const draft = gmail(sim).get(draftId)!;
    expect(draft.updatedAt).toBeDefined();
    expect(draft.text).not.toContain('Archived after drafting');
    expect(draft.text).toContain('Stays in the issue');
    expect(docs(sim).text(String(issue['Doc ID']))).not.toContain('Archived after drafting');
    expect(idsOf(sim, 'Families')).toEqual(['W-7301', 'W-7303']);
    expect(sharedIn(sim)).toMatchObject({ 'W-7301': 'Families #1', 'W-7302': '', 'W-7303': 'Families #1' });
    expect(String(issueOf(sim, 'Families')!['Needs attention'])).toMatch(
      /^Rebuilt on 2026-11-23 \d\d:\d\d by principal@school\.example without W-7302 "Archived after drafting"/,
    );

    // Once the draft is sent, a disqualifying save checks Gmail (Drafts.get) and has nothing to offer.
    gmail(sim).send(draftId);
    expect(saved(save(sim, 'W-7301', { consent: 'Staff only' })).drafts).toBeUndefined();
    expect(call(sim, 'triageRebuildDraft', { issue: String(issue.Key) }).message).toMatch(
      /no longer in your Gmail drafts: it may have been sent/,
    );
  });

  test("a draft in another leader's Gmail is flagged, and only they can rebuild it", () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput({ audiences: { Staff: ON('staff@school.example'), Families: OFF, Public: OFF } }));
    addWins(sim, [win({ id: 'W-7401', headline: 'One' }), win({ id: 'W-7402', headline: 'Two' })]);
    sim.run('draftNewsletterNow');
    const r = as(sim, 'coach@school.example', () => saved(save(sim, 'W-7402', { status: 'Needs info' })));
    expect(r.drafts).toEqual([
      expect.objectContaining({
        label: 'Staff #1',
        canRebuild: false,
        message:
          "W-7402 is in the draft of Staff #1, in principal@school.example's Gmail: ask them to rebuild it or take it out before sending.",
      }),
    ]);
    expect(String(issueOf(sim, 'Staff')!['Needs attention'])).toMatch(/W-7402 "Two" changed after the draft was made/);
    const refused = as(sim, 'coach@school.example', () =>
      call(sim, 'triageRebuildDraft', { issue: String(issueOf(sim, 'Staff')!.Key) }),
    );
    expect(refused).toEqual({
      ok: false,
      message: "The draft of Staff #1 is in principal@school.example's Gmail: ask them to rebuild it.",
    });
  });
});

describe("the submitter's consent is a record", () => {
  test('a deleted Consent given column followed by a hand widening never widens anything; Set up restores from the Form', () => {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    // From the Form: the submitter allows the school community.
    sim.submitForm(onlyFormId(sim), byTitle({ ...ANSWERS, headline: 'From the Form', consent: 'School community' }), {
      email: 'ana@school.example',
    });
    // Typed in by hand: no Form response, no Consent given.
    addWins(sim, [win({ id: 'W-0900', headline: 'Typed by hand', consent: 'Public', consentGiven: '' })]);
    expect('saved' in save(sim, 'W-0001', { status: 'Approved' })).toBe(true);
    expect(cell(sim, 'W-0001', 'consentGiven')).toBe('School community');

    // Someone deletes the Consent given column, then widens the Form win's Consent by hand.
    const wins = sim.spreadsheet.sheet('Wins')!;
    wins.deleteColumn(column(sim, 'consentGiven'));
    type(sim, 'W-0001', 'consent', 'Public');
    sim.run('draftNewsletterNow');
    expect(sim.ui.alerts[sim.ui.alerts.length - 1].message).toMatch(
      /no "Consent given" column\. Run Small Wins → Set up to repair it\./,
    );
    expect(gmail(sim).drafts()).toEqual([]);
    expect(failure(sim, 'triageOpen', { status: 'All', page: 0 })).toMatch(/no "Consent given" column/);

    // Set up re-adds the column and restores the record from the Form's own response: not from the response sheet,
    // whose row for it a person has deleted meanwhile.
    const responses = sim.spreadsheet.sheetNames().find((n) => n.startsWith('Form Responses'))!;
    sim.spreadsheet.sheet(responses)!.deleteRow(2);
    sim.run('setUp');
    const setUp = lastDialog(sim);
    expect(setUp).toContain('Added the missing column &quot;Consent given&quot;.');
    expect(setUp).not.toMatch(/Added \d+ response/);
    expect(setUp).toContain('Restored the submitter&#39;s consent on 1 win from its Form response.');
    expect(setUp).toContain(
      '1 win still needs the submitter&#39;s consent (not on record, so it counts as Staff only): open it in Triage wins and use &quot;Record the submitter&#39;s consent&quot;.',
    );
    expect(cell(sim, 'W-0001', 'consentGiven')).toBe('School community');
    expect(cell(sim, 'W-0900', 'consentGiven')).toBe('');

    // The hand widening counts for nothing: the narrower of Consent and Consent given goes out.
    sim.run('draftNewsletterNow');
    expect(idsOf(sim, 'Staff').sort()).toEqual(['W-0001', 'W-0900']);
    expect(idsOf(sim, 'Families')).toEqual(['W-0001']);
    expect(issueOf(sim, 'Public')).toBeUndefined();
    expect(draftFor(sim, 'pta@school.example').text).not.toContain('Typed by hand');

    // The hand-typed win: no save fills its record in, no consent wider than Staff only can be set ...
    const before = view(sim, 'W-0900');
    expect(before).toMatchObject({ needsConsentRecord: true, consentGiven: '', effectiveConsent: 'Staff only' });
    expect(consentChoices({ consentGiven: readConsent(before.consentGiven) })).toEqual([
      { value: 'Staff only', allowed: true },
      { value: 'School community', allowed: false },
      { value: 'Public', allowed: false },
    ]);
    expect(before.warnings.map((w) => w.code)).toContain('consent-missing');
    expect(saved(save(sim, 'W-0900', { featured: true })).saved.consentGiven).toBe('');
    expect(cell(sim, 'W-0900', 'consentGiven')).toBe('');
    expect(save(sim, 'W-0900', { consent: 'Public' })).toEqual({
      refused:
        "The submitter's consent is not on record, so the win counts as Staff only: record the submitter's consent before setting Public.",
    });
    const group = call(sim, 'triageSaveMany', {
      wins: [{ id: 'W-0900', row: rowOf(sim, 'W-0900'), version: view(sim, 'W-0900').version }],
      change: { consent: 'Public' },
    });
    expect('refused' in group.results[0].result).toBe(true);

    // ... until a leader records what the submitter allowed, logged with who and when.
    const recorded = saved(save(sim, 'W-0900', { recordConsent: 'Public' }));
    expect(recorded.saved).toMatchObject({
      consentGiven: 'Public',
      effectiveConsent: 'Public',
      needsConsentRecord: false,
      consentRecordedBy: 'principal@school.example',
      consentRecordedAt: '2026-11-23T14:00:00.000Z',
    });
    expect(recorded.previous).toEqual({ recordConsent: null });
    expect(cell(sim, 'W-0900', 'consentRecordedBy')).toBe('principal@school.example');
    expect(sim.logs.some((l) => /W-0900: the submitter's consent was recorded as Public by principal@/.test(l))).toBe(
      true,
    );
    // A record is never recorded over, by hand or from the Form.
    expect(save(sim, 'W-0900', { recordConsent: 'Staff only' })).toEqual({
      refused: "The submitter's consent is already on record (Public): it is never recorded again.",
    });
    expect('refused' in save(sim, 'W-0001', { recordConsent: 'Public' })).toBe(true);
    expect('refused' in save(sim, 'W-0001', { recordConsent: null })).toBe(true);
  });

  test('no other path widens it either: a hand widening, a goal rename, a group action, cancel and redraft', () => {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    sim.submitForm(onlyFormId(sim), byTitle({ ...ANSWERS, headline: 'Reading buddies', consent: 'School community' }));
    expect('saved' in save(sim, 'W-0001', { status: 'Approved' })).toBe(true);
    type(sim, 'W-0001', 'consent', 'Public');
    expect(view(sim, 'W-0001').warnings.map((w) => w.code)).toContain('consent-wider');
    // A goal renamed in the Goals sheet retags the win at Set up; its consent stays as it was.
    sim.spreadsheet.sheet('Goals')!.setCell(2, 1, 'Readers everywhere');
    sim.run('setUp');
    expect(cell(sim, 'W-0001', 'goals')).toBe('Readers everywhere');
    expect(cell(sim, 'W-0001', 'consentGiven')).toBe('School community');
    // A group action cannot widen it past the submitter's consent.
    const group = call(sim, 'triageSaveMany', {
      wins: [{ id: 'W-0001', row: rowOf(sim, 'W-0001'), version: view(sim, 'W-0001').version }],
      change: { consent: 'Public' },
    });
    expect(group.results[0].result).toEqual({
      refused:
        'Consent can be narrowed but not widened: the submitter allowed School community, so Public cannot be set.',
    });
    sim.run('draftNewsletterNow');
    expect(idsOf(sim, 'Families')).toEqual(['W-0001']);
    expect(issueOf(sim, 'Public')).toBeUndefined();
    // Cancelled and drafted again: the same rules, the same answer.
    expect(call(sim, 'settingsCancelIssue', String(issueOf(sim, 'Families')!.Key), true).result.ok).toBe(true);
    sim.clock.advance(60_000);
    sim.run('draftNewsletterNow');
    expect(issueRows(sim).filter((r) => r.Audience === 'Public')).toEqual([]);
    expect(issueRows(sim).filter((r) => r.Audience === 'Families' && r.State === 'Done')).toHaveLength(1);
    expect(sharedIn(sim)['W-0001']).toBe('Staff #1, Families #2');
  });

  test('a consent choice renamed in the Form is read as Staff only, never guessed wider', () => {
    const sim = loadNewsletterAddOn();
    const form = sim.forms.get(onlyFormId(sim))!;
    const item = form.items.find((i) => i.title === 'Who may read it?')!;
    item.choices = ['Staff only', 'Public community', 'Public'];
    sim.submitForm(form.id, byTitle({ ...ANSWERS, consent: 'Public community' }));
    expect(cell(sim, 'W-0001', 'consent')).toBe('Staff only');
    expect(cell(sim, 'W-0001', 'consentGiven')).toBe('Staff only');
  });
});

describe('privacy, read the safe way', () => {
  test('a blank Names students on a hand-typed approved win counts as naming students', () => {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    addWins(sim, [
      win({
        id: 'W-0950',
        headline: 'Typed in, names nobody?',
        consent: 'Public',
        namesStudents: '',
        privacyCleared: '',
      }),
    ]);
    const v = view(sim, 'W-0950');
    expect(v.namesStudents).toBe(true);
    expect(v.privacyCleared).toBe(false);
    expect(v.warnings.map((w) => w.code)).toContain('privacy');
    expect(listed(sim, { audience: 'Public' })).toContain('W-0950');
    sim.run('draftNewsletterNow');
    expect(idsOf(sim, 'Staff')).toEqual(['W-0950']);
    expect(issueOf(sim, 'Families')).toBeUndefined();
    expect(issueOf(sim, 'Public')).toBeUndefined();
    // A leader clears privacy in the sidebar: the next issues carry it to families and the public.
    expect(saved(save(sim, 'W-0950', { privacyCleared: true })).saved.warnings.map((w) => w.code)).not.toContain(
      'privacy',
    );
    sim.clock.advance(60_000);
    sim.run('draftNewsletterNow');
    expect(sharedIn(sim)['W-0950']).toBe('Staff #1, Families #1, Public #1');
  });
});

describe('credit lines are text too', () => {
  test('a student submitter credited in a Public issue is "a student" until privacy is cleared', () => {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    const formId = onlyFormId(sim);
    sim.submitForm(
      formId,
      byTitle({
        ...ANSWERS,
        name: 'Sam Lee',
        role: 'Student',
        headline: 'Our robot',
        consent: 'Public',
        namesStudents: 'No',
      }),
      { email: 'sam@school.example' },
    );
    sim.submitForm(
      formId,
      byTitle({
        ...ANSWERS,
        name: 'Rosa Díaz',
        role: 'Family member',
        headline: 'Reading at home',
        consent: 'Public',
        namesStudents: 'No',
      }),
      { email: 'rosa@home.example' },
    );
    for (const id of ['W-0001', 'W-0002']) expect('saved' in save(sim, id, { status: 'Approved' })).toBe(true);
    sim.run('draftNewsletterNow');
    for (const address of ['district@district.example', 'pta@school.example']) {
      const d = draftFor(sim, address);
      expect(d.text).toContain('Shared by a student');
      expect(d.text).toContain('Shared by a family');
      expect(d.text + d.html).not.toMatch(/Sam Lee|Rosa Díaz/);
    }
    const publicDoc = docs(sim).text(String(issueOf(sim, 'Public')!['Doc ID']));
    expect(publicDoc).toContain('Shared by a student');
    expect(publicDoc).not.toContain('Sam Lee');
    expect(draftFor(sim, 'staff@school.example').text).toContain('Shared by Sam Lee, Student');

    // Privacy cleared by a leader: cancelled and drafted again, the Public issue may name the student.
    expect('saved' in save(sim, 'W-0001', { privacyCleared: true })).toBe(true);
    const cancelled = call(sim, 'settingsCancelIssue', String(issueOf(sim, 'Public')!.Key), true);
    expect(cancelled.result.ok).toBe(true);
    sim.clock.advance(60_000);
    sim.run('draftNewsletterNow');
    const again = gmail(sim)
      .drafts()
      .filter((d) => d.bcc.includes('district@district.example'));
    expect(again).toHaveLength(1);
    expect(again[0].text).toContain('Shared by Sam Lee, Student');
    expect(again[0].text).toContain('Shared by a family');
  });
});

/** Families only, to the PTA list; a teacher's win and a student's own win with privacy cleared (she may be named). */
function studentCreditSchool(ids: [string, string]): Sim {
  const sim = loadNewsletterAddOn();
  expect(
    saveSettings(sim, settingsInput({ audiences: { Staff: OFF, Families: ON('pta@school.example'), Public: OFF } })).ok,
  ).toBe(true);
  addWins(sim, [
    win({ id: ids[0], headline: 'Teacher win', consent: 'School community' }),
    win({
      id: ids[1],
      headline: 'Our class garden',
      consent: 'School community',
      name: 'Zoe Pupil',
      role: 'Student',
      namesStudents: 'No',
      privacyCleared: 'Yes',
    }),
  ]);
  return sim;
}

describe('a credit line that changes reaches every waiting draft', () => {
  test('privacy un-ticked between a cut-off run and its rerun: the found draft and the Doc now say "a student"', () => {
    const sim = studentCreditSchool(['W-8101', 'W-8102']);
    // The draft is made, then the run dies before recording it.
    sim.cutOff('Gmail.Users.Drafts.create', 1, 'after');
    expect(() => sim.run('draftNewsletterNow')).toThrow();
    const orphan = draftFor(sim, 'pta@school.example');
    expect(orphan.text).toContain('Shared by Zoe Pupil, Student');
    expect(docs(sim).text(String(issueOf(sim, 'Families')!['Doc ID']))).toContain('Zoe Pupil');
    expect('saved' in save(sim, 'W-8102', { privacyCleared: false })).toBe(true);
    sim.clock.advance(8 * 60_000);
    sim.run('draftNewsletterNow');
    expect(issueOf(sim, 'Families')!.State).toBe('Done');
    const draft = draftFor(sim, 'pta@school.example');
    expect(draft.id).toBe(orphan.id);
    expect(String(issueOf(sim, 'Families')!['Draft ID'])).toBe(orphan.id);
    expect(draft.text + draft.html).not.toContain('Zoe Pupil');
    expect(draft.text).toContain('Shared by a student');
    const doc = docs(sim).text(String(issueOf(sim, 'Families')!['Doc ID']));
    expect(doc).not.toContain('Zoe Pupil');
    expect(doc).toContain('Shared by a student');
    expect(docs(sim).list()).toHaveLength(1);
  });

  test('privacy un-ticked in the sidebar on a student\'s win in a waiting Families draft: flagged, and the rebuild says "a student"', () => {
    const sim = studentCreditSchool(['W-8201', 'W-8202']);
    sim.run('draftNewsletterNow');
    const draft = draftFor(sim, 'pta@school.example');
    expect(draft.text).toContain('Shared by Zoe Pupil, Student');
    const r = save(sim, 'W-8202', { privacyCleared: false });
    expect('drafts' in r ? r.drafts : []).toHaveLength(1);
    expect(String(issueOf(sim, 'Families')!['Needs attention'])).toMatch(/W-8202 "Our class garden".*credit/);
    const rebuilt = call(sim, 'triageRebuildDraft', { issue: String(issueOf(sim, 'Families')!.Key) });
    expect(rebuilt.ok).toBe(true);
    expect(rebuilt.message).not.toMatch(/still qualifies/);
    const after = gmail(sim).get(draft.id)!;
    expect(after.text + after.html).not.toContain('Zoe Pupil');
    expect(after.text).toContain('Shared by a student');
    expect(after.text).toContain('Our class garden');
    const doc = docs(sim).text(String(issueOf(sim, 'Families')!['Doc ID']));
    expect(doc).not.toContain('Zoe Pupil');
    // Both wins still go out: nothing was left out, nothing untagged.
    expect(idsOf(sim, 'Families')).toEqual(['W-8201', 'W-8202']);
    expect(sharedIn(sim)).toMatchObject({ 'W-8201': 'Families #1', 'W-8202': 'Families #1' });
    // Once rebuilt, a second rebuild has nothing to do.
    const again = call(sim, 'triageRebuildDraft', { issue: String(issueOf(sim, 'Families')!.Key) });
    expect(again.message).toMatch(/still qualifies/);
  });

  test('a save that changes no credit and no eligibility flags nothing', () => {
    const sim = studentCreditSchool(['W-8211', 'W-8212']);
    sim.run('draftNewsletterNow');
    const r = save(sim, 'W-8212', { blurb: 'A shorter blurb.' });
    expect('drafts' in r).toBe(false);
    expect(String(issueOf(sim, 'Families')!['Needs attention'] ?? '')).toBe('');
  });
});

describe('cancelling an issue whose draft a cut-off run made but never recorded', () => {
  test('the unrecorded draft is found by its identity and deleted', () => {
    const sim = loadNewsletterAddOn();
    expect(
      saveSettings(sim, settingsInput({ audiences: { Staff: OFF, Families: ON('pta@school.example'), Public: OFF } }))
        .ok,
    ).toBe(true);
    addWins(sim, [
      win({ id: 'W-8801', headline: 'One', consent: 'School community' }),
      win({ id: 'W-8802', headline: 'Later withdrawn', consent: 'School community' }),
    ]);
    // A draft of the leader's own, to the same list.
    sim.api.Gmail.Users.Drafts.create(
      {
        message: {
          raw: rawMessage({
            to: ['pta@school.example'],
            subject: 'A draft of my own',
            html: '<p>Mine</p>',
            text: 'Mine',
          }),
        },
      },
      'me',
    );
    sim.cutOff('Gmail.Users.Drafts.create', 1, 'after');
    expect(() => sim.run('draftNewsletterNow')).toThrow();
    expect(gmail(sim).drafts()).toHaveLength(2);
    expect(String(issueOf(sim, 'Families')!['Draft ID'] ?? '')).toBe('');
    sim.clock.advance(8 * 60_000);
    const r = call(sim, 'settingsCancelIssue', String(issueOf(sim, 'Families')!.Key), false).result;
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/Gmail draft was deleted/);
    // Only the issue's own draft went; the leader's other draft stays.
    expect(
      gmail(sim)
        .drafts()
        .map((d) => d.subject),
    ).toEqual(['A draft of my own']);
    const saved = save(sim, 'W-8802', { consent: 'Staff only' });
    expect('drafts' in saved).toBe(false);
  });
});

describe('endpoints check what they receive', () => {
  const JS = /is not a function|Cannot read|undefined|TypeError|ReferenceError|\[object Object\]/;

  function school(): Sim {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    addWins(sim, [
      win({ id: 'W-0801', status: 'New' }),
      win({ id: 'W-0802', status: 'New' }),
      win({ id: 'W-0803', status: 'New' }),
    ]);
    return sim;
  }

  test('a type or shape error refuses the whole call, in a plain sentence, and saves nothing', () => {
    const sim = school();
    const w = view(sim, 'W-0801');
    const ref = { id: w.id, row: w.row, version: w.version };
    const before = sim.spreadsheet.sheetValues('Wins');
    const refusals = [
      failure(sim, 'triageSave', { ...ref, change: { featured: 'false' } }),
      failure(sim, 'triageSave', { ...ref, change: { status: 'Approved', goals: {} } }),
      failure(sim, 'triageSave', { ...ref, change: { status: 'Approved', widen: true } }),
      failure(sim, 'triageSave', { ...ref, change: [] }),
      failure(sim, 'triageSave', { ...ref, change: { privacyCleared: 1 } }),
      failure(sim, 'triageSave', { ...ref, change: { recordConsent: 'Everyone' } }),
      failure(sim, 'triageSave', null),
      failure(sim, 'triageSaveMany', { wins: {}, change: { status: 'Approved' } }),
      failure(sim, 'triageSaveMany', { wins: [ref, { id: 'W-0802' }], change: { status: 'Approved' } }),
      failure(sim, 'triageOpen', { status: 'Approved', page: '0' }),
      failure(sim, 'triageOpen'),
      failure(sim, 'triageWin', { id: 5, row: 2 }),
      failure(sim, 'triageRebuildDraft', { issue: '' }),
      failure(sim, 'triageSaveMany', { wins: Array.from({ length: 101 }, () => ref), change: {} }),
    ];
    expect(refusals[0]).toBe(
      'Small Wins could not use what the sidebar sent: save.change.featured should be true or false, not the text "false". Nothing was saved. Reload the sidebar and try again.',
    );
    expect(refusals[1]).toMatch(/save\.change\.goals should be a list, not a group of fields\. Nothing was saved\./);
    expect(refusals[2]).toMatch(/save\.change has a field Small Wins does not know: "widen"\. Nothing was saved\./);
    expect(refusals[7]).toMatch(/request\.wins should be a list/);
    expect(refusals[8]).toMatch(/request\.wins\[2\]\.row should be a whole number/);
    expect(refusals[13]).toMatch(/request\.wins should be a list of at most 100, not a list\. Nothing was saved\./);
    for (const r of refusals) {
      expect(r).toMatch(/^Small Wins could not use what the sidebar sent: .+\. Nothing was saved\./);
      expect(r).not.toMatch(JS);
    }
    expect(sim.spreadsheet.sheetValues('Wins')).toEqual(before);
  });

  test('in a group action, a win no longer in the log is reported for that win while the others are saved', () => {
    const sim = school();
    const a = view(sim, 'W-0801');
    const c = view(sim, 'W-0803');
    sim.spreadsheet.sheet('Wins')!.deleteRow(rowOf(sim, 'W-0802'));
    const r = call(sim, 'triageSaveMany', {
      wins: [
        { id: a.id, row: a.row, version: a.version },
        { id: 'W-0802', row: 3, version: a.version },
        { id: c.id, row: c.row, version: c.version },
      ],
      change: { status: 'Approved' },
    });
    expect(r.results.map((x) => [x.id, Object.keys(x.result)[0]])).toEqual([
      ['W-0801', 'saved'],
      ['W-0802', 'conflict'],
      ['W-0803', 'saved'],
    ]);
    expect(JSON.stringify(r.results[1].result)).toMatch(/W-0802 is no longer in the log/);
    expect(cell(sim, 'W-0801', 'status')).toBe('Approved');
    expect(cell(sim, 'W-0803', 'status')).toBe('Approved');
  });

  test('the Settings endpoints check shapes the same way and share the sentences', () => {
    const sim = school();
    const before = call(sim, 'settingsOpen').input;
    const refusals = [
      failure(
        sim,
        'settingsSave',
        { ...settingsInput({ schoolName: 'Changed' }), creditContributors: 'false' },
        { takeOverSchedule: false },
      ),
      failure(
        sim,
        'settingsSave',
        { ...settingsInput({ schoolName: 'Changed' }), audiences: [] },
        { takeOverSchedule: false },
      ),
      failure(
        sim,
        'settingsSave',
        { ...settingsInput({ schoolName: 'Changed' }), colour: 'red' },
        { takeOverSchedule: false },
      ),
      failure(sim, 'settingsSave', settingsInput({ schoolName: 'Changed' }), { takeOverSchedule: 'yes' }),
      failure(sim, 'settingsSave', settingsInput({ schoolName: 'Changed' })),
      failure(sim, 'settingsCancelIssue', 42, false),
      failure(sim, 'settingsCancelIssue', 'Staff 2026-W48', 'true'),
    ];
    expect(refusals[0]).toBe(
      'Small Wins could not use what the Settings dialog sent: settings.creditContributors should be true or false, not the text "false". Nothing was saved. Reload the Settings dialog and try again.',
    );
    expect(refusals[1]).toMatch(/settings\.audiences should be a group of fields, not a list/);
    expect(refusals[2]).toMatch(/settings has a field Small Wins does not know: "colour"/);
    for (const r of refusals) {
      expect(r).toMatch(/^Small Wins could not use what the Settings dialog sent: .+\. Nothing was saved\./);
      expect(r).not.toMatch(JS);
    }
    expect(call(sim, 'settingsOpen').input).toEqual(before);
  });
});
