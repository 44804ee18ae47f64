// Family languages through the built add-on: a Families issue drafted once per family language (Spanish, and Arabic
// right to left), translated in a few LanguageApp calls per language with names, the school's name and links kept,
// the English original below; a lost placeholder or a failing LanguageApp gives that list the English edition and
// tells the leader; a cut-off run never doubles a draft; cancelling deletes them.
import { call } from '../../dev/endpoints';
import { simLanguage } from '../../dev/sim';
import { WIN_COLUMNS, WinField } from '../../src/domain/schema';
import { NOTICE, ORIGINAL_HEADING } from '../../src/domain/translation';
import {
  addWins,
  docs,
  gmail,
  issueRows,
  loadNewsletterAddOn,
  saveSettings,
  settingsInput,
  Sim,
  win,
} from './newsletter-fixtures';

const SCHOOL = 'Riverside Primary';
const LANGUAGES = [
  { code: 'es', recipients: 'familias@school.example' },
  { code: 'ar', recipients: 'arabic-families@school.example, ali@home.example' },
];

function school(languages = LANGUAGES): Sim {
  const sim = loadNewsletterAddOn();
  const saved = saveSettings(sim, settingsInput({ familyLanguages: languages }));
  expect(saved).toMatchObject({ ok: true });
  return sim;
}

function threeWins(sim: Sim): void {
  addWins(sim, [
    win({
      id: 'W-0801',
      headline: 'Reading buddies doubled library visits',
      story: 'Year 2 read to Year 5 in the library every Friday.',
      evidence: 'Library logs at https://school.example/library-logs show 14 visits, up from 7.',
      name: 'Ana López',
      consent: 'Public',
    }),
    win({ id: 'W-0802', headline: 'Maths talk at home', story: 'Families tried the number talks.', name: 'Bo Chen' }),
    win({ id: 'W-0803', headline: 'Staff only win', consent: 'Staff only', name: 'Cy Diaz' }),
  ]);
}

const lastDialog = (sim: Sim) => sim.ui.dialogs[sim.ui.dialogs.length - 1]?.html ?? '';
const draftFor = (sim: Sim, address: string) =>
  gmail(sim)
    .drafts()
    .filter((d) => d.bcc.includes(address));
const families = (sim: Sim) => issueRows(sim).find((r) => r.Audience === 'Families')!;

