// The triage sidebar as a leader finds it in use (dist/Sidebar.html in Chromium, bridged to the simulator): the
// loading text goes once the wins are in, the counts follow each action, search runs as you type, undo goes back
// to the win it undid, and the action bar stays in reach after tagging.
import { loadAddOn, setUpSchool, type Sim } from '../helpers/addon';
import { seedLog } from '../../dev/triage-fixtures';
import { eventually, openAddonPage, openSidebar, useChromium } from './harness';

const browser = useChromium();

function school(n: number): Sim {
  const sim = loadAddOn();
  setUpSchool(sim);
  seedLog(sim, n, n);
  return sim;
}

function status(sim: Sim, id: string): unknown {
  const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
  const row = values.find((r) => r[values[0].indexOf('ID')] === id);
  return row?.[values[0].indexOf('Status')];
}

test('"Loading the wins…" and aria-busy are gone once the wins are in', async () => {
  const sim = school(3);
  const { page } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: /#3\)/ }).waitFor();
  await eventually(async () => {
    expect(await page.locator('body').innerText()).not.toContain('Loading');
    expect(await page.locator('[aria-busy="true"]').count()).toBe(0);
    expect(await page.locator('.triage').getAttribute('aria-busy')).toBe('false');
  });
  await page.close();
});

test('the counts by status follow each action: approve, archive, undo', async () => {
  const sim = school(5);
  const { page } = await openSidebar(browser(), sim);
  const counts = page.getByLabel('Wins by status');
  await page.getByRole('heading', { level: 2, name: /#5\)/ }).waitFor();
  await eventually(async () =>
    expect(await counts.innerText()).toMatch(/New 4 · Needs info 1 · Approved 0 · Archived 0/),
  );
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await eventually(async () => expect(status(sim, 'W-0005')).toBe('Approved'));
  await eventually(async () =>
    expect(await counts.innerText()).toMatch(/New 3 · Needs info 1 · Approved 1 · Archived 0/),
  );
  // Approving moved on to #4; archive it too.
  await page.getByRole('heading', { level: 2, name: /#4\)/ }).waitFor();
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await eventually(async () =>
    expect(await counts.innerText()).toMatch(/New 2 · Needs info 1 · Approved 1 · Archived 1/),
  );
  await page.getByRole('button', { name: /^Undo: Archived W-0004/ }).click();
  await eventually(async () =>
    expect(await counts.innerText()).toMatch(/New 3 · Needs info 1 · Approved 1 · Archived 0/),
  );
  await page.close();
});

test('search runs as you type, once typing pauses, without Enter', async () => {
  const sim = school(6);
  const { page, calls } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: /#6\)/ }).waitFor();
  const queue = page.getByRole('navigation', { name: 'Wins in the queue' });
  await eventually(async () => expect(await queue.getByRole('listitem').count()).toBe(6));
  const searches = () => calls.filter((c) => c === 'triageQueue').length;
  const before = searches();
  await page.getByRole('searchbox', { name: /Search wins/ }).pressSequentially('Calm corner', { delay: 20 });
  await eventually(async () => {
    const items = await queue.getByRole('listitem').allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toContain('Calm corner');
  });
  await page.getByRole('heading', { level: 2, name: /^Calm corner/ }).waitFor();
  // Debounced: one search for the whole phrase, not one a keystroke.
  expect(searches() - before).toBe(1);
  await page.close();
});

test('after undo the sidebar goes back to the win it undid', async () => {
  const sim = school(4);
  const { page } = await openSidebar(browser(), sim);
  await page.getByRole('heading', { level: 2, name: /#4\)/ }).waitFor();
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.getByRole('heading', { level: 2, name: /#3\)/ }).waitFor();
  await page.getByRole('button', { name: /^Undo: Approved W-0004/ }).click();
  await eventually(async () => expect(status(sim, 'W-0004')).toBe('New'));
  await page.getByRole('heading', { level: 2, name: /#4\)/ }).waitFor();
  await eventually(async () => expect(await page.locator('.queue li.current').innerText()).toMatch(/#4\)/));
  await page.close();
});

test('the action bar stays in view after tagging, scrolled to the bottom of a short sidebar', async () => {
  const sim = school(3);
  const { page } = await openAddonPage(browser(), sim, { name: 'Sidebar', viewport: { width: 300, height: 560 } });
  await page.getByRole('heading', { level: 2, name: /#3\)/ }).waitFor();
  const chip = page.getByRole('group', { name: 'Goals' }).getByRole('button', { name: /^Math confidence/ });
  await chip.click();
  await eventually(async () => expect(await chip.getAttribute('aria-pressed')).toBe('true'));
  // Right after tagging (the goal chips in view), and scrolled down to the blurb and the fields below.
  for (const where of ['as left', 'bottom'] as const) {
    if (where === 'bottom') await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await eventually(async () => {
      // The Approve button is inside the viewport and nothing covers it.
      const seen = await page.evaluate(() => {
        const button = Array.from(document.querySelectorAll('.actions button')).find(
          (b) => b.textContent === 'Approve',
        ) as HTMLElement;
        const box = button.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        return {
          inside: box.top >= 0 && box.bottom <= window.innerHeight,
          onTop: document.elementFromPoint(x, y) === button,
          scrolled: window.scrollY,
        };
      });
      expect(seen).toMatchObject({ inside: true, onTop: true });
    });
  }
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await eventually(async () => expect(status(sim, 'W-0003')).toBe('Approved'));
  await page.close();
});
