// Runs work under the document lock so two submissions or two leaders never interleave their writes.

export class BusyError extends Error {}

export function withDocumentLock<T>(timeoutMs: number, work: () => T): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(timeoutMs)) {
    throw new BusyError('Small Wins is busy with another change right now. Please try again in a moment.');
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
