// Apps Script can only call top-level functions: every endpoint a page calls, every trigger handler the add-on
// installs and every menu item's function must be a `function <name>(` declaration in the built dist/Code.js.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { MenuItemRecord } from '../../dev/sim';
import { DIST, loadAddOn, setUpSchool } from '../helpers/addon';
import { saveSettings, settingsInput } from './newsletter-fixtures';

const SRC = join(__dirname, '..', '..', 'src');

/** Member names of every `interface …Endpoints` declared in src/: what the pages' client can call. */
function endpointNames(): string[] {
  const names: string[] = [];
  const visit = (dir: string) => {
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
  visit(SRC);
  return names;
}

const declared = (name: string) =>
  new RegExp(`^function ${name}\\(`, 'm').test(readFileSync(join(DIST, 'Code.js'), 'utf8'));

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