describe('a Families issue in two family languages', () => {
  test('Spanish: translated, names, school and links kept, the notice in both languages, English below', () => {
    const sim = school();
    threeWins(sim);
    sim.run('draftNewsletterNow');
    const lang = simLanguage(sim);
    const [es] = draftFor(sim, 'familias@school.example');
    expect(draftFor(sim, 'familias@school.example')).toHaveLength(1);
    expect(es.to).toEqual([]);
    const [english] = draftFor(sim, 'families@school.example');

    // The subject in Spanish, the school's name untouched.
    const englishSubject = english.subject;
    expect(es.subject).toBe(lang.translation(englishSubject, 'es').split(lang.translation(SCHOOL, 'es')).join(SCHOOL));
    expect(es.subject).not.toBe(englishSubject);
    expect(es.subject).toContain(SCHOOL);
    // The MIME: multipart/alternative, the issue's own mark with its language.
    expect(es.contentTypes).toEqual(['multipart/alternative', 'text/plain', 'text/html']);
    expect(es.headers['x-small-wins-issue']).toMatch(/^Families .*; doc=.*; lang=es$/);

    const html = es.html;
    expect(html).toMatch(/^<!DOCTYPE html><html lang="es">/);
    // Gmail drops <html>'s attributes: the translated content says its language and direction again.
    expect(html).toContain('<div lang="es" dir="ltr">');
    // The automatic-translation line: translated, then in English (marked as English), before the stories.
    const translatedNotice = lang.translation(NOTICE, 'es');
    const noticeAt = html.indexOf(translatedNotice);
    expect(noticeAt).toBeGreaterThan(0);
    expect(html).toContain(`<span lang="en">${NOTICE}</span>`);
    // The stories translated above, the English original below under its own heading, marked English.
    const headline = 'Reading buddies doubled library visits';
    const translatedAt = html.indexOf(lang.translation(headline, 'es'));
    const originalAt = html.indexOf(`<div lang="en" dir="ltr"><h2`);
    expect(translatedAt).toBeGreaterThan(noticeAt);
    expect(originalAt).toBeGreaterThan(translatedAt);
    expect(html.indexOf(`>${ORIGINAL_HEADING}</h2>`)).toBeGreaterThan(originalAt);
    expect(html.indexOf(headline)).toBeGreaterThan(originalAt);
    // One h1: the English original's title is a level down.
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    // Names, the school's name and links kept as they are, in the translation too.
    const translatedPart = html.slice(0, originalAt);
    expect(translatedPart).toContain('Ana López');
    expect(translatedPart).toContain(SCHOOL);
    expect(translatedPart).toContain('<a href="https://school.example/library-logs"');
    expect(translatedPart).not.toContain('Staff only win');
    expect(translatedPart).not.toContain(lang.translation('Staff only win', 'es'));
    // The plain text: the same order, both languages.
    expect(es.text.indexOf(translatedNotice)).toBeGreaterThanOrEqual(0);
    expect(es.text.indexOf(lang.translation(headline, 'es'))).toBeLessThan(es.text.indexOf(headline));
    expect(es.text).toContain('https://school.example/library-logs');
    // The Doc stays English.
    const doc = docs(sim).list()[0];
    expect(JSON.stringify(docs(sim).list())).not.toContain(lang.translation(headline, 'es'));
    expect(doc).toBeDefined();

    // Recorded on the issue's row, and the leader told.
    expect(String(families(sim)['Language drafts'])).toBe(
      `es ${es.id}; ar ${draftFor(sim, 'arabic-families@school.example')[0].id}`,
    );
    expect(lastDialog(sim)).toContain('Also drafted in Spanish and Arabic, translated automatically');
  });

  test('Arabic: right to left, Arabic script, the English original left to right', () => {
    const sim = school();
    threeWins(sim);
    sim.run('draftNewsletterNow');
    const [ar] = draftFor(sim, 'arabic-families@school.example');
    expect(ar.bcc).toEqual(['arabic-families@school.example', 'ali@home.example']);
    expect(ar.html).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl">/);
    expect(ar.html).toContain('<div lang="ar" dir="rtl">');
    expect(ar.html).toContain('<div lang="en" dir="ltr" style="text-align:left"><h2');
    expect(ar.html).toContain(`<span lang="en" dir="ltr">${NOTICE}</span>`);
    expect(ar.subject).toMatch(/[\u0600-\u06ff]/);
    const translated = ar.html.slice(0, ar.html.indexOf('<div lang="en"'));
    expect(translated).toContain(simLanguage(sim).translation('Reading buddies doubled library visits', 'ar'));
    // Nothing in the right-to-left part starts from the left (the unit tests check a table's cells).
    expect(translated).not.toMatch(/text-align:left|padding-left|margin-left/);
    expect(ar.headers['x-small-wins-issue']).toMatch(/; lang=ar$/);
  });

  test('a lost placeholder gives that list the English edition, and the leader is told', () => {
    const sim = school();
    threeWins(sim);
    // Spanish is translated first: its first piece loses the school's name (placeholder 0, in the subject).
    simLanguage(sim).dropNext('⟦0⟧');
    sim.run('draftNewsletterNow');
    const [english] = draftFor(sim, 'families@school.example');
    const [es] = draftFor(sim, 'familias@school.example');
    expect(es.subject).toBe(english.subject);
    expect(es.html).toBe(english.html);
    expect(es.html).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(es.headers['x-small-wins-issue']).toMatch(/; lang=es$/);
    // Arabic was not affected.
    expect(draftFor(sim, 'arabic-families@school.example')[0].html).toMatch(/<html lang="ar" dir="rtl">/);
    const message =
      'The Spanish edition could not be translated (a name, the school’s name or a link was lost in translation (“Riverside Primary”)), so its recipients&#39; draft has the English edition.';
    expect(lastDialog(sim)).toContain(message);
    expect(lastDialog(sim)).toContain('Also drafted in Arabic, translated automatically');
    expect(String(families(sim)['Language drafts'])).toMatch(/^es \S+ English; ar \S+$/);
    expect(String(families(sim)['Needs attention'])).toContain('The Spanish edition could not be translated');
  });

  test('a LanguageApp failure gives that list the English edition', () => {
    const sim = school([{ code: 'es', recipients: 'familias@school.example' }]);
    threeWins(sim);
    simLanguage(sim).failNext(1);
    sim.run('draftNewsletterNow');
    const [english] = draftFor(sim, 'families@school.example');
    const [es] = draftFor(sim, 'familias@school.example');
    expect(es.html).toBe(english.html);
    expect(lastDialog(sim)).toContain(
      'The Spanish edition could not be translated (Google Translate answered: Service invoked too many times for one day: translate), so its recipients&#39; draft has the English edition.',
    );
    expect(families(sim).State).toBe('Done');
  });

  test('cancelling the issue deletes its drafts per language too', () => {
    const sim = school();
    threeWins(sim);
    sim.run('draftNewsletterNow');
    const ids = [...draftFor(sim, 'familias@school.example'), ...draftFor(sim, 'arabic-families@school.example')].map(
      (d) => d.id,
    );
    expect(ids).toHaveLength(2);
    const r = call(sim, 'settingsCancelIssue', String(families(sim).Key), false).result as { message: string };
    expect(r.message).toContain('Its drafts in Spanish, Arabic were deleted.');
    for (const id of ids) expect(gmail(sim).get(id)!.deleted).toBe(true);
    expect(draftFor(sim, 'families@school.example')).toHaveLength(0);
  });

  test('a run cut off right after making the Spanish draft: the rerun finds it, nothing doubled', () => {
    const sim = school();
    threeWins(sim);
    // Staff's draft, Families' English draft, then the Spanish one: the execution stops right after it is made.
    sim.cutOff('Gmail.Users.Drafts.create', 3, 'after');
    try {
      sim.run('draftNewsletterNow');
    } catch {
      // Cut off.
    }
    expect(draftFor(sim, 'familias@school.example')).toHaveLength(1);
    sim.clock.advance(8 * 60_000);
    sim.run('draftNewsletterNow');
    expect(draftFor(sim, 'familias@school.example')).toHaveLength(1);
    expect(draftFor(sim, 'arabic-families@school.example')).toHaveLength(1);
    expect(draftFor(sim, 'families@school.example')).toHaveLength(1);
    expect(families(sim).State).toBe('Done');
    expect(String(families(sim)['Language drafts'])).toBe(
      `es ${draftFor(sim, 'familias@school.example')[0].id}; ar ${draftFor(sim, 'arabic-families@school.example')[0].id}`,
    );
  });
});

