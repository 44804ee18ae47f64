// What crosses between the Settings dialog and the server: plain JSON types and the endpoint signatures the
// dialog's client derives from (import type only).
import type { Audience, SettingsField, SettingsInput } from './domain/settings';

export type { SettingsField, SettingsInput };

/** One issue in the dialog's list of recent issues. */
export interface RecentIssue {
  key: string;
  label: string;
  audience: Audience;
  period: string;
  state: string;
  wins: number;
  docUrl: string;
  createdAt: string;
  createdBy: string;
  cancellable: boolean;
  /** What a leader should know or do before sending ('' when nothing): wins left out, or changed after drafting. */
  attention: string;
}

export interface CancelResult {
  ok: boolean;
  message: string;
  /** The draft is gone from Gmail (perhaps sent): the leader must confirm with force. */
  needsConfirmation?: boolean;
}

export interface SettingsView {
  input: SettingsInput;
  /** The saved settings' version: a save sends back the version its dialog read (0 before the first save). */
  version: number;
  /** Who saved this version and when (in the spreadsheet's time zone), '' before the first save. */
  savedBy: string;
  savedAt: string;
  /** The schedule, whose account runs the automation and when it last ran, in sentences. */
  automation: string;
  /** A warning when the clock seems stopped (no heartbeat for more than two hours), or ''. */
  automationWarning: string;
  timeZone: string;
  recentIssues: RecentIssue[];
  me: string;
  /** The schedule in words and the wins waiting now; absent from older servers. */
  schedule?: ScheduleView;
}

/** The next run, the wins waiting per audience, and what the last scheduled run left out (app/schedule-view). */
export interface ScheduleView {
  /** "Friday 27 November, at the first check after 3 pm"; '' when the schedule is off. */
  nextRun: string;
  /** Per audience turned on: eligible wins waiting now, and how many a scheduled issue needs. */
  waiting: Array<{ audience: Audience; wins: number; atLeast: number }>;
  /** What the last scheduled run said for audiences it made no issue for, or null. */
  lastRun: { at: string; lines: string[] } | null;
}

/** Another leader saved since the dialog opened: nothing was saved; the dialog shows their version and what changed. */
export interface SettingsConflict {
  savedBy: string;
  savedAt: string;
  view: SettingsView;
}

export type SaveResult =
  | { ok: true; message: string; view: SettingsView }
  | {
      ok: false;
      errors: Partial<Record<SettingsField, string>>;
      message: string;
      conflict?: SettingsConflict;
    };

export interface SaveOptions {
  takeOverSchedule: boolean;
  /** The version the dialog read (SettingsView.version): a newer save since then refuses this one. */
  version?: number;
}

export interface SettingsEndpoints {
  settingsOpen: () => SettingsView;
  settingsSave: (input: SettingsInput, opts: SaveOptions) => SaveResult;
  settingsCancelIssue: (key: string, force: boolean) => { result: CancelResult; recentIssues: RecentIssue[] };
}
