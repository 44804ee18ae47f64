// Document properties as a typed store: the Form's ID and question map, the win counter, trigger
// bookkeeping, the goals snapshot, the settings. Read all keys in one call, write changed keys in one call; values
// longer than one property holds are split over parts (domain/stored-values.ts).
import type { QuestionMap } from '../domain/intake';
import type { Goal } from '../domain/goals';
import type { ClockRecord, Heartbeat } from '../domain/clock';
import { encodeStored, readStored, storeProblem } from '../domain/stored-values';

export interface TriggerRecord {
  id: string;
  owner: string;
}

export interface StoredConfig {
  formId?: string;
  formUrl?: string;
  /** Set while Set up is making a new Form, cleared when it finishes: a later Set up finishes that Form. */
  formUnfinished?: boolean;
  questionMap?: QuestionMap;
  /** Form item ID → field, so a retitled question is re-learned at the next Set up. */
  itemFields?: Record<string, string>;
  nextWinNumber?: number;
  /** Older versions' content keys of recent responses; read until the first catch-up retires them. */
  recentResponses?: string[];
  /** Records ("<timestamp>~<fingerprint>", domain/catch-up.ts) of responses intake and the catch-up handled lately. */
  intakeRecords?: string[];
  /** Every response whose Timestamp is at or below this (ms) has been handled: the catch-up looks only above it. */
  responsesCheckedUntil?: number;
  /** Responses known to wait for the catch-up (the Wins header shows the notice while this is above 0). */
  responsesWaiting?: number;
  /** Where the catch-up reads the Form's Timestamps: its Form, the response sheet's name, column (1-based), header. */
  responseSheet?: { formId: string; name: string; column: number; header: string };
  goals?: Goal[];
  /** Goal ID → name as Set up last saw them, to recognise renamed goals. */
  goalNamesById?: Record<string, string>;
  intakeTrigger?: TriggerRecord;
  /** The Wins header as Set up last left it, for spotting renamed columns. */
  logHeader?: string[];
  /** The one hourly clock trigger and the account that runs it; its ticks' heartbeat; when each job last ran (ISO). */
  clockTrigger?: ClockRecord;
  clockHeartbeat?: Heartbeat;
  clockLastRun?: Record<string, string>;
  /** Newsletter settings (domain/settings.ts NewsletterSettings) and the schedule's bookkeeping. */
  newsletterSettings?: unknown;
  /** Bumped by every Settings save, with who saved and when (ISO), so a save from an older dialog is caught. */
  newsletterSettingsVersion?: { n: number; by: string; at: string };
  /** Older versions' clock record (their trigger existed only while a cadence was on): the clock's until Set up. */
  newsletterTrigger?: TriggerRecord;
  /** "yyyy-MM-dd HH:mm" in the spreadsheet's time zone: when the current schedule was saved. */
  newsletterScheduleSince?: string;
  /** The period and audiences ("2026-W48 Staff,Families") the clock's last scheduled run finished. */
  newsletterDone?: string;
  /** Scheduled period keys that found nothing eligible, so the hourly check does not look again. */
  newsletterEmptyPeriods?: string[];
  /** What the last scheduled run left out for audiences it made no issue for (skipped or empty), for Settings. */
  newsletterLastRun?: { at: string; lines: string[] };
  [key: string]: unknown;
}

const PREFIX = 'sw.';

export class DocumentStore {
  private constructor(
    private readonly props: GoogleAppsScript.Properties.Properties,
    /** The store's properties as last read or written, to know each value's parts and the store's size. */
    private readonly raw: Record<string, string>,
    readonly config: StoredConfig,
  ) {}

  /** Two service calls: the store and all its keys (values split over parts are joined here). */
  static open(): DocumentStore {
    const props = PropertiesService.getDocumentProperties();
    const raw: Record<string, string> = { ...props.getProperties() };
    return new DocumentStore(props, raw, readStored(raw, PREFIX));
  }

  /**
   * Null when `patch` fits the store, or a sentence saying it does not (checked before anything is written, so a
   * caller can refuse with nothing changed). `what` names the values in the school's words.
   */
  problemSaving(patch: Partial<StoredConfig>, what: string): string | null {
    return storeProblem(this.raw, encodeStored(this.raw, PREFIX, patch), what);
  }

  /**
   * One service call for any number of keys. Values are JSON; a value over 8 KB is split over parts written in the
   * same call (Apps Script keeps at most 9 KB per property).
   */
  save(patch: Partial<StoredConfig>): void {
    const out = encodeStored(this.raw, PREFIX, patch);
    if (!Object.keys(out).length) return;
    this.props.setProperties(out);
    Object.assign(this.raw, out);
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) this.config[k] = v;
  }

  remove(key: keyof StoredConfig & string): void {
    this.props.deleteProperty(PREFIX + key);
    delete this.raw[PREFIX + key];
    delete this.config[key];
  }
}
