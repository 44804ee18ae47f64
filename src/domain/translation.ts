// A newsletter email translated for families: its outline turned into a few pieces of HTML of at most ~5,000
// characters (cut between paragraphs, never per win), names, the school's name and links replaced by placeholder
// tokens the translation must give back untouched, the answers turned back into blocks (a lost or changed token, or a
// lost paragraph, fails the whole language), and the translated email composed: `lang` and `dir`, a line saying it
// was translated automatically, the English original below, all under Gmail's clipping size. Pure: the adapter makes
// the LanguageApp calls.
import { escapeHtml } from './html';
import { safeLink } from './links';
import { utf8Bytes } from './mime';
import { shorten } from './newsletter-outline';
import { EMAIL_HTML_LIMIT, SHORTEN_STEPS } from './newsletter-render';
import {
  Block,
  LINE_BREAK,
  ListBlock,
  NamedStyle,
  Outline,
  paragraph,
  ParagraphBlock,
  Span,
  TableBlock,
} from './outline';
import { outlineHtml, outlineText } from './outline-render';

/** Characters sent in one LanguageApp call at most (the service's practical limit per request). */
export const CHUNK_LIMIT = 5000;

/** The line at the top of a translated email, in English (its translation goes before it). */
export const NOTICE =
  'This newsletter was translated automatically from English by Google Translate, so it may contain mistakes. The English original is below.';
/** The heading above the English original. */
export const ORIGINAL_HEADING = 'English original';

const TOKEN = /⟦(\d+)⟧/g;

/** What a token stands for: protected text, with the link it carried when it was a link. */
interface Protected {
  text: string;
  link?: string;
}

/** Where a translated segment goes back. */
type Slot =
  | { kind: 'paragraph'; block: ParagraphBlock; segs: number[] }
  | { kind: 'list'; block: ListBlock; items: number[][] }
  | { kind: 'table'; block: TableBlock; caption: number[] | null; cells: Array<Array<number[] | null>> }
  | { kind: 'keep'; block: Block };

export interface TranslationPlan {
  /** The HTML to translate, one LanguageApp call each. */
  chunks: string[];
  /** Segment id → its markup (before translation). */
  segments: string[];
  slots: Slot[];
  tokens: Protected[];
  /** Link spans whose text is translated: index → address. */
  links: string[];
  subject: number[];
  notice: number[];
}

export interface TranslationInput {
  /** The English email's outline (the edition as the English list gets it). */
  outline: Outline;
  subject: string;
  /** Texts never translated wherever they appear: names, the school's name, the sender's. */
  protect: readonly string[];
}

// ---- Protecting text ---------------------------------------------------------------------------------------

const URL_OR_EMAIL = /https?:\/\/[^\s<>"]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Context {
  tokens: Protected[];
  links: string[];
  terms: RegExp | null;
}

function termsPattern(protect: readonly string[]): RegExp | null {
  const terms = Array.from(new Set(protect.map((t) => t.trim()).filter((t) => t.length >= 2))).sort(
    (a, b) => b.length - a.length,
  );
  if (!terms.length) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

function tokenMarkup(ctx: Context, p: Protected): string {
  ctx.tokens.push(p);
  return `<span translate="no">⟦${ctx.tokens.length - 1}⟧</span>`;
}

/** Text as markup: escaped, line breaks as <br>, addresses and protected terms as tokens. */
function textMarkup(ctx: Context, text: string): string {
  const hits: Array<{ at: number; end: number }> = [];
  const collect = (re: RegExp) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      if (!hits.some((h) => m.index < h.end && end > h.at)) hits.push({ at: m.index, end });
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  collect(URL_OR_EMAIL);
  if (ctx.terms) collect(ctx.terms);
  hits.sort((a, b) => a.at - b.at);
  const plain = (t: string) => escapeHtml(t).split(LINE_BREAK).join('<br>');
  let out = '';
  let last = 0;
  for (const h of hits) {
    out += plain(text.slice(last, h.at)) + tokenMarkup(ctx, { text: text.slice(h.at, h.end) });
    last = h.end;
  }
  return out + plain(text.slice(last));
}

function isAddress(text: string): boolean {
  return /^\s*(https?:\/\/\S+|mailto:\S+|\S+@\S+\.\S+)\s*$/i.test(text);
}

function spanMarkup(ctx: Context, span: Span): string {
  const link = safeLink(span.link);
  let html: string;
  if (link && (isAddress(span.text) || span.text === span.link)) html = tokenMarkup(ctx, { text: span.text, link });
  else {
    html = textMarkup(ctx, span.text);
    if (link) {
      ctx.links.push(link);
      html = `<a href="#k${ctx.links.length - 1}">${html}</a>`;
    }
  }
  if (span.label) html = `<mark>${html}</mark>`;
  if (span.underline && !link) html = `<u>${html}</u>`;
  if (span.italic) html = `<i>${html}</i>`;
  if (span.bold) html = `<b>${html}</b>`;
  return html;
}

const hasLetters = (text: string) => /\p{L}/u.test(text.replace(TOKEN, ''));

// ---- Planning the calls -------------------------------------------------------------------------------------

/** Room for one segment's wrapper in a chunk. */
const WRAP = '<div id="s0000"></div>'.length;

/** A text cut into pieces of at most `max` characters, at sentence ends, else spaces, else anywhere. */
function cutText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const window = text.slice(0, max);
  let at = Math.max(window.search(/[.!?。！？]\s+(?=[^.!?。！？]*$)/) + 1, 0);
  if (at < max * 0.3) at = window.lastIndexOf(' ');
  if (at < max * 0.3) at = max;
  return [text.slice(0, at), ...cutText(text.slice(at), max)];
}

