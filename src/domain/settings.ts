// Newsletter settings: their shape, defaults, and validation of what a leader typed in the Settings dialog.
// Pure: the dialog mirrors these rules for instant feedback; the server's verdict is the one that counts.

export const AUDIENCES = ['Staff', 'Families', 'Public'] as const;
import {
  FamilyLanguage,
  FamilyLanguageInput,
  LanguageField,
  storedFamilyLanguages,
  validateFamilyLanguages,
} from './family-languages';
import { cellString } from './text';
export type Audience = (typeof AUDIENCES)[number];

export const CADENCE_KINDS = ['off', 'weekly', 'biweekly', 'monthly'] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];

/** 1 = Monday … 7 = Sunday (ISO, like the clock trigger's event). */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export interface Cadence {
  kind: CadenceKind;
  /** Weekly and every two weeks: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Monthly: day of the month, 1–28 (every month has it). */
  monthDay: number;
  /** Hour of the day in the spreadsheet's time zone, 0–23. */
  hour: number;
}

export interface AudienceSettings {
  enabled: boolean;
  recipients: string[];
}

export interface NewsletterSettings {
  schoolName: string;
  audiences: Record<Audience, AudienceSettings>;
  cadence: Cadence;
  /** The template Doc's ID ('' for the default design). */
  templateDocId: string;
  senderName: string;
  replyTo: string;
  creditContributors: boolean;
  /** How many staff the school has (0 when not said): the dashboard's share of staff contributing. */
  staffCount: number;
  // Closing the loop (opt-in): thank-you drafts to submitters, the leaders' weekly digest.
  thankSubmitters: boolean;
  leaderDigest: boolean;
  leaders: string[];
  /** Each audience's edition: greeting, sign-off, the fewest wins a scheduled issue needs. */
  editions: Record<Audience, EditionSettings>;
  /** Family languages: each Families issue is also drafted translated into each, for its own recipients. */
  familyLanguages: FamilyLanguage[];
}

/** What the dialog sends: recipients as typed (one text box per audience), the template as a URL or ID. */
export interface SettingsInput {
  schoolName: string;
  audiences: Record<Audience, { enabled: boolean; recipients: string }>;
  cadence: { kind: string; weekday: number | string; monthDay: number | string; hour: number | string };
  template: string;
  senderName: string;
  replyTo: string;
  creditContributors: boolean;
  /** Digits as typed ('' for not said); older dialogs do not send it. */
  staffCount?: number | string;
  // Closing the loop; older dialogs do not send it (off).
  closingLoop?: { thankSubmitters: boolean; leaderDigest: boolean; leaders: string };
  /** Greeting, sign-off and fewest wins per audience, as typed; older dialogs do not send it. */
  editions?: Record<Audience, EditionInput>;
  /** Family languages, one row each; older dialogs do not send them. */
  familyLanguages?: FamilyLanguageInput[];
}

export type SettingsField =
  | 'schoolName'
  | `recipients.${Audience}`
  | 'cadence'
  | 'weekday'
  | 'monthDay'
  | 'hour'
  | 'template'
  | 'senderName'
  | 'replyTo'
  | 'staffCount'
  | 'leaders'
  | EditionField
  | LanguageField;

export type SettingsCheck =
  { ok: true; settings: NewsletterSettings } | { ok: false; errors: Partial<Record<SettingsField, string>> };

export const DEFAULT_SETTINGS: NewsletterSettings = {
  schoolName: '',
  audiences: {
    Staff: { enabled: true, recipients: [] },
    Families: { enabled: false, recipients: [] },
    Public: { enabled: false, recipients: [] },
  },
  cadence: { kind: 'off', weekday: 5, monthDay: 1, hour: 7 },
  templateDocId: '',
  senderName: '',
  replyTo: '',
  creditContributors: true,
  staffCount: 0,
  thankSubmitters: false,
  leaderDigest: false,
  leaders: [],
  editions: {
    Staff: { greeting: '', signoff: '', minWins: 1 },
    Families: { greeting: '', signoff: '', minWins: 1 },
    Public: { greeting: '', signoff: '', minWins: 1 },
  },
  familyLanguages: [],
};

