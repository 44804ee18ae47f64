// Operations on a sheet's stored grid shared by the metered Sheet/Range facades and the unmetered
// test model: cell access, typed-input writes, structural edits (insert/delete/sort), A1 notation.
import { compareCells, parseInput, type ParseContext } from './cells';
import type { Cell, CellValue, SheetState, SpreadsheetState } from './types';

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLS = 26;
export const DEFAULT_WIDTH = 100;

export function newSheet(id: number, name: string, maxRows = DEFAULT_MAX_ROWS, maxCols = DEFAULT_MAX_COLS): SheetState {
  return {
    id,
    name,
    rows: [],
    maxRows,
    maxCols,
    frozenRows: 0,
    frozenCols: 0,
    widths: [],
    hiddenCols: [],
    formUrl: null,
  };
}

export function cellAt(sh: SheetState, r: number, c: number): Cell | undefined {
  return sh.rows[r - 1]?.[c - 1];
}

export function ensureCell(sh: SheetState, r: number, c: number): Cell {
  const row = (sh.rows[r - 1] ??= []);
  return (row[c - 1] ??= { v: '' });
}

export function hasContent(c: Cell | undefined): boolean {
  return !!c && (c.v !== '' || !!c.f);
}

export function lastRow(sh: SheetState): number {
  for (let r = sh.rows.length; r >= 1; r--) {
    const row = sh.rows[r - 1];
    if (row && row.some(hasContent)) return r;
  }
  return 0;
}

export function lastCol(sh: SheetState): number {
  let max = 0;
  for (const row of sh.rows) {
    if (!row) continue;
    for (let c = row.length; c > max; c--) {
      if (hasContent(row[c - 1])) {
        max = c;
        break;
      }
    }
  }
  return max;
}

/** Extent of any stored cell (content or formatting): used for formats/validations views. */
export function extent(sh: SheetState): { rows: number; cols: number } {
  let cols = 0;
  let rows = 0;
  sh.rows.forEach((row, i) => {
    if (row && row.some((c) => c !== undefined)) {
      rows = i + 1;
      cols = Math.max(cols, row.length);
    }
  });
  return { rows, cols };
}

/** Write one value as typed input (honouring the cell's number format). */
export function writeInput(sh: SheetState, r: number, c: number, value: unknown, ctx: ParseContext): void {
  const cell = ensureCell(sh, r, c);
  const p = parseInput(value, cell.fmt, ctx);
  setParsed(cell, p);
}

export function setParsed(cell: Cell, p: { v: CellValue; f?: string; impliedFmt?: string }): void {
  cell.v = p.v;
  if (p.f) cell.f = p.f;
  else delete cell.f;
  if (p.impliedFmt && !cell.fmt) cell.fmt = p.impliedFmt;
}

export function clearContent(cell: Cell | undefined): void {
  if (!cell) return;
  cell.v = '';
  delete cell.f;
}

export function insertCols(sh: SheetState, before: number, n = 1): void {
  for (const row of sh.rows)
    if (row && row.length >= before) row.splice(before - 1, 0, ...new Array<Cell | undefined>(n));
  if (sh.widths.length >= before) sh.widths.splice(before - 1, 0, ...new Array<number | undefined>(n));
  if (sh.hiddenCols.length >= before) sh.hiddenCols.splice(before - 1, 0, ...new Array<boolean>(n).fill(false));
  sh.maxCols += n;
}

export function deleteCols(sh: SheetState, start: number, n = 1): void {
  for (const row of sh.rows) if (row) row.splice(start - 1, n);
  sh.widths.splice(start - 1, n);
  sh.hiddenCols.splice(start - 1, n);
  sh.maxCols -= n;
}

export function insertRows(sh: SheetState, before: number, n = 1): void {
  if (sh.rows.length >= before) sh.rows.splice(before - 1, 0, ...new Array<(Cell | undefined)[]>(n));
  sh.maxRows += n;
}

export function deleteRows(sh: SheetState, start: number, n = 1): void {
  sh.rows.splice(start - 1, n);
  sh.maxRows -= n;
}

/** Sort rows [fromRow, toRow] of columns [fromCol, toCol] by the given 1-based sheet columns. */
export function sortBlock(
  sh: SheetState,
  fromRow: number,
  toRow: number,
  fromCol: number,
  toCol: number,
  specs: Array<{ column: number; ascending: boolean }>,
): void {
  const block: Array<(Cell | undefined)[]> = [];
  for (let r = fromRow; r <= toRow; r++) block.push((sh.rows[r - 1] ?? []).slice(fromCol - 1, toCol));
  const indexed = block.map((cells, i) => ({ cells, i }));
  indexed.sort((a, b) => {
    for (const s of specs) {
      const ca = a.cells[s.column - fromCol];
      const cb = b.cells[s.column - fromCol];
      const blankA = !(ca && ca.v !== '');
      const blankB = !(cb && cb.v !== '');
      if (blankA !== blankB) return blankA ? 1 : -1; // blanks last either way
      const d = compareCells(ca, cb);
      if (d !== 0) return s.ascending ? d : -d;
    }
    return a.i - b.i;
  });
  indexed.forEach(({ cells }, k) => {
    const row = (sh.rows[fromRow + k - 1] ??= []);
    for (let c = fromCol; c <= toCol; c++) row[c - 1] = cells[c - fromCol];
  });
}

export function colLetter(c: number): string {
  let s = '';
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(r: number, c: number, nr: number, nc: number): string {
  const start = `${colLetter(c)}${r}`;
  return nr === 1 && nc === 1 ? start : `${start}:${colLetter(c + nc - 1)}${r + nr - 1}`;
}

export interface Box {
  r: number;
  c: number;
  nr: number;
  nc: number;
}

/** Parse "A1", "A1:C3", "A:C", "2:5", "A2:C" (open-ended), optionally "'Sheet name'!A1". */
export function parseA1(text: string, sh: SheetState): { sheetName: string | null; box: Box } | null {
  let sheetName: string | null = null;
  let ref = text.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = ref
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/.exec(ref);
  if (!m) return null;
  const [, c1, r1, c2, r2] = m;
  const hasSecond = ref.includes(':');
  if (!c1 && !r1) return null;
  if (!hasSecond) {
    if (!c1 || !r1) return null;
    return { sheetName, box: { r: +r1, c: colNumber(c1), nr: 1, nc: 1 } };
  }
  const startC = c1 ? colNumber(c1) : 1;
  const startR = r1 ? +r1 : 1;
  const endC = c2 ? colNumber(c2) : c1 && !r1 ? startC : sh.maxCols;
  const endR = r2 ? +r2 : sh.maxRows;
  if ((!c1 && !c2 && (!r1 || !r2)) || endC < startC || endR < startR) return null;
  return { sheetName, box: { r: startR, c: startC, nr: endR - startR + 1, nc: endC - startC + 1 } };
}

export function findSheet(ss: SpreadsheetState, name: string): SheetState | undefined {
  return ss.sheets.find((s) => s.name === name);
}

export function nextSheetId(ss: SpreadsheetState): number {
  // The first sheet has gid 0; later ones get larger, gid-like numbers, never reused.
  let id = 0;
  for (const s of ss.sheets) id = Math.max(id, s.id);
  return id + 1 + ((id * 7919 + 104729) % 100000);
}