describe('rebuilding a Families draft without a win that stopped qualifying', () => {
  test('its drafts per language are rebuilt without it too', () => {
    const sim = school();
    threeWins(sim);
    sim.run('draftNewsletterNow');
    const lang = simLanguage(sim);
    const [es] = draftFor(sim, 'familias@school.example');
    const [ar] = draftFor(sim, 'arabic-families@school.example');
    const gone = 'Maths talk at home';
    expect(es.html).toContain(lang.translation(gone, 'es'));
    // A leader archives W-0802 in the sidebar, then rebuilds the draft it offers.
    const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
    const row = values.findIndex((r) => r.includes('W-0802')) + 1;
    const w = call(sim, 'triageWin', { id: 'W-0802', row });
    call(sim, 'triageSave', { id: 'W-0802', row: w!.row, version: w!.version, change: { status: 'Archived' } });
    const rebuilt = call(sim, 'triageRebuildDraft', { issue: String(families(sim).Key) });
    expect(rebuilt.message).toMatch(/Its drafts in Spanish, Arabic were rebuilt too\.$/);
    for (const d of [es, ar]) {
      const now = gmail(sim).get(d.id)!;
      expect(now.updatedAt).toBeDefined();
      expect(now.html).not.toContain(gone);
      expect(now.html).not.toContain(lang.translation(gone, d === es ? 'es' : 'ar'));
      expect(now.html).toContain(lang.translation('Reading buddies doubled library visits', d === es ? 'es' : 'ar'));
      expect(now.headers['x-small-wins-issue']).toBe(d.headers['x-small-wins-issue']);
    }
    expect(draftFor(sim, 'familias@school.example')).toHaveLength(1);
  });
});

