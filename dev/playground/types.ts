// The JSON the playground server sends its page: what a Workspace user would see of the simulated school.
// Shared by the server (dev/playground/*.ts) and the page (client/); plain data only.

/** The request header (lower case) that carries a browser tab's visitor ID. */
export const VISITOR_HEADER = 'x-playground-visitor';

export interface SheetView {
  name: string;
  frozenRows: number;
  /** Width in pixels per column (index 0 = column A). */
  widths: number[];
  /** Displayed values, as Sheets shows them; row 0 is row 1 of the sheet. */
  rows: string[][];
  /** Embedded charts, each with the data of its range (first row: series names; first column: categories). */
  charts: ChartView[];
}

export interface ChartView {
  title: string;
  type: string;
  stacked: boolean;
  /** Where it is anchored, in A1 notation. */
  anchor: string;
  series: string[];
  categories: string[];
  /** values[category][series] */
  values: number[][];
}

export interface MenuItemView {
  caption: string;
  fn?: string;
  separator?: boolean;
  items?: MenuItemView[];
}

export interface MenuView {
  title: string;
  items: MenuItemView[];
}

export interface AddonPageView {
  /** Which record of sim.ui this is, so the page can load /addon/<kind>/<n>. */
  kind: 'sidebar' | 'dialog';
  n: number;
  title: string;
  width?: number;
  height?: number;
  modal?: boolean;
}

export interface AlertView {
  title?: string;
  message: string;
  buttons?: string;
  prompt?: boolean;
  /** The button the simulator answered with (it answers confirmations with their default button). */
  answered?: string;
}

export interface FormQuestionView {
  id: number;
  type: string;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  otherOption: boolean;
}

export interface FormView {
  id: string;
  title: string;
  description: string;
  confirmationMessage: string;
  published: boolean;
  acceptingResponses: boolean;
  collectEmail: boolean;
  responses: number;
  items: FormQuestionView[];
}

export interface DocBlockView {
  /** 'heading' (level 1–6), 'title', 'subtitle', 'paragraph', 'list item', 'table', 'rule', 'page break' … */
  type: string;
  level?: number;
  text: string;
  /** Table cells as text, for tables. */
  cells?: string[][];
}

export interface DocView {
  id: string;
  title: string;
  url?: string;
  createdAt: string;
  blocks: DocBlockView[];
}

export interface DraftView {
  id: string;
  headers: Array<[string, string]>;
  subject: string;
  createdAt: string;
  /** The HTML part, rendered by the page in a sandboxed iframe without scripts. */
  html: string;
  text: string;
}

export interface TriggerView {
  id: string;
  fn: string;
  type: string;
  owner: string;
  schedule: string;
  /** ISO time it next fires (clock triggers). */
  next: string | null;
}

export interface MeterCost {
  calls: number;
  ms: number;
  /** Service calls by method, most expensive first. */
  byMethod: Array<{ method: string; calls: number; ms: number }>;
}

export interface ActivityEntry {
  n: number;
  /** Simulated time at which the action started (ISO). */
  at: string;
  what: string;
  cost: MeterCost;
  /** Lines the add-on logged (console / Logger). */
  logs: string[];
  /** A plain sentence when the action threw. */
  error?: string;
  /** Triggers the action fired (clock triggers when time moved, form-submit on a response). */
  fired?: string[];
}

export interface PlaygroundView {
  school: string;
  now: string;
  timeZone: string;
  user: string;
  spreadsheet: { name: string; sheets: SheetView[]; activeSheet: string };
  menus: MenuView[];
  sidebar: AddonPageView | null;
  dialog: AddonPageView | null;
  alerts: AlertView[];
  toasts: string[];
  forms: FormView[];
  docs: DocView[];
  drafts: DraftView[];
  triggers: TriggerView[];
  activity: ActivityEntry[];
}

/** Reply of every POST action. */
export interface ActionReply {
  entry: ActivityEntry;
  view: PlaygroundView;
  /** For POST /api/run: the script function's result, or the error message google.script.run gives. */
  ok?: boolean;
  value?: unknown;
  error?: string;
}

/** The District tab: the school's district export, and the hub with it and two more seeded schools. */
export interface DistrictPlaygroundView {
  /** What this is, in a sentence or two. */
  note: string;
  export: { name: string; sheets: SheetView[]; activeSheet: string };
  hub: { name: string; sheets: SheetView[]; activeSheet: string };
  /** What the hub said (Add school, the refresh), in order. */
  said: string[];
}
