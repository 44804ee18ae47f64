// Unit tests of two leaders' Settings saves: what changed since a dialog opened, and a stale dialog's edits merged.
import { mergeSettings, settingsChanges } from '../../src/domain/settings-merge';
import type { SettingsInput } from '../../src/domain/settings';

const base: SettingsInput = {
  schoolName: 'Riverside Primary',
  audiences: {
    Staff: { enabled: true, recipients: 'staff@school.example' },
    Families: { enabled: true, recipients: 'families@school.example, pta@school.example' },
    Public: { enabled: false, recipients: '' },
  },
  cadence: { kind: 'weekly', weekday: 5, monthDay: 1, hour: 7 },
  template: '',
  senderName: 'Ms Díaz',
  replyTo: 'office@school.example',
  creditContributors: true,
};

const edit = (over: Partial<SettingsInput>, audiences: Partial<SettingsInput['audiences']> = {}): SettingsInput => ({
  ...base,
  ...over,
  audiences: { ...base.audiences, ...audiences },
});

describe('what changed', () => {
  test('nothing, when only spacing or separators of the addresses differ', () => {
    expect(
      settingsChanges(
        base,
        edit({}, { Families: { enabled: true, recipients: 'families@school.example;\npta@school.example' } }),
      ),
    ).toEqual([]);
  });

  test('one sentence per setting, in the dialog order', () => {
    const after = edit(
      {
        schoolName: 'Riverside Primary School',
        cadence: { kind: 'monthly', weekday: 5, monthDay: '3', hour: '8' },
        creditContributors: false,
        senderName: '',
      },
      {
        Families: { enabled: true, recipients: 'families@school.example, parents@school.example' },
        Public: { enabled: true, recipients: 'district@district.example' },
      },
    );
    expect(settingsChanges(base, after)).toEqual([
      'School name: “Riverside Primary” → “Riverside Primary School”',
      'Families recipients: added parents@school.example; removed pta@school.example',
      'Public newsletter: turned on',
      'Public recipients: added district@district.example',
      'Schedule: every Friday at 07:00 → on day 3 of each month at 08:00',
      'Sender name: “Ms Díaz” → (empty)',
      'Credit contributors by name: off',
    ]);
  });

  test('a long list of added addresses is shortened', () => {
    const many = Array.from({ length: 8 }, (_, i) => `p${i}@school.example`).join(', ');
    expect(settingsChanges(base, edit({}, { Public: { enabled: false, recipients: many } }))).toEqual([
      'Public recipients: added p0@school.example, p1@school.example, p2@school.example, p3@school.example, p4@school.example and 3 more',
    ]);
  });
});

describe('a stale dialog merged over a newer save', () => {
  test("their changes are taken where this leader changed nothing; this leader's edits are kept", () => {
    const theirs = edit({ schoolName: 'Riverside Primary School' });
    const mine = edit({}, { Families: { enabled: true, recipients: 'families@school.example' } });
    const r = mergeSettings(base, mine, theirs);
    expect(r.merged.schoolName).toBe('Riverside Primary School');
    expect(r.merged.audiences.Families.recipients).toBe('families@school.example');
    expect(r.theirChanges).toEqual(['School name: “Riverside Primary” → “Riverside Primary School”']);
    expect(r.bothChanged).toEqual([]);
  });

  test('a setting both changed differently keeps this leader’s value and is named', () => {
    const theirs = edit({ cadence: { kind: 'off', weekday: 5, monthDay: 1, hour: 7 }, replyTo: 'head@school.example' });
    const mine = edit({
      cadence: { kind: 'weekly', weekday: 4, monthDay: 1, hour: 7 },
      replyTo: 'head@school.example',
    });
    const r = mergeSettings(base, mine, theirs);
    expect(r.merged.cadence).toEqual({ kind: 'weekly', weekday: 4, monthDay: 1, hour: 7 });
    expect(r.merged.replyTo).toBe('head@school.example');
    expect(r.bothChanged).toEqual(['Schedule']);
    expect(r.theirChanges).toEqual([
      'Schedule: every Friday at 07:00 → off',
      'Reply-to address: “office@school.example” → “head@school.example”',
    ]);
  });

  test('nothing changed by them: the merge is this leader’s form as it was', () => {
    const mine = edit({ senderName: 'The office' });
    expect(mergeSettings(base, mine, base)).toEqual({ merged: mine, theirChanges: [], bothChanged: [] });
  });

  test('closing the loop: a stale dialog keeps its own opt-in and takes their leaders', () => {
    const theirs = edit({
      closingLoop: { thankSubmitters: false, leaderDigest: true, leaders: 'head@school.example' },
    });
    const mine = edit({ closingLoop: { thankSubmitters: true, leaderDigest: false, leaders: '' } });
    const r = mergeSettings(base, mine, theirs);
    expect(r.merged.closingLoop).toEqual({ thankSubmitters: true, leaderDigest: true, leaders: 'head@school.example' });
    expect(r.theirChanges).toEqual(["Leaders' weekly digest: on", "Leaders' addresses: added head@school.example"]);
    expect(r.bothChanged).toEqual([]);
  });
});
