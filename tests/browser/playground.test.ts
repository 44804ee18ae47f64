// The playground in Chromium, through the whole loop: a Form response, triage in the real sidebar, the newsletter
// drafted from the menu, and the win found in the Doc and the Gmail draft. The seeded school reads like a real one
// (tricky text is this test's own fixture, sent through the Form); the page fits a phone, keeps each visitor's
// dialogs apart, opens its own tabs for Doc and Gmail links, and shows times in the school's time zone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, FrameLocator, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../dev/playground/server';
import { QUESTIONS } from '../../src/domain/form-spec';
import { DIST } from '../helpers/addon';
import { axeViolations } from './a11y';
import { eventually, newPage, useChromium } from './harness';

jest.setTimeout(180_000);

const HEADLINE = 'Robotics club built a rover from recycled parts';
const GOAL = 'Math confidence';

const browser = useChromium();
let dir: string;
let pg: Playground;
let page: Page;
/** No script the add-on or a submitter wrote may open a dialog (alert(1) in seeded text, for one). */
let dialogs: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sw-playground-'));
  pg = await startPlayground({ port: 0, distDir: DIST, stateFile: join(dir, 'state.json') });
  ({ page, dialogs } = await newPage(browser(), { width: 1280, height: 800 }));
  await page.goto(pg.url);
  await page.getByRole('table', { name: 'Sheet Wins' }).waitFor();
});

