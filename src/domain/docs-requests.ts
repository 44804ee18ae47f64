// An outline turned into Google Docs API requests (insertText, updateParagraphStyle, updateTextStyle,
// createParagraphBullets, insertTable with its cells' text), with the Doc's UTF-16 index arithmetic, cut into
// batches that each start where the last one stopped, so a long Doc is written, and resumed, batch by batch.
import { Block, hasContent, isRightToLeft, NamedStyle, Span, spansText } from './outline';
import { hashText } from './text';

/** One request of a documents.batchUpdate call, as the API takes it. */
export type DocsRequest = Record<string, unknown>;

interface FlowParagraph {
  text: string;
  style: NamedStyle;
  spans: Span[];
  bullet: boolean;
  rtl: boolean;
}

export interface Placed {
  requests: DocsRequest[];
  /** Where the inserted content ends: the start of the empty paragraph that follows it (or, after the document's
   * last blocks, the index of the final newline). */
  end: number;
}

const TEXT_FIELDS = 'bold,italic,underline,strikethrough,link,foregroundColor';
/** Docs' own link colour (#1155cc), so a link looks like one wherever the Doc is read. */
const LINK_COLOR = { color: { rgbColor: { red: 0.06666667, green: 0.33333334, blue: 0.8 } } };

const range = (startIndex: number, endIndex: number) => ({ startIndex, endIndex });

function paragraphStyle(start: number, end: number, style: Record<string, unknown>): DocsRequest {
  return {
    updateParagraphStyle: { range: range(start, end), paragraphStyle: style, fields: Object.keys(style).join(',') },
  };
}

function textStyle(start: number, end: number, style: Record<string, unknown>, fields = Object.keys(style).join(',')) {
  return { updateTextStyle: { range: range(start, end), textStyle: style, fields } };
}

/** The text style a span asks for (a label reads in bold; a link is underlined in Docs' link colour). */
function spanStyle(span: Span): Record<string, unknown> | null {
  const s: Record<string, unknown> = {};
  if (span.bold || span.label) s.bold = true;
  if (span.italic) s.italic = true;
  if (span.underline) s.underline = true;
  if (span.link) {
    s.link = { url: span.link };
    s.underline = true;
    s.foregroundColor = LINK_COLOR;
  }
  return Object.keys(s).length ? s : null;
}

/** Runs of consecutive items for which `key` gives the same non-null value. */
function runsOf<T>(
  items: readonly T[],
  key: (t: T) => string | null,
): Array<{ first: number; last: number; key: string }> {
  const out: Array<{ first: number; last: number; key: string }> = [];
  items.forEach((t, i) => {
    const k = key(t);
    const prev = out[out.length - 1];
    if (k !== null && prev && prev.key === k && prev.last === i - 1) prev.last = i;
    else if (k !== null) out.push({ first: i, last: i, key: k });
  });
  return out;
}

/**
 * Inserts paragraphs at `at`, the start of an empty paragraph. With `keepEmpty` the empty paragraph stays after
 * them (the next content goes there); without, the last paragraph's text fills it.
 */