/**
 * A paragraph's spans in pieces whose markup fits one chunk (most paragraphs are one piece; a very long story is cut
 * between sentences).
 */
function pieces(ctx: Context, spans: readonly Span[], max: number): string[] {
  const whole = spans.map((s) => spanMarkup({ ...ctx, tokens: [], links: [] }, s)).join('');
  if (whole.length <= max) return [spans.map((s) => spanMarkup(ctx, s)).join('')];
  const out: string[] = [];
  let current = '';
  for (const span of spans) {
    // Escaping and tokens can make markup up to six times the text: cut the text small enough for that.
    for (const part of cutText(span.text, Math.floor(max / 6))) {
      const html = spanMarkup(ctx, { ...span, text: part });
      if (current && current.length + html.length > max) {
        out.push(current);
        current = '';
      }
      current += html;
    }
  }
  if (current) out.push(current);
  return out;
}

/** The segments of an outline and a subject, grouped into chunks of at most `limit` characters, in reading order. */
export function planTranslation(input: TranslationInput, limit = CHUNK_LIMIT): TranslationPlan {
  const ctx: Context = { tokens: [], links: [], terms: termsPattern(input.protect) };
  const segments: string[] = [];
  const max = limit - WRAP;
  const add = (htmls: string[]): number[] =>
    htmls.map((h) => {
      segments.push(h);
      return segments.length - 1;
    });
  const subject = add(pieces(ctx, [{ text: input.subject }], max));
  const notice = add(pieces(ctx, [{ text: NOTICE }], max));
  const slots: Slot[] = input.outline.blocks.map((block): Slot => {
    if (block.kind === 'paragraph') {
      if (!hasLetters(block.spans.map((s) => s.text).join(''))) return { kind: 'keep', block };
      return { kind: 'paragraph', block, segs: add(pieces(ctx, block.spans, max)) };
    }
    if (block.kind === 'list') return { kind: 'list', block, items: block.items.map((i) => add(pieces(ctx, i, max))) };
    const cell = (text: string) => (hasLetters(text) ? add(pieces(ctx, [{ text }], max)) : null);
    return {
      kind: 'table',
      block,
      caption: block.caption ? cell(block.caption) : null,
      cells: block.rows.map((r) => r.map(cell)),
    };
  });
  const chunks: string[] = [];
  let current = '';
  segments.forEach((html, id) => {
    const wrapped = `<div id="s${id}">${html}</div>`;
    if (current && current.length + wrapped.length > limit) {
      chunks.push(current);
      current = '';
    }
    current += wrapped;
  });
  if (current) chunks.push(current);
  return { chunks, segments, slots, tokens: ctx.tokens, links: ctx.links, subject, notice };
}

// ---- Reading the translation back ---------------------------------------------------------------------------

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : m;
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

class LostInTranslation extends Error {}

