// Simulator: loading a bundle like Apps Script, events, triggers, forms, auth modes, sidebar calls, state export.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator } from '../../dev/sim';

const FILE_A = `
var seen = [];
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Set up', 'setUp').addSeparator().addItem('Help', 'help').addToUi();
  seen.push(String(e.authMode));
  Logger.log('opened %s', e.authMode);
}
function onInstall(e) { onOpen(e); }
function probe() {
  return {
    require: typeof require, process: typeof process, setTimeout: typeof setTimeout, setInterval: typeof setInterval,
    Buffer: typeof Buffer, module: typeof module, exports: typeof exports,
    fromOtherFile: typeof helperFromB, now: new Date().toISOString(), dateNow: Date.now(),
    isDate: SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValue() instanceof Date,
    arr: Array.isArray(SpreadsheetApp.getActive().getSheets()),
  };
}
function readProps() { return PropertiesService.getDocumentProperties().getProperty('k'); }
`;
const FILE_B = `
function helperFromB() { return 1; }
function setUp() {
  var ss = SpreadsheetApp.getActive();
  var form = FormApp.create('Share a win');
  form.setCollectEmail(true);
  form.addTextItem().setTitle('Headline').setRequired(true);
  form.addCheckboxItem().setTitle('Goals').setChoiceValues(['Reading', 'Attendance']);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  ScriptApp.newTrigger('onSubmit').forSpreadsheet(ss).onFormSubmit().create();
  ScriptApp.newTrigger('nightly').timeBased().everyDays(1).atHour(2).create();
  PropertiesService.getDocumentProperties().setProperty('formId', form.getId());
  return form.getId();
}
function publish() { FormApp.openById(PropertiesService.getDocumentProperties().getProperty('formId')).setPublished(true); }
var events = [];
function onSubmit(e) {
  events.push({
    keys: Object.keys(e).sort(), values: e.values, named: e.namedValues, a1: e.range.getA1Notation(),
    src: e.source.getId(), uid: e.triggerUid, mode: String(e.authMode), rowVals: e.range.getValues()[0],
    user: Session.getActiveUser().getEmail(), tsIsDate: e.range.getValues()[0][0] instanceof Date,
  });
}
function getEvents() { return JSON.parse(JSON.stringify(events)); }
var ticks = [];
function nightly(e) { ticks.push({ hour: e.hour, dow: e['day-of-week'], tz: e.timezone, uid: e.triggerUid, at: new Date().toISOString() }); }
function getTicks() { return ticks; }
function echo(x) { return x; }
function giveDate() { return { when: new Date() }; }
function boom() { throw new Error('human message'); }
function sleepy() { Utilities.sleep(5000); return new Date().toISOString(); }
function locked() { var l = LockService.getDocumentLock(); return l.tryLock(1000); }
function waitLocked() { LockService.getScriptLock().waitLock(2000); return 'got it'; }
`;

function bundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sim-dist-'));
  writeFileSync(join(dir, 'a.js'), FILE_A);
  writeFileSync(join(dir, 'b.js'), FILE_B);
  writeFileSync(join(dir, 'Sidebar.html'), '<h1>Triage</h1>');
  writeFileSync(join(dir, 'appsscript.json'), '{}');
  return dir;
}

function loaded(opts = {}) {
  const sim = createSimulator({ now: '2026-11-23T15:00:00Z', ...opts });
  sim.load(bundle());
  return sim;
}