describe('LanguageApp calls grow with the text, never per win', () => {
  function run(wins: number, storyChars: number) {
    const sim = school([{ code: 'es', recipients: 'familias@school.example' }]);
    addWins(
      sim,
      Array.from({ length: wins }, (_, i) =>
        win({
          id: `W-${String(i + 1).padStart(4, '0')}`,
          headline: `Win ${i + 1}: Year 4 tried peer feedback`,
          story:
            `Story ${i + 1}: ${'Students swapped drafts and used a checklist. '.repeat(Math.ceil(storyChars / 46))}`.slice(
              0,
              storyChars,
            ),
        }),
      ),
    );
    simLanguage(sim).calls().length = 0;
    sim.run('draftNewsletterNow');
    const calls = simLanguage(sim).calls();
    return {
      calls: calls.length,
      chars: calls.reduce((n, c) => n + c.chars, 0),
      max: Math.max(...calls.map((c) => c.chars)),
      all: calls,
    };
  }

  test('50 and 200 short wins, and 50 long ones: about one call per 5,000 characters', () => {
    const fifty = run(50, 60);
    const twoHundred = run(200, 60);
    const longFifty = run(50, 900);
    for (const r of [fifty, twoHundred, longFifty]) {
      expect(r.all.every((c) => c.contentType === 'html' && c.source === 'en' && c.target === 'es')).toBe(true);
      expect(r.max).toBeLessThanOrEqual(5000);
      // Pieces are filled before the next one starts: every call but the last carries more than 4,000 characters.
      expect(r.calls).toBeLessThanOrEqual(Math.ceil(r.chars / 4000));
    }
    expect(twoHundred.calls).toBeGreaterThan(fifty.calls);
    expect(twoHundred.calls).toBeLessThan(200 / 5);
    // Fewer wins with more text make more calls: the count follows the text, not the wins.
    expect(longFifty.chars).toBeGreaterThan(twoHundred.chars);
    expect(longFifty.calls).toBeGreaterThan(twoHundred.calls);
  });
});

// ---- Every draft of an issue, English and each language, carries the same wins ----------------------------------

const ON = (recipients: string) => ({ enabled: true, recipients });
const OFF = { enabled: false, recipients: '' };

/** Families (English) and the given family languages only; two School community wins, the second narrowed later. */
function familiesInLanguages(codes: string[], ids: [string, string]): Sim {
  const sim = loadNewsletterAddOn();
  const lists: Record<string, string> = { es: 'familias@school.example', ar: 'arabic@school.example' };
  const saved = saveSettings(
    sim,
    settingsInput({
      audiences: { Staff: OFF, Families: ON('families@school.example'), Public: OFF },
      familyLanguages: codes.map((code) => ({ code, recipients: lists[code] })),
    }),
  );
  expect(saved).toMatchObject({ ok: true });
  addWins(sim, [
    win({ id: ids[0], headline: 'Still fine for families', consent: 'School community' }),
    win({
      id: ids[1],
      headline: 'Submitter withdrew to staff only',
      consent: 'School community',
      name: 'Kim Withdrawn',
    }),
  ]);
  return sim;
}

function rowOf(sim: Sim, id: string): number {
  const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
  return values.findIndex((r) => r[values[0].indexOf('ID')] === id) + 1;
}

/** A leader types into a Wins cell by hand. */
function type(sim: Sim, id: string, field: WinField, value: unknown): void {
  const sheet = sim.spreadsheet.sheet('Wins')!;
  sheet.setCell(rowOf(sim, id), sheet.columnOf(WIN_COLUMNS[field]), value);
}

