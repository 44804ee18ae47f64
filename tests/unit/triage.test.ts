import {
  changedFields,
  containsEmail,
  containsPhone,
  fingerprint,
  planSave,
  toWinView,
  winWarnings,
  WinFields,
} from '../../src/domain/triage';
import { WIN_FIELDS } from '../../src/domain/schema';
import { winFromResponse } from '../../src/domain/intake';
import { winFromCells } from '../../src/domain/win';
import { effectiveConsent } from '../../src/domain/win-rules';

const ctx = {
  me: 'lead@school.example',
  nowIso: '2026-11-23T15:00:00.000Z',
  activeGoals: ['Reading for all', 'Math confidence'],
};

function win(over: WinFields = {}): WinFields {
  return {
    id: 'W-0007',
    submittedAt: '2026-11-20T10:00:00.000Z',
    status: 'New',
    kind: 'Win',
    headline: 'Reading buddies',
    story: 'Year 2 read to Year 5.',
    goals: '',
    suggestedGoals: 'Reading for all',
    consent: 'School community',
    consentGiven: 'School community',
    namesStudents: 'No',
    privacyCleared: 'No',
    featured: 'No',
    blurb: '',
    ...over,
  };
}

describe('fingerprint', () => {
  test('the same values give the same fingerprint; a hand edit of any field changes it and names the field', () => {
    const a = fingerprint(win());
    expect(fingerprint(win())).toBe(a);
    const b = fingerprint(win({ story: 'Year 2 read to Year 6.' }));
    expect(b).not.toBe(a);
    expect(changedFields(a, b)).toEqual(['story']);
    const c = fingerprint(win({ status: 'Approved', goals: 'Math confidence' }));
    expect(changedFields(a, c).sort()).toEqual(['goals', 'status']);
  });

  test('fingerprints of different shapes count every field as changed', () => {
    expect(changedFields('abc', fingerprint(win()))).toEqual(WIN_FIELDS);
    expect(changedFields('same', 'same')).toEqual([]);
  });
});

describe('consent', () => {
  test('may be narrowed', () => {
    const plan = planSave(win(), { consent: 'Staff only' }, ctx);
    expect(plan).toMatchObject({
      ok: true,
      updates: { consent: 'Staff only' },
      previous: { consent: 'School community' },
    });
  });

  test('is never widened beyond what the submitter allowed, even after narrowing', () => {
    const narrowed = win({ consent: 'Staff only' });
    expect(planSave(narrowed, { consent: 'School community' }, ctx).ok).toBe(true);
    const refused = planSave(narrowed, { consent: 'Public' }, ctx);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]).toMatch(/narrowed but not widened.*School community/);
  });

  test('a blank Consent given is never filled in from Consent: the win counts as Staff only until recorded', () => {
    const old = win({ consentGiven: '', consent: 'Public' });
    expect(effectiveConsent(winFromCells(old))).toBe('Staff only');
    const narrowed = planSave(old, { consent: 'Staff only' }, ctx);
    expect(narrowed).toMatchObject({ ok: true, updates: { consent: 'Staff only' } });
    if (narrowed.ok) expect(narrowed.updates.consentGiven).toBeUndefined();
    const approved = planSave(old, { status: 'Approved' }, ctx);
    if (approved.ok) expect(approved.updates.consentGiven).toBeUndefined();
    const widened = planSave(old, { consent: 'School community' }, ctx);
    expect(widened.ok).toBe(false);
    if (!widened.ok) expect(widened.problems[0]).toMatch(/not on record/);
    expect(winWarnings(old).map((w) => w.code)).toContain('consent-missing');
    expect(toWinView(old, 2)).toMatchObject({
      needsConsentRecord: true,
      consentGiven: '',
      effectiveConsent: 'Staff only',
    });
  });

  test("recording the submitter's consent: only where it is missing, with who and when; undone only by hand", () => {
    const old = win({ consentGiven: '', consent: 'Public' });
    const plan = planSave(old, { recordConsent: 'School community' }, ctx);
    expect(plan).toEqual({
      ok: true,
      changed: true,
      updates: {
        consentGiven: 'School community',
        consentRecordedBy: ctx.me,
        consentRecordedAt: ctx.nowIso,
        triagedBy: ctx.me,
        triagedAt: ctx.nowIso,
        firstTriagedAt: ctx.nowIso,
        updatedAt: ctx.nowIso,
      },
      previous: { recordConsent: null },
    });
    if (!plan.ok) throw new Error('expected ok');
    const recorded = { ...old, ...plan.updates };
    expect(effectiveConsent(winFromCells(recorded))).toBe('School community');
    // Never recorded over a record, by hand or from the Form.
    const again = planSave(recorded, { recordConsent: 'Public' }, ctx);
    expect(again).toEqual({
      ok: false,
      problems: ["The submitter's consent is already on record (School community): it is never recorded again."],
    });
    expect(planSave(win(), { recordConsent: 'Public' }, ctx).ok).toBe(false);
    // The undo takes back a hand record; a Form record cannot be taken back.
    const undo = planSave(recorded, plan.previous, ctx);
    expect(undo).toMatchObject({
      ok: true,
      updates: { consentGiven: '', consentRecordedBy: '', consentRecordedAt: '' },
    });
    expect(planSave(win(), { recordConsent: null }, ctx).ok).toBe(false);
    // Recording and narrowing together: the narrowing is checked against the new record.
    expect(planSave(old, { recordConsent: 'School community', consent: 'Public' }, ctx).ok).toBe(false);
    expect(planSave(old, { recordConsent: 'School community', consent: 'School community' }, ctx).ok).toBe(true);
  });

  test("a hand-widened consent is reported and newsletters use the submitter's", () => {
    const widened = win({ consent: 'Public', consentGiven: 'Staff only' });
    expect(effectiveConsent(winFromCells(widened))).toBe('Staff only');
    expect(winWarnings(widened).map((w) => w.code)).toContain('consent-wider');
  });
});

