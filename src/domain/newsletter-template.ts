// A school's template Doc, planned in memory: which of its elements are copied as they are, which get their
// placeholders filled, and the block between {{#wins}} and {{/wins}} repeated once per win.
//
// Convention (documented in the Settings dialog and the README):
//   {{school}} {{period}} {{summary}} {{issue}} {{audience}}   anywhere
//   {{#wins}} … {{/wins}}   paragraphs of their own around the block repeated for each win, in newsletter order
//   {{headline}} {{story}} {{credit}} {{goals}} {{featured}}   inside the block
//   {{section}}   inside the block: that element appears only for the first win of each goal's section
//   {{wins}}   a paragraph of its own where the default per-win layout goes (used when there is no block);
//              with neither, the wins follow the template's content.
import type { NewsletterModel, NewsletterWin } from './newsletter';

export interface TemplateElement {
  /** DocumentApp.ElementType name: PARAGRAPH, LIST_ITEM, TABLE, … */
  type: string;
  text: string;
}

export type TemplateOp =
  /** Copy the template's element unchanged. */
  | { op: 'copy'; source: number }
  /** Append a paragraph or list item with this text and the source element's attributes. */
  | { op: 'text'; source: number; text: string }
  /** Copy the element (a table) and fill the placeholders of each cell. */
  | { op: 'cells'; source: number; values: Record<string, string> }
  /** The default layout of every win goes here. */
  | { op: 'wins' };

export interface TemplatePlan {
  ops: TemplateOp[];
  problems: string[];
}

const PLACEHOLDER = /\{\{\s*([a-z]+)\s*\}\}/gi;
const BLOCK_START = /^\s*\{\{\s*#\s*wins\s*\}\}\s*$/i;
const BLOCK_END = /^\s*\{\{\s*\/\s*wins\s*\}\}\s*$/i;
const WINS_HERE = /^\s*\{\{\s*wins\s*\}\}\s*$/i;

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
  return {
    school: model.schoolName,
    period: model.period,
    summary: model.summary,
    issue: model.issueLabel,
    audience: model.audience,
  };
}

export function winValues(model: NewsletterModel, win: NewsletterWin, section: string): Record<string, string> {
  return {
    ...issueValues(model),
    headline: win.headline,
    story: win.text,
    credit: win.credit,
    goals: win.goals.join(', '),
    featured: win.featured ? 'Featured' : '',
    section,
  };
}

function opFor(el: TemplateElement, source: number, values: Record<string, string>): TemplateOp {
  if (!hasPlaceholder(el.text)) return { op: 'copy', source };
  if (el.type === 'PARAGRAPH' || el.type === 'LIST_ITEM')
    return { op: 'text', source, text: fillPlaceholders(el.text, values) };
  return { op: 'cells', source, values };
}

export function planTemplate(elements: readonly TemplateElement[], model: NewsletterModel): TemplatePlan {
  const problems: string[] = [];
  const start = elements.findIndex((e) => BLOCK_START.test(e.text));
  const end = elements.findIndex((e, i) => i > start && BLOCK_END.test(e.text));
  const values = issueValues(model);
  const ops: TemplateOp[] = [];
  if (start >= 0 && end < 0)
    problems.push(
      'The template has {{#wins}} without a matching {{/wins}}: the wins follow the template in the default layout.',
    );
  const hasBlock = start >= 0 && end > start;
  let placedWins = false;
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i];
    if (hasBlock && i === start) {
      const block = elements.slice(start + 1, end);
      for (const section of model.sections) {
        section.wins.forEach((win, n) => {
          const v = winValues(model, win, section.title);
          block.forEach((b, j) => {
            if (/\{\{\s*section\s*\}\}/i.test(b.text) && n > 0) return;
            ops.push(opFor(b, start + 1 + j, v));
          });
        });
      }
      placedWins = true;
      i = end;
      continue;
    }
    if (!hasBlock && !placedWins && WINS_HERE.test(el.text)) {
      ops.push({ op: 'wins' });
      placedWins = true;
      continue;
    }
    if (!hasBlock && start >= 0 && i === start) continue;
    ops.push(opFor(el, i, values));
  }
  if (!placedWins) ops.push({ op: 'wins' });
  return { ops, problems };
}
