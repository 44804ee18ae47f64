// The advanced Docs service fake (Docs.Documents: create, get, batchUpdate), a global only when the loaded manifest
// enables it. It reads and writes the same documents DocumentApp does, with the API's index model: a section break
// at 0, each paragraph as long as its text plus its newline, tables as a start, rows, cells and an end. batchUpdate
// validates every request and applies all or nothing, checks writeControl.requiredRevisionId, and answers the
// per-minute write quota the way the API does.
import { createHash } from 'node:crypto';
import type { ServiceEnv, SimCore } from './core';
import { attrsAt, concat, effectiveRuns, richOf, setRich, slice, splice, styleRange, type Rich } from './doc-text';
import { docsState, manifestScopes, para, takeFault, type DocNode, type DocState, type FaultState } from './documents';

const SCOPES = [
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.file',
];
/** ARCHITECTURE.md's cost model. */
const COST = { create: 800, get: 500, batchUpdate: 500, perRequest: 2 };
/** Docs API quotas per user per minute. */
export const WRITES_PER_MINUTE = 60;
export const READS_PER_MINUTE = 300;

interface ApiState {
  /** Per user: the simulated times (clock + spent) of recent write and read requests. */
  writes: Record<string, number[]>;
  reads: Record<string, number[]>;
  /** Method key → failures left after the call was applied (the answer is lost, the change is not). */
  lostAnswers: Record<string, FaultState>;
}

/** Simulated now for rate quotas: the clock, plus the time spent in calls unless calls already move the clock. */
function timeline(core: SimCore): number {
  return core.clock.nowMs() + (core.meter.onSpend ? 0 : core.meter.spent);
}

function apiState(core: SimCore): ApiState {
  if (!('docsApi' in core.extensions)) core.extensions.docsApi = { writes: {}, reads: {}, lostAnswers: {} };
  return core.extensions.docsApi as ApiState;
}

// ---- Index layout --------------------------------------------------------------------------------------------

export interface ParaLayout {
  kind: 'paragraph';
  node: DocNode;
  list: DocNode[];
  start: number;
  end: number;
}
export interface TableLayout {
  kind: 'table';
  node: DocNode;
  list: DocNode[];
  start: number;
  end: number;
  rows: Array<{ start: number; end: number; cells: Array<{ start: number; end: number; content: Layout[] }> }>;
}
export type Layout = ParaLayout | TableLayout;

/** A paragraph's length: its text, a horizontal rule or page break it holds, and its newline. */
function paraLength(n: DocNode): number {
  return (n.text ?? '').length + (n.hr ? 1 : 0) + (n.pageBreak ? 1 : 0) + 1;
}

export function layoutOf(list: DocNode[], start: number): { items: Layout[]; end: number } {
  const items: Layout[] = [];
  let i = start;
  for (const node of list) {
    if (node.type === 'TABLE') {
      const tableStart = i;
      i += 1;
      const rows: TableLayout['rows'] = [];
      for (const row of node.children ?? []) {
        const rowStart = i;
        i += 1;
        const cells: TableLayout['rows'][number]['cells'] = [];
        for (const cell of row.children ?? []) {
          const cellStart = i;
          const inner = layoutOf((cell.children ??= [para('')]), i + 1);
          i = inner.end;
          cells.push({ start: cellStart, end: i, content: inner.items });
        }
        rows.push({ start: rowStart, end: i, cells });
      }
      i += 1;
      items.push({ kind: 'table', node, list, start: tableStart, end: i, rows });
    } else {
      const end = i + paraLength(node);
      items.push({ kind: 'paragraph', node, list, start: i, end });
      i = end;
    }
  }
  return { items, end: i };
}

function* paragraphs(items: Layout[]): Generator<ParaLayout> {
  for (const it of items) {
    if (it.kind === 'paragraph') yield it;
    else for (const row of it.rows) for (const cell of row.cells) yield* paragraphs(cell.content);
  }
}

// ---- The document as the API returns it -------------------------------------------------------------------