/** A translated segment's markup back into spans; tokens counted in `seen`. */
function parseSegment(html: string, plan: TranslationPlan, seen: number[]): Span[] {
  const spans: Span[] = [];
  const stack: Array<{ tag: string; set: Partial<Span> }> = [];
  const flags = (): Partial<Span> => Object.assign({}, ...stack.map((s) => s.set)) as Partial<Span>;
  const push = (span: Span) => {
    const prev = spans[spans.length - 1];
    const same = (a: Span, b: Span) =>
      a.bold === b.bold &&
      a.italic === b.italic &&
      a.underline === b.underline &&
      a.link === b.link &&
      a.label === b.label;
    if (prev && same(prev, span) && !span.link) spans[spans.length - 1] = { ...prev, text: prev.text + span.text };
    else spans.push(span);
  };
  const text = (t: string) => {
    const decoded = decodeEntities(t);
    if (decoded) push({ text: decoded, ...flags() });
  };
  const re = /<(\/?)([A-Za-z][A-Za-z0-9]*)([^>]*)>|⟦(\d+)⟧|[^<⟦]+|[<⟦]/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[4] !== undefined) {
      const n = Number(m[4]);
      const p = plan.tokens[n];
      if (!p) throw new LostInTranslation('a placeholder came back changed');
      seen[n]++;
      push({ ...flags(), text: p.text, ...(p.link ? { link: p.link } : {}) });
      continue;
    }
    if (m[2] === undefined) {
      text(m[0]);
      continue;
    }
    const tag = m[2].toLowerCase();
    if (tag === 'br') {
      text(LINE_BREAK);
      continue;
    }
    if (m[1]) {
      const i = stack.map((s) => s.tag).lastIndexOf(tag);
      if (i >= 0) stack.splice(i);
      continue;
    }
    if (/\/\s*$/.test(m[3])) continue;
    let set: Partial<Span> = {};
    if (tag === 'b' || tag === 'strong') set = { bold: true };
    else if (tag === 'i' || tag === 'em') set = { italic: true };
    else if (tag === 'u') set = { underline: true };
    else if (tag === 'mark') set = { label: true };
    else if (tag === 'a') {
      const k = /href\s*=\s*["']?#k(\d+)/i.exec(m[3]);
      const link = k ? plan.links[Number(k[1])] : undefined;
      if (!link) throw new LostInTranslation('a link came back changed');
      set = { link };
    }
    stack.push({ tag, set });
  }
  return spans;
}

/** Pieces of one paragraph joined (a space between pieces cut at a sentence end, when the answer dropped it). */
function joined(ids: number[], parsed: Map<number, Span[]>): Span[] {
  const out: Span[] = [];
  for (const id of ids) {
    const spans = parsed.get(id) ?? [];
    const last = out[out.length - 1];
    if (last && spans.length && !/\s$/.test(last.text) && !/^\s/.test(spans[0].text)) out.push({ text: ' ' });
    out.push(...spans);
  }
  return out;
}

function clean(spans: Span[]): Span[] {
  return spans.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as unknown as Span);
}

export interface Translated {
  subject: string;
  notice: string;
  blocks: Block[];
}

export type TranslationOutcome = { ok: true; translated: Translated } | { ok: false; reason: string };

/**
 * The translated chunks read back into the outline's blocks. Fails (so the language gets the English edition) when a
 * paragraph or a placeholder is missing, repeated or changed: a name, the school's name or a link would be wrong.
 */
