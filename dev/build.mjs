// Builds dist/ and dist-hub/: exactly what `clasp push` uploads for the add-on and for the district hub — each
// project's manifest, its server bundle and its HTML pages (and the hub's own .clasp.json, for npm run deploy:hub).
import { build as esbuild } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, process.env.SW_DIST || 'dist');
const distHub = resolve(root, process.env.SW_DIST_HUB || 'dist-hub');
const require = createRequire(import.meta.url);

/** Sidebar and dialog pages: sidebar/<entry> bundled and inlined into sidebar/<template>. */
export const PAGES = [
  { name: 'Sidebar', entry: 'sidebar/main.tsx', template: 'sidebar/index.html' },
  { name: 'Settings', entry: 'sidebar/settings-main.tsx', template: 'sidebar/settings.html' },
  { name: 'Showcase', entry: 'sidebar/showcase-main.tsx', template: 'sidebar/showcase.html' },
  { name: 'Synthesis', entry: 'sidebar/synthesis-main.tsx', template: 'sidebar/synthesis.html' },
];

/** The district hub's pages (dist-hub/). */
export const HUB_PAGES = [
  { name: 'HubSettings', entry: 'sidebar/hub/settings-main.tsx', template: 'sidebar/hub/settings.html' },
];

function runWebpack() {
  const config = require(join(root, 'webpack.config.cjs'));
  return new Promise((ok, fail) => {
    webpack(config, (err, stats) => {
      if (err) return fail(err);
      if (stats.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      ok();
    });
  });
}

async function buildPage(page, outDir) {
  const entry = join(root, page.entry);
  if (!existsSync(entry)) return false;
  const out = await esbuild({
    entryPoints: [entry],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: 'out',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    logLevel: 'silent',
  });
  const js = out.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
  const css = out.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
  const template = readFileSync(join(root, page.template), 'utf8');
  // `</script` inside the bundle would end the inline script early.
  const safeJs = js.replace(/<\/script/gi, '<\\/script');
  const html = template
    .replace('<!-- STYLE -->', () => `<style>${css}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${safeJs}</script>`);
  writeFileSync(join(outDir, `${page.name}.html`), html);
  return true;
}

function checkBundle(dir) {
  const code = readFileSync(join(dir, 'Code.js'), 'utf8');
  if (/^\s*(import|export)\s/m.test(code) || /\brequire\(/.test(code)) {
    throw new Error(`${dir}/Code.js contains module syntax; Apps Script cannot load it.`);
  }
}

async function main() {
  for (const dir of [dist, distHub]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  copyFileSync(join(root, 'hub', 'appsscript.json'), join(distHub, 'appsscript.json'));
  // clasp keeps a project's files inside the folder of its .clasp.json: the hub's goes next to its built files.
  copyFileSync(join(root, 'hub', '.clasp.json'), join(distHub, '.clasp.json'));
  await runWebpack();
  checkBundle(dist);
  checkBundle(distHub);
  const pages = [];
  for (const page of PAGES) if (await buildPage(page, dist)) pages.push(page.name);
  const hubPages = [];
  for (const page of HUB_PAGES) if (await buildPage(page, distHub)) hubPages.push(page.name);
  console.log(`Built ${dist}: appsscript.json, Code.js${pages.map((p) => `, ${p}.html`).join('')}`);
  console.log(`Built ${distHub}: appsscript.json, Code.js${hubPages.map((p) => `, ${p}.html`).join('')}`);
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
