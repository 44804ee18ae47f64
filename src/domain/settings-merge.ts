// Two leaders saving Settings from dialogs opened at different times: what the other leader changed since a dialog
// opened, in words, and the stale dialog's own edits merged over that newer save (theirs kept where this leader did
// not touch a setting, this leader's kept where they did, and a setting both changed named). Pure: the dialog uses it.
import { languageName } from './family-languages';
import { AUDIENCES, describeCadence, SettingsInput, splitRecipients, WEEKDAY_NAMES } from './settings';
import { cellString } from './text';

/** One setting as the dialog edits it, compared and merged as a whole. */
interface Part {
  label: string;
  /** The setting, normalised for comparing (addresses as a list, the schedule in words). */
  get(s: SettingsInput): unknown;
  /** `into` with this setting taken, as typed, from `from`. */
  take(into: SettingsInput, from: SettingsInput): SettingsInput;
  describe(before: SettingsInput, after: SettingsInput): string;
}

const quote = (v: unknown) => {
  const t = cellString(v).trim();
  return t ? `“${t}”` : '(empty)';
};

function recipientsChange(before: string, after: string): string {
  const was = splitRecipients(before);
  const now = splitRecipients(after);
  const added = now.filter((r) => !was.includes(r));
  const removed = was.filter((r) => !now.includes(r));
  const list = (rs: string[]) =>
    rs.length > 5 ? `${rs.slice(0, 5).join(', ')} and ${rs.length - 5} more` : rs.join(', ');
  const bits = [
    ...(added.length ? [`added ${list(added)}`] : []),
    ...(removed.length ? [`removed ${list(removed)}`] : []),
  ];
  return bits.length ? bits.join('; ') : 'the same addresses, rewritten';
}

function cadenceText(c: SettingsInput['cadence']): string {
  const n = (v: number | string) => Number(cellString(v).trim());
  const kind = cellString(c.kind);
  if (kind !== 'weekly' && kind !== 'biweekly' && kind !== 'monthly') return 'off';
  const weekday = n(c.weekday);
  if (kind !== 'monthly' && !WEEKDAY_NAMES[weekday - 1]) return kind;
  return describeCadence({ kind, weekday, monthDay: n(c.monthDay), hour: n(c.hour) });
}

/** "Spanish (3 addresses), Arabic (1 address)": the family languages compared as a whole. */
function familyLanguagesText(s: SettingsInput): string {
  return (s.familyLanguages ?? [])
    .map((l) => {
      const n = splitRecipients(l.recipients).length;
      return `${languageName(cellString(l.code))} (${n} address${n === 1 ? '' : 'es'})`;
    })
    .join(', ');
}

const text = (label: string, key: 'schoolName' | 'template' | 'senderName' | 'replyTo'): Part => ({
  label,
  get: (s) => cellString(s[key]).trim(),
  take: (into, from) => ({ ...into, [key]: from[key] }),
  describe: (b, a) => `${label}: ${quote(b[key])} → ${quote(a[key])}`,
});

// Closing the loop: each opt-in, and the leaders' addresses.
const LOOP_OFF = { thankSubmitters: false, leaderDigest: false, leaders: '' };
const loopOf = (s: SettingsInput) => ({ ...LOOP_OFF, ...s.closingLoop });
const loopFlag = (label: string, key: 'thankSubmitters' | 'leaderDigest'): Part => ({
  label,
  get: (s) => Boolean(loopOf(s)[key]),
  take: (into, from) => ({ ...into, closingLoop: { ...loopOf(into), [key]: Boolean(loopOf(from)[key]) } }),
  describe: (_b, a) => `${label}: ${loopOf(a)[key] ? 'on' : 'off'}`,
});
const CLOSING_LOOP_PARTS: Part[] = [
  loopFlag('Thank-you drafts', 'thankSubmitters'),
  loopFlag("Leaders' weekly digest", 'leaderDigest'),
  {
    label: "Leaders' addresses",
    get: (s) => splitRecipients(loopOf(s).leaders).join(', '),
    take: (into, from) => ({ ...into, closingLoop: { ...loopOf(into), leaders: cellString(loopOf(from).leaders) } }),
    describe: (b, a) => `Leaders' addresses: ${recipientsChange(loopOf(b).leaders, loopOf(a).leaders)}`,
  },
];
/** An audience's greeting, sign-off and fewest wins (older inputs without them read as the defaults). */
function editionParts(a: (typeof AUDIENCES)[number]): Part[] {
  const keys = [
    ['greeting', 'greeting'],
    ['signoff', 'sign-off'],
    ['minWins', 'fewest wins for a scheduled issue'],
  ] as const;
  return keys.map(([key, words]) => ({
    label: `${a} ${words}`,
    get: (s) => cellString(s.editions?.[a]?.[key] ?? (key === 'minWins' ? '1' : '')).trim(),
    take: (into, from) => {
      const base = into.editions ?? from.editions;
      if (!base || !from.editions) return into;
      return { ...into, editions: { ...base, [a]: { ...base[a], [key]: from.editions[a][key] } } };
    },
    describe: (b, after) =>
      `${a} ${words}: ${quote(b.editions?.[a]?.[key] ?? '')} → ${quote(after.editions?.[a]?.[key] ?? '')}`,
  }));
}

