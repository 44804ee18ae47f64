// What crosses between the Year-end synthesis dialog and the server: plain JSON types and the endpoint signatures
// the dialog's client derives from (import type only).

/** A school year the dialog offers. */
export interface SynthesisYearOption {
  startYear: number;
  /** "2026–27" */
  label: string;
  /** "1 August 2026 – 31 July 2027" */
  span: string;
}

/** A goal the dialog offers (by its ID in the Goals sheet, so a renamed goal keeps its Doc). */
export interface SynthesisGoalOption {
  key: string;
  name: string;
  active: boolean;
}

/** One Doc of a run, made or still to make. */
export interface SynthesisDocView {
  key: string;
  name: string;
  /** The Doc's link once it exists ('' before). */
  url: string;
  state: 'made' | 'updated' | 'waiting' | 'left alone' | 'no entries';
  /** A sentence when the state needs one (why a Doc was left alone). */
  note: string;
}

/** Where the last run stands: what it made, what is left, and what the leader should know. */
export interface SynthesisRunView {
  year: string;
  docs: SynthesisDocView[];
  finished: boolean;
  /** A sentence for the leader (cut off and continuing, finished by the clock…). */
  message: string;
}

export interface SynthesisView {
  school: string;
  years: SynthesisYearOption[];
  /** The default: the school year containing today, except in August and September (the year just ended). */
  defaultYear: number;
  goals: SynthesisGoalOption[];
  /** The last run, when there is one (so a run the clock finished, or is still finishing, is shown). */
  lastRun: SynthesisRunView | null;
}

export interface SynthesisRequest {
  startYear: number;
  /** Goal IDs; NO_GOAL_KEY ("no-goal") for the entries with no goal yet (a Doc only when there are any). */
  goals: string[];
}

export interface SynthesisEndpoints {
  synthesisOpen: () => SynthesisView;
  synthesisRun: (request: SynthesisRequest) => SynthesisRunView;
}
