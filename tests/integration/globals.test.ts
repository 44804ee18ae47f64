// Apps Script can only call top-level functions: every endpoint a page calls, every trigger handler a project
// installs and every menu item's function must be a `function <name>(` declaration in its built Code.js — dist/ for
// the add-on, dist-hub/ for the district hub (whose endpoint interfaces live under src/hub/).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { MenuItemRecord } from '../../dev/sim';
import { DIST, loadAddOn, setUpSchool } from '../helpers/addon';
import { DIST_HUB, district } from '../helpers/spread';
import { saveSettings, settingsInput } from './newsletter-fixtures';

const SRC = join(__dirname, '..', '..', 'src');
const HUB_SRC = join(SRC, 'hub');

/** Member names of every `interface …Endpoints` declared under `root` (minus `skip`): what pages can call. */
function endpointNames(root = SRC, skip: string | null = HUB_SRC): string[] {
  const names: string[] = [];
  const visit = (dir: string) => {
    if (dir === skip) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.ts$/.test(entry.name)) {
        const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2020, true);
        file.forEachChild((node) => {
          if (ts.isInterfaceDeclaration(node) && node.name.text.endsWith('Endpoints'))
            for (const m of node.members) if (m.name && ts.isIdentifier(m.name)) names.push(m.name.text);
        });
      }
    }
  };
  visit(root);
  return names;
}

const declared = (name: string, dist = DIST) =>
  new RegExp(`^function ${name}\\(`, 'm').test(readFileSync(join(dist, 'Code.js'), 'utf8'));

test('every page endpoint is a top-level function of the bundle', () => {
  const names = endpointNames();
  expect(names).toEqual(expect.arrayContaining(['triageOpen', 'triageSaveMany', 'settingsOpen', 'settingsSave']));
  expect(names.filter((n) => !declared(n))).toEqual([]);
});

test('every menu item and every installed trigger handler is a top-level function of the bundle', () => {
  const sim = loadAddOn();
  setUpSchool(sim);
  expect(saveSettings(sim, settingsInput()).ok).toBe(true);
  const fnsOf = (items: MenuItemRecord[]): string[] =>
    items.flatMap((i) => ('fn' in i ? [i.fn] : 'items' in i ? fnsOf(i.items) : []));
  const menuFns = sim.ui.menus.flatMap((m) => fnsOf(m.items));
  const handlers = sim.triggers().map((t) => t.fn);
  expect(menuFns.length).toBeGreaterThanOrEqual(5);
  expect(handlers.length).toBeGreaterThanOrEqual(2);
  const entryPoints = [...new Set(['onOpen', 'onInstall', ...menuFns, ...handlers])];
  expect(entryPoints.filter((n) => !declared(n))).toEqual([]);
});

test("every hub page endpoint, menu item and trigger handler is a top-level function of the hub's bundle", () => {
  const names = endpointNames(HUB_SRC, null);
  expect(names).toEqual(expect.arrayContaining(['hubSettingsOpen', 'hubSettingsSave']));
  expect(names.filter((n) => !declared(n, DIST_HUB))).toEqual([]);
  const { hub } = district();
  const menuFns = hub.ui.menus.flatMap((m) => m.items.flatMap((i) => ('fn' in i ? [i.fn] : [])));
  expect(menuFns).toHaveLength(6);
  const entryPoints = [...new Set(['onOpen', ...menuFns, ...hub.triggers().map((t) => t.fn), 'continueHubRefresh'])];
  expect(entryPoints.filter((n) => !declared(n, DIST_HUB))).toEqual([]);
});