const PARTS: Part[] = [
  text('School name', 'schoolName'),
  ...AUDIENCES.flatMap((a): Part[] => [
    {
      label: `${a} newsletter`,
      get: (s) => Boolean(s.audiences[a]?.enabled),
      take: (into, from) => ({
        ...into,
        audiences: { ...into.audiences, [a]: { ...into.audiences[a], enabled: Boolean(from.audiences[a]?.enabled) } },
      }),
      describe: (_b, after) => `${a} newsletter: turned ${after.audiences[a]?.enabled ? 'on' : 'off'}`,
    },
    {
      label: `${a} recipients`,
      get: (s) => splitRecipients(s.audiences[a]?.recipients ?? '').join(', '),
      take: (into, from) => ({
        ...into,
        audiences: {
          ...into.audiences,
          [a]: { ...into.audiences[a], recipients: cellString(from.audiences[a]?.recipients) },
        },
      }),
      describe: (b, after) =>
        `${a} recipients: ${recipientsChange(b.audiences[a]?.recipients ?? '', after.audiences[a]?.recipients ?? '')}`,
    },
  ]),
  {
    label: 'Schedule',
    get: (s) => cadenceText(s.cadence),
    take: (into, from) => ({ ...into, cadence: { ...from.cadence } }),
    describe: (b, a) => `Schedule: ${cadenceText(b.cadence)} → ${cadenceText(a.cadence)}`,
  },
  {
    label: 'Family languages',
    get: (s) =>
      JSON.stringify((s.familyLanguages ?? []).map((l) => [cellString(l.code), splitRecipients(l.recipients)])),
    take: (into, from) => ({ ...into, familyLanguages: (from.familyLanguages ?? []).map((l) => ({ ...l })) }),
    describe: (b, a) =>
      `Family languages: ${familyLanguagesText(b) || '(none)'} → ${familyLanguagesText(a) || '(none)'}`,
  },
  text('Template Doc', 'template'),
  text('Sender name', 'senderName'),
  text('Reply-to address', 'replyTo'),
  ...AUDIENCES.flatMap(editionParts),
  {
    label: 'Credit contributors by name',
    get: (s) => Boolean(s.creditContributors),
    take: (into, from) => ({ ...into, creditContributors: Boolean(from.creditContributors) }),
    describe: (_b, a) => `Credit contributors by name: ${a.creditContributors ? 'on' : 'off'}`,
  },
  ...CLOSING_LOOP_PARTS,
];

const same = (part: Part, a: SettingsInput, b: SettingsInput) => part.get(a) === part.get(b);

/** What changed from `before` to `after`, one sentence per setting, in the dialog's order. */
export function settingsChanges(before: SettingsInput, after: SettingsInput): string[] {
  return PARTS.filter((p) => !same(p, before, after)).map((p) => p.describe(before, after));
}

export interface SettingsMerge {
  /** The form to show: their newer save, with this leader's own edits on top. */
  merged: SettingsInput;
  /** What the other save changed since this dialog opened. */
  theirChanges: string[];
  /** Settings both changed, to different values: this leader's value is kept in the form (labels). */
  bothChanged: string[];
}

/**
 * A dialog opened on `base`, edited to `mine`, while another leader saved `theirs`: their changes are taken where
 * this leader left a setting alone; this leader's edits stay where they made one (and `bothChanged` names the
 * settings both changed differently, so the dialog can say whose value it shows).
 */
export function mergeSettings(base: SettingsInput, mine: SettingsInput, theirs: SettingsInput): SettingsMerge {
  let merged = theirs;
  const bothChanged: string[] = [];
  for (const part of PARTS) {
    if (same(part, base, mine)) continue;
    merged = part.take(merged, mine);
    if (!same(part, base, theirs) && !same(part, mine, theirs)) bothChanged.push(part.label);
  }
  return { merged, theirChanges: settingsChanges(base, theirs), bothChanged };
}
