// What crosses between the triage sidebar and the server: plain JSON types only (no Date, no class
// instances: google.script.run rejects them), and the endpoint signatures the sidebar's client derives from.
import type { Consent, Kind, Status } from './domain/schema';

export type { Consent, Kind, Status };

/** The newsletter audiences a win can reach, as PRODUCT.md names them. */
export type Audience = 'Staff' | 'Families' | 'Public';

/** Which wins the queue shows; "To triage" is New and Needs info together. */
export type StatusFilter = 'To triage' | Status | 'All';

export type WarningCode =
  | 'privacy'
  | 'blurb-email'
  | 'blurb-phone'
  | 'consent-wider'
  | 'consent-missing'
  | 'consent-unreadable'
  | 'featured-unapproved';

export interface WinWarning {
  code: WarningCode;
  message: string;
}

/** One win as the sidebar sees it. Dates are ISO strings; flags are booleans. */
export interface WinView {
  id: string;
  /** The sheet row it was read from: a hint only; the server always checks the ID in that row. */
  row: number;
  /** Fingerprint of the row as read; a save carries it back to detect changes made since. */
  version: string;
  submittedAt: string;
  /** A Status, or what a person typed in the cell. */
  status: string;
  /** A Kind, or what a person typed in the cell. */
  kind: string;
  headline: string;
  story: string;
  evidence: string;
  link: string;
  goals: string[];
  suggestedGoals: string[];
  source: string;
  /** A Consent, or what a person typed in the cell. */
  consent: string;
  /** The widest audience the submitter allowed ('' when not on record): consent is never wider than this. */
  consentGiven: string;
  /** The consent newsletters use: the narrower of Consent and Consent given, Staff only when either is unreadable. */
  effectiveConsent: Consent;
  /** The submitter's consent is missing or unreadable: the sidebar offers "Record the submitter's consent". */
  needsConsentRecord: boolean;
  consentRecordedBy: string;
  consentRecordedAt: string;
  namesStudents: boolean;
  privacyCleared: boolean;
  privacyClearedBy: string;
  privacyClearedAt: string;
  featured: boolean;
  blurb: string;
  name: string;
  email: string;
  role: string;
  sharedIn: string;
  triagedBy: string;
  triagedAt: string;
  updatedAt: string;
  /** True when long text was shortened for the queue page; the full win comes from triageWin. */
  truncated: boolean;
  warnings: WinWarning[];
}

/** What a leader may change on a win. Who and when (triaged, privacy cleared) is recorded by the server. */
export interface TriageChange {
  status?: Status;
  kind?: Kind;
  goals?: string[];
  consent?: Consent;
  privacyCleared?: boolean;
  featured?: boolean;
  blurb?: string;
  /**
   * Records the submitter's consent where it is missing (logged with who and when); null takes back a consent a
   * leader recorded (an undo). Never overwrites a consent that is on record.
   */
  recordConsent?: Consent | null;
}

export interface WinRef {
  id: string;
  row: number;
}

export interface SaveRequest extends WinRef {
  version: string;
  change: TriageChange;
  /** Needs info only: also prepare a Gmail draft to the submitter asking for more. */
  draftToSubmitter?: boolean;
}

export interface Conflict {
  /** The win as it is now, or null when it is no longer in the log. */
  current: WinView | null;
  /** Fields (WIN_COLUMNS keys) that changed since the leader read the win. */
  fields: string[];
  /** A sentence for the leader. */
  message: string;
}

/** A newsletter draft that still carries a win this save disqualified: the sidebar offers to rebuild it. */
export interface DraftOffer {
  /** The issue's key in the Newsletters sheet. */
  issue: string;
  /** "Families #3" */
  label: string;
  /** A sentence for the leader. */
  message: string;
  /** True when the draft is in this leader's Gmail and can be rebuilt from here. */
  canRebuild: boolean;
}

export type SaveResult =
  | { saved: WinView; previous: TriageChange; note?: string; drafts?: DraftOffer[] }
  | { conflict: Conflict }
  | { refused: string };

export interface BulkRequest {
  wins: Array<WinRef & { version: string }>;
  change: TriageChange;
  /** Goals to add to each win, each keeping its own (tagging several wins together). */
  addGoals?: string[];
}

export interface BulkResult {
  results: Array<{ id: string; result: SaveResult }>;
}

export interface QueueQuery {
  status: StatusFilter;
  goal?: string;
  kind?: Kind;
  audience?: Audience;
  search?: string;
  /** 0-based page number. */
  page: number;
  /**
   * The log's size when the sidebar last asked (QueuePage.logSize): shapes the server's read plan, never its answer.
   */
  sizeHint?: number;
}

export type StatusCounts = Record<Status, number>;

export interface QueuePage {
  wins: WinView[];
  /** Wins matching the query, over all pages. */
  total: number;
  page: number;
  pageSize: number;
  counts: StatusCounts;
  /** Rows in the log, for "x of y". */
  logSize: number;
}

export interface GoalChip {
  name: string;
  description: string;
}

export interface OpenResult extends QueuePage {
  goals: GoalChip[];
  blurbLimit: number;
  /** True when a Gmail draft can be prepared with Needs info. */
  canDraft: boolean;
  /** Problems the leader should know about (e.g. the Goals sheet is missing), as sentences. */
  notices: string[];
  /** Form responses not yet in the log, in a sentence (from the notice the header row carries), or ''. */
  waiting: string;
  /** The school's time zone (the spreadsheet's, e.g. "America/New_York"): the sidebar shows dates in it. */
  timeZone: string;
}

export interface RebuildRequest {
  /** The issue's key (DraftOffer.issue). */
  issue: string;
}

export interface RebuildResult {
  ok: boolean;
  /** A sentence for the leader: what the rebuilt draft carries and what was left out. */
  message: string;
}

/** What the last dashboard refresh counted per goal, for the sidebar's one-line pattern under a win's goals. */
export interface PatternView {
  /** The school year counted, "2026–27". */
  year: string;
  /** ISO time of that refresh. */
  asOf: string;
  /** [goal, wins, lessons learned] for every goal with entries this year. */
  goals: Array<[string, number, number]>;
}

/** The server functions the sidebar calls; the sidebar's promise client is typed from this. */
export interface TriageEndpoints {
  triageOpen: (query: QueueQuery) => OpenResult;
  triageQueue: (query: QueueQuery) => QueuePage;
  triageWin: (ref: WinRef) => WinView | null;
  triageSave: (request: SaveRequest) => SaveResult;
  triageSaveMany: (request: BulkRequest) => BulkResult;
  /** The pattern the last dashboard refresh stored (null before the first): two calls, never a read of the log. */
  triagePattern: () => PatternView | null;
  triageRebuildDraft: (request: RebuildRequest) => RebuildResult;
  /** Opens the Showcase dialog with a new practice linked to these (approved) wins. */
  triageNominate: (request: NominateRequest) => { opened: boolean };
}

export interface NominateRequest {
  winIds: string[];
}