describe('planSave', () => {
  test('approve records who and when and returns the previous status for undo', () => {
    const plan = planSave(win(), { status: 'Approved' }, ctx);
    expect(plan).toEqual({
      ok: true,
      changed: true,
      updates: {
        status: 'Approved',
        triagedBy: ctx.me,
        triagedAt: ctx.nowIso,
        firstTriagedAt: ctx.nowIso,
        updatedAt: ctx.nowIso,
      },
      previous: { status: 'New' },
    });
  });

  test('First triaged at is written by the first save only: later saves and an undo never move it', () => {
    const first = planSave(win(), { status: 'Approved' }, ctx);
    if (!first.ok) throw new Error('expected ok');
    const after = { ...win(), ...first.updates };
    const later = planSave(after, first.previous, { ...ctx, nowIso: '2026-12-01T10:00:00.000Z' });
    if (!later.ok) throw new Error('expected ok');
    expect(later.updates.firstTriagedAt).toBeUndefined();
    expect(later.updates.triagedAt).toBe('2026-12-01T10:00:00.000Z');
    // A save that changes nothing records nothing.
    const unchanged = planSave(after, { status: 'Approved' }, ctx);
    expect(unchanged.ok && unchanged.updates).toEqual({});
  });

  test('undo is a save of the previous values and restores them', () => {
    const first = planSave(win(), { status: 'Approved', goals: ['Reading for all'] }, ctx);
    if (!first.ok) throw new Error('expected ok');
    const after = { ...win(), ...first.updates };
    const undo = planSave(after, first.previous, ctx);
    if (!undo.ok) throw new Error('expected ok');
    expect(undo.updates.status).toBe('New');
    expect(undo.updates.goals).toBe('');
    expect(undo.previous).toEqual({ status: 'Approved', goals: ['Reading for all'] });
  });

  test('goals must be active goals in the Goals sheet, but a goal the win already has is kept', () => {
    const bad = planSave(win(), { goals: ['Reading for all', 'Made up'] }, ctx);
    expect(bad).toEqual({ ok: false, problems: ['"Made up" is not an active goal in the Goals sheet.'] });
    const kept = planSave(win({ goals: 'Retired goal' }), { goals: ['Retired goal', 'Math confidence'] }, ctx);
    expect(kept).toMatchObject({
      ok: true,
      updates: { goals: 'Retired goal, Math confidence' },
      previous: { goals: ['Retired goal'] },
    });
  });

  test('featuring needs an approved win; leaving Approved clears the flag', () => {
    expect(planSave(win(), { featured: true }, ctx).ok).toBe(false);
    expect(planSave(win(), { status: 'Approved', featured: true }, ctx)).toMatchObject({
      ok: true,
      updates: { status: 'Approved', featured: 'Yes' },
    });
    const featured = win({ status: 'Approved', featured: 'Yes' });
    expect(planSave(featured, { status: 'Archived' }, ctx)).toMatchObject({
      ok: true,
      updates: { status: 'Archived', featured: 'No' },
      previous: { status: 'Approved', featured: true },
    });
  });

  test('privacy cleared records who and when; un-clearing removes them', () => {
    const names = win({ namesStudents: 'Yes' });
    const cleared = planSave(names, { privacyCleared: true }, ctx);
    expect(cleared).toMatchObject({
      ok: true,
      updates: { privacyCleared: 'Yes', privacyClearedBy: ctx.me, privacyClearedAt: ctx.nowIso },
    });
    const back = planSave(
      win({ namesStudents: 'Yes', privacyCleared: 'Yes', privacyClearedBy: 'x@y', privacyClearedAt: ctx.nowIso }),
      { privacyCleared: false },
      ctx,
    );
    expect(back).toMatchObject({
      ok: true,
      updates: { privacyCleared: 'No', privacyClearedBy: '', privacyClearedAt: '' },
    });
  });

  test('a change that changes nothing writes nothing', () => {
    expect(planSave(win(), { status: 'New', consent: 'School community', goals: [] }, ctx)).toEqual({
      ok: true,
      updates: {},
      previous: {},
      changed: false,
    });
  });

  test('unknown status, kind or consent are refused with sentences', () => {
    const plan = planSave(
      win(),
      { status: 'Done' as never, kind: 'Story' as never, consent: 'Everyone' as never },
      ctx,
    );
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.problems).toHaveLength(3);
  });
});