function save(sim: Sim, id: string, change: Record<string, unknown>): { drafts?: unknown[] } {
  const w = call(sim, 'triageWin', { id, row: rowOf(sim, id) });
  if (!w) throw new Error(`${id} is not in the log`);
  return call(sim, 'triageSave', { id, row: w.row, version: w.version, change }) as { drafts?: unknown[] };
}

const draftsTo = (sim: Sim, address: string) =>
  gmail(sim)
    .drafts()
    .filter((d) => d.to.includes(address) || d.bcc.includes(address));

describe('what the draft stage leaves out is out of every draft of the issue', () => {
  test('a win narrowed between a cut-off run (English and Spanish drafts made) and its rerun is out of the English, Spanish and Arabic drafts', () => {
    const sim = familiesInLanguages(['es', 'ar'], ['W-8001', 'W-8002']);
    // English draft (1), Spanish draft (2, recorded on the row): the execution dies as the Arabic one (3) is made.
    sim.cutOff('Gmail.Users.Drafts.create', 3, 'before');
    expect(() => sim.run('draftNewsletterNow')).toThrow();
    expect(families(sim).State).toBe('Doc made');
    type(sim, 'W-8002', 'consent', 'Staff only');
    sim.clock.advance(8 * 60_000);
    sim.run('draftNewsletterNow');
    expect(families(sim).State).toBe('Done');
    expect(String(families(sim)['Win IDs'])).toBe('W-8001');
    const note = String(families(sim)['Needs attention']);
    expect(note).toMatch(/Left out of the draft .*W-8002/);
    const [en] = draftsTo(sim, 'families@school.example');
    const [es] = draftsTo(sim, 'familias@school.example');
    const [ar] = draftsTo(sim, 'arabic@school.example');
    expect(gmail(sim).drafts()).toHaveLength(3);
    for (const d of [en, es, ar]) {
      expect(d.html + d.text).not.toMatch(/withdrew|Kim Withdrawn/);
      expect(d.text).toContain('Still fine for families');
    }
    // The note is true: the Doc was rebuilt without it too.
    const doc = docs(sim).text(String(families(sim)['Doc ID']));
    expect(doc).not.toContain('Submitter withdrew');
    expect(doc).toContain('Still fine for families');
    expect(note).not.toMatch(/The Doc still has it/);
    // The sidebar has nothing left to rebuild.
    const rebuilt = call(sim, 'triageRebuildDraft', { issue: String(families(sim).Key) });
    expect(rebuilt.message).toMatch(/still qualifies/);
  });

  test('the same after a Gmail error on the Arabic draft: the rerun leaves the narrowed win out of all three drafts', () => {
    const sim = familiesInLanguages(['es', 'ar'], ['W-8601', 'W-8602']);
    // Gmail starts failing once the English and Spanish drafts are made.
    const meter = sim.core.meter;
    const original = meter.call.bind(meter);
    let made = 0;
    meter.call = <T>(key: string, ms: number, fn: () => T): T => {
      const out = original(key, ms, fn);
      if (key === 'Gmail.Users.Drafts.create' && ++made === 2) gmail(sim).failNext('Gmail.*', 100);
      return out;
    };
    sim.run('draftNewsletterNow');
    meter.call = original;
    expect(families(sim).State).toBe('Doc made');
    gmail(sim).failNext('Gmail.*', 0);
    type(sim, 'W-8602', 'consent', 'Staff only');
    sim.clock.advance(60_000);
    sim.run('draftNewsletterNow');
    expect(families(sim).State).toBe('Done');
    expect(String(families(sim)['Win IDs'])).toBe('W-8601');
    const [en] = draftsTo(sim, 'families@school.example');
    const [es] = draftsTo(sim, 'familias@school.example');
    const [ar] = draftsTo(sim, 'arabic@school.example');
    expect(gmail(sim).drafts()).toHaveLength(3);
    expect({
      english: en.text.includes('Submitter withdrew'),
      spanish: es.html.includes('Submitter withdrew'),
      arabic: ar.html.includes('Submitter withdrew'),
    }).toEqual({ english: false, spanish: false, arabic: false });
  });
});

