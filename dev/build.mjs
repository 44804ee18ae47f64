// Builds dist/: exactly what `clasp push` uploads — the manifest, the server bundle and each HTML page.
import { build as esbuild } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(root, process.env.SW_DIST || 'dist');
const require = createRequire(import.meta.url);

/** Sidebar and dialog pages: sidebar/<entry> bundled and inlined into sidebar/<template>. */
export const PAGES = [
  { name: 'Sidebar', entry: 'sidebar/main.tsx', template: 'sidebar/index.html' },
  { name: 'Settings', entry: 'sidebar/settings-main.tsx', template: 'sidebar/settings.html' },
  { name: 'Showcase', entry: 'sidebar/showcase-main.tsx', template: 'sidebar/showcase.html' },
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

async function buildPage(page) {
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
  writeFileSync(join(dist, `${page.name}.html`), html);
  return true;
}

async function main() {
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  await runWebpack();
  const code = readFileSync(join(dist, 'Code.js'), 'utf8');
  if (/^\s*(import|export)\s/m.test(code) || /\brequire\(/.test(code)) {
    throw new Error('dist/Code.js contains module syntax; Apps Script cannot load it.');
  }
  const pages = [];
  for (const page of PAGES) if (await buildPage(page)) pages.push(page.name);
  console.log(`Built ${dist}: appsscript.json, Code.js${pages.map((p) => `, ${p}.html`).join('')}`);
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
