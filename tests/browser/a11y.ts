// Accessibility checks of the Chromium tests: axe-core (WCAG 2.1 A and AA rules) run inside a page, and the checks
// of an email axe does not make (one h1 then h2/h3 without a skipped level, text of at least 14 px, no horizontal
// scroll at 320 px), each reported as sentences that say what is wrong and where.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type Chromium, newPage } from './harness';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The rules run: every WCAG 2.0 and 2.1 rule at levels A and AA, none switched off. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's WCAG 2.1 AA violations in the page as it is now, one line per rule: its id, what it asks and the CSS
 * selector of every element that breaks it (an empty list when there are none).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{
            violations: Array<{
              id: string;
              help: string;
              nodes: Array<{ target: unknown[]; failureSummary?: string }>;
            }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), summary: n.failureSummary ?? '' })),
    }));
  }, WCAG_21_AA);
  return violations.map(
    (v) =>
      `${v.id} (${v.help}): ${v.nodes.map((n) => `${n.target} — ${n.summary.replace(/\s+/g, ' ').trim()}`).join('; ')}`,
  );
}

/** Heading levels in document order, e.g. ["h1 Title", "h2 Reading", "h3 A win"]. */
export function headingOutline(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')).map(
      (h) =>
        `${h.getAttribute('aria-level') ? `h${h.getAttribute('aria-level')}` : h.tagName.toLowerCase()} ${(h.textContent ?? '').trim()}`,
    ),
  );
}

/**
 * What breaks the headings' order: not exactly one h1, something before the h1, or a level more than one below the
 * heading before it (h2 then h4). Empty when the order is right.
 */
export function headingOrderProblems(outline: readonly string[]): string[] {
  const problems: string[] = [];
  const levels = outline.map((h) => Number(h.slice(1, 2)));
  const ones = levels.filter((l) => l === 1).length;
  if (ones !== 1) problems.push(`${ones} h1 headings (exactly one expected)`);
  if (levels.length && levels[0] !== 1) problems.push(`the first heading is "${outline[0]}", not the h1`);
  for (let i = 1; i < levels.length; i++)
    if (levels[i] > levels[i - 1] + 1) problems.push(`"${outline[i]}" skips a level after "${outline[i - 1]}"`);
  return problems;
}

/** Every element with text of its own whose computed font-size is under `min` px, as "tag (size): text". */
export function smallText(page: Page, min = 14): Promise<string[]> {
  return page.evaluate(
    (min) =>
      Array.from(document.body.querySelectorAll('*'))
        .filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))
        .map((el) => ({ el, size: parseFloat(getComputedStyle(el).fontSize) }))
        .filter(({ size }) => size < min)
        .map(
          ({ el, size }) => `${el.tagName.toLowerCase()} (${size}px): ${(el.textContent ?? '').trim().slice(0, 60)}`,
        ),
    min,
  );
}

/** How wide the document is against the window: a horizontal scroll when scrollWidth > clientWidth. */
export function documentWidth(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

export interface EmailCheck {
  /** axe-core's WCAG 2.1 AA violations. */
  axe: string[];
  /** The headings in order ("h1 …", "h2 …"). */
  headings: string[];
  /** What breaks the heading order (one h1, then h2/h3 without skipping). */
  headingProblems: string[];
  /** Text under 14 px. */
  smallText: string[];
  /** The document's width at 320 px. */
  width: { scrollWidth: number; clientWidth: number };
}

/**
 * An email's HTML part as a phone shows it (320 px wide), checked: axe's WCAG 2.1 AA rules, the heading order, the
 * text size and the horizontal scroll. Any draft's HTML can be passed (an edition, a translated one).
 */
export async function checkEmailHtml(browser: Chromium, html: string): Promise<EmailCheck> {
  const { page } = await newPage(browser, { width: 320, height: 640 });
  try {
    // Nothing is fetched: an email's HTML is complete in itself.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const headings = await headingOutline(page);
    return {
      axe: await axeViolations(page),
      headings,
      headingProblems: headingOrderProblems(headings),
      smallText: await smallText(page),
      width: await documentWidth(page),
    };
  } finally {
    await page.close();
  }
}