describe('a family-language draft still waiting after the English one was sent', () => {
  test('narrowing a win then flags the issue, and the rebuild rewrites the Spanish draft without it', () => {
    const sim = familiesInLanguages(['es'], ['W-8401', 'W-8402']);
    sim.run('draftNewsletterNow');
    const [en] = draftsTo(sim, 'families@school.example');
    const [es] = draftsTo(sim, 'familias@school.example');
    expect(es.html).toContain('Kim Withdrawn');
    // The leader sends the English edition and keeps the Spanish one to check the translation.
    gmail(sim).send(en.id);
    const r = save(sim, 'W-8402', { consent: 'Staff only' });
    expect(r.drafts ?? []).toHaveLength(1);
    expect(String(families(sim)['Needs attention'])).toMatch(/W-8402/);
    const rebuilt = call(sim, 'triageRebuildDraft', { issue: String(families(sim).Key) });
    expect(rebuilt.ok).toBe(true);
    expect(rebuilt.message).toMatch(/Spanish/);
    const spanish = gmail(sim).get(es.id)!;
    expect(spanish.html + spanish.text).not.toContain('Kim Withdrawn');
    expect(spanish.text).toContain('Still fine for families');
    expect(draftsTo(sim, 'familias@school.example')).toHaveLength(1);
  });
});

describe('a language draft made while translation failed, the run cut off before recording it', () => {
  test('the rerun (translation working again) finds that draft and rewrites it: one Spanish draft, without the narrowed win', () => {
    const sim = familiesInLanguages(['es'], ['W-8701', 'W-8702']);
    // Translation fails (quota): the Spanish list gets the English edition; the run dies right after that draft.
    simLanguage(sim).failNext(100);
    sim.cutOff('Gmail.Users.Drafts.create', 2, 'after');
    expect(() => sim.run('draftNewsletterNow')).toThrow();
    const [first] = draftsTo(sim, 'familias@school.example');
    expect(first).toBeDefined();
    simLanguage(sim).failNext(0);
    type(sim, 'W-8702', 'consent', 'Staff only');
    sim.clock.advance(8 * 60_000);
    sim.run('draftNewsletterNow');
    expect(families(sim).State).toBe('Done');
    const spanish = draftsTo(sim, 'familias@school.example');
    expect(spanish).toHaveLength(1);
    expect(spanish[0].id).toBe(first.id);
    expect(String(families(sim)['Language drafts'])).toContain(first.id);
    expect(spanish[0].html).not.toContain('Submitter withdrew');
    expect(spanish[0].html).toContain('lang="es"');
    // Nor is the English draft (made by the first run, unrecorded too) made twice.
    expect(draftsTo(sim, 'families@school.example')).toHaveLength(1);
    expect(gmail(sim).drafts()).toHaveLength(2);
  });
});

describe('cancelling an issue whose language draft a cut-off run made but never recorded', () => {
  test('the unrecorded Spanish draft (English edition, translation failed) is found by its identity and deleted with the rest', () => {
    const sim = familiesInLanguages(['es'], ['W-8901', 'W-8902']);
    simLanguage(sim).failNext(100);
    sim.cutOff('Gmail.Users.Drafts.create', 2, 'after');
    expect(() => sim.run('draftNewsletterNow')).toThrow();
    expect(gmail(sim).drafts()).toHaveLength(2);
    expect(String(families(sim)['Language drafts'] ?? '')).toBe('');
    simLanguage(sim).failNext(0);
    sim.clock.advance(8 * 60_000);
    const r = call(sim, 'settingsCancelIssue', String(families(sim).Key), false).result;
    expect(r.ok).toBe(true);
    expect(r.message).toMatch(/Its Gmail draft was deleted\..*Spanish draft was deleted/);
    expect(gmail(sim).drafts()).toHaveLength(0);
  });
});
