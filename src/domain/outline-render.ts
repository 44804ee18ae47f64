// An outline as an email: HTML complete in itself (inline styles, a table layout mail clients render, every
// text escaped, links only to web and mail addresses) and the plain-text alternative in the same reading order.
import { escapeHtml } from './html';
import { safeLink } from './links';
import { Block, hasContent, LINE_BREAK, NamedStyle, Outline, ParagraphBlock, Role, Span, spansText } from './outline';

// Styles are set once on the card's cell (font-family, color, size and line height inherit from a table cell
// in Gmail, Apple Mail and Outlook); each element keeps only the short inline style it would otherwise lose
// (margins and sizes of headings and paragraphs, which mail clients reset). Kept short on purpose: Gmail clips
// an HTML body over about 102 KB behind "View entire message", and the families' email must be complete.
const S = {
  body: 'margin:0;padding:0;background-color:#f4f5f7',
  card: 'max-width:640px;background-color:#ffffff;border:1px solid #e0e3e7;border-radius:8px',
  cell: 'padding:24px 28px;font-family:Arial,Helvetica,sans-serif;color:#202124;font-size:15px;line-height:22px',
  h1: 'margin:0 0 4px;font-size:24px;line-height:30px;color:#174ea6',
  h2: 'margin:24px 0 8px;padding-bottom:4px;border-bottom:2px solid #e8f0fe;font-size:19px;line-height:26px;color:#174ea6',
  // Per win: as short as can be (200 wins multiply every character).
  h3: 'margin:16px 0 4px;font-size:16px',
  h4: 'margin:12px 0 4px;font-size:15px',
  period: 'margin:0 0 16px;font-size:14px;color:#5f6368',
  summary: 'margin:0 0 20px;padding:12px 14px;background-color:#e8f0fe;border-radius:6px',
  p: 'margin:0 0 20px',
  note: 'margin:0 0 20px;font-size:13px;color:#5f6368',
  text: 'margin:0 0 6px',
  meta: 'margin:0 0 8px;font-size:13px;color:#5f6368',
  footer: 'margin:24px 0 0;font-size:12px;color:#80868b',
  a: 'color:#1a73e8',
  // Few wins are featured: the badge can afford its full style.
  label:
    'display:inline-block;margin-left:6px;padding:1px 6px;font-size:11px;line-height:16px;font-weight:bold;color:#7a4d00;background-color:#fef3c7;border-radius:3px',
  ul: 'margin:0 0 12px;padding-left:22px',
  table: 'border-collapse:collapse;margin:0 0 20px;min-width:60%',
  caption: 'text-align:left;font-weight:bold;padding:0 0 6px',
  th: 'text-align:left;padding:4px 10px 4px 0;border-bottom:1px solid #dadce0',
  td: 'padding:4px 10px 4px 0;border-bottom:1px solid #f1f3f4',
};

const ROLE_STYLE: Record<Role, string> = {
  period: S.period,
  summary: S.summary,
  note: S.note,
  text: S.text,
  meta: S.meta,
  footer: S.footer,
};

/** The Doc's title is the email's only h1; the Doc's headings follow one level down, in order. */
const HEADING_TAG: Partial<Record<NamedStyle, [string, string]>> = {
  TITLE: ['h1', S.h1],
  HEADING_1: ['h2', S.h2],
  HEADING_2: ['h3', S.h3],
  HEADING_3: ['h4', S.h4],
  HEADING_4: ['h5', S.h4],
  HEADING_5: ['h6', S.h4],
  HEADING_6: ['h6', S.h4],
};

function textHtml(text: string): string {
  return escapeHtml(text).split(LINE_BREAK).join('<br>');
}

function spanHtml(span: Span): string {
  let html = textHtml(span.text);
  if (span.label) return `<span style="${S.label}">${html}</span>`;
  if (span.bold) html = `<strong>${html}</strong>`;
  if (span.italic) html = `<em>${html}</em>`;
  if (span.underline && !span.link) html = `<u>${html}</u>`;
  const link = safeLink(span.link);
  return link ? `<a href="${escapeHtml(link)}" style="${S.a}">${html}</a>` : html;
}

function spansHtml(spans: readonly Span[]): string {
  return spans.map(spanHtml).join('');
}

function paragraphHtml(p: ParagraphBlock): string {
  const heading = HEADING_TAG[p.style];
  if (heading) return `<${heading[0]} style="${heading[1]}">${spansHtml(p.spans)}</${heading[0]}>`;
  const style = p.role ? ROLE_STYLE[p.role] : p.style === 'SUBTITLE' ? S.period : S.p;
  return `<p style="${style}">${spansHtml(p.spans)}</p>`;
}

function blockHtml(b: Block): string {
  if (b.kind === 'paragraph') return paragraphHtml(b);
  if (b.kind === 'list') return `<ul style="${S.ul}">${b.items.map((i) => `<li>${spansHtml(i)}</li>`).join('')}</ul>`;
  const [head, ...rest] = b.header ? b.rows : [[], ...b.rows];
  const caption = b.caption ? `<caption style="${S.caption}">${textHtml(b.caption)}</caption>` : '';
  const th = head.length
    ? `<tr>${head.map((c) => `<th scope="col" style="${S.th}">${textHtml(c)}</th>`).join('')}</tr>`
    : '';
  const body = rest.map((r) => `<tr>${r.map((c) => `<td style="${S.td}">${textHtml(c)}</td>`).join('')}</tr>`);
  return `<table style="${S.table}">${caption}${th}${body.join('')}</table>`;
}

/** The outline as one self-contained HTML document. */
export function outlineHtml(outline: Outline): string {
  return (
    `<!DOCTYPE html><html lang="${escapeHtml(outline.lang)}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(outline.title)}</title></head>` +
    `<body style="${S.body}">` +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f5f7"><tr><td align="center" style="padding:16px 8px">' +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.card}"><tr><td style="${S.cell}">` +
    outline.blocks.filter(hasContent).map(blockHtml).join('') +
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
  for (const b of outline.blocks.filter(hasContent)) {
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
