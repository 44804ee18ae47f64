// The wins log's vocabulary: statuses, kinds, consent levels, sources and the log's columns by header.
// Everything else finds columns by these header names, never by position.

export const STATUSES = ['New', 'Approved', 'Needs info', 'Archived'] as const;
export type Status = (typeof STATUSES)[number];

export const KINDS = ['Win', 'Lesson learned'] as const;
export type Kind = (typeof KINDS)[number];

/** Widest audience the submitter allows, narrowest first: Staff only ⊂ School community ⊂ Public. */
export const CONSENTS = ['Staff only', 'School community', 'Public'] as const;
export type Consent = (typeof CONSENTS)[number];

export const SOURCES = [
  'Classroom observation',
  'Student work',
  'Family story',
  'Survey or feedback',
  'Data',
  'Meeting',
  'Other',
] as const;
export type Source = (typeof SOURCES)[number];

export const ROLES = [
  'Teacher',
  'Support staff',
  'Coach',
  'Leader',
  'Student',
  'Family member',
  'Program partner',
  'Other',
] as const;

export const YES_NO = ['Yes', 'No'] as const;

/** Every sheet Small Wins keeps, by the name a person sees; code finds them by these names, from this one place. */
export const SHEET_NAMES = {
  wins: 'Wins',
  goals: 'Goals',
  newsletters: 'Newsletters',
} as const;
export const WINS_SHEET = SHEET_NAMES.wins;
export const GOALS_SHEET = SHEET_NAMES.goals;
export const NEWSLETTERS_SHEET = SHEET_NAMES.newsletters;

/** Fields of a win as stored in the log; the value is the column header a person sees. */
export const WIN_COLUMNS = {
  id: 'ID',
  submittedAt: 'Submitted at',
  status: 'Status',
  kind: 'Kind',
  /**
   * When a leader first saved a change to the win; later saves never overwrite it (the dashboard's days from
   * submission to first triage). Beside the columns the dashboard and the queue read, so each is one read.
   */
  firstTriagedAt: 'First triaged at',
  headline: 'Headline',
  story: 'Story',
  evidence: 'Evidence',
  link: 'Link',
  goals: 'Goals',
  suggestedGoals: 'Suggested goals',
  source: 'Source',
  consent: 'Consent',
  namesStudents: 'Names students or photos',
  privacyCleared: 'Privacy cleared',
  featured: 'Featured',
  blurb: 'Public blurb',
  name: 'Submitted by',
  email: 'Email',
  role: 'Role',
  sharedIn: 'Shared in',
  triagedBy: 'Triaged by',
  triagedAt: 'Triaged at',
  updatedAt: 'Updated at',
  privacyClearedBy: 'Privacy cleared by',
  privacyClearedAt: 'Privacy cleared at',
  responseKey: 'Response key',
  /** The submitter's own consent, kept apart so a leader can narrow Consent but never widen it past this. */
  consentGiven: 'Consent given',
  /** Who recorded the submitter's consent by hand (the sidebar's "Record the submitter's consent"), and when. */
  consentRecordedBy: 'Consent recorded by',
  consentRecordedAt: 'Consent recorded at',
} as const;
export type WinField = keyof typeof WIN_COLUMNS;
export const WIN_FIELDS = Object.keys(WIN_COLUMNS) as WinField[];
export const WIN_HEADERS: string[] = WIN_FIELDS.map((f) => WIN_COLUMNS[f]);

/** Column widths in pixels, for a log that stays readable by hand. */
export const WIN_COLUMN_WIDTHS: Partial<Record<WinField, number>> = {
  id: 70,
  submittedAt: 130,
  firstTriagedAt: 130,
  status: 100,
  kind: 110,
  headline: 260,
  story: 360,
  evidence: 240,
  link: 160,
  goals: 180,
  suggestedGoals: 180,
  source: 150,
  consent: 130,
  namesStudents: 110,
  privacyCleared: 100,
  featured: 80,
  blurb: 280,
  name: 150,
  email: 190,
  role: 120,
  sharedIn: 160,
  triagedBy: 170,
  triagedAt: 130,
  updatedAt: 130,
  privacyClearedBy: 170,
  privacyClearedAt: 130,
  responseKey: 120,
  consentGiven: 130,
  consentRecordedBy: 170,
  consentRecordedAt: 130,
};

/** Columns holding long text: wrapped so a row stays readable. */
export const WRAPPED_FIELDS: WinField[] = ['headline', 'story', 'evidence', 'blurb', 'goals', 'suggestedGoals'];

/** Dropdowns a leader on a phone can still use by hand. */
export const WIN_DROPDOWNS: Partial<Record<WinField, readonly string[]>> = {
  status: STATUSES,
  kind: KINDS,
  consent: CONSENTS,
  source: SOURCES,
  namesStudents: YES_NO,
  privacyCleared: YES_NO,
  featured: YES_NO,
};

/** The ID column (last, narrow) lets Set up tell a renamed goal from a new one and retag its wins. */
export const GOAL_COLUMNS = {
  name: 'Goal',
  description: 'Description',
  keywords: 'Keywords',
  active: 'Active',
  id: 'ID',
} as const;
export const GOAL_HEADERS: string[] = Object.values(GOAL_COLUMNS);

export function isStatus(v: string): v is Status {
  return (STATUSES as readonly string[]).includes(v);
}
export function isKind(v: string): v is Kind {
  return (KINDS as readonly string[]).includes(v);
}
export function isConsent(v: string): v is Consent {
  return (CONSENTS as readonly string[]).includes(v);
}
