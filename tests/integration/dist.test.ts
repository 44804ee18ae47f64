// dist/ is exactly what `clasp push` uploads, and the bundle is plain script Apps Script's V8 can load.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const dist = join(root, 'dist');

describe('dist/', () => {
  test('clasp would push the manifest, the bundle and every HTML page, and nothing else', () => {
    const out = execFileSync(join(root, 'node_modules', '.bin', 'clasp'), ['show-file-status', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    const status = JSON.parse(out.slice(out.indexOf('{'))) as { filesToPush: string[]; untrackedFiles: string[] };
    const built = readdirSync(dist)
      .map((f) => `dist/${f}`)
      .sort();
    expect(status.filesToPush.slice().sort()).toEqual(built);
    expect(built).toEqual(expect.arrayContaining(['dist/appsscript.json', 'dist/Code.js', 'dist/Sidebar.html']));
    expect(status.untrackedFiles).toEqual([]);
  });

  test('the bundle has no module syntax and the manifest targets V8 with declared scopes', () => {
    const code = readFileSync(join(dist, 'Code.js'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).toMatch(/^function onOpen\(/m);
    expect(code).toMatch(/^function onWinSubmitted\(/m);
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toEqual(
      expect.arrayContaining([
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/forms',
      ]),
    );
    expect(manifest.oauthScopes.some((s: string) => /auth\/drive$|mail\.google\.com/.test(s))).toBe(false);
  });

  test('nothing of the simulator or the playground is shipped', () => {
    const all = readdirSync(dist)
      .map((f) => readFileSync(join(dist, f), 'utf8'))
      .join('\n');
    expect(all).not.toMatch(/Simulator:|createSimulator|playground/);
  });
});

describe('dist-hub/', () => {
  const distHub = join(root, 'dist-hub');

  test("clasp, run from the hub's own .clasp.json, would push the hub's manifest, bundle and pages, and nothing else", () => {
    const out = execFileSync(join(root, 'node_modules', '.bin', 'clasp'), ['show-file-status', '--json'], {
      cwd: distHub,
      encoding: 'utf8',
    });
    const status = JSON.parse(out.slice(out.indexOf('{'))) as { filesToPush: string[]; untrackedFiles: string[] };
    const built = readdirSync(distHub)
      .filter((f) => f !== '.clasp.json')
      .sort();
    expect(status.filesToPush.slice().sort()).toEqual(built);
    expect(built).toEqual(['Code.js', 'HubSettings.html', 'appsscript.json']);
    expect(JSON.parse(readFileSync(join(distHub, '.clasp.json'), 'utf8'))).toEqual(
      JSON.parse(readFileSync(join(root, 'hub', '.clasp.json'), 'utf8')),
    );
  });

  test('the hub bundle is plain script, declares its own onOpen, and ships nothing of the simulator', () => {
    const code = readFileSync(join(distHub, 'Code.js'), 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).toMatch(/^function onOpen\(/m);
    expect(code).toMatch(/^function onHubNightly\(/m);
    expect(code).not.toMatch(/^function onWinSubmitted\(/m);
    const all = readdirSync(distHub)
      .map((f) => readFileSync(join(distHub, f), 'utf8'))
      .join('\n');
    expect(all).not.toMatch(/Simulator:|createSimulator|playground/);
  });
});