const NAMED: Record<string, string> = {
  NORMAL: 'NORMAL_TEXT',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
};
const HEADING_OF: Record<string, string> = Object.fromEntries(Object.entries(NAMED).map(([k, v]) => [v, k]));
const ALIGN_OUT: Record<string, string> = { LEFT: 'START', CENTER: 'CENTER', RIGHT: 'END', JUSTIFY: 'JUSTIFIED' };
const ALIGN_IN: Record<string, string> = Object.fromEntries(Object.entries(ALIGN_OUT).map(([k, v]) => [v, k]));

function hexToRgb(hex: string): Record<string, number> | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return null;
  const c = (h: string) => Math.round((parseInt(h, 16) / 255) * 1e8) / 1e8;
  const rgb: Record<string, number> = {};
  (['red', 'green', 'blue'] as const).forEach((k, i) => {
    const v = c(m[i + 1]);
    if (v) rgb[k] = v;
  });
  return rgb;
}

function rgbToHex(rgb: Record<string, number> | undefined): string {
  const h = (v: number | undefined) =>
    Math.round((v ?? 0) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${h(rgb?.red)}${h(rgb?.green)}${h(rgb?.blue)}`;
}

function textStyleOut(attrs: Record<string, unknown>): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  if (attrs.BOLD) s.bold = true;
  if (attrs.ITALIC) s.italic = true;
  if (attrs.UNDERLINE) s.underline = true;
  if (attrs.STRIKETHROUGH) s.strikethrough = true;
  if (attrs.LINK_URL) s.link = { url: String(attrs.LINK_URL) };
  if (attrs.FOREGROUND_COLOR) {
    const rgb = hexToRgb(String(attrs.FOREGROUND_COLOR));
    if (rgb) s.foregroundColor = { color: { rgbColor: rgb } };
  }
  if (attrs.FONT_SIZE) s.fontSize = { magnitude: Number(attrs.FONT_SIZE), unit: 'PT' };
  return s;
}

function paragraphOut(p: ParaLayout): Record<string, unknown> {
  const n = p.node;
  const elements: Array<Record<string, unknown>> = [];
  let i = p.start;
  const runs = effectiveRuns(n);
  for (const r of runs) {
    if (!r.text) continue;
    elements.push({
      startIndex: i,
      endIndex: i + r.text.length,
      textRun: { content: r.text, textStyle: textStyleOut(r.attrs) },
    });
    i += r.text.length;
  }
  if (n.hr) elements.push({ startIndex: i, endIndex: ++i, horizontalRule: { textStyle: {} } });
  if (n.pageBreak) elements.push({ startIndex: i, endIndex: ++i, pageBreak: { textStyle: {} } });
  // The newline belongs to the last run when it ends the text; otherwise it is a run of its own.
  const last = elements[elements.length - 1] as { endIndex: number; textRun?: { content: string } } | undefined;
  if (last?.textRun) {
    last.textRun.content += '\n';
    last.endIndex += 1;
  } else elements.push({ startIndex: i, endIndex: i + 1, textRun: { content: '\n', textStyle: {} } });
  const style: Record<string, unknown> = {
    namedStyleType: NAMED[String(n.attrs.HEADING ?? 'NORMAL')] ?? 'NORMAL_TEXT',
    direction: n.attrs.LEFT_TO_RIGHT === false ? 'RIGHT_TO_LEFT' : 'LEFT_TO_RIGHT',
  };
  if (n.attrs.HORIZONTAL_ALIGNMENT) style.alignment = ALIGN_OUT[String(n.attrs.HORIZONTAL_ALIGNMENT)];
  const out: Record<string, unknown> = { elements, paragraphStyle: style };
  if (n.type === 'LIST_ITEM') {
    out.bullet = { listId: String(n.attrs.LIST_ID ?? 'kix.list.1') };
    const level = Number(n.attrs.NESTING_LEVEL ?? 0);
    if (level) (out.bullet as Record<string, unknown>).nestingLevel = level;
  }
  return out;
}

function contentOut(items: Layout[]): Array<Record<string, unknown>> {
  return items.map((it) =>
    it.kind === 'paragraph'
      ? { startIndex: it.start, endIndex: it.end, paragraph: paragraphOut(it) }
      : {
          startIndex: it.start,
          endIndex: it.end,
          table: {
            rows: it.rows.length,
            columns: it.rows[0]?.cells.length ?? 0,
            tableRows: it.rows.map((r) => ({
              startIndex: r.start,
              endIndex: r.end,
              tableCells: r.cells.map((c) => ({
                startIndex: c.start,
                endIndex: c.end,
                content: contentOut(c.content),
              })),
            })),
          },
        },
  );
}

/** The revision: changes whenever the document's title or content changes (by the API or DocumentApp). */
export function revisionOf(doc: DocState): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([doc.name, doc.body]))
    .digest('base64url');
  return `ALm${hash.slice(0, 40)}`;
}

export function documentJson(doc: DocState): Record<string, unknown> {
  const { items } = layoutOf(doc.body, 1);
  const lists: Record<string, unknown> = {};
  for (const p of paragraphs(items)) {
    if (p.node.type !== 'LIST_ITEM') continue;
    const id = String(p.node.attrs.LIST_ID ?? 'kix.list.1');
    const glyph = String(p.node.attrs.GLYPH_TYPE ?? 'BULLET');
    lists[id] ??= {
      listProperties: {
        nestingLevels: Array.from({ length: 9 }, () =>
          glyph === 'NUMBER' ? { glyphType: 'DECIMAL', glyphFormat: '%0.' } : { glyphSymbol: '●', glyphFormat: '%0' },
        ),
      },
    };
  }
  return {
    documentId: doc.id,
    title: doc.name,
    revisionId: revisionOf(doc),
    suggestionsViewMode: 'SUGGESTIONS_INLINE',
    body: {
      content: [
        {
          endIndex: 1,
          sectionBreak: {
            sectionStyle: {
              columnSeparatorStyle: 'NONE',
              contentDirection: 'LEFT_TO_RIGHT',
              sectionType: 'CONTINUOUS',
            },
          },
        },
        ...contentOut(items),
      ],
    },
    lists,
    documentStyle: { pageSize: { width: { magnitude: 612, unit: 'PT' }, height: { magnitude: 792, unit: 'PT' } } },
  };
}

// ---- Requests ----------------------------------------------------------------------------------------------

class Invalid extends Error {}

/** What the API strips from inserted text: U+0000–U+0008, U+000C–U+001F and the BMP Private Use Area. */
function stripInserted(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c <= 0x08 || (c >= 0x0c && c <= 0x1f) || (c >= 0xe000 && c <= 0xf8ff)) continue;
    out += ch;
  }
  return out;
}

const int = (v: unknown, what: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Invalid(`${what} must be an integer.`);
  return n;
};

interface BodyLayout {
  items: Layout[];
  end: number;
  /** Every paragraph (tables' cells included), in index order. */
  paras: ParaLayout[];
}

/**
 * The body's layout, kept between requests of a batch that change no length (styles, bullets removed), so a batch
 * of hundreds of style requests does not lay the document out hundreds of times.
 */
const layouts = new WeakMap<DocNode[], BodyLayout>();

function layout(body: DocNode[]): BodyLayout {
  let l = layouts.get(body);
  if (!l) {
    const { items, end } = layoutOf(body, 1);
    l = { items, end, paras: Array.from(paragraphs(items)) };
    layouts.set(body, l);
  }
  return l;
}

/** The index of the first paragraph ending after `index` (binary search). */
function firstEndingAfter(paras: ParaLayout[], index: number): number {
  let lo = 0;
  let hi = paras.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paras[mid].end > index) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function inParagraph(body: DocNode[], index: number): ParaLayout {
  const { paras, end } = layout(body);
  if (index >= end)
    throw new Invalid(`Index ${index} must be less than the end index of the referenced segment, ${end}.`);
  const p = paras[firstEndingAfter(paras, index)];
  if (p && index >= p.start) return p;
  throw new Invalid(
    'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
  );
}

function checkRange(body: DocNode[], r: unknown): { start: number; end: number; paras: ParaLayout[] } {
  const range = (r ?? {}) as { startIndex?: unknown; endIndex?: unknown; segmentId?: unknown; tabId?: unknown };
  if (range.segmentId) throw new Error('Simulator: Docs ranges in headers, footers or footnotes are not implemented');
  const start = int(range.startIndex ?? 0, 'The range start index');
  const end = int(range.endIndex, 'The range end index');
  const { paras, end: segmentEnd } = layout(body);
  if (start < 1) throw new Invalid(`The start index ${start} must be at least 1.`);
  if (end <= start) throw new Invalid('The range should not be empty.');
  if (end >= segmentEnd)
    throw new Invalid(`Index ${end} must be less than the end index of the referenced segment, ${segmentEnd}.`);
  return { start, end, paras };
}

function overlapping(paras: ParaLayout[], start: number, end: number): ParaLayout[] {
  const out: ParaLayout[] = [];
  for (let i = firstEndingAfter(paras, start); i < paras.length && paras[i].start < end; i++) out.push(paras[i]);
  return out;
}

/** Text offset in a paragraph for a document index (the rule and page break sit after the text). */
function offsetIn(p: ParaLayout, index: number): number {
  return Math.min(index - p.start, (p.node.text ?? '').length);
}

function withoutText(n: DocNode): DocNode {
  const copy = JSON.parse(JSON.stringify(n)) as DocNode;
  delete copy.runs;
  copy.text = '';
  copy.hr = false;
  copy.pageBreak = false;
  return copy;
}

function insertText(body: DocNode[], req: Record<string, unknown>): void {
  const loc = req.location as { index?: unknown; segmentId?: unknown } | undefined;
  if (!loc) throw new Error('Simulator: insertText at endOfSegmentLocation is not implemented');
  if (loc.segmentId) throw new Error('Simulator: Docs text in headers, footers or footnotes is not implemented');
  const index = int(loc.index, 'The insertion index');
  if (index < 1)
    throw new Invalid(
      'The insertion index must be inside the bounds of an existing paragraph. You can still create new paragraphs by inserting newlines.',
    );
  const p = inParagraph(body, index);
  const text = stripInserted(String(req.text ?? ''));
  if (!text) return;
  const n = p.node;
  const offset = offsetIn(p, index);
  const rich = splice(richOf(n), offset, 0, text);
  const pieces = rich.text.split('\n');
  if (pieces.length === 1) {
    setRich(n, rich);
    return;
  }
  // New paragraphs copy the style (and bullet) of the paragraph the text went into.
  const template = withoutText(n);
  const hr = n.hr;
  const pageBreak = n.pageBreak;
  let pos = 0;
  const parts: Rich[] = pieces.map((piece) => {
    const part = slice(rich, pos, pos + piece.length);
    pos += piece.length + 1;
    return part;
  });
  setRich(n, parts[0]);
  n.hr = false;
  n.pageBreak = false;
  const added = parts.slice(1).map((part) => {
    const m = JSON.parse(JSON.stringify(template)) as DocNode;
    setRich(m, part);
    return m;
  });
  const lastNode = added[added.length - 1];
  lastNode.hr = hr;
  lastNode.pageBreak = pageBreak;
  p.list.splice(p.list.indexOf(n) + 1, 0, ...added);
}

function insertTable(body: DocNode[], req: Record<string, unknown>): void {
  const loc = req.location as { index?: unknown } | undefined;
  if (!loc) throw new Error('Simulator: insertTable at endOfSegmentLocation is not implemented');
  const rows = int(req.rows, 'The number of rows');
  const columns = int(req.columns, 'The number of columns');
  if (rows < 1 || columns < 1) throw new Invalid('The table must have at least one row and one column.');
  const index = int(loc.index, 'The insertion index');
  const p = inParagraph(body, index);
  if (p.list !== body) throw new Error('Simulator: insertTable inside a table is not implemented');
  const n = p.node;
  const offset = offsetIn(p, index);
  const rich = richOf(n);
  // A newline goes in at the index, ending the paragraph there; the table follows; the rest of the text after it.
  const rest = withoutText(n);
  setRich(rest, slice(rich, offset, rich.text.length));
  rest.hr = n.hr;
  rest.pageBreak = n.pageBreak;
  setRich(n, slice(rich, 0, offset));
  n.hr = false;
  n.pageBreak = false;
  const table: DocNode = {
    type: 'TABLE',
    attrs: {},
    children: Array.from({ length: rows }, () => ({
      type: 'TABLE_ROW' as const,
      attrs: {},
      children: Array.from({ length: columns }, () => ({
        type: 'TABLE_CELL' as const,
        attrs: {},
        children: [para('')],
      })),
    })),
  };
  body.splice(body.indexOf(n) + 1, 0, table, rest);
}

function deleteContentRange(body: DocNode[], req: Record<string, unknown>): void {
  const { start, end, paras } = checkRange(body, req.range);
  // Whole tables of the body in the range go with it (a range within one cell is handled below). The reference
  // refuses a range that takes a table's start or end without the whole table, and so the newline before it.
  const tables = layout(body).items.filter((it) => it.kind === 'table' && it.start < end && it.end > start);
  const inOneCell = tables.length === 1 && start > tables[0].start && end < tables[0].end;
  if (tables.length && !inOneCell) {
    if (tables.some((t) => start > t.start || end < t.end))
      throw new Invalid('Invalid deletion range. Cannot delete the requested range.');
    const removed = tables.reduce((n, t) => n + (t.end - t.start), 0);
    for (const t of tables) body.splice(body.indexOf(t.node), 1);
    layouts.delete(body);
    if (end - removed > start) deleteContentRange(body, { range: { startIndex: start, endIndex: end - removed } });
    return;
  }
  const hit = overlapping(paras, start, end);
  const first = hit[0];
  const last = hit[hit.length - 1];
  if (!first || first.list !== last.list)
    throw new Error('Simulator: deleteContentRange across tables is not implemented');
  const list = first.list;
  const a = list.indexOf(first.node);
  const b = list.indexOf(last.node);
  if (list.slice(a, b + 1).some((x) => x.type === 'TABLE'))
    throw new Error('Simulator: deleteContentRange over a table is not implemented');
  const head = slice(richOf(first.node), 0, offsetIn(first, start));
  if (end > last.start + (last.node.text ?? '').length && end < last.end)
    throw new Error('Simulator: deleting a horizontal rule or page break is not implemented');
  if (end === last.end) {
    // The range takes the last paragraph's newline: it merges with the paragraph after it.
    const next = list[b + 1];
    if (!next || next.type === 'TABLE') throw new Invalid('Invalid deletion range. Cannot delete the requested range.');
    setRich(first.node, concat(head, richOf(next)));
    first.node.hr = next.hr;
    first.node.pageBreak = next.pageBreak;
    list.splice(a + 1, b + 1 - a);
    return;
  }
  const tailRich = richOf(last.node);
  const tail = slice(tailRich, offsetIn(last, end), tailRich.text.length);
  setRich(first.node, concat(head, tail));
  first.node.hr = last.node.hr;
  first.node.pageBreak = last.node.pageBreak;
  list.splice(a + 1, b - a);
}

function replaceAllText(body: DocNode[], req: Record<string, unknown>): Record<string, unknown> {
  const crit = (req.containsText ?? {}) as { text?: unknown; matchCase?: unknown };
  const find = String(crit.text ?? '');
  if (!find) throw new Invalid('The text to find must not be empty.');
  const replace = stripInserted(String(req.replaceText ?? ''));
  if (replace.includes('\n')) throw new Error('Simulator: replaceAllText with a newline is not implemented');
  const matchCase = crit.matchCase === true;
  let changed = 0;
  for (const p of layout(body).paras) {
    const text = p.node.text ?? '';
    const hay = matchCase ? text : text.toLowerCase();
    const needle = matchCase ? find : find.toLowerCase();
    const at: number[] = [];
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) at.push(i);
    if (!at.length) continue;
    let rich = richOf(p.node);
    for (const i of at.reverse()) rich = splice(rich, i, find.length, replace, attrsAt(rich, i));
    setRich(p.node, rich);
    changed += at.length;
  }
  return { replaceAllText: { occurrencesChanged: changed } };
}

const PARAGRAPH_FIELDS = new Set(['namedStyleType', 'direction', 'alignment']);

function fieldsOf(req: Record<string, unknown>, known: Set<string>, all: string[]): string[] {
  const raw = String(req.fields ?? '').trim();
  if (!raw) throw new Invalid("At least one field must be listed in 'fields'.");
  const fields = raw === '*' ? all : raw.split(',').map((f) => f.trim());
  for (const f of fields)
    if (!known.has(f)) throw new Error(`Simulator: the Docs style field "${f}" is not implemented`);
  return fields;
}

function updateParagraphStyle(body: DocNode[], req: Record<string, unknown>): void {
  const { start, end, paras } = checkRange(body, req.range);
  const style = (req.paragraphStyle ?? {}) as Record<string, unknown>;
  const fields = fieldsOf(req, PARAGRAPH_FIELDS, [...PARAGRAPH_FIELDS]);
  for (const p of overlapping(paras, start, end)) {
    const a = p.node.attrs;
    for (const f of fields) {
      const v = style[f];
      if (f === 'namedStyleType') {
        if (v !== undefined && !HEADING_OF[String(v)])
          throw new Invalid(`Invalid value for namedStyleType: ${String(v)}`);
        a.HEADING = v === undefined ? 'NORMAL' : HEADING_OF[String(v)];
      } else if (f === 'direction') {
        if (v === undefined || v === 'LEFT_TO_RIGHT') delete a.LEFT_TO_RIGHT;
        else if (v === 'RIGHT_TO_LEFT') a.LEFT_TO_RIGHT = false;
        else throw new Invalid(`Invalid value for direction: ${String(v)}`);
      } else if (f === 'alignment') {
        if (v === undefined) delete a.HORIZONTAL_ALIGNMENT;
        else if (ALIGN_IN[String(v)]) a.HORIZONTAL_ALIGNMENT = ALIGN_IN[String(v)];
        else throw new Invalid(`Invalid value for alignment: ${String(v)}`);
      }
    }
  }
}

const TEXT_FIELDS: Record<string, string> = {
  bold: 'BOLD',
  italic: 'ITALIC',
  underline: 'UNDERLINE',
  strikethrough: 'STRIKETHROUGH',
  link: 'LINK_URL',
  foregroundColor: 'FOREGROUND_COLOR',
  fontSize: 'FONT_SIZE',
};

function textAttr(field: string, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  switch (field) {
    case 'link': {
      const link = v as { url?: unknown; bookmarkId?: unknown; headingId?: unknown };
      if (link.url === undefined) throw new Error('Simulator: links to bookmarks or headings are not implemented');
      return String(link.url);
    }
    case 'foregroundColor':
      return rgbToHex((v as { color?: { rgbColor?: Record<string, number> } }).color?.rgbColor);
    case 'fontSize':
      return Number((v as { magnitude?: unknown }).magnitude);
    default:
      return v === true ? true : null;
  }
}

function updateTextStyle(body: DocNode[], req: Record<string, unknown>): void {
  const { start, end, paras } = checkRange(body, req.range);
  const style = (req.textStyle ?? {}) as Record<string, unknown>;
  const fields = fieldsOf(req, new Set(Object.keys(TEXT_FIELDS)), Object.keys(TEXT_FIELDS));
  const patch: Record<string, unknown> = {};
  for (const f of fields) patch[TEXT_FIELDS[f]] = textAttr(f, style[f]);
  for (const p of overlapping(paras, start, end)) {
    const len = (p.node.text ?? '').length;
    const from = Math.max(0, start - p.start);
    const to = Math.min(len, end - p.start);
    if (to > from) setRich(p.node, styleRange(richOf(p.node), from, to, patch));
  }
}

const GLYPH_OF_PRESET = (preset: string): string => {
  if (/^BULLET_/.test(preset)) return 'BULLET';
  if (/^NUMBERED_/.test(preset)) return 'NUMBER';
  throw new Invalid(`Invalid value for bulletPreset: ${preset}`);
};

function createParagraphBullets(body: DocNode[], req: Record<string, unknown>, newListId: () => string): void {
  const { start, end, paras } = checkRange(body, req.range);
  const glyph = GLYPH_OF_PRESET(String(req.bulletPreset ?? ''));
  const listId = newListId();
  for (const p of overlapping(paras, start, end)) {
    const n = p.node;
    // Leading tabs set the nesting level and are removed (the document gets shorter by that many).
    const tabs = /^\t*/.exec(n.text ?? '')![0].length;
    if (tabs) setRich(n, splice(richOf(n), 0, tabs, ''));
    n.type = 'LIST_ITEM';
    Object.assign(n.attrs, { LIST_ID: listId, GLYPH_TYPE: glyph, NESTING_LEVEL: tabs });
  }
}

function deleteParagraphBullets(body: DocNode[], req: Record<string, unknown>): void {
  const { start, end, paras } = checkRange(body, req.range);
  for (const p of overlapping(paras, start, end)) {
    if (p.node.type !== 'LIST_ITEM') continue;
    p.node.type = 'PARAGRAPH';
    delete p.node.attrs.LIST_ID;
    delete p.node.attrs.GLYPH_TYPE;
    delete p.node.attrs.NESTING_LEVEL;
  }
}

/** Applies one request to the (copied) body; returns its reply. */
const KEEP_LAYOUT = new Set(['updateParagraphStyle', 'updateTextStyle', 'deleteParagraphBullets']);

function apply(body: DocNode[], request: unknown, newListId: () => string): Record<string, unknown> {
  if (!request || typeof request !== 'object') throw new Invalid('A request must be an object.');
  const keys = Object.keys(request);
  if (keys.length !== 1) throw new Invalid('Each request must set exactly one kind of request.');
  const kind = keys[0];
  try {
    return applyKind(body, kind, request as Record<string, Record<string, unknown>>, newListId);
  } finally {
    if (!KEEP_LAYOUT.has(kind)) layouts.delete(body);
  }
}

function applyKind(
  body: DocNode[],
  kind: string,
  request: Record<string, Record<string, unknown>>,
  newListId: () => string,
): Record<string, unknown> {
  const req = request[kind] ?? {};
  switch (kind) {
    case 'insertText':
      insertText(body, req);
      return {};
    case 'insertTable':
      insertTable(body, req);
      return {};
    case 'deleteContentRange':
      deleteContentRange(body, req);
      return {};
    case 'replaceAllText':
      return replaceAllText(body, req);
    case 'updateParagraphStyle':
      updateParagraphStyle(body, req);
      return {};
    case 'updateTextStyle':
      updateTextStyle(body, req);
      return {};
    case 'createParagraphBullets':
      createParagraphBullets(body, req, newListId);
      return {};
    case 'deleteParagraphBullets':
      deleteParagraphBullets(body, req);
      return {};
    default:
      throw new Error(`Simulator: Docs request ${kind} is not implemented`);
  }
}

// ---- The service ----------------------------------------------------------------------------------------------

export function docsApiService(env: ServiceEnv): unknown {
  const { core } = env;
  const docs = () => docsState(core);
  const api = () => apiState(core);

  /** Apps Script turns an API error answer into a GoogleJsonResponseException with this message. */
  const apiError = (method: string, code: number, message: string): Error => {
    const e = env.error(`API call to docs.documents.${method} failed with error: ${message}`);
    e.name = 'GoogleJsonResponseException';
    (e as Error & { details?: unknown }).details = env.obj({ code, message });
    return e;
  };

  const begin = (method: string) => {
    core.requireAuth(`Docs.Documents.${method}`);
    const scopes = manifestScopes(core);
    if (scopes && !scopes.some((s) => SCOPES.includes(s)))
      throw apiError(method, 403, 'Request had insufficient authentication scopes.');
    takeFault(docs().faults, [`Docs.Documents.${method}`, 'Docs.Documents.*', 'Docs.*'], (m) =>
      apiError(method, 500, m),
    );
  };

  /** Rate quota per user and minute, counted on the simulated timeline (clock + time spent in calls). */
  const quota = (method: string, kind: 'writes' | 'reads') => {
    const now = timeline(core);
    const user = core.exec.user;
    const log = (api()[kind][user] ??= []).filter((t) => t > now - 60_000);
    api()[kind][user] = log;
    const limit = kind === 'writes' ? WRITES_PER_MINUTE : READS_PER_MINUTE;
    if (log.length >= limit)
      throw apiError(
        method,
        429,
        `Quota exceeded for quota metric '${kind === 'writes' ? 'Write' : 'Read'} requests' and limit '${kind === 'writes' ? 'Write' : 'Read'} requests per minute per user' of service 'docs.googleapis.com' for consumer 'project_number:000000000000'.`,
      );
    log.push(now);
  };

  const lostAnswer = (method: string) => {
    const lost = api().lostAnswers;
    takeFault(lost, [`Docs.Documents.${method}`], (m) => apiError(method, 503, m));
  };

  const find = (method: string, id: unknown): DocState => {
    const doc = docs().docs[String(id)];
    if (!doc) throw apiError(method, 404, 'Requested entity was not found.');
    return doc;
  };

  const Documents = env.metered(
    'Docs.Documents',
    {
      create: (resource: unknown) => {
        begin('create');
        quota('create', 'writes');
        const r = (resource ?? {}) as { title?: unknown; body?: unknown };
        if (r.body) throw new Error('Simulator: Documents.create with a body is not implemented (the API ignores it)');
        const doc: DocState = {
          id: core.fileId('Doc'),
          name: String(r.title ?? '') || 'Untitled document',
          owner: core.exec.user,
          createdAt: core.clock.now().toISOString(),
          body: [para('')],
          saves: 0,
        };
        docs().docs[doc.id] = doc;
        return toRealm(documentJson(doc));
      },
      get: (documentId: unknown, options?: unknown) => {
        begin('get');
        if (options && typeof options === 'object' && (options as Record<string, unknown>).includeTabsContent)
          throw new Error('Simulator: Documents.get with includeTabsContent is not implemented');
        const doc = find('get', documentId);
        quota('get', 'reads');
        return toRealm(documentJson(doc));
      },
      batchUpdate: (resource: unknown, documentId: unknown) => {
        begin('batchUpdate');
        const r = (resource ?? {}) as {
          requests?: unknown;
          writeControl?: { requiredRevisionId?: unknown; targetRevisionId?: unknown };
        };
        const requests = Array.isArray(r.requests) ? (r.requests as unknown[]) : [];
        core.meter.addMs(COST.perRequest * requests.length);
        const doc = find('batchUpdate', documentId);
        quota('batchUpdate', 'writes');
        if (r.writeControl?.targetRevisionId)
          throw new Error('Simulator: writeControl.targetRevisionId is not implemented');
        const required = r.writeControl?.requiredRevisionId;
        if (required !== undefined && String(required) !== revisionOf(doc))
          throw apiError(
            'batchUpdate',
            400,
            'The required revision ID does not match the latest revision of the document.',
          );
        // Every request is checked against the document as the requests before it left it; any error applies nothing.
        const body = JSON.parse(JSON.stringify(doc.body)) as DocNode[];
        let lists = 0;
        const newListId = () => `kix.sim${core.seq}x${++lists}`;
        const replies = requests.map((req, i) => {
          try {
            return apply(body, req, newListId);
          } catch (e) {
            if (e instanceof Invalid)
              throw apiError(
                'batchUpdate',
                400,
                `Invalid requests[${i}].${Object.keys(req ?? {})[0] ?? ''}: ${e.message}`,
              );
            throw e;
          }
        });
        core.seq++;
        doc.body.splice(0, doc.body.length, ...body);
        lostAnswer('batchUpdate');
        return toRealm({
          documentId: doc.id,
          replies,
          writeControl: { requiredRevisionId: revisionOf(doc) },
        });
      },
    },
    { default: COST.get, create: COST.create, get: COST.get, batchUpdate: COST.batchUpdate },
  );

  /** JSON handed to the bundle is made of the script realm's objects and arrays. */
  function toRealm<T>(value: T): T {
    return env.realm.JSON.parse(JSON.stringify(value)) as T;
  }

  return env.obj({ Documents });
}

// ---- Test access -------------------------------------------------------------------------------------------------

export function simDocsApi(sim: { core: SimCore }) {
  return {
    /** The document as Docs.Documents.get returns it (unmetered). */
    json(id: string): Record<string, any> {
      const doc = docsState(sim.core).docs[id];
      if (!doc) throw new Error(`Simulator: no Doc ${id}`);
      return documentJson(doc);
    },
    revision(id: string): string {
      return revisionOf(docsState(sim.core).docs[id]);
    },
    /**
     * The next `times` calls of `method` ("Docs.Documents.batchUpdate") are applied, then answer with an error, as
     * when the connection drops after the write landed.
     */
    loseAnswers(method: string, times = 1, message = 'Backend Error'): void {
      apiState(sim.core).lostAnswers[method] = { times, message };
    },
    /** Write requests this user made within the last minute of the simulated timeline. */
    recentWrites(user = sim.core.defaultUser): number {
      const now = timeline(sim.core);
      return (apiState(sim.core).writes[user] ?? []).filter((t) => t > now - 60_000).length;
    },
  };
}
