// A school's template Doc, planned in memory: its frame (the elements copied as they are, with DocumentApp, so what
// the Docs API cannot rebuild is kept), the place where the wins go, the block repeated once per win and filled in
// memory, and the frame's own placeholders, filled afterwards with literal replaceAllText requests.
//
// Convention (documented in the Settings dialog and the README):
//   {{school}} {{period}} {{summary}} {{issue}} {{audience}} {{greeting}} {{signoff}}   anywhere; {{issue}} is
//              empty outside the Staff edition (families and the public see no issue numbers)
//   {{#wins}} … {{/wins}}   paragraphs of their own around the block repeated for each win, in newsletter order
//   {{headline}} {{story}} {{evidence}} {{credit}} {{goals}} {{featured}}   inside the block ({{featured}} is
//              empty outside the Staff edition: the letter shows featured wins in its Spotlight)
//   {{section}}   inside the block: that element appears only for the first win of each goal's section
//   {{wins}}   a paragraph of its own where the default per-win layout goes (used when there is no block);
//              with neither, the wins follow the template's content.
import type { DocsRequest } from './docs-requests';
import type { NewsletterModel, NewsletterWin } from './newsletter';
import { sectionBlocks } from './newsletter-outline';
import { Block, lineText, list, NamedStyle, paragraph, Span, table } from './outline';

export interface TemplateElement {
  /** DocumentApp.ElementType name: PARAGRAPH, LIST_ITEM, TABLE, … */
  type: string;
  text: string;
}

/** A block element as the Doc will repeat it: its text with placeholders, its heading and emphasis, a table's cells. */
export interface LayoutElement {
  type: 'PARAGRAPH' | 'LIST_ITEM' | 'TABLE';
  text: string;
  /** DocumentApp.ParagraphHeading name (NORMAL, HEADING1…6, TITLE, SUBTITLE). */
  heading: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  cells?: string[][];
}

export interface FramePlan {
  /** Template elements copied into the new Doc, in order. */
  frame: number[];
  /** The copied element where the wins go (its text is removed), or null: a `{{wins}}` paragraph is added last. */
  marker: number | null;
  /** How the marker's paragraph is recognised in the new Doc. */
  markerKind: 'block' | 'here';
  /** Template elements of the block repeated per win (empty: the default per-win layout). */
  block: number[];
  problems: string[];
}

