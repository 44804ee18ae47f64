// An outline as an email: HTML complete in itself (inline styles, a table layout mail clients render, every
// text escaped, links only to web and mail addresses) and the plain-text alternative in the same reading order.
import { escapeHtml } from './html';
import { safeLink } from './links';
import { Block, hasContent, LINE_BREAK, NamedStyle, Outline, ParagraphBlock, Role, Span, spansText } from './outline';

// Styles are set once on the card's cell (font-family, color, size, line height and word wrapping inherit from a
// table cell in Gmail, Apple Mail and Outlook); each element keeps only the short inline style it would otherwise
// lose (margins and sizes of headings and paragraphs, which mail clients reset). Kept short on purpose: Gmail clips
// an HTML body over about 102 KB behind "View entire message", and the families' email must be complete.
//
// WCAG 2.1 AA: every text at least 14 px; every colour at least 4.5:1 against its background (#202124 and #5f6368
// on white and on the summary's #e8f0fe, links #1558d6: 6.2:1 on white, 5.4:1 on #e8f0fe; the badge #7a4d00 on
// #fef3c7: 6.5:1); links underlined; long words and addresses wrap and layout tables are fixed to the screen's
// width, so nothing scrolls sideways on a 320 px phone.
const S = {
  body: 'margin:0;padding:0;background-color:#f4f5f7',
  layout: 'width:100%;table-layout:fixed',
  card: 'width:100%;max-width:640px;table-layout:fixed;background-color:#ffffff;border:1px solid #e0e3e7;border-radius:8px',
  cell: 'padding:24px 20px;font-family:Arial,Helvetica,sans-serif;color:#202124;font-size:16px;line-height:24px;overflow-wrap:anywhere;word-wrap:break-word;word-break:break-word',
  h1: 'margin:0 0 4px;font-size:26px;line-height:32px;color:#174ea6',
  h2: 'margin:24px 0 8px;padding-bottom:4px;border-bottom:2px solid #e8f0fe;font-size:20px;line-height:26px;color:#174ea6',
  // Per win: as short as can be (200 wins multiply every character).
  h3: 'margin:16px 0 4px;font-size:17px',
  h4: 'margin:12px 0 4px;font-size:16px',
  period: 'margin:0 0 16px;font-size:15px;color:#5f6368',
  summary: 'margin:0 0 20px;padding:12px 14px;background-color:#e8f0fe;border-radius:6px',
  p: 'margin:0 0 20px',
  note: 'margin:0 0 20px;font-size:15px;color:#5f6368',
  text: 'margin:0 0 6px',
  meta: 'margin:0 0 8px;font-size:15px;color:#5f6368',
  footer: 'margin:24px 0 0;font-size:14px;color:#5f6368',
  a: 'color:#1558d6;text-decoration:underline',
  // Few wins are featured: the badge can afford its full style.
  label:
    'display:inline-block;margin:0 6px;padding:0 6px;font-size:14px;line-height:20px;font-weight:bold;color:#7a4d00;background-color:#fef3c7;border-radius:3px',
  table: 'width:100%;border-collapse:collapse;margin:0 0 20px',
  caption: 'font-weight:bold;padding:0 0 6px',
  th: 'padding:4px 10px;border-bottom:1px solid #dadce0',
  td: 'padding:4px 10px;border-bottom:1px solid #f1f3f4',
};

const ROLE_STYLE: Record<Role, string> = {
  period: S.period,
  summary: S.summary,
  note: S.note,
  text: S.text,
  meta: S.meta,
  footer: S.footer,
};

/** The email's heading level a Docs style asks for: the Doc's title is the h1, its headings follow one level down. */
const HEADING_LEVEL: Partial<Record<NamedStyle, number>> = {
  TITLE: 1,
  HEADING_1: 2,
  HEADING_2: 3,
  HEADING_3: 4,
  HEADING_4: 5,
  HEADING_5: 6,
  HEADING_6: 6,
};

const HEADING_STYLE = ['', S.h1, S.h2, S.h3, S.h4, S.h4, S.h4];

