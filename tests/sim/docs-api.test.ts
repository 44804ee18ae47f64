// The simulator's advanced Docs service, used from the host realm the way the add-on uses it: the API's index
// model, atomic batches, revisions, quotas; and the builder's requests applied to it give the outline back.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createSimulator,
  CUT_OFF_MESSAGE,
  docsApiService,
  simDocsApi,
  simDocuments,
  WRITES_PER_MINUTE,
} from '../../dev/sim';
import { insertBlocks, planDocument } from '../../src/domain/docs-requests';
import { list, paragraph, table } from '../../src/domain/outline';

function sim() {
  return createSimulator({ now: '2026-11-23T14:00:00Z', services: { Docs: docsApiService } });
}

/** The parts of a Docs API document these tests read. */
interface El {
  startIndex?: number;
  endIndex: number;
  paragraph?: {
    elements: Array<{ textRun?: { content: string; textStyle: { link?: { url: string }; bold?: boolean } } }>;
    paragraphStyle: { namedStyleType: string; direction: string };
    bullet?: { listId: string };
  };
  table?: { rows: number; columns: number; tableRows: Array<{ tableCells: Array<{ content: El[] }> }> };
}
interface DocJson {
  revisionId: string;
  body: { content: El[] };
  lists: Record<string, unknown>;
}

const docJson = (s: ReturnType<typeof sim>, id: string) => simDocsApi(s).json(id) as unknown as DocJson;

/** Paragraph texts with their start and end, in index order (tables' cells included). */
function paragraphsOf(json: DocJson): Array<{ start: number; end: number; text: string; style: string }> {
  const out: Array<{ start: number; end: number; text: string; style: string }> = [];
  const walk = (content: El[]) => {
    for (const el of content) {
      if (el.paragraph)
        out.push({
          start: el.startIndex ?? 0,
          end: el.endIndex,
          text: el.paragraph.elements.map((e) => e.textRun?.content ?? '').join(''),
          style: el.paragraph.paragraphStyle.namedStyleType,
        });
      if (el.table) for (const r of el.table.tableRows) for (const c of r.tableCells) walk(c.content);
    }
  };
  walk(json.body.content);
  return out;
}

