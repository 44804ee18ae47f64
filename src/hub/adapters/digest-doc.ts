// The showcase digest as a Google Doc, written from its outline with the Docs API builder (documents scope): one
// Documents.create and a batchUpdate per batch, each recorded, so a run cut off continues the same Doc where its last
// recorded batch left it and never writes a practice twice.
import { bodyEnd, BuildProgress } from '../../domain/doc-build';
import { DocsRequest, planDocument } from '../../domain/docs-requests';
import type { Block } from '../../domain/outline';
import { createDoc, docUrl, getDoc, ProgressStore, writeBatches } from '../../adapters/docs-api';

export interface DigestDocWrite {
  /** The Doc an earlier, cut-off run of this digest made, if any. */
  existingId: string | null;
  title: string;
  blocks: Block[];
  /** Makes this digest's plan recognisable to the next run (the digest's date). */
  salt: string;
  progress: ProgressStore;
  /** Called as soon as a new Doc exists, so its ID is kept before the slow part. */
  onCreated: (id: string) => void;
}

/** Writes the digest's Doc (or finishes the one a cut-off run left) and returns its ID and link. */
export function writeDigestDoc(w: DigestDocWrite): { id: string; url: string } {
  const plan = (at: number, end0: number, prelude: DocsRequest[], shift: number) =>
    planDocument(w.blocks, at, end0, { prelude, shift, salt: w.salt });

  // Cut off while writing this Doc: continue with the same plan when it is still the plan this run makes.
  const saved = w.progress.load();
  if (saved && w.existingId && saved.doc === w.existingId) {
    const p = plan(saved.at, saved.end0, saved.prelude ?? [], saved.shift ?? 0);
    if (p.fingerprint === saved.plan) {
      writeBatches(p, saved, w.progress);
      return { id: saved.doc, url: docUrl(saved.doc) };
    }
  }

  let start: BuildProgress | null = null;
  let prelude: DocsRequest[] = [];
  let shift = 0;
  if (w.existingId) {
    try {
      // The practices changed since that run (a refresh in between): its Doc is emptied and written again.
      const doc = getDoc(w.existingId);
      const end = bodyEnd(doc);
      if (end > 2) prelude = [{ deleteContentRange: { range: { startIndex: 1, endIndex: end - 1 } } }];
      shift = -(Math.max(end, 2) - 2);
      start = { doc: w.existingId, plan: '', done: 0, rev: String(doc.revisionId ?? ''), at: 1, end0: end };
    } catch {
      // Deleted, or no longer this account's: a new Doc is made below.
    }
  }
  if (!start) {
    const made = createDoc(w.title);
    w.onCreated(made.id);
    start = { doc: made.id, plan: '', done: 0, rev: made.rev, at: 1, end0: made.end };
    prelude = [];
    shift = 0;
  }
  const p = plan(start.at, start.end0, prelude, shift);
  const progress: BuildProgress = { ...start, plan: p.fingerprint, prelude, shift };
  w.progress.save(progress);
  writeBatches(p, progress, w.progress);
  return { id: start.doc, url: docUrl(start.doc) };
}