/**
 * Each heading block's level in the email, in order: one h1 (the first Title; a later one reads as an h2), and no
 * heading more than one level below the one before it (a Heading 2 right after the title becomes an h2), so a
 * screen reader's list of headings has no gaps whatever the outline holds.
 */
function headingLevels(blocks: readonly Block[], hasH1: boolean): Map<Block, number> {
  const levels = new Map<Block, number>();
  let last = hasH1 ? 1 : 0;
  let titled = hasH1;
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    const asked = HEADING_LEVEL[b.style];
    if (!asked) continue;
    let level = asked === 1 && titled ? 2 : asked;
    if (level === 1) titled = true;
    level = Math.max(1, Math.min(level, last + 1));
    levels.set(b, level);
    last = level;
  }
  return levels;
}

/** A link's text when it would mean nothing read on its own ("here", "click here", "link", "read more"). */
const VAGUE_LINK_TEXT = /^(click|click here|here|link|this link|this|more|read more|learn more|go|open|website)$/i;

/** The address as a person reads it: no scheme, no trailing slash ("example.org/photos"). */
export function readableAddress(url: string): string {
  return url.replace(/^(https?:\/\/|mailto:)/i, '').replace(/\/$/, '');
}

/**
 * A link's text, meaningful out of context (WCAG 2.4.4): a vague word keeps its place and gains the address it
 * leads to ("here (example.org/photos)"); any other text, a typed address included, is kept as written.
 */