const PLACEHOLDER = /\{\{\s*([a-z]+)\s*\}\}/gi;
export const BLOCK_START = /^\s*\{\{\s*#\s*wins\s*\}\}\s*$/i;
const BLOCK_END = /^\s*\{\{\s*\/\s*wins\s*\}\}\s*$/i;
export const WINS_HERE = /^\s*\{\{\s*wins\s*\}\}\s*$/i;
/** The paragraph added where the wins go when the template says nothing. */
export const WINS_MARKER = '{{wins}}';

export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  const found = PLACEHOLDER.test(text);
  PLACEHOLDER.lastIndex = 0;
  return found;
}

/**
 * Fills known placeholders in one pass: the values are inserted literally and never scanned again, so a win
 * whose text says "{{school}}" or "$1" shows exactly that. Unknown placeholders stay as written.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const key = name.toLowerCase();
    return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : whole;
  });
}

export function issueValues(model: NewsletterModel): Record<string, string> {
  const staff = model.edition === 'staff';
  return {
    school: model.schoolName,
    period: model.period,
    summary: model.summary,
    issue: staff ? model.issueLabel : '',
    audience: model.audience,
    greeting: model.greeting,
    signoff: model.signoff,
  };
}

export function winValues(model: NewsletterModel, win: NewsletterWin, section: string): Record<string, string> {
  return {
    ...issueValues(model),
    headline: win.headline,
    story: win.text,
    evidence: win.evidence,
    credit: win.credit,
    goals: win.goals.join(', '),
    featured: win.featured && model.edition === 'staff' ? 'Featured' : '',
    section,
  };
}

/** Which elements make the frame, where the wins go, and which elements are repeated per win. */
export function planFrame(elements: readonly TemplateElement[]): FramePlan {
  const problems: string[] = [];
  const start = elements.findIndex((e) => BLOCK_START.test(e.text));
  const end = elements.findIndex((e, i) => start >= 0 && i > start && BLOCK_END.test(e.text));
  if (start >= 0 && end < 0)
    problems.push(
      'The template has {{#wins}} without a matching {{/wins}}: the wins follow the template in the default layout.',
    );
  const all = elements.map((_, i) => i);
  if (start >= 0 && end > start) {
    return {
      frame: all.filter((i) => i <= start || i > end),
      marker: start,
      markerKind: 'block',
      block: all.slice(start + 1, end),
      problems,
    };
  }
  const here = elements.findIndex((e) => WINS_HERE.test(e.text));
  const frame = all.filter((i) => i !== start);
  if (here >= 0) return { frame, marker: here, markerKind: 'here', block: [], problems };
  return { frame, marker: null, markerKind: 'here', block: [], problems };
}

const STYLE_OF_HEADING: Record<string, NamedStyle> = {
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

function elementBlock(el: LayoutElement, values: Record<string, string>, unit: string): Block {
  const span = (text: string): Span => ({
    text,
    ...(el.bold ? { bold: true } : {}),
    ...(el.italic ? { italic: true } : {}),
    ...(el.underline ? { underline: true } : {}),
  });
  if (el.type === 'TABLE')
    return table(
      (el.cells ?? [[el.text]]).map((row) => row.map((c) => fillPlaceholders(c, values))),
      false,
      { unit },
    );
  const text = fillPlaceholders(el.text, values);
  if (el.type === 'LIST_ITEM') return list([[span(text)]], { unit });
  return paragraph(STYLE_OF_HEADING[el.heading] ?? 'NORMAL_TEXT', [span(text)], { unit });
}

/**
 * The wins as the template lays them out: its block once per win (an element with {{section}} only for a section's
 * first win), each filled in one pass; without a block, the default per-win layout.
 */
export function templateWinBlocks(model: NewsletterModel, layout: readonly LayoutElement[]): Block[] {
  if (!layout.length) return sectionBlocks(model, model.edition === 'staff');
  const out: Block[] = [];
  for (const section of model.sections) {
    section.wins.forEach((win, n) => {
      const values = winValues(model, win, section.title);
      for (const el of layout) {
        const texts = el.cells ? el.cells.flat().join(' ') : el.text;
        if (n > 0 && /\{\{\s*section\s*\}\}/i.test(texts)) continue;
        out.push(elementBlock(el, values, win.id));
      }
    });
  }
  return out;
}

/** One literal replaceAllText per placeholder as spelled in the frame ({{ School }} too), known names only. */
export function framePrelude(frameTexts: readonly string[], model: NewsletterModel): DocsRequest[] {
  const values = issueValues(model);
  const spellings = new Map<string, string>();
  for (const text of frameTexts) {
    for (const m of text.matchAll(PLACEHOLDER)) {
      const key = m[1].toLowerCase();
      if (Object.prototype.hasOwnProperty.call(values, key) && !spellings.has(m[0])) spellings.set(m[0], key);
    }
  }
  return Array.from(spellings, ([spelling, key]) => ({
    replaceAllText: { containsText: { text: spelling, matchCase: true }, replaceText: lineText(values[key]) },
  }));
}

/** How much the prelude's replacements change these paragraphs' total length (applied one after the other). */
export function replacementShift(texts: readonly string[], prelude: readonly DocsRequest[]): number {
  let shift = 0;
  for (const original of texts) {
    let text = original;
    for (const r of prelude) {
      const rep = (r as { replaceAllText?: { containsText: { text: string }; replaceText: string } }).replaceAllText;
      if (rep) text = text.split(rep.containsText.text).join(rep.replaceText);
    }
    shift += text.length - original.length;
  }
  return shift;
}