function insertFlow(paras: readonly FlowParagraph[], at: number, keepEmpty: boolean, out: DocsRequest[]): number {
  const text = paras.map((p) => p.text).join('\n') + (keepEmpty ? '\n' : '');
  const starts: number[] = [];
  let i = at;
  for (const p of paras) {
    starts.push(i);
    i += p.text.length + 1;
  }
  const end = at + text.length;
  const textEnd = (k: number) => starts[k] + paras[k].text.length;
  out.push({ insertText: { location: { index: at }, text } });
  // A new paragraph copies the style (and bullet) of the one it was split from, and new text the style of the
  // text before it: every property this Doc relies on is set explicitly.
  out.push({ deleteParagraphBullets: { range: range(at, end) } });
  out.push(paragraphStyle(at, end, { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' }));
  for (const r of runsOf(paras, (p) => (p.style === 'NORMAL_TEXT' ? null : p.style)))
    out.push(paragraphStyle(starts[r.first], textEnd(r.last), { namedStyleType: r.key }));
  for (const r of runsOf(paras, (p) => (p.rtl ? 'rtl' : null)))
    out.push(paragraphStyle(starts[r.first], textEnd(r.last), { direction: 'RIGHT_TO_LEFT' }));
  out.push(textStyle(at, end, {}, TEXT_FIELDS));
  paras.forEach((p, k) => {
    let s = starts[k];
    for (const span of p.spans) {
      const style = spanStyle(span);
      if (style) out.push(textStyle(s, s + span.text.length, style));
      s += span.text.length;
    }
  });
  for (const r of runsOf(paras, (p) => (p.bullet ? 'bullet' : null)))
    out.push({
      createParagraphBullets: {
        range: range(starts[r.first], textEnd(r.last)),
        bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE',
      },
    });
  return end;
}

/**
 * Inserts a table at `at` (inside a paragraph: a newline goes in before the table, which starts at `at` + 1), then
 * each cell's text at its paragraph, first cell first (each insert moves the cells after it). Returns the index
 * right after the table.
 */
function insertTable(rows: readonly string[][], header: boolean, at: number, out: DocsRequest[]): number {
  const columns = rows[0].length;
  out.push({ insertTable: { rows: rows.length, columns, location: { index: at } } });
  const tableStart = at + 1;
  const cells: Array<{ start: number; length: number; header: boolean }> = [];
  let moved = 0;
  rows.forEach((row, r) =>
    row.forEach((text, c) => {
      // Table start, then per row its start and per cell its start and its (empty) paragraph's newline.
      const start = tableStart + 1 + r * (1 + 2 * columns) + 1 + 2 * c + moved;
      if (text.length) {
        out.push({ insertText: { location: { index: start + 1 }, text } });
        cells.push({ start: start + 1, length: text.length, header: header && r === 0 });
        moved += text.length;
      }
    }),
  );
  for (const cell of cells) {
    const end = cell.start + cell.length;
    out.push(paragraphStyle(cell.start, end, { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' }));
    out.push(textStyle(cell.start, end, cell.header ? { bold: true } : {}, TEXT_FIELDS));
  }
  return tableStart + 2 + rows.length * (1 + 2 * columns) + moved;
}

/**
 * The requests that insert `blocks` at `at`, the start of an empty paragraph. Unless `last`, an empty paragraph
 * follows the blocks (its start is `end`, where the next batch goes); with `last`, the final paragraph takes the
 * empty one's place, so the Doc does not end with a blank line.
 */
export function insertBlocks(blocks: readonly Block[], at: number, last: boolean): Placed {
  const out: DocsRequest[] = [];
  let cursor = at;
  let pending: FlowParagraph[] = [];
  for (const block of blocks.filter(hasContent)) {
    if (block.kind === 'table') {
      // The paragraphs before a table fill the empty paragraph; the table's own newline ends the last of them.
      if (pending.length) cursor = insertFlow(pending, cursor, false, out);
      pending = [];
      cursor = insertTable(block.rows, block.header, cursor, out);
      continue;
    }
    const paras: FlowParagraph[] =
      block.kind === 'paragraph'
        ? [flowParagraph(block.spans, block.style, false)]
        : block.items.map((spans) => flowParagraph(spans, 'NORMAL_TEXT', true));
    pending.push(...paras);
  }
  if (pending.length) cursor = insertFlow(pending, cursor, !last, out);
  return { requests: out, end: cursor };
}

function flowParagraph(spans: Span[], style: NamedStyle, bullet: boolean): FlowParagraph {
  const text = spansText(spans);
  return { text, style, spans, bullet, rtl: isRightToLeft(text) };
}

// ---- Batches ----------------------------------------------------------------------------------------------

export interface BatchLimits {
  /** Requests per documents.batchUpdate call. */
  maxRequests: number;
  /** JSON characters per call (the API takes about 10 MB; a smaller call is cheaper to retry). */
  maxChars: number;
}

export const BATCH_LIMITS: BatchLimits = { maxRequests: 500, maxChars: 1_000_000 };

export interface Batch {
  requests: DocsRequest[];
  /** Where this batch's content starts, and the empty paragraph after it where the next batch goes. */
  from: number;
  to: number;
  /** Units (win IDs) whose blocks this batch writes. */
  units: string[];
  /**
   * Where the batch's first text goes and that text's first line: a reader of the Doc tells by it whether the batch
   * went in (the paragraph starting there begins with it).
   */
  probe: { index: number; text: string };
}

export interface DocPlan {
  batches: Batch[];
  /** The body's end index before any batch (ends[0]) and after each batch k (ends[k]). */
  ends: number[];
  /** Changes whenever any request would change: a resumed run continues only a plan it recognises. */
  fingerprint: string;
}

/** What every run of paragraphs costs once: its insert, and the bullet, paragraph and text style resets. */
const FLOW_REQUESTS = 4;

/** A batch's groups, halved until each part is within the limits (a single group is kept whatever its size). */
function split(chunk: Block[][], prelude: DocsRequest[], limits: BatchLimits): Block[][][] {
  if (chunk.length <= 1) return [chunk];
  const placed = insertBlocks(chunk.flat(), 1, false);
  const requests = prelude.length + placed.requests.length;
  const chars = JSON.stringify(prelude).length + JSON.stringify(placed.requests).length;
  if (requests <= limits.maxRequests && chars <= limits.maxChars) return [chunk];
  const half = Math.ceil(chunk.length / 2);
  return [...split(chunk.slice(0, half), prelude, limits), ...split(chunk.slice(half), [], limits)];
}

/** Consecutive blocks of one unit (blocks without a unit stay together until the next unit starts). */
function groups(blocks: readonly Block[]): Block[][] {
  const out: Block[][] = [];
  let key: string | undefined | null = null;
  for (const b of blocks.filter(hasContent)) {
    if (out.length && b.unit === key) out[out.length - 1].push(b);
    else out.push([b]);
    key = b.unit;
  }
  return out;
}

function probeOf(requests: readonly DocsRequest[]): { index: number; text: string } {
  const first = requests.find((r) => 'insertText' in r) as
    { insertText: { text: string; location: { index: number } } } | undefined;
  return first
    ? { index: first.insertText.location.index, text: first.insertText.text.split('\n')[0].slice(0, 200) }
    : { index: 0, text: '' };
}

/**
 * The document's content in batches, each within `limits` and holding whole units (a win is never split over two
 * batches unless it alone is too big). `prelude` goes first in the first batch (a template's placeholders);
 * `shift` is how much it changes the body's length before `at`; `bodyEnd` is the body's end index now.
 */
export function planDocument(
  blocks: readonly Block[],
  at: number,
  bodyEnd: number,
  opts: { prelude?: DocsRequest[]; shift?: number; limits?: BatchLimits; salt?: string } = {},
): DocPlan {
  const limits = opts.limits ?? BATCH_LIMITS;
  const prelude = opts.prelude ?? [];
  const parts = groups(blocks);
  // Each group's share of a batch: its requests less the four every run of paragraphs costs once (insert, bullets,
  // paragraph and text style resets), which neighbouring groups share; those four are counted per table instead.
  const cost = parts.map((g) => {
    const placed = insertBlocks(g, 0, false);
    const flows = placed.requests.filter((r) => 'deleteParagraphBullets' in r).length;
    const tables = g.filter((b) => b.kind === 'table').length;
    return {
      requests: placed.requests.length - FLOW_REQUESTS * flows + FLOW_REQUESTS * tables,
      chars: JSON.stringify(placed.requests).length,
    };
  });
  const fresh = (k: number) => ({
    requests: FLOW_REQUESTS + (k === 0 ? prelude.length : 0),
    chars: k === 0 ? JSON.stringify(prelude).length : 0,
  });
  let chunks: Block[][][] = [];
  let current: Block[][] = [];
  let used = fresh(0);
  parts.forEach((g, i) => {
    const c = cost[i];
    const fits = used.requests + c.requests <= limits.maxRequests && used.chars + c.chars <= limits.maxChars;
    if (!fits && current.length) {
      chunks.push(current);
      current = [];
      used = fresh(chunks.length);
    }
    current.push(g);
    used = { requests: used.requests + c.requests, chars: used.chars + c.chars };
  });
  if (current.length || chunks.length === 0) chunks.push(current);
  // The estimate is close, not exact: a batch found over the limits is split between its groups.
  chunks = chunks.flatMap((chunk, k) => split(chunk, k === 0 ? prelude : [], limits));

  const batches: Batch[] = [];
  const ends = [bodyEnd];
  let cursor = at;
  let end = bodyEnd + (opts.shift ?? 0);
  chunks.forEach((chunk, k) => {
    const flat = chunk.flat();
    const placed = insertBlocks(flat, cursor, k === chunks.length - 1);
    const requests = k === 0 ? [...prelude, ...placed.requests] : placed.requests;
    end += placed.end - cursor;
    batches.push({
      requests,
      from: cursor,
      to: placed.end,
      units: Array.from(new Set(flat.map((b) => b.unit).filter((u): u is string => Boolean(u)))),
      probe: probeOf(placed.requests),
    });
    ends.push(end);
    cursor = placed.end;
  });
  return { batches, ends, fingerprint: fingerprint(JSON.stringify([opts.salt ?? '', at, bodyEnd, batches])) };
}

/** Characters `blocks` add to a Doc (the units' share of the document size limit). */
export function insertedLength(blocks: readonly Block[]): number {
  return insertBlocks(blocks, 1, false).end - 1;
}

/** The plan's fingerprint: the same plan gives the same fingerprint in every run. */
export function fingerprint(text: string): string {
  return hashText(text);
}
