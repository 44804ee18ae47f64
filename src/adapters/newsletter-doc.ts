// The issue's Google Doc, written through the Docs API in a few batches, resumable batch by batch. The default
// design starts from Documents.create; a school's template Doc is read with DocumentApp (documents scope only, no
// Drive) and its frame copied element by element — its cost grows with the template, not with the wins — then the
// wins go in at its {{#wins}} block and its placeholders are filled with literal replaceAllText requests, before
// any win is written, so "$1", "\\" or "{{school}}" in a win stays as typed.
import { BodyElement, bodyElements, BuildProgress, bodyEnd, findParagraph, paragraphsOf } from '../domain/doc-build';
import { planDocument, DocPlan, DocsRequest } from '../domain/docs-requests';
import { docTitle, NewsletterModel } from '../domain/newsletter';
import { newsletterOutline } from '../domain/newsletter-outline';
import {
  BLOCK_START,
  framePrelude,
  issueValues,
  LayoutElement,
  planFrame,
  replacementShift,
  templateWinBlocks,
  WINS_HERE,
  WINS_MARKER,
} from '../domain/newsletter-template';
import { createDoc, DocChangedError, docUrl, getDoc, ProgressStore, writeBatches } from './docs-api';

export interface DocRef {
  id: string;
  url: string;
}

export interface BuildDocOptions {
  templateId?: string;
  /** A Doc recorded by an earlier, cut-off run: continued where it stopped (or rebuilt) instead of making another. */
  existingId?: string;
  /** Called as soon as a new Doc exists, so its ID is recorded before the slow part. */
  onCreated?: (doc: DocRef) => void;
  /** Where the run records its progress after each batch (by default only in memory: a rerun starts over). */
  progress?: ProgressStore;
}

export interface BuiltDoc extends DocRef {
  problems: string[];
}

interface Template {
  id: string;
  /** Read in one call through the Docs API: each element's type, text, heading and emphasis. */
  elements: BodyElement[];
}

/** The plan a run makes from the model and what it recorded about the Doc (a template's layout read again). */
function planFor(model: NewsletterModel, progress: BuildProgress, layout: LayoutElement[] | null): DocPlan {
  const blocks = layout ? templateWinBlocks(model, layout) : newsletterOutline(model).blocks;
  return planDocument(blocks, progress.at, progress.end0, {
    prelude: progress.prelude,
    shift: progress.shift,
    salt: JSON.stringify([layout ? 'template' : 'default', issueValues(model)]),
  });
}

/** Makes (or continues, or rebuilds) the issue's Doc and writes every batch. */
export function buildNewsletterDoc(model: NewsletterModel, options: BuildDocOptions): BuiltDoc {
  const opts = { ...options, progress: options.progress ?? memoryProgress() };
  const problems: string[] = [];
  // Read the template first: a broken template link fails before any Doc is made.
  const template = opts.templateId ? readTemplate(opts.templateId) : null;
  const frame = template ? planFrame(template.elements) : null;
  const layout = template && frame ? blockLayout(template.elements, frame.block) : null;
  if (frame) problems.push(...frame.problems);

  const saved = opts.progress.load();
  if (opts.existingId && saved && saved.doc === opts.existingId) {
    const plan = planFor(model, saved, layout);
    if (plan.fingerprint === saved.plan) {
      try {
        return finish(plan, saved, opts, problems);
      } catch (err) {
        // Edited by someone meanwhile: it is built again below, in the same Doc.
        if (!(err instanceof DocChangedError)) throw err;
      }
    }
  }
  const start =
    template && frame ? startFromTemplate(model, template, frame, opts, problems) : startDefault(model, opts);
  const plan = planFor(model, start, layout);
  const progress = { ...start, plan: plan.fingerprint };
  opts.progress.save(progress);
  return finish(plan, progress, opts, problems);
}

/** Progress kept for this call only (a rebuild of a Doc that need not be resumable). */
function memoryProgress(): ProgressStore {
  let kept: BuildProgress | undefined;
  return {
    load: () => kept,
    save: (p) => (kept = p),
    clear: () => (kept = undefined),
  };
}

type Options = BuildDocOptions & { progress: ProgressStore };

function finish(plan: DocPlan, progress: BuildProgress, opts: Options, problems: string[]): BuiltDoc {
  writeBatches(plan, progress, opts.progress);
  opts.progress.clear();
  return { id: progress.doc, url: docUrl(progress.doc), problems };
}

/** The default design: a new empty Doc (or the recorded one, emptied). */
function startDefault(model: NewsletterModel, opts: Options): BuildProgress {
  if (opts.existingId) {
    const doc = DocumentApp.openById(opts.existingId);
    doc.getBody().clear();
    doc.saveAndClose();
    const json = getDoc(opts.existingId);
    return { doc: opts.existingId, plan: '', done: 0, rev: String(json.revisionId ?? ''), at: 1, end0: bodyEnd(json) };
  }
  const made = createDoc(docTitle(model));
  opts.onCreated?.({ id: made.id, url: docUrl(made.id) });
  return { doc: made.id, plan: '', done: 0, rev: made.rev, at: 1, end0: made.end };
}

