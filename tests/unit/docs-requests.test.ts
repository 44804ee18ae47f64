// The outline model and its Docs API requests: UTF-16 indexes, text the API would strip removed first, emoji and
// right-to-left text, tables' cell indexes, batches cut between wins; and the same outline as HTML and plain text.
import { insertBlocks, insertedLength, planDocument, fingerprint, DocsRequest } from '../../src/domain/docs-requests';
import {
  isRightToLeft,
  lineText,
  linkify,
  list,
  paragraph,
  paragraphText,
  table,
  Block,
} from '../../src/domain/outline';
import { outlineHtml, outlineText } from '../../src/domain/outline-render';

const kinds = (rs: DocsRequest[]) => rs.map((r) => Object.keys(r)[0]);

describe('text as a Doc keeps it', () => {
  test('control characters and private-use characters go, line breaks stay inside the paragraph', () => {
    expect(paragraphText('a\u0000b\u0007c\u001fd\ue000e\u007f')).toBe('abcde');
    expect(paragraphText('one\r\ntwo\nthree\rfour\u2028five')).toBe('one\u000btwo\u000bthree\u000bfour\u000bfive');
    expect(paragraphText('tab\tkept')).toBe('tab\tkept');
    expect(lineText('a\nb\tc\u000bd')).toBe('a b c d');
    // A lone surrogate (half an emoji) goes; whole emoji stay.
    expect(paragraphText('x\ud83dy🎉')).toBe('xy🎉');
  });

  test('right to left is the first strong character; addresses in text become links only when https', () => {
    expect(isRightToLeft('مرحبا 123')).toBe(true);
    expect(isRightToLeft('123 שלום')).toBe(true);
    expect(isRightToLeft('Hello مرحبا')).toBe(false);
    expect(isRightToLeft('🎉 2026')).toBe(false);
    expect(linkify('http://ex.org/a is not a link')).toEqual([{ text: 'http://ex.org/a' }, { text: ' is not a link' }]);
    expect(linkify('See https://ex.org/p. And javascript:x')).toEqual([
      { text: 'See ' },
      { text: 'https://ex.org/p', link: 'https://ex.org/p' },
      { text: '. And javascript:x' },
    ]);
  });
});

