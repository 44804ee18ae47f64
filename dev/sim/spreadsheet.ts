// SpreadsheetApp fake: Spreadsheet, Sheet, Range, TextFinder and DataValidation facades over the
// simulator's live spreadsheet state, with Sheets' typed-input write semantics and real error texts.
import { embeddedCharts, SHEET_CHART_COSTS } from './charts';
import { CELL_TOO_LONG, displayValue, isDateValue, MAX_CELL_CHARS, parseInput, type ParseContext } from './cells';
import type { ServiceEnv } from './core';
import {
  a1,
  cellAt,
  clearContent,
  DEFAULT_WIDTH,
  deleteCols,
  deleteRows,
  ensureCell,
  findSheet,
  insertCols,
  insertRows,
  lastCol,
  lastRow,
  newSheet,
  nextSheetId,
  parseA1,
  setParsed,
  sortBlock,
  type Box,
} from './grid';
import type { CostTable } from './meter';
import { manifestScopes } from './documents';
import { roleOf } from './drive';
import { developerMetadata, METADATA_METHOD_COSTS } from './metadata';
import type { Cell, SheetState, SpreadsheetState, ValidationState } from './types';

const DATA = 100;
const HANDLE = 2;
const FORMAT = 20;

export const SPREADSHEET_APP_COSTS: CostTable = {
  default: HANDLE,
  flush: 100,
  newDataValidation: 0,
  create: 1000,
  openById: 500,
  openByUrl: 500,
};
export const SPREADSHEET_COSTS: CostTable = {
  default: HANDLE,
  addDeveloperMetadata: METADATA_METHOD_COSTS.addDeveloperMetadata,
  getDeveloperMetadata: METADATA_METHOD_COSTS.getDeveloperMetadata,
  createDeveloperMetadataFinder: 0,
  insertSheet: FORMAT,
  deleteSheet: FORMAT,
  toast: 2,
  rename: FORMAT,
  setSpreadsheetTimeZone: FORMAT,
};
export const SHEET_COSTS: CostTable = {
  default: HANDLE,
  newChart: SHEET_CHART_COSTS.newChart,
  insertChart: SHEET_CHART_COSTS.insertChart,
  updateChart: SHEET_CHART_COSTS.updateChart,
  removeChart: SHEET_CHART_COSTS.removeChart,
  getCharts: SHEET_CHART_COSTS.getCharts,
  addDeveloperMetadata: METADATA_METHOD_COSTS.addDeveloperMetadata,
  getDeveloperMetadata: METADATA_METHOD_COSTS.getDeveloperMetadata,
  createDeveloperMetadataFinder: 0,
  appendRow: DATA,
  clear: DATA,
  clearContents: DATA,
  clearFormats: FORMAT,
  sort: DATA,
  insertColumnAfter: FORMAT,
  insertColumnBefore: FORMAT,
  insertColumns: FORMAT,
  insertColumnsAfter: FORMAT,
  insertColumnsBefore: FORMAT,
  deleteColumn: FORMAT,
  deleteColumns: FORMAT,
  insertRowAfter: FORMAT,
  insertRowBefore: FORMAT,
  insertRows: FORMAT,
  insertRowsAfter: FORMAT,
  insertRowsBefore: FORMAT,
  deleteRow: FORMAT,
  deleteRows: FORMAT,
  setFrozenRows: FORMAT,
  setFrozenColumns: FORMAT,
  setColumnWidth: FORMAT,
  setColumnWidths: FORMAT,
  autoResizeColumns: FORMAT,
  autoResizeColumn: FORMAT,
  hideColumns: FORMAT,
  showColumns: FORMAT,
  setName: FORMAT,
  setTabColor: FORMAT,
};
const RANGE_DATA = [
  'getValues',
  'getValue',
  'setValues',
  'setValue',
  'getDisplayValues',
  'getDisplayValue',
  'getFormulas',
  'getFormula',
  'setFormula',
  'setFormulas',
  'clearContent',
  'clear',
  'getNumberFormats',
  'getNumberFormat',
  'getDataValidations',
  'getDataValidation',
  'sort',
  'isBlank',
  'getBackgrounds',
  'getFontWeights',
  'getWraps',
  'getVerticalAlignments',
];
const RANGE_FORMAT = [
  'setNumberFormat',
  'setNumberFormats',
  'setWrap',
  'setWraps',
  'setWrapStrategy',
  'setFontWeight',
  'setFontWeights',
  'setFontColor',
  'setFontSize',
  'setFontStyle',
  'setBackground',
  'setBackgrounds',
  'setHorizontalAlignment',
  'setVerticalAlignment',
  'setDataValidation',
  'setDataValidations',
  'clearDataValidations',
  'clearFormat',
  'insertCheckboxes',
];
export const RANGE_COSTS: CostTable = Object.assign(
  { default: HANDLE } as CostTable,
  Object.fromEntries(RANGE_DATA.map((m) => [m, DATA])),
  Object.fromEntries(RANGE_FORMAT.map((m) => [m, FORMAT])),
);
export const TEXT_FINDER_COSTS: CostTable = {
  default: 0,
  findAll: DATA,
  findNext: DATA,
  findPrevious: DATA,
  replaceAllWith: DATA,
};

