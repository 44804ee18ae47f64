// Plain functions for what the triage sidebar shows as text: dates, links, badges, goal chip names and the
// fields a conflicting change touched. No DOM, no Preact. (Consent choices come from src/domain/win-rules.ts.)
import type { GoalChip } from '../../src/api';

/** Dates in the school's time zone (shared with the Showcase dialog). */
export { shortDate } from '../dates';

/** The link when it is an https: address, safe to open; null for anything else (shown as text instead). */
export { safeLink } from '../../src/domain/links';

const FIELD_LABELS: Record<string, string> = {
  story: 'Story',
  headline: 'Headline',
  evidence: 'Evidence',
  status: 'Status',
  goals: 'Goals',
  consent: 'Consent',
  blurb: 'Public blurb',
  kind: 'Kind',
};

/** The changed fields in the leader's words, e.g. "Story, Public blurb". */
export function fieldNames(fields: string[]): string {
  return fields.map((f) => FIELD_LABELS[f] ?? f).join(', ');
}

/** The CSS class of a status badge: "Needs info" → "s-needs-info". */
export function statusClass(status: string): string {
  return `s-${status.replace(/\s/g, '-').toLowerCase()}`;
}

/**
 * What a goal chip's accessible name adds to the goal's visible name: whether it is suggested (shown as a star) and
 * its number key (1 – 9 only, shown as a badge). Read after the visible name, so the name a person sees is the
 * start of the name a screen reader or voice control uses (WCAG 2.5.3, label in name).
 */
export function goalChipHint(suggested: boolean, index: number): string {
  return `${suggested ? ' (suggested)' : ''}${index < 9 ? `, key ${index + 1}` : ''}`;
}

/**
 * Suggested goals that are not active goals: a goal the submitter ticked on the Form that Set up did not know, kept
 * as a suggestion so the leader sees it (a chip cannot be offered for it).
 */
export function unknownSuggestions(win: { goals: string[]; suggestedGoals: string[] }, active: GoalChip[]): string[] {
  return win.suggestedGoals.filter((g) => !win.goals.includes(g) && !active.some((x) => x.name === g));
}

/** The win's goals that are not active goals any more (shown as plain chips, not toggles). */
export function inactiveGoals(goals: string[], active: GoalChip[]): string[] {
  return goals.filter((g) => !active.some((x) => x.name === g));
}