afterAll(async () => {
  await pg?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function openTab(name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

async function runMenu(caption: string): Promise<void> {
  await page.getByRole('button', { name: /^Small Wins/ }).click();
  await page.getByRole('menuitem', { name: caption }).click();
}

/** The win's row in the Wins grid, as displayed cells keyed by header. */
async function winRow(headline: string): Promise<Record<string, string>> {
  const grid = page.getByRole('table', { name: 'Sheet Wins' });
  const headers = await grid.locator('tr.frozen').first().locator('th').allInnerTexts();
  const row = grid.locator('tbody tr', { hasText: headline }).first();
  const cells = await row.locator('th, td').allInnerTexts();
  return Object.fromEntries(headers.map((h, i) => [h.replace(/[▲▼]/g, '').trim(), cells[i]?.trim() ?? '']));
}

/** What the school's staff would never type: test strings belong to this test, not to the seeded school. */
const TEST_CELLS = ['=SUM(A1)', '007', '3/4', '-2'];
const TEST_TEXT = ['<script>', 'alert(', 'onerror', '<b>', 'Week 24:', 'is not a headline'];

const TITLE = Object.fromEntries(QUESTIONS.map((q) => [q.field, q.title])) as Record<string, string>;

/** Entries with text a real school sends sooner or later, sent through the Form as a person would. */
const TRICKY = [
  { headline: '=SUM(A1)', story: 'Grade 5 typed =SUM(A1) into the class spreadsheet.', evidence: '3/4' },
  { headline: '007', story: 'Room 007 (the portable) has a reading nook at last.', evidence: '+1 on every score' },
  {
    headline: '<script>alert(1)</script> is not a headline',
    story: 'Someone pasted <script>alert(1)</script> and <img src=x onerror=alert(2)> into the form. <b>Not bold.</b>',
    evidence: '@everyone saw plain text',
  },
  {
    headline: 'What we learned from a term of peer observation (long story)',
    story: Array.from(
      { length: 24 },
      (_, i) => `Week ${i + 1}: we visited a colleague's classroom for fifteen minutes and talked about it at lunch.`,
    ).join('\n'),
    evidence: '',
  },
];

async function submitThroughForm(entry: (typeof TRICKY)[number]): Promise<void> {
  const formId = [...pg.session.sim.forms.values()].filter((f) => !f.deleted).pop()!.id;
  const answers: Record<string, string> = {
    [TITLE.name]: 'Test Person',
    [TITLE.role]: 'Teacher',
    [TITLE.headline]: entry.headline,
    [TITLE.story]: entry.story,
    [TITLE.kind]: 'Win',
    [TITLE.source]: 'Other',
    [TITLE.consent]: 'Staff only',
    [TITLE.namesStudents]: 'No',
    ...(entry.evidence ? { [TITLE.evidence]: entry.evidence } : {}),
  };
  const res = await page.request.post(`${pg.url}api/form/submit`, { data: { formId, answers } });
  expect(res.ok()).toBe(true);
}

/** Whether the page scrolls sideways (the document wider than the window). */
function scrollsSideways(p: Page): Promise<{ scrollWidth: number; innerWidth: number }> {
  return p.evaluate(() => ({
    scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
    innerWidth: window.innerWidth,
  }));
}

describe('playground', () => {
  test('the seeded school reads like a real one: no test strings, no empty Sheet1, columns at most 700 px', async () => {
    await openTab(/^Spreadsheet/);
    const grid = page.getByRole('table', { name: 'Sheet Wins' });
    await eventually(async () => expect(await grid.locator('tbody tr').count()).toBeGreaterThanOrEqual(60));
    const text = await grid.innerText();
    for (const s of TEST_TEXT) expect(text).not.toContain(s);
    for (const s of TEST_CELLS) expect(await grid.getByRole('cell', { name: s, exact: true }).count()).toBe(0);
    // Its realistic hard cases: an Arabic family story and a percentage.
    for (const headline of ['ابنتي أصبحت تحب الذهاب إلى المدرسة', 'Chronic absence down to 8.5%'])
      await eventually(async () =>
        expect(await grid.getByRole('cell', { name: headline, exact: true }).count()).toBe(1),
      );
    // Staff in several roles, some wins waiting for triage, a couple needing info, lessons learned among them.
    const rows = await Promise.all(
      ['Status', 'Kind', 'Role'].map(async (h) => {
        const headers = await grid.locator('tr.frozen').first().locator('th').allInnerTexts();
        const c = headers.findIndex((x) => x.trim() === h) - 1;
        return grid
          .locator('tbody tr')
          .evaluateAll((trs, col) => trs.map((r) => r.querySelectorAll('td')[col].textContent), c);
      }),
    );
    const [statuses, kinds, roles] = rows;
    expect(statuses.filter((x) => x === 'New').length).toBeGreaterThanOrEqual(3);
    expect(statuses.filter((x) => x === 'Needs info').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((x) => x === 'Lesson learned').length).toBeGreaterThanOrEqual(2);
    expect(new Set(roles).size).toBeGreaterThanOrEqual(5);
    // Every sheet: no empty Sheet1, and no column drawn wider than 700 px.
    const tabs = await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab').allInnerTexts();
    expect(tabs).not.toContain('Sheet1');
    for (const name of tabs) {
      await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name, exact: true }).click();
      const sheet = page.getByRole('table', { name: `Sheet ${name}` });
      await sheet.waitFor();
      await eventually(async () => {
        const widths = await sheet
          .locator('tr.letters th')
          .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));
        expect({ name, widest: Math.max(...widths) }).toEqual({ name, widest: expect.any(Number) });
        expect(Math.max(...widths)).toBeLessThanOrEqual(700);
      });
    }
    await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: 'Wins', exact: true }).click();
    expect(dialogs).toEqual([]);
  });

  test('tricky text sent through the Form shows as text: no script runs, no markup is made', async () => {
    for (const entry of TRICKY) await submitThroughForm(entry);
    await page.reload();
    await openTab(/^Spreadsheet/);
    const grid = page.getByRole('table', { name: 'Sheet Wins' });
    for (const text of ['=SUM(A1)', '007', '3/4', '<script>alert(1)</script> is not a headline']) {
      await eventually(async () =>
        expect(await grid.getByRole('cell', { name: text, exact: true }).count()).toBeGreaterThanOrEqual(1),
      );
    }
    await eventually(async () => expect(await grid.locator('script, img, b').count()).toBe(0));
    // A very long story stays whole in the cell (wrapped, its first lines shown, the whole text as a tooltip).
    const long = grid.locator('td', { hasText: 'Week 1: we visited' });
    await eventually(async () => expect(await long.count()).toBe(1));
    expect(await long.getAttribute('title')).toContain('Week 24: we visited');
    // …and its column keeps the sheet's width, wrapped, rather than growing to the story's length.
    await eventually(async () => {
      const widths = await grid
        .locator('tr.letters th')
        .evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().width));
      expect(Math.max(...widths)).toBeLessThanOrEqual(700);
    });
    // Clicking the Headline header sorts the view (A→Z, then Z→A); the sheet itself is unchanged.
    // The Headline column found by its header, as the add-on finds it.
    const headers = await grid.locator('tr.frozen').first().locator('th').allInnerTexts();
    const headlineColumn = headers.findIndex((h) => h.trim() === 'Headline') - 1;
    expect(headlineColumn).toBeGreaterThan(0);
    const headlines = () =>
      grid
        .locator('tbody tr')
        .evaluateAll(
          (rows, c) => rows.map((r) => (r.querySelectorAll('td')[c] as HTMLElement).innerText),
          headlineColumn,
        );
    const inOrder = (list: string[]) =>
      list.every(
        (h, i) => i === 0 || list[i - 1].localeCompare(h, undefined, { sensitivity: 'base', numeric: true }) <= 0,
      );
    const unsorted = await headlines();
    expect(inOrder(unsorted)).toBe(false);
    await grid.getByRole('button', { name: /^Headline/ }).click();
    const asc = await eventually(async () => {
      const shown = await headlines();
      expect(inOrder(shown)).toBe(true);
      return shown;
    });
    expect([...asc].sort()).toEqual([...unsorted].sort());
    await grid.getByRole('button', { name: /^Headline/ }).click();
    await eventually(async () => expect(inOrder((await headlines()).reverse())).toBe(true));
    expect(pg.session.sim.spreadsheet.sheet('Wins')!.display(2, 1)).toBe('W-0001');
    await page.getByRole('button', { name: 'Unsort' }).click();
    await eventually(async () => expect(await headlines()).toEqual(unsorted));
    expect(dialogs).toEqual([]);
  });

  test("the District tab shows the school's district export and the hub with three seeded schools", async () => {
    await openTab(/^District/);
    const hub = page.getByRole('region', { name: 'District hub' });
    const schools = hub.getByRole('table', { name: 'Sheet Schools' });
    await schools.waitFor({ timeout: 90_000 });
    const rows = await schools.locator('tbody tr').allInnerTexts();
    expect(rows).toHaveLength(3);
    for (const name of ['Maple Grove Elementary', 'Oak Hill Middle', 'Elm Street High'])
      expect(rows.some((r) => r.includes(name) && r.includes('Up to date'))).toBe(true);
    // The seeded school's nominated practice, as its export holds it and as the hub rolled it up.
    const exported = page.getByRole('region', { name: /— Small Wins for the district$/ });
    await eventually(async () =>
      expect(await exported.getByRole('table', { name: 'Sheet Practices' }).innerText()).toContain(
        'Reading buddies on Fridays',
      ),
    );
    await hub.getByRole('tab', { name: 'Practices' }).click();
    await eventually(async () =>
      expect(await hub.getByRole('table', { name: 'Sheet Practices' }).locator('tbody tr').count()).toBe(3),
    );
    await openTab(/^Spreadsheet/);
  });

  test('Form → triage in the real sidebar → newsletter: the win reaches the Doc and the Gmail draft', async () => {
    // 1. A teacher submits the intake Form; the form-submit trigger adds the win as New.
    await openTab(/^Intake Form/);
    const form = page.getByRole('form', { name: 'Share a small win' });
    await form.getByLabel('Your name').fill('Priya Shah');
    await form.getByLabel('Your role').selectOption('Teacher');
    await form.getByLabel('Headline').fill(HEADLINE);
    await form
      .getByLabel('What happened?')
      .fill('Grade 5 built a rover from cardboard and old motors and measured how far it went.');
    await form
      .getByRole('group', { name: /win or a lesson/ })
      .getByLabel('Win', { exact: true })
      .check();
    await form
      .getByRole('group', { name: /Where did it come from/ })
      .getByLabel('Student work')
      .check();
    await form
      .getByRole('group', { name: /Who may read it/ })
      .getByLabel('Public')
      .check();
    await form
      .getByRole('group', { name: /name students/ })
      .getByLabel('No')
      .check();
    await form.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Thank you! Your win is in the log.').waitFor();
    await openTab(/^Spreadsheet/);
    const submitted = await waitForRow(HEADLINE, (r) => r.Status !== undefined && r.Status !== '');
    expect(submitted.Status).toBe('New');
    expect(submitted.Goals).toBe('');

    // 2. The leader opens Triage wins from the menu; the real sidebar tags a goal and approves.
    await runMenu('Triage wins');
    const sidebar: FrameLocator = page.frameLocator('iframe[name="addon-sidebar"]');
    await sidebar.getByRole('searchbox', { name: /Search wins/ }).fill('Robotics club');
    await sidebar
      .getByRole('navigation', { name: 'Wins in the queue' })
      .getByRole('button', { name: new RegExp(HEADLINE) })
      .click();
    await sidebar.getByRole('heading', { name: HEADLINE }).waitFor();
    const chip = sidebar.getByRole('group', { name: 'Goals' }).getByRole('button', { name: new RegExp(`^${GOAL}`) });
    await chip.click();
    await eventually(async () => expect(await chip.getAttribute('aria-pressed')).toBe('true'));
    await waitForRow(HEADLINE, (r) => r.Goals === GOAL);
    await sidebar.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Approve', exact: true }).click();
    const triaged = await waitForRow(HEADLINE, (r) => r.Status === 'Approved');
    expect(triaged.Goals).toBe(GOAL);
    expect(triaged['Triaged by']).toBe('helen.park@maplegrove.example');

    // 3. Draft newsletter now: a dialog reports the drafts; the Doc and the Gmail draft carry the win.
    await runMenu('Draft newsletter now');
    const dialog = page.getByRole('dialog', { name: 'Newsletter drafts' });
    await dialog.waitFor();
    const inDialog = dialog.frameLocator('iframe');
    await eventually(async () => expect(await inDialog.locator('body').innerText()).toMatch(/Gmail drafts/));
    // Its links open the playground's own tabs, not Google's sites.
    await inDialog.getByRole('link', { name: 'Open the Doc' }).first().click();
    await eventually(async () =>
      expect(await page.getByRole('tab', { name: /^Docs/ }).getAttribute('aria-selected')).toBe('true'),
    );
    await eventually(async () =>
      expect(await page.getByRole('article', { name: /^Doc:/ }).innerText()).toContain(HEADLINE),
    );
    await inDialog.getByRole('link', { name: 'Open Gmail drafts' }).first().click();
    await eventually(async () =>
      expect(await page.getByRole('tab', { name: /^Gmail drafts/ }).getAttribute('aria-selected')).toBe('true'),
    );
    expect(page.url()).toBe(pg.url);
    await dialog.getByRole('button', { name: 'Close the dialog' }).click();

    await openTab(/^Docs/);
    const doc = page.getByRole('article', { name: /^Doc:/ });
    await eventually(async () => expect(await doc.innerText()).toContain(HEADLINE));
    await eventually(async () => expect(await doc.innerText()).toContain(GOAL));

    await openTab(/^Gmail drafts/);
    const draft = page.getByRole('article', { name: /^Draft:/ });
    await eventually(async () => expect(await draft.locator('pre.mail-text').innerText()).toContain(HEADLINE));
    const mailFrame = page.locator('iframe.mail-html');
    // No script in the email runs (no allow-scripts); the page reaches in only to catch clicks on its links.
    await eventually(async () => expect(await mailFrame.getAttribute('sandbox')).toBe('allow-same-origin'));
    const frame = (await (await mailFrame.elementHandle())!.contentFrame()) as Frame;
    await eventually(async () => expect(await frame.locator('body').innerText()).toContain(HEADLINE));
    // The Staff email's link to its Doc opens the playground's Docs tab on that Doc.
    await page
      .getByRole('list', { name: 'Drafts' })
      .getByRole('button', { name: /staff@maplegrove\.example/ })
      .first()
      .click();
    await eventually(async () =>
      expect(await page.getByRole('article', { name: /^Draft:/ }).innerText()).toContain('staff@maplegrove.example'),
    );
    const staffFrame = page.frameLocator('iframe.mail-html');
    await staffFrame.getByRole('link', { name: /Google Docs/ }).click();
    await eventually(async () =>
      expect(await page.getByRole('tab', { name: /^Docs/ }).getAttribute('aria-selected')).toBe('true'),
    );
    await eventually(async () =>
      expect(await page.getByRole('article', { name: /^Doc:/ }).getAttribute('aria-label')).toMatch(/staff/i),
    );
    expect(page.url()).toBe(pg.url);

    // 4. The activity log shows what each action cost in service calls.
    await openTab(/^Activity log/);
    const entry = page.getByRole('listitem').filter({ hasText: 'Menu: Small Wins → Draft newsletter now' }).first();
    await eventually(async () => expect(await entry.innerText()).toMatch(/\d+ service calls, [\d.]+ (s|ms) simulated/));
    expect(dialogs).toEqual([]);
  });

  test('the seeded Dashboard shows the pattern of progress as values, with its two stacked charts', async () => {
    await openTab(/^Spreadsheet/);
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    const grid = page.getByRole('table', { name: 'Sheet Dashboard' });
    await grid.getByRole('cell', { name: 'Entries this school year', exact: true }).waitFor();
    // Settings knows Maple Grove's 34 staff: the share of staff contributing is shown.
    await eventually(async () =>
      expect(await grid.getByRole('cell', { name: /^\d+ of 34 \(\d+%\)$/ }).count()).toBe(1),
    );
    const charts = page.getByRole('region', { name: 'Charts on Dashboard' });
    await eventually(async () =>
      expect(await charts.locator('figcaption').allInnerTexts()).toEqual([
        expect.stringMatching(/^Wins and lessons learned per month, by goal \(2026–27\)/),
        expect.stringMatching(/^Contributors per month, by role \(2026–27\)/),
      ]),
    );
    await eventually(async () => expect(await charts.getByRole('img').count()).toBe(2));
    await page.getByRole('tab', { name: 'Wins' }).click();
  });

  test('the seeded school has a year-end synthesis Doc for its first goal, with Our notes at the end', async () => {
    await openTab(/^Docs/);
    await page
      .getByRole('list', { name: 'Docs' })
      .getByRole('button', { name: /Maple Grove Elementary — Reading for all — synthesis 2026–27/ })
      .click();
    const doc = page.getByRole('article', {
      name: 'Doc: Maple Grove Elementary — Reading for all — synthesis 2026–27',
    });
    await eventually(async () => {
      const text = await doc.innerText();
      for (const heading of ['At a glance', 'Month by month', 'What we did', 'Reading buddies on Fridays', 'Our notes'])
        expect(text).toContain(heading);
    });
    await openTab(/^Spreadsheet/);
  });

  test("axe-core finds no WCAG 2.1 AA violation on any of the playground's tabs", async () => {
    const tabs = page.getByRole('tablist', { name: 'Workspace' }).getByRole('tab');
    const names = await tabs.allInnerTexts();
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names) {
      const tab = tabs.filter({ hasText: name });
      await tab.click();
      await eventually(async () => expect(await tab.getAttribute('aria-selected')).toBe('true'));
      await eventually(async () => expect([name, await axeViolations(page)]).toEqual([name, []]));
    }
    await openTab(/^Spreadsheet/);
  });

  test('at 390 px nothing scrolls sideways, on any tab or with a dialog open; each visitor has their own dialogs', async () => {
    // A second browser tab is a second visitor.
    const { page: phone, dialogs: phoneDialogs } = await newPage(browser(), { width: 390, height: 844 });
    await phone.goto(pg.url);
    await phone.getByRole('table', { name: 'Sheet Wins' }).waitFor();
    const tabs = await phone.getByRole('tablist', { name: 'Workspace' }).getByRole('tab').allInnerTexts();
    expect(tabs.length).toBe(7);
    for (const name of tabs) {
      const tab = phone.getByRole('tablist', { name: 'Workspace' }).getByRole('tab', { name, exact: true });
      await tab.click();
      await eventually(async () => expect(await tab.getAttribute('aria-selected')).toBe('true'));
      if (/^District/.test(name))
        await phone.getByRole('table', { name: 'Sheet Schools' }).waitFor({ timeout: 90_000 });
      await eventually(async () => {
        const seen = await scrollsSideways(phone);
        expect({ tab: name, ...seen }).toEqual({ tab: name, scrollWidth: seen.innerWidth, innerWidth: 390 });
      });
      expect({ tab: name, violations: await axeViolations(phone) }).toEqual({ tab: name, violations: [] });
    }
    await phone.getByRole('tablist', { name: 'Workspace' }).getByRole('tab', { name: 'Spreadsheet' }).click();
    // The clock stays in view at the top, in the school's time zone.
    const clock = phone.locator('.clock');
    await eventually(async () => expect(await clock.innerText()).toMatch(/(EST|EDT)$/));
    const box = await clock.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);

    // The phone's visitor opens Settings: a dialog with padding round the add-on's page, inside the window.
    await phone.getByRole('button', { name: /^Small Wins/ }).click();
    await phone.getByRole('menuitem', { name: 'Settings' }).click();
    const settings = phone.getByRole('dialog', { name: /settings/i });
    await settings.waitFor();
    await eventually(async () => {
      const seen = await scrollsSideways(phone);
      expect(seen.scrollWidth).toBe(seen.innerWidth);
      const frame = await settings.locator('iframe').boundingBox();
      const dialogBox = await settings.boundingBox();
      expect(frame!.x - dialogBox!.x).toBeGreaterThanOrEqual(8);
      expect(dialogBox!.x + dialogBox!.width - (frame!.x + frame!.width)).toBeGreaterThanOrEqual(8);
      expect(dialogBox!.x).toBeGreaterThanOrEqual(0);
      expect(dialogBox!.x + dialogBox!.width).toBeLessThanOrEqual(390);
    });

    // The first visitor does not see the phone's dialog, even after reloading, nor can load its page.
    await page.reload();
    await page.getByRole('table', { name: 'Sheet Wins' }).waitFor();
    await eventually(async () => expect(await page.getByRole('dialog').count()).toBe(0));
    const src = await settings.locator('iframe').getAttribute('src');
    const theirs = await page.request.get(`${pg.url}${src!.replace(/^\//, '').replace(/\?.*$/, '')}`);
    expect(theirs.status()).toBe(404);
    // The phone's visitor still has it.
    await phone.reload();
    await phone.getByRole('dialog', { name: /settings/i }).waitFor();
    await phone.getByRole('button', { name: 'Close the dialog' }).click();
    await eventually(async () => expect(await phone.getByRole('dialog').count()).toBe(0));
    expect(phoneDialogs).toEqual([]);
    await phone.close();
  });

  test('the clock control lands after the Friday run it names: its drafts are there, times in the school zone', async () => {
    // On Monday the leader approves one more win in the sidebar: Friday's scheduled newsletter carries it.
    await runMenu('Triage wins');
    const sidebar = page.frameLocator('iframe[name="addon-sidebar"]');
    await sidebar.locator('#win-headline').waitFor();
    const approved = (await sidebar.locator('#win-headline').innerText()).trim();
    await sidebar.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Approve', exact: true }).click();
    await waitForRow(approved, (r) => r.Status === 'Approved');
    await openTab(/^Triggers/);
    const before = pg.session.activity.length;
    // The hourly clock was set up at 10:47 am, so it runs at 47 minutes past: the 3 pm newsletter goes at 3:47 pm.
    await page.getByRole('button', { name: 'Advance to next Friday 3 pm' }).click();
    await eventually(async () =>
      expect(await page.locator('.clock').innerText()).toMatch(/Fri, Nov 27, 2026, 3:47\s?PM EST/),
    );
    const moved = pg.session.activity.slice(before).find((e) => e.what.startsWith('Clock moved'));
    expect(moved?.fired?.join(' ')).toMatch(/time-driven runs? of onClock/);
    expect(moved?.what).toMatch(/^Clock moved to Fri, Nov 27, 2026, 3:47\s?PM EST$/);
    // The scheduled newsletter has happened: its drafts, made at the run, in New York time.
    await openTab(/^Gmail drafts/);
    const drafts = page.getByRole('list', { name: 'Drafts' });
    await eventually(async () =>
      expect(await drafts.getByRole('button').first().innerText()).toMatch(
        /23 November 2026[\s\S]*Fri, Nov 27, 2026, 3:47\s?PM EST/,
      ),
    );
    // The Newsletters sheet records it at the same wall-clock time.
    await openTab(/^Spreadsheet/);
    await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: 'Newsletters', exact: true }).click();
    const issues = page.getByRole('table', { name: 'Sheet Newsletters' });
    await eventually(async () => expect(await issues.innerText()).toContain('11/27/2026 15:47:00'));
    await page.getByRole('tablist', { name: 'Sheets' }).getByRole('tab', { name: 'Wins', exact: true }).click();

    const stateFile = join(dir, 'state.json');
    const wins = pg.session.sim.spreadsheet.sheet('Wins')!.lastRow;
    await pg.close();
    pg = await startPlayground({ port: 0, distDir: DIST, stateFile });
    expect(pg.session.sim.spreadsheet.sheet('Wins')!.lastRow).toBe(wins);
    expect(pg.session.sim.clock.now().toISOString()).toBe('2026-11-27T20:47:00.000Z');
    await page.goto(pg.url);
    await openTab(/^Spreadsheet/);
    await waitForRow(HEADLINE, (r) => r.Status === 'Approved');
  });
});

/** The win's row once `ok` holds of it (up to 10 s), or the test fails showing the last row seen. */
function waitForRow(headline: string, ok: (r: Record<string, string>) => boolean): Promise<Record<string, string>> {
  return eventually(async () => {
    const row = await winRow(headline);
    expect({ row, ok: ok(row) }).toEqual({ row, ok: true });
    return row;
  });
}
