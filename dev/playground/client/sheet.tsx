// The spreadsheet view: sheet tabs and a grid of displayed values (text only, wrapped, in columns as wide as the
// sheet sets them, never wider than 700 px), with the frozen header rows kept on top and a view-only sort when a
// column header is clicked (the sheet itself is not changed). A cell holding a link to a Doc, the Form or a
// spreadsheet opens the playground's own tab, as Sheets turns a URL into a link.
import { useState } from 'preact/hooks';
import type { ChartView, PlaygroundView } from '../types';
import { linkTarget } from './links';

/** The widest a column is drawn, whatever the sheet says (a 37,000-px column helps nobody). */
export const MAX_COLUMN_PX = 700;
const MIN_COLUMN_PX = 40;
const ROW_NUMBER_PX = 46;

function columnPx(w: number): number {
  return Math.min(Math.max(w, MIN_COLUMN_PX), MAX_COLUMN_PX);
}

/** A cell's text; a Workspace link in it opens the playground's tab (the text itself is never markup). */
function CellText({ text, openLink }: { text: string; openLink?: (href: string) => void }) {
  if (openLink && /^https:\/\/\S+$/.test(text) && linkTarget(text))
    return (
      <a
        href={text}
        onClick={(e) => {
          e.preventDefault();
          openLink(text);
        }}
      >
        {text}
      </a>
    );
  return <>{text}</>;
}

const COLORS = ['#1a73e8', '#e8710a', '#188038', '#d93025', '#9334e6', '#007b83', '#b06000', '#c5221f', '#5f6368'];

/** An embedded chart drawn from its range's data: stacked (or side-by-side) columns per category, and a legend. */
function ChartBox({ chart }: { chart: ChartView }) {
  const width = 560;
  const height = 240;
  const pad = { left: 36, bottom: 40, top: 10 };
  const totals = chart.values.map((row) => (chart.stacked ? row.reduce((a, b) => a + b, 0) : Math.max(0, ...row)));
  const max = Math.max(1, ...totals);
  const slot = (width - pad.left) / Math.max(1, chart.categories.length);
  const bar = Math.max(4, slot * 0.6);
  const y = (v: number) => ((height - pad.bottom - pad.top) * v) / max;
  const summary = chart.categories
    .map((c, i) => `${c}: ${chart.series.map((s, k) => `${s} ${chart.values[i][k]}`).join(', ')}`)
    .join('; ');
  return (
    <figure class="chart">
      <figcaption>
        {chart.title || 'Chart'} <span class="hint">(anchored at {chart.anchor})</span>
      </figcaption>
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${chart.title}. ${summary}`}
      >
        <line x1={pad.left} y1={height - pad.bottom} x2={width} y2={height - pad.bottom} stroke="#80868b" />
        <text x={pad.left - 6} y={pad.top + 8} text-anchor="end" font-size="10">
          {max}
        </text>
        {chart.categories.map((c, i) => {
          const x = pad.left + i * slot + (slot - bar) / 2;
          let base = height - pad.bottom;
          return (
            <g key={c}>
              {chart.values[i].map((v, k) => {
                if (!chart.stacked) {
                  const w = bar / Math.max(1, chart.series.length);
                  const h = y(v);
                  return (
                    <rect key={k} x={x + k * w} y={base - h} width={w} height={h} fill={COLORS[k % COLORS.length]} />
                  );
                }
                const h = y(v);
                base -= h;
                return <rect key={k} x={x} y={base} width={bar} height={h} fill={COLORS[k % COLORS.length]} />;
              })}
              <text x={x + bar / 2} y={height - pad.bottom + 14} text-anchor="middle" font-size="10">
                {c.split(' ')[0]}
              </text>
            </g>
          );
        })}
      </svg>
      <ul class="legend">
        {chart.series.map((s, k) => (
          <li key={s}>
            <span class="swatch" style={{ background: COLORS[k % COLORS.length] }} aria-hidden="true" />
            {s}
          </li>
        ))}
      </ul>
    </figure>
  );
}

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

export function SheetGrid({
  spreadsheet,
  openLink,
}: {
  spreadsheet: PlaygroundView['spreadsheet'];
  /** Opens a Doc, Form or spreadsheet link in the playground's own tab. */
  openLink?: (href: string) => void;
}) {
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
        <table
          class="grid"
          aria-label={`Sheet ${sheet.name}`}
          // A fixed layout needs the table's own width: without it the longest text sets a column's width.
          style={{ width: `${ROW_NUMBER_PX + sheet.widths.reduce((sum, w) => sum + columnPx(w), 0)}px` }}
        >
          <colgroup>
            <col style={{ width: `${ROW_NUMBER_PX}px` }} />
            {sheet.widths.map((w, c) => (
              <col key={c} style={{ width: `${columnPx(w)}px` }} />
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
                  <td key={c} title={(r[c] ?? '').length > 60 ? r[c] : undefined} dir="auto">
                    <div class="cell">
                      <CellText text={r[c] ?? ''} openLink={openLink} />
                    </div>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {body.length === 0 && <p class="empty">No rows below the header yet.</p>}
      </div>
      {sheet.charts.length > 0 && (
        <section class="charts" aria-label={`Charts on ${sheet.name}`}>
          {sheet.charts.map((c, i) => (
            <ChartBox key={i} chart={c} />
          ))}
        </section>
      )}
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
