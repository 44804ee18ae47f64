// The spreadsheet view: sheet tabs and a grid of displayed values (text only), with the frozen header rows kept
// on top and a view-only sort when a column header is clicked (the sheet itself is not changed).
import { useState } from 'preact/hooks';
import type { PlaygroundView } from '../types';

function columnLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Sort {
  col: number;
  asc: boolean;
}

function compare(a: string, b: string): number {
  if (a === '' && b !== '') return 1;
  if (b === '' && a !== '') return -1;
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  const da = Date.parse(a);
  const db = Date.parse(b);
  if (
    /\d{1,2}\/\d{1,2}\/\d{4}/.test(a) &&
    /\d{1,2}\/\d{1,2}\/\d{4}/.test(b) &&
    Number.isFinite(da) &&
    Number.isFinite(db)
  )
    return da - db;
  return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
}

export function SheetGrid({ spreadsheet }: { spreadsheet: PlaygroundView['spreadsheet'] }) {
  const names = spreadsheet.sheets.map((s) => s.name);
  const [chosen, setChosen] = useState<string | null>(null);
  const [sorts, setSorts] = useState<Record<string, Sort | undefined>>({});
  const name = chosen && names.includes(chosen) ? chosen : names.includes('Wins') ? 'Wins' : spreadsheet.activeSheet;
  const sheet = spreadsheet.sheets.find((s) => s.name === name) ?? spreadsheet.sheets[0];
  if (!sheet) return <p class="empty">The spreadsheet has no sheets.</p>;
  const frozen = Math.max(sheet.frozenRows, sheet.rows.length ? 1 : 0);
  const sort = sorts[sheet.name];
  const head = sheet.rows.slice(0, frozen).map((r, i) => ({ r, n: i + 1 }));
  const body = sheet.rows.slice(frozen).map((r, i) => ({ r, n: i + frozen + 1 }));
  if (sort) body.sort((x, y) => (sort.asc ? 1 : -1) * compare(x.r[sort.col] ?? '', y.r[sort.col] ?? ''));
  const cols = sheet.widths.length;
  const sortBy = (c: number) =>
    setSorts({ ...sorts, [sheet.name]: sort && sort.col === c ? { col: c, asc: !sort.asc } : { col: c, asc: true } });
  const label = (c: number) => sheet.rows[0]?.[c] || `column ${columnLetter(c)}`;
  const ariaSort = (c: number) => (sort?.col === c ? (sort.asc ? 'ascending' : 'descending') : undefined);
  const arrow = (c: number) => (sort?.col === c ? (sort.asc ? ' ▲' : ' ▼') : '');

  return (
    <div class="sheet">
      <div class="grid-scroll">
        <table class="grid" aria-label={`Sheet ${sheet.name}`}>
          <colgroup>
            <col style={{ width: '46px' }} />
            {sheet.widths.map((w, c) => (
              <col key={c} style={{ width: `${Math.min(Math.max(w, 40), 420)}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr class="letters">
              <th class="corner" />
              {Array.from({ length: cols }, (_, c) => (
                <th key={c} scope="col" aria-sort={ariaSort(c)}>
                  <button type="button" class="sort" title={`Sort the view by ${label(c)}`} onClick={() => sortBy(c)}>
                    {columnLetter(c)}
                    {arrow(c)}
                  </button>
                </th>
              ))}
            </tr>
            {head.map(({ r, n }) => (
              <tr key={n} class="frozen">
                <th class="rownum" scope="row">
                  {n}
                </th>
                {Array.from({ length: cols }, (_, c) => (
                  <th key={c} scope="col" aria-sort={n === 1 ? ariaSort(c) : undefined} title={r[c] ?? ''}>
                    {n === 1 && r[c] ? (
                      <button type="button" class="sort" onClick={() => sortBy(c)}>
                        <span dir="auto">{r[c]}</span>
                        {arrow(c)}
                      </button>
                    ) : (
                      <span dir="auto">{r[c] ?? ''}</span>
                    )}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {body.map(({ r, n }) => (
              <tr key={n}>
                <th class="rownum" scope="row">
                  {n}
                </th>
                {Array.from({ length: cols }, (_, c) => (
                  <td key={c} title={(r[c] ?? '').length > 30 ? r[c] : undefined} dir="auto">
                    {r[c] ?? ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {body.length === 0 && <p class="empty">No rows below the header yet.</p>}
      </div>
      <div class="sheet-tabs" role="tablist" aria-label="Sheets">
        {names.map((n) => (
          <button
            key={n}
            type="button"
            role="tab"
            aria-selected={n === sheet.name}
            class={n === sheet.name ? 'selected' : ''}
            onClick={() => setChosen(n)}
          >
            {n}
          </button>
        ))}
        {sort && (
          <span class="sort-note">
            View sorted by {label(sort.col)} ({sort.asc ? 'A→Z' : 'Z→A'}) — the sheet itself is unchanged.{' '}
            <button type="button" class="link" onClick={() => setSorts({ ...sorts, [sheet.name]: undefined })}>
              Unsort
            </button>
          </span>
        )}
      </div>
    </div>
  );
}
