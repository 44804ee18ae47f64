// Family languages, pure: the pick list and its settings, placeholders for names, the school and links, pieces of at
// most 5,000 characters cut between paragraphs, reading the answers back (a lost token fails), and the composed email.
import {
  formatLanguageDrafts,
  LANGUAGE_CHOICES,
  languageChoice,
  MAX_FAMILY_LANGUAGES,
  parseLanguageDrafts,
} from '../../src/domain/family-languages';
import { utf8Bytes } from '../../src/domain/mime';
import { Block, Outline, paragraph, table, list } from '../../src/domain/outline';
import { outlineText } from '../../src/domain/outline-render';
import { settingsToInput, validateSettings, withDefaults } from '../../src/domain/settings';
import {
  CHUNK_LIMIT,
  fitTranslatedEmail,
  NOTICE,
  ORIGINAL_HEADING,
  ORIGINAL_LEFT_OUT,
  planTranslation,
  readTranslation,
  translatedOutline,
  TranslationPlan,
} from '../../src/domain/translation';

/** A stand-in translator: upper-cases text outside tags and translate="no" spans, as a service would change it. */
function fakeTranslate(html: string): string {
  return html.replace(
    /(<span translate="no">[^<]*<\/span>)|(<[^>]+>)|([^<]+)/g,
    (_m, keep, tag, text) =>
      keep ||
      tag ||
      (text as string).replace(/&[a-z#0-9]+;|[a-z]+/gi, (w) => (w.startsWith('&') ? w : w.toUpperCase())),
  );
}

function outlineOf(blocks: Block[]): Outline {
  return { title: 'Maple Grove: Small Wins', lang: 'en', blocks };
}

const sample = outlineOf([
  paragraph('TITLE', [{ text: 'Maple Grove Elementary: Small Wins' }]),
  paragraph('HEADING_1', [{ text: 'Reading for all' }]),
  paragraph('HEADING_2', [{ text: 'Reading buddies' }, { text: ' ' }, { text: 'Featured', label: true }]),
  paragraph('NORMAL_TEXT', [{ text: 'Year 2 read to Year 5 <b>every</b> Friday & more.' }], {
    role: 'text',
    unit: 'W-1',
  }),
  paragraph(
    'NORMAL_TEXT',
    [
      { text: 'How we know: ', bold: true },
      { text: 'Logs at ' },
      { text: 'https://school.example/logs', link: 'https://school.example/logs' },
      { text: ', ask office@school.example.' },
    ],
    { role: 'text', unit: 'W-1' },
  ),
  paragraph('NORMAL_TEXT', [{ text: 'Shared by Ana López, Teacher' }], { role: 'meta', unit: 'W-1' }),
  paragraph('NORMAL_TEXT', [{ text: 'Read the whole story', link: 'https://school.example/story' }]),
  table(
    [
      ['Goal', 'Wins'],
      ['Reading for all', '3'],
    ],
    true,
    { caption: 'At a glance' },
  ),
  list([[{ text: 'First point' }], [{ text: 'Second, by Ana López' }]]),
]);

const protect = ['Maple Grove Elementary', 'Ana López', 'Ana'];

function translated(plan: TranslationPlan) {
  const r = readTranslation(plan, plan.chunks.map(fakeTranslate));
  if (!r.ok) throw new Error(r.reason);
  return r.translated;
}

describe('the pick list and the settings', () => {
  test('the languages the issue names, with codes; right to left for ar, he, fa, ur only', () => {
    const codes = LANGUAGE_CHOICES.map((l) => l.code);
    for (const c of ['es', 'ar', 'zh-CN', 'vi', 'so', 'ht', 'pt', 'fr', 'ru', 'uk', 'pl', 'ur', 'bn', 'fa', 'ko', 'he'])
      expect(codes).toContain(c);
    expect(new Set(codes).size).toBe(codes.length);
    expect(LANGUAGE_CHOICES.filter((l) => l.rtl).map((l) => l.code)).toEqual(['ar', 'ur', 'fa', 'he']);
    expect(languageChoice('es')).toMatchObject({ name: 'Spanish', native: 'Español' });
  });

  const base = {
    schoolName: 'Maple Grove',
    audiences: {
      Staff: { enabled: true, recipients: 'staff@school.example' },
      Families: { enabled: true, recipients: 'families@school.example' },
      Public: { enabled: false, recipients: '' },
    },
    cadence: { kind: 'off', weekday: 5, monthDay: 1, hour: 7 },
    template: '',
    senderName: '',
    replyTo: '',
    creditContributors: true,
  };

  test('each language with its own recipients, checked like an audience, round-tripped', () => {
    const ok = validateSettings({
      ...base,
      familyLanguages: [
        { code: 'es', recipients: 'a@school.example, b@school.example; a@school.example' },
        { code: 'ar', recipients: 'Ali <ali@home.example>' },
      ],
    });
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.settings.familyLanguages).toEqual([
      { code: 'es', recipients: ['a@school.example', 'b@school.example'] },
      { code: 'ar', recipients: ['ali@home.example'] },
    ]);
    expect(settingsToInput(ok.settings).familyLanguages).toEqual([
      { code: 'es', recipients: 'a@school.example, b@school.example' },
      { code: 'ar', recipients: 'ali@home.example' },
    ]);
    expect(withDefaults(JSON.parse(JSON.stringify(ok.settings))).familyLanguages).toEqual(ok.settings.familyLanguages);
    // Older stored settings have none; unknown codes are dropped.
    expect(withDefaults({}).familyLanguages).toEqual([]);
    expect(withDefaults({ familyLanguages: [{ code: 'xx', recipients: [] }, 'junk'] }).familyLanguages).toEqual([]);
  });

  test('errors by row, as sentences', () => {
    const r = validateSettings({
      ...base,
      familyLanguages: [
        { code: 'es', recipients: 'not an address' },
        { code: 'es', recipients: 'a@school.example' },
        { code: 'klingon', recipients: 'a@school.example' },
        { code: 'ar', recipients: '' },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors['language.0']).toMatch(/"not" is not an email address|are not email addresses/);
    expect(r.errors['language.1']).toBe('Spanish is listed twice: put all its addresses in one row.');
    expect(r.errors['language.2']).toBe('Choose a language from the list.');
    expect(r.errors['language.3']).toBe(
      'Add at least one address (or a Google Group) for Arabic, or remove the language.',
    );
    const many = LANGUAGE_CHOICES.slice(0, MAX_FAMILY_LANGUAGES + 1).map((l) => ({
      code: l.code,
      recipients: 'a@school.example',
    }));
    const tooMany = validateSettings({ ...base, familyLanguages: many });
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.errors[`language.${MAX_FAMILY_LANGUAGES}`]).toMatch(/at most 10 languages/);
  });

  test('long lists of a language count against the settings size, named on that row', () => {
    const addresses = Array.from({ length: 500 }, (_, i) => `parent.number.${i}@families.example`).join(', ');
    const r = validateSettings({
      ...base,
      familyLanguages: LANGUAGE_CHOICES.slice(0, MAX_FAMILY_LANGUAGES).map((l) => ({
        code: l.code,
        recipients: addresses,
      })),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual([expect.stringMatching(/^language\.\d$/)]);
    if (!r.ok) expect(Object.values(r.errors)[0]).toMatch(/KB of settings/);
  });

  test('the Newsletters sheet cell of drafts per language', () => {
    const drafts = [
      { code: 'es', draftId: 'r-1', english: false },
      { code: 'zh-CN', draftId: 'r-2', english: true },
    ];
    expect(formatLanguageDrafts(drafts)).toBe('es r-1; zh-CN r-2 English');
    expect(parseLanguageDrafts('es r-1; zh-CN r-2 English; ; junk')).toEqual(drafts);
  });
});

describe('planning the calls', () => {
  test('names, the school, addresses and emails become tokens; tags in typed text stay text', () => {
    const plan = planTranslation({ outline: sample, subject: 'Maple Grove Elementary — for families', protect });
    const all = plan.chunks.join('');
    expect(plan.chunks).toHaveLength(1);
    expect(all).not.toMatch(/Maple Grove Elementary|Ana López|school\.example/);
    expect(plan.tokens.map((t) => t.text)).toEqual([
      'Maple Grove Elementary',
      'Maple Grove Elementary',
      'https://school.example/logs',
      'office@school.example',
      'Ana López',
      'Ana López',
    ]);
    expect(all).toContain('&lt;b&gt;every&lt;/b&gt; Friday &amp; more.');
    expect(all).toContain('<a href="#k0">Read the whole story</a>');
    // Numbers are not sent.
    expect(all).not.toContain('>3<');
  });

  test('pieces of at most 5,000 characters, cut between paragraphs, one story cut between sentences', () => {
    const many = outlineOf(
      Array.from({ length: 300 }, (_, i) =>
        paragraph('NORMAL_TEXT', [{ text: `Win ${i}: students swapped drafts and improved them.` }], { role: 'text' }),
      ),
    );
    const plan = planTranslation({ outline: many, subject: 'S', protect: [] });
    expect(plan.chunks.length).toBeGreaterThan(1);
    for (const c of plan.chunks) expect(c.length).toBeLessThanOrEqual(CHUNK_LIMIT);
    const total = plan.chunks.join('').length;
    expect(plan.chunks.length).toBeLessThanOrEqual(Math.ceil(total / 4500));
    for (const c of plan.chunks) expect(c).toMatch(/^<div id="s\d+">[\s\S]*<\/div>$/);

    const story = 'Students read together every Friday. '.repeat(400);
    const long = planTranslation({
      outline: outlineOf([paragraph('NORMAL_TEXT', [{ text: story }], { role: 'text' })]),
      subject: 'S',
      protect: [],
    });
    for (const c of long.chunks) expect(c.length).toBeLessThanOrEqual(CHUNK_LIMIT);
    const back = translated(long);
    const text = back.blocks[0].kind === 'paragraph' ? back.blocks[0].spans.map((s) => s.text).join('') : '';
    expect(text.replace(/\s+/g, ' ').trim()).toBe(story.toUpperCase().replace(/\s+/g, ' ').trim());
  });
});

describe('reading the translation back', () => {
  const plan = planTranslation({ outline: sample, subject: 'Maple Grove Elementary — for families', protect });

  test('blocks in place, formatting, links and protected text restored', () => {
    const t = translated(plan);
    expect(t.subject).toBe('Maple Grove Elementary — FOR FAMILIES');
    expect(t.notice).toBe(NOTICE.toUpperCase());
    const [title, h1, h2, text, evidence, meta, link, tbl, lst] = t.blocks;
    expect(title).toMatchObject({ style: 'TITLE', spans: [{ text: 'Maple Grove Elementary: SMALL WINS' }] });
    expect(h1).toMatchObject({ style: 'HEADING_1', spans: [{ text: 'READING FOR ALL' }] });
    expect(h2).toMatchObject({ spans: [{ text: 'READING BUDDIES ' }, { text: 'FEATURED', label: true }] });
    expect(text).toMatchObject({
      role: 'text',
      unit: 'W-1',
      spans: [{ text: 'YEAR 2 READ TO YEAR 5 <B>EVERY</B> FRIDAY & MORE.' }],
    });
    expect(evidence).toMatchObject({
      spans: [
        { text: 'HOW WE KNOW: ', bold: true },
        { text: 'LOGS AT ' },
        { text: 'https://school.example/logs', link: 'https://school.example/logs' },
        { text: ', ASK office@school.example.' },
      ],
    });
    expect(meta).toMatchObject({ spans: [{ text: 'SHARED BY Ana López, TEACHER' }] });
    expect(link).toMatchObject({ spans: [{ text: 'READ THE WHOLE STORY', link: 'https://school.example/story' }] });
    expect(tbl).toMatchObject({
      caption: 'AT A GLANCE',
      rows: [
        ['GOAL', 'WINS'],
        ['READING FOR ALL', '3'],
      ],
    });
    expect(lst).toMatchObject({ items: [[{ text: 'FIRST POINT' }], [{ text: 'SECOND, BY Ana López' }]] });
  });

  test('a lost, repeated or altered token, a lost paragraph or a changed link fails the language', () => {
    const answers = plan.chunks.map(fakeTranslate);
    const lost = readTranslation(plan, [answers[0].replace('⟦4⟧', '')]);
    expect(lost).toEqual({
      ok: false,
      reason: 'a name, the school’s name or a link was lost in translation (“Ana López”)',
    });
    const twice = readTranslation(plan, [answers[0].replace('⟦4⟧', '⟦4⟧ ⟦4⟧')]);
    expect(twice.ok).toBe(false);
    expect(readTranslation(plan, [answers[0].replace('⟦2⟧', '⟦ 2⟧')]).ok).toBe(false);
    expect(readTranslation(plan, [answers[0].replace('⟦2⟧', '⟦99⟧')]).ok).toBe(false);
    expect(readTranslation(plan, [answers[0].replace(/<div id="s3">[\s\S]*?<\/div>/, '')])).toEqual({
      ok: false,
      reason: 'a paragraph was lost in translation',
    });
    expect(readTranslation(plan, [answers[0].replace('#k0', '#k7')]).ok).toBe(false);
    expect(readTranslation(plan, [])).toEqual({ ok: false, reason: 'part of the newsletter was not translated' });
  });

  test('what a service adds around the markup is tolerated: entities, other tags, attribute quotes', () => {
    const answers = plan.chunks.map((c) =>
      fakeTranslate(c)
        .replace(/<div id="s1">/, "<div id='s1' class=x><font>")
        .replace(/(<div id='s1' class=x><font>[^<]*)/, '$1</font>'),
    );
    const r = readTranslation(plan, answers);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.translated.notice).toBe(NOTICE.toUpperCase());
  });
});

describe('the translated email', () => {
  const plan = planTranslation({ outline: sample, subject: 'Maple Grove Elementary — for families', protect });
  const t = translated(plan);

  test('lang and dir, the notice in both languages after the title, the English original below a level down', () => {
    const outline = translatedOutline({ code: 'ar', rtl: true, translated: t, englishAt: () => sample });
    expect(outline).toMatchObject({ lang: 'ar', dir: 'rtl', title: t.subject });
    expect(outline.blocks[0]).toMatchObject({ style: 'TITLE' });
    expect(outline.blocks[1]).toMatchObject({
      role: 'note',
      spans: [{ text: t.notice }, { text: ' ' }, { text: NOTICE, lang: 'en', dir: 'ltr' }],
    });
    expect(outline.original?.blocks[0]).toMatchObject({ style: 'HEADING_1', spans: [{ text: ORIGINAL_HEADING }] });
    expect(outline.original?.blocks[1]).toMatchObject({
      style: 'HEADING_2',
      spans: [{ text: 'Maple Grove Elementary: Small Wins' }],
    });
    expect(outline.original?.blocks[2]).toMatchObject({ style: 'HEADING_2', spans: [{ text: 'Reading for all' }] });
    expect(outline.original?.blocks[3]).toMatchObject({ style: 'HEADING_3' });
    const email = fitTranslatedEmail({ code: 'ar', rtl: true, translated: t, englishAt: () => sample });
    expect(email.html).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl">/);
    expect(email.html.match(/<h1\b/g)).toHaveLength(1);
    expect(email.text).toBe(outlineText(outline));
    expect(email.text.indexOf('READING BUDDIES')).toBeLessThan(email.text.indexOf('Reading buddies'));
  });

  test('right to left: the table starts from the right, typed text stays as typed', () => {
    const typed = 'Our CSS club wrote text-align:left and padding:1px 2px 3px 4px; today.';
    const outline = outlineOf([
      paragraph('TITLE', [{ text: 'T' }]),
      paragraph('NORMAL_TEXT', [{ text: typed }], { role: 'text' }),
      table([['Goal'], ['Reading']], true),
    ]);
    const back = readTranslation(
      planTranslation({ outline, subject: 'S', protect: [] }),
      planTranslation({ outline, subject: 'S', protect: [] }).chunks,
    );
    if (!back.ok) throw new Error(back.reason);
    const email = fitTranslatedEmail({ code: 'he', rtl: true, translated: back.translated, englishAt: () => outline });
    const rtlPart = email.html.slice(0, email.html.indexOf('<div lang="en"'));
    expect(rtlPart).toContain(typed);
    expect(rtlPart).toMatch(/<th scope="col" style="[^"]*text-align:right">/);
    expect(rtlPart).not.toMatch(/style="[^"]*(text-align:left|padding-left)/);
  });

  test('too big: the English original is shortened first, then the translated stories', () => {
    const longStory = 'Students read together every Friday and talked about it. '.repeat(60);
    const english = (count: number) => (max: number) =>
      outlineOf([
        paragraph('TITLE', [{ text: 'T' }]),
        ...Array.from({ length: count }, (_, i) => [
          paragraph('HEADING_2', [{ text: `Win ${i}` }], { unit: `W-${i}` }),
          paragraph('NORMAL_TEXT', [{ text: max ? longStory.slice(0, max) : longStory }], {
            role: 'text',
            unit: `W-${i}`,
          }),
        ]).flat(),
      ]);
    const fit = (count: number) =>
      fitTranslatedEmail({
        code: 'es',
        rtl: false,
        translated: translated(planTranslation({ outline: english(count)(0), subject: 'S', protect: [] })),
        englishAt: english(count),
      });
    // Each half fits alone, both do not: the English original gives way, the translation stays whole.
    const twenty = fit(20);
    expect(twenty).toMatchObject({ fits: true, translatedMaxChars: 0 });
    expect(twenty.englishMaxChars).toBeGreaterThan(0);
    expect(twenty.html).toContain(longStory.toUpperCase().trim());
    // The translation alone is too big: the English original left out (said so), then the translated stories cut.
    const forty = fit(40);
    expect(forty).toMatchObject({ fits: true, englishMaxChars: -1 });
    expect(forty.html).toContain(ORIGINAL_LEFT_OUT);
    expect(forty.html).not.toContain(longStory.slice(0, 100));
    expect(forty.translatedMaxChars).toBeGreaterThan(0);
    expect(utf8Bytes(forty.html).length).toBeLessThanOrEqual(100 * 1024);
  });
});
