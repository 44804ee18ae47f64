// Writing a Doc batch by batch, resumably: what a run records after each batch, how the document as the Docs API
// returns it (Documents.get) is read back (paragraphs and their indexes, the body's end), and which batches of a plan
// a document already holds, so a batch applied but never recorded is recognised instead of written twice.
import type { DocPlan, DocsRequest } from './docs-requests';
import type { LayoutElement } from './newsletter-template';

/** Google Docs holds about 1.02 million characters; an issue is cut (at a whole win) to stay below this. */
export const DOC_CHAR_LIMIT = 1_000_000;

/** The parts of a Docs API document a build reads. */
export interface DocsElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: {
    elements?: Array<{
      textRun?: { content?: string; textStyle?: { bold?: boolean; italic?: boolean; underline?: boolean } };
    }>;
    paragraphStyle?: { namedStyleType?: string };
    bullet?: unknown;
  };
  table?: { tableRows?: Array<{ tableCells?: Array<{ content?: DocsElement[] }> }> };
  sectionBreak?: unknown;
  tableOfContents?: unknown;
}
export interface DocsJson {
  documentId?: string;
  revisionId?: string;
  body?: { content?: DocsElement[] };
}

export interface DocsParagraph {
  start: number;
  end: number;
  /** Its text without the closing newline. */
  text: string;
  /** In the body itself, not in a table's cell. */
  topLevel: boolean;
}

/** What a run records after each batch (document properties): enough to continue without reading the Doc. */
export interface BuildProgress {
  doc: string;
  /** The plan's fingerprint: a run continues only the plan it would make itself. */
  plan: string;
  /** Batches applied, and the document's revision after them. */
  done: number;
  rev: string;
  /** Where the content starts and the body's end before the first batch. */
  at: number;
  end0: number;
  /** A template's placeholders and marker (first batch), how they change the body's length, its per-win layout. */
  prelude?: DocsRequest[];
  shift?: number;
  layout?: LayoutElement[];
}

export function paragraphsOf(doc: DocsJson): DocsParagraph[] {
  const out: DocsParagraph[] = [];
  const walk = (content: readonly DocsElement[], topLevel: boolean) => {
    for (const el of content) {
      if (el.paragraph) {
        const text = (el.paragraph.elements ?? []).map((e) => e.textRun?.content ?? '').join('');
        out.push({
          start: el.startIndex ?? 0,
          end: el.endIndex ?? 0,
          text: text.endsWith('\n') ? text.slice(0, -1) : text,
          topLevel,
        });
      }
      for (const row of el.table?.tableRows ?? [])
        for (const cell of row.tableCells ?? []) walk(cell.content ?? [], false);
    }
  };
  walk(doc.body?.content ?? [], true);
  return out;
}

/** The body's end index (one past its final newline). */
export function bodyEnd(doc: DocsJson): number {
  const content = doc.body?.content ?? [];
  return content.length ? (content[content.length - 1].endIndex ?? 1) : 1;
}

/**
 * How many of the plan's batches the document holds: k when its body ends where the plan says it does after k
 * batches and the k-th batch's first text is where it went; null when it matches no state of the plan (someone
 * edited the Doc, or it belongs to another plan).
 */
export function appliedBatches(plan: DocPlan, doc: DocsJson): number | null {
  const end = bodyEnd(doc);
  const paras = paragraphsOf(doc);
  for (let k = plan.batches.length; k >= 0; k--) {
    if (plan.ends[k] !== end) continue;
    if (k === 0) return 0;
    const probe = plan.batches[k - 1].probe;
    if (paras.some((p) => p.start === probe.index && p.text.startsWith(probe.text))) return k;
  }
  return null;
}

/** The first paragraph of the body itself whose text matches (a template's marker), or null. */
export function findParagraph(doc: DocsJson, test: RegExp): DocsParagraph | null {
  return paragraphsOf(doc).find((p) => p.topLevel && test.test(p.text)) ?? null;
}

/** The requests' write-quota, invalid-request and revision answers, told apart by their wording. */
export type DocsFailure = 'quota' | 'revision' | 'invalid' | 'other';

export function docsFailure(err: unknown): DocsFailure {
  const m = err instanceof Error ? err.message : String(err);
  if (/quota|rate limit|too many requests/i.test(m)) return 'quota';
  if (/revision/i.test(m)) return 'revision';
  if (
    /invalid requests\[|must be less than the end index|insertion index|invalid argument|permission|not found|insufficient/i.test(
      m,
    )
  )
    return 'invalid';
  return 'other';
}

/** Waits before trying a batch again after the per-minute write quota was hit: 10 s, 20 s, 40 s. */
export const QUOTA_WAITS_MS = [10_000, 20_000, 40_000];
/** Waits before trying again after a failure that may pass (a backend error, a dropped connection). */
export const RETRY_WAITS_MS = [1_000, 2_000, 4_000];

/** A body element as the Docs API shows it and as DocumentApp would type it (section breaks are not elements). */
export interface BodyElement {
  /** DocumentApp.ElementType name: PARAGRAPH, LIST_ITEM, TABLE, TABLE_OF_CONTENTS. */
  type: string;
  text: string;
  /** DocumentApp.ParagraphHeading name. */
  heading: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  cells?: string[][];
}

function paragraphText(el: DocsElement): string {
  const text = (el.paragraph?.elements ?? []).map((e) => e.textRun?.content ?? '').join('');
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** The body's elements in order, one per DocumentApp child: type, text, heading, emphasis all its text shares. */
export function bodyElements(doc: DocsJson): BodyElement[] {
  const out: BodyElement[] = [];
  for (const el of doc.body?.content ?? []) {
    if (el.sectionBreak) continue;
    if (el.paragraph) {
      const runs = (el.paragraph.elements ?? [])
        .map((e) => e.textRun)
        .filter((r): r is NonNullable<typeof r> => Boolean(r && (r.content ?? '').replace(/\n$/, '')));
      const all = (k: 'bold' | 'italic' | 'underline') =>
        runs.length > 0 && runs.every((r) => r.textStyle?.[k] === true);
      out.push({
        type: el.paragraph.bullet ? 'LIST_ITEM' : 'PARAGRAPH',
        text: paragraphText(el),
        heading: (el.paragraph.paragraphStyle?.namedStyleType ?? 'NORMAL_TEXT').replace(/_TEXT$|_/g, ''),
        bold: all('bold'),
        italic: all('italic'),
        underline: all('underline'),
      });
    } else if (el.table) {
      const cells = (el.table.tableRows ?? []).map((r) =>
        (r.tableCells ?? []).map((c) =>
          (c.content ?? [])
            .filter((x) => x.paragraph)
            .map(paragraphText)
            .join('\n'),
        ),
      );
      out.push({
        type: 'TABLE',
        text: cells.map((r) => r.join('\t')).join('\n'),
        heading: 'NORMAL',
        bold: false,
        italic: false,
        underline: false,
        cells,
      });
    } else
      out.push({
        type: el.tableOfContents ? 'TABLE_OF_CONTENTS' : 'UNSUPPORTED',
        text: '',
        heading: 'NORMAL',
        bold: false,
        italic: false,
        underline: false,
      });
  }
  return out;
}
