// The advanced Docs service (documents scope): creating a Doc, reading it as the API returns it, and writing a
// planned document batch by batch — each batch guarded by the revision the last one left, recorded once applied,
// waited out when the per-minute write quota is hit, and recognised in the Doc when its answer was lost.
import {
  appliedBatches,
  bodyEnd,
  BuildProgress,
  docsFailure,
  DocsJson,
  QUOTA_WAITS_MS,
  RETRY_WAITS_MS,
} from '../domain/doc-build';
import type { DocPlan } from '../domain/docs-requests';

export interface ProgressStore {
  load(): BuildProgress | undefined;
  save(progress: BuildProgress): void;
  clear(): void;
}

/** The Doc no longer matches any state of the plan (someone edited it while it was being written). */
export class DocChangedError extends Error {}

function docs(): GoogleAppsScript.Docs {
  if (typeof Docs === 'undefined' || !Docs)
    throw new Error('The Google Docs API service is not enabled for Small Wins, so no Doc could be made.');
  return Docs;
}

export function docUrl(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

/** A new, empty Doc: its ID, revision and the body's end index. */
export function createDoc(title: string): { id: string; rev: string; end: number } {
  const doc = withRetries(() => docs().Documents.create({ title }));
  if (!doc.documentId) throw new Error('Google Docs did not return the new Doc.');
  return { id: doc.documentId, rev: String(doc.revisionId ?? ''), end: bodyEnd(doc) };
}

export function getDoc(id: string): DocsJson {
  return withRetries(() => docs().Documents.get(id));
}

/** Runs `work`, waiting out the write quota and failures that may pass; other errors are thrown at once. */
function withRetries<T>(work: () => T): T {
  let quota = 0;
  let other = 0;
  for (;;) {
    try {
      return work();
    } catch (err) {
      const kind = docsFailure(err);
      if (kind === 'quota' && quota < QUOTA_WAITS_MS.length) Utilities.sleep(QUOTA_WAITS_MS[quota++]);
      else if (kind === 'other' && other < RETRY_WAITS_MS.length) Utilities.sleep(RETRY_WAITS_MS[other++]);
      else throw err;
    }
  }
}

/**
 * Applies the plan's batches from `progress.done` on. Each carries the revision the previous one left
 * (writeControl.requiredRevisionId) and is recorded once applied. When the Doc's revision is not the one recorded
 * (a batch went in but its answer or its record was lost), the Doc is read and compared with the plan: the run
 * continues after the batches it already holds, and never writes one twice.
 */
export function writeBatches(plan: DocPlan, start: BuildProgress, store: ProgressStore): BuildProgress {
  let progress = { ...start };
  let recoveries = 0;
  while (progress.done < plan.batches.length) {
    const batch = plan.batches[progress.done];
    let reply: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse;
    try {
      reply = withRetries(() =>
        docs().Documents.batchUpdate(
          progress.rev
            ? { requests: batch.requests, writeControl: { requiredRevisionId: progress.rev } }
            : { requests: batch.requests },
          progress.doc,
        ),
      );
    } catch (err) {
      if (docsFailure(err) !== 'revision' || recoveries++ >= 3) throw err;
      const doc = getDoc(progress.doc);
      const held = appliedBatches(plan, doc);
      if (held === null) throw new DocChangedError('The Doc was changed while it was being written');
      progress = { ...progress, done: held, rev: String(doc.revisionId ?? '') };
      store.save(progress);
      continue;
    }
    progress = { ...progress, done: progress.done + 1, rev: String(reply.writeControl?.requiredRevisionId ?? '') };
    store.save(progress);
  }
  return progress;
}