describe('warnings', () => {
  test('names students beyond staff without privacy cleared', () => {
    expect(winWarnings(win({ namesStudents: 'Yes' })).map((w) => w.code)).toEqual(['privacy']);
    expect(winWarnings(win({ namesStudents: 'Yes', consent: 'Staff only' }))).toEqual([]);
    expect(winWarnings(win({ namesStudents: 'Yes', privacyCleared: 'Yes' }))).toEqual([]);
  });

  test('email addresses and phone numbers in the blurb, but not dates or counts', () => {
    expect(containsEmail('Write to ana.ruiz@school.example for more')).toBe(true);
    expect(containsEmail('We met @ the library')).toBe(false);
    for (const phone of ['Call 555-123-4567', '(555) 123 4567', '+44 20 7946 0958', 'text 5551234567', 'ring 555 1234'])
      expect(containsPhone(phone)).toBe(true);
    for (const not of [
      'On 2026-11-23 we met',
      'the 2025-2026 year',
      '14 visits, up from 7',
      'Grade 3/4 class',
      'on 11/23/2026',
    ])
      expect(containsPhone(not)).toBe(false);
    const codes = winWarnings(win({ blurb: 'Ask ana@school.example or 555-123-4567' })).map((w) => w.code);
    expect(codes).toEqual(['blurb-email', 'blurb-phone']);
  });
});

describe('view', () => {
  test('flags become booleans, lists arrays, and the version is the fingerprint', () => {
    const v = toWinView(win({ goals: 'Reading for all, Math confidence', namesStudents: 'Yes' }), 12);
    expect(v).toMatchObject({
      id: 'W-0007',
      row: 12,
      goals: ['Reading for all', 'Math confidence'],
      namesStudents: true,
      featured: false,
      truncated: false,
    });
    expect(v.version).toBe(fingerprint(win({ goals: 'Reading for all, Math confidence', namesStudents: 'Yes' })));
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  });

  test('on a queue page long text is capped (and marked), the version still covers the full text', () => {
    const long = 'x'.repeat(40000);
    const v = toWinView(win({ story: long }), 3, { capText: true });
    expect(v.truncated).toBe(true);
    expect(v.story.length).toBeLessThanOrEqual(1501);
    expect(v.version).toBe(fingerprint(win({ story: long })));
    expect(toWinView(win({ story: long }), 3).story).toBe(long);
  });
});

describe("intake keeps the submitter's consent", () => {
  test('consentGiven is set to the consent chosen in the Form', () => {
    const r = winFromResponse({
      namedValues: { Headline: ['Hi'], 'Who may read it?': ['Public'] },
      questionMap: { Headline: 'headline', 'Who may read it?': 'consent' },
      goals: [],
      submittedAtIso: ctx.nowIso,
      nowIso: ctx.nowIso,
    });
    expect(r.ok && r.win.values.consentGiven).toBe('Public');
  });
});
