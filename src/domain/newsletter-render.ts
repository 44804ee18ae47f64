// The newsletter as an email: an HTML body complete in itself (inline styles, table layout that mail
// clients render, every submitted text escaped) and its plain-text alternative.
import { safeLink } from './links';
import { escapeHtml } from './html';
import type { NewsletterModel, NewsletterWin } from './newsletter';

import { utf8Bytes } from './mime';

// Styles are set once on the card's cell (font-family, color, size and line height inherit from a table cell
// in Gmail, Apple Mail and Outlook); each element keeps only the short inline style it would otherwise lose
// (margins and sizes of headings and paragraphs, which mail clients reset). Kept short on purpose: Gmail clips
// an HTML body over about 102 KB behind "View entire message", and the families' email must be complete.
const S = {
  body: 'margin:0;padding:0;background-color:#f4f5f7',
  card: 'max-width:640px;background-color:#ffffff;border:1px solid #e0e3e7;border-radius:8px',
  cell: 'padding:24px 28px;font-family:Arial,Helvetica,sans-serif;color:#202124;font-size:15px;line-height:22px',
  h1: 'margin:0 0 4px;font-size:24px;line-height:30px;color:#174ea6',
  period: 'margin:0 0 16px;font-size:14px;color:#5f6368',
  summary: 'margin:0 0 20px;padding:12px 14px;background-color:#e8f0fe;border-radius:6px',
  p: 'margin:0 0 20px',
  note: 'margin:0 0 20px;font-size:13px;color:#5f6368',
  a: 'color:#1a73e8',
  h2: 'margin:24px 0 8px;padding-bottom:4px;border-bottom:2px solid #e8f0fe;font-size:19px;line-height:26px;color:#174ea6',
  // Per win: as short as can be (200 wins multiply every character).
  h3: 'margin:16px 0 4px;font-size:16px',
  // Few wins are featured: the badge can afford its full style.
  featured:
    'display:inline-block;margin-left:6px;padding:1px 6px;font-size:11px;line-height:16px;font-weight:bold;color:#7a4d00;background-color:#fef3c7;border-radius:3px',
  text: 'margin:0 0 6px',
  meta: 'margin:0 0 8px;font-size:13px;color:#5f6368',
  footer: 'margin:24px 0 0;font-size:12px;color:#80868b',
};

/** Gmail shows "View entire message" past about 102 KB of HTML: the email aims below this many bytes. */
export const EMAIL_HTML_LIMIT = 100 * 1024;
/** When an issue would not fit, each win's text is cut to the first of these lengths that fits (characters). */
export const SHORTEN_STEPS = [1500, 1000, 700, 450, 300, 200] as const;

/** Escaped text with line breaks kept. */
function para(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

/** The text cut at a word boundary near `max` characters, with "…"; unchanged when it is short enough. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join('');
  const space = cut.search(/\s\S*$/);
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s.,;:!?…-]+$/u, '')}…`;
}

export function winMeta(win: Pick<NewsletterWin, 'credit' | 'goals'>): string {
  const goals = win.goals.length ? `Goals: ${win.goals.join(', ')}` : '';
  return [win.credit, goals].filter(Boolean).join(' · ');
}

function winHtml(win: NewsletterWin, maxChars: number): string {
  const badge = win.featured ? `<span style="${S.featured}">Featured</span>` : '';
  const meta = winMeta(win);
  const text = maxChars > 0 ? shorten(win.text, maxChars) : win.text;
  return (
    `<h3 style="${S.h3}">${escapeHtml(win.headline)}${badge}</h3>` +
    (text ? `<p style="${S.text}">${para(text)}</p>` : '') +
    (meta ? `<p style="${S.meta}">${escapeHtml(meta)}</p>` : '')
  );
}

export interface EmailOptions {
  /** Link to the Doc (staff copy). */
  docUrl?: string;
  /** Cut each win's text to this many characters (0 or absent: in full). */
  maxChars?: number;
}

function docLinkOf(opts: EmailOptions): string {
  return safeLink(opts.docUrl) ?? '';
}