export interface SpreadsheetInternals {
  globals: { SpreadsheetApp: object };
  spreadsheet(ssId: string): Facade;
  range(ssId: string, sheetId: number, box: Box): Facade;
  /** Model id behind a Spreadsheet/Sheet facade, if it is one. */
  idOf(facade: unknown): { ssId: string; sheetId?: number } | null;
}

// Facades are dynamic Proxies; the node-side tsconfig has no Apps Script types.

type Facade = any;
const MODEL = Symbol('simModel');

/** SpreadsheetApp.openById/openByUrl list only the full spreadsheets scope (Drive's full scope covers it too). */
const OPEN_OTHER_SCOPES = ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/drive'];

export function parseCtx(env: ServiceEnv, ss: SpreadsheetState): ParseContext {
  return { timeZone: ss.timeZone, nowMs: env.core.clock.nowMs() };
}

export function createSpreadsheetState(
  env: ServiceEnv | { core: ServiceEnv['core'] },
  name: string,
  id?: string,
): SpreadsheetState {
  const core = env.core;
  const ss: SpreadsheetState = {
    id: id ?? core.fileId('Sheet'),
    name,
    timeZone: core.timeZone,
    locale: 'en_US',
    sheets: [newSheet(0, 'Sheet1')],
    activeSheetId: 0,
    formUrl: null,
    owner: core.exec.user,
  };
  core.spreadsheets.set(ss.id, ss);
  return ss;
}

