// The one set of consent, privacy and eligibility rules, as functions of a decoded Win: the sidebar's view and
// filters, the newsletter's selection and re-check, the Shared in marks and the credit lines all call these.
import { Consent, CONSENTS } from './schema';
import type { Audience } from './settings';
import type { Win } from './win';

/** Consents each newsletter audience may carry (PRODUCT.md's table). */
export const AUDIENCE_CONSENTS: Record<Audience, readonly Consent[]> = {
  Staff: ['Staff only', 'School community', 'Public'],
  Families: ['School community', 'Public'],
  Public: ['Public'],
};

/** Narrowest first: Staff only 0, School community 1, Public 2. */
export function consentRank(consent: Consent): number {
  return CONSENTS.indexOf(consent);
}

/**
 * The consent every audience check relies on: the narrower of the log's Consent and the submitter's Consent
 * given. Either one blank or unreadable counts as Staff only, so no hand edit, blanked cell or deleted column
 * ever widens a win.
 */
export function effectiveConsent(win: Pick<Win, 'consent' | 'consentGiven'>): Consent {
  if (!win.consent || !win.consentGiven) return 'Staff only';
  return consentRank(win.consent) <= consentRank(win.consentGiven) ? win.consent : win.consentGiven;
}

/** Consent allows the audience (privacy aside): the sidebar's audience filter uses this one. */
export function consentAllows(win: Pick<Win, 'consent' | 'consentGiven'>, audience: Audience): boolean {
  return AUDIENCE_CONSENTS[audience].includes(effectiveConsent(win));
}

/** Families and the public see a win that names students (or whose cell is not a clear No) only once cleared. */
export function privacyClearedWhereNeeded(win: Pick<Win, 'namesStudents' | 'privacyCleared'>, audience: Audience) {
  return audience === 'Staff' || !win.namesStudents || win.privacyCleared;
}

export function isApproved(win: Pick<Win, 'status'>): boolean {
  return win.status === 'Approved';
}

export function sharedWith(win: Pick<Win, 'sharedIn'>, audience: Audience): boolean {
  return win.sharedIn.some((t) => t.audience.toLowerCase() === audience.toLowerCase());
}

type RuleFields = Pick<Win, 'status' | 'consent' | 'consentGiven' | 'namesStudents' | 'privacyCleared'>;

/** Consent and privacy allow the audience (status and earlier issues aside). */
export function audienceAllows(win: RuleFields, audience: Audience): boolean {
  return consentAllows(win, audience) && privacyClearedWhereNeeded(win, audience);
}

/** Eligible for the audience's next issue: approved, consent allows it, privacy cleared where needed, not yet sent. */
export function eligibleFor(win: RuleFields & Pick<Win, 'sharedIn'>, audience: Audience): boolean {
  return isApproved(win) && audienceAllows(win, audience) && !sharedWith(win, audience);
}

/**
 * Why a win may not go out to the audience (status, consent, privacy), in words a leader reads after "because",
 * or '' when it may. Whether it went out already is not asked here: an issue's own wins carry its tag.
 */
export function whyNotAllowed(win: RuleFields & Pick<Win, 'statusText' | 'consentGiven'>, audience: Audience): string {
  if (!isApproved(win)) return `it is no longer approved (${win.statusText || 'no status'})`;
  if (!consentAllows(win, audience)) {
    if (!win.consentGiven) return `the submitter's consent is not on record, so it counts as Staff only`;
    return `its consent (${effectiveConsent(win)}) does not reach ${audience}`;
  }
  if (!privacyClearedWhereNeeded(win, audience)) return 'it names students and its privacy is not cleared';
  return '';
}

// ---- What the sidebar shows ------------------------------------------------------------------------------

/**
 * The privacy warning, or null: a win that names students (or may), whose consent reaches families, and whose
 * privacy is not cleared — exactly the wins the newsletter holds back from families and the public for privacy.
 */
export function privacyWarning(win: Pick<Win, 'consent' | 'consentGiven' | 'namesStudents' | 'privacyCleared'>) {
  if (!win.namesStudents || win.privacyCleared || !consentAllows(win, 'Families')) return null;
  return 'It names students or has photos (or does not say), and its consent reaches beyond staff: families and the public see it only after privacy is cleared.';
}

/** The submitter's consent is missing or unreadable: the win counts as Staff only until a leader records it. */
export function needsConsentRecord(win: Pick<Win, 'consentGiven'>): boolean {
  return win.consentGiven === null;
}

/**
 * The consent levels a leader may set: never wider than the submitter's Consent given, and only Staff only while
 * that record is missing (a leader records the submitter's consent first).
 */
export function consentChoices(win: Pick<Win, 'consentGiven'>): Array<{ value: Consent; allowed: boolean }> {
  const ceiling = win.consentGiven ? consentRank(win.consentGiven) : 0;
  return CONSENTS.map((value, i) => ({ value, allowed: i <= ceiling }));
}

/** Why a leader may not set Consent to `next`, or '' when it narrows (or keeps) within the submitter's consent. */
export function consentChangeProblem(win: Pick<Win, 'consentGiven'>, next: Consent): string {
  if (consentChoices(win).some((c) => c.value === next && c.allowed)) return '';
  if (!win.consentGiven)
    return `The submitter's consent is not on record, so the win counts as Staff only: record the submitter's consent before setting ${next}.`;
  return `Consent can be narrowed but not widened: the submitter allowed ${win.consentGiven}, so ${next} cannot be set.`;
}

// ---- Credit lines ------------------------------------------------------------------------------------------

const SHIELDED_ROLES: Record<string, string> = { student: 'a student', 'family member': 'a family' };

/**
 * The credit under a win, or '' when contributors are not credited. A Student or Family member is named to
 * families or the public only once the win's privacy is cleared; until then the credit says "a student" /
 * "a family". Staff see every name.
 */
export function creditLine(
  win: Pick<Win, 'name' | 'role' | 'privacyCleared'>,
  audience: Audience,
  credited: boolean,
): string {
  if (!credited) return '';
  const shielded = SHIELDED_ROLES[win.role.trim().toLowerCase()];
  if (shielded && audience !== 'Staff' && !win.privacyCleared) return `Shared by ${shielded}`;
  const name = win.name.trim();
  const role = win.role.trim();
  if (!name && shielded) return `Shared by ${shielded}`;
  if (!name) return role ? `Shared by a colleague (${role})` : '';
  return role ? `Shared by ${name}, ${role}` : `Shared by ${name}`;
}
