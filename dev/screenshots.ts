// Retakes the README's screenshots of the playground (docs/playground.png at 1280 px, docs/playground-390.png at
// 390 px): a freshly seeded school in a throwaway state file, the triage sidebar open, in Debian's Chromium.
// Run with `npm run build && npx tsx dev/screenshots.ts` (CHROMIUM_PATH overrides /usr/bin/chromium).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startPlayground } from './playground/server';

const ROOT = resolve(__dirname, '..');
/** Where the files go (the repository by default; a scratch directory to look before replacing them). */
const OUT = process.env.SCREENSHOT_DIR ? resolve(process.env.SCREENSHOT_DIR) : ROOT;
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Opens Small Wins → Triage wins and waits until the sidebar shows its first win. */
async function openTriage(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Small Wins/ }).click();
  await page.getByRole('menuitem', { name: 'Triage wins' }).click();
  const sidebar = page.frameLocator('iframe[name="addon-sidebar"]');
  await sidebar.locator('#win-headline').waitFor({ timeout: 30_000 });
  await sidebar.locator('.triage[aria-busy="false"]').waitFor();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-screenshots-'));
  const pg = await startPlayground({ port: 0, stateFile: join(dir, 'state.json') });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    for (const shot of [
      { file: 'docs/playground.png', viewport: { width: 1280, height: 800 }, fullPage: false },
      { file: 'docs/playground-390.png', viewport: { width: 390, height: 844 }, fullPage: false },
    ]) {
      const page = await browser.newPage({ viewport: shot.viewport });
      await page.goto(pg.url);
      await page.getByRole('table', { name: 'Sheet Wins' }).waitFor();
      await openTriage(page);
      await page.screenshot({ path: join(OUT, shot.file), fullPage: shot.fullPage });
      console.log(`Wrote ${shot.file} (${shot.viewport.width} × ${shot.viewport.height}).`);
      await page.close();
    }
  } finally {
    await browser.close();
    await pg.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
