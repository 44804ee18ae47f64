// The newsletter as an email: its outline (newsletter-outline) rendered as HTML complete in itself and as plain
// text, kept under the size at which Gmail clips a message by shortening each win's text when it has to.
import { emailSubject, NewsletterModel } from './newsletter';
import { newsletterOutline } from './newsletter-outline';
import type { Outline } from './outline';
import { outlineHtml, outlineText } from './outline-render';
import { utf8Bytes } from './mime';

export { shorten, winMeta } from './newsletter-outline';

/** Gmail shows "View entire message" past about 102 KB of HTML: the email aims below this many bytes. */
export const EMAIL_HTML_LIMIT = 100 * 1024;
/** When an issue would not fit, each win's text is cut to the first of these lengths that fits (characters). */
export const SHORTEN_STEPS = [1500, 1000, 700, 450, 300, 200] as const;

export interface EmailOptions {
  /** Link to the Doc (staff copy). */
  docUrl?: string;
  /** Cut each win's text to this many characters (0 or absent: in full). */
  maxChars?: number;
}

/** The email's outline (what its HTML and text render, and what a family language's edition translates). */
export function emailOutline(model: NewsletterModel, opts: EmailOptions = {}): Outline {
  return newsletterOutline(model, { ...opts, email: true });
}

/** The whole newsletter as one self-contained HTML document. */
export function renderEmailHtml(model: NewsletterModel, opts: EmailOptions = {}): string {
  return outlineHtml(emailOutline(model, opts));
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

/** The plain-text alternative: same content, readable in any client (every story in full). */
export function renderEmailText(model: NewsletterModel, opts: EmailOptions = {}): string {
  return outlineText(newsletterOutline(model, { docUrl: opts.docUrl, email: true, maxChars: 0 }));
}

/** One audience's edition as its email carries it: everything a draft (or a translation of it) is made from. */
export interface RenderedEdition extends FittedEmail {
  subject: string;
  /** The outline the HTML was rendered from (with the cut the HTML needed). */
  outline: Outline;
  /** The plain-text part: every story in full. */
  text: string;
}

/**
 * An audience's edition, rendered once: its subject, its outline, its HTML (fitted under Gmail's clipping size) and
 * its plain text. The Gmail draft is made from this; so is a translated edition.
 */
export function renderEdition(
  model: NewsletterModel,
  opts: EmailOptions = {},
  limit = EMAIL_HTML_LIMIT,
): RenderedEdition {
  const fitted = fitEmailHtml(model, opts, limit);
  return {
    ...fitted,
    subject: emailSubject(model),
    outline: newsletterOutline(model, { docUrl: opts.docUrl, email: true, maxChars: fitted.maxChars }),
    text: renderEmailText(model, opts),
  };
}