/** The whole newsletter as one self-contained HTML document. */
export function renderEmailHtml(model: NewsletterModel, opts: EmailOptions = {}): string {
  const max = opts.maxChars ?? 0;
  const shortened = max > 0 && model.sections.some((s) => s.wins.some((w) => Array.from(w.text).length > max));
  const sections = model.sections
    .map((s) => `<h2 style="${S.h2}">${escapeHtml(s.title)}</h2>${s.wins.map((w) => winHtml(w, max)).join('')}`)
    .join('');
  const url = docLinkOf(opts);
  const link = url ? `<a href="${escapeHtml(url)}" style="${S.a}">Open this issue in Google Docs</a>` : '';
  const top =
    (url ? `<p style="${S.p}">${link} (the printable staff copy).</p>` : '') +
    (shortened
      ? `<p style="${S.note}">Long stories are shortened in this email (marked …)${url ? '; the Doc above has them in full' : ' so that it shows in full in every mail app'}.</p>`
      : '');
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(model.title)}</title></head>` +
    `<body style="${S.body}">` +
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f4f5f7"><tr><td align="center" style="padding:16px 8px">' +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.card}"><tr><td style="${S.cell}">` +
    `<h1 style="${S.h1}">${escapeHtml(model.title)}</h1>` +
    `<p style="${S.period}">${escapeHtml(model.period)} · ${escapeHtml(model.issueLabel)}</p>` +
    `<p style="${S.summary}">${escapeHtml(model.summary)}</p>` +
    top +
    sections +
    `<p style="${S.footer}">Small wins from our school community, collected and shared with consent.</p>` +
    '</td></tr></table></td></tr></table></body></html>'
  );
}

export interface FittedEmail {
  html: string;
  /** UTF-8 bytes of the HTML. */
  bytes: number;
  /** The cut applied to each win's text (0: every text in full). */
  maxChars: number;
  /** How many wins' texts were cut. */
  shortened: number;
  /** false when even the shortest cut leaves the HTML over the limit (Gmail will clip it). */
  fits: boolean;
}

/**
 * The HTML in full when it fits under `limit`; otherwise each win's text cut to the longest of SHORTEN_STEPS
 * that fits (with a line saying so, and for staff the Doc link that has every story in full).
 */
export function fitEmailHtml(model: NewsletterModel, opts: EmailOptions = {}, limit = EMAIL_HTML_LIMIT): FittedEmail {
  const full = renderEmailHtml(model, { ...opts, maxChars: 0 });
  let bytes = utf8Bytes(full).length;
  if (bytes <= limit) return { html: full, bytes, maxChars: 0, shortened: 0, fits: true };
  let html = full;
  let maxChars = 0;
  for (const step of SHORTEN_STEPS) {
    maxChars = step;
    html = renderEmailHtml(model, { ...opts, maxChars: step });
    bytes = utf8Bytes(html).length;
    if (bytes <= limit) break;
  }
  const shortened = model.sections.reduce(
    (n, s) => n + s.wins.filter((w) => Array.from(w.text).length > maxChars).length,
    0,
  );
  return { html, bytes, maxChars, shortened, fits: bytes <= limit };
}

/** The plain-text alternative: same content, readable in any client. */
export function renderEmailText(model: NewsletterModel, opts: EmailOptions = {}): string {
  const lines: string[] = [model.title.toUpperCase(), `${model.period} · ${model.issueLabel}`, '', model.summary, ''];
  const url = docLinkOf(opts);
  if (url) lines.push(`Open this issue in Google Docs: ${url}`, '');
  for (const s of model.sections) {
    lines.push(s.title.toUpperCase(), '-'.repeat(Math.min(Math.max(s.title.length, 3), 60)), '');
    for (const w of s.wins) {
      lines.push(`* ${w.headline}${w.featured ? ' (featured)' : ''}`);
      if (w.text) lines.push(w.text);
      const meta = winMeta(w);
      if (meta) lines.push(meta);
      lines.push('');
    }
  }
  lines.push('Small wins from our school community, collected and shared with consent.');
  return lines.join('\n');
}
