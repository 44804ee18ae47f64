// The shapes each sidebar and Settings endpoint takes (payload.ts checks them before anything runs): the same types
// src/api.ts and src/settings-api.ts declare, written once more as checks because types vanish at run time.
import type { BulkRequest, QueueQuery, RebuildRequest, SaveRequest, TriageChange, WinRef } from '../api';
import type { SaveOptions } from '../settings-api';
import type { SettingsInput } from './settings';
import type { SynthesisRequest } from '../synthesis-api';
import { AUDIENCES } from './settings';
import { Check, describeValue, flag, listOf, numberOrText, orNull, PayloadError, record, text, whole } from './payload';
import { CONSENTS, KINDS, STATUSES } from './schema';

/** One of the given words, or (when `blank`) '' for "no filter". */
function word<T extends string>(values: readonly T[], blank = false): Check<T | undefined> {
  return (v, path) => {
    if (blank && v === '') return undefined;
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    throw new PayloadError(
      `${path} should be one of ${values.map((x) => `"${x}"`).join(', ')}, not ${describeValue(v)}`,
    );
  };
}

const STATUS_FILTERS = ['To triage', ...STATUSES, 'All'] as const;

export const QUEUE_QUERY = record(
  { status: word(STATUS_FILTERS), page: whole(0, 1_000_000) },
  {
    goal: text({ max: 500 }),
    kind: word(KINDS, true),
    audience: word(AUDIENCES, true),
    search: text({ max: 1000 }),
    sizeHint: whole(0, 10_000_000),
  },
) as Check<QueueQuery>;

const ROW = whole(0, 10_000_000);

export const WIN_REF = record({ id: text({ max: 100 }), row: ROW }) as Check<WinRef>;

/** Status, kind and consent are text here: the triage rules say, in a sentence, when one is not a known value. */
export const TRIAGE_CHANGE = record(
  {},
  {
    status: text({ max: 100 }),
    kind: text({ max: 100 }),
    goals: listOf(text({ max: 500 }), 500),
    consent: text({ max: 100 }),
    privacyCleared: flag,
    featured: flag,
    blurb: text(),
    recordConsent: orNull(word(CONSENTS) as Check<(typeof CONSENTS)[number]>),
  },
) as Check<TriageChange>;

const VERSIONED_REF = record({ id: text({ max: 100 }), row: ROW, version: text({ max: 1000 }) });

export const SAVE_REQUEST = record(
  { id: text({ max: 100 }), row: ROW, version: text({ max: 1000 }), change: TRIAGE_CHANGE },
  { draftToSubmitter: flag },
) as Check<SaveRequest>;

export const BULK_REQUEST = record(
  { wins: listOf(VERSIONED_REF, 100), change: TRIAGE_CHANGE },
  { addGoals: listOf(text({ max: 500 }), 50) },
) as Check<BulkRequest>;

export const REBUILD_REQUEST = record({ issue: text({ max: 200, nonEmpty: true }) }) as Check<RebuildRequest>;

// Sizes are the settings rules' to judge (in words); the shape only asks for text.
const AUDIENCE_INPUT = record({ enabled: flag, recipients: text() });
const EDITION_INPUT = record({ greeting: text(), signoff: text(), minWins: numberOrText });

export const SETTINGS_INPUT = record(
  {
    schoolName: text(),
    audiences: record({ Staff: AUDIENCE_INPUT, Families: AUDIENCE_INPUT, Public: AUDIENCE_INPUT }),
    cadence: record({ kind: text({ max: 100 }), weekday: numberOrText, monthDay: numberOrText, hour: numberOrText }),
    template: text(),
    senderName: text(),
    replyTo: text(),
    creditContributors: flag,
  },
  {
    staffCount: numberOrText,
    // Closing the loop (older dialogs do not send it).
    closingLoop: record({ thankSubmitters: flag, leaderDigest: flag, leaders: text() }),
    editions: record({ Staff: EDITION_INPUT, Families: EDITION_INPUT, Public: EDITION_INPUT }),
    familyLanguages: listOf(record({ code: text({ max: 20 }), recipients: text() }), 50),
  },
) as Check<SettingsInput>;

export const SETTINGS_SAVE_OPTIONS = record(
  { takeOverSchedule: flag },
  { version: whole(0, Number.MAX_SAFE_INTEGER) },
) as Check<SaveOptions>;

export const SYNTHESIS_REQUEST = record({
  startYear: whole(2000, 2200),
  goals: listOf(text({ max: 100, nonEmpty: true }), 1000),
}) as Check<SynthesisRequest>;

export const ISSUE_KEY = text({ max: 200, nonEmpty: true });
export { flag };
