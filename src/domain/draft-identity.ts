// How a newsletter issue's Gmail draft is recognised again after Gmail failed on the way back or the run was cut off
// before recording it: a header of our own naming the issue, an exact-subject search, and which candidate to check.

/** The header each issue draft carries; its value is draftMark(). */
export const ISSUE_HEADER = 'X-Small-Wins-Issue';

/** How many drafts one search lists: enough to skip the drafts of other issues with the same subject. */
export const LOOKUP_MAX_RESULTS = 10;

/**
 * The header's value: the issue's key (unique in the Newsletters sheet, retired when cancelled) and its Doc's ID
 * (unique across spreadsheets, so a copy of the log never mistakes the original's draft for its own). A later
 * edition per language adds its language.
 */
export function draftMark(issue: { key: string; docId: string }, language = ''): string {
  const parts = [issue.key, `doc=${issue.docId}`, ...(language ? [`lang=${language}`] : [])];
  // Printable ASCII on one line (a key typed over by hand could hold anything): the header is written as it is.
  return parts
    .join('; ')
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 300)
    .trim();
}

/** Gmail's search for drafts with this subject (its words in this order); quotes would end the phrase early. */
export function subjectQuery(subject: string): string {
  return `subject:"${subject.replace(/["\\]/g, ' ').replace(/\s+/g, ' ').trim()}"`;
}

/**
 * Which listed draft to open and check: the newest one not already recorded for another issue (issues of one day
 * share a subject across audiences). Null when none is left, so no second call is made.
 */
export function draftToCheck(
  listed: ReadonlyArray<{ id?: string | null }> | undefined,
  recordedForOthers: ReadonlySet<string>,
): string | null {
  for (const d of listed ?? []) if (d.id && !recordedForOthers.has(d.id)) return d.id;
  return null;
}

/**
 * Which listed drafts to open and check, newest first, at most `max`: the drafts of one issue's family languages whose
 * translation failed share its English subject, so an issue with languages checks as many as it may have drafts.
 */
export function draftsToCheck(
  listed: ReadonlyArray<{ id?: string | null }> | undefined,
  recordedForOthers: ReadonlySet<string>,
  max: number,
): string[] {
  const ids: string[] = [];
  for (const d of listed ?? []) {
    if (ids.length >= max) break;
    if (d.id && !recordedForOthers.has(d.id)) ids.push(d.id);
  }
  return ids;
}

/** Whether a draft's headers (the API's payload.headers) carry this issue's mark. */
export function carriesMark(
  headers: ReadonlyArray<{ name?: string | null; value?: string | null }> | undefined,
  mark: string,
): boolean {
  return (headers ?? []).some(
    (h) => (h.name ?? '').toLowerCase() === ISSUE_HEADER.toLowerCase() && (h.value ?? '').trim() === mark,
  );
}
