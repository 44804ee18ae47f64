// Unmetered views of the simulator's state for tests and the playground: read a sheet's values,
// formats and validations, and edit it "by hand" (type a value, sort, insert a column, rename).
import { displayValue, parseInput } from './cells';
import type { SimCore } from './core';
import {
  a1,
  cellAt,
  deleteCols,
  deleteRows,
  ensureCell,
  extent,
  findSheet,
  insertCols,
  insertRows,
  lastCol,
  lastRow,
  newSheet,
  nextSheetId,
  setParsed,
  sortBlock,
} from './grid';
import type { Cell, CellValue, SheetState, SpreadsheetState, ValidationState } from './types';

export class SimSheetModel {
  constructor(
    private readonly core: SimCore,
    private readonly ss: SpreadsheetState,
    readonly state: SheetState,
  ) {}

  get name(): string {
    return this.state.name;
  }
  get id(): number {
    return this.state.id;
  }
  get lastRow(): number {
    return lastRow(this.state);
  }
  get lastColumn(): number {
    return lastCol(this.state);
  }
  get maxRows(): number {
    return this.state.maxRows;
  }
  get maxColumns(): number {
    return this.state.maxCols;
  }
  get frozenRows(): number {
    return this.state.frozenRows;
  }
  /** Column widths by 1-based column (only columns whose width was set). */
  get widths(): Record<number, number> {
    const out: Record<number, number> = {};
    this.state.widths.forEach((w, i) => {
      if (w !== undefined && w !== null) out[i + 1] = w;
    });
    return out;
  }
  /** Embedded charts as stored: type, options, position and ranges in A1 notation (with the sheet's name). */
  get charts(): Array<{
    id: number | null;
    type: string;
    options: Record<string, unknown>;
    position: { row: number; column: number };
    ranges: string[];
  }> {
    return (this.state.charts ?? []).map((c) => ({
      id: c.id,
      type: c.type,
      options: { ...c.options },
      position: { row: c.position.row, column: c.position.column },
      ranges: c.ranges.map((r) => {
        const sheet = this.ss.sheets.find((s) => s.id === r.sheetId)?.name ?? '?';
        return `${sheet}!${a1(r.r, r.c, r.nr, r.nc)}`;
      }),
    }));
  }
  /** Developer metadata located on this sheet. */
  get developerMetadata(): Array<{ key: string; value: string | null; visibility: string }> {
    return (this.state.metadata ?? []).map((m) => ({ key: m.key, value: m.value, visibility: m.visibility }));
  }
  get hiddenColumns(): number[] {
    return this.state.hiddenCols.flatMap((h, i) => (h ? [i + 1] : []));
  }
  /** Raw stored values (rows 1..lastRow, columns 1..lastColumn); '' for empty, Dates as Date. */
  get values(): CellValue[][] {
    return this.grid(lastRow(this.state), lastCol(this.state), (c) => (c?.v === undefined ? '' : c.v));
  }
  get formulas(): string[][] {
    return this.grid(lastRow(this.state), lastCol(this.state), (c) => c?.f ?? '');
  }
  /** Number formats over every stored cell ('' = automatic). */
  get formats(): string[][] {
    const e = extent(this.state);
    return this.grid(e.rows, e.cols, (c) => c?.fmt ?? '');
  }
  get validations(): (ValidationState | null)[][] {
    const e = extent(this.state);
    return this.grid(e.rows, e.cols, (c) => c?.dv ?? null);
  }
  get displayValues(): string[][] {
    return this.grid(lastRow(this.state), lastCol(this.state), (c) => displayValue(c, this.ss.timeZone));
  }
  /** Header row (row 1) as displayed. */
  get headers(): string[] {
    return this.grid(1, lastCol(this.state), (c) => displayValue(c, this.ss.timeZone))[0] ?? [];
  }
  cell(row: number, col: number): Cell | undefined {
    return cellAt(this.state, row, col);
  }
  display(row: number, col: number): string {
    return displayValue(cellAt(this.state, row, col), this.ss.timeZone);
  }
  /** Type a value into a cell like a person would (typed-input parsing, honouring the cell's format). */
  setCell(row: number, col: number, value: unknown): this {
    this.grow(row, col);
    setParsed(ensureCell(this.state, row, col), parseInput(value, cellAt(this.state, row, col)?.fmt, this.ctx()));
    return this;
  }
  /** Store a value exactly, bypassing parsing. */
  setRaw(row: number, col: number, value: CellValue): this {
    this.grow(row, col);
    const c = ensureCell(this.state, row, col);
    c.v = value;
    delete c.f;
    return this;
  }
  setRow(row: number, values: unknown[]): this {
    values.forEach((v, j) => this.setCell(row, j + 1, v));
    return this;
  }
  appendRow(values: unknown[]): this {
    return this.setRow(lastRow(this.state) + 1, values);
  }
  /** Append many rows at once (typed input), e.g. to seed a large log for a benchmark. */
  appendRows(rows: unknown[][]): this {
    const start = lastRow(this.state) + 1;
    const ctx = this.ctx();
    rows.forEach((values, i) => {
      const r = start + i;
      this.grow(r, values.length);
      values.forEach((v, j) =>
        setParsed(ensureCell(this.state, r, j + 1), parseInput(v, cellAt(this.state, r, j + 1)?.fmt, ctx)),
      );
    });
    return this;
  }
  setNumberFormat(row: number, col: number, format: string, numRows = 1, numCols = 1): this {
    for (let i = 0; i < numRows; i++)
      for (let j = 0; j < numCols; j++) ensureCell(this.state, row + i, col + j).fmt = format;
    return this;
  }
  /** What a person does in Data → Data validation: remove the rule from a block, or give it a list of their own. */
  setValidationList(row: number, col: number, values: string[] | null, numRows = 1, numCols = 1): this {
    for (let i = 0; i < numRows; i++)
      for (let j = 0; j < numCols; j++) {
        const cell = ensureCell(this.state, row + i, col + j);
        if (values) cell.dv = { type: 'VALUE_IN_LIST', values: values.slice(), allowInvalid: false, helpText: null };
        else delete cell.dv;
      }
    return this;
  }
  /** A person's formatting of a block (Format → Wrapping, Bold, Fill colour, Alignment); null removes it. */
  setStyle(row: number, col: number, key: string, value: string | boolean | null, numRows = 1, numCols = 1): this {
    for (let i = 0; i < numRows; i++)
      for (let j = 0; j < numCols; j++) {
        const cell = ensureCell(this.state, row + i, col + j);
        cell.st ??= {};
        if (value === null) delete cell.st[key];
        else cell.st[key] = value;
      }
    return this;
  }
  /** View → Freeze, and a column dragged to a new width, by hand. */
  setFrozenRows(n: number): this {
    this.state.frozenRows = n;
    return this;
  }
  setColumnWidth(col: number, px: number): this {
    this.state.widths[col - 1] = px;
    return this;
  }
  /** Insert `n` empty columns before column `col` (what "Insert 1 column left" does). */
  insertColumn(col: number, n = 1): this {
    insertCols(this.state, col, n);
    return this;
  }
  deleteColumn(col: number, n = 1): this {
    deleteCols(this.state, col, n);
    return this;
  }
  insertRow(row: number, n = 1): this {
    insertRows(this.state, row, n);
    return this;
  }
  deleteRow(row: number, n = 1): this {
    deleteRows(this.state, row, n);
    return this;
  }
  /** Sort the rows below the frozen rows (or below row 1 if `headerRows` given) by a 1-based column. */
  sortBy(col: number, ascending = true, headerRows = this.state.frozenRows): this {
    const to = lastRow(this.state);
    if (to > headerRows)
      sortBlock(this.state, headerRows + 1, to, 1, Math.max(lastCol(this.state), col), [{ column: col, ascending }]);
    return this;
  }
  /** Move column `from` so it becomes column `to` (drag a column). */
  moveColumn(from: number, to: number): this {
    for (const row of this.state.rows) {
      if (!row) continue;
      const [c] = row.splice(from - 1, 1);
      row.splice(to - 1, 0, c);
    }
    return this;
  }
  rename(name: string): this {
    this.state.name = name;
    return this;
  }
  /** Find the 1-based column whose header (row 1) displays as `header`, 0 if none. */
  columnOf(header: string): number {
    return this.headers.indexOf(header) + 1;
  }