/**
 * A pragmatic address check: one @, a dotted domain, no spaces, quotes or angle brackets (which would break a header).
 */
const EMAIL =
  /^[A-Za-z0-9.!#$%&*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function isEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text) && !text.includes('..');
}

/** Splits a recipients box on commas, semicolons, spaces or new lines; "Name <a@b>" keeps the address. */
export function splitRecipients(text: string): string[] {
  return cellString(text)
    .replace(/[^,;<>\n]*<([^<>]*)>/g, ' $1 ')
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Doc ID from a Docs URL (…/document/d/<id>/edit) or a bare ID; null when it is neither. */
export function templateDocId(text: string): string | null {
  const t = cellString(text).trim();
  if (!t) return '';
  const m = /\/document\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{20,})/.exec(t);
  if (m) return m[1];
  if (/^[A-Za-z0-9_-]{20,}$/.test(t)) return t;
  return null;
}

function int(v: number | string): number {
  const s = cellString(v).trim();
  return /^-?\d+$/.test(s) ? Number(s) : NaN;
}

const MAX_TEXT = 200;
/** Addresses per audience: more belong in a Google Group (one address Gmail expands). */
export const MAX_RECIPIENTS = 500;
/** Room the settings may take in the document properties (they share 450 KB with the goals and bookkeeping). */
export const SETTINGS_BUDGET_BYTES = 150 * 1024;

