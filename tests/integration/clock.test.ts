// The one always-on clock through the built bundle: Set up installs it whatever the cadence, saving Settings never
// removes it, only the recorded owner's tick acts (so a takeover leaves one account drafting), each tick leaves a
// heartbeat Settings shows, older installs' triggers are migrated, and a tick with nothing due stays cheap.
import { ANSWERS, byTitle, onlyFormId, winsRecords } from '../helpers/addon';
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
import { call } from '../../dev/endpoints';

const PRINCIPAL = 'principal@school.example';
const DEPUTY = 'deputy@school.example';
const OFF = { kind: 'off' as const, weekday: 5, monthDay: 1, hour: 7 };

const clocks = (sim: Sim) => sim.triggers().filter((t) => t.type === 'CLOCK');

function props(sim: Sim): Record<string, unknown> {
  const raw = sim.api.PropertiesService.getDocumentProperties().getProperties() as Record<string, string>;
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([k]) => k.startsWith('sw.'))
      .map(([k, v]) => [k.slice(3), JSON.parse(v) as unknown]),
  );
}

const settingsView = (sim: Sim) => call(sim, 'settingsOpen');

function submit(sim: Sim, answers: Record<string, string | string[]> = {}) {
  return sim.submitForm(onlyFormId(sim), byTitle({ ...ANSWERS, ...answers }), { email: 'ana@school.example' });
}

describe('one clock, whatever the cadence', () => {
  test('Set up installs one hourly clock with no newsletter schedule, and saving with the schedule off keeps it', () => {
    const sim = loadNewsletterAddOn(); // Set up only: no settings saved, so no cadence
    expect(clocks(sim).map((t) => `${t.fn} ${t.owner}`)).toEqual([`onClock ${PRINCIPAL}`]);
    expect((clocks(sim)[0].schedule as { kind: string; every: number }).kind).toBe('hours');
    expect(props(sim).clockTrigger).toMatchObject({ id: clocks(sim)[0].id, owner: PRINCIPAL });

    expect(saveSettings(sim, settingsInput({ cadence: OFF })).ok).toBe(true);
    expect(clocks(sim).map((t) => t.fn)).toEqual(['onClock']);
    saveSettings(sim, settingsInput());
    saveSettings(sim, settingsInput({ cadence: OFF }));
    sim.run('setUp');
    expect(clocks(sim).map((t) => t.fn)).toEqual(['onClock']);

    // With the schedule off the clock still adds a response the trigger missed.
    sim.holdLock('document');
    submit(sim, { headline: 'Missed while busy' });
    sim.holdLock('document', 0);
    expect(winsRecords(sim)).toHaveLength(0);
    expect(sim.advanceTo('2026-11-23T15:30:00Z')).toBe(1);
    expect(winsRecords(sim).map((r) => r.Headline)).toEqual(['Missed while busy']);
    expect(sim.errors).toEqual([]);
  });

  test('an install an older version left without a clock (schedule off) gets it back at the next Set up', () => {
    const sim = loadNewsletterAddOn();
    // What older versions left after "off" was saved: no clock trigger and no record of one.
    const ScriptApp = sim.api.ScriptApp;
    for (const t of ScriptApp.getProjectTriggers())
      if (t.getHandlerFunction() === 'onClock') ScriptApp.deleteTrigger(t);
    sim.api.PropertiesService.getDocumentProperties().deleteProperty('sw.clockTrigger');
    expect(clocks(sim)).toHaveLength(0);
    sim.run('setUp');
    expect(clocks(sim).map((t) => `${t.fn} ${t.owner}`)).toEqual([`onClock ${PRINCIPAL}`]);
    expect(props(sim).clockTrigger).toMatchObject({ id: clocks(sim)[0].id, owner: PRINCIPAL });
  });

  test("an older version's onNewsletterClock trigger is migrated: one onClock, the record moved, nothing lost", () => {
    const sim = loadNewsletterAddOn();
    const ScriptApp = sim.api.ScriptApp;
    const docProps = sim.api.PropertiesService.getDocumentProperties();
    for (const t of ScriptApp.getProjectTriggers())
      if (t.getHandlerFunction() === 'onClock') ScriptApp.deleteTrigger(t);
    docProps.deleteProperty('sw.clockTrigger');
    const old = ScriptApp.newTrigger('onNewsletterClock').timeBased().everyHours(1).create();
    docProps.setProperty('sw.newsletterTrigger', JSON.stringify({ id: old.getUniqueId(), owner: PRINCIPAL }));

    // Before Set up runs again, the old trigger's tick is the clock's: it acts and leaves a heartbeat.
    sim.advanceTo('2026-11-23T15:30:00Z');
    expect(sim.errors).toEqual([]);
    expect(props(sim).clockHeartbeat).toMatchObject({ by: PRINCIPAL, at: '2026-11-23T15:00:00.000Z' });

    sim.run('setUp');
    expect(clocks(sim).map((t) => `${t.fn} ${t.owner}`)).toEqual([`onClock ${PRINCIPAL}`]);
    expect(props(sim).clockTrigger).toMatchObject({ id: clocks(sim)[0].id, owner: PRINCIPAL });
    expect(props(sim).newsletterTrigger).toBeUndefined();
  });
});

