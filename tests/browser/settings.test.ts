// The real Settings dialog (dist/Settings.html) in Chromium, google.script.run bridged to the simulator running
// dist/ with DocumentApp and Gmail: labelled fields, validation on the client and on the server (a template Doc
// that cannot be opened), saving (the one clock stays, whatever the cadence), and cancelling an unsent issue.
import type { Page } from 'playwright-core';
import type { SettingsView } from '../../src/settings-api';
import {
  addWins,
  docs,
  gmail,
  issueRows,
  loadNewsletterAddOn,
  saveSettings,
  settingsInput,
  sharedIn,
  Sim,
  win,
} from '../integration/newsletter-fixtures';
import { call } from '../../dev/endpoints';
import { eventually, openAddonPage, unnamedControls, useChromium } from './harness';

const browser = useChromium();

interface OpenedDialog {
  page: Page;
  /** Messages of the confirm() dialogs the page showed (each is accepted, as a leader clicking OK). */
  confirms: string[];
  calls: string[];
}

/** The dialog at the size Settings opens it (560 px), every server call answered by `sim`. */
async function openSettings(sim: Sim): Promise<OpenedDialog> {
  const { page, dialogs, calls } = await openAddonPage(browser(), sim, {
    name: 'Settings',
    viewport: { width: 560, height: 640 },
    dialogs: 'accept',
  });
  await page.getByLabel('School name').waitFor();
  return { page, confirms: dialogs, calls };
}

function view(sim: Sim): SettingsView {
  return call(sim, 'settingsOpen');
}

const clockTriggers = (sim: Sim) => sim.triggers().filter((t) => t.type === 'CLOCK');

/** A school that drafted one Staff issue on demand (schedule off), and has a template Doc of its own. */
function school(): { sim: Sim; templateId: string } {
  const sim = loadNewsletterAddOn();
  const off = { kind: 'off', weekday: 5, monthDay: 1, hour: 7 };
  const staffOnly = {
    Staff: { enabled: true, recipients: 'staff@school.example' },
    Families: { enabled: false, recipients: '' },
    Public: { enabled: false, recipients: '' },
  };
  expect(saveSettings(sim, settingsInput({ cadence: off, audiences: staffOnly })).ok).toBe(true);
  addWins(sim, [win({ id: 'W-0901', consent: 'School community' }), win({ id: 'W-0902', consent: 'Staff only' })]);
  sim.run('draftNewsletterNow');
  expect(issueRows(sim).map((r) => `${r.Audience} #${r.Issue} ${r.State}`)).toEqual(['Staff #1 Done']);
  const templateId = docs(sim).createDoc('Our newsletter template', [
    { text: '{{school}}', heading: 'TITLE' },
    { text: '{{wins}}' },
  ]);
  return { sim, templateId };
}

test('every field has a unique accessible name, and the recent issues offer Cancel', async () => {
  const { sim } = school();
  const { page } = await openSettings(sim);
  expect(await unnamedControls(page)).toEqual([]);
  // Names a screen reader announces, each one unique.
  for (const name of [
    'School name',
    'Recipients for Staff',
    'Recipients for Families',
    'Recipients for Public',
    'How often',
    'Template Doc (optional)',
    'Sender name',
    'Reply-to address',
    'Credit contributors by name',
    'Draft a newsletter for Families',
    'Draft a thank-you to each person whose win first reaches families or the public',
    'Draft a weekly digest for leaders (wins waiting, the oldest, how many need info)',
    'Leaders who get the weekly digest',
  ]) {
    await eventually(async () => expect(await page.getByLabel(name, { exact: true }).count()).toBe(1));
  }
  await eventually(async () =>
    expect(await page.getByLabel('Recipients for Staff', { exact: true }).inputValue()).toBe('staff@school.example'),
  );
  await eventually(async () => expect(await page.getByRole('button', { name: 'Cancel Staff #1' }).count()).toBe(1));
  await page.close();
});