describe('outline → Docs API requests', () => {
  test('paragraphs: one insert, styles set explicitly, headings and a partial-paragraph link by UTF-16 index', () => {
    const blocks: Block[] = [
      paragraph('TITLE', [{ text: 'News 🎉' }]),
      paragraph('HEADING_1', [{ text: 'Reading' }]),
      paragraph('NORMAL_TEXT', [
        { text: 'See ' },
        { text: 'the 📷 photos', link: 'https://ex.org/p' },
        { text: ' and ' },
        { text: 'more', bold: true },
      ]),
    ];
    const placed = insertBlocks(blocks, 1, true);
    // "News 🎉" is 7 UTF-16 units (the emoji counts 2): the heading starts at 1 + 7 + 1.
    expect(placed.requests[0]).toEqual({
      insertText: { location: { index: 1 }, text: 'News 🎉\nReading\nSee the 📷 photos and more' },
    });
    expect(placed.end).toBe(1 + 'News 🎉\nReading\nSee the 📷 photos and more'.length);
    expect(kinds(placed.requests)).toEqual([
      'insertText',
      'deleteParagraphBullets',
      'updateParagraphStyle',
      'updateParagraphStyle',
      'updateParagraphStyle',
      'updateTextStyle',
      'updateTextStyle',
      'updateTextStyle',
    ]);
    expect(placed.requests[2]).toEqual({
      updateParagraphStyle: {
        range: { startIndex: 1, endIndex: 43 },
        paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' },
        fields: 'namedStyleType,direction',
      },
    });
    expect(placed.requests[3]).toMatchObject({
      updateParagraphStyle: { range: { startIndex: 1, endIndex: 8 }, paragraphStyle: { namedStyleType: 'TITLE' } },
    });
    expect(placed.requests[4]).toMatchObject({
      updateParagraphStyle: { range: { startIndex: 9, endIndex: 16 }, paragraphStyle: { namedStyleType: 'HEADING_1' } },
    });
    // Every text style is reset first (new text takes the style of the text before it).
    expect(placed.requests[5]).toEqual({
      updateTextStyle: {
        range: { startIndex: 1, endIndex: 43 },
        textStyle: {},
        fields: 'bold,italic,underline,strikethrough,link,foregroundColor',
      },
    });
    // "See " starts at 17; the link covers "the 📷 photos" (13 units).
    expect(placed.requests[6]).toMatchObject({
      updateTextStyle: {
        range: { startIndex: 21, endIndex: 34 },
        textStyle: { link: { url: 'https://ex.org/p' }, underline: true },
        fields: 'link,underline,foregroundColor',
      },
    });
    expect(placed.requests[7]).toEqual({
      updateTextStyle: { range: { startIndex: 39, endIndex: 43 }, textStyle: { bold: true }, fields: 'bold' },
    });
  });

  test('not last: an empty paragraph stays after the content for the next batch', () => {
    const placed = insertBlocks([paragraph('NORMAL_TEXT', [{ text: 'ab' }])], 10, false);
    expect(placed.requests[0]).toEqual({ insertText: { location: { index: 10 }, text: 'ab\n' } });
    expect(placed.end).toBe(13);
  });

  test('right-to-left paragraphs get their direction; bullets over the list items only', () => {
    const blocks: Block[] = [
      paragraph('NORMAL_TEXT', [{ text: 'مرحبا بالعائلات' }]),
      list([[{ text: 'one' }], [{ text: '\ttwo' }]]),
      paragraph('NORMAL_TEXT', [{ text: 'after' }]),
    ];
    const placed = insertBlocks(blocks, 1, true);
    const text = (placed.requests[0] as { insertText: { text: string } }).insertText.text;
    // Leading tabs would set a nesting level and be removed by createParagraphBullets: they never get there.
    expect(text).toBe('مرحبا بالعائلات\none\n two\nafter');
    expect(placed.requests).toContainEqual({
      updateParagraphStyle: {
        range: { startIndex: 1, endIndex: 16 },
        paragraphStyle: { direction: 'RIGHT_TO_LEFT' },
        fields: 'direction',
      },
    });
    expect(placed.requests).toContainEqual({
      createParagraphBullets: { range: { startIndex: 17, endIndex: 25 }, bulletPreset: 'BULLET_DISC_CIRCLE_SQUARE' },
    });
  });

  test('a table: inserted at the end of the paragraph before it, cells filled first to last by index', () => {
    const blocks: Block[] = [
      paragraph('NORMAL_TEXT', [{ text: 'Hi' }]),
      table(
        [
          ['Goal', 'Wins'],
          ['Reading', '3'],
        ],
        true,
      ),
      paragraph('NORMAL_TEXT', [{ text: 'Bye' }]),
    ];
    const placed = insertBlocks(blocks, 1, true);
    const inserts = placed.requests.filter((r) => 'insertText' in r || 'insertTable' in r);
    // "Hi" fills the empty paragraph; the table goes at 3 (its newline ends "Hi"), so it starts at 4. Empty cells'
    // paragraphs would be at 7, 9, 12, 14; each insert moves the later ones.
    expect(inserts).toEqual([
      { insertText: { location: { index: 1 }, text: 'Hi' } },
      { insertTable: { rows: 2, columns: 2, location: { index: 3 } } },
      { insertText: { location: { index: 7 }, text: 'Goal' } },
      { insertText: { location: { index: 13 }, text: 'Wins' } },
      { insertText: { location: { index: 20 }, text: 'Reading' } },
      { insertText: { location: { index: 29 }, text: '3' } },
      // The table ends at 32 (its last cell's newline at 30, the table's end at 31); "Bye" fills the paragraph after.
      { insertText: { location: { index: 32 }, text: 'Bye' } },
    ]);
    // The header row is bold; body cells are reset to plain.
    expect(placed.requests).toContainEqual({
      updateTextStyle: {
        range: { startIndex: 7, endIndex: 11 },
        textStyle: { bold: true },
        fields: 'bold,italic,underline,strikethrough,link,foregroundColor',
      },
    });
    expect(placed.end).toBe(35);
  });

  test('batches: within the limits, whole wins only, each starting where the last stopped', () => {
    const win = (id: string): Block[] => [
      paragraph('HEADING_2', [{ text: `Win ${id}` }], { unit: id }),
      paragraph('NORMAL_TEXT', [{ text: 'Text', italic: true }], { unit: id }),
    ];
    const blocks = [paragraph('TITLE', [{ text: 'T' }]), ...['a', 'b', 'c', 'd', 'e'].flatMap(win)];
    const plan = planDocument(blocks, 1, 2, { limits: { maxRequests: 8, maxChars: 100000 } });
    expect(plan.batches.length).toBeGreaterThan(1);
    for (const b of plan.batches) expect(b.requests.length).toBeLessThanOrEqual(8);
    expect(plan.batches.flatMap((b) => b.units)).toEqual(['a', 'b', 'c', 'd', 'e']);
    plan.batches.forEach((b, k) => {
      if (k > 0) expect(b.from).toBe(plan.batches[k - 1].to);
      expect(b.requests[0]).toMatchObject({ insertText: { location: { index: b.from } } });
    });
    expect(plan.ends[0]).toBe(2);
    // The last batch fills the Doc's empty paragraph instead of leaving one: one newline fewer.
    expect(plan.ends[plan.ends.length - 1]).toBe(2 + insertedLength(blocks) - 1);
    expect(plan.batches[1].probe).toEqual({ index: plan.batches[1].from, text: `Win ${plan.batches[1].units[0]}` });
    // The same outline plans the same way; another one does not.
    expect(planDocument(blocks, 1, 2, { limits: { maxRequests: 8, maxChars: 100000 } }).fingerprint).toBe(
      plan.fingerprint,
    );
    expect(planDocument(blocks.slice(0, -1), 1, 2).fingerprint).not.toBe(plan.fingerprint);
    expect(fingerprint('a')).not.toBe(fingerprint('b'));
  });
});

