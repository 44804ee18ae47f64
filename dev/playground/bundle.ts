// Bundles the playground's browser code (the page and the google.script bridge) with esbuild, in memory, at
// server start. Nothing here is written to dist/: the playground never ships.
import { build } from 'esbuild';
import { join } from 'node:path';

export interface ClientBundle {
  pageJs: string;
  pageCss: string;
  bridgeJs: string;
}

const CLIENT = join(__dirname, 'client');

async function bundle(entry: string): Promise<{ js: string; css: string }> {
  const out = await build({
    entryPoints: [join(CLIENT, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: ['es2020', 'chrome100'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: 'out',
    minify: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  return {
    js: out.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '',
    css: out.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '',
  };
}

export async function bundleClient(): Promise<ClientBundle> {
  const [page, bridge] = await Promise.all([bundle('main.tsx'), bundle('google-script.ts')]);
  return { pageJs: page.js, pageCss: page.css, bridgeJs: bridge.js };
}
