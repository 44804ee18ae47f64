// Spread's pages in Chromium, google.script.run bridged to the simulator: the Showcase dialog (dist/Showcase.html),
// Settings → Share with the district (dist/Settings.html), and the district hub's Settings (dist-hub/HubSettings.html).
import { call } from '../../dev/endpoints';
import { simDrive } from '../../dev/sim';
import { DISTRICT_ACCOUNT } from '../../dev/spread-sim';
import { loadAddOn } from '../helpers/addon';
import { district, DIST_HUB, readySchool, winRow } from '../helpers/spread';
import { eventually, openAddonPage, openSidebar, unnamedControls, useChromium } from './harness';

const browser = useChromium();

test('the Showcase dialog: opened from selected wins, every field named, the word counter, refused then nominated', async () => {
  const sim = readySchool(loadAddOn(), 'Maple Grove Elementary');
  call(sim, 'triageNominate', { winIds: ['W-0001', 'W-0003'] });
  const { page } = await openAddonPage(browser(), sim, { name: 'Showcase', viewport: { width: 640, height: 680 } });
  await page.getByLabel('Practice name').waitFor();
  expect(await unnamedControls(page)).toEqual([]);
  await eventually(async () => expect(await page.getByText('its story goes to the district').count()).toBe(1));
  expect(await page.getByText('counted only (its consent or privacy keeps the story here)').count()).toBe(1);
  // The tier the wins' dates suggest is chosen.
  expect(await page.getByRole('radio', { name: 'Promising (suggested)' }).isChecked()).toBe(true);
  await page.getByLabel('Practice name').fill('Reading buddies');
  await page.getByLabel('Goal it serves').selectOption('Reading for all');
  await page.getByLabel('What it is').fill(Array.from({ length: 301 }, () => 'word').join(' '));
  await eventually(async () => expect(await page.locator('#description-count').textContent()).toBe('301 of 300 words'));
  await page.getByRole('button', { name: 'Nominate' }).click();
  await eventually(async () =>
    expect(await page.getByRole('alert').first().textContent()).toBe('Keep "What it is" to 300 words.'),
  );
  await page.getByLabel('What it is').fill('Older students read with younger ones every Friday.');
  await page.getByLabel('Impact, with evidence').fill('Library visits doubled in a term.');
  await page.getByLabel('Contact').fill('Ana Ruiz');
  await page.getByRole('button', { name: 'Nominate' }).click();
  await eventually(async () =>
    expect(await page.getByRole('status').textContent()).toBe('P-001 ("Reading buddies") was nominated.'),
  );
  await page.getByRole('button', { name: 'Back to the list' }).click();
  await eventually(async () => expect(await page.getByRole('button', { name: 'Open P-001' }).count()).toBe(1));
  await page.close();
});

test("the Showcase dialog shows a linked win's date in the school's time zone, not the browser's", async () => {
  // 02:00 UTC on 16 September: 10 pm on the 15th at the school in New York, 11 am on the 16th in Tokyo.
  const late = winRow('W-0100', { headline: 'Late-evening win', submittedAt: '2026-09-16T02:00:00.000Z' });
  const sim = readySchool(loadAddOn(), 'Maple Grove Elementary', [late]);
  call(sim, 'triageNominate', { winIds: ['W-0100'] });
  const { page } = await openAddonPage(browser(), sim, {
    name: 'Showcase',
    viewport: { width: 640, height: 680 },
    browserTimeZone: 'Asia/Tokyo',
  });
  const item = page.locator('.linked li').filter({ hasText: 'Late-evening win' });
  await eventually(async () => expect(await item.textContent()).toMatch(/\b15\b.*2026|2026.*\b15\b/));
  expect(await item.textContent()).not.toMatch(/\b16\b/);
  await page.close();
});

test('Settings → Share with the district: start sharing, see the link and the date, stop', async () => {
  const sim = readySchool(loadAddOn(), 'Maple Grove Elementary');
  const { page } = await openAddonPage(browser(), sim, { name: 'Settings', viewport: { width: 560, height: 900 } });
  await page.getByLabel('District account').waitFor();
  expect(await unnamedControls(page)).toEqual([]);
  await page.getByLabel('District account').fill(DISTRICT_ACCOUNT);
  await page.getByRole('button', { name: 'Start sharing' }).click();
  await eventually(async () =>
    expect(await page.getByText(/^Shared with district@district\.example as a viewer/).count()).toBe(1),
  );
  const href = await page.getByRole('link', { name: 'Open the district export' }).getAttribute('href');
  const id = /\/d\/([^/]+)\//.exec(href ?? '')![1];
  expect(simDrive(sim).canRead(id, DISTRICT_ACCOUNT)).toBe(true);
  await page.getByRole('button', { name: 'Stop sharing' }).click();
  await eventually(async () => expect(simDrive(sim).canRead(id, DISTRICT_ACCOUNT)).toBe(false));
  await eventually(async () => expect(await page.getByText(/can no longer open the district export/).count()).toBe(1));
  await page.close();
});

test('the hub Settings page names every field, refuses what the server would, and saves', async () => {
  const { hub } = district();
  const { page } = await openAddonPage(browser(), hub, {
    name: 'HubSettings',
    dist: DIST_HUB,
    viewport: { width: 520, height: 560 },
  });
  await page.getByLabel('Principals (showcase digest)').waitFor();
  expect(await unnamedControls(page)).toEqual([]);
  await page.getByLabel('Principals (showcase digest)').fill('ana@maple.example, not-an-address');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await eventually(async () =>
    expect(await page.locator('#principals-error').textContent()).toBe('not-an-address is not an email address.'),
  );
  await page.getByLabel('Principals (showcase digest)').fill('ana@maple.example');
  await page.getByLabel('Google Cloud project ID').fill('riverside-data');
  await page.getByLabel('Dataset ID').fill('small_wins');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await eventually(async () => expect(await page.getByRole('status').textContent()).toBe('Settings saved.'));
  await page.close();
});

test('in the triage sidebar, an approved win offers Nominate as a showcase practice, which opens the Showcase dialog with it', async () => {
  const sim = readySchool(loadAddOn(), 'Maple Grove Elementary');
  const { page, calls } = await openSidebar(browser(), sim);
  // W-0005 is New: it has no such button.
  await page.getByRole('heading', { level: 2, name: 'Headline of W-0005' }).waitFor();
  expect(await page.getByRole('button', { name: 'Nominate as a showcase practice' }).count()).toBe(0);
  await page.getByRole('combobox', { name: /^Status/ }).selectOption('Approved');
  await page.getByRole('heading', { level: 2, name: /^Headline of W-000/ }).waitFor();
  const heading = (await page.getByRole('heading', { level: 2 }).first().textContent()) ?? '';
  const id = /W-\d{4}/.exec(heading)![0];
  await page.getByRole('button', { name: 'Nominate as a showcase practice' }).click();
  await eventually(async () =>
    expect(await page.getByText('The Showcase dialog is open: describe the practice there.').count()).toBe(1),
  );
  expect(calls).toContain('triageNominate');
  expect(sim.ui.dialogs[sim.ui.dialogs.length - 1].title).toBe('Showcase practices');
  expect(call(sim, 'showcaseOpen').start?.winIds).toEqual([id]);
  await page.close();
});
