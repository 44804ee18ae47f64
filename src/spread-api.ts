// What crosses between the Showcase dialog, the Settings dialog's "Share with the district" section and the server:
// plain JSON types and the endpoint signatures the pages' client derives from (import type only).
import type { PracticeInput, PracticeInputField, Tier } from './domain/showcase';

export type { PracticeInput, PracticeInputField, Tier };

/** A linked win as the dialog lists it. */
export interface LinkedWinView {
  id: string;
  headline: string;
  /** ISO, or '' when the win has no date. */
  submittedAt: string;
  approved: boolean;
  /** Its story goes into the district export (approved, consent Public, privacy cleared where needed). */
  reachesDistrict: boolean;
  /** False when the ID is not in the Wins log (any more). */
  found: boolean;
}

export interface TierSuggestionView {
  tier: Tier;
  reason: string;
}

/** One practice as the dialog shows it. */
export interface PracticeView extends PracticeInput {
  id: string;
  /** Draft, Nominated, Withdrawn, or what a person typed in the sheet. */
  status: string;
  /** What the dialog sends back with a save, so a save over another leader's newer one is caught. */
  version: string;
  nominatedBy: string;
  nominatedAt: string;
  updatedBy: string;
  updatedAt: string;
  wins: LinkedWinView[];
  suggestion: TierSuggestionView;
}

/** A new practice started from the wins a leader selected in the triage sidebar. */
export interface NewPracticeView {
  winIds: string[];
  wins: LinkedWinView[];
  suggestion: TierSuggestionView;
}

export interface ShowcaseView {
  practices: PracticeView[];
  goals: string[];
  /** Set when the dialog was opened from the sidebar with wins selected. */
  start: NewPracticeView | null;
  /** Where the district export stands, in a sentence. */
  sharing: string;
  /** The school's time zone (the spreadsheet's): the dialog shows the wins' dates in it. */
  timeZone: string;
}

export type ShowcaseAction = 'save' | 'nominate' | 'withdraw';

export interface ShowcaseSaveRequest {
  /** '' for a new practice. */
  id: string;
  version: string;
  action: ShowcaseAction;
  practice: PracticeInput;
}

export type ShowcaseSaveResult =
  | { ok: true; message: string; practice: PracticeView; practices: PracticeView[] }
  | { ok: false; message: string; errors: Partial<Record<PracticeInputField, string>>; current?: PracticeView };

export interface LinkedWinsResult {
  wins: LinkedWinView[];
  suggestion: TierSuggestionView;
}

/** The Showcase dialog's server functions. */
export interface ShowcaseEndpoints {
  showcaseOpen: () => ShowcaseView;
  showcaseWins: (winIds: string[]) => LinkedWinsResult;
  showcaseSave: (request: ShowcaseSaveRequest) => ShowcaseSaveResult;
}

/** "Share with the district" as the Settings dialog shows it. */
export interface DistrictView {
  sharing: boolean;
  /** The district account the export is (or was last) shared with. */
  district: string;
  /** The export's link ('' before one is made). */
  url: string;
  /** Who made the export (only that account can refresh, change or stop it). */
  owner: string;
  /** The running leader owns the export (or none exists yet). */
  mine: boolean;
  /** "Updated 23 November at 14:05", or '' before the first refresh. */
  refreshed: string;
  /** Why the last refresh failed, in a sentence; '' when it did not. */
  problem: string;
  nominated: number;
}

export interface DistrictShareRequest {
  district: string;
  /** Also prepare a Gmail draft to the district with the link. */
  draftEmail: boolean;
}

export interface DistrictResult {
  ok: boolean;
  message: string;
  view: DistrictView;
}

/** The district section's server functions. */
export interface DistrictEndpoints {
  districtOpen: () => DistrictView;
  districtShare: (request: DistrictShareRequest) => DistrictResult;
  districtStop: () => DistrictResult;
  districtRefresh: () => DistrictResult;
}
