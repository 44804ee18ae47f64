// The Google Doc: the default design built with DocumentApp, or the school's template Doc read with
// openById and its elements copied in (documents scope only, no Drive). Submitted text goes in with
// appendParagraph/setText, never through replaceText, so "$1", "\\" or "{{school}}" in a win stays literal.
import { docTitle, NewsletterModel } from '../domain/newsletter';
import { winMeta } from '../domain/newsletter-render';
import {
  fillPlaceholders,
  hasPlaceholder,
  planTemplate,
  TemplateElement,
  TemplateOp,
} from '../domain/newsletter-template';

type Body = GoogleAppsScript.Document.Body;
type Element = GoogleAppsScript.Document.Element;

export interface DocRef {
  id: string;
  url: string;
}

export interface BuildDocOptions {
  templateId?: string;
  /** A Doc recorded by an earlier, cut-off run: reused (cleared and rebuilt) instead of making another. */
  existingId?: string;
  /** Called as soon as a new Doc exists, so its ID is recorded before the slow part. */
  onCreated?: (doc: DocRef) => void;
}

export interface BuiltDoc extends DocRef {
  problems: string[];
}

/** Opens the recorded Doc or creates one; then fills it. */
export function buildNewsletterDoc(model: NewsletterModel, opts: BuildDocOptions): BuiltDoc {
  const problems: string[] = [];
  // Read the template first: a broken template link fails before any Doc is made.
  const template = opts.templateId ? readTemplate(opts.templateId) : null;
  let doc: GoogleAppsScript.Document.Document;
  let reused = false;
  if (opts.existingId) {
    doc = DocumentApp.openById(opts.existingId);
    reused = true;
  } else {
    doc = DocumentApp.create(docTitle(model));
  }
  const ref = { id: doc.getId(), url: doc.getUrl() };
  if (!reused) opts.onCreated?.(ref);
  const body = doc.getBody();
  // A new Doc and a cleared one both hold exactly one empty paragraph.
  if (reused) body.clear();
  const first = body.getChild(0).asParagraph();
  if (template) {
    const plan = planTemplate(template.elements, model);
    problems.push(...plan.problems);
    runTemplate(body, template, plan.ops, model, problems);
    // The empty paragraph the Doc started with goes once the template's content follows it.
    if (body.getNumChildren() > 1) first.removeFromParent();
  } else {
    first.setText(model.title);
    first.setHeading(DocumentApp.ParagraphHeading.TITLE);
    body.appendParagraph(`${model.period} · ${model.issueLabel}`).setHeading(DocumentApp.ParagraphHeading.SUBTITLE);
    body.appendParagraph(model.summary);
    appendWins(body, model);
  }
  doc.saveAndClose();
  return { ...ref, problems };
}

/** Default layout of the wins: a Heading 2 per goal, each win's headline as Heading 3, its text and credit. */
function appendWins(body: Body, model: NewsletterModel): void {
  for (const section of model.sections) {
    body.appendParagraph(section.title).setHeading(DocumentApp.ParagraphHeading.HEADING2);
    for (const win of section.wins) {
      body.appendParagraph(win.headline).setHeading(DocumentApp.ParagraphHeading.HEADING3);
      if (win.text) body.appendParagraph(win.text);
      const meta = winMeta(win);
      if (meta) body.appendParagraph(meta);
    }
  }
}

type Source =
  GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem | GoogleAppsScript.Document.Table | null;

interface Template {
  elements: TemplateElement[];
  /** Each template element cast to its type (null for elements Small Wins does not copy). */
  sources: Source[];
  /** Attributes read on first use (one call per template element that is filled). */
  attributes: Map<number, object>;
}

function readTemplate(id: string): Template {
  let tdoc: GoogleAppsScript.Document.Document;
  try {
    tdoc = DocumentApp.openById(id);
  } catch (err) {
    throw new Error(
      `The template Doc could not be opened (${err instanceof Error ? err.message : String(err)}). Check its link in Settings and that you can open it`,
    );
  }
  const tbody = tdoc.getBody();
  const n = tbody.getNumChildren();
  const elements: TemplateElement[] = [];
  const sources: Source[] = [];
  for (let i = 0; i < n; i++) {
    const el = tbody.getChild(i);
    const type = String(el.getType());
    const typed: Source =
      type === 'PARAGRAPH'
        ? el.asParagraph()
        : type === 'LIST_ITEM'
          ? el.asListItem()
          : type === 'TABLE'
            ? el.asTable()
            : null;
    elements.push({ type, text: typed ? typed.getText() : '' });
    sources.push(typed);
  }
  return { elements, sources, attributes: new Map() };
}

function attributesOf(t: Template, i: number): object | null {
  const src = t.sources[i];
  if (!t.attributes.has(i)) t.attributes.set(i, src ? (src.getAttributes() as object) : {});
  const attrs = t.attributes.get(i)!;
  // Only attributes the template sets (Docs reports the rest as null) are worth a call to copy.
  const set = Object.entries(attrs).filter(
    ([k, v]) => v !== null && v !== undefined && !(k === 'HEADING' && String(v) === 'NORMAL'),
  );
  return set.length ? attrs : null;
}

function runTemplate(body: Body, t: Template, ops: TemplateOp[], model: NewsletterModel, problems: string[]): void {
  for (const op of ops) {
    if (op.op === 'wins') {
      appendWins(body, model);
      continue;
    }
    const src = t.sources[op.source];
    const type = t.elements[op.source].type;
    if (op.op === 'text') {
      const attrs = attributesOf(t, op.source);
      const el = type === 'LIST_ITEM' ? body.appendListItem(op.text) : body.appendParagraph(op.text);
      if (attrs) el.setAttributes(attrs);
      continue;
    }
    const copy = appendCopy(body, src, type);
    if (!copy) {
      problems.push(`A ${type.toLowerCase().replace(/_/g, ' ')} in the template could not be copied and was left out.`);
      continue;
    }
    if (op.op === 'cells') fillTable(copy as GoogleAppsScript.Document.Table, op.values);
  }
}

function appendCopy(body: Body, src: Source, type: string): Element | null {
  if (!src) return null;
  switch (type) {
    case 'PARAGRAPH':
      return body.appendParagraph((src as GoogleAppsScript.Document.Paragraph).copy());
    case 'LIST_ITEM':
      return body.appendListItem((src as GoogleAppsScript.Document.ListItem).copy());
    case 'TABLE':
      return body.appendTable((src as GoogleAppsScript.Document.Table).copy());
    default:
      return null;
  }
}

/** Fills placeholders cell by cell with setText: the values go in literally. */
function fillTable(table: GoogleAppsScript.Document.Table, values: Record<string, string>): void {
  const rows = table.getNumRows();
  for (let r = 0; r < rows; r++) {
    const row = table.getRow(r);
    const cells = row.getNumCells();
    for (let c = 0; c < cells; c++) {
      const cell = row.getCell(c);
      const text = cell.getText();
      if (hasPlaceholder(text)) cell.setText(fillPlaceholders(text, values));
    }
  }
}

/** Marks a cancelled issue's Doc in its title (best effort: the Doc stays as the archive's record). */
export function markDocCancelled(docId: string): void {
  const doc = DocumentApp.openById(docId);
  const name = doc.getName();
  if (!/^\[Cancelled\]/.test(name)) doc.setName(`[Cancelled] ${name}`);
}
