// Gmail drafts through the advanced Gmail service (gmail.compose scope): a raw RFC 2822 message, and for a newsletter
// issue exactly one draft: a draft Gmail made before failing, or one a cut-off run never recorded, is found again
// (an exact-subject search, then the issue's own header on the newest candidates) and reused, never made twice.
// Never sends.
import { carriesMark, draftsToCheck, ISSUE_HEADER, LOOKUP_MAX_RESULTS, subjectQuery } from '../domain/draft-identity';
import { rawMessage } from '../domain/mime';

export interface DraftRequest {
  to?: string[];
  cc?: string[];
  bcc?: string[];
  replyTo?: string;
  /** Display name for From; the address is the current user's. */
  fromName?: string;
  subject: string;
  html: string;
  text: string;
}

function gmail(): GoogleAppsScript.Gmail {
  if (typeof Gmail === 'undefined' || !Gmail)
    throw new Error('The Gmail service is not enabled for Small Wins, so no draft could be made.');
  return Gmail;
}

/** Errors worth another try: quota, rate and backend hiccups, not permission or bad input. */
export function isTransient(err: unknown): boolean {
  const m = err instanceof Error ? err.message : String(err);
  if (/permission|authoriz|insufficient|scope|invalid|not found|denied/i.test(m)) return false;
  return true;
}

/** Runs `work`, retrying transient failures after 1 s, 2 s, 4 s (Utilities.sleep). */
export function withBackoff<T>(work: () => T, attempts = 4, firstDelayMs = 1000): T {
  let delay = firstDelayMs;
  for (let i = 1; ; i++) {
    try {
      return work();
    } catch (err) {
      if (i >= attempts || !isTransient(err)) throw err;
      console.warn(`Small Wins: retrying after ${err instanceof Error ? err.message : String(err)}`);
      Utilities.sleep(delay);
      delay *= 2;
    }
  }
}

function rawFor(req: DraftRequest, extraHeaders?: Record<string, string>): string {
  const me = Session.getEffectiveUser().getEmail();
  return rawMessage({
    from: me ? { address: me, name: req.fromName } : undefined,
    to: req.to,
    cc: req.cc,
    bcc: req.bcc,
    replyTo: req.replyTo,
    subject: req.subject,
    html: req.html,
    text: req.text,
    extraHeaders,
    boundarySeed: Utilities.getUuid(),
  });
}

/** Creates a draft and returns its ID (a note to a submitter: nothing to find again, so a retry may make another). */
export function createDraft(req: DraftRequest): string {
  const raw = rawFor(req);
  const api = gmail();
  const draft = withBackoff(() => api.Users.Drafts.create({ message: { raw } }, 'me'));
  if (!draft || !draft.id) throw new Error('Gmail did not return the new draft.');
  return draft.id;
}

/** Which issue a draft belongs to, and the drafts already recorded for other issues (skipped without a call). */
export interface IssueDraftIdentity {
  /** The X-Small-Wins-Issue header's value (domain/draft-identity.ts draftMark). */
  mark: string;
  recordedForOthers: ReadonlySet<string>;
  /**
   * How many same-subject candidates may be opened (default 1): a Families issue's English draft and its language
   * drafts made with the English edition share a subject, so such an issue passes 1 + its number of languages.
   */
  checks?: number;
}

/**
 * The issue's draft when it is in Gmail already, or null. One search by exact subject, then the newest candidates
 * not recorded for another issue opened with their headers only, one at a time until one carries the mark (one get
 * when the newest is the issue's own, as it is unless drafts of one issue share the subject).
 */
export function findIssueDraft(subject: string, identity: IssueDraftIdentity): string | null {
  const api = gmail();
  const listed = api.Users.Drafts.list('me', { q: subjectQuery(subject), maxResults: LOOKUP_MAX_RESULTS });
  for (const candidate of draftsToCheck(listed?.drafts, identity.recordedForOthers, identity.checks ?? 1)) {
    const draft = api.Users.Drafts.get('me', candidate, { format: 'metadata' });
    if (carriesMark(draft?.message?.payload?.headers, identity.mark)) return candidate;
  }
  return null;
}

/**
 * The issue's one draft: looked for first when an earlier run may have made it (`lookFirst`), then created; after a
 * failed try, looked for again before the next (Gmail may have made it before failing). When the search itself
 * fails, nothing more is created: the issue stays unfinished and the next run looks again.
 */
export function createIssueDraft(req: DraftRequest, identity: IssueDraftIdentity, lookFirst: boolean): string {
  if (lookFirst) {
    const found = findIssueDraft(req.subject, identity);
    if (found) return found;
  }
  const raw = rawFor(req, { [ISSUE_HEADER]: identity.mark });
  const api = gmail();
  let delay = 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      const draft = api.Users.Drafts.create({ message: { raw } }, 'me');
      if (!draft || !draft.id) throw new Error('Gmail did not return the new draft.');
      return draft.id;
    } catch (err) {
      if (attempt >= 4 || !isTransient(err)) throw err;
      console.warn(`Small Wins: retrying after ${err instanceof Error ? err.message : String(err)}`);
      Utilities.sleep(delay);
      delay *= 2;
      const found = findIssueDraft(req.subject, identity);
      if (found) return found;
    }
  }
}

/** Deletes a draft; false when it is no longer there (sent or deleted by hand). */
export function removeDraft(draftId: string): boolean {
  const api = gmail();
  try {
    api.Users.Drafts.remove('me', draftId);
    return true;
  } catch (err) {
    if (/not found/i.test(err instanceof Error ? err.message : String(err))) return false;
    throw err;
  }
}

/** Whether the draft still waits in Gmail (not sent, not deleted). */
export function draftExists(draftId: string): boolean {
  try {
    gmail().Users.Drafts.get('me', draftId);
    return true;
  } catch (err) {
    if (/not found/i.test(err instanceof Error ? err.message : String(err))) return false;
    throw err;
  }
}

/**
 * Replaces a waiting draft's content (Drafts.update, allowed by gmail.compose); the draft keeps its ID, and an issue's
 * draft keeps its X-Small-Wins-Issue mark. False when the draft is no longer there (sent, or deleted by hand). Safe to
 * retry: the same content replaces it again.
 */
export function updateDraft(draftId: string, req: DraftRequest, mark?: string): boolean {
  const raw = rawFor(req, mark ? { [ISSUE_HEADER]: mark } : undefined);
  const api = gmail();
  try {
    withBackoff(() => api.Users.Drafts.update({ message: { raw } }, 'me', draftId));
    return true;
  } catch (err) {
    if (/not found/i.test(err instanceof Error ? err.message : String(err))) return false;
    throw err;
  }
}