describe('the same outline as email', () => {
  const outline = {
    title: 'T <1>',
    lang: 'en',
    blocks: [
      paragraph('TITLE', [{ text: 'T <1>' }]),
      paragraph('HEADING_1', [{ text: 'Goal & more' }]),
      paragraph('HEADING_2', [{ text: 'Win' }, { text: ' ' }, { text: 'Featured', label: true }]),
      paragraph('NORMAL_TEXT', [{ text: 'Line one\nline <two>' }], { role: 'text' }),
      paragraph('NORMAL_TEXT', [{ text: 'See ' }, { text: 'this', link: 'https://ex.org/?a=1&b=2' }]),
      paragraph('NORMAL_TEXT', [{ text: 'bad', link: 'javascript:alert(1)' }]),
      list([[{ text: 'one' }], [{ text: 'two', bold: true }]]),
      table(
        [
          ['Goal', 'Wins'],
          ['A & B', '2'],
        ],
        true,
        { caption: 'At a glance' },
      ),
      paragraph('NORMAL_TEXT', []),
    ],
  };
  test('HTML: one h1, headings in order, escaped text, safe links only, a table with column headers', () => {
    const html = outlineHtml(outline);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(html.match(/<h1 /g)).toHaveLength(1);
    expect(html).toContain('>Goal &amp; more</h2>');
    expect(html).toMatch(/<h3 style="[^"]+">Win <span style="[^"]+">Featured<\/span><\/h3>/);
    expect(html).toContain('Line one<br>line &lt;two&gt;');
    // "this" means nothing read on its own: the link says where it goes.
    expect(html).toContain(
      'See <a href="https://ex.org/?a=1&amp;b=2" style="color:#1558d6;text-decoration:underline">this (ex.org/?a=1&amp;b=2)</a>',
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<li><strong>two</strong></li>');
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('>A &amp; B</td>');
    expect(html).not.toContain('<p style="margin:0 0 20px"></p>');
  });
  test('plain text in reading order, links written out', () => {
    expect(outlineText(outline)).toBe(
      [
        'T <1>',
        '',
        'GOAL & MORE',
        '-----------',
        '',
        '* Win (featured)',
        'Line one',
        'line <two>',
        'See this <https://ex.org/?a=1&b=2>',
        '',
        'bad',
        '',
        '- one',
        '- two',
        '',
        'At a glance',
        'Goal | Wins',
        'A & B | 2',
      ].join('\n'),
    );
  });
});