describe('whose tick acts', () => {
  test('after a takeover only the new owner drafts, though the old owner’s trigger still fires', () => {
    const sim = loadNewsletterAddOn(); // Monday 23 November 2026
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    const principalClock = clocks(sim)[0].id;
    // The deputy runs Set up and takes over: the principal's trigger cannot be removed from the deputy's account.
    sim.setUser(DEPUTY);
    sim.ui.answerNextAlert('YES');
    sim.run('setUp');
    expect(clocks(sim).map((t) => t.owner)).toEqual([PRINCIPAL, DEPUTY]);
    expect(props(sim).clockTrigger).toMatchObject({ owner: DEPUTY });

    // A tick from the principal's trigger returns at once: no heartbeat, nothing drafted.
    sim.setUser(PRINCIPAL);
    const before = JSON.stringify(props(sim));
    const report = sim.run<{ acted: boolean }>('onClock', { triggerUid: principalClock });
    expect(report.acted).toBe(false);
    expect(JSON.stringify(props(sim))).toBe(before);

    addWins(sim, [win({ consent: 'Public' })]);
    sim.advanceTo('2026-11-27T14:30:00Z'); // Friday: both accounts' triggers fire every hour
    expect(sim.errors).toEqual([]);
    const rows = issueRows(sim);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r['Created by'])).toEqual([DEPUTY, DEPUTY, DEPUTY]);
    expect(gmail(sim).all()).toHaveLength(3);
    expect(props(sim).clockHeartbeat).toMatchObject({ by: DEPUTY });
  });

  test("a colleague's trigger an older version installed (onNewsletterClock) does nothing once another account owns the clock", () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput());
    sim.setUser(DEPUTY);
    const old = sim.api.ScriptApp.newTrigger('onNewsletterClock').timeBased().everyHours(1).create();
    sim.setUser(PRINCIPAL);
    addWins(sim, [win({ consent: 'Public' })]);
    sim.advanceTo('2026-11-27T14:30:00Z');
    expect(sim.errors).toEqual([]);
    expect(issueRows(sim).map((r) => r['Created by'])).toEqual([PRINCIPAL, PRINCIPAL, PRINCIPAL]);
    sim.setUser(DEPUTY);
    expect(sim.run<{ acted: boolean }>('onNewsletterClock', { triggerUid: old.getUniqueId() }).acted).toBe(false);
  });
});

describe('heartbeat', () => {
  test('each tick records who and when; Settings says whose account runs it and warns after two quiet hours', () => {
    const sim = loadNewsletterAddOn();
    expect(settingsView(sim).automation).toMatch(
      /The automation runs from your account; it has not run yet \(it runs once an hour\)\./,
    );
    sim.advanceTo('2026-11-23T15:12:00Z'); // the tick at 15:00
    expect(props(sim).clockHeartbeat).toEqual({ by: PRINCIPAL, at: '2026-11-23T15:00:00.000Z' });
    let view = settingsView(sim);
    expect(view.automation).toMatch(/The automation runs from your account; last ran 12 minutes ago\./);
    expect(view.automationWarning).toBe('');
    sim.setUser(DEPUTY);
    expect(settingsView(sim).automation).toMatch(
      /The automation runs from principal@school\.example's account; last ran 12 minutes ago\./,
    );

    // The principal's trigger stops (their account was removed, say): two hours later Settings warns.
    sim.setUser(PRINCIPAL);
    for (const t of sim.api.ScriptApp.getProjectTriggers())
      if (t.getHandlerFunction() === 'onClock') sim.api.ScriptApp.deleteTrigger(t);
    sim.advanceTo('2026-11-23T16:59:00Z');
    expect(settingsView(sim).automationWarning).toBe('');
    sim.advanceTo('2026-11-23T17:30:00Z');
    sim.setUser(DEPUTY);
    view = settingsView(sim);
    expect(view.automation).toMatch(/principal@school\.example's account; last ran 2 hours ago/);
    expect(view.automationWarning).toMatch(/The automation last ran 2 hours ago/);
    expect(view.automationWarning).toMatch(/Run the automation from my account/);

    // The deputy takes it over from Settings: the next tick is theirs and the warning goes.
    expect(saveSettings(sim, settingsInput({ cadence: OFF }), true).ok).toBe(true);
    sim.advanceTo('2026-11-23T18:45:00Z');
    expect(props(sim).clockHeartbeat).toMatchObject({ by: DEPUTY });
    view = settingsView(sim);
    expect(view.automation).toMatch(/The automation runs from your account; last ran \d+ minutes ago\./);
    expect(view.automationWarning).toBe('');
  });

  test('a tick with nothing due costs at most 10 service calls and leaves its heartbeat', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput()); // weekly on Friday; today is Monday
    submit(sim);
    sim.advanceTo('2026-11-23T15:30:00Z');
    sim.meter.reset();
    expect(sim.advanceTo('2026-11-23T16:30:00Z')).toBe(1);
    expect(sim.meter.calls).toBeLessThanOrEqual(10);
    expect(props(sim).clockHeartbeat).toMatchObject({ at: '2026-11-23T16:00:00.000Z' });
    expect(sim.errors).toEqual([]);
  });
});
