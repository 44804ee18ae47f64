// A goal's synthesis Doc, written with the Docs API builder: a new Doc from its outline, or, for a Doc made before,
// everything above its last "Our notes" heading replaced (what staff wrote under it is never touched). Batch by
// batch, resumable: a run cut off continues where the last batch it recorded left the Doc.
import { bodyEnd, BuildProgress, DocsJson } from '../domain/doc-build';
import { DocsRequest, planDocument } from '../domain/docs-requests';
import type { Block } from '../domain/outline';
import { OUR_NOTES } from '../domain/synthesis-outline';
import { createDoc, docUrl, getDoc, ProgressStore, writeBatches } from './docs-api';

export interface SynthesisDocWrite {
  /** The Doc made for this year and goal by an earlier run, if any. */
  existingId: string | null;
  /** Whether that Doc was finished (a Doc cut off halfway is written again from its start). */
  complete: boolean;
  title: string;
  /** The outline's blocks: with the Our notes heading for a new Doc, without it for one written again. */
  blocks: (withNotesHeading: boolean) => Block[];
  /** Makes the plans of one run recognisable to the next (the run's date and the goal). */
  salt: string;
  progress: ProgressStore;
  /** Called as soon as a new Doc exists, so its ID is kept before the slow part. */
  onCreated: (id: string) => void;
}

export interface SynthesisDocResult {
  id: string;
  url: string;
  state: 'made' | 'updated' | 'left alone';
  note: string;
}

interface Start {
  progress: BuildProgress;
  notes: boolean;
  prelude: DocsRequest[];
  shift: number;
}

/** The start index of the last "Our notes" heading of the body, or null when staff removed it. */
export function notesHeadingStart(doc: DocsJson): number | null {
  let found: number | null = null;
  for (const el of doc.body?.content ?? []) {
    const style = el.paragraph?.paragraphStyle?.namedStyleType ?? '';
    if (!el.paragraph || !/^(HEADING_\d|TITLE|SUBTITLE)$/.test(style)) continue;
    const text = (el.paragraph.elements ?? []).map((e) => e.textRun?.content ?? '').join('');
    if (text.trim().toLowerCase() === OUR_NOTES.toLowerCase()) found = el.startIndex ?? null;
  }
  return found;
}

function plan(w: SynthesisDocWrite, start: Start) {
  return planDocument(w.blocks(start.notes), start.progress.at, start.progress.end0, {
    prelude: start.prelude,
    shift: start.shift,
    salt: JSON.stringify([w.salt, start.notes]),
  });
}

function titleOf(doc: DocsJson): string {
  const title = (doc as { title?: unknown }).title;
  return typeof title === 'string' ? title : '';
}

export function writeSynthesisDoc(w: SynthesisDocWrite): SynthesisDocResult {
  // A run cut off in this Doc: continue with the same plan when it is still the plan this run makes.
  const saved = w.progress.load();
  if (saved && w.existingId && saved.doc === w.existingId) {
    for (const notes of [true, false]) {
      const start: Start = { progress: saved, notes, prelude: saved.prelude ?? [], shift: saved.shift ?? 0 };
      if (plan(w, start).fingerprint !== saved.plan) continue;
      writeBatches(plan(w, start), saved, w.progress);
      w.progress.clear();
      return done(w.existingId, notes ? 'made' : 'updated');
    }
  }

  let start: Start | null = null;
  if (w.existingId) {
    let doc: DocsJson | null = null;
    try {
      doc = getDoc(w.existingId);
    } catch {
      // Deleted or no longer shared with this account: a new Doc is made below.
    }
    if (doc) {
      if (!w.complete) start = emptied(w.existingId, doc);
      else {
        const notes = notesHeadingStart(doc);
        if (notes === null)
          return {
            id: w.existingId,
            url: docUrl(w.existingId),
            state: 'left alone',
            note: `It has no “${OUR_NOTES}” heading any more, so nothing in it was changed: put the heading back (as a heading) above what staff wrote, and run the synthesis again.`,
          };
        // An empty paragraph goes in before the heading, then everything above it goes: the new content fills that
        // paragraph, and the heading and what staff wrote under it are never touched.
        const prelude: DocsRequest[] = [{ insertText: { location: { index: notes }, text: '\n' } }];
        if (notes > 1) prelude.push({ deleteContentRange: { range: { startIndex: 1, endIndex: notes } } });
        start = {
          progress: {
            doc: w.existingId,
            plan: '',
            done: 0,
            rev: String(doc.revisionId ?? ''),
            at: 1,
            end0: bodyEnd(doc),
          },
          notes: false,
          prelude,
          shift: 1 - (notes - 1),
        };
        if (titleOf(doc) !== w.title) DocumentApp.openById(w.existingId).setName(w.title);
      }
    }
  }
  if (!start) {
    const made = createDoc(w.title);
    w.onCreated(made.id);
    start = {
      progress: { doc: made.id, plan: '', done: 0, rev: made.rev, at: 1, end0: made.end },
      notes: true,
      prelude: [],
      shift: 0,
    };
  }
  const p = plan(w, start);
  const progress: BuildProgress = {
    ...start.progress,
    plan: p.fingerprint,
    prelude: start.prelude,
    shift: start.shift,
  };
  w.progress.save(progress);
  writeBatches(p, progress, w.progress);
  w.progress.clear();
  return done(progress.doc, start.notes ? 'made' : 'updated');
}

/** A Doc a cut-off run left half made: emptied and written again from its start (nobody wrote notes in it yet). */
function emptied(id: string, doc: DocsJson): Start {
  const end = bodyEnd(doc);
  const prelude: DocsRequest[] =
    end > 2 ? [{ deleteContentRange: { range: { startIndex: 1, endIndex: end - 1 } } }] : [];
  return {
    progress: { doc: id, plan: '', done: 0, rev: String(doc.revisionId ?? ''), at: 1, end0: end },
    notes: true,
    prelude,
    shift: -(Math.max(end, 2) - 2),
  };
}

function done(id: string, state: 'made' | 'updated'): SynthesisDocResult {
  return { id, url: docUrl(id), state, note: '' };
}
