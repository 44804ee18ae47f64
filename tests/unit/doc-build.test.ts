// Resuming a Doc batch by batch: reading the Docs API's document back, telling which batches of a plan it holds,
// and telling the API's answers apart.
import {
  appliedBatches,
  bodyElements,
  bodyEnd,
  docsFailure,
  findParagraph,
  paragraphsOf,
  DocsJson,
} from '../../src/domain/doc-build';
import { planDocument } from '../../src/domain/docs-requests';
import { paragraph } from '../../src/domain/outline';

/** A body of paragraphs as the API returns it, from 1. */
function doc(texts: string[]): DocsJson {
  let i = 1;
  const content = texts.map((t) => {
    const el = {
      startIndex: i,
      endIndex: i + t.length + 1,
      paragraph: { elements: [{ textRun: { content: `${t}\n` } }] },
    };
    i += t.length + 1;
    return el;
  });
  return { revisionId: 'r', body: { content: [{ endIndex: 1 }, ...content] } };
}

describe('reading the document back', () => {
  test('paragraphs with their indexes, the body end, a marker paragraph', () => {
    const d = doc(['Title', '{{#wins}}', 'Bye']);
    expect(paragraphsOf(d).map((p) => [p.start, p.end, p.text])).toEqual([
      [1, 7, 'Title'],
      [7, 17, '{{#wins}}'],
      [17, 21, 'Bye'],
    ]);
    expect(bodyEnd(d)).toBe(21);
    expect(findParagraph(d, /^\{\{#wins\}\}$/)?.start).toBe(7);
    expect(findParagraph(d, /nothing/)).toBeNull();
  });

  test("a template's elements as DocumentApp counts them: section breaks left out, lists, tables, emphasis", () => {
    const d: DocsJson = {
      body: {
        content: [
          { endIndex: 1, sectionBreak: {} },
          {
            paragraph: {
              elements: [{ textRun: { content: '{{school}}\n', textStyle: { bold: true } } }],
              paragraphStyle: { namedStyleType: 'HEADING_2' },
            },
          },
          {
            paragraph: {
              elements: [
                { textRun: { content: 'part ', textStyle: { italic: true } } },
                { textRun: { content: 'plain\n', textStyle: {} } },
              ],
              paragraphStyle: { namedStyleType: 'NORMAL_TEXT' },
              bullet: { listId: 'l' },
            },
          },
          { sectionBreak: {} },
          {
            table: {
              tableRows: [
                { tableCells: [{ content: [{ paragraph: { elements: [{ textRun: { content: 'a\n' } }] } }] }] },
              ],
            },
          },
        ],
      },
    };
    expect(bodyElements(d)).toEqual([
      { type: 'PARAGRAPH', text: '{{school}}', heading: 'HEADING2', bold: true, italic: false, underline: false },
      { type: 'LIST_ITEM', text: 'part plain', heading: 'NORMAL', bold: false, italic: false, underline: false },
      { type: 'TABLE', text: 'a', heading: 'NORMAL', bold: false, italic: false, underline: false, cells: [['a']] },
    ]);
  });

  test('which batches a document holds: by where its body ends and where each batch’s first text went', () => {
    const blocks = ['a', 'b', 'c'].map((id) => paragraph('HEADING_2', [{ text: `Win ${id}` }], { unit: id }));
    // A run of paragraphs costs 4 requests, each heading 1 more: one win per batch.
    const plan = planDocument(blocks, 1, 2, { limits: { maxRequests: 5, maxChars: 1e6 } });
    expect(plan.batches).toHaveLength(3);
    expect(appliedBatches(plan, doc(['']))).toBe(0);
    expect(appliedBatches(plan, doc(['Win a', '']))).toBe(1);
    expect(appliedBatches(plan, doc(['Win a', 'Win b', '']))).toBe(2);
    expect(appliedBatches(plan, doc(['Win a', 'Win b', 'Win c']))).toBe(3);
    // As long as batch 2 but not what it wrote: someone typed in the Doc.
    expect(appliedBatches(plan, doc(['Win a', 'Typed', '']))).toBeNull();
    expect(appliedBatches(plan, doc(['Something else entirely']))).toBeNull();
  });

  test("the API's answers: the write quota, a stale revision, a bad request, anything else", () => {
    const e = (m: string) => new Error(`API call to docs.documents.batchUpdate failed with error: ${m}`);
    expect(
      docsFailure(e("Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user'")),
    ).toBe('quota');
    expect(docsFailure(e('The required revision ID does not match the latest revision of the document.'))).toBe(
      'revision',
    );
    expect(
      docsFailure(
        e('Invalid requests[3].insertText: Index 57 must be less than the end index of the referenced segment, 40.'),
      ),
    ).toBe('invalid');
    expect(docsFailure(e('Backend Error'))).toBe('other');
  });
});
