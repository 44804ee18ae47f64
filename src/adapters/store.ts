// Document properties as a typed store: the Form's ID and question map, the win counter, trigger
// bookkeeping, the goals snapshot. Read all keys in one call, write changed keys in one call.
import type { QuestionMap } from '../domain/intake';
import type { Goal } from '../domain/goals';
import type { ClockRecord, Heartbeat } from '../domain/clock';

export interface TriggerRecord {
  id: string;
  owner: string;
}

export interface StoredConfig {
  formId?: string;
  formUrl?: string;
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
  /** Older versions' clock record (their trigger existed only while a cadence was on): the clock's until Set up. */
  newsletterTrigger?: TriggerRecord;
  /** "yyyy-MM-dd HH:mm" in the spreadsheet's time zone: when the current schedule was saved. */
  newsletterScheduleSince?: string;
  /** The period and audiences ("2026-W48 Staff,Families") the clock's last scheduled run finished. */
  newsletterDone?: string;
  /** Scheduled period keys that found nothing eligible, so the hourly check does not look again. */
  newsletterEmptyPeriods?: string[];
  [key: string]: unknown;
}

const PREFIX = 'sw.';

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export class DocumentStore {
  private constructor(
    private readonly props: GoogleAppsScript.Properties.Properties,
    readonly config: StoredConfig,
  ) {}

  /** Two service calls: the store and all its keys. */
  static open(): DocumentStore {
    const props = PropertiesService.getDocumentProperties();
    const raw = props.getProperties();
    const config: StoredConfig = {};
    for (const [k, v] of Object.entries(raw)) if (k.startsWith(PREFIX)) config[k.slice(PREFIX.length)] = parse(v);
    return new DocumentStore(props, config);
  }

  /** One service call for any number of keys. Values are JSON; Properties keep strings only. */
  save(patch: Partial<StoredConfig>): void {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      out[PREFIX + k] = JSON.stringify(v);
      this.config[k] = v;
    }
    if (Object.keys(out).length) this.props.setProperties(out);
  }

  remove(key: keyof StoredConfig & string): void {
    this.props.deleteProperty(PREFIX + key);
    delete this.config[key];
  }
}