export function readTranslation(plan: TranslationPlan, answers: readonly string[]): TranslationOutcome {
  if (answers.length !== plan.chunks.length) return { ok: false, reason: 'part of the newsletter was not translated' };
  const parsed = new Map<number, Span[]>();
  const seen = plan.tokens.map(() => 0);
  try {
    for (const answer of answers) {
      const re = /<div\b[^>]*\bid\s*=\s*["']?s(\d+)["']?[^>]*>([\s\S]*?)<\/div>/gi;
      for (let m = re.exec(String(answer)); m; m = re.exec(String(answer))) {
        const id = Number(m[1]);
        if (id >= plan.segments.length || parsed.has(id))
          throw new LostInTranslation('a paragraph came back twice or changed');
        parsed.set(id, parseSegment(m[2], plan, seen));
      }
    }
  } catch (err) {
    if (err instanceof LostInTranslation) return { ok: false, reason: err.message };
    throw err;
  }
  if (parsed.size !== plan.segments.length) return { ok: false, reason: 'a paragraph was lost in translation' };
  const lost = seen.findIndex((n) => n !== 1);
  if (lost >= 0)
    return {
      ok: false,
      reason: `${seen[lost] === 0 ? 'a name, the school’s name or a link was lost' : 'a name, the school’s name or a link came back twice'} in translation (“${plan.tokens[lost].text}”)`,
    };
  const textOf = (ids: number[]) =>
    joined(ids, parsed)
      .map((s) => s.text)
      .join('')
      .trim();
  const blocks = plan.slots.map((slot): Block => {
    if (slot.kind === 'keep') return slot.block;
    if (slot.kind === 'paragraph')
      return { ...slot.block, spans: clean(joined(slot.segs, parsed)).filter((s) => s.text.length > 0) };
    if (slot.kind === 'list') return { ...slot.block, items: slot.items.map((ids) => clean(joined(ids, parsed))) };
    return {
      ...slot.block,
      caption: slot.caption ? textOf(slot.caption) : slot.block.caption,
      rows: slot.block.rows.map((r, i) => r.map((c, j) => (slot.cells[i][j] ? textOf(slot.cells[i][j]) : c))),
    };
  });
  return {
    ok: true,
    translated: {
      subject: textOf(plan.subject).replace(/\s+/g, ' '),
      notice: textOf(plan.notice),
      blocks,
    },
  };
}

// ---- The translated email ------------------------------------------------------------------------------------

const DEMOTED: Partial<Record<NamedStyle, NamedStyle>> = {
  TITLE: 'HEADING_2',
  HEADING_1: 'HEADING_2',
  HEADING_2: 'HEADING_3',
  HEADING_3: 'HEADING_4',
  HEADING_4: 'HEADING_5',
  HEADING_5: 'HEADING_6',
};

/** Said where the English original would be, when even its shortest form would make Gmail clip the email. */
export const ORIGINAL_LEFT_OUT =
  'The English original is left out of this email so that Gmail shows it whole: it is the newsletter the school sent in English.';

/**
 * Cuts of the translated stories, past the English ones: a script of two or three bytes a character (Arabic, Chinese)
 * needs more room than English for the same story.
 */
const TRANSLATED_STEPS = [...SHORTEN_STEPS, 120, 80, 50];

/** Cut of the English original meaning "left out". */
const LEFT_OUT = -1;

/** The English original's blocks under their own heading, one level down (the email keeps one h1, in order). */
export function originalBlocks(english: Outline | null): Block[] {
  const heading = paragraph('HEADING_1', [{ text: ORIGINAL_HEADING }]);
  if (!english) return [heading, paragraph('NORMAL_TEXT', [{ text: ORIGINAL_LEFT_OUT }], { role: 'note' })];
  return [
    heading,
    ...english.blocks.map((b) => (b.kind === 'paragraph' && DEMOTED[b.style] ? { ...b, style: DEMOTED[b.style]! } : b)),
  ];
}

/** Blocks with each win's text (paragraphs of role "text") cut to `max` characters. */
function shortenTexts(blocks: readonly Block[], max: number): Block[] {
  if (!max) return blocks.slice();
  return blocks.map((b) => {
    if (b.kind !== 'paragraph' || b.role !== 'text' || b.spans.length !== 1) return b;
    return { ...b, spans: [{ ...b.spans[0], text: shorten(b.spans[0].text, max) }] };
  });
}

export interface TranslatedEmailInput {
  code: string;
  rtl: boolean;
  translated: Translated;
  /** The English edition's email outline with each win's text cut to `maxChars` (0: in full). */
  englishAt: (maxChars: number) => Outline;
}

/**
 * The translated email's outline: the notice in both languages, the translation, then the English original (its
 * stories cut to `englishMax` characters, 0 in full, -1 left out).
 */
export function translatedOutline(input: TranslatedEmailInput, englishMax = 0, translatedMax = 0): Outline {
  const t = input.translated;
  const notice = paragraph(
    'NORMAL_TEXT',
    [{ text: t.notice }, { text: ' ' }, { text: NOTICE, lang: 'en', dir: input.rtl ? 'ltr' : undefined }],
    { role: 'note' },
  );
  const [first, ...rest] = shortenTexts(t.blocks, translatedMax);
  const head = first && first.kind === 'paragraph' && first.style === 'TITLE' ? [first, notice] : [notice, first];
  return {
    title: t.subject,
    lang: input.code,
    dir: input.rtl ? 'rtl' : 'ltr',
    blocks: [...head.filter(Boolean), ...rest],
    original: {
      lang: 'en',
      dir: 'ltr',
      blocks: originalBlocks(englishMax === LEFT_OUT ? null : input.englishAt(englishMax)),
    },
  };
}

export interface FittedTranslation {
  html: string;
  text: string;
  bytes: number;
  /** The cut applied to the English original's stories (0: in full, -1: left out), then to the translated ones. */
  englishMaxChars: number;
  translatedMaxChars: number;
  fits: boolean;
}

/**
 * The translated email whole when it fits under `limit`; otherwise the English original's stories are shortened
 * first (through SHORTEN_STEPS, then left out with a sentence saying so), then the translated ones. The plain text
 * keeps the same cuts.
 */
export function fitTranslatedEmail(input: TranslatedEmailInput, limit = EMAIL_HTML_LIMIT): FittedTranslation {
  const attempt = (englishMax: number, translatedMax: number): FittedTranslation => {
    const outline = translatedOutline(input, englishMax, translatedMax);
    const html = outlineHtml(outline);
    const bytes = utf8Bytes(html).length;
    return {
      html,
      text: outlineText(outline),
      bytes,
      englishMaxChars: englishMax,
      translatedMaxChars: translatedMax,
      fits: bytes <= limit,
    };
  };
  let last = attempt(0, 0);
  for (const [english, translated] of [
    ...[...SHORTEN_STEPS, LEFT_OUT].map((e) => [e, 0]),
    ...TRANSLATED_STEPS.map((t) => [LEFT_OUT, t]),
  ]) {
    if (last.fits) return last;
    last = attempt(english, translated);
  }
  return last;
}
