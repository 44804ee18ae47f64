// The simulator's DocumentApp and advanced Gmail service, used from the host realm (sim.api) the way the
// add-on uses them: Docs built, copied and edited; drafts made from raw MIME; faults injected.
import { createSimulator, documentService, javaReplace, simDocuments, gmailService, simGmail } from '../../dev/sim';
import { rawMessage } from '../../src/domain/mime';

function sim() {
  return createSimulator({
    now: '2026-11-23T14:00:00Z',
    refusals: { 'Gmail.Users.Drafts.send': 'this add-on never sends email' },
    services: { DocumentApp: documentService, Gmail: gmailService },
  });
}

describe('DocumentApp', () => {
  test('create, append with headings and attributes, read back; metered with the cost model', () => {
    const s = sim();
    const { DocumentApp } = s.api;
    s.meter.reset();
    const doc = DocumentApp.create('Issue');
    const body = doc.getBody();
    body.getChild(0).asParagraph().setText('Title');
    body.appendParagraph('Goal').setHeading(DocumentApp.ParagraphHeading.HEADING2);
    const p = body
      .appendParagraph('Story')
      .setAttributes({ ITALIC: true, HEADING: DocumentApp.ParagraphHeading.NORMAL });
    body.appendListItem('Item');
    body.appendTable([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    body.appendHorizontalRule();
    expect(p.getAttributes().ITALIC).toBe(true);
    expect(body.getChild(1).asParagraph().getHeading()).toBe(DocumentApp.ParagraphHeading.HEADING2);
    expect(body.getChild(4).getType()).toBe(DocumentApp.ElementType.TABLE);
    expect(() => body.getChild(1).asTable()).toThrow(/Cannot convert element PARAGRAPH to TABLE/);
    expect(body.getText()).toBe('Title\nGoal\nStory\nItem\na\tb\nc\td\n');
    expect(DocumentApp.openById(doc.getId()).getBody().getNumChildren()).toBe(6);
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(s.meter.byMethod['DocumentApp.create']).toEqual({ calls: 1, ms: 800 });
    expect(s.meter.byMethod['DocumentApp.openById']).toEqual({ calls: 1, ms: 500 });
    expect(s.meter.byMethod['Body.appendParagraph']).toEqual({ calls: 2, ms: 100 });
    expect(
      simDocuments(s)
        .elements(doc.getId())
        .map((e) => e.type),
    ).toEqual(['PARAGRAPH', 'PARAGRAPH', 'PARAGRAPH', 'LIST_ITEM', 'TABLE', 'HORIZONTAL_RULE']);
    expect(() => DocumentApp.openById('nope')).toThrow(/Document is missing/);
    expect(() => doc.getBody().getFootnotes()).toThrow(/Body\.getFootnotes is not implemented/);
  });

  test('copies of elements from another Doc, appended once each; attached elements are refused', () => {
    const s = sim();
    const { DocumentApp } = s.api;
    const tid = simDocuments(s).createDoc('Template', [
      { text: 'Hello {{school}}', heading: 'HEADING1', attrs: { BOLD: true } },
      { type: 'TABLE', cells: [['x']] },
    ]);
    const tbody = DocumentApp.openById(tid).getBody();
    const body = DocumentApp.create('New').getBody();
    const src = tbody.getChild(0).asParagraph();
    const a = body.appendParagraph(src.copy());
    body.appendParagraph(src.copy());
    body.appendTable(tbody.getChild(1).asTable().copy());
    a.setText('Changed');
    expect(() => body.appendParagraph(src)).toThrow(/Element must be detached/);
    expect(src.getText()).toBe('Hello {{school}}');
    const newId = simDocuments(s).list()[1].id;
    expect(
      simDocuments(s)
        .elements(newId)
        .map((e) => `${e.type} ${e.heading} ${e.text} ${String(e.attrs.BOLD ?? '')}`),
    ).toEqual([
      'PARAGRAPH NORMAL  ',
      'PARAGRAPH HEADING1 Changed true',
      'PARAGRAPH HEADING1 Hello {{school}} true',
      'TABLE NORMAL x ',
    ]);
  });

  test('styles on part of a paragraph are kept as runs, through edits and replaceText', () => {
    const s = sim();
    const { DocumentApp } = s.api;
    const doc = DocumentApp.create('Runs');
    const p = doc.getBody().appendParagraph('See the photos here');
    const t = p.editAsText();
    t.setLinkUrl(4, 13, 'https://ex.org/p');
    t.setBold(15, 18, true);
    expect(t.getTextAttributeIndices()).toEqual([0, 4, 14, 15]);
    expect(t.getLinkUrl(5)).toBe('https://ex.org/p');
    expect(t.isBold(16)).toBe(true);
    expect(t.isBold(2)).toBe(false);
    t.insertText(0, '>> ');
    p.replaceText('here', 'there');
    const [, view] = simDocuments(s).elements(doc.getId());
    expect(view.runs).toEqual([
      { text: '>> See ', attrs: {} },
      { text: 'the photos', attrs: { LINK_URL: 'https://ex.org/p' } },
      { text: ' ', attrs: {} },
      { text: 'there', attrs: { BOLD: true } },
    ]);
    // Bold on the whole paragraph replaces the stretches' own.
    p.editAsText().setBold(false);
    expect(p.editAsText().isBold(20)).toBe(false);
  });

  test('replaceText takes a regular expression and a Java-style replacement', () => {
    const err = (m: string) => new Error(m);
    expect(javaReplace('{{school}} rocks', '\\{\\{school\\}\\}', 'Riverside', err)).toBe('Riverside rocks');
    expect(javaReplace('a-b', '(a)-(b)', '$2-$1', err)).toBe('b-a');
    expect(javaReplace('price', 'price', '\\$5', err)).toBe('$5');
    expect(() => javaReplace('price', 'price', '$x', err)).toThrow(/Illegal group reference/);
    expect(() => javaReplace('p', 'p', '$1', err)).toThrow(/No group 1/);
  });

  test('faults: the next N calls of a method fail, then it works again', () => {
    const s = sim();
    const docs = simDocuments(s);
    docs.failNext('DocumentApp.create', 2, 'Service unavailable: Docs');
    expect(() => s.api.DocumentApp.create('x')).toThrow('Service unavailable: Docs');
    expect(() => s.api.DocumentApp.create('x')).toThrow('Service unavailable: Docs');
    expect(s.api.DocumentApp.create('x').getName()).toBe('x');
    docs.failNext('Docs.*', 1);
    expect(() => s.api.DocumentApp.create('y')).toThrow(/Service Documents failed/);
    expect(docs.list()).toHaveLength(1);
  });
});

describe('advanced Gmail service', () => {
  test('a raw MIME draft is kept decoded; remove and get; never sent', () => {
    const s = sim();
    const raw = rawMessage({
      from: { address: 'principal@school.example', name: 'Zoë' },
      to: ['a@s.example'],
      bcc: ['b@s.example'],
      subject: 'Été',
      html: '<p>Hi</p>',
      text: 'Hi',
    });
    s.meter.reset();
    const d = s.api.Gmail.Users.Drafts.create({ message: { raw } }, 'me');
    expect(s.meter.byMethod['Gmail.Users.Drafts.create']).toEqual({ calls: 1, ms: 400 });
    const [kept] = simGmail(s).drafts();
    expect(kept).toMatchObject({
      id: d.id,
      subject: 'Été',
      from: 'Zoë <principal@school.example>',
      to: ['a@s.example'],
      bcc: ['b@s.example'],
      html: '<p>Hi</p>',
      text: 'Hi',
    });
    expect(s.api.Gmail.Users.Drafts.get('me', d.id).id).toBe(d.id);
    expect(() => s.api.Gmail.Users.Drafts.send({ id: d.id }, 'me')).toThrow(/never sends/);
    s.api.Gmail.Users.Drafts.remove('me', d.id);
    expect(simGmail(s).drafts()).toHaveLength(0);
    expect(() => s.api.Gmail.Users.Drafts.remove('me', d.id)).toThrow(/not found/);
  });

  test('bad raw messages and injected faults fail like the API', () => {
    const s = sim();
    expect(() => s.api.Gmail.Users.Drafts.create({ message: {} }, 'me')).toThrow(/raw is required/);
    expect(() =>
      s.api.Gmail.Users.Drafts.create(
        { message: { raw: Buffer.from('Subject: x\r\n\r\nnaïve').toString('base64url') } },
        'me',
      ),
    ).toThrow(/8-bit/);
    simGmail(s).failNext('Gmail.Users.Drafts.create', 1);
    const raw = rawMessage({ subject: 's', html: 'h', text: 't' });
    expect(() => s.api.Gmail.Users.Drafts.create({ message: { raw } }, 'me')).toThrow(/Backend Error/);
    expect(s.api.Gmail.Users.Drafts.create({ message: { raw } }, 'me').id).toMatch(/^r-/);
  });
});

describe('advanced Gmail service: finding drafts again (Drafts.list with q, Drafts.get with format)', () => {
  function make(s: ReturnType<typeof sim>, subject: string, mark?: string): string {
    const raw = rawMessage({
      to: ['staff@s.example'],
      subject,
      html: '<p>Hello <b>all</b></p>',
      text: 'Hello all',
      extraHeaders: mark ? { 'X-Small-Wins-Issue': mark } : undefined,
    });
    return s.api.Gmail.Users.Drafts.create({ message: { raw } }, 'me').id as string;
  }

  test('list: newest first, only IDs, q by subject words or phrase, maxResults with a next page', () => {
    const s = sim();
    const a = make(s, 'Riverside Small Wins: 23 November 2026');
    const b = make(s, 'Riverside Small Wins: 24 November 2026');
    const c = make(s, 'Lunch menu');
    const { Drafts } = s.api.Gmail.Users;
    const all = Drafts.list('me');
    expect(all.drafts.map((d: { id: string }) => d.id)).toEqual([c, b, a]);
    expect(all.resultSizeEstimate).toBe(3);
    expect(Object.keys(all.drafts[0].message).sort()).toEqual(['id', 'threadId']);
    const ids = (q: string, more: Record<string, unknown> = {}) =>
      (Drafts.list('me', { q, ...more }).drafts ?? []).map((d: { id: string }) => d.id);
    expect(ids('subject:"Riverside Small Wins: 23 November 2026"')).toEqual([a]);
    // Gmail matches words, not characters: punctuation and case do not matter; the phrase keeps its order.
    expect(ids('subject:"riverside small wins 23 november 2026"')).toEqual([a]);
    expect(ids('subject:"November 23"')).toEqual([]);
    expect(ids('subject:(november riverside)')).toEqual([b, a]);
    expect(ids('subject:lunch')).toEqual([c]);
    expect(ids('subject:wins subject:24')).toEqual([b]);
    const first = Drafts.list('me', { q: 'subject:november', maxResults: 1 });
    expect(first.drafts.map((d: { id: string }) => d.id)).toEqual([b]);
    expect(first.resultSizeEstimate).toBe(2);
    const next = Drafts.list('me', { q: 'subject:november', maxResults: 1, pageToken: first.nextPageToken });
    expect(next.drafts.map((d: { id: string }) => d.id)).toEqual([a]);
    expect(next.nextPageToken).toBeUndefined();
    expect(Drafts.list('me', { q: 'subject:"no such thing"' })).toEqual({ resultSizeEstimate: 0 });
    expect(() => Drafts.list('me', { q: 'from:ana' })).toThrow(/not implemented/);
    simGmail(s).send(a);
    expect(ids('subject:riverside')).toEqual([b]);
  });

  test('get: minimal, metadata (headers as written, decoded), full (parts with bodies), raw; a bad format fails', () => {
    const s = sim();
    const id = make(s, 'Été à l’école', 'Staff 2026-W48; doc=1abc');
    const { Drafts } = s.api.Gmail.Users;
    s.meter.reset();
    const minimal = Drafts.get('me', id, { format: 'minimal' });
    expect(minimal.message.payload).toBeUndefined();
    expect(minimal.message.labelIds).toEqual(['DRAFT']);
    const meta = Drafts.get('me', id, { format: 'metadata' });
    const header = (name: string) =>
      meta.message.payload.headers.find((h: { name: string }) => h.name === name)?.value as string | undefined;
    expect(header('Subject')).toBe('Été à l’école');
    expect(header('X-Small-Wins-Issue')).toBe('Staff 2026-W48; doc=1abc');
    expect(header('To')).toBe('staff@s.example');
    expect(meta.message.payload.parts).toBeUndefined();
    const full = Drafts.get('me', id);
    expect(full.message.payload.mimeType).toBe('multipart/alternative');
    const [plain, html] = full.message.payload.parts;
    expect([plain.partId, plain.mimeType, html.partId, html.mimeType]).toEqual(['0', 'text/plain', '1', 'text/html']);
    expect(Buffer.from(html.body.data, 'base64url').toString('utf8')).toBe('<p>Hello <b>all</b></p>');
    expect(full.message.snippet).toBe('Hello all');
    expect(Drafts.get('me', id, { format: 'raw' }).message.raw).toBe(simGmail(s).get(id)!.raw);
    expect(() => Drafts.get('me', id, { format: 'everything' })).toThrow(/Invalid value at 'format'/);
    expect(s.meter.byMethod['Gmail.Users.Drafts.get'].calls).toBe(5);
  });

  test('a fault "after": the draft is made, then the call fails', () => {
    const s = sim();
    simGmail(s).failNext('Gmail.Users.Drafts.create', 1, 'Backend Error', { after: true });
    expect(() => make(s, 'Once')).toThrow(/Backend Error/);
    expect(
      simGmail(s)
        .drafts()
        .map((d) => d.subject),
    ).toEqual(['Once']);
    make(s, 'Twice');
    expect(simGmail(s).drafts()).toHaveLength(2);
  });
});
