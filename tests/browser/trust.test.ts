// The sidebar (dist/Sidebar.html) and Settings (dist/Settings.html) in Chromium for issue 10: recording the
// submitter's consent, the offer to rebuild a draft that still carries a disqualified win, and the Needs attention
// note in Settings' recent issues.
import { seedLog, seedWins, seedWin } from '../../dev/triage-fixtures';
import { loadAddOn, setUpSchool } from '../helpers/addon';
import {
  addWins,
  gmail,
  issueRows,
  loadNewsletterAddOn,
  saveSettings,
  settingsInput,
  Sim,
  win,
} from '../integration/newsletter-fixtures';
import { eventually, openAddonPage, openSidebar, unnamedControls, useChromium } from './harness';

const browser = useChromium();

function cell(sim: Sim, id: string, header: string): unknown {
  const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
  const row = values.find((r) => r[values[0].indexOf('ID')] === id);
  return row?.[values[0].indexOf(header)];
}

test("a win without the submitter's consent on record: only Staff only can be chosen until a leader records it", async () => {
  const sim = loadAddOn();
  setUpSchool(sim);
  seedLog(sim, 2, 2);
  // The newest win was typed in by hand: its Consent says Public, but no Consent given.
  seedWins(sim, [{ ...seedWin(3, 3, 3), consent: 'Public', consentGiven: '', responseKey: '' }]);
  const { page } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: /#3\)/ }).waitFor();
  const record = page.getByRole('group', { name: "The submitter's consent" });
  await record.waitFor();
  await eventually(async () =>
    expect(await record.textContent()).toMatch(/Not on record, so this win counts as Staff only/),
  );
  const consent = page.getByRole('combobox', { name: 'Consent', exact: true });
  await eventually(async () =>
    expect(await consent.locator('option:not([disabled])').allTextContents()).toEqual(['Staff only']),
  );
  expect(await unnamedControls(page)).toEqual([]);

  await record.getByRole('combobox', { name: 'They allow' }).selectOption('School community');
  await record.getByRole('button', { name: "Record the submitter's consent" }).click();
  await eventually(() => expect(cell(sim, 'W-0003', 'Consent given')).toBe('School community'));
  expect(cell(sim, 'W-0003', 'Consent recorded by')).toBe('principal@school.example');
  await page.getByText(/Recorded the submitter's consent \(School community\): W-0003/).waitFor();
  await eventually(async () => expect(await record.count()).toBe(0));
  await page.getByText(/The submitter allowed: School community \(recorded by principal@school\.example/).waitFor();
  await eventually(async () =>
    expect(await consent.locator('option:not([disabled])').allTextContents()).toEqual([
      'Staff only',
      'School community',
    ]),
  );
  await page.close();
});

test('archiving a win that is in a waiting draft offers to rebuild the draft; Settings shows the note', async () => {
  const sim = loadNewsletterAddOn();
  expect(
    saveSettings(
      sim,
      settingsInput({
        audiences: {
          Staff: { enabled: true, recipients: 'staff@school.example' },
          Families: { enabled: false, recipients: '' },
          Public: { enabled: false, recipients: '' },
        },
      }),
    ).ok,
  ).toBe(true);
  addWins(sim, [win({ id: 'W-0001', headline: 'Stays in' }), win({ id: 'W-0002', headline: 'Taken back' })]);
  sim.run('draftNewsletterNow');
  const draftId = String(issueRows(sim)[0]['Draft ID']);
  expect(gmail(sim).get(draftId)?.text).toContain('Taken back');

  const { page } = await openSidebar(browser(), sim);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('Approved');
  await page.getByRole('heading', { level: 2, name: 'Taken back' }).waitFor();
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  const offers = page.getByRole('group', { name: 'Newsletter drafts to fix' });
  await offers.getByText(/W-0002 is in the draft of Staff #1, still waiting in your Gmail/).waitFor();
  expect(await unnamedControls(page)).toEqual([]);

  // Settings' recent issues say so too, for a leader who looks there.
  const settings = await openAddonPage(browser(), sim, {
    name: 'Settings',
    viewport: { width: 560, height: 900 },
  });
  await settings.page
    .getByText(/Needs attention \(Staff #1\): W-0002 "Taken back" changed after the draft was made/)
    .waitFor();
  await settings.page.close();

  await offers.getByRole('button', { name: 'Rebuild the draft of Staff #1' }).click();
  await page.getByText(/The draft of Staff #1 was rebuilt without W-0002 "Taken back"/).waitFor();
  await eventually(() => expect(gmail(sim).get(draftId)?.text).not.toContain('Taken back'));
  expect(gmail(sim).get(draftId)?.text).toContain('Stays in');
  await eventually(async () => expect(await offers.count()).toBe(0));
  await page.close();
});