export function linkText(text: string, url: string): string {
  const words = text.replace(/[\s.,;:!?…()[\]"'“”‘’-]+/g, ' ').trim();
  return VAGUE_LINK_TEXT.test(words) || !words ? `${text.trimEnd()} (${readableAddress(url)})` : text;
}

function textHtml(text: string): string {
  return escapeHtml(text).split(LINE_BREAK).join('<br>');
}

function spanHtml(span: Span): string {
  const link = safeLink(span.link);
  let html = textHtml(link ? linkText(span.text, link) : span.text);
  if (span.label) return `<span style="${S.label}">${html}</span>`;
  if (span.bold) html = `<strong>${html}</strong>`;
  if (span.italic) html = `<em>${html}</em>`;
  if (span.underline && !link) html = `<u>${html}</u>`;
  if (link) html = `<a href="${escapeHtml(link)}" style="${S.a}">${html}</a>`;
  return span.lang ? `<span${langAttrs(span.lang, span.dir)}>${html}</span>` : html;
}

function langAttrs(lang: string, dir?: 'ltr' | 'rtl'): string {
  return ` lang="${escapeHtml(lang)}"${dir ? ` dir="${dir}"` : ''}`;
}

function spansHtml(spans: readonly Span[]): string {
  return spans.map(spanHtml).join('');
}

interface Layout {
  /** The side text starts from: "left", or "right" in a right-to-left edition. */
  start: 'left' | 'right';
  levels: Map<Block, number>;
}

function paragraphHtml(p: ParagraphBlock, layout: Layout): string {
  const level = layout.levels.get(p);
  if (level) return `<h${level} style="${HEADING_STYLE[level]}">${spansHtml(p.spans)}</h${level}>`;
  const style = p.role ? ROLE_STYLE[p.role] : p.style === 'SUBTITLE' ? S.period : S.p;
  return `<p style="${style}">${spansHtml(p.spans)}</p>`;
}

function blockHtml(b: Block, layout: Layout): string {
  if (b.kind === 'paragraph') return paragraphHtml(b, layout);
  if (b.kind === 'list')
    return `<ul style="margin:0 0 12px;padding-${layout.start}:22px">${b.items.map((i) => `<li>${spansHtml(i)}</li>`).join('')}</ul>`;
  // A data table: its caption names it, its header cells name the columns; every cell wraps.
  const align = `text-align:${layout.start}`;
  const [head, ...rest] = b.header ? b.rows : [[], ...b.rows];
  const caption = b.caption ? `<caption style="${S.caption};${align}">${textHtml(b.caption)}</caption>` : '';
  const th = head.length
    ? `<thead><tr>${head.map((c) => `<th scope="col" style="${S.th};${align}">${textHtml(c)}</th>`).join('')}</tr></thead>`
    : '';
  const body = rest.map((r) => `<tr>${r.map((c) => `<td style="${S.td};${align}">${textHtml(c)}</td>`).join('')}</tr>`);
  return `<table style="${S.table}">${caption}${th}<tbody>${body.join('')}</tbody></table>`;
}

/**
 * The outline as one self-contained HTML document: `lang` (and `dir` for a right-to-left edition) on <html>, the
 * title as the only h1 (the outline's title when it has no Title block), its headings in order beneath it.
 */
export function outlineHtml(outline: Outline): string {
  const blocks = outline.blocks.filter(hasContent);
  const originalBlocks = outline.original?.blocks.filter(hasContent) ?? [];
  const titled = blocks.some((b) => b.kind === 'paragraph' && b.style === 'TITLE');
  // One sequence of heading levels: a translation's English original continues below it.
  const levels = headingLevels([...blocks, ...originalBlocks], !titled);
  const layout: Layout = { start: outline.dir === 'rtl' ? 'right' : 'left', levels };
  const main = blocks.map((b) => blockHtml(b, layout)).join('');
  const original = outline.original
    ? `<div${langAttrs(outline.original.lang, outline.original.dir)}${outline.original.dir !== outline.dir ? ` style="text-align:${outline.original.dir === 'rtl' ? 'right' : 'left'}"` : ''}>` +
      originalBlocks
        .map((b) => blockHtml(b, { start: outline.original!.dir === 'rtl' ? 'right' : 'left', levels }))
        .join('') +
      '</div>'
    : '';
  const title = titled ? '' : `<h1 style="${S.h1}">${textHtml(outline.title)}</h1>`;
  const dir = outline.dir === 'rtl' ? ' dir="rtl"' : '';
  return (
    `<!DOCTYPE html><html lang="${escapeHtml(outline.lang)}"${dir}><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(outline.title)}</title></head>` +
    `<body style="${S.body}">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f5f7" style="${S.layout}"><tr><td align="center" style="padding:16px 8px">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.card}"><tr><td style="${S.cell}">` +
    title +
    // Gmail drops the attributes of <html>: a translation says its language and direction again on its content.
    (outline.original ? `<div${langAttrs(outline.lang, outline.dir ?? 'ltr')}>${main}</div>` : main) +
    original +
    '</td></tr></table></td></tr></table></body></html>'
  );
}

// ---- Plain text ---------------------------------------------------------------------------------------------

function spanText(span: Span): string {
  const text = span.text.split(LINE_BREAK).join('\n');
  if (span.label) return `(${text.toLowerCase()})`;
  const link = safeLink(span.link);
  return link && link !== span.text ? `${text} <${link}>` : text;
}

/** The plain-text alternative: the same blocks in the same order, readable in any mail client. */
export function outlineText(outline: Outline): string {
  const lines: string[] = [];
  const blank = () => {
    if (lines.length && lines[lines.length - 1] !== '') lines.push('');
  };
  const blocks = outline.blocks.filter(hasContent);
  // Read first, as the HTML's h1 is.
  if (!blocks.some((b) => b.kind === 'paragraph' && b.style === 'TITLE')) lines.push(outline.title.toUpperCase());
  for (const b of [...blocks, ...(outline.original?.blocks.filter(hasContent) ?? [])]) {
    if (b.kind === 'list') {
      blank();
      lines.push(...b.items.map((i) => `- ${i.map(spanText).join('')}`), '');
      continue;
    }
    if (b.kind === 'table') {
      blank();
      if (b.caption) lines.push(b.caption);
      lines.push(...b.rows.map((r) => r.join(' | ')), '');
      continue;
    }
    const text = b.spans.map(spanText).join('');
    switch (b.style) {
      case 'TITLE':
        lines.push(text.toUpperCase());
        break;
      case 'HEADING_1':
        blank();
        lines.push(text.toUpperCase(), '-'.repeat(Math.min(Math.max(spansText(b.spans).length, 3), 60)), '');
        break;
      case 'NORMAL_TEXT':
      case 'SUBTITLE':
        if (b.role === 'footer') blank();
        lines.push(text);
        if (b.role !== 'text' && b.role !== 'meta') lines.push('');
        break;
      default:
        blank();
        lines.push(`* ${text}`);
    }
  }
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
