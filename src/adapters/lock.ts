// Runs work under the document lock so two submissions or two leaders never interleave their writes.

export class BusyError extends Error {}

export const BUSY_MESSAGE = 'Small Wins is busy with another change right now. Please try again in a moment.';

export function withDocumentLock<T>(timeoutMs: number, work: () => T): T {
  const lock = takeDocumentLock(timeoutMs);
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

/**
 * Takes the document lock and leaves it held. Apps Script releases the locks a script still holds when its
 * execution ends (documented with Lock.releaseLock in the Lock reference, and in Google's LockService launch post:
 * locks not released "will be released at the end of script execution"), so a short execution such as one sidebar
 * save need not spend a call on releasing it; call releaseLock() only before slow work that needs no lock.
 */
export function takeDocumentLock(timeoutMs: number): GoogleAppsScript.Lock.Lock {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(timeoutMs)) throw new BusyError(BUSY_MESSAGE);
  return lock;
}
