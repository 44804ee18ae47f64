// Documents as data: the outline every Doc and email is built from (title, headings, paragraphs with links and
// emphasis on part of their text, bulleted lists, tables), and the text rules a Google Doc imposes on it.
import { safeLink } from './links';

/** The Docs named paragraph styles an outline uses. */
export type NamedStyle =
  | 'TITLE'
  | 'SUBTITLE'
  | 'HEADING_1'
  | 'HEADING_2'
  | 'HEADING_3'
  | 'HEADING_4'
  | 'HEADING_5'
  | 'HEADING_6'
  | 'NORMAL_TEXT';

/** A piece of a paragraph's text with its emphasis. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** An https address (links.ts decides); anything else is never made a link. */
  link?: string;
  /** A short label set apart from the text (the email shows it as a badge, the Doc in bold). */
  label?: boolean;
  /** A language other than the document's (the English line in a translated email): the email marks it. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/** What a paragraph is for, so the email can give it its look; the Doc relies on its named style. */
export type Role = 'period' | 'summary' | 'note' | 'text' | 'meta' | 'footer';

export interface ParagraphBlock {
  kind: 'paragraph';
  style: NamedStyle;
  spans: Span[];
  role?: Role;
  /** The unit (a win's ID) the block belongs to: a long document is only ever cut between units. */
  unit?: string;
}

export interface ListBlock {
  kind: 'list';
  items: Span[][];
  unit?: string;
}

export interface TableBlock {
  kind: 'table';
  /** Cells' text, row by row; every row has the same number of cells. */
  rows: string[][];
  /** The first row names the columns. */
  header: boolean;
  /** Read aloud before the table (the email's caption). */
  caption?: string;
  unit?: string;
}

export type Block = ParagraphBlock | ListBlock | TableBlock;

export interface Outline {
  /** The document's name (the Doc's title, the email's <title>). */
  title: string;
  /** The language of the text (a BCP 47 code: "en", "es", "zh-CN"), set on the email's <html>. */
  lang: string;
  /** Right to left (Arabic, Hebrew, Persian, Urdu editions); left to right when absent. */
  dir?: 'ltr' | 'rtl';
  blocks: Block[];
  /** A translated email's English original, shown below it in its own language and direction. */
  original?: { lang: string; dir: 'ltr' | 'rtl'; blocks: Block[] };
}

// ---- Text as a Doc keeps it -------------------------------------------------------------------------------

/**
 * Characters the Docs API strips from inserted text (U+0000–U+0008, U+000C–U+001F, the Private Use Area
 * U+E000–U+F8FF), the other control characters, and halves of surrogate pairs that lost their other half. They are
 * removed before any index is counted, so the indexes the requests carry are the ones the Doc ends up with.
 */
const STRIPPED = /\p{Cc}|\p{Co}|\p{Cs}/gu;
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g;
/** A line break inside a paragraph (Shift+Enter in Docs; "\n" would start a new paragraph). */
export const LINE_BREAK = '\u000b';

function strip(text: string): string {
  return text.replace(STRIPPED, (c) => (c === '\t' || c === LINE_BREAK ? c : ''));
}

/** Text for a paragraph: line breaks kept as line breaks within it, control characters gone. */
export function paragraphText(text: string): string {
  return strip(String(text).replace(LINE_BREAKS, LINE_BREAK));
}

/** Text for one line (a heading, a table cell, a list item): line breaks become spaces, tabs too. */
export function lineText(text: string): string {
  return strip(
    String(text)
      .replace(LINE_BREAKS, ' ')
      .replace(/[\t\v]/g, ' '),
  );
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
/** Any other letter reads left to right. */
const LETTER = /\p{L}/u;

/** Whether a text reads right to left: its first strong character is Hebrew, Arabic, Syriac, Thaana or N'Ko. */
export function isRightToLeft(text: string): boolean {
  for (const ch of text) {
    if (RTL_CHAR.test(ch)) return true;
    if (LETTER.test(ch)) return false;
  }
  return false;
}

/** The spans' text joined. */
export function spansText(spans: readonly Span[]): string {
  return spans.map((s) => s.text).join('');
}

/**
 * Addresses inside typed text become link spans (their text as typed) when links.ts accepts them; the rest stays
 * plain. An address's trailing punctuation (a full stop ending the sentence) is left out of the link.
 */
export function linkify(text: string): Span[] {
  const out: Span[] = [];
  const re = /https?:\/\/[^\s<>"]+/gi;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const url = m[0].replace(/[.,;:!?)\]]+$/, '');
    if (!url) continue;
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    const link = safeLink(url);
    out.push(link ? { text: url, link } : { text: url });
    last = m.index + url.length;
    re.lastIndex = last;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** A paragraph block with its text cleaned for a Doc (empty spans dropped). */
export function paragraph(style: NamedStyle, spans: Span[], extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  const clean = style === 'NORMAL_TEXT' ? paragraphText : lineText;
  return {
    kind: 'paragraph',
    style,
    spans: spans.map((s) => ({ ...s, text: clean(s.text) })).filter((s) => s.text.length > 0),
    ...extra,
  };
}

export function table(rows: string[][], header: boolean, extra: Partial<TableBlock> = {}): TableBlock {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return {
    kind: 'table',
    rows: rows.map((r) => Array.from({ length: width }, (_, i) => lineText(r[i] ?? ''))),
    header,
    ...extra,
  };
}

export function list(items: Span[][], extra: Partial<ListBlock> = {}): ListBlock {
  return {
    kind: 'list',
    items: items
      .map((spans) => spans.map((s) => ({ ...s, text: lineText(s.text) })).filter((s) => s.text.length > 0))
      .filter((spans) => spans.length > 0),
    ...extra,
  };
}

/** Whether a block has anything to show (empty paragraphs and lists are left out of a Doc). */
export function hasContent(block: Block): boolean {
  if (block.kind === 'paragraph') return block.spans.length > 0;
  if (block.kind === 'list') return block.items.length > 0;
  return block.rows.length > 0;
}