  private grow(row: number, col: number) {
    if (row > this.state.maxRows) this.state.maxRows = row;
    if (col > this.state.maxCols) this.state.maxCols = col;
  }
  private ctx() {
    return { timeZone: this.ss.timeZone, nowMs: this.core.clock.nowMs() };
  }
  private grid<T>(rows: number, cols: number, fn: (c: Cell | undefined) => T): T[][] {
    const out: T[][] = [];
    for (let r = 1; r <= rows; r++) {
      const row: T[] = [];
      for (let c = 1; c <= cols; c++) row.push(fn(cellAt(this.state, r, c) ?? undefined));
      out.push(row);
    }
    return out;
  }
}

export class SimSpreadsheetModel {
  constructor(
    private readonly core: SimCore,
    private readonly getId: () => string,
  ) {}
  get state(): SpreadsheetState {
    return this.core.spreadsheets.get(this.getId())!;
  }
  get id(): string {
    return this.state.id;
  }
  get name(): string {
    return this.state.name;
  }
  get timeZone(): string {
    return this.state.timeZone;
  }
  get formUrl(): string | null {
    return this.state.formUrl;
  }
  sheetNames(): string[] {
    return this.state.sheets.map((s) => s.name);
  }
  sheet(name: string): SimSheetModel | undefined {
    const sh = findSheet(this.state, name);
    return sh ? new SimSheetModel(this.core, this.state, sh) : undefined;
  }
  /** Add a sheet by hand (at the end). */
  addSheet(name: string): SimSheetModel {
    if (findSheet(this.state, name)) throw new Error(`Simulator: a sheet named ${name} already exists`);
    const sh = newSheet(nextSheetId(this.state), name);
    this.state.sheets.push(sh);
    return new SimSheetModel(this.core, this.state, sh);
  }
  deleteSheet(name: string): void {
    this.state.sheets = this.state.sheets.filter((s) => s.name !== name);
  }
  sheetValues(name: string): CellValue[][] {
    return this.mustSheet(name).values;
  }
  displayValues(name: string): string[][] {
    return this.mustSheet(name).displayValues;
  }
  private mustSheet(name: string): SimSheetModel {
    const s = this.sheet(name);
    if (!s) throw new Error(`Simulator: no sheet named "${name}" (sheets: ${this.sheetNames().join(', ')})`);
    return s;
  }
}
