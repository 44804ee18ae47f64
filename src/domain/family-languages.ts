// Family languages: the pick list a leader chooses from (Google Translate's codes, names in English and in the
// language itself, which ones read right to left), and checking what the Settings dialog sends for them.
import { cellString } from './text';

export interface LanguageChoice {
  /** Google Translate's code, also the email's `lang` attribute. */
  code: string;
  /** The name in English, as the Settings dialog lists it. */
  name: string;
  /** The name in the language itself. */
  native: string;
  rtl: boolean;
}

const ltr = (code: string, name: string, native: string): LanguageChoice => ({ code, name, native, rtl: false });
const rtl = (code: string, name: string, native: string): LanguageChoice => ({ code, name, native, rtl: true });

/** The languages US schools most often need for families, in the order the dialog lists them. */
export const LANGUAGE_CHOICES: readonly LanguageChoice[] = [
  ltr('es', 'Spanish', 'Español'),
  rtl('ar', 'Arabic', 'العربية'),
  ltr('zh-CN', 'Chinese (Simplified)', '简体中文'),
  ltr('zh-TW', 'Chinese (Traditional)', '繁體中文'),
  ltr('vi', 'Vietnamese', 'Tiếng Việt'),
  ltr('so', 'Somali', 'Soomaali'),
  ltr('ht', 'Haitian Creole', 'Kreyòl ayisyen'),
  ltr('pt', 'Portuguese', 'Português'),
  ltr('fr', 'French', 'Français'),
  ltr('ru', 'Russian', 'Русский'),
  ltr('uk', 'Ukrainian', 'Українська'),
  ltr('pl', 'Polish', 'Polski'),
  rtl('ur', 'Urdu', 'اردو'),
  ltr('bn', 'Bengali', 'বাংলা'),
  rtl('fa', 'Persian (Farsi, Dari)', 'فارسی'),
  ltr('ko', 'Korean', '한국어'),
  rtl('he', 'Hebrew', 'עברית'),
  ltr('hmn', 'Hmong', 'Hmoob'),
  ltr('tl', 'Tagalog', 'Tagalog'),
  ltr('ja', 'Japanese', '日本語'),
  ltr('hi', 'Hindi', 'हिन्दी'),
  ltr('ne', 'Nepali', 'नेपाली'),
  ltr('sw', 'Swahili', 'Kiswahili'),
];

/** Languages one Families issue is translated into at most (each is a draft and a few translate calls). */
export const MAX_FAMILY_LANGUAGES = 10;

export function languageChoice(code: string): LanguageChoice | undefined {
  return LANGUAGE_CHOICES.find((l) => l.code === code);
}

/** "Spanish" for a known code, the code itself otherwise. */
export function languageName(code: string): string {
  return languageChoice(code)?.name ?? code;
}

/** A family language as stored: its code and its own list of recipients. */
export interface FamilyLanguage {
  code: string;
  recipients: string[];
}

/** As the dialog sends it: recipients as typed in one text box. */
export interface FamilyLanguageInput {
  code: string;
  recipients: string;
}

export type LanguageField = `language.${number}`;

/**
 * Checks the dialog's family languages; `checkRecipients` is the audiences' own rule for a recipients box (the same
 * sentences). Errors are keyed by the row (language.0, language.1…).
 */
