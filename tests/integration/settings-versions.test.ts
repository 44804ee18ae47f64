// Two leaders saving Settings from dialogs opened at different times: the later save sees what changed since its
// dialog opened, and nothing is overwritten silently (the server checks the version the dialog read).
import { call } from '../../dev/endpoints';
import type { SaveResult, SettingsView } from '../../src/settings-api';
import { loadNewsletterAddOn, saveSettings, settingsInput, Sim } from './newsletter-fixtures';

const HELEN = 'helen@school.example';
const PRINCIPAL = 'principal@school.example';

function open(sim: Sim, user: string): SettingsView {
  sim.setUser(user);
  return call(sim, 'settingsOpen');
}

function save(sim: Sim, user: string, input: SettingsView['input'], version: number): SaveResult {
  sim.setUser(user);
  return call(sim, 'settingsSave', input, { takeOverSchedule: false, version });
}

const clockTriggers = (sim: Sim) => sim.triggers().filter((t) => t.fn === 'onNewsletterClock');

describe('Settings saves see each other', () => {
  test("an older dialog's save is refused with the newer version; nothing of the newer save is overwritten", () => {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    const mine = open(sim, PRINCIPAL);
    const hers = open(sim, HELEN);
    expect(mine.version).toBe(1);
    expect(mine.savedBy).toBe(PRINCIPAL);
    expect(mine.savedAt).toBe('09:00 on Monday 23 November');

    sim.clock.advance(5 * 60_000);
    const helenSaves = save(
      sim,
      HELEN,
      { ...hers.input, schoolName: 'Riverside Primary School', cadence: { ...hers.input.cadence, kind: 'off' } },
      hers.version,
    );
    expect(helenSaves.ok).toBe(true);
    const triggers = clockTriggers(sim).map((t) => t.id);

    sim.clock.advance(60_000);
    const stale = save(
      sim,
      PRINCIPAL,
      { ...mine.input, audiences: { ...mine.input.audiences, Public: { enabled: false, recipients: '' } } },
      mine.version,
    );
    expect(stale.ok).toBe(false);
    if (stale.ok) throw new Error('unreachable');
    expect(stale.message).toBe(
      `${HELEN} saved the settings at 09:05 on Monday 23 November, after this dialog opened. Nothing was saved: their changes are now in the form, with yours. Check them, then save again.`,
    );
    expect(stale.conflict).toMatchObject({ savedBy: HELEN, savedAt: '09:05 on Monday 23 November' });
    expect(stale.conflict!.view.version).toBe(2);
    expect(stale.conflict!.view.input.schoolName).toBe('Riverside Primary School');
    // Nothing of Helen's save was touched: her name, her schedule off, Public still on, the triggers as they were.
    const now = open(sim, PRINCIPAL);
    expect(now.input.schoolName).toBe('Riverside Primary School');
    expect(now.input.cadence.kind).toBe('off');
    expect(now.input.audiences.Public.enabled).toBe(true);
    expect(clockTriggers(sim).map((t) => t.id)).toEqual(triggers);

    // Saved again from the newer version (what the dialog does after showing the changes): it goes through.
    const again = save(
      sim,
      PRINCIPAL,
      { ...now.input, audiences: { ...now.input.audiences, Public: { enabled: false, recipients: '' } } },
      stale.conflict!.view.version,
    );
    expect(again.ok).toBe(true);
    const last = open(sim, HELEN);
    expect(last.version).toBe(3);
    expect(last.input.schoolName).toBe('Riverside Primary School');
    expect(last.input.audiences.Public.enabled).toBe(false);
  });

  test('the same leader in two dialogs is told too; a dialog opened before the first save ever reads version 0', () => {
    const sim = loadNewsletterAddOn();
    const first = open(sim, PRINCIPAL);
    expect(first).toMatchObject({ version: 0, savedBy: '', savedAt: '' });
    const second = open(sim, PRINCIPAL);
    expect(save(sim, PRINCIPAL, settingsInput(), second.version).ok).toBe(true);
    const late = save(sim, PRINCIPAL, settingsInput({ schoolName: 'Other' }), first.version);
    expect(late.ok).toBe(false);
    expect(late.message).toMatch(/^You saved the settings at 09:00 on Monday 23 November, after this dialog opened/);
    expect(open(sim, PRINCIPAL).input.schoolName).toBe('Riverside Primary');
  });
});
