// The Settings dialog's server side through the built bundle: the menu, the dialog page, validation on save.
import { loadNewsletterAddOn, saveSettings, settingsInput } from './newsletter-fixtures';

test('menu order and the Settings dialog page', () => {
  const sim = loadNewsletterAddOn();
  const captions = sim.ui.menus[0].items.map((i) => ('caption' in i ? i.caption : ''));
  expect(captions.indexOf('Settings')).toBeGreaterThan(captions.indexOf('Set up'));
  expect(captions.slice(-5)).toEqual([
    'Settings',
    'Draft newsletter now',
    'Refresh dashboard',
    'Year-end synthesis…',
    'Help',
  ]);
  sim.run('showSettings');
  const dialog = sim.ui.dialogs[sim.ui.dialogs.length - 1];
  expect(dialog.title).toBe('Small Wins settings');
  expect(dialog.html).toContain('<div id="app"');
  expect(dialog.html).not.toMatch(/<!-- (STYLE|SCRIPT) -->/);
});

test('the server validates again and reports by field; saved settings come back in the view', () => {
  const sim = loadNewsletterAddOn();
  const bad = saveSettings(
    sim,
    settingsInput({
      replyTo: 'office',
      audiences: {
        Staff: { enabled: true, recipients: 'not an address' },
        Families: { enabled: false, recipients: '' },
        Public: { enabled: false, recipients: '' },
      },
    }),
  );
  expect(bad.ok).toBe(false);
  expect(Object.keys(bad.errors ?? {}).sort()).toEqual(['recipients.Staff', 'replyTo']);
  // Set up installed the one clock; a refused save changes nothing.
  expect(
    sim
      .triggers()
      .filter((t) => t.type === 'CLOCK')
      .map((t) => t.fn),
  ).toEqual(['onClock']);
  expect(saveSettings(sim, settingsInput()).ok).toBe(true);
  const r = sim.runSidebar('settingsOpen', []);
  if (!r.ok) throw new Error(r.error);
  const view = r.value as {
    input: { schoolName: string; audiences: Record<string, { recipients: string }> };
    automation: string;
    timeZone: string;
  };
  expect(view.input.schoolName).toBe('Riverside Primary');
  expect(view.input.audiences.Families.recipients).toBe('families@school.example, pta@school.example');
  expect(view.automation).toBe(
    'Issues are drafted every Friday at 07:00. The automation runs from your account; it has not run yet (it runs once an hour).',
  );
  expect(view.timeZone).toBe('America/New_York');
});
