// The real sidebar (dist/Sidebar.html) in Chromium, google.script.run bridged to the simulator running dist/.
import { ANSWERS, byTitle, loadAddOn, setUpSchool, Sim } from '../helpers/addon';
import { seedLog, seedWin, seedWins } from '../../dev/triage-fixtures';
import { WIN_COLUMNS } from '../../src/domain/schema';
import { eventually, openSidebar, unnamedControls, useChromium } from './harness';

const browser = useChromium();

function school(n = 5): Sim {
  const sim = loadAddOn();
  setUpSchool(sim);
  seedLog(sim, n, n);
  return sim;
}

function cell(sim: Sim, id: string, header: string): unknown {
  const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
  const row = values.find((r) => r[values[0].indexOf('ID')] === id);
  return row?.[values[0].indexOf(header)];
}

function rowOf(sim: Sim, id: string): number {
  const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
  return values.findIndex((r) => r[values[0].indexOf('ID')] === id) + 1;
}

async function waitForCell(sim: Sim, id: string, header: string, expected: unknown) {
  // Up to 10 s: a loaded CI machine can take a while to carry the call through the bridge.
  for (let i = 0; i < 500 && cell(sim, id, header) !== expected; i++) await new Promise((r) => setTimeout(r, 20));
  expect(cell(sim, id, header)).toBe(expected);
}

test('opens on the newest win to triage with counts, and every control has an accessible name', async () => {
  const sim = school(5);
  const { page } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: /#5\)/ }).waitFor();
  await eventually(async () => expect(await page.locator('.counts').textContent()).toMatch(/New\s*4.*Needs info\s*1/));
  await eventually(async () => expect(await unnamedControls(page)).toEqual([]));
  await page.close();
});

test('tag a goal, approve, and undo', async () => {
  const sim = school(3);
  const { page } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: /#3\)/ }).waitFor();
  const chip = page.getByRole('button', { name: /^Math confidence/ });
  await chip.click();
  await page.locator('button.chip[aria-pressed="true"]', { hasText: 'Math confidence' }).waitFor();
  await eventually(async () => expect(await chip.getAttribute('aria-pressed')).toBe('true'));
  await waitForCell(sim, 'W-0003', 'Goals', 'Math confidence');

  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await waitForCell(sim, 'W-0003', 'Status', 'Approved');
  await page.getByText(/Approved: W-0003\. Press u to undo\./).waitFor();

  await page.getByRole('button', { name: /^Undo: Approved W-0003/ }).click();
  await waitForCell(sim, 'W-0003', 'Status', 'New');
  expect(cell(sim, 'W-0003', 'Goals')).toBe('Math confidence');
  await page.close();
});

test('a blurb being typed survives another save of the same win (tagging a goal meanwhile)', async () => {
  const sim = school(3);
  const { page } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: /#3\)/ }).waitFor();
  const blurb = page.getByRole('textbox', { name: /Public blurb/ });
  await blurb.fill('Year 3 moved maths outdoors');
  await page.getByRole('button', { name: /^Math confidence/ }).click();
  await waitForCell(sim, 'W-0003', 'Goals', 'Math confidence');
  await page.locator('button.chip[aria-pressed="true"]', { hasText: 'Math confidence' }).waitFor();
  await eventually(async () => expect(await blurb.inputValue()).toBe('Year 3 moved maths outdoors'));
  await page.getByRole('button', { name: 'Save blurb' }).click();
  await waitForCell(sim, 'W-0003', 'Public blurb', 'Year 3 moved maths outdoors');
  await eventually(async () => expect(await blurb.inputValue()).toBe('Year 3 moved maths outdoors'));
  await page.close();
});

test('a change made in the sheet since loading is a conflict: nothing is overwritten, the new version is shown', async () => {
  const sim = school(3);
  const { page } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: /#3\)/ }).waitFor();
  const wins = sim.spreadsheet.sheet('Wins')!;
  wins.setCell(rowOf(sim, 'W-0003'), wins.columnOf(WIN_COLUMNS.story), 'A colleague rewrote this story in the sheet.');
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await page
    .getByRole('alert')
    .getByText(/changed since you opened it.*Story/)
    .waitFor();
  await page.getByText('A colleague rewrote this story in the sheet.').waitFor();
  expect(cell(sim, 'W-0003', 'Status')).toBe('New');
  // The leader can act on the new version.
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await waitForCell(sim, 'W-0003', 'Status', 'Approved');
  await page.close();
});