/**
 * The template's frame copied into a new Doc (or the recorded one, emptied) with DocumentApp, saved, then read
 * through the API: where its marker paragraph is, and the first batch's prelude (the frame's placeholders, then the
 * marker's text removed, leaving the empty paragraph the wins go into).
 */
function startFromTemplate(
  model: NewsletterModel,
  template: Template,
  frame: ReturnType<typeof planFrame>,
  opts: Options,
  problems: string[],
): BuildProgress {
  let doc: GoogleAppsScript.Document.Document;
  if (opts.existingId) {
    doc = DocumentApp.openById(opts.existingId);
  } else {
    doc = DocumentApp.create(docTitle(model));
    opts.onCreated?.({ id: doc.getId(), url: docUrl(doc.getId()) });
  }
  const id = doc.getId();
  const body = doc.getBody();
  // A new Doc and a cleared one both hold exactly one empty paragraph.
  if (opts.existingId) body.clear();
  const first = body.getChild(0).asParagraph();
  // The template's own elements, copied one by one: named styles, images and the rest come with them.
  const tbody = DocumentApp.openById(template.id).getBody();
  if (tbody.getNumChildren() !== template.elements.length)
    throw new Error('The template Doc changed while it was being read. Run Draft newsletter now again');
  for (const i of frame.frame) {
    const type = template.elements[i].type;
    if (!appendCopy(body, tbody.getChild(i), type))
      problems.push(`A ${type.toLowerCase().replace(/_/g, ' ')} in the template could not be copied and was left out.`);
  }
  if (frame.marker === null) body.appendParagraph(WINS_MARKER);
  // The empty paragraph the Doc started with goes once the template's content follows it.
  if (body.getNumChildren() > 1) first.removeFromParent();
  doc.saveAndClose();

  const json = getDoc(id);
  const marker = findParagraph(json, frame.markerKind === 'block' ? BLOCK_START : WINS_HERE);
  if (!marker) throw new Error('The place for the wins could not be found in the new Doc');
  const frameTexts = frame.frame.filter((i) => i !== frame.marker).map((i) => template.elements[i].text);
  const replace: DocsRequest[] = framePrelude(frameTexts, model);
  const paras = paragraphsOf(json);
  const before = replacementShift(
    paras.filter((p) => p.end <= marker.start).map((p) => p.text),
    replace,
  );
  const all = replacementShift(
    paras.map((p) => p.text),
    replace,
  );
  const at = marker.start + before;
  const prelude: DocsRequest[] = [
    ...replace,
    { deleteContentRange: { range: { startIndex: at, endIndex: at + marker.text.length } } },
  ];
  return {
    doc: id,
    plan: '',
    done: 0,
    rev: String(json.revisionId ?? ''),
    at,
    end0: bodyEnd(json),
    prelude,
    shift: all - marker.text.length,
  };
}

/** The template through the Docs API, one call; a link that does not open fails before any Doc is made. */
function readTemplate(id: string): Template {
  try {
    return { id, elements: bodyElements(getDoc(id)) };
  } catch (err) {
    throw new Error(
      `The template Doc could not be opened (${err instanceof Error ? err.message : String(err)}). Check its link in Settings and that you can open it`,
    );
  }
}

/** The block's elements as each win repeats them: text, heading, emphasis, a table's cells. */
function blockLayout(elements: readonly BodyElement[], block: readonly number[]): LayoutElement[] {
  const out: LayoutElement[] = [];
  for (const i of block) {
    const el = elements[i];
    if (el.type !== 'PARAGRAPH' && el.type !== 'LIST_ITEM' && el.type !== 'TABLE') continue;
    out.push({
      type: el.type,
      text: el.text,
      heading: el.heading,
      bold: el.bold,
      italic: el.italic,
      underline: el.underline,
      ...(el.cells ? { cells: el.cells } : {}),
    });
  }
  return out;
}

function appendCopy(
  body: GoogleAppsScript.Document.Body,
  el: GoogleAppsScript.Document.Element,
  type: string,
): boolean {
  switch (type) {
    case 'PARAGRAPH':
      body.appendParagraph(el.asParagraph().copy());
      return true;
    case 'LIST_ITEM':
      body.appendListItem(el.asListItem().copy());
      return true;
    case 'TABLE':
      body.appendTable(el.asTable().copy());
      return true;
    default:
      return false;
  }
}

/** Marks a cancelled issue's Doc in its title (best effort: the Doc stays as the archive's record). */
export function markDocCancelled(docId: string): void {
  const doc = DocumentApp.openById(docId);
  const name = doc.getName();
  if (!/^\[Cancelled\]/.test(name)) doc.setName(`[Cancelled] ${name}`);
}
