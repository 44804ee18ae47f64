// Document properties as a typed store: the Form's ID and question map, the win counter, trigger
// bookkeeping, the goals snapshot. Read all keys in one call, write changed keys in one call.
import type { QuestionMap } from '../domain/intake';
import type { Goal } from '../domain/goals';

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
  recentResponses?: string[];
  goals?: Goal[];
  /** Goal ID → name as Set up last saw them, to recognise renamed goals. */
  goalNamesById?: Record<string, string>;
  intakeTrigger?: TriggerRecord;
  /** The Wins header as Set up last left it, for spotting renamed columns. */
  logHeader?: string[];
  /** Newsletter settings (domain/settings.ts NewsletterSettings), the schedule's trigger and bookkeeping. */
  newsletterSettings?: unknown;
  newsletterTrigger?: TriggerRecord;
  /** "yyyy-MM-dd HH:mm" in the spreadsheet's time zone: when the current schedule was saved. */
  newsletterScheduleSince?: string;
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
