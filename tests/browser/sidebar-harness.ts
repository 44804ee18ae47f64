// Opens the built dist/Sidebar.html in Debian's Chromium with google.script.run bridged to a simulator
// running the built bundle in this process (dev/sidebar-bridge.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { GOOGLE_SCRIPT_RUN_SHIM } from '../../dev/sidebar-bridge';
import { DIST, type Sim } from '../helpers/addon';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export interface OpenedSidebar {
  page: Page;
  /** Messages of any alert/confirm/prompt the page tried to show. */
  dialogs: string[];
  /** Calls the sidebar made, by function name. */
  calls: string[];
}

/** A 300-px page with the sidebar, every server call answered by `sim`. */
export async function openSidebar(browser: Browser, sim: Sim): Promise<OpenedSidebar> {
  const html = readFileSync(join(DIST, 'Sidebar.html'), 'utf8');
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const dialogs: string[] = [];
  const calls: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.exposeFunction('__sim', (fn: string, args: unknown[]) => {
    calls.push(fn);
    return sim.runSidebar(fn, args);
  });
  await page.addInitScript(GOOGLE_SCRIPT_RUN_SHIM);
  // Nothing leaves the test: the page is served from memory and every other request is refused.
  await page.route('**/*', (route) => {
    if (route.request().url() === 'http://sidebar.test/') return route.fulfill({ contentType: 'text/html', body: html });
    return route.abort();
  });
  await page.goto('http://sidebar.test/');
  return { page, dialogs, calls };
}