function jsonBytes(value: unknown): number {
  let n = 0;
  for (const ch of JSON.stringify(value)) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Validates the dialog's input; every problem is reported by field, as a sentence a leader can act on. */
export function validateSettings(input: SettingsInput): SettingsCheck {
  const errors: Partial<Record<SettingsField, string>> = {};
  const schoolName = clean(input.schoolName);
  if (!schoolName) errors.schoolName = 'Enter the school name: it heads every newsletter.';
  else if (schoolName.length > MAX_TEXT) errors.schoolName = `Keep the school name under ${MAX_TEXT} characters.`;

  const audiences = {} as Record<Audience, AudienceSettings>;
  for (const a of AUDIENCES) {
    const given = input.audiences?.[a] ?? { enabled: false, recipients: '' };
    const { recipients, error } = checkRecipients(given.recipients);
    if (error) errors[`recipients.${a}`] = error;
    else if (given.enabled && recipients.length === 0)
      errors[`recipients.${a}`] = `Add at least one address (or a Google Group) for ${a}, or turn ${a} off.`;
    audiences[a] = { enabled: Boolean(given.enabled), recipients };
  }
  const languages = validateFamilyLanguages(input.familyLanguages, checkRecipients);
  Object.assign(errors, languages.errors);

  const kind = cellString(input.cadence?.kind) as CadenceKind;
  const cadence: Cadence = { ...DEFAULT_SETTINGS.cadence, kind };
  if (!(CADENCE_KINDS as readonly string[]).includes(kind))
    errors.cadence = 'Choose how often: weekly, every two weeks, monthly, or off.';
  else if (kind !== 'off') {
    const hour = int(input.cadence.hour);
    if (!(hour >= 0 && hour <= 23)) errors.hour = 'Choose an hour between 0 and 23.';
    else cadence.hour = hour;
    if (kind === 'monthly') {
      const day = int(input.cadence.monthDay);
      if (!(day >= 1 && day <= 28)) errors.monthDay = 'Choose a day between 1 and 28 (every month has it).';
      else cadence.monthDay = day;
    } else {
      const wd = int(input.cadence.weekday);
      if (!(wd >= 1 && wd <= 7)) errors.weekday = 'Choose a day of the week.';
      else cadence.weekday = wd;
    }
    if (!AUDIENCES.some((a) => audiences[a].enabled))
      errors.cadence = 'Turn on at least one audience, or set the schedule to off.';
  }

  const docId = templateDocId(input.template);
  if (docId === null)
    errors.template =
      'Paste the template Doc\u2019s link (…/document/d/…) or its ID, or leave it empty for the default design.';

  const senderName = clean(input.senderName);
  if (senderName.length > MAX_TEXT) errors.senderName = `Keep the sender name under ${MAX_TEXT} characters.`;
  const replyTo = clean(input.replyTo);
  if (replyTo && !isEmail(replyTo)) errors.replyTo = `"${replyTo}" is not an email address.`;

  const staffText = cellString(input.staffCount ?? '').trim();
  const staffCount = staffText === '' ? 0 : int(staffText);
  if (!(staffCount >= 0 && staffCount <= 100_000))
    errors.staffCount = 'Enter the number of staff as a whole number, or leave it empty.';

  const loop = checkClosingLoop(input.closingLoop);
  if (loop.error) errors.leaders = loop.error;
  const editions = validateEditions(input.editions, errors);

  if (Object.keys(errors).length) return { ok: false, errors };
  const settings: NewsletterSettings = {
    ...loop.value,
    schoolName,
    audiences,
    cadence,
    templateDocId: docId ?? '',
    senderName,
    replyTo,
    creditContributors: Boolean(input.creditContributors),
    staffCount,
    editions,
    familyLanguages: languages.languages,
  };
  const bytes = jsonBytes(settings);
  if (bytes > SETTINGS_BUDGET_BYTES) {
    // The longest list (an audience's or a family language's) is where addresses can give way to a Google Group.
    const lists: Array<[SettingsField, unknown]> = [
      ...AUDIENCES.map((a): [SettingsField, unknown] => [`recipients.${a}`, audiences[a]]),
      ...languages.languages.map((l, i): [SettingsField, unknown] => [`language.${i}`, l]),
    ];
    const longest = lists.reduce((w, l) => (jsonBytes(l[1]) > jsonBytes(w[1]) ? l : w))[0];
    return {
      ok: false,
      errors: {
        [longest]: `These settings would take ${Math.ceil(bytes / 1024)} KB; Small Wins keeps at most ${SETTINGS_BUDGET_BYTES / 1024} KB of settings. Use a Google Group's address instead of long lists.`,
      },
    };
  }
  return { ok: true, settings };
}

// ---- Closing the loop -------------------------------------------------------------------------------------

/** The opt-ins as the dialog sent them: the leaders' addresses checked when the digest is on. */
function checkClosingLoop(given: SettingsInput['closingLoop']): {
  value: Pick<NewsletterSettings, 'thankSubmitters' | 'leaderDigest' | 'leaders'>;
  error?: string;
} {
  const leaders = Array.from(new Set(splitRecipients(given?.leaders ?? '')));
  const value = {
    thankSubmitters: Boolean(given?.thankSubmitters),
    leaderDigest: Boolean(given?.leaderDigest),
    leaders,
  };
  const bad = leaders.filter((r) => !isEmail(r));
  if (bad.length)
    return {
      value,
      error: `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length > 1 ? 'are not email addresses' : 'is not an email address'}.`,
    };
  if (value.leaderDigest && !leaders.length)
    return { value, error: 'Add the leaders the weekly digest goes to, or turn the digest off.' };
  if (leaders.length > 50) return { value, error: 'List at most 50 leaders, or use a Google Group\u2019s address.' };
  return { value };
}

/** A recipients box: its addresses (duplicates once), or a sentence saying what is wrong with it. */
export function checkRecipients(text: string, per = 'audience'): { recipients: string[]; error?: string } {
  const recipients = Array.from(new Set(splitRecipients(text)));
  const bad = recipients.filter((r) => !isEmail(r));
  if (bad.length)
    return {
      recipients,
      error: `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length > 1 ? 'are not email addresses' : 'is not an email address'}. Use addresses or a Google Group's address, separated by commas.`,
    };
  if (recipients.length > MAX_RECIPIENTS)
    return {
      recipients,
      error: `${recipients.length} addresses: Small Wins takes up to ${MAX_RECIPIENTS} per ${per}. Use a Google Group's address for more.`,
    };
  return { recipients };
}

/** Single line, no control characters (they would break an email header). */
function clean(text: unknown): string {
  return cellString(text)
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Settings as the dialog shows them (the inverse of validateSettings). */
export function settingsToInput(s: NewsletterSettings): SettingsInput {
  const audiences = {} as SettingsInput['audiences'];
  for (const a of AUDIENCES)
    audiences[a] = { enabled: s.audiences[a].enabled, recipients: s.audiences[a].recipients.join(', ') };
  return {
    schoolName: s.schoolName,
    audiences,
    cadence: { kind: s.cadence.kind, weekday: s.cadence.weekday, monthDay: s.cadence.monthDay, hour: s.cadence.hour },
    template: s.templateDocId,
    senderName: s.senderName,
    replyTo: s.replyTo,
    creditContributors: s.creditContributors,
    staffCount: s.staffCount ? String(s.staffCount) : '',
    closingLoop: { thankSubmitters: s.thankSubmitters, leaderDigest: s.leaderDigest, leaders: s.leaders.join(', ') },
    editions: editionsToInput(s.editions),
    familyLanguages: s.familyLanguages.map((l) => ({ code: l.code, recipients: l.recipients.join(', ') })),
  };
}

/** Stored settings merged over the defaults, so a missing or older shape never breaks a run. */
export function withDefaults(stored: unknown): NewsletterSettings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<NewsletterSettings>;
  const audiences = {} as Record<Audience, AudienceSettings>;
  for (const a of AUDIENCES) {
    const given = s.audiences?.[a];
    audiences[a] = given
      ? {
          enabled: Boolean(given.enabled),
          recipients: Array.isArray(given.recipients) ? given.recipients.map(String) : [],
        }
      : { ...DEFAULT_SETTINGS.audiences[a] };
  }
  return {
    ...DEFAULT_SETTINGS,
    ...s,
    audiences,
    cadence: { ...DEFAULT_SETTINGS.cadence, ...(s.cadence ?? {}) },
    staffCount: Number.isInteger(s.staffCount) && Number(s.staffCount) > 0 ? Number(s.staffCount) : 0,
    thankSubmitters: s.thankSubmitters === true,
    leaderDigest: s.leaderDigest === true,
    leaders: Array.isArray(s.leaders) ? s.leaders.map(String) : [],
    editions: editionsWithDefaults(s.editions),
    familyLanguages: storedFamilyLanguages(s.familyLanguages),
  };
}

export function describeCadence(c: Cadence): string {
  const at = `${String(c.hour).padStart(2, '0')}:00`;
  switch (c.kind) {
    case 'weekly':
      return `every ${WEEKDAY_NAMES[c.weekday - 1]} at ${at}`;
    case 'biweekly':
      return `every other ${WEEKDAY_NAMES[c.weekday - 1]} at ${at}`;
    case 'monthly':
      return `on day ${c.monthDay} of each month at ${at}`;
    default:
      return 'off';
  }
}

// ---- Editions: each audience's greeting and sign-off, and the fewest wins a scheduled issue needs ----------

export interface EditionSettings {
  /** '' for the default (defaultGreeting). */
  greeting: string;
  /** '' for the default (defaultSignoff); may hold line breaks. */
  signoff: string;
  /** A scheduled run skips the audience when fewer wins wait (Draft newsletter now always drafts). */
  minWins: number;
}

export interface EditionInput {
  greeting: string;
  signoff: string;
  minWins: number | string;
}

export type EditionField = `greeting.${Audience}` | `signoff.${Audience}` | `minWins.${Audience}`;

export const MAX_GREETING = 200;
export const MAX_SIGNOFF = 500;
/** More than this many wins to wait for would mean no scheduled issue for months. */
export const MAX_MIN_WINS = 100;

const DEFAULT_GREETINGS: Record<Audience, string> = {
  Staff: 'Dear colleagues,',
  Families: 'Dear families,',
  Public: 'Dear friends of our school,',
};

export function defaultGreeting(audience: Audience): string {
  return DEFAULT_GREETINGS[audience];
}

/** "With thanks," then the sender (or the school's team) on its own line. */
export function defaultSignoff(senderName: string, schoolName: string): string {
  const who = senderName.trim() || (schoolName.trim() ? `Everyone at ${schoolName.trim()}` : 'Everyone at school');
  return `With thanks,\n${who}`;
}

/** The audience's greeting and sign-off as the edition prints them (the defaults where the leader left them empty). */
export function editionWords(s: NewsletterSettings, audience: Audience): { greeting: string; signoff: string } {
  const e = s.editions[audience];
  return {
    greeting: e.greeting || defaultGreeting(audience),
    signoff: e.signoff || defaultSignoff(s.senderName, s.schoolName),
  };
}

/** The sign-off's lines at most (more are refused in words, never dropped). */
export const MAX_SIGNOFF_LINES = 5;

/** The sign-off's lines, each cleaned like a one-line field; blank lines dropped. */
function signoffLines(text: unknown): string[] {
  return cellString(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => clean(line))
    .filter(Boolean);
}

function validateEditions(
  given: SettingsInput['editions'],
  errors: Partial<Record<SettingsField, string>>,
): Record<Audience, EditionSettings> {
  const out = {} as Record<Audience, EditionSettings>;
  for (const a of AUDIENCES) {
    const e = given?.[a];
    const greeting = clean(e?.greeting ?? '');
    const lines = signoffLines(e?.signoff ?? '');
    const signoff = lines.join('\n');
    const minText = cellString(e?.minWins ?? '').trim();
    const minWins = minText === '' ? 1 : int(minText);
    if (greeting.length > MAX_GREETING) errors[`greeting.${a}`] = `Keep the greeting under ${MAX_GREETING} characters.`;
    if (signoff.length > MAX_SIGNOFF) errors[`signoff.${a}`] = `Keep the sign-off under ${MAX_SIGNOFF} characters.`;
    else if (lines.length > MAX_SIGNOFF_LINES)
      errors[`signoff.${a}`] =
        `Keep the sign-off to ${MAX_SIGNOFF_LINES} lines (it has ${lines.length}): the newsletter prints at most ${MAX_SIGNOFF_LINES}.`;
    if (!(minWins >= 1 && minWins <= MAX_MIN_WINS))
      errors[`minWins.${a}`] = `Enter a whole number of wins from 1 to ${MAX_MIN_WINS}.`;
    out[a] = { greeting, signoff, minWins: minWins >= 1 && minWins <= MAX_MIN_WINS ? minWins : 1 };
  }
  return out;
}

function editionsToInput(e: Record<Audience, EditionSettings>): Record<Audience, EditionInput> {
  const out = {} as Record<Audience, EditionInput>;
  for (const a of AUDIENCES) out[a] = { greeting: e[a].greeting, signoff: e[a].signoff, minWins: String(e[a].minWins) };
  return out;
}

function editionsWithDefaults(stored: unknown): Record<Audience, EditionSettings> {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<
    Record<Audience, Partial<EditionSettings>>
  >;
  const out = {} as Record<Audience, EditionSettings>;
  for (const a of AUDIENCES) {
    const e = s[a] ?? {};
    const min = Number(e.minWins);
    out[a] = {
      greeting: typeof e.greeting === 'string' ? e.greeting : '',
      signoff: typeof e.signoff === 'string' ? e.signoff : '',
      minWins: Number.isInteger(min) && min >= 1 && min <= MAX_MIN_WINS ? min : 1,
    };
  }
  return out;
}
