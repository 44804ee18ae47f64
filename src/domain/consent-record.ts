// The submitter's consent is a record: which wins lack it, which Form response each came from (matched by when it
// came, its headline and who sent it, as read from the Form itself), and what Set up says about it.
import { cleanText, cellString } from './text';
import { readConsent, readDate } from './win';
import { readIntakeConsent } from './intake';
import type { Consent } from './schema';

/** A win whose Consent given is blank or unreadable. */
export interface WinWithoutConsent {
  id: string;
  /** Sheet row. */
  row: number;
  /** ISO, or '' when the cell holds no date. */
  submittedAt: string;
  headline: string;
  email: string;
  /** True when the win came from the Form (it has a response key): only those can be restored. */
  fromForm: boolean;
}

/** One Form response as the Form itself holds it (never the editable response sheet). */
export interface FormConsent {
  /** ISO timestamp of the response. */
  at: string;
  email: string;
  headline: string;
  /** The consent answer as chosen. */
  consent: string;
}

/** A Form response and the win it became are this close in time (the trigger fires within moments). */
export const MATCH_WINDOW_MS = 10 * 60 * 1000;

/** Wins lacking the submitter's consent, from the log's columns (cells for rows 2..). */
export function winsWithoutConsent(cols: {
  id: readonly unknown[];
  consentGiven: readonly unknown[];
  responseKey: readonly unknown[];
  submittedAt: readonly unknown[];
  headline: readonly unknown[];
  email: readonly unknown[];
}): WinWithoutConsent[] {
  const out: WinWithoutConsent[] = [];
  cols.id.forEach((cell, i) => {
    const id = cellString(cell).trim();
    if (!id || readConsent(cols.consentGiven[i])) return;
    out.push({
      id,
      row: i + 2,
      submittedAt: readDate(cols.submittedAt[i]),
      headline: cellString(cols.headline[i]).trim(),
      email: cellString(cols.email[i]).trim().toLowerCase(),
      fromForm: cellString(cols.responseKey[i]).trim() !== '',
    });
  });
  return out;
}

/** The earliest moment a response of these wins can have come, or null when none came from the Form. */
export function earliestResponse(wins: readonly WinWithoutConsent[]): Date | null {
  const times = wins.filter((w) => w.fromForm && w.submittedAt).map((w) => Date.parse(w.submittedAt));
  return times.length ? new Date(Math.min(...times) - MATCH_WINDOW_MS) : null;
}

/** Whether a response at `atMs` could be one of these wins' (worth reading its answers). */
export function nearAny(wins: readonly WinWithoutConsent[], atMs: number): boolean {
  return wins.some((w) => w.fromForm && w.submittedAt && Math.abs(Date.parse(w.submittedAt) - atMs) <= MATCH_WINDOW_MS);
}

/**
 * Each win's consent from the Form response it came from: same headline (as intake stored it), within
 * MATCH_WINDOW_MS, and the same submitter email when both have one; the nearest in time wins, and a response
 * gives its consent to one win only. The answer is read as intake reads it.
 */
export function matchConsents(
  wins: readonly WinWithoutConsent[],
  responses: readonly FormConsent[],
): Map<string, Consent> {
  const pairs: Array<{ win: WinWithoutConsent; response: number; distance: number }> = [];
  for (const win of wins) {
    if (!win.fromForm || !win.submittedAt) continue;
    const at = Date.parse(win.submittedAt);
    responses.forEach((r, i) => {
      const distance = Math.abs(Date.parse(r.at) - at);
      if (!(distance <= MATCH_WINDOW_MS)) return;
      if (cleanText(r.headline).text !== win.headline) return;
      const email = r.email.trim().toLowerCase();
      if (email && win.email && email !== win.email) return;
      pairs.push({ win, response: i, distance });
    });
  }
  pairs.sort((a, b) => a.distance - b.distance);
  const out = new Map<string, Consent>();
  const used = new Set<number>();
  for (const p of pairs) {
    if (out.has(p.win.id) || used.has(p.response)) continue;
    used.add(p.response);
    out.set(p.win.id, readIntakeConsent(responses[p.response].consent));
  }
  return out;
}

/** What Set up says about consent records ('' when every win has one). */
export function consentReport(restored: number, missing: number): string[] {
  const out: string[] = [];
  if (restored)
    out.push(
      `Restored the submitter's consent on ${restored} win${restored === 1 ? '' : 's'} from ${restored === 1 ? 'its' : 'their'} Form response${restored === 1 ? '' : 's'}.`,
    );
  if (missing)
    out.push(
      `${missing} win${missing === 1 ? ' still needs' : 's still need'} the submitter's consent (not on record, so ${missing === 1 ? 'it counts' : 'they count'} as Staff only): open ${missing === 1 ? 'it' : 'each'} in Triage wins and use "Record the submitter's consent".`,
    );
  return out;
}
