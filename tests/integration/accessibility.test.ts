// WCAG 2.1 AA in what the BUILT bundle writes (issue 12, point 4): each audience's Doc uses real Title and Heading
// styles (one Title, then headings without a skipped level), and each draft's HTML and plain-text parts carry the
// same headings in the same reading order, with lang on the HTML. (The browser tests run axe on the same drafts.)
import { simDocsApi } from '../../dev/sim';
import {
  addWins,
  gmail,
  issueRows,
  loadNewsletterAddOn,
  saveSettings,
  settingsInput,
  Sim,
  win,
} from './newsletter-fixtures';

const HEADING_STYLES = ['TITLE', 'HEADING_1', 'HEADING_2', 'HEADING_3', 'HEADING_4', 'HEADING_5', 'HEADING_6'];

function school(): Sim {
  const sim = loadNewsletterAddOn();
  expect(saveSettings(sim, settingsInput({ schoolName: 'Maple Grove Elementary' })).ok).toBe(true);
  addWins(sim, [
    win({ headline: 'Reading buddies doubled library visits', featured: 'Yes', consent: 'Public' }),
    win({ headline: 'Number talks every morning', goals: 'Math confidence', consent: 'Public' }),
    win({ headline: 'Family phonics morning', goals: 'Family partnership' }),
    win({ headline: 'Staff-only reflection', consent: 'Staff only', goals: 'Teaching together' }),
    win({ headline: 'Exit tickets came too late', kind: 'Lesson learned', goals: 'Math confidence' }),
  ]);
  sim.run('draftNewsletterNow');
  return sim;
}

/** The Doc's paragraphs with a Title or Heading named style, as "LEVEL text" (0 for the Title). */
function docHeadings(sim: Sim, docId: string): Array<{ level: number; text: string }> {
  const json = simDocsApi(sim).json(docId);
  type Para = {
    paragraph?: {
      paragraphStyle: { namedStyleType: string };
      elements: Array<{ textRun?: { content: string } }>;
    };
  };
  return (json.body.content as Para[])
    .filter((e) => e.paragraph && HEADING_STYLES.includes(e.paragraph.paragraphStyle.namedStyleType))
    .map((e) => ({
      level: HEADING_STYLES.indexOf(e.paragraph!.paragraphStyle.namedStyleType),
      text: e
        .paragraph!.elements.map((r) => r.textRun?.content ?? '')
        .join('')
        .trim(),
    }));
}

/** The HTML's headings in order, their text without tags. */
function htmlHeadings(html: string): Array<{ level: number; text: string }> {
  return Array.from(html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g), (m) => ({
    level: Number(m[1]),
    // A badge (a label span) reads "(featured)" in the text part: the heading's own words are compared.
    text: m[2]
      .replace(/<span[^>]*>.*?<\/span>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"'),
  }));
}

/** Levels that jump by more than one below the heading before them. */
function skips(levels: number[]): number[] {
  return levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1);
}

describe.each(['Staff', 'Families', 'Public'])('the %s issue', (audience) => {
  let sim: Sim;
  beforeAll(() => {
    sim = school();
  });
  const issue = () => issueRows(sim).find((r) => r.Audience === audience)!;

  test('its Doc: one Title first, then Heading 1 and Heading 2 styles without a skipped level', () => {
    expect(issue().State).toBe('Done');
    const headings = docHeadings(sim, String(issue()['Doc ID']));
    expect(headings[0].level).toBe(0);
    expect(headings.filter((h) => h.level === 0)).toHaveLength(1);
    expect(headings.some((h) => h.level === 1)).toBe(true);
    expect(headings[1].level).toBe(1);
    expect(skips(headings.map((h) => h.level))).toEqual([]);
  });

  test('its draft: lang, one h1, h2 and h3 without a skipped level, and the text part in the same reading order', () => {
    const draft = gmail(sim).get(String(issue()['Draft ID']))!;
    expect(draft.contentTypes).toEqual(['multipart/alternative', 'text/plain', 'text/html']);
    expect(draft.html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    const headings = htmlHeadings(draft.html);
    expect(headings[0].level).toBe(1);
    expect(headings.filter((h) => h.level === 1)).toHaveLength(1);
    expect(headings.some((h) => h.level === 2)).toBe(true);
    expect(headings.every((h) => h.level <= 3)).toBe(true);
    expect(skips(headings.map((h) => h.level))).toEqual([]);
    // Each heading's text turns up in the plain text, in the HTML's order.
    const text = draft.text.toLowerCase();
    const at: number[] = [];
    for (const h of headings) {
      const words = h.text.replace(/\s+/g, ' ').trim().toLowerCase();
      const found = text.indexOf(words, at.length ? at[at.length - 1] + 1 : 0);
      expect([h.text, found >= 0]).toEqual([h.text, true]);
      at.push(found);
    }
  });
});
