// The email's HTML for WCAG 2.1 AA (issue 12, point 4): lang and dir, one h1 then headings without a skipped level,
// no text under 14 px, link text that means something on its own, wrapping at 320 px, and a data table named by its
// caption and header cells; the plain text in the same reading order.
import { linkText, outlineHtml, outlineText, readableAddress } from '../../src/domain/outline-render';
import { list, Outline, paragraph, table } from '../../src/domain/outline';

/** WCAG 2.1's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function headings(html: string): string[] {
  return Array.from(html.matchAll(/<h([1-6])[^>]*>(.*?)<\/h\1>/g), (m) => `h${m[1]} ${m[2]}`);
}

const letter: Outline = {
  title: 'Maple Grove Elementary — for families',
  lang: 'en',
  blocks: [
    paragraph('TITLE', [{ text: 'Maple Grove Elementary — for families' }]),
    paragraph('SUBTITLE', [{ text: 'Week of 23 November 2026' }], { role: 'period' }),
    paragraph('NORMAL_TEXT', [{ text: 'Dear families,' }]),
    paragraph(
      'NORMAL_TEXT',
      [{ text: 'Four wins this week, ' }, { text: 'all here', link: 'https://example.org/all' }],
      {
        role: 'summary',
      },
    ),
    paragraph('HEADING_1', [{ text: 'Spotlight' }]),
    paragraph('HEADING_2', [{ text: 'Reading buddies' }, { text: ' ' }, { text: 'Featured', label: true }]),
    paragraph('NORMAL_TEXT', [{ text: 'Year 5 read with Year 1.' }], { role: 'text' }),
    paragraph(
      'NORMAL_TEXT',
      [
        { text: 'How we know: ', bold: true },
        { text: 'https://example.org/library/log', link: 'https://example.org/library/log' },
      ],
      { role: 'text' },
    ),
    paragraph('NORMAL_TEXT', [{ text: 'Shared by Ana Ruiz' }], { role: 'meta' }),
    paragraph('NORMAL_TEXT', [{ text: 'Some stories are shortened.' }], { role: 'note' }),
    table(
      [
        ['Goal', 'Wins'],
        ['Reading for all', '2'],
      ],
      true,
      { caption: 'This issue at a glance' },
    ),
    list([[{ text: 'one' }]]),
    paragraph('NORMAL_TEXT', [{ text: 'With thanks, Ms Díaz' }], { role: 'footer' }),
  ],
};

describe('the email HTML', () => {
  test('lang on <html>, a title, the Title as the one h1, the Doc headings as h2 then h3; the subtitle is no heading', () => {
    const html = outlineHtml(letter);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en"><head>/);
    expect(html).toContain('<title>Maple Grove Elementary — for families</title>');
    expect(headings(html).map((h) => h.slice(0, 2))).toEqual(['h1', 'h2', 'h3']);
    expect(html).toMatch(/<p style="[^"]*">Week of 23 November 2026<\/p>/);
  });

  test('no heading level is skipped, whatever the outline holds; exactly one h1', () => {
    const html = outlineHtml({
      title: 'T',
      lang: 'en',
      blocks: [
        paragraph('TITLE', [{ text: 'T' }]),
        paragraph('HEADING_2', [{ text: 'straight to a Heading 2' }]),
        paragraph('HEADING_4', [{ text: 'then a Heading 4' }]),
        paragraph('TITLE', [{ text: 'a second title' }]),
        paragraph('HEADING_1', [{ text: 'a Heading 1' }]),
        paragraph('HEADING_2', [{ text: 'a Heading 2' }]),
      ],
    });
    expect(headings(html)).toEqual([
      'h1 T',
      'h2 straight to a Heading 2',
      'h3 then a Heading 4',
      'h2 a second title',
      'h2 a Heading 1',
      'h3 a Heading 2',
    ]);
  });

  test('an outline without a Title block still opens with its title as the h1, in the HTML and the text', () => {
    const outline: Outline = {
      title: 'Thank you',
      lang: 'en',
      blocks: [paragraph('HEADING_1', [{ text: 'Your win' }]), paragraph('NORMAL_TEXT', [{ text: 'It went out.' }])],
    };
    expect(headings(outlineHtml(outline))).toEqual(['h1 Thank you', 'h2 Your win']);
    expect(outlineText(outline).split('\n')[0]).toBe('THANK YOU');
  });

  test('every font size is at least 14 px, and the colours are the ones checked for 4.5:1', () => {
    const html = outlineHtml(letter);
    const sizes = Array.from(html.matchAll(/font-size:(\d+)px/g), (m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    // The lighter grey and the lighter blue that failed 4.5:1 on white (3.7:1 and 4.5:1 rounded down) are gone.
    expect(html).not.toMatch(/#80868b|#1a73e8/i);
    const colors = new Set(Array.from(html.matchAll(/(?<![-\w])color:(#[0-9a-f]{6})/gi), (m) => m[1].toLowerCase()));
    expect([...colors].sort()).toEqual(['#1558d6', '#174ea6', '#202124', '#5f6368', '#7a4d00']);
    // Every text colour but the badge's sits on the card (white) or the summary's box (#e8f0fe); the badge on its own.
    const backgrounds = new Set(
      Array.from(html.matchAll(/background-color:(#[0-9a-f]{6})/gi), (m) => m[1].toLowerCase()),
    );
    expect([...backgrounds].sort()).toEqual(['#e8f0fe', '#f4f5f7', '#fef3c7', '#ffffff']);
    for (const color of [...colors].filter((c) => c !== '#7a4d00'))
      for (const background of ['#ffffff', '#e8f0fe'])
        expect([color, background, contrast(color, background) >= 4.5]).toEqual([color, background, true]);
    expect(contrast('#7a4d00', '#fef3c7')).toBeGreaterThanOrEqual(4.5);
  });

  test('long words and addresses wrap, layout tables keep to the screen, the data table has a caption and th scope', () => {
    const html = outlineHtml(letter);
    expect(html).toContain('overflow-wrap:anywhere');
    expect(html).toContain('word-break:break-word');
    expect(html.match(/table-layout:fixed/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
    expect(html).toMatch(
      /<table style="[^"]*width:100%[^"]*"><caption[^>]*>This issue at a glance<\/caption><thead><tr><th scope="col"[^>]*>Goal<\/th><th scope="col"[^>]*>Wins<\/th><\/tr><\/thead>/,
    );
  });

  test('a right-to-left edition: dir="rtl" on <html>, its lang, table cells and lists starting from the right', () => {
    const html = outlineHtml({ ...letter, lang: 'ar', dir: 'rtl' });
    expect(html).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl">/);
    expect(html).toContain(
      '<th scope="col" style="padding:4px 10px;border-bottom:1px solid #dadce0;text-align:right">',
    );
    expect(html).toContain('padding-right:22px');
    expect(html).not.toContain('text-align:left');
    expect(outlineHtml(letter)).not.toContain('dir=');
  });
});

describe('link text that means something on its own', () => {
  test('a typed address made a link keeps the address as its text', () => {
    expect(outlineHtml(letter)).toContain(
      '<a href="https://example.org/library/log" style="color:#1558d6;text-decoration:underline">https://example.org/library/log</a>',
    );
  });

  test('"here", "click here", "link", "read more" gain the address they lead to; other text is kept', () => {
    const url = 'https://example.org/photos/';
    expect(linkText('here', url)).toBe('here (example.org/photos)');
    expect(linkText('Click here.', url)).toBe('Click here. (example.org/photos)');
    expect(linkText('link', url)).toBe('link (example.org/photos)');
    expect(linkText('Read more…', url)).toBe('Read more… (example.org/photos)');
    expect(linkText('Photos and documents', url)).toBe('Photos and documents');
    expect(linkText('Open this issue in Google Docs', url)).toBe('Open this issue in Google Docs');
    expect(readableAddress('mailto:office@school.example')).toBe('office@school.example');
    const html = outlineHtml({
      title: 'T',
      lang: 'en',
      blocks: [paragraph('NORMAL_TEXT', [{ text: 'Photos are ' }, { text: 'here', link: url }])],
    });
    expect(html).toContain(
      `<a href="${url}" style="color:#1558d6;text-decoration:underline">here (example.org/photos)</a>`,
    );
  });
});

test('the plain text follows the HTML: title, period, greeting, each heading and its text, the table, the footer', () => {
  const text = outlineText(letter);
  const order = [
    'MAPLE GROVE ELEMENTARY — FOR FAMILIES',
    'Week of 23 November 2026',
    'Dear families,',
    'SPOTLIGHT',
    '* Reading buddies (featured)',
    'Year 5 read with Year 1.',
    'How we know: https://example.org/library/log',
    'Shared by Ana Ruiz',
    'This issue at a glance',
    'Goal | Wins',
    '- one',
    'With thanks, Ms Díaz',
  ];
  const at = order.map((line) => text.split('\n').indexOf(line));
  expect(at.every((i) => i >= 0)).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));
});