describe('Docs.Documents', () => {
  test('create and get: a section break, one empty paragraph, a revision; metered with the cost model', () => {
    const s = sim();
    s.meter.reset();
    const doc = s.api.Docs.Documents.create({ title: 'Issue 1' });
    expect(doc.title).toBe('Issue 1');
    expect(doc.body.content).toEqual([
      expect.objectContaining({ endIndex: 1, sectionBreak: expect.any(Object) }),
      {
        startIndex: 1,
        endIndex: 2,
        paragraph: {
          elements: [{ startIndex: 1, endIndex: 2, textRun: { content: '\n', textStyle: {} } }],
          paragraphStyle: { namedStyleType: 'NORMAL_TEXT', direction: 'LEFT_TO_RIGHT' },
        },
      },
    ]);
    expect(doc.revisionId).toMatch(/^ALm/);
    expect(s.api.Docs.Documents.get(doc.documentId).revisionId).toBe(doc.revisionId);
    // The same Doc, seen by DocumentApp.
    expect(s.api.DocumentApp.openById(doc.documentId).getName()).toBe('Issue 1');
    expect(s.meter.byMethod['Docs.Documents.create']).toEqual({ calls: 1, ms: 800 });
    expect(s.meter.byMethod['Docs.Documents.get']).toEqual({ calls: 1, ms: 500 });
    s.meter.reset();
    s.api.Docs.Documents.batchUpdate(
      {
        requests: [
          { insertText: { location: { index: 1 }, text: 'a' } },
          { insertText: { location: { index: 1 }, text: 'b' } },
        ],
      },
      doc.documentId,
    );
    expect(s.meter.byMethod['Docs.Documents.batchUpdate']).toEqual({ calls: 1, ms: 504 });
    expect(() => s.api.Docs.Documents.get('nope')).toThrow(
      'API call to docs.documents.get failed with error: Requested entity was not found.',
    );
    expect(() => s.api.Docs.Documents.copy({}, doc.documentId)).toThrow(/not implemented/);
  });

  test('the builder’s requests give back the outline: headings, a partial-paragraph link, bullets, a table, RTL, emoji', () => {
    const s = sim();
    const { documentId } = s.api.Docs.Documents.create({ title: 'T' });
    const blocks = [
      paragraph('TITLE', [{ text: 'Riverside 🎉' }]),
      paragraph('HEADING_1', [{ text: 'Reading' }]),
      paragraph('NORMAL_TEXT', [{ text: 'See ' }, { text: 'the photos', link: 'https://ex.org/p' }, { text: ' now.' }]),
      list([[{ text: 'one' }], [{ text: 'two' }]]),
      table(
        [
          ['Goal', 'Wins'],
          ['Reading', '3'],
        ],
        true,
      ),
      paragraph('NORMAL_TEXT', [{ text: 'شكرا للعائلات' }]),
    ];
    const placed = insertBlocks(blocks, 1, true);
    const reply = s.api.Docs.Documents.batchUpdate({ requests: placed.requests }, documentId);
    const json = docJson(s, documentId);
    expect(reply.writeControl.requiredRevisionId).toBe(json.revisionId);
    const paras = paragraphsOf(json);
    expect(paras.map((p) => `${p.style}: ${p.text}`)).toEqual([
      'TITLE: Riverside 🎉\n',
      'HEADING_1: Reading\n',
      'NORMAL_TEXT: See the photos now.\n',
      'NORMAL_TEXT: one\n',
      'NORMAL_TEXT: two\n',
      'NORMAL_TEXT: Goal\n',
      'NORMAL_TEXT: Wins\n',
      'NORMAL_TEXT: Reading\n',
      'NORMAL_TEXT: 3\n',
      'NORMAL_TEXT: شكرا للعائلات\n',
    ]);
    // The body ends where the builder said its content would.
    const last = json.body.content[json.body.content.length - 1];
    expect(last.endIndex).toBe(placed.end + 1);
    // The link covers exactly "the photos".
    const linkPara = json.body.content[3].paragraph;
    expect(linkPara!.elements.map((e) => [e.textRun!.content, e.textRun!.textStyle.link?.url ?? null])).toEqual([
      ['See ', null],
      ['the photos', 'https://ex.org/p'],
      [' now.\n', null],
    ]);
    expect(json.body.content[4].paragraph?.bullet?.listId).toBe(json.body.content[5].paragraph?.bullet?.listId);
    expect(Object.keys(json.lists)).toHaveLength(1);
    const tableEl = json.body.content.find((e) => e.table)!;
    expect(tableEl.table).toMatchObject({ rows: 2, columns: 2 });
    expect(tableEl.table?.tableRows[0].tableCells[0].content[0].paragraph?.elements[0].textRun?.textStyle).toEqual({
      bold: true,
    });
    expect(last.paragraph?.paragraphStyle.direction).toBe('RIGHT_TO_LEFT');
    // DocumentApp reads the same model: headings, list items, a table, and the link on part of a paragraph.
    const els = simDocuments(s).elements(documentId);
    expect(els.map((e) => `${e.type} ${e.heading}`)).toEqual([
      'PARAGRAPH TITLE',
      'PARAGRAPH HEADING1',
      'PARAGRAPH NORMAL',
      'LIST_ITEM NORMAL',
      'LIST_ITEM NORMAL',
      'TABLE NORMAL',
      'PARAGRAPH NORMAL',
    ]);
    expect(els[5].cells).toEqual([
      ['Goal', 'Wins'],
      ['Reading', '3'],
    ]);
    const text = s.api.DocumentApp.openById(documentId).getBody().getChild(2).editAsText();
    expect(text.getLinkUrl(4)).toBe('https://ex.org/p');
    expect(text.getLinkUrl(0)).toBeNull();
    expect(text.getTextAttributeIndices()).toEqual([0, 4, 14]);
  });

  test('batches planned one after the other land where planned; the revision guards each', () => {
    const s = sim();
    const { documentId, revisionId } = s.api.Docs.Documents.create({ title: 'T' });
    const blocks = Array.from({ length: 30 }, (_, i) => [
      paragraph('HEADING_2', [{ text: `Win ${i} ✨` }], { unit: `W-${i}` }),
      paragraph('NORMAL_TEXT', [{ text: `Story ${i}` }, { text: ' featured', bold: true }], { unit: `W-${i}` }),
    ]).flat();
    const plan = planDocument(blocks, 1, 2, { limits: { maxRequests: 20, maxChars: 1e6 } });
    expect(plan.batches.length).toBeGreaterThan(2);
    let rev = revisionId;
    plan.batches.forEach((b, k) => {
      const reply = s.api.Docs.Documents.batchUpdate(
        { requests: b.requests, writeControl: { requiredRevisionId: rev } },
        documentId,
      );
      rev = reply.writeControl.requiredRevisionId;
      const json = docJson(s, documentId);
      expect(json.body.content[json.body.content.length - 1].endIndex).toBe(plan.ends[k + 1]);
      expect(
        paragraphsOf(json)
          .find((p) => p.start === b.probe.index)
          ?.text.startsWith(b.probe.text),
      ).toBe(true);
    });
    const texts = paragraphsOf(docJson(s, documentId)).map((p) => p.text);
    expect(texts).toHaveLength(60);
    expect(texts[58]).toBe('Win 29 ✨\n');
    // A stale revision is refused and nothing is applied.
    const before = docJson(s, documentId);
    expect(() =>
      s.api.Docs.Documents.batchUpdate(
        {
          requests: [{ insertText: { location: { index: 1 }, text: 'x' } }],
          writeControl: { requiredRevisionId: revisionId },
        },
        documentId,
      ),
    ).toThrow(
      'API call to docs.documents.batchUpdate failed with error: The required revision ID does not match the latest revision of the document.',
    );
    expect(docJson(s, documentId)).toEqual(before);
  });

  test('atomic: one bad request applies nothing; index errors as the API words them', () => {
    const s = sim();
    const { documentId } = s.api.Docs.Documents.create({ title: 'T' });
    s.api.Docs.Documents.batchUpdate(
      { requests: [{ insertText: { location: { index: 1 }, text: 'Hello' } }] },
      documentId,
    );
    const before = docJson(s, documentId);
    const call = (requests: unknown[]) => () => s.api.Docs.Documents.batchUpdate({ requests }, documentId);
    expect(
      call([
        { insertText: { location: { index: 1 }, text: 'ok ' } },
        { insertText: { location: { index: 40 }, text: 'x' } },
      ]),
    ).toThrow(
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[1].insertText: Index 40 must be less than the end index of the referenced segment, 10.',
    );
    expect(docJson(s, documentId)).toEqual(before);
    expect(
      call([{ updateTextStyle: { range: { startIndex: 1, endIndex: 7 }, textStyle: { bold: true }, fields: 'bold' } }]),
    ).toThrow(
      /Invalid requests\[0\]\.updateTextStyle: Index 7 must be less than the end index of the referenced segment, 7\./,
    );
    // Inside a table's structure there is no paragraph to insert into.
    s.api.Docs.Documents.batchUpdate(
      { requests: [{ insertTable: { rows: 1, columns: 1, location: { index: 6 } } }] },
      documentId,
    );
    // "Hello\n" 1-7, the table 7-12 (its row at 8, its cell at 9, the cell's paragraph 10-11), then a paragraph 12-13.
    expect(call([{ insertText: { location: { index: 7 }, text: 'x' } }])).toThrow(
      /Invalid requests\[0\]\.insertText: The insertion index must be inside the bounds of an existing paragraph/,
    );
    expect(call([{ mergeTableCells: {} }])).toThrow(/Simulator: Docs request mergeTableCells is not implemented/);
    expect(call([{ insertText: { location: { index: 9 }, text: 'x' } }])).toThrow(
      /inside the bounds of an existing paragraph/,
    );
    s.api.Docs.Documents.batchUpdate(
      { requests: [{ insertText: { location: { index: 10 }, text: 'in cell' } }] },
      documentId,
    );
    expect(simDocuments(s).elements(documentId)[1].cells).toEqual([['in cell']]);
  });

  test('text the API strips is stripped; replaceAllText is literal; deleteContentRange joins what is left', () => {
    const s = sim();
    const { documentId } = s.api.Docs.Documents.create({ title: 'T' });
    s.api.Docs.Documents.batchUpdate(
      { requests: [{ insertText: { location: { index: 1 }, text: 'A\u0001B\ue000C\n{{school}} $1 \\ {{#wins}}' } }] },
      documentId,
    );
    const r = s.api.Docs.Documents.batchUpdate(
      {
        requests: [
          { replaceAllText: { containsText: { text: '{{school}}', matchCase: true }, replaceText: '$1 & \\School' } },
          // "$1 & \\School $1 \\ " is 18 characters from 5: the marker after it goes.
          { deleteContentRange: { range: { startIndex: 23, endIndex: 32 } } },
        ],
      },
      documentId,
    );
    expect(r.replies[0]).toEqual({ replaceAllText: { occurrencesChanged: 1 } });
    expect(simDocuments(s).text(documentId)).toBe('ABC\n$1 & \\School $1 \\ ');
    // Deleting across a paragraph's newline joins the two.
    s.api.Docs.Documents.batchUpdate(
      { requests: [{ deleteContentRange: { range: { startIndex: 3, endIndex: 6 } } }] },
      documentId,
    );
    expect(simDocuments(s).text(documentId)).toBe('AB1 & \\School $1 \\ ');
  });

  test('deleteContentRange takes whole tables with the text around them, and refuses part of a table', () => {
    const s = sim();
    const { documentId } = s.api.Docs.Documents.create({ title: 'T' });
    const placed = insertBlocks(
      [
        paragraph('TITLE', [{ text: 'Title' }]),
        table([['a', 'b']], true),
        paragraph('NORMAL_TEXT', [{ text: 'after' }]),
        paragraph('HEADING_1', [{ text: 'Our notes' }]),
        paragraph('NORMAL_TEXT', [{ text: 'kept' }]),
      ],
      1,
      true,
    );
    s.api.Docs.Documents.batchUpdate({ requests: placed.requests }, documentId);
    const heading = paragraphsOf(docJson(s, documentId)).find((p) => p.text === 'Our notes\n')!;
    const table1 = docJson(s, documentId).body.content.find((el) => el.table)!;
    // Part of a table (its start without its end, or the newline before it alone) is refused, as the API does.
    for (const [startIndex, endIndex] of [
      [1, table1.startIndex! + 2],
      [table1.startIndex! - 1, table1.startIndex!],
    ])
      expect(() =>
        s.api.Docs.Documents.batchUpdate(
          { requests: [{ deleteContentRange: { range: { startIndex, endIndex } } }] },
          documentId,
        ),
      ).toThrow(/Invalid deletion range/);
    // An empty paragraph before the heading, then everything above it: the table goes with the text.
    s.api.Docs.Documents.batchUpdate(
      {
        requests: [
          { insertText: { location: { index: heading.start }, text: '\n' } },
          { deleteContentRange: { range: { startIndex: 1, endIndex: heading.start } } },
        ],
      },
      documentId,
    );
    // The empty paragraph is left (its style is whatever the merge gives: the content written into it sets its own).
    const after = simDocuments(s).elements(documentId);
    expect(after.map((e) => [e.type, e.text])).toEqual([
      ['PARAGRAPH', ''],
      ['PARAGRAPH', 'Our notes'],
      ['PARAGRAPH', 'kept'],
    ]);
    expect(after.slice(1).map((e) => e.heading)).toEqual(['HEADING1', 'NORMAL']);
  });

  test('the per-minute write quota answers like the API, and frees up as time passes', () => {
    const s = sim();
    const { documentId } = s.api.Docs.Documents.create({ title: 'T' });
    for (let i = 1; i < WRITES_PER_MINUTE; i++)
      s.api.Docs.Documents.batchUpdate(
        { requests: [{ insertText: { location: { index: 1 }, text: 'x' } }] },
        documentId,
      );
    expect(() =>
      s.api.Docs.Documents.batchUpdate(
        { requests: [{ insertText: { location: { index: 1 }, text: 'x' } }] },
        documentId,
      ),
    ).toThrow(
      "API call to docs.documents.batchUpdate failed with error: Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'docs.googleapis.com'",
    );
    // Waiting a minute (a sleep moves the clock) frees the quota.
    s.api.Utilities.sleep(60_000);
    s.api.Docs.Documents.batchUpdate({ requests: [{ insertText: { location: { index: 1 }, text: 'x' } }] }, documentId);
    expect(simDocsApi(s).recentWrites()).toBe(1);
  });

  test('a lost answer: the batch is applied, the caller sees an error', () => {
    const s = sim();
    const { documentId } = s.api.Docs.Documents.create({ title: 'T' });
    simDocsApi(s).loseAnswers('Docs.Documents.batchUpdate', 1);
    expect(() =>
      s.api.Docs.Documents.batchUpdate(
        { requests: [{ insertText: { location: { index: 1 }, text: 'x' } }] },
        documentId,
      ),
    ).toThrow(/Backend Error/);
    expect(simDocuments(s).text(documentId)).toBe('x');
  });
});