test('a bad address and a template that cannot be opened are shown on their fields; fixed, the settings and the trigger are saved', async () => {
  const { sim, templateId } = school();
  // Set up installed the one clock; saving with the schedule off kept it.
  const clock = clockTriggers(sim).map((t) => `${t.fn} ${t.id} ${t.owner}`);
  expect(clock).toEqual([expect.stringMatching(/^onClock \d+ principal@school\.example$/)]);
  const { page, calls } = await openSettings(sim);
  const families = page.getByLabel('Recipients for Families', { exact: true });
  const template = page.getByLabel('Template Doc (optional)', { exact: true });

  await page.getByLabel('Draft a newsletter for Families', { exact: true }).check();
  await families.fill('pta@school.example, parents@school');
  await template.fill('https://docs.google.com/document/d/1NoSuchTemplateDocAAAAAAAAAAAAAAAAAAAAAAAAA/edit');
  await page.getByLabel('How often', { exact: true }).selectOption('weekly');
  await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Thursday' });
  await page.getByLabel('Hour', { exact: true }).selectOption({ label: '08:00' });
  await page.getByRole('button', { name: 'Save settings' }).click();

  // The dialog checks addresses itself: nothing is sent, the field says what is wrong and takes the focus.
  const recipientsError = page.locator('#rcpt-Families-error');
  await eventually(async () =>
    expect(await recipientsError.textContent()).toMatch(/"parents@school" is not an email address/),
  );
  await eventually(async () => expect(await families.getAttribute('aria-invalid')).toBe('true'));
  await eventually(async () =>
    expect(await families.getAttribute('aria-describedby')).toContain('rcpt-Families-error'),
  );
  await eventually(async () => expect(await page.evaluate(() => document.activeElement?.id)).toBe('rcpt-Families'));
  await page.getByRole('status').getByText('Some settings need a fix before they can be saved.').waitFor();
  // Nothing was sent to save: the page only opened (its "Share with the district" section loads on its own).
  expect(calls).toEqual(['settingsOpen', 'districtOpen']);

  // Fixed: the error goes as the leader types. The server then finds the template cannot be opened.
  await families.fill('pta@school.example, parents@school.example');
  await recipientsError.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Save settings' }).click();
  const templateError = page.locator('#template-error');
  await eventually(async () =>
    expect(await templateError.textContent()).toMatch(/could not be opened from your account/),
  );
  await eventually(async () => expect(await template.getAttribute('aria-invalid')).toBe('true'));
  await eventually(async () => expect(await page.evaluate(() => document.activeElement?.id)).toBe('template'));
  expect(calls).toEqual(['settingsOpen', 'districtOpen', 'settingsSave']);
  expect(view(sim).input.template).toBe('');
  expect(clockTriggers(sim).map((t) => `${t.fn} ${t.id} ${t.owner}`)).toEqual(clock);

  await template.fill(`https://docs.google.com/document/d/${templateId}/edit`);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page
    .getByRole('status')
    .getByText(
      /^Settings saved\. Issues are drafted every Thursday at 08:00 \(America\/New_York\)\. The hourly clock \(missed responses, the newsletter schedule\) runs from your account/,
    )
    .waitFor();
  await templateError.waitFor({ state: 'detached' });

  const saved = view(sim).input;
  expect(saved.audiences.Families).toEqual({ enabled: true, recipients: 'pta@school.example, parents@school.example' });
  expect(saved.audiences.Staff).toEqual({ enabled: true, recipients: 'staff@school.example' });
  expect(saved.cadence).toEqual({ kind: 'weekly', weekday: 4, monthDay: 1, hour: 8 });
  expect(saved.template).toBe(templateId);
  expect(clockTriggers(sim).map((t) => `${t.fn} ${t.id} ${t.owner}`)).toEqual(clock);
  // The dialog shows what was saved (the template as its ID).
  await eventually(async () => expect(await template.inputValue()).toBe(templateId));
  await page.close();
});