test('the keyboard path: next, toggle a goal, approve, archive, search, help', async () => {
  const sim = school(4);
  const { page } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: /#4\)/ }).waitFor();
  await page.keyboard.press('j');
  await page.getByRole('heading', { level: 2, name: /#3\)/ }).waitFor();
  await page.keyboard.press('k');
  await page.getByRole('heading', { level: 2, name: /#4\)/ }).waitFor();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('heading', { level: 2, name: /#3\)/ }).waitFor();
  await page.keyboard.press('2');
  await waitForCell(sim, 'W-0003', 'Goals', 'Math confidence');
  await page.keyboard.press('a');
  await waitForCell(sim, 'W-0003', 'Status', 'Approved');
  // Approving moves on to the next win.
  await page.getByRole('heading', { level: 2, name: /#2\)/ }).waitFor();
  await page.keyboard.press('e');
  await waitForCell(sim, 'W-0002', 'Status', 'Archived');
  await page.keyboard.press('u');
  await waitForCell(sim, 'W-0002', 'Status', 'New');

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  await eventually(async () => expect(await help.textContent()).toMatch(/Approve.*Archive/s));
  // Focus moves to the dialog's Close button once the dialog has rendered (an effect after paint).
  await eventually(async () => expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close'));
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  await page.keyboard.press('/');
  await eventually(async () =>
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search wins (/)'),
  );
  await page.keyboard.type('#1)');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 2, name: /#1\)/ }).waitFor();
  // Focus is visible: the focused control has an outline.
  await page.keyboard.press('Tab');
  await eventually(async () =>
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid'),
  );
  await page.close();
});

test('HTML and script in a story are shown as text and never run', async () => {
  const sim = loadAddOn();
  setUpSchool(sim);
  const story = 'Look: <img src=x onerror=alert(1)> and <script>alert(2)</script> done';
  seedWins(sim, [{ ...seedWin(1, 1, 1), headline: '<b>Bold</b> claim', story }]);
  const { page, dialogs } = await openSidebar(browser(), sim);
  await page.getByText(story).waitFor();
  await page.getByRole('heading', { level: 2, name: '<b>Bold</b> claim' }).waitFor();
  await eventually(async () =>
    expect(await page.locator('.win img, .win script, .win h2 b, .win .story b').count()).toBe(0),
  );
  await page.waitForTimeout(200);
  expect(dialogs).toEqual([]);
  await page.close();
});

test('select several to tag or approve in one call; blurb contact warning while typing; help lists the keys; all named at 300 px', async () => {
  const sim = school(5);
  const { page, calls } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: /#5\)/ }).waitFor();
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.getByRole('heading', { level: 2, name: /#4\)/ }).waitFor();
  await page.keyboard.press('x');
  const group = page.getByRole('group', { name: 'Group actions' });
  await group.getByText('2 selected').waitFor();
  // W-0004 names students: its privacy checkbox is on screen too.
  await page.getByRole('checkbox', { name: /Privacy cleared/ }).waitFor();
  await eventually(async () => expect(await unnamedControls(page)).toEqual([]));
  await eventually(async () =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300),
  );

  await group.getByRole('combobox', { name: 'Goal to tag the selected wins with' }).selectOption('Family partnership');
  const before = calls.length;
  await group.getByRole('button', { name: 'Tag selected' }).click();
  await waitForCell(sim, 'W-0005', 'Goals', 'Family partnership');
  await waitForCell(sim, 'W-0004', 'Goals', 'Family partnership');
  expect(calls.slice(before)).toEqual(['triageSaveMany']);
  await page.getByText('Tagged Family partnership: 2 of 2 wins.').waitFor();

  await page.keyboard.press('x');
  await page.keyboard.press('k');
  await page.getByRole('heading', { level: 2, name: /#5\)/ }).waitFor();
  await page.keyboard.press('x');
  await page.getByRole('button', { name: 'Approve selected' }).click();
  await waitForCell(sim, 'W-0005', 'Status', 'Approved');
  await waitForCell(sim, 'W-0004', 'Status', 'Approved');
  expect(cell(sim, 'W-0003', 'Status')).toBe('New');

  const blurb = page.getByRole('textbox', { name: 'Public blurb' });
  await blurb.fill('Ask Ana on 555-123-4567 or ana.ruiz@school.example');
  await page
    .locator('#blurb-contact')
    .getByText('This blurb contains an email address. This blurb contains what looks like a phone number.')
    .waitFor();
  await page.getByRole('button', { name: 'Save blurb' }).click();
  await page.getByRole('list', { name: 'Warnings' }).getByText('The public blurb contains an email address.').waitFor();
  await blurb.fill('Ask Ana in the library');
  await eventually(async () => expect(await page.locator('#blurb-contact').textContent()).toBe(''));

  await page.keyboard.press('Escape');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  const keys = await help.locator('dt').allTextContents();
  expect(keys).toEqual(['j or ↓', 'k or ↑', '1 – 9', 'a', 'f', 'n', 'e', 'x', '/', 'u', '?', 'Esc']);
  await page.close();
});

test('says how many form responses wait for the clock while any do', async () => {
  const sim = loadAddOn();
  const formId = setUpSchool(sim);
  sim.holdLock('document');
  sim.submitForm(formId, byTitle(ANSWERS), { email: 'ana@school.example' });
  sim.holdLock('document', 0);
  const { page } = await openSidebar(browser(), sim);
  await page
    .getByText('1 form response is waiting to be added to the log; Small Wins adds it within the hour.')
    .waitFor();
  await page.close();
  sim.advanceTo('2026-11-23T15:30:00Z');
  const again = await openSidebar(browser(), sim);
  await again.page.getByRole('heading', { level: 2, name: /Reading buddies/ }).waitFor();
  expect(await again.page.locator('.waiting').count()).toBe(0);
  await again.page.close();
});

test('an evidence link becomes a link only when it is https: http:, javascript: and data: stay text', async () => {
  const sim = loadAddOn();
  setUpSchool(sim);
  const links = [
    'https://photos.school.example/album/7',
    'http://photos.school.example/album/8',
    'javascript:alert(1)',
    'data:text/html,<script>alert(2)</script>',
  ];
  seedWins(
    sim,
    links.map((link, i) => ({ ...seedWin(i + 1, links.length, links.length), headline: `Link case ${i + 1}`, link })),
  );
  const { page, dialogs } = await openSidebar(browser(), sim);
  for (let i = links.length; i >= 1; i--) {
    await page.getByRole('heading', { level: 2, name: `Link case ${i}` }).waitFor();
    const link = page.locator('.win p.link');
    await eventually(async () =>
      expect(await link.textContent()).toContain(i === 1 ? 'Photos or documents' : 'Link: '),
    );
    const hrefs = await link.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(i === 1 ? [links[0]] : []);
    if (i > 1) await page.keyboard.press('j');
  }
  await page.waitForTimeout(100);
  expect(dialogs).toEqual([]);
  await page.close();
});

test('a goal ticked on the Form that is not among the goals is shown under the chips, not dropped', async () => {
  const sim = loadAddOn();
  setUpSchool(sim);
  seedWins(sim, [
    { ...seedWin(1, 1, 1), headline: 'Garden club', suggestedGoals: 'Outdoor learning, Reading for all' },
  ]);
  const { page } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: 'Garden club' }).waitFor();
  const note = page.locator('.unknown-goals');
  await eventually(async () =>
    expect(await note.textContent()).toBe(
      'Suggested but not among the active goals (ticked on the Form): Outdoor learning. To tag it, add it to the Goals sheet (or make it active) and run Set up.',
    ),
  );
  await eventually(async () =>
    expect(await page.getByRole('button', { name: /^Reading for all \(suggested\)/ }).count()).toBe(1),
  );
  await page.close();
});

test("the win's goals show this year's pattern from the last dashboard refresh, after the queue", async () => {
  const sim = loadAddOn();
  setUpSchool(sim);
  const at = (day: number) => new Date(Date.UTC(2026, 9, day, 15)).toISOString();
  seedWins(sim, [
    { ...seedWin(1, 4, 0), submittedAt: at(1), status: 'Approved', kind: 'Win', goals: 'Reading for all' },
    { ...seedWin(2, 4, 0), submittedAt: at(2), status: 'Approved', kind: 'Win', goals: 'Reading for all' },
    { ...seedWin(3, 4, 0), submittedAt: at(3), status: 'Approved', kind: 'Lesson learned', goals: 'Reading for all' },
    { ...seedWin(4, 4, 0), submittedAt: at(4), status: 'New', kind: 'Win', goals: 'Reading for all, Math confidence' },
  ]);
  sim.run('refreshDashboard');
  const { page } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: /#4\)/ }).waitFor();
  const pattern = page.getByRole('list', { name: /This school year \(2026–27\)/ });
  await eventually(async () =>
    expect(await pattern.locator('li').allTextContents()).toEqual([
      'Reading for all: 3 wins, 1 lesson learned this year',
      'Math confidence: 1 win, 0 lessons learned this year',
    ]),
  );
  await eventually(async () => expect(await unnamedControls(page)).toEqual([]));
  await page.close();
});

test("dates show in the school's time zone, not the browser's", async () => {
  const sim = loadAddOn();
  setUpSchool(sim);
  expect(sim.spreadsheet.timeZone).toBe('America/New_York');
  // 03:00 UTC on 24 November: 22:00 on the 23rd at the school, noon on the 24th in the browser's Tokyo.
  seedWins(sim, [{ ...seedWin(1, 1, 1), headline: 'Late-evening win', submittedAt: '2026-11-24T03:00:00.000Z' }]);
  const { page } = await openSidebar(browser(), sim, { browserTimeZone: 'Asia/Tokyo' });
  await page.getByRole('heading', { level: 2, name: 'Late-evening win' }).waitFor();
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Tokyo');
  const day = /\b23\b.*2026|2026.*\b23\b/;
  await eventually(async () => expect(await page.locator('.queue .sub').first().textContent()).toMatch(day));
  await eventually(async () => expect(await page.locator('.win p.muted').first().textContent()).toMatch(day));
  await page.close();
});
