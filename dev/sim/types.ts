// Shapes of the simulator's live state (what the fake services read and write) and of the
// JSON-serialisable snapshot that exportState() returns and createSimulator({ state }) restores.

export type CellValue = string | number | boolean | Date;

export interface ValidationState {
  type: 'VALUE_IN_LIST' | 'CHECKBOX' | 'VALUE_IN_RANGE' | string;
  values: unknown[];
  showDropdown?: boolean;
  allowInvalid: boolean;
  helpText: string | null;
}

export interface Cell {
  /** Stored value; '' for empty. Formula cells hold their computed placeholder. */
  v: CellValue;
  /** Formula text, e.g. "=1+1". */
  f?: string;
  /** Number format, e.g. "@" (plain text), "0%", "M/d/yyyy". */
  fmt?: string;
  dv?: ValidationState;
  /** Other formatting (fontWeight, background, wrap, horizontalAlignment, ...). */
  st?: Record<string, string | number | boolean>;
}

export interface SheetState {
  id: number;
  name: string;
  /** rows[r][c], 0-based; holes mean empty, unformatted cells. */
  rows: (Cell | undefined)[][];
  maxRows: number;
  maxCols: number;
  frozenRows: number;
  frozenCols: number;
  /** widths[c] (0-based), pixels; missing = 100. */
  widths: (number | undefined)[];
  hiddenCols: boolean[];
  /** URL of the form whose responses land here. */
  formUrl: string | null;
  /** Embedded charts, in the order they were inserted. */
  charts?: ChartState[];
  /** Developer metadata located on this sheet. */
  metadata?: MetadataState[];
}

/** A range a chart reads, by sheet and box (1-based). */
export interface ChartRangeState {
  sheetId: number;
  r: number;
  c: number;
  nr: number;
  nc: number;
}

/** An embedded chart as the sheet keeps it (what EmbeddedChart and its builder read and write). */
export interface ChartState {
  /** Unique across the spreadsheet; null until the chart is inserted. */
  id: number | null;
  /** A Charts.ChartType name: COLUMN, BAR, LINE… */
  type: string;
  ranges: ChartRangeState[];
  /** Chart options by name (title, isStacked, legend.position…), as setOption stores them. */
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: 'MERGE_COLUMNS' | 'MERGE_ROWS';
  hiddenStrategy: string;
}

export type MetadataVisibility = 'DOCUMENT' | 'PROJECT';

/** Developer metadata: a key, an optional value, a visibility; where it sits is where it is stored. */
export interface MetadataState {
  id: number;
  key: string;
  value: string | null;
  visibility: MetadataVisibility;
}

export interface SpreadsheetState {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetState[];
  activeSheetId: number;
  formUrl: string | null;
  /** Developer metadata located on the spreadsheet itself. */
  metadata?: MetadataState[];
  /** Who owns the file (its creator); absent in states saved before files had owners: then anyone may open it. */
  owner?: string;
  /** Drive sharing: who else may open it, and how (dev/sim/drive.ts). */
  permissions?: PermissionState[];
  /** The project and user that created it through an API: what drive.file lets that user reach from that project. */
  createdBy?: { project: string; user: string };
}

/** One Drive permission on a file, as the Drive API v3 describes it. */
export interface PermissionState {
  id: string;
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';
  emailAddress?: string;
  domain?: string;
  /** Whether Drive emailed the person about it (sendNotificationEmail, true unless turned off). */
  notified: boolean;
}

export type ItemTypeName =
  'TEXT' | 'PARAGRAPH_TEXT' | 'MULTIPLE_CHOICE' | 'CHECKBOX' | 'LIST' | 'SECTION_HEADER' | 'PAGE_BREAK';

export interface FormItemState {
  id: number;
  type: ItemTypeName;
  title: string;
  helpText: string;
  required: boolean;
  choices: string[];
  otherOption: boolean;
}

export interface FormResponseState {
  id: string;
  timestamp: string; // ISO
  email: string;
  answers: Array<{ itemId: number; response: string | string[] }>;
}

export interface FormState {
  id: string;
  publishedId: string;
  title: string;
  description: string;
  confirmationMessage: string;
  collectEmail: boolean;
  emailCollectionType: 'VERIFIED' | 'RESPONDER_INPUT' | 'DO_NOT_COLLECT';
  allowResponseEdits: boolean;
  limitOneResponsePerUser: boolean;
  requireLogin: boolean;
  progressBar: boolean;
  acceptingResponses: boolean;
  published: boolean;
  deleted: boolean;
  items: FormItemState[];
  responses: FormResponseState[];
  destination: null | {
    spreadsheetId: string;
    sheetId: number;
    /** Header text the form last wrote for each item id (how it finds the item's column). */
    headers: Record<string, string>;
  };
  owner: string;
}

export type TriggerEventType = 'ON_FORM_SUBMIT' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'CLOCK';

export interface ClockSchedule {
  kind: 'hours' | 'days' | 'weeks' | 'minutes' | 'once';
  every?: number;
  atHour?: number;
  nearMinute?: number;
  weekDay?: number; // 1 = Monday ... 7 = Sunday
  at?: string; // ISO, for once
}

export interface TriggerState {
  id: string;
  fn: string;
  type: TriggerEventType;
  owner: string;
  source: 'SPREADSHEETS' | 'CLOCK' | 'FORMS';
  sourceId?: string;
  schedule?: ClockSchedule;
  /** Next due time (ms) for clock triggers; null once a one-time trigger has fired. */
  next?: number | null;
}

export interface CacheEntry {
  v: string;
  exp: number;
}

export interface SimState {
  version: 1;
  now: string;
  timeZone: string;
  user: string;
  seq: number;
  activeSpreadsheetId: string;
  spreadsheets: unknown[]; // serialised SpreadsheetState (dates tagged as {"$date": iso})
  forms: FormState[];
  triggers: TriggerState[];
  properties: {
    script: Record<string, string>;
    document: Record<string, Record<string, string>>;
    user: Record<string, Record<string, string>>;
  };
  cache: Record<string, Record<string, CacheEntry>>;
  /** State of services registered with registerService(), by name. */
  extensions: Record<string, unknown>;
}