describe('loader', () => {
  test('all files share one global scope with only Apps Script globals; Date follows the clock', () => {
    const sim = loaded();
    sim.spreadsheet.sheet('Sheet1')!.setCell(1, 1, '2026-01-02');
    const p = sim.run<Record<string, unknown>>('probe');
    expect(p).toMatchObject({
      require: 'undefined',
      process: 'undefined',
      setTimeout: 'undefined',
      setInterval: 'undefined',
      Buffer: 'undefined',
      module: 'undefined',
      exports: 'undefined',
      fromOtherFile: 'function',
      now: '2026-11-23T15:00:00.000Z',
      dateNow: Date.parse('2026-11-23T15:00:00Z'),
      isDate: true,
      arr: true,
    });
    sim.clock.advance(60_000);
    expect(sim.run<Record<string, unknown>>('probe').now).toBe('2026-11-23T15:01:00.000Z');
  });

  test('onOpen builds the add-on menu; AuthMode NONE refuses Properties', () => {
    const sim = loaded();
    sim.open('NONE');
    expect(sim.ui.menus).toEqual([
      {
        title: 'Untitled project',
        items: [{ caption: 'Set up', fn: 'setUp' }, { separator: true }, { caption: 'Help', fn: 'help' }],
      },
    ]);
    expect(sim.logs).toContain('opened NONE');
    expect(() =>
      sim.core.execute({ authMode: 'NONE' }, () => sim.api.PropertiesService.getDocumentProperties()),
    ).toThrow(/Authorization is required to perform that action/);
    expect(sim.run('readProps')).toBeNull(); // FULL works
  });

  test('HtmlService reads files from dist; Ui records sidebars and answers alerts', () => {
    const sim = loaded();
    const { HtmlService, SpreadsheetApp } = sim.api;
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Small Wins'));
    expect(sim.ui.sidebars).toEqual([{ title: 'Small Wins', html: '<h1>Triage</h1>' }]);
    sim.ui.answerNextAlert('NO');
    const ui = SpreadsheetApp.getUi();
    expect(ui.alert('Sure?', 'Really?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(sim.ui.alerts[0]).toEqual({ title: 'Sure?', message: 'Really?', buttons: 'YES_NO' });
  });
});

describe('google.script.run', () => {
  test('JSON-like arguments and results only; thrown errors become their message', () => {
    const sim = loaded();
    expect(sim.runSidebar('echo', [{ a: [1, 'x', null] }])).toEqual({ ok: true, value: { a: [1, 'x', null] } });
    expect(sim.runSidebar('echo', [new Date()])).toMatchObject({ ok: false });
    class Win {
      id = 1;
    }
    expect(sim.runSidebar('echo', [new Win()])).toMatchObject({ ok: false });
    expect(sim.runSidebar('giveDate', [])).toMatchObject({ ok: false, error: expect.stringMatching(/Date/) });
    expect(sim.runSidebar('boom', [])).toEqual({ ok: false, error: 'human message' });
  });
});

describe('forms and form-submit triggers', () => {
  test('new forms start unpublished and refuse responses until setPublished(true)', () => {
    const sim = loaded();
    const formId = sim.run<string>('setUp');
    const form = sim.forms.get(formId)!;
    expect(form.published).toBe(false);
    expect(() => sim.submitForm(formId, { Headline: 'x' })).toThrow(/not published/);
    sim.run('publish');
    expect(sim.forms.get(formId)!.published).toBe(true);
    expect(sim.spreadsheet.sheetNames()[0]).toBe('Form Responses 1');
    expect(sim.spreadsheet.sheet('Form Responses 1')!.headers).toEqual([
      'Timestamp',
      'Email Address',
      'Headline',
      'Goals',
    ]);
  });

  test('submitForm writes the row like typed input and fires the trigger with the documented event', () => {
    const sim = loaded();
    const formId = sim.run<string>('setUp');
    sim.run('publish');
    sim.setUser('deputy@school.example'); // triggers still run as their owner
    const { row, event } = sim.submitForm(
      formId,
      { Headline: '007', Goals: ['Reading', 'Attendance'] },
      { email: 'ana@school.example' },
    );
    expect(row).toBe(2);
    const values = sim.spreadsheet.sheetValues('Form Responses 1')[1];
    expect(values[0]).toBeInstanceOf(Date);
    expect(values.slice(1)).toEqual(['ana@school.example', 7, 'Reading, Attendance']);
    const [e] = sim.run<Array<Record<string, unknown>>>('getEvents');
    expect(e).toMatchObject({
      keys: ['authMode', 'namedValues', 'range', 'source', 'triggerUid', 'values'],
      values: ['11/23/2026 10:00:00', 'ana@school.example', '7', 'Reading, Attendance'],
      named: {
        Timestamp: ['11/23/2026 10:00:00'],
        'Email Address': ['ana@school.example'],
        Headline: ['7'],
        Goals: ['Reading, Attendance'],
      },
      a1: 'A2:D2',
      src: sim.spreadsheet.id,
      mode: 'FULL',
      user: 'user@example.com',
      tsIsDate: true,
    });
    expect(e.uid).toBe(sim.triggers().find((t) => t.type === 'ON_FORM_SUBMIT')!.id);
    // The Form itself keeps the answer as typed.
    expect(sim.forms.get(formId)!.responses[0].answers[0].response).toBe('007');
    sim.redeliver(event);
    expect(sim.run<unknown[]>('getEvents')).toHaveLength(2);
  });

  test('a plain-text response column keeps answers exactly; renamed and added items', () => {
    const sim = loaded();
    const formId = sim.run<string>('setUp');
    sim.run('publish');
    sim.spreadsheet.sheet('Form Responses 1')!.setNumberFormat(2, 3, '@', 10, 1);
    sim.submitForm(formId, { Headline: '=1+1' });
    expect(sim.spreadsheet.sheetValues('Form Responses 1')[1][2]).toBe('=1+1');
    const form = sim.api.FormApp.openById(formId);
    form.getItems()[0].asTextItem().setTitle('Win headline');
    form.addParagraphTextItem().setTitle('Story');
    expect(sim.spreadsheet.sheet('Form Responses 1')!.headers).toEqual([
      'Timestamp',
      'Email Address',
      'Win headline',
      'Goals',
      'Story',
    ]);
    expect(() => form.getItems()[0].asCheckboxItem()).toThrow('Invalid conversion for item type: TEXT');
    sim.deleteForm(formId);
    expect(() => sim.api.FormApp.openById(formId)).toThrow(/No item with the given ID could be found/);
  });
});

describe('triggers', () => {
  test('20 per user per script, one per event type per document for an add-on, at most hourly', () => {
    const sim = createSimulator({ addon: false });
    const { ScriptApp, SpreadsheetApp } = sim.api;
    for (let i = 0; i < 20; i++)
      ScriptApp.newTrigger('f' + i)
        .timeBased()
        .everyHours(1)
        .create();
    expect(() => ScriptApp.newTrigger('g').timeBased().everyHours(1).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    sim.setUser('other@school.example');
    expect(() => ScriptApp.newTrigger('g').timeBased().everyHours(1).create()).not.toThrow();

    const addon = createSimulator();
    const api = addon.api;
    api.ScriptApp.newTrigger('a').forSpreadsheet(api.SpreadsheetApp.getActive()).onFormSubmit().create();
    expect(() =>
      api.ScriptApp.newTrigger('b').forSpreadsheet(api.SpreadsheetApp.getActive()).onFormSubmit().create(),
    ).toThrow(/too many form submit triggers/);
    expect(() => api.ScriptApp.newTrigger('c').timeBased().everyMinutes(5)).toThrow(/at most once per hour/);
    api.ScriptApp.newTrigger('c').timeBased().everyHours(1).create();
    expect(addon.triggers().map((t) => t.type)).toEqual(['ON_FORM_SUBMIT', 'CLOCK']);
    const listed = api.ScriptApp.getProjectTriggers();
    api.ScriptApp.deleteTrigger(listed[0]);
    expect(addon.triggers()).toHaveLength(1);
    void SpreadsheetApp;
  });

  test('clock triggers fire on advanceTo with the time-driven event object', () => {
    const sim = loaded();
    sim.run('setUp');
    // 02:00 New York = 07:00 UTC; now is 10:00 New York on Monday 23 Nov
    expect(sim.advanceTo('2026-11-24T06:00:00Z')).toBe(0);
    expect(sim.advanceTo('2026-11-26T12:00:00Z')).toBe(3);
    const ticks = sim.run<Array<Record<string, unknown>>>('getTicks');
    expect(ticks.map((t) => t.at)).toEqual([
      '2026-11-24T07:00:00.000Z',
      '2026-11-25T07:00:00.000Z',
      '2026-11-26T07:00:00.000Z',
    ]);
    expect(ticks[0]).toMatchObject({ hour: 7, dow: 2, tz: 'UTC' });
    expect(sim.clock.now().toISOString()).toBe('2026-11-26T12:00:00.000Z');
    sim.clock.set('2026-11-27T08:00:00Z');
    expect(sim.fireDue()).toBe(1);
    expect(sim.fireDue()).toBe(0);
  });
});

describe('properties, locks, utilities', () => {
  test('properties are strings with size limits', () => {
    const sim = createSimulator();
    const p = sim.api.PropertiesService.getScriptProperties();
    p.setProperty('n', 5).setProperty('b', true).setProperty('o', { a: 1 });
    expect(p.getProperties()).toEqual({ n: '5', b: 'true', o: '[object Object]' });
    expect(p.getProperty('missing')).toBeNull();
    expect(() => p.setProperty('big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    // 500 KB = 512,000 bytes of keys and values: 56 values of 9,000 fit, the 57th does not
    for (let i = 0; i <= 56; i++) {
      if (i < 56) p.setProperty('k' + i, 'x'.repeat(9000));
      else expect(() => p.setProperty('k' + i, 'x'.repeat(9000))).toThrow(/exceeded the property storage quota/);
    }
    sim.setUser('a@school.example');
    sim.api.PropertiesService.getUserProperties().setProperty('mine', '1');
    sim.setUser('b@school.example');
    expect(sim.api.PropertiesService.getUserProperties().getProperty('mine')).toBeNull();
  });

  test('held locks make tryLock fail after waiting and waitLock throw the real text', () => {
    const sim = loaded();
    sim.holdLock('document');
    const t0 = sim.clock.now().getTime();
    expect(sim.run('locked')).toBe(false);
    expect(sim.clock.now().getTime() - t0).toBe(1000);
    sim.holdLock('script', 1500);
    expect(sim.run('waitLocked')).toBe('got it');
    sim.holdLock('script');
    expect(() => sim.run('waitLocked')).toThrow('Lock timeout: another process was holding the lock for too long.');
  });

  test('Utilities.formatDate, sleep and base64', () => {
    const sim = loaded();
    const U = sim.api.Utilities;
    const d = new Date('2026-11-23T15:04:05Z');
    expect(U.formatDate(d, 'America/New_York', "EEE, MMM d yyyy 'at' h:mm a z")).toBe(
      'Mon, Nov 23 2026 at 10:04 AM EST',
    );
    expect(U.formatDate(d, 'UTC', 'yyyy-MM-dd HH:mm:ss Z')).toBe('2026-11-23 15:04:05 +0000');
    expect(sim.run('sleepy')).toBe('2026-11-23T15:00:05.000Z');
    expect(U.base64Encode('héllo')).toBe(Buffer.from('héllo').toString('base64'));
    expect(U.newBlob(U.base64Decode(U.base64Encode('héllo'))).getDataAsString()).toBe('héllo');
  });
});

describe('exportState', () => {
  test('round-trips sheets, forms, triggers and properties', () => {
    const sim = loaded();
    const formId = sim.run<string>('setUp');
    sim.run('publish');
    sim.submitForm(formId, { Headline: 'Hi' });
    const state = JSON.parse(JSON.stringify(sim.exportState()));
    const back = createSimulator({ state });
    back.load(bundle());
    expect(back.spreadsheet.sheetValues('Form Responses 1')).toEqual(sim.spreadsheet.sheetValues('Form Responses 1'));
    expect(back.spreadsheet.sheetValues('Form Responses 1')[1][0]).toBeInstanceOf(Date);
    expect(back.triggers()).toEqual(sim.triggers());
    expect(back.clock.now().toISOString()).toBe(sim.clock.now().toISOString());
    back.submitForm(formId, { Headline: 'Again' });
    expect(back.spreadsheet.sheet('Form Responses 1')!.lastRow).toBe(3);
    expect(back.run('readProps')).toBeNull();
    expect(back.api.PropertiesService.getDocumentProperties().getProperty('formId')).toBe(formId);
  });
});

describe('registerService', () => {
  test('adds a metered global to the bundle', () => {
    const sim = createSimulator({
      services: {
        DocumentApp: (env) =>
          env.metered('DocumentApp', { create: (name: string) => env.obj({ name }) }, { default: 50, create: 800 }),
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'sim-dist-'));
    writeFileSync(join(dir, 'c.js'), 'function mk() { return DocumentApp.create("Issue 1").name; }');
    sim.load(dir);
    expect(sim.run('mk')).toBe('Issue 1');
    expect(sim.meter.byMethod['DocumentApp.create']).toEqual({ calls: 1, ms: 800 });
  });
});
