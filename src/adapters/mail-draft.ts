// Gmail drafts through the advanced Gmail service (gmail.compose scope): a raw RFC 2822 message, retried with
// backoff (safe: the caller records the draft's ID and never asks again once it has one). Never sends.
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

/** Creates a draft and returns its ID. */
export function createDraft(req: DraftRequest): string {
  const me = Session.getEffectiveUser().getEmail();
  const raw = rawMessage({
    from: me ? { address: me, name: req.fromName } : undefined,
    to: req.to,
    cc: req.cc,
    bcc: req.bcc,
    replyTo: req.replyTo,
    subject: req.subject,
    html: req.html,
    text: req.text,
    boundarySeed: Utilities.getUuid(),
  });
  const api = gmail();
  const draft = withBackoff(() => api.Users.Drafts.create({ message: { raw } }, 'me'));
  if (!draft || !draft.id) throw new Error('Gmail did not return the new draft.');
  return draft.id;
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
