// The README's table of the triage sidebar's keys is the list the sidebar's own help shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEYS } from '../../sidebar/triage/keys';

test("the README lists exactly the keys of the sidebar's help, in order", () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const block = /<!-- keys:start[^>]*-->([\s\S]*?)<!-- keys:end -->/.exec(readme)?.[1] ?? '';
  const rows = [...block.matchAll(/^\| `([^`]+)` \| (.+) \|$/gm)].map((m) => [m[1], m[2]]);
  expect(rows).toEqual(KEYS);
});
