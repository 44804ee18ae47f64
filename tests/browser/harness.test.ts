// The browser tests' harness itself: Chromium runs on a fresh profile that is removed after, dialogs are recorded
// (so "no dialog fired" can fail), and the accessible-name check finds an unnamed control.
import { existsSync } from 'node:fs';
import { launchChromium, newPage, unnamedControls } from './harness';

test('a fresh profile per launch, removed on close; dialogs recorded and answered; unnamed controls found', async () => {
  const browser = await launchChromium();
  const other = await launchChromium();
  try {
    expect(existsSync(browser.profileDir)).toBe(true);
    expect(other.profileDir).not.toBe(browser.profileDir);

    const dismissing = await newPage(browser, { width: 300, height: 200 });
    await expect(dismissing.page.evaluate(() => (alert('one'), confirm('two')))).resolves.toBe(false);
    expect(dismissing.dialogs).toEqual(['one', 'two']);

    const accepting = await newPage(browser, { width: 300, height: 200 }, 'accept');
    await expect(accepting.page.evaluate(() => confirm('sure?'))).resolves.toBe(true);
    expect(accepting.dialogs).toEqual(['sure?']);
    expect(dismissing.dialogs).toEqual(['one', 'two']);

    await accepting.page.setContent(
      '<label>Name <input id="a"></label><button aria-label="Close">×</button><button>Save</button><select id="b"></select><button></button>',
    );
    await expect(unnamedControls(accepting.page)).resolves.toEqual(['<select id="b"></select>', '<button></button>']);
  } finally {
    await browser.close();
    await other.close();
  }
  expect(existsSync(browser.profileDir)).toBe(false);
  expect(existsSync(other.profileDir)).toBe(false);
});
