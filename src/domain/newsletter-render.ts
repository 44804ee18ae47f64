// The newsletter as an email: an HTML body complete in itself (inline styles, table layout that mail
// clients render, every submitted text escaped) and its plain-text alternative.
import { escapeHtml } from './html';
import type { NewsletterModel, NewsletterWin } from './newsletter';

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const S = {
  body: 'margin:0;padding:0;background-color:#f4f5f7;',
  outer: 'background-color:#f4f5f7;',
  card: `max-width:640px;background-color:#ffffff;border:1px solid #e0e3e7;border-radius:8px;${FONT}color:#202124;`,
  cell: 'padding:24px 28px;',
  h1: `margin:0 0 4px 0;font-size:24px;line-height:30px;font-weight:bold;color:#174ea6;${FONT}`,
  period: `margin:0 0 16px 0;font-size:14px;line-height:20px;color:#5f6368;${FONT}`,
  summary: `margin:0 0 20px 0;padding:12px 14px;background-color:#e8f0fe;border-radius:6px;font-size:15px;line-height:22px;color:#202124;${FONT}`,
  docLink: `margin:0 0 20px 0;font-size:14px;line-height:20px;${FONT}`,
  a: 'color:#1a73e8;text-decoration:underline;',
  h2: `margin:24px 0 8px 0;padding-bottom:4px;border-bottom:2px solid #e8f0fe;font-size:19px;line-height:26px;color:#174ea6;${FONT}`,
  h3: `margin:16px 0 4px 0;font-size:16px;line-height:22px;color:#202124;${FONT}`,
  featured: `display:inline-block;margin-left:6px;padding:1px 6px;font-size:11px;line-height:16px;font-weight:bold;color:#7a4d00;background-color:#fef3c7;border-radius:3px;${FONT}`,
  text: `margin:0 0 6px 0;font-size:15px;line-height:22px;color:#202124;${FONT}`,
  meta: `margin:0 0 8px 0;font-size:13px;line-height:18px;color:#5f6368;${FONT}`,
  footer: `margin:24px 0 0 0;font-size:12px;line-height:18px;color:#80868b;${FONT}`,
};

/** Escaped text with line breaks kept. */
function para(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

export function winMeta(win: Pick<NewsletterWin, 'credit' | 'goals'>): string {
  const goals = win.goals.length ? `Goals: ${win.goals.join(', ')}` : '';
  return [win.credit, goals].filter(Boolean).join(' · ');
}

function winHtml(win: NewsletterWin): string {
  const badge = win.featured ? `<span style="${S.featured}">Featured</span>` : '';
  const meta = winMeta(win);
  return (
    `<h3 style="${S.h3}">${escapeHtml(win.headline)}${badge}</h3>` +
    (win.text ? `<p style="${S.text}">${para(win.text)}</p>` : '') +
    (meta ? `<p style="${S.meta}">${escapeHtml(meta)}</p>` : '')
  );
}

export interface EmailOptions {
  /** Link to the Doc (staff copy). */
  docUrl?: string;
}

/** The whole newsletter as one self-contained HTML document. */
export function renderEmailHtml(model: NewsletterModel, opts: EmailOptions = {}): string {
  const sections = model.sections
    .map((s) => `<h2 style="${S.h2}">${escapeHtml(s.title)}</h2>${s.wins.map(winHtml).join('')}`)
    .join('');
  const docLink =
    opts.docUrl && /^https:\/\//.test(opts.docUrl)
      ? `<p style="${S.docLink}"><a href="${escapeHtml(opts.docUrl)}" style="${S.a}">Open this issue in Google Docs</a> (the printable staff copy).</p>`
      : '';
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(model.title)}</title></head>` +
    `<body style="${S.body}">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.outer}"><tr><td align="center" style="padding:16px 8px;">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="${S.card}"><tr><td style="${S.cell}">` +
    `<h1 style="${S.h1}">${escapeHtml(model.title)}</h1>` +
    `<p style="${S.period}">${escapeHtml(model.period)} · ${escapeHtml(model.issueLabel)}</p>` +
    `<p style="${S.summary}">${escapeHtml(model.summary)}</p>` +
    docLink +
    sections +
    `<p style="${S.footer}">Small wins from our school community, collected and shared with consent.</p>` +
    '</td></tr></table></td></tr></table></body></html>'
  );
}

/** The plain-text alternative: same content, readable in any client. */
export function renderEmailText(model: NewsletterModel, opts: EmailOptions = {}): string {
  const lines: string[] = [model.title.toUpperCase(), `${model.period} · ${model.issueLabel}`, '', model.summary, ''];
  if (opts.docUrl) lines.push(`Open this issue in Google Docs: ${opts.docUrl}`, '');
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