test('closing the loop: the digest needs its leaders; both opt-ins and the leaders are saved', async () => {
  const { sim } = school();
  const { page } = await openSettings(sim);
  const leaders = page.getByLabel('Leaders who get the weekly digest', { exact: true });
  await page.getByLabel('Draft a weekly digest for leaders (wins waiting, the oldest, how many need info)').check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  const error = page.locator('#leaders-error');
  await eventually(async () =>
    expect(await error.textContent()).toBe('Add the leaders the weekly digest goes to, or turn the digest off.'),
  );
  await eventually(async () => expect(await page.evaluate(() => document.activeElement?.id)).toBe('leaders'));
  await leaders.fill('head@school.example; deputy@school.example');
  await page
    .getByLabel('Draft a thank-you to each person whose win first reaches families or the public', { exact: true })
    .check();
  await error.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page
    .getByRole('status')
    .getByText(/^Settings saved/)
    .waitFor();
  expect(view(sim).input.closingLoop).toEqual({
    thankSubmitters: true,
    leaderDigest: true,
    leaders: 'head@school.example, deputy@school.example',
  });
  await page.close();
});

test('the recent issues list cancels an unsent issue: its draft is deleted and its wins are eligible again', async () => {
  const { sim } = school();
  const staff = issueRows(sim)[0];
  expect(sharedIn(sim)).toEqual({ 'W-0901': 'Staff #1', 'W-0902': 'Staff #1' });
  const { page, confirms } = await openSettings(sim);
  const row = page.getByRole('row', { name: /Staff #1/ });
  await eventually(async () => expect(await row.getByRole('cell').nth(3).textContent()).toBe('Done'));
  await page.getByRole('button', { name: 'Cancel Staff #1' }).click();
  await page
    .getByRole('status')
    .getByText(/^Staff #1 is cancelled: 2 wins are eligible again\. Its Gmail draft was deleted\./)
    .waitFor();
  expect(confirms).toEqual([
    expect.stringMatching(/^Cancel Staff #1 \(.+\)\? Its wins become eligible again and its Gmail draft is deleted\.$/),
  ]);
  await eventually(async () => expect(await row.getByRole('cell').nth(3).textContent()).toBe('Cancelled'));
  await eventually(async () => expect(await page.getByRole('button', { name: 'Cancel Staff #1' }).count()).toBe(0));
  expect(issueRows(sim)[0].State).toBe('Cancelled');
  expect(gmail(sim).get(String(staff['Draft ID']))!.deleted).toBe(true);
  expect(sharedIn(sim)).toEqual({ 'W-0901': '', 'W-0902': '' });
  await page.close();
});

test('says whose account runs the automation, and warns when its clock has stopped', async () => {
  const { sim } = school();
  sim.advanceTo('2026-11-23T15:20:00Z'); // the tick at 15:00
  let opened = await openSettings(sim);
  await opened.page.getByText(/The automation runs from your account; last ran 20 minutes ago\./).waitFor();
  expect(await opened.page.locator('#automation-warning').count()).toBe(0);
  await opened.page.close();
  // The owner's trigger is gone (their account was removed): three hours on, the dialog warns.
  for (const t of sim.api.ScriptApp.getProjectTriggers()) sim.api.ScriptApp.deleteTrigger(t);
  sim.advanceTo('2026-11-23T18:05:00Z');
  opened = await openSettings(sim);
  await opened.page.getByText(/The automation runs from your account; last ran 3 hours ago\./).waitFor();
  await eventually(async () =>
    expect(await opened.page.locator('#automation-warning').textContent()).toMatch(
      /^The automation last ran 3 hours ago: missed responses are not being added/,
    ),
  );
  await opened.page.close();
});

test("another leader's save since the dialog opened: nothing is overwritten, their changes are shown and kept, saving again keeps both", async () => {
  const { sim } = school();
  const { page } = await openSettings(sim);
  const schoolName = page.getByLabel('School name', { exact: true });
  const sender = page.getByLabel('Sender name', { exact: true });
  const replyTo = page.getByLabel('Reply-to address', { exact: true });
  await eventually(async () => expect(await schoolName.inputValue()).toBe('Riverside Primary'));

  // Helen, in her own dialog, renames the school and changes the reply-to address, and saves first.
  sim.clock.advance(3 * 60_000);
  sim.setUser('helen@school.example');
  const hers = view(sim);
  const saved = call(
    sim,
    'settingsSave',
    { ...hers.input, schoolName: 'Riverside Primary School', replyTo: 'helen@school.example' },
    { takeOverSchedule: false, version: hers.version },
  );
  expect(saved.ok).toBe(true);
  sim.setUser('principal@school.example');

  // The principal, in the dialog opened before, changes the sender and the reply-to address, and saves.
  await sender.fill('The principal');
  await replyTo.fill('principal@school.example');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page
    .getByRole('status')
    .getByText(
      'helen@school.example saved the settings at 09:03 on Monday 23 November, after this dialog opened. Nothing was saved: their changes are now in the form, with yours. Check them, then save again.',
    )
    .waitFor();
  const panel = page.getByRole('region', {
    name: 'Changed by helen@school.example at 09:03 on Monday 23 November since you opened Settings',
  });
  await panel.waitFor();
  await eventually(async () =>
    expect(await panel.getByRole('listitem').allTextContents()).toEqual([
      'School name: “Riverside Primary” → “Riverside Primary School”',
      'Reply-to address: “office@school.example” → “helen@school.example”',
    ]),
  );
  await eventually(async () => expect(await panel.textContent()).toContain('You both changed: Reply-to address.'));
  await eventually(async () => expect(await page.evaluate(() => document.activeElement?.id)).toBe('conflict'));
  // Her change is in the form; the principal's edits are still there; the server kept her save untouched.
  await eventually(async () => expect(await schoolName.inputValue()).toBe('Riverside Primary School'));
  await eventually(async () => expect(await sender.inputValue()).toBe('The principal'));
  await eventually(async () => expect(await replyTo.inputValue()).toBe('principal@school.example'));
  expect(view(sim).input).toMatchObject({
    schoolName: 'Riverside Primary School',
    senderName: 'Ms Díaz, Principal',
    replyTo: 'helen@school.example',
  });

  // Having seen the changes, the principal saves again: both leaders' changes are kept.
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page
    .getByRole('status')
    .getByText(/^Settings saved\./)
    .waitFor();
  await panel.waitFor({ state: 'detached' });
  expect(view(sim).input).toMatchObject({
    schoolName: 'Riverside Primary School',
    senderName: 'The principal',
    replyTo: 'principal@school.example',
  });
  expect(view(sim).version).toBe(3);
  await page.close();
});

test('a Doc link typed over in the Newsletters sheet is not a link in the recent issues: only https: is', async () => {
  const { sim } = school();
  const sheet = sim.spreadsheet.sheet('Newsletters')!;
  const { page } = await openSettings(sim);
  const cell = page
    .getByRole('row', { name: /Staff #1/ })
    .getByRole('cell')
    .first();
  await eventually(async () =>
    expect(await cell.locator('a').getAttribute('href')).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//),
  );
  await page.close();
  for (const typed of ['javascript:alert(1)', 'http://docs.google.com/document/d/1abc/edit', 'data:text/html,x']) {
    sheet.setCell(2, sheet.columnOf('Doc link'), typed);
    const { page: again } = await openSettings(sim);
    const label = again
      .getByRole('row', { name: /Staff #1/ })
      .getByRole('cell')
      .first();
    await eventually(async () => expect(await label.textContent()).toBe('Staff #1'));
    expect(await label.locator('a').count()).toBe(0);
    await again.close();
  }
});

test("each audience's greeting, sign-off and fewest wins are saved; the dialog says when the schedule drafts next and how many wins wait", async () => {
  const sim = loadNewsletterAddOn(); // Monday 23 November 2026, 09:00 in New York
  expect(saveSettings(sim, settingsInput({ cadence: { kind: 'weekly', weekday: 5, monthDay: 1, hour: 15 } })).ok).toBe(
    true,
  );
  addWins(sim, [win({ id: 'W-0951', consent: 'School community' }), win({ id: 'W-0952', consent: 'Staff only' })]);
  const { page } = await openSettings(sim);
  await page.locator('#next-run').getByText('Next issue: Friday 27 November, at the first check after 3 pm.').waitFor();
  await page
    .locator('#waiting')
    .getByText('Waiting now: Staff 2 wins, Families 1 win, Public no wins.', { exact: true })
    .waitFor();
  const greeting = page.getByLabel('Greeting for Families', { exact: true });
  expect(await greeting.getAttribute('placeholder')).toBe('Dear families,');
  expect(await page.getByLabel('Sign-off for Families', { exact: true }).getAttribute('placeholder')).toBe(
    'With thanks,\nMs Díaz, Principal',
  );
  await greeting.fill('Dear Riverside families,');
  await page.getByLabel('Sign-off for Families', { exact: true }).fill('Warmly,\nMrs Díaz');
  const fewest = page.getByLabel('Skip a scheduled issue with fewer wins than for Families', { exact: true });
  await fewest.fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await eventually(async () =>
    expect(await page.locator('#minWins-Families-error').textContent()).toBe(
      'Enter a whole number of wins from 1 to 100.',
    ),
  );
  await fewest.fill('3');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page
    .getByRole('status')
    .getByText(/^Settings saved\./)
    .waitFor();
  await page
    .locator('#waiting')
    .getByText('Waiting now: Staff 2 wins, Families 1 win (a scheduled issue needs 3), Public no wins.', {
      exact: true,
    })
    .waitFor();
  expect(view(sim).input.editions!.Families).toEqual({
    greeting: 'Dear Riverside families,',
    signoff: 'Warmly,\nMrs Díaz',
    minWins: '3',
  });
  await page.close();
});

test('family languages: added from the pick list with their own recipients, checked, saved, and removed', async () => {
  const { sim } = school();
  const { page } = await openSettings(sim);
  await page.getByRole('button', { name: 'Add a language' }).click();
  const language = page.getByLabel('Language 1', { exact: true });
  await language.waitFor();
  await language.selectOption('ar');
  const recipients = page.getByLabel('Recipients for Arabic', { exact: true });
  await recipients.fill('arabic-families@school');
  await page.getByRole('button', { name: 'Save settings' }).click();
  // Checked like an audience's recipients, on its own row.
  const error = page.locator('#lang-0-rcpt-error');
  await eventually(async () => expect(await error.textContent()).toMatch(/"arabic-families@school" is not an email/));
  await eventually(async () => expect(await recipients.getAttribute('aria-invalid')).toBe('true'));
  expect(await unnamedControls(page)).toEqual([]);

  await recipients.fill('arabic-families@school.example');
  await page.getByRole('button', { name: 'Add a language' }).click();
  await page.getByLabel('Language 2', { exact: true }).selectOption('es');
  await page.getByLabel('Recipients for Spanish', { exact: true }).fill('familias@school.example');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page
    .getByRole('status')
    .getByText(/^Settings saved\./)
    .waitFor();
  expect(view(sim).input.familyLanguages).toEqual([
    { code: 'ar', recipients: 'arabic-families@school.example' },
    { code: 'es', recipients: 'familias@school.example' },
  ]);

  await page.getByRole('button', { name: 'Remove Arabic' }).click();
  await eventually(async () => expect(await page.getByLabel('Recipients for Arabic').count()).toBe(0));
  await page.getByRole('button', { name: 'Save settings' }).click();
  await eventually(async () =>
    expect(view(sim).input.familyLanguages).toEqual([{ code: 'es', recipients: 'familias@school.example' }]),
  );
  await page.close();
});