describe('registration and cut-offs', () => {
  function dist(manifest: object): string {
    const dir = mkdtempSync(join(tmpdir(), 'sim-docs-'));
    writeFileSync(
      join(dir, 'c.js'),
      'function probe() { return typeof Docs; }\nfunction make(n) { for (var i = 0; i < n; i++) Docs.Documents.create({ title: "D" + i }); return n; }',
    );
    writeFileSync(join(dir, 'appsscript.json'), JSON.stringify(manifest));
    return dir;
  }

  test('Docs exists only when the manifest enables it; it needs the documents scope', () => {
    const without = createSimulator();
    without.load(dist({ oauthScopes: ['https://www.googleapis.com/auth/documents'] }));
    expect(without.run('probe')).toBe('undefined');
    const enabled = {
      dependencies: { enabledAdvancedServices: [{ userSymbol: 'Docs', serviceId: 'docs', version: 'v1' }] },
    };
    const scoped = createSimulator();
    scoped.load(dist({ ...enabled, oauthScopes: ['https://www.googleapis.com/auth/documents'] }));
    expect(scoped.run('probe')).toBe('object');
    expect(scoped.run('make', 1)).toBe(1);
    const unscoped = createSimulator();
    unscoped.load(dist({ ...enabled, oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] }));
    expect(() => unscoped.run('make', 1)).toThrow(/insufficient authentication scopes/);
  });

  test('an execution cut off after a call: that call happened, nothing after it; the next run is whole', () => {
    const s = createSimulator();
    s.load(
      dist({
        oauthScopes: ['https://www.googleapis.com/auth/documents'],
        dependencies: { enabledAdvancedServices: [{ userSymbol: 'Docs', serviceId: 'docs', version: 'v1' }] },
      }),
    );
    s.cutOff('Docs.Documents.create', 2, 'after');
    expect(() => s.run('make', 5)).toThrow(CUT_OFF_MESSAGE);
    expect(simDocuments(s).list()).toHaveLength(2);
    s.cutOff('Docs.Documents.create', 1, 'before');
    expect(() => s.run('make', 5)).toThrow(CUT_OFF_MESSAGE);
    expect(simDocuments(s).list()).toHaveLength(2);
    expect(s.run('make', 3)).toBe(3);
    expect(simDocuments(s).list()).toHaveLength(5);
  });
});