export function validateFamilyLanguages(
  given: readonly FamilyLanguageInput[] | undefined,
  checkRecipients: (text: string, per: string) => { recipients: string[]; error?: string },
): { languages: FamilyLanguage[]; errors: Partial<Record<LanguageField, string>> } {
  const errors: Partial<Record<LanguageField, string>> = {};
  const languages: FamilyLanguage[] = [];
  const seen = new Set<string>();
  const rows: ReadonlyArray<Partial<FamilyLanguageInput> | null> = Array.isArray(given) ? given : [];
  rows.forEach((row, i) => {
    const code = cellString(row?.code).trim();
    const key: LanguageField = `language.${i}`;
    const choice = languageChoice(code);
    if (!choice) {
      errors[key] = 'Choose a language from the list.';
      return;
    }
    if (seen.has(code)) {
      errors[key] = `${choice.name} is listed twice: put all its addresses in one row.`;
      return;
    }
    seen.add(code);
    const checked = checkRecipients(cellString(row?.recipients), 'language');
    if (checked.error) errors[key] = checked.error;
    else if (checked.recipients.length === 0)
      errors[key] = `Add at least one address (or a Google Group) for ${choice.name}, or remove the language.`;
    languages.push({ code, recipients: checked.recipients });
  });
  if (languages.length > MAX_FAMILY_LANGUAGES)
    errors[`language.${MAX_FAMILY_LANGUAGES}`] =
      `Small Wins translates into at most ${MAX_FAMILY_LANGUAGES} languages per issue: remove ${languages.length - MAX_FAMILY_LANGUAGES}.`;
  return { languages, errors };
}

/** Stored family languages read back safely (unknown codes and malformed rows dropped). */
export function storedFamilyLanguages(stored: unknown): FamilyLanguage[] {
  if (!Array.isArray(stored)) return [];
  const out: FamilyLanguage[] = [];
  for (const row of stored as Array<Partial<FamilyLanguage> | null>) {
    const code = cellString(row?.code).trim();
    if (!languageChoice(code) || out.some((l) => l.code === code)) continue;
    out.push({ code, recipients: Array.isArray(row?.recipients) ? row.recipients.map(String) : [] });
  }
  return out;
}

/** A draft made for a family language: translated, or the English edition when the translation failed. */
export interface LanguageDraft {
  code: string;
  draftId: string;
  english: boolean;
}

/** The Newsletters sheet's Language drafts cell read back ("es r12; ar r13 English"); anything unreadable skipped. */
export function parseLanguageDrafts(cell: string): LanguageDraft[] {
  const out: LanguageDraft[] = [];
  for (const part of cellString(cell).split(';')) {
    const m = /^\s*([A-Za-z]{2,3}(?:-[A-Za-z]{2})?)\s+(\S+)(\s+English)?\s*$/.exec(part);
    if (m && !out.some((d) => d.code === m[1])) out.push({ code: m[1], draftId: m[2], english: Boolean(m[3]) });
  }
  return out;
}

export function formatLanguageDrafts(drafts: readonly LanguageDraft[]): string {
  return drafts.map((d) => `${d.code} ${d.draftId}${d.english ? ' English' : ''}`).join('; ');
}

const list = (names: readonly string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/** The run's result about the family languages: which were drafted translated, and which got the English edition. */
export function languageDraftsNote(
  translated: readonly string[],
  failed: ReadonlyArray<{ code: string; reason: string }>,
): string {
  const parts: string[] = [];
  if (translated.length)
    parts.push(
      `Also drafted in ${list(translated.map(languageName))}, translated automatically (check them before sending).`,
    );
  for (const f of failed)
    parts.push(
      `The ${languageName(f.code)} edition could not be translated (${f.reason}), so its recipients' draft has the English edition.`,
    );
  return parts.join(' ');
}

/** What the leader is told when a translated draft had to be cut to stay under Gmail's clipping size ('' if not). */
export function fittedNote(
  code: string,
  englishMax: number,
  translatedMax: number,
  fits: boolean,
  bytes: number,
): string {
  const name = languageName(code);
  const cuts: string[] = [];
  if (englishMax > 0) cuts.push(`shortens the English original's stories to ${englishMax} characters`);
  if (englishMax < 0) cuts.push('leaves out the English original');
  if (translatedMax > 0) cuts.push(`shortens its stories to ${translatedMax} characters`);
  const parts: string[] = [];
  if (cuts.length) parts.push(`The ${name} draft ${cuts.join(' and ')} so that Gmail shows it whole.`);
  if (!fits)
    parts.push(
      `The ${name} draft is still ${Math.round(bytes / 1024)} KB: Gmail shows about the first 100 KB and then "View entire message". Consider splitting the wins over two issues.`,
    );
  return parts.join(' ');
}
