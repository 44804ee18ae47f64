// `npm run bench`: service calls and simulated time (the simulator's cost model) per operation and log size.
// Each suite in dev/bench/suites/ exports `suite: BenchSuite`; this prints one table per suite.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow, BenchSuite } from './types';

function table(rows: BenchRow[]): string {
  const extras = Array.from(new Set(rows.flatMap((r) => Object.keys(r.extra ?? {}))));
  const head = ['operation', 'log size', 'service calls', 'simulated time', ...extras];
  const body = rows.map((r) => [r.operation, r.size, String(r.calls), `${(r.ms / 1000).toFixed(2)} s`, ...extras.map((e) => r.extra?.[e] ?? '')]);
  const lines = [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

async function main() {
  const dir = join(__dirname, 'suites');
  const only = process.argv[2];
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && (!only || f.includes(only))).sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { suite: BenchSuite };
    const rows = await mod.suite.run();
    console.log(`\n### ${mod.suite.title}\n\n${table(rows)}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
