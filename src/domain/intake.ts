// Turning one form response (the trigger's namedValues) into a new win row: field mapping, defaults,
// suggestions, and the content key older versions used to recognise a response.
import { IntakeField } from './form-spec';
import { Goal, suggestGoals } from './goals';
import { Consent, isKind, Kind, WinField } from './schema';
import { readAnswer, readConsent } from './win';
import { cleanText, joinList, splitList, cellString } from './text';

/** Question title (as the response sheet's header shows it) → the field it fills. Stored by Set up. */
export type QuestionMap = Record<string, IntakeField>;

export interface NewWin {
  values: Partial<Record<WinField, string>>;
  /** Human notes about the response: fields cut at the cell limit, unknown questions. */
  notes: string[];
}

export type IntakeResult = { ok: true; win: NewWin } | { ok: false; reason: string };

const TIMESTAMP_HEADER = 'Timestamp';
const EMAIL_HEADERS = ['Email Address', 'Email address'];

/**
 * The answer in a namedValues entry. Columns sharing a header (a question deleted and re-added) give
 * several values: the rightmost non-empty one is the live question's.
 */
function first(values: unknown): string {
  if (Array.isArray(values)) {
    for (let i = values.length - 1; i >= 0; i--) if (cellString(values[i]).trim()) return cellString(values[i]);
    return '';
  }
  return cellString(values);
}

/**
 * Consent the submitter chose: exactly one of the levels (any case, surrounding spaces ignored). Anything else (a
 * choice renamed in the Form, say "Public community") is read as the narrowest audience, never guessed wider.
 */
export function readIntakeConsent(answer: string): Consent {
  return readConsent(answer) ?? 'Staff only';
}

/** Formats the n-th win's ID: W-0001 … W-9999, W-10000 … */
export function winId(n: number): string {
  return `W-${String(n).padStart(4, '0')}`;
}

/**
 * The content key older versions kept in the Response key column and their records (FNV-1a over every column's
 * text, so any edit changed it). Kept only to recognise what they imported; responses are now known by
 * domain/catch-up.ts's records.
 */
export function responseKey(namedValues: Record<string, unknown>): string {
  const parts = Object.keys(namedValues)
    .sort()
    .map(
      (k) =>
        `${k}\u0001${(Array.isArray(namedValues[k]) ? (namedValues[k] as unknown[]) : [namedValues[k]]).map(String).join('\u0002')}`,
    );
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const s = parts.join('\u0003');
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `R-${h1.toString(36)}${h2.toString(36)}`;
}

export interface IntakeInput {
  namedValues: unknown;
  questionMap: QuestionMap;
  goals: readonly Goal[];
  /** When the response was submitted, ISO. */
  submittedAtIso: string;
  nowIso: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Maps a response to a win; refuses events that carry no answers we know. */
export function winFromResponse(input: IntakeInput): IntakeResult {
  const nv = input.namedValues;
  if (!isRecord(nv)) return { ok: false, reason: 'the event carried no answers (namedValues missing)' };
  const answers: Partial<Record<IntakeField, string>> = {};
  const notes: string[] = [];
  let known = 0;
  for (const [title, raw] of Object.entries(nv)) {
    const field = input.questionMap[title.trim()];
    if (!field) {
      if (title !== TIMESTAMP_HEADER && !EMAIL_HEADERS.includes(title) && first(raw).trim())
        notes.push(
          `The answer to "${title}" was not kept: that question is not known to Small Wins. Run Set up to re-learn the Form.`,
        );
      continue;
    }
    known++;
    const cleaned = cleanText(first(raw));
    if (cleaned.trimmed) notes.push(`The ${field} answer was longer than one cell allows and was trimmed.`);
    answers[field] = cleaned.text;
  }
  if (known === 0) return { ok: false, reason: 'the event carried no answers to Small Wins questions' };
  if (!answers.headline && !answers.story)
    return { ok: false, reason: 'the response has neither a headline nor a story' };

  // A ticked goal Set up does not know (the Form changed by hand, or a Set up that stopped after syncing the Form's
  // choices) is never dropped: it is kept as a suggestion for a leader to confirm, and said so.
  const ticked = Array.from(new Set(splitList(answers.goals ?? '')));
  const chosenGoals = ticked.filter((g) => input.goals.some((x) => x.name === g));
  const unknownGoals = ticked.filter((g) => !chosenGoals.includes(g));
  for (const g of unknownGoals)
    notes.push(
      `The submitter ticked the goal "${g}", which is not among the goals Set up last synced: it is kept as a suggested goal.`,
    );
  const suggestions = [
    ...unknownGoals,
    ...suggestGoals(`${answers.headline ?? ''} ${answers.story ?? ''} ${answers.evidence ?? ''}`, input.goals, [
      ...chosenGoals,
      ...unknownGoals,
    ]),
  ];
  const kind: Kind = answers.kind && isKind(answers.kind) ? answers.kind : 'Win';
  const consent = readIntakeConsent(answers.consent ?? '');
  if (answers.consent && !readConsent(answers.consent))
    notes.push(
      `The consent answer "${answers.consent}" is not a consent level Small Wins knows: it was read as Staff only.`,
    );
  // Only a clear No counts as no: an answer such as "Not sure" is read the safe way, as naming students.
  const names = readAnswer(answers.namesStudents) === 'no' ? 'No' : 'Yes';

  const email = cleanText(first(EMAIL_HEADERS.map((h) => nv[h]).find((v) => v !== undefined))).text;
  return {
    ok: true,
    win: {
      values: {
        submittedAt: input.submittedAtIso,
        status: 'New',
        kind,
        headline: answers.headline ?? '',
        story: answers.story ?? '',
        evidence: answers.evidence ?? '',
        link: answers.link ?? '',
        goals: joinList(chosenGoals),
        suggestedGoals: joinList(suggestions),
        source: answers.source ?? '',
        consent,
        consentGiven: consent,
        // An unanswered privacy question is treated as "names students": the safe reading.
        namesStudents: names,
        privacyCleared: 'No',
        featured: 'No',
        name: answers.name ?? '',
        email,
        role: answers.role ?? '',
        updatedAt: input.nowIso,
      },
      notes,
    },
  };
}