export function spreadsheetService(env: ServiceEnv, getUi: () => object): SpreadsheetInternals {
  const { core } = env;
  const err = env.error;

  function ssState(id: string): SpreadsheetState {
    const ss = core.spreadsheets.get(id);
    if (!ss) throw err('Simulator: spreadsheet no longer exists');
    return ss;
  }
  function sheetState(ssId: string, sheetId: number): SheetState {
    const sh = ssState(ssId).sheets.find((s) => s.id === sheetId);
    if (!sh) throw err('Range not found'); // the sheet was deleted under a live handle
    return sh;
  }

  function checkBox(sh: SheetState, r: number, c: number, nr: number, nc: number): void {
    if (![r, c, nr, nc].every((x) => Number.isInteger(x)))
      throw err('Cannot find method getRange(' + [r, c, nr, nc].join(',') + ').');
    if (r < 1) throw err('The starting row of the range is too small.');
    if (c < 1) throw err('The starting column of the range is too small.');
    if (nr < 1) throw err('The number of rows in the range must be at least 1.');
    if (nc < 1) throw err('The number of columns in the range must be at least 1.');
    if (r + nr - 1 > sh.maxRows || c + nc - 1 > sh.maxCols)
      throw err('The coordinates of the range are outside the dimensions of the sheet.');
  }

  function toRealmValue(v: Cell['v'] | undefined): unknown {
    if (v === undefined) return '';
    return isDateValue(v) ? env.date(v) : v;
  }

  function validationFacade(dv: ValidationState): Facade {
    const crit = env.enumOf('SpreadsheetApp.DataValidationCriteria', DV_CRITERIA);
    const o = {
      getCriteriaType: () => crit[dv.type] ?? dv.type,
      getCriteriaValues: () =>
        env.arr(dv.type === 'VALUE_IN_LIST' ? [env.arr(dv.values as string[]), dv.showDropdown !== false] : dv.values),
      getAllowInvalid: () => dv.allowInvalid,
      getHelpText: () => dv.helpText,
      copy: () => builderFacade({ ...dv, values: [...dv.values] }),
      [MODEL]: dv,
    };
    return env.metered('DataValidation', o, 0) as unknown as Facade;
  }

  function builderFacade(init?: ValidationState): Facade {
    const dv: ValidationState = init ?? { type: '', values: [], allowInvalid: true, helpText: null };
    const chain = (fn: () => void) => () => {
      fn();
      return proxy;
    };
    const self = {
      requireValueInList: (values: unknown[], showDropdown?: boolean) =>
        chain(() => {
          if (!Array.isArray(values))
            throw err(
              'The parameters (' +
                typeof values +
                ") don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.",
            );
          dv.type = 'VALUE_IN_LIST';
          dv.values = values.map(String);
          dv.showDropdown = showDropdown !== false;
        })(),
      requireCheckbox: (checked?: unknown, unchecked?: unknown) =>
        chain(() => {
          dv.type = 'CHECKBOX';
          dv.values = checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked];
        })(),
      requireValueInRange: (range: unknown, showDropdown?: boolean) =>
        chain(() => {
          dv.type = 'VALUE_IN_RANGE';
          const r = range as Facade;
          dv.values = [core.meter.unmetered(() => `${r.getSheet().getName()}!${r.getA1Notation()}`)];
          dv.showDropdown = showDropdown !== false;
        })(),
      setAllowInvalid: (b: boolean) => chain(() => (dv.allowInvalid = !!b))(),
      setHelpText: (t: string) => chain(() => (dv.helpText = String(t)))(),
      getCriteriaType: () => env.enumOf('SpreadsheetApp.DataValidationCriteria', DV_CRITERIA)[dv.type],
      getCriteriaValues: () => env.arr(dv.values),
      getAllowInvalid: () => dv.allowInvalid,
      getHelpText: () => dv.helpText,
      build: () => {
        if (!dv.type) throw err('You must specify a criteria type for the data validation rule.');
        return validationFacade({ ...dv, values: [...dv.values] });
      },
    };
    const proxy: Facade = env.metered('DataValidationBuilder', self, 0) as unknown as Facade;
    return proxy;
  }

  function textFinderFacade(ssId: string, sheetId: number, box: Box | null, text: string): Facade {
    const opts = { matchCase: false, entire: false, regex: false, formulas: false };
    let cursor = -1; // index into the match list of the last findNext
    const matches = (): Array<[number, number]> => {
      const sh = sheetState(ssId, sheetId);
      const tz = ssState(ssId).timeZone;
      const b = box ?? { r: 1, c: 1, nr: Math.max(lastRow(sh), 1), nc: Math.max(lastCol(sh), 1) };
      const out: Array<[number, number]> = [];
      const needle = opts.matchCase ? text : text.toLowerCase();
      const re = opts.regex ? new RegExp(opts.entire ? `^(?:${text})$` : text, opts.matchCase ? '' : 'i') : null;
      let scanned = 0;
      for (let r = b.r; r < b.r + b.nr; r++) {
        const row = sh.rows[r - 1];
        if (!row) continue;
        for (let c = b.c; c < b.c + b.nc; c++) {
          const cell = row[c - 1];
          scanned++;
          if (!cell) continue;
          const hay0 = opts.formulas && cell.f ? cell.f : displayValue(cell, tz);
          if (hay0 === '') continue;
          const hay = opts.matchCase ? hay0 : hay0.toLowerCase();
          const hit = re ? re.test(hay0) : opts.entire ? hay === needle : hay.includes(needle);
          if (hit) out.push([r, c]);
        }
      }
      core.meter.addCells(out.length);
      void scanned;
      return out;
    };
    const cellRange = ([r, c]: [number, number]) => rangeFacade(ssId, sheetId, { r, c, nr: 1, nc: 1 });
    const self = {
      matchCase: (b: boolean) => ((opts.matchCase = !!b), proxy),
      matchEntireCell: (b: boolean) => ((opts.entire = !!b), proxy),
      useRegularExpression: (b: boolean) => ((opts.regex = !!b), proxy),
      matchFormulaText: (b: boolean) => ((opts.formulas = !!b), proxy),
      ignoreDiacritics: () => proxy,
      startFrom: () => proxy,
      findAll: () => env.arr(matches().map(cellRange)),
      findNext: () => {
        const m = matches();
        cursor++;
        if (cursor >= m.length) {
          cursor = m.length;
          return null;
        }
        return cellRange(m[cursor]);
      },
      findPrevious: () => {
        const m = matches();
        cursor = Math.min(cursor, m.length) - 1;
        if (cursor < 0) {
          cursor = -1;
          return null;
        }
        return cellRange(m[cursor]);
      },
      getCurrentMatch: () => null,
      replaceAllWith: (replacement: string) => {
        const m = matches();
        const sh = sheetState(ssId, sheetId);
        const ss = ssState(ssId);
        for (const [r, c] of m) {
          const cell = ensureCell(sh, r, c);
          const cur = displayValue(cell, ss.timeZone);
          const flags = opts.matchCase ? 'g' : 'gi';
          const pattern = opts.regex
            ? new RegExp(text, flags)
            : new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
          const next = opts.entire ? String(replacement) : cur.replace(pattern, String(replacement));
          setParsed(cell, parseInput(next, cell.fmt, parseCtx(env, ss)));
        }
        return m.length;
      },
    };
    const proxy: Facade = env.metered('TextFinder', self, TEXT_FINDER_COSTS) as unknown as Facade;
    return proxy;
  }

  function rangeFacade(ssId: string, sheetId: number, box: Box): Facade {
    const { r, c, nr, nc } = box;
    const sh = () => sheetState(ssId, sheetId);
    const ss = () => ssState(ssId);
    const cells = nr * nc;
    const map2d = <T>(fn: (cell: Cell | undefined, rr: number, cc: number) => T): T[][] => {
      const s = sh();
      const out: T[][] = [];
      for (let i = 0; i < nr; i++) {
        const row = s.rows[r + i - 1];
        const vals: T[] = new Array(nc);
        for (let j = 0; j < nc; j++) vals[j] = fn(row?.[c + j - 1], r + i, c + j);
        out.push(env.arr(vals));
      }
      core.meter.addCells(cells);
      return env.arr(out);
    };
    const each = (fn: (cell: Cell, i: number, j: number) => void) => {
      const s = sh();
      for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) fn(ensureCell(s, r + i, c + j), i, j);
    };
    const style = (key: string) => (value: unknown) => {
      each((cell) => {
        cell.st ??= {};
        if (value === null || value === undefined) delete cell.st[key];
        else cell.st[key] = value as string;
      });
      return proxy;
    };
    const styles2d = (key: string) => (grid: unknown[][]) => {
      checkShape(grid);
      each((cell, i, j) => {
        cell.st ??= {};
        const v = grid[i][j];
        if (v === null || v === undefined) delete cell.st[key];
        else cell.st[key] = v as string;
      });
      return proxy;
    };
    const checkShape = (values: unknown, method = 'setValues') => {
      if (!Array.isArray(values) || values.some((row) => !Array.isArray(row))) {
        throw err(
          `The parameters (${Array.isArray(values) ? 'number[]' : typeof values}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
        );
      }
      const rows = values as unknown[][];
      if (rows.length !== nr)
        throw err(
          `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${nr}.`,
        );
      for (const row of rows) {
        if (row.length !== nc)
          throw err(
            `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${nc}.`,
          );
      }
    };
    const writeAll = (values: unknown[][]) => {
      const s = sh();
      const ctx = parseCtx(env, ss());
      // Parse everything first so a bad cell (too long) leaves the sheet untouched.
      const parsed = values.map((row, i) => row.map((v, j) => parseInput(v, cellAt(s, r + i, c + j)?.fmt, ctx)));
      parsed.forEach((row, i) => row.forEach((p, j) => setParsed(ensureCell(s, r + i, c + j), p)));
      core.meter.addCells(cells);
    };
    const self = {
      [MODEL]: { ssId, sheetId, box },
      getValues: () => map2d((cell) => toRealmValue(cell?.v)),
      getValue: () => {
        core.meter.addCells(1);
        return toRealmValue(cellAt(sh(), r, c)?.v);
      },
      setValues: (values: unknown[][]) => {
        checkShape(values);
        writeAll(values);
        return proxy;
      },
      setValue: (value: unknown) => {
        writeAll(Array.from({ length: nr }, () => new Array(nc).fill(value)));
        return proxy;
      },
      getDisplayValues: () => {
        const tz = ss().timeZone;
        return map2d((cell) => displayValue(cell, tz));
      },
      getDisplayValue: () => {
        core.meter.addCells(1);
        return displayValue(cellAt(sh(), r, c), ss().timeZone);
      },
      getFormulas: () => map2d((cell) => cell?.f ?? ''),
      getFormula: () => cellAt(sh(), r, c)?.f ?? '',
      setFormula: (f: string) => {
        writeAll(Array.from({ length: nr }, () => new Array(nc).fill(String(f).startsWith('=') ? f : `=${f}`)));
        return proxy;
      },
      setFormulas: (fs: string[][]) => {
        checkShape(fs, 'setFormulas');
        writeAll(fs);
        return proxy;
      },
      getNumberFormats: () => map2d((cell) => cell?.fmt ?? ''),
      getNumberFormat: () => cellAt(sh(), r, c)?.fmt ?? '',
      setNumberFormat: (fmt: string) => {
        each((cell) => {
          if (fmt) cell.fmt = String(fmt);
          else delete cell.fmt;
        });
        return proxy;
      },
      setNumberFormats: (fmts: string[][]) => {
        checkShape(fmts, 'setNumberFormats');
        each((cell, i, j) => {
          if (fmts[i][j]) cell.fmt = String(fmts[i][j]);
          else delete cell.fmt;
        });
        return proxy;
      },
      setWrap: (b: boolean) => style('wrap')(!!b),
      setWraps: styles2d('wrap'),
      setWrapStrategy: (s: unknown) => style('wrapStrategy')(String(s)),
      setFontWeight: style('fontWeight'),
      setFontWeights: styles2d('fontWeight'),
      setFontColor: style('fontColor'),
      setFontSize: style('fontSize'),
      setFontStyle: style('fontStyle'),
      setBackground: style('background'),
      setBackgrounds: styles2d('background'),
      setHorizontalAlignment: style('horizontalAlignment'),
      setVerticalAlignment: style('verticalAlignment'),
      getFontWeight: () => String(cellAt(sh(), r, c)?.st?.fontWeight ?? 'normal'),
      getFontWeights: () => map2d((cell) => String(cell?.st?.fontWeight ?? 'normal')),
      getBackground: () => String(cellAt(sh(), r, c)?.st?.background ?? '#ffffff'),
      getBackgrounds: () => map2d((cell) => String(cell?.st?.background ?? '#ffffff')),
      getWrap: () => cellAt(sh(), r, c)?.st?.wrap === true,
      getWraps: () => map2d((cell) => cell?.st?.wrap === true),
      // Sheets' default vertical alignment is bottom; values are lower case ("top", "middle", "bottom").
      getVerticalAlignment: () => String(cellAt(sh(), r, c)?.st?.verticalAlignment ?? 'bottom').toLowerCase(),
      getVerticalAlignments: () => map2d((cell) => String(cell?.st?.verticalAlignment ?? 'bottom').toLowerCase()),
      getHorizontalAlignment: () => String(cellAt(sh(), r, c)?.st?.horizontalAlignment ?? 'general'),
      setDataValidation: (rule: unknown) => {
        const dv = rule ? ((rule as Record<symbol, ValidationState>)[MODEL] as ValidationState | undefined) : undefined;
        if (rule && !dv)
          throw err(
            "The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
          );
        each((cell) => {
          if (dv) cell.dv = { ...dv, values: [...dv.values] };
          else delete cell.dv;
        });
        return proxy;
      },
      setDataValidations: (rules: unknown[][]) => {
        checkShape(rules, 'setDataValidations');
        each((cell, i, j) => {
          const dv = rules[i][j] ? (rules[i][j] as Record<symbol, ValidationState>)[MODEL] : undefined;
          if (dv) cell.dv = { ...dv, values: [...dv.values] };
          else delete cell.dv;
        });
        return proxy;
      },
      getDataValidation: () => {
        const dv = cellAt(sh(), r, c)?.dv;
        return dv ? validationFacade(dv) : null;
      },
      getDataValidations: () => map2d((cell) => (cell?.dv ? validationFacade(cell.dv) : null)),
      clearDataValidations: () => {
        each((cell) => delete cell.dv);
        return proxy;
      },
      insertCheckboxes: () => {
        each((cell) => {
          cell.dv = { type: 'CHECKBOX', values: [], allowInvalid: false, helpText: null };
          if (cell.v === '') cell.v = false;
        });
        return proxy;
      },
      clearContent: () => {
        each((cell) => clearContent(cell));
        core.meter.addCells(cells);
        return proxy;
      },
      clear: (options?: { contentsOnly?: boolean; formatOnly?: boolean; validationsOnly?: boolean }) => {
        each((cell) => {
          const all = !options || (!options.contentsOnly && !options.formatOnly && !options.validationsOnly);
          if (all || options?.contentsOnly) clearContent(cell);
          if (all || options?.formatOnly) {
            delete cell.fmt;
            delete cell.st;
          }
          if (all || options?.validationsOnly) delete cell.dv;
        });
        core.meter.addCells(cells);
        return proxy;
      },
      clearFormat: () => {
        each((cell) => {
          delete cell.fmt;
          delete cell.st;
        });
        return proxy;
      },
      isBlank: () => {
        const s = sh();
        for (let i = 0; i < nr; i++)
          for (let j = 0; j < nc; j++)
            if (cellAt(s, r + i, c + j)?.v !== undefined && cellAt(s, r + i, c + j)?.v !== '') return false;
        return true;
      },
      getRow: () => r,
      getColumn: () => c,
      getRowIndex: () => r,
      getNumRows: () => nr,
      getNumColumns: () => nc,
      getHeight: () => nr,
      getWidth: () => nc,
      getLastRow: () => r + nr - 1,
      getLastColumn: () => c + nc - 1,
      getA1Notation: () => a1(r, c, nr, nc),
      getSheet: () => sheetFacade(ssId, sheetId),
      getCell: (row: number, col: number) => {
        if (row < 1 || row > nr || col < 1 || col > nc) throw err('Cell reference out of range');
        return rangeFacade(ssId, sheetId, { r: r + row - 1, c: c + col - 1, nr: 1, nc: 1 });
      },
      offset: (ro: number, co: number, nro?: number, nco?: number) => {
        const b = { r: r + ro, c: c + co, nr: nro ?? nr, nc: nco ?? nc };
        checkBox(sh(), b.r, b.c, b.nr, b.nc);
        return rangeFacade(ssId, sheetId, b);
      },
      createTextFinder: (text: string) => textFinderFacade(ssId, sheetId, box, String(text)),
      sort: (spec: unknown) => {
        const specs = (Array.isArray(spec) ? spec : [spec]).map((s) =>
          typeof s === 'number'
            ? { column: s, ascending: true }
            : {
                column: Number((s as { column: number }).column),
                ascending: (s as { ascending?: boolean }).ascending !== false,
              },
        );
        for (const s of specs)
          if (s.column < c || s.column >= c + nc)
            throw err('The coordinates of the range are outside the dimensions of the sheet.');
        sortBlock(sh(), r, r + nr - 1, c, c + nc - 1, specs);
        core.meter.addCells(cells);
        return proxy;
      },
      activate: () => proxy,
      setNote: (note: string | null) => style('note')(note ?? ''),
      getNote: () => String(cellAt(sh(), r, c)?.st?.note ?? ''),
    };
    const proxy = env.metered('Range', self, RANGE_COSTS) as unknown as Facade;
    return proxy;
  }

  function sheetFacade(ssId: string, sheetId: number): Facade {
    const sh = () => sheetState(ssId, sheetId);
    const ss = () => ssState(ssId);
    const range = (b: Box) => {
      checkBox(sh(), b.r, b.c, b.nr, b.nc);
      return rangeFacade(ssId, sheetId, b);
    };
    const self = {
      [MODEL]: { ssId, sheetId },
      getName: () => sh().name,
      setName: (name: string) => {
        const n = String(name);
        if (ss().sheets.some((s) => s !== sh() && s.name === n))
          throw err(`A sheet with the name "${n}" already exists. Please enter another name.`);
        sh().name = n;
        return proxy;
      },
      getSheetId: () => sheetId,
      getIndex: () => ss().sheets.indexOf(sh()) + 1,
      getParent: () => spreadsheetFacade(ssId),
      getType: () => env.enumOf('SpreadsheetApp.SheetType', ['GRID', 'OBJECT', 'DATASOURCE']).GRID,
      getRange: (a: unknown, b?: number, c?: number, d?: number) => {
        if (typeof a === 'string') {
          const p = parseA1(a, sh());
          if (!p) throw err('Range not found');
          return range(p.box);
        }
        return range({
          r: Number(a),
          c: Number(b),
          nr: c === undefined ? 1 : Number(c),
          nc: d === undefined ? 1 : Number(d),
        });
      },
      getDataRange: () =>
        rangeFacade(ssId, sheetId, { r: 1, c: 1, nr: Math.max(lastRow(sh()), 1), nc: Math.max(lastCol(sh()), 1) }),
      getLastRow: () => lastRow(sh()),
      getLastColumn: () => lastCol(sh()),
      getMaxRows: () => sh().maxRows,
      getMaxColumns: () => sh().maxCols,
      appendRow: (values: unknown[]) => {
        if (!Array.isArray(values))
          throw err(
            `The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
          );
        const s = sh();
        const row = lastRow(s) + 1;
        const ctx = parseCtx(env, ss());
        const parsed = values.map((v, j) => parseInput(v, cellAt(s, row, j + 1)?.fmt, ctx));
        if (row > s.maxRows) s.maxRows = row;
        if (values.length > s.maxCols) s.maxCols = values.length;
        parsed.forEach((p, j) => setParsed(ensureCell(s, row, j + 1), p));
        core.meter.addCells(values.length);
        return proxy;
      },
      insertColumnAfter: (col: number) => (insertCols(sh(), col + 1, 1), proxy),
      insertColumnBefore: (col: number) => (insertCols(sh(), col, 1), proxy),
      insertColumns: (col: number, n = 1) => (insertCols(sh(), col, n), proxy),
      insertColumnsAfter: (col: number, n: number) => (insertCols(sh(), col + 1, n), proxy),
      insertColumnsBefore: (col: number, n: number) => (insertCols(sh(), col, n), proxy),
      deleteColumn: (col: number) => {
        if (col < 1 || col > sh().maxCols) throw err('Those columns are out of bounds.');
        deleteCols(sh(), col, 1);
        return proxy;
      },
      deleteColumns: (col: number, n: number) => {
        if (col < 1 || col + n - 1 > sh().maxCols) throw err('Those columns are out of bounds.');
        deleteCols(sh(), col, n);
        return proxy;
      },
      insertRowAfter: (row: number) => (insertRows(sh(), row + 1, 1), proxy),
      insertRowBefore: (row: number) => (insertRows(sh(), row, 1), proxy),
      insertRows: (row: number, n = 1) => (insertRows(sh(), row, n), proxy),
      insertRowsAfter: (row: number, n: number) => (insertRows(sh(), row + 1, n), proxy),
      insertRowsBefore: (row: number, n: number) => (insertRows(sh(), row, n), proxy),
      deleteRow: (row: number) => {
        if (row < 1 || row > sh().maxRows) throw err('Those rows are out of bounds.');
        deleteRows(sh(), row, 1);
        return proxy;
      },
      deleteRows: (row: number, n: number) => {
        if (row < 1 || row + n - 1 > sh().maxRows) throw err('Those rows are out of bounds.');
        deleteRows(sh(), row, n);
        return proxy;
      },
      setFrozenRows: (n: number) => ((sh().frozenRows = n), proxy),
      getFrozenRows: () => sh().frozenRows,
      setFrozenColumns: (n: number) => ((sh().frozenCols = n), proxy),
      getFrozenColumns: () => sh().frozenCols,
      setColumnWidth: (col: number, w: number) => ((sh().widths[col - 1] = w), proxy),
      setColumnWidths: (col: number, n: number, w: number) => {
        for (let i = 0; i < n; i++) sh().widths[col - 1 + i] = w;
        return proxy;
      },
      getColumnWidth: (col: number) => sh().widths[col - 1] ?? DEFAULT_WIDTH,
      autoResizeColumns: (col: number, n: number) => {
        const s = sh();
        const tz = ss().timeZone;
        for (let j = col; j < col + n; j++) {
          let longest = 0;
          for (const row of s.rows) longest = Math.max(longest, displayValue(row?.[j - 1], tz).length);
          s.widths[j - 1] = Math.min(Math.max(7 * longest + 10, 20), 1000);
        }
        return proxy;
      },
      autoResizeColumn: (col: number) => (proxy as Facade).autoResizeColumns(col, 1),
      hideColumns: (col: number, n = 1) => {
        for (let i = 0; i < n; i++) sh().hiddenCols[col - 1 + i] = true;
        return proxy;
      },
      showColumns: (col: number, n = 1) => {
        for (let i = 0; i < n; i++) sh().hiddenCols[col - 1 + i] = false;
        return proxy;
      },
      isColumnHiddenByUser: (col: number) => !!sh().hiddenCols[col - 1],
      getFormUrl: () => sh().formUrl,
      sort: (col: number, ascending = true) => {
        const s = sh();
        const from = s.frozenRows + 1;
        const to = lastRow(s);
        if (to >= from)
          sortBlock(s, from, to, 1, Math.max(lastCol(s), col), [{ column: col, ascending: ascending !== false }]);
        core.meter.addCells(Math.max(0, to - from + 1) * lastCol(s));
        return proxy;
      },
      createTextFinder: (text: string) => textFinderFacade(ssId, sheetId, null, String(text)),
      clear: () => {
        const s = sh();
        core.meter.addCells(lastRow(s) * lastCol(s));
        s.rows = [];
        return proxy;
      },
      clearContents: () => {
        const s = sh();
        core.meter.addCells(lastRow(s) * lastCol(s));
        for (const row of s.rows) for (const cell of row ?? []) clearContent(cell);
        return proxy;
      },
      clearFormats: () => {
        for (const row of sh().rows)
          for (const cell of row ?? []) {
            if (cell) {
              delete cell.fmt;
              delete cell.st;
            }
          }
        return proxy;
      },
      activate: () => {
        ss().activeSheetId = sheetId;
        return proxy;
      },
      setTabColor: () => proxy,
      hideSheet: () => proxy,
      showSheet: () => proxy,
      isSheetHidden: () => false,
      ...charts.sheetMethods(ssId, sheetId),
      ...metadata.methodsOf(ssId, sheetId, () => proxy),
    };
    const proxy = env.metered('Sheet', self, SHEET_COSTS) as unknown as Facade;
    return proxy;
  }

  const charts = embeddedCharts(env, {
    ssState,
    sheetState,
    range: (ssId, sheetId, box) => rangeFacade(ssId, sheetId, box),
    rangeBox: (x) => {
      const m =
        x && typeof x === 'object'
          ? (x as Record<symbol, { ssId: string; sheetId: number; box?: Box }>)[MODEL]
          : undefined;
      return m?.box ? { ssId: m.ssId, sheetId: m.sheetId, box: m.box } : null;
    },
  });
  const metadata = developerMetadata(env, {
    ssState,
    sheetState,
    sheet: (ssId, sheetId) => sheetFacade(ssId, sheetId),
    spreadsheet: (ssId) => spreadsheetFacade(ssId),
    sheetIdOf: (x) => {
      const m = x && typeof x === 'object' ? (x as Record<symbol, { sheetId?: number; box?: Box }>)[MODEL] : undefined;
      return m && m.sheetId !== undefined && !m.box ? m.sheetId : null;
    },
  });

  function sheetIdOf(x: unknown): number {
    const m = x && typeof x === 'object' ? (x as Record<symbol, { sheetId?: number }>)[MODEL] : undefined;
    if (!m || m.sheetId === undefined) throw err("The parameters (Object) don't match the method signature.");
    return m.sheetId;
  }

  function spreadsheetFacade(ssId: string): Facade {
    const ss = () => ssState(ssId);
    const self = {
      [MODEL]: { ssId },
      getId: () => ssId,
      getName: () => ss().name,
      rename: (n: string) => ((ss().name = String(n)), undefined),
      getUrl: () => `https://docs.google.com/spreadsheets/d/${ssId}/edit`,
      getSheetByName: (name: string) => {
        const sh = findSheet(ss(), String(name));
        return sh ? sheetFacade(ssId, sh.id) : null;
      },
      getSheetById: (id: number) => {
        const sh = ss().sheets.find((s) => s.id === id);
        return sh ? sheetFacade(ssId, sh.id) : null;
      },
      getSheets: () => env.arr(ss().sheets.map((s) => sheetFacade(ssId, s.id))),
      getNumSheets: () => ss().sheets.length,
      insertSheet: (a?: unknown, b?: unknown) => {
        const s = ss();
        let name: string | undefined;
        let index: number | undefined;
        if (typeof a === 'string') {
          name = a;
          if (typeof b === 'number') index = b;
        } else if (typeof a === 'number') index = a;
        if (name === undefined) {
          let k = s.sheets.length + 1;
          while (findSheet(s, `Sheet${k}`)) k++;
          name = `Sheet${k}`;
        }
        if (findSheet(s, name)) throw err(`A sheet with the name "${name}" already exists. Please enter another name.`);
        const sh = newSheet(nextSheetId(s), name);
        const at =
          index === undefined
            ? s.sheets.indexOf(s.sheets.find((x) => x.id === s.activeSheetId)!) + 1
            : Math.max(0, Math.min(index, s.sheets.length));
        s.sheets.splice(at, 0, sh);
        s.activeSheetId = sh.id;
        return sheetFacade(ssId, sh.id);
      },
      deleteSheet: (sheet: unknown) => {
        const s = ss();
        const id = sheetIdOf(sheet);
        if (s.sheets.length === 1) throw err("You can't remove all the sheets in a document.");
        s.sheets = s.sheets.filter((x) => x.id !== id);
        if (s.activeSheetId === id) s.activeSheetId = s.sheets[0].id;
        for (const f of core.forms.values())
          if (f.destination?.spreadsheetId === ssId && f.destination.sheetId === id) f.destination = null;
      },
      getActiveSheet: () =>
        sheetFacade(ssId, (ss().sheets.find((x) => x.id === ss().activeSheetId) ?? ss().sheets[0]).id),
      setActiveSheet: (sheet: unknown) => {
        ss().activeSheetId = sheetIdOf(sheet);
        return sheetFacade(ssId, ss().activeSheetId);
      },
      getRange: (text: string) => {
        const s = ss();
        const bang = String(text).lastIndexOf('!');
        const name =
          bang >= 0
            ? String(text)
                .slice(0, bang)
                .replace(/^'(.*)'$/, '$1')
            : null;
        const sh = name ? findSheet(s, name) : s.sheets.find((x) => x.id === s.activeSheetId);
        if (!sh) throw err('Range not found');
        const p = parseA1(String(text), sh);
        if (!p) throw err('Range not found');
        checkBox(sh, p.box.r, p.box.c, p.box.nr, p.box.nc);
        return rangeFacade(ssId, sh.id, p.box);
      },
      getSpreadsheetTimeZone: () => ss().timeZone,
      setSpreadsheetTimeZone: (tz: string) => ((ss().timeZone = String(tz)), undefined),
      getSpreadsheetLocale: () => ss().locale,
      getFormUrl: () => ss().formUrl,
      toast: (message: unknown, title?: unknown) => {
        core.ui.toasts.push(
          title === undefined || title === null
            ? { message: String(message) }
            : { message: String(message), title: String(title) },
        );
      },
      getOwner: () => null,
      getEditors: () => env.arr([]),
      ...metadata.methodsOf(ssId, null, () => proxy),
    };
    const proxy = env.metered('Spreadsheet', self, SPREADSHEET_COSTS) as unknown as Facade;
    return proxy;
  }

  /**
   * Opening another spreadsheet needs a full spreadsheets (or Drive) scope — spreadsheets.currentonly covers only the
   * container — and access to the file.
   */
  function openOther(method: string, id: string): void {
    const scopes = manifestScopes(core);
    if (scopes && !scopes.some((s) => OPEN_OTHER_SCOPES.includes(s)))
      throw err(
        `You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets`,
      );
    const ss = core.spreadsheets.get(id);
    if (ss && !roleOf(ss, core.exec.user)) throw err('You do not have permission to access the requested document.');
  }

  const app = {
    getActive: () => {
      core.requireAuth('SpreadsheetApp.getActive', true);
      return spreadsheetFacade(core.activeSpreadsheetId);
    },
    getActiveSpreadsheet: () => {
      core.requireAuth('SpreadsheetApp.getActiveSpreadsheet', true);
      return spreadsheetFacade(core.activeSpreadsheetId);
    },
    getActiveSheet: () => {
      core.requireAuth('SpreadsheetApp.getActiveSheet', true);
      const s = ssState(core.activeSpreadsheetId);
      return sheetFacade(s.id, s.activeSheetId);
    },
    getActiveRange: () => null,
    openById: (id: string) => {
      core.requireAuth('SpreadsheetApp.openById');
      openOther('openById', String(id));
      if (!core.spreadsheets.has(String(id)))
        throw err('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
      return spreadsheetFacade(String(id));
    },
    openByUrl: (url: string) => {
      core.requireAuth('SpreadsheetApp.openByUrl');
      const id = /\/d\/([^/]+)/.exec(String(url))?.[1];
      openOther('openByUrl', id ?? '');
      if (!id || !core.spreadsheets.has(id))
        throw err('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
      return spreadsheetFacade(id);
    },
    create: (name: string) => {
      core.requireAuth('SpreadsheetApp.create');
      return spreadsheetFacade(createSpreadsheetState(env, String(name)).id);
    },
    getUi: () => {
      if (!core.exec.hasUi) throw err('Cannot call SpreadsheetApp.getUi() from this context.');
      return getUi();
    },
    flush: () => undefined,
    newDataValidation: () => builderFacade(),
    DataValidationCriteria: env.enumOf('SpreadsheetApp.DataValidationCriteria', DV_CRITERIA),
    WrapStrategy: env.enumOf('SpreadsheetApp.WrapStrategy', ['WRAP', 'OVERFLOW', 'CLIP']),
    Dimension: env.enumOf('SpreadsheetApp.Dimension', ['COLUMNS', 'ROWS']),
    SheetType: env.enumOf('SpreadsheetApp.SheetType', ['GRID', 'OBJECT', 'DATASOURCE']),
    BorderStyle: env.enumOf('SpreadsheetApp.BorderStyle', [
      'DOTTED',
      'DASHED',
      'SOLID',
      'SOLID_MEDIUM',
      'SOLID_THICK',
      'DOUBLE',
    ]),
    ProtectionType: env.enumOf('SpreadsheetApp.ProtectionType', ['RANGE', 'SHEET']),
    DeveloperMetadataVisibility: env.enumOf('SpreadsheetApp.DeveloperMetadataVisibility', ['DOCUMENT', 'PROJECT']),
    DeveloperMetadataLocationType: env.enumOf('SpreadsheetApp.DeveloperMetadataLocationType', [
      'SPREADSHEET',
      'SHEET',
      'ROW',
      'COLUMN',
    ]),
  };

  return {
    globals: { SpreadsheetApp: env.metered('SpreadsheetApp', app, SPREADSHEET_APP_COSTS) },
    spreadsheet: spreadsheetFacade,
    range: rangeFacade,
    idOf(facade: unknown) {
      if (!facade || typeof facade !== 'object') return null;
      return ((facade as Record<symbol, unknown>)[MODEL] as { ssId: string; sheetId?: number }) ?? null;
    },
  };
}

const DV_CRITERIA = [
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'TEXT_CONTAINS',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
];

export { CELL_TOO_LONG, MAX_CELL_CHARS };
