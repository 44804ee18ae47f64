// A newsletter issue as an outline, the one source of its Doc, its email's HTML and its plain text. Staff's edition:
// title, period and issue, greeting, summary with the comparison, a table of the issue at a glance, a section per
// goal with each win (headline, text, how we know with its links, credit), sign-off, footer; the email adds the Doc's
// link. The letter (families, the public): title, period, greeting, a positive summary, Spotlight, a section per goal
// opening with its description, What we learned, sign-off, footer; no issue number, badge or comparison.
import { DOC_CHAR_LIMIT } from './doc-build';
import { insertedLength } from './docs-requests';
import type { NewsletterModel, NewsletterWin } from './newsletter';
import { safeLink } from './links';
import { Block, linkify, Outline, paragraph, Span, table } from './outline';

export const FOOTER = 'Small wins from our school community, collected and shared with consent.';
export const GLANCE_CAPTION = 'This issue at a glance';

export interface OutlineOptions {
  /** Build the email's outline (the Doc's link for staff, the note on shortened stories). */
  email?: boolean;
  /** Link to the Doc (staff copy). */
  docUrl?: string;
  /** Cut each win's text to this many characters (0 or absent: in full). */
  maxChars?: number;
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

/**
 * The credit, and the win's goals unless the section's heading already names them: under a goal's heading only its
 * other goals ("Also: Family partnership").
 */
export function winMeta(win: Pick<NewsletterWin, 'credit' | 'goals'>, sectionGoal = ''): string {
  const others = win.goals.filter((g) => g.trim().toLowerCase() !== sectionGoal.trim().toLowerCase());
  const label = sectionGoal ? 'Also' : others.length === 1 ? 'Goal' : 'Goals';
  const goals = others.length ? `${label}: ${others.join(', ')}` : '';
  return [win.credit, goals].filter(Boolean).join(' · ');
}

/** Whether any win's text is longer than `max` characters (so the email says its stories were cut). */
export function anyLonger(model: NewsletterModel, max: number): boolean {
  return max > 0 && model.sections.some((s) => s.wins.some((w) => Array.from(w.text).length > max));
}

/**
 * "How we know: …" with the addresses typed in the evidence made links; the link to photos or documents only
 * for staff (a shared folder may hold what families should not open).
 */
function evidenceSpans(win: NewsletterWin, staff: boolean, max: number): Span[] {
  const link = staff ? safeLink(win.link) : null;
  if (!win.evidence && !link) return [];
  const evidence = max > 0 ? shorten(win.evidence, max) : win.evidence;
  const spans: Span[] = [{ text: 'How we know: ', bold: true }, ...linkify(evidence)];
  if (link) spans.push({ text: evidence ? ' ' : '' }, { text: 'Photos and documents', link });
  return spans;
}

/**
 * One win's blocks, all carrying the win's ID as their unit (a long Doc is only cut between wins). Staff's edition
 * marks a featured win with a badge; the letter shows it in its Spotlight instead.
 */
export function winBlocks(win: NewsletterWin, staff: boolean, max = 0, sectionGoal = ''): Block[] {
  const unit = win.id;
  const headline: Span[] = [{ text: win.headline }];
  if (win.featured && staff) headline.push({ text: ' ' }, { text: 'Featured', label: true });
  const text = max > 0 ? shorten(win.text, max) : win.text;
  const meta = winMeta(win, sectionGoal);
  return [
    paragraph('HEADING_2', headline, { unit }),
    paragraph('NORMAL_TEXT', [{ text }], { role: 'text', unit }),
    paragraph('NORMAL_TEXT', evidenceSpans(win, staff, max), { role: 'text', unit }),
    paragraph('NORMAL_TEXT', [{ text: meta }], { role: 'meta', unit }),
  ];
}

/** The first blocks: title, period (and Staff's issue number), greeting, summary. */
export function headBlocks(model: NewsletterModel): Block[] {
  const staff = model.edition === 'staff';
  return [
    paragraph('TITLE', [{ text: model.title }]),
    paragraph('SUBTITLE', [{ text: staff ? `${model.period} · ${model.issueLabel}` : model.period }], {
      role: 'period',
    }),
    paragraph('NORMAL_TEXT', [{ text: model.greeting }]),
    paragraph('NORMAL_TEXT', [{ text: model.summary }], { role: 'summary' }),
  ];
}

/** The sign-off, its lines kept (line breaks within one paragraph). */
export function signoffBlock(model: NewsletterModel): Block {
  return paragraph('NORMAL_TEXT', [{ text: model.signoff }]);
}

/** The pattern of progress at a glance: wins per goal (lessons learned in their own row). */
export function glanceTable(model: NewsletterModel): Block {
  return table([['Goal', 'Wins'], ...model.sections.map((s) => [s.title, String(s.wins.length)])], true, {
    caption: GLANCE_CAPTION,
  });
}

/** Each section and its wins: a heading, the goal's description (in the letter), then each win's blocks. */
export function sectionBlocks(model: NewsletterModel, staff: boolean, max = 0): Block[] {
  const letter = model.edition === 'letter';
  return model.sections.flatMap((s) => [
    paragraph('HEADING_1', [{ text: s.title }]),
    ...(letter && s.description ? [paragraph('NORMAL_TEXT', [{ text: s.description, italic: true }])] : []),
    ...s.wins.flatMap((w) => winBlocks(w, staff, max, s.goal)),
  ]);
}

export function footerBlock(): Block {
  return paragraph('NORMAL_TEXT', [{ text: FOOTER }], { role: 'footer' });
}

/** The whole issue as an outline: the Doc's, or with `email` the email's. */
export function newsletterOutline(model: NewsletterModel, opts: OutlineOptions = {}): Outline {
  const staff = model.edition === 'staff';
  const max = opts.email ? (opts.maxChars ?? 0) : 0;
  const blocks: Block[] = headBlocks(model);
  if (opts.email) {
    const url = safeLink(opts.docUrl);
    if (url)
      blocks.push(
        paragraph('NORMAL_TEXT', [
          { text: 'Open this issue in Google Docs', link: url },
          { text: ' (the printable staff copy).' },
        ]),
      );
    if (anyLonger(model, max))
      blocks.push(
        paragraph(
          'NORMAL_TEXT',
          [
            {
              text: `Long stories are shortened in this email (marked …)${url ? '; the Doc above has them in full' : ' so that it shows in full in every mail app'}.`,
            },
          ],
          { role: 'note' },
        ),
      );
  }
  // The letter's summary says its numbers in words; Staff's edition keeps the table of wins per goal.
  if (staff) blocks.push(glanceTable(model));
  blocks.push(...sectionBlocks(model, staff, max), signoffBlock(model), footerBlock());
  return { title: model.title, lang: 'en', blocks };
}

/**
 * How many of an issue's wins (its first ones) its Doc can hold within `limit` characters: all of them, or the
 * most that fit (the summary, table and sections shrink with them).
 */
export function fitDoc(total: number, modelOf: (wins: number) => NewsletterModel, limit = DOC_CHAR_LIMIT): number {
  const fits = (n: number) => insertedLength(newsletterOutline(modelOf(n)).blocks) <= limit;
  if (fits(total)) return total;
  let lo = 0;
  let hi = total - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
