// Shared set-up of the browser tests: Debian's Chromium with the project's flags and a throwaway profile, add-on
// pages from the built dist/ (or SW_DIST) with google.script.run bridged to a simulator (dev/sidebar-bridge.ts),
// and every browser dialog recorded, so a test can assert which fired, or that none did.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium as playwright, type BrowserContext, type Page } from 'playwright-core';
import { BRIDGE_FUNCTION, GOOGLE_SCRIPT_RUN_SHIM, type BridgeHost } from '../../dev/sidebar-bridge';
import { DIST } from '../helpers/addon';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Chromium {
  context: BrowserContext;
  /** The fresh user-data dir this browser runs with; `close()` removes it. */
  profileDir: string;
  close(): Promise<void>;
}

/** Headless Chromium on a fresh user-data dir of its own. */
export async function launchChromium(): Promise<Chromium> {
  const profileDir = mkdtempSync(join(tmpdir(), 'sw-chromium-'));
  const removeProfile = () => rmSync(profileDir, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await playwright.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  } catch (e) {
    removeProfile();
    throw e;
  }
  return {
    context,
    profileDir,
    async close() {
      try {
        await context.close();
      } finally {
        removeProfile();
      }
    },
  };
}

/** Launches Chromium before the test file's tests and closes it (removing its profile) after them. */
export function useChromium(): () => Chromium {
  let launched: Chromium | undefined;
  beforeAll(async () => {
    launched = await launchChromium();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return () => {
    if (!launched) throw new Error('Chromium is not running: call useChromium() at the top of the test file.');
    return launched;
  };
}

export interface WatchedPage {
  page: Page;
  /** Messages of every alert/confirm/prompt/beforeunload the page showed, in order. */
  dialogs: string[];
}

/** A new page of this size; its dialogs are recorded and dismissed (or accepted, as a person clicking OK). */
export async function newPage(
  browser: Chromium,
  viewport: { width: number; height: number },
  answer: 'dismiss' | 'accept' = 'dismiss',
): Promise<WatchedPage> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void (answer === 'accept' ? d.accept() : d.dismiss());
  });
  return { page, dialogs };
}

export interface AddonPage extends WatchedPage {
  /** Server functions the page called through google.script.run, in order. */
  calls: string[];
}

let served = 0;

/** An add-on page (`Sidebar`, `Settings`: dist/<name>.html) with every server call answered by `sim`. */
export async function openAddonPage(
  browser: Chromium,
  sim: BridgeHost,
  opts: {
    name: string;
    viewport: { width: number; height: number };
    dialogs?: 'dismiss' | 'accept';
    /** The built project the page comes from (dist/ by default; the district hub's pages are in dist-hub/). */
    dist?: string;
    /** The browser's own time zone (e.g. "Asia/Tokyo"), for pages that must show the school's instead. */
    browserTimeZone?: string;
  },
): Promise<AddonPage> {
  const file = join(opts.dist ?? DIST, `${opts.name}.html`);
  if (!existsSync(file))
    throw new Error(`${file} is not built: run \`npm run build\` first (with the same SW_DIST as the tests).`);
  const html = readFileSync(file, 'utf8');
  const { page, dialogs } = await newPage(browser, opts.viewport, opts.dialogs);
  if (opts.browserTimeZone) {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: opts.browserTimeZone });
  }
  const calls: string[] = [];
  await page.exposeFunction(BRIDGE_FUNCTION, (fn: string, args: unknown[]) => {
    calls.push(fn);
    return sim.runSidebar(fn, args);
  });
  await page.addInitScript(GOOGLE_SCRIPT_RUN_SHIM);
  // Nothing leaves the test: the page is served from memory, at an origin of its own so no storage is shared with
  // another test's page, and every other request is refused.
  const url = `http://${opts.name.toLowerCase()}-${++served}.test/`;
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.fulfill({ contentType: 'text/html', body: html });
    return route.abort();
  });
  await page.goto(url);
  return { page, dialogs, calls };
}

/** The sidebar at the width Sheets gives it (300 px). */
export function openSidebar(
  browser: Chromium,
  sim: BridgeHost,
  opts: { browserTimeZone?: string } = {},
): Promise<AddonPage> {
  return openAddonPage(browser, sim, { name: 'Sidebar', viewport: { width: 300, height: 900 }, ...opts });
}

/** outerHTML of each button, input, select and textarea with no accessible name (no aria-label, label or text). */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('button, input, select, textarea'))
      .filter((el) => {
        const e = el as HTMLElement;
        const labelled =
          e.getAttribute('aria-label') ||
          e.closest('label') ||
          (e.id && document.querySelector(`label[for="${e.id}"]`));
        return !labelled && !(e.textContent ?? '').trim();
      })
      .map((el) => el.outerHTML),
  );
}

/**
 * Retries `assertion` until it passes or `timeoutMs` runs out, then throws its last failure. Every assertion about
 * what a page shows after an action goes through this: a loaded 2-core machine may not have rendered it yet.
 */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}
