// `npm run bench`: service calls and simulated time (the simulator's cost model) per operation and log size.
// Each suite in dev/bench/suites/ exports `suite: BenchSuite`; this prints one table per suite.
// `npm run bench -- --readme` also writes the tables into README.md between the BENCH markers.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchRow, BenchSuite } from './types';

function table(rows: BenchRow[]): string {
  const extras = Array.from(new Set(rows.flatMap((r) => Object.keys(r.extra ?? {}))));
  const head = ['operation', 'log size', 'service calls', 'simulated time', ...extras];
  const body = rows.map((r) => [
    r.operation,
    r.size,
    String(r.calls),
    `${(r.ms / 1000).toFixed(2)} s`,
    ...extras.map((e) => r.extra?.[e] ?? ''),
  ]);
  const lines = [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

async function main() {
  const dir = join(__dirname, 'suites');
  const args = process.argv.slice(2);
  const writeReadme = args.includes('--readme');
  const only = args.find((a) => !a.startsWith('--'));
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && (!only || f.includes(only)))
    .sort();
  const sections: string[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { suite: BenchSuite };
    const rows = await mod.suite.run();
    const section = `### ${mod.suite.title}\n\n${table(rows)}`;
    sections.push(section);
    console.log(`\n${section}`);
  }
  if (writeReadme) {
    const readme = join(__dirname, '..', '..', 'README.md');
    const text = readFileSync(readme, 'utf8');
    const start = '<!-- BENCH:START -->';
    const end = '<!-- BENCH:END -->';
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a < 0 || b < a) throw new Error('README.md has no BENCH markers');
    writeFileSync(readme, `${text.slice(0, a + start.length)}\n${sections.join('\n\n')}\n${text.slice(b)}`);
    console.log('\nREADME.md updated.');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
