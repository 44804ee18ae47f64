// The real Year-end synthesis dialog (dist/Synthesis.html) in Chromium, google.script.run bridged to the simulator
// running dist/: labelled choices with the defaults PRODUCT.md names, and a run whose result links every Doc.
import { simDocuments } from '../../dev/sim';
import { loadAddOn } from '../helpers/addon';
import { readySchool } from '../helpers/spread';
import { eventually, openAddonPage, unnamedControls, useChromium } from './harness';

const browser = useChromium();

test('choose the year and goals, make the Docs, and follow a link to each', async () => {
  const sim = loadAddOn();
  readySchool(sim, 'Maple Grove Elementary');
  const { page } = await openAddonPage(browser(), sim, {
    name: 'Synthesis',
    viewport: { width: 560, height: 600 },
  });
  const year = page.getByLabel('School year');
  await year.waitFor();
  await eventually(async () => expect(await year.inputValue()).toBe('2026'));
  // Every active goal is chosen by default, and the entries with no goal yet.
  const goals = page.getByRole('group', { name: 'Goals' });
  for (const name of ['Reading for all', 'Math confidence', 'Teaching together'])
    await eventually(async () => expect(await goals.getByLabel(name).isChecked()).toBe(true));
  expect(await goals.getByLabel(/Entries with no goal yet/).isChecked()).toBe(true);
  expect(await unnamedControls(page)).toEqual([]);
  await goals.getByLabel('Teaching together').uncheck();
  await page.getByRole('button', { name: 'Make the Docs' }).click();
  const result = page.getByRole('region', { name: 'Docs for 2026–27' });
  await result.getByRole('status').getByText('Every Doc for 2026–27 is ready.').waitFor();
  const links = result.getByRole('link');
  await eventually(async () =>
    expect(await links.allInnerTexts()).toEqual([
      'Reading for all',
      'Math confidence',
      'Belonging and wellbeing',
      'Family partnership',
    ]),
  );
  const made = simDocuments(sim).list();
  expect(made).toHaveLength(4);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(made.map((d) => `https://docs.google.com/document/d/${d.id}/edit`));
  await eventually(async () => expect(await result.innerText()).toContain('No goal yet — no entries this year'));
  await page.close();
});
