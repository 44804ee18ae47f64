// The advanced Sheets service (Sheets API v4) as far as files other than the container go: Spreadsheets create, get
// and batchUpdate (addSheet, updateSheetProperties), Values batchGet, batchUpdate (RAW or USER_ENTERED) and batchClear,
// on the same spreadsheets SpreadsheetApp sees, with the API's access rules (dev/sim/drive.ts), error texts and grid
// limits. Every call is recorded (who, which project, which file) so tests can say which files a project opened.
import type { ServiceEnv, SimCore } from './core';
import { MAX_CELL_CHARS, CELL_TOO_LONG, displayValue, isDateValue, parseInput } from './cells';
import { manifestScopes, takeFault, type FaultState } from './documents';
import { reach, SCOPE } from './drive';
import {
  cellAt,
  clearContent,
  colLetter,
  colNumber,
  ensureCell,
  findSheet,
  lastCol,
  lastRow,
  newSheet,
  nextSheetId,
  setParsed,
} from './grid';
import type { SheetState, SpreadsheetState } from './types';

const READ_SCOPES: readonly string[] = [
  SCOPE.spreadsheets,
  SCOPE.spreadsheetsReadonly,
  SCOPE.drive,
  SCOPE.driveReadonly,
];
const WRITE_SCOPES: readonly string[] = [SCOPE.spreadsheets, SCOPE.drive];
const ANY_SHEETS_SCOPE: readonly string[] = [...READ_SCOPES, SCOPE.driveFile];

export interface SheetsApiCall {
  project: string;
  user: string;
  method: string;
  spreadsheetId: string;
  ok: boolean;
}

interface SheetsApiState {
  calls: SheetsApiCall[];
  faults: Record<string, FaultState>;
  /** Extra simulated ms per call of a method (a slow network, a large file). */
  delays: Record<string, number>;
}

function apiState(core: SimCore): SheetsApiState {
  if (!('sheetsApi' in core.extensions))
    core.extensions.sheetsApi = { calls: [], faults: {}, delays: {} } satisfies SheetsApiState;
  return core.extensions.sheetsApi as SheetsApiState;
}

const REST: Record<string, string> = {
  'Spreadsheets.create': 'sheets.spreadsheets.create',
  'Spreadsheets.get': 'sheets.spreadsheets.get',
  'Spreadsheets.batchUpdate': 'sheets.spreadsheets.batchUpdate',
  'Values.batchGet': 'sheets.spreadsheets.values.batchGet',
  'Values.batchUpdate': 'sheets.spreadsheets.values.batchUpdate',
  'Values.batchClear': 'sheets.spreadsheets.values.batchClear',
};

interface Target {
  sheet: SheetState;
  r: number;
  c: number;
  nr: number;
  nc: number;
  /** Open-ended ("A2:C", "A:C"): runs to the end of the grid, and a write may run past it (then the grid limit). */
  openRows?: boolean;
  openCols?: boolean;
}

/** "'My sheet'" for names that need quotes in A1 notation, "About" otherwise. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * An A1 range of the API ("About", "About!A1:C", "'Sheet 1'!B2", "A1:B2" on the first sheet), clipped to the
 * sheet's grid where open-ended; null when it cannot be parsed (or names no sheet).
 */
function parseRange(ss: SpreadsheetState, text: string): { target: Target; beyond: boolean } | null {
  let ref = String(text ?? '').trim();
  let sheet: SheetState | undefined;
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    const name = ref
      .slice(0, bang)
      .replace(/^'(.*)'$/s, '$1')
      .replace(/''/g, "'");
    sheet = findSheet(ss, name);
    ref = ref.slice(bang + 1);
  } else {
    const named = findSheet(ss, ref.replace(/^'(.*)'$/s, '$1').replace(/''/g, "'"));
    if (named)
      return {
        target: { sheet: named, r: 1, c: 1, nr: named.maxRows, nc: named.maxCols, openRows: true, openCols: true },
        beyond: false,
      };
    sheet = ss.sheets[0];
  }
  if (!sheet) return null;
  const m = /^\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/.exec(ref);
  if (!m || (!m[1] && !m[2])) return null;
  const [, c1, r1, c2, r2] = m;
  const open = ref.includes(':');
  const startC = c1 ? colNumber(c1) : 1;
  const startR = r1 ? Number(r1) : 1;
  let endC: number;
  let endR: number;
  if (!open) {
    if (!c1 || !r1) return null;
    endC = startC;
    endR = startR;
  } else {
    endC = c2 ? colNumber(c2) : c1 && !r1 && !r2 ? startC : sheet.maxCols;
    endR = r2 ? Number(r2) : sheet.maxRows;
    if (!c2 && !r2) return null;
  }
  if (startR < 1 || startC < 1 || endC < startC || endR < startR) return null;
  const beyond = startR > sheet.maxRows || startC > sheet.maxCols || endR > sheet.maxRows || endC > sheet.maxCols;
  const target: Target = { sheet, r: startR, c: startC, nr: endR - startR + 1, nc: endC - startC + 1 };
  if (open && !r2) target.openRows = true;
  if (open && !c2 && !(c1 && !r1)) target.openCols = true;
  return { target, beyond };
}

function a1Of(t: Target): string {
  const nr = Math.min(t.nr, Math.max(1, t.sheet.maxRows - t.r + 1));
  const nc = Math.min(t.nc, Math.max(1, t.sheet.maxCols - t.c + 1));
  const start = `${colLetter(t.c)}${t.r}`;
  const end = `${colLetter(t.c + nc - 1)}${t.r + nr - 1}`;
  return `${quoteSheet(t.sheet.name)}!${start === end ? start : `${start}:${end}`}`;
}

function sheetJson(sh: SheetState, index: number) {
  return {
    properties: {
      sheetId: sh.id,
      title: sh.name,
      index,
      sheetType: 'GRID',
      gridProperties: {
        rowCount: sh.maxRows,
        columnCount: sh.maxCols,
        ...(sh.frozenRows ? { frozenRowCount: sh.frozenRows } : {}),
      },
    },
  };
}

function spreadsheetJson(ss: SpreadsheetState) {
  return {
    spreadsheetId: ss.id,
    properties: { title: ss.name, locale: ss.locale, autoRecalc: 'ON_CHANGE', timeZone: ss.timeZone },
    sheets: ss.sheets.map(sheetJson),
    spreadsheetUrl: `https://docs.google.com/spreadsheets/d/${ss.id}/edit`,
  };
}

export function sheetsApiService(env: ServiceEnv): unknown {
  const { core } = env;
  const st = () => apiState(core);

  const fail = (method: string, message: string) =>
    env.error(`GoogleJsonResponseException: API call to ${REST[method]} failed with error: ${message}`);

  /** Fault, scope, delay and bookkeeping common to every method. */
  const begin = (method: string, spreadsheetId: string): void => {
    core.requireAuth(`Sheets.${method}`);
    const call: SheetsApiCall = { project: core.projectId, user: core.exec.user, method, spreadsheetId, ok: false };
    st().calls.push(call);
    const delay = st().delays[method];
    if (delay) core.meter.addMs(delay);
    takeFault(st().faults, [`Sheets.${method}`, 'Sheets.*'], env.error);
    const scopes = manifestScopes(core);
    if (scopes && !scopes.some((s) => ANY_SHEETS_SCOPE.includes(s)))
      throw fail(method, 'Request had insufficient authentication scopes.');
  };
  const done = () => {
    const calls = st().calls;
    calls[calls.length - 1].ok = true;
  };

  /** The file, when the running user may `need` it from this project; the API's error otherwise. */
  const open = (method: string, spreadsheetId: unknown, need: 'read' | 'write'): SpreadsheetState => {
    const id = String(spreadsheetId ?? '');
    begin(method, id);
    const ss = core.spreadsheets.get(id);
    if (!ss) throw fail(method, 'Requested entity was not found.');
    const r = reach(core, ss, need, need === 'read' ? READ_SCOPES : WRITE_SCOPES);
    if (r === 'no-scope') throw fail(method, 'Request had insufficient authentication scopes.');
    if (r !== 'ok') throw fail(method, 'The caller does not have permission');
    return ss;
  };

  const rangesOf = (ss: SpreadsheetState, method: string, ranges: unknown, label: (i: number) => string) => {
    const list = Array.isArray(ranges) ? ranges : ranges === undefined ? [] : [ranges];
    return list.map((text, i) => {
      const parsed = parseRange(ss, String(text));
      if (!parsed) throw fail(method, `${label(i)}Unable to parse range: ${String(text)}`);
      return parsed;
    });
  };

  const values = env.metered(
    'Sheets.Spreadsheets.Values',
    {
      batchGet(spreadsheetId: string, optionalArgs?: object) {
        const method = 'Values.batchGet';
        const ss = open(method, spreadsheetId, 'read');
        const opts = (optionalArgs ?? {}) as Record<string, unknown>;
        const render = String(opts.valueRenderOption ?? 'FORMATTED_VALUE');
        const columns = String(opts.majorDimension ?? 'ROWS') === 'COLUMNS';
        const parsed = rangesOf(ss, method, opts.ranges, () => '');
        let cells = 0;
        const valueRanges = parsed.map(({ target: t, beyond }) => {
          if (beyond && t.r > t.sheet.maxRows)
            throw fail(
              method,
              `Range (${a1Of(t)}) exceeds grid limits. Max rows: ${t.sheet.maxRows}, max columns: ${t.sheet.maxCols}`,
            );
          const lastR = Math.min(t.r + t.nr - 1, lastRow(t.sheet));
          const lastC = Math.min(t.c + t.nc - 1, lastCol(t.sheet));
          const rows: unknown[][] = [];
          for (let r = t.r; r <= lastR; r++) {
            const row: unknown[] = [];
            for (let c = t.c; c <= lastC; c++) {
              const cell = cellAt(t.sheet, r, c);
              if (render === 'FORMULA' && cell?.f) row.push(cell.f);
              else if (render === 'UNFORMATTED_VALUE' && cell && !isDateValue(cell.v)) row.push(cell.v);
              else row.push(displayValue(cell, ss.timeZone));
            }
            while (row.length && row[row.length - 1] === '') row.pop();
            rows.push(row);
            cells += row.length;
          }
          while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
          const out = columns
            ? Array.from({ length: Math.max(0, ...rows.map((r) => r.length)) }, (_, c) => rows.map((r) => r[c] ?? ''))
            : rows;
          return env.obj({
            range: a1Of(t),
            majorDimension: columns ? 'COLUMNS' : 'ROWS',
            ...(out.length ? { values: env.arr(out.map((r) => env.arr(r))) } : {}),
          });
        });
        core.meter.addCells(cells);
        done();
        return env.obj({ spreadsheetId: ss.id, valueRanges: env.arr(valueRanges) });
      },
      batchUpdate(resource: GoogleAppsScript.Sheets.Schema.BatchUpdateValuesRequest, spreadsheetId: string) {
        const method = 'Values.batchUpdate';
        const ss = open(method, spreadsheetId, 'write');
        const req = (resource ?? {}) as Record<string, unknown>;
        const option = req.valueInputOption;
        if (option === undefined || option === null || option === '')
          throw fail(method, "'valueInputOption' is required but not specified");
        if (option !== 'RAW' && option !== 'USER_ENTERED')
          throw fail(method, `Invalid value at 'value_input_option' (TYPE_ENUM), "${String(option)}"`);
        const data = Array.isArray(req.data) ? (req.data as Array<Record<string, unknown>>) : [];
        // Checked whole before anything is written: the request applies entirely or not at all.
        const writes = data.map((d, i) => {
          const label = `Invalid data[${i}]: `;
          const parsed = parseRange(ss, String(d.range ?? ''));
          if (!parsed) throw fail(method, `${label}Unable to parse range: ${String(d.range ?? '')}`);
          const t = parsed.target;
          const rows = Array.isArray(d.values) ? (d.values as unknown[][]) : [];
          const byColumns = d.majorDimension === 'COLUMNS';
          const grid: unknown[][] = byColumns
            ? Array.from({ length: Math.max(0, ...rows.map((c) => c.length)) }, (_, r) => rows.map((c) => c[r]))
            : rows;
          grid.forEach((row, r) => {
            if (r >= t.nr && !t.openRows)
              throw fail(
                method,
                `${label}Requested writing within range [${a1Of(t)}], but tried writing to row [${t.r + r}]`,
              );
            if (row.length > t.nc && !t.openCols)
              throw fail(
                method,
                `${label}Requested writing within range [${a1Of(t)}], but tried writing to column [${colLetter(t.c + t.nc)}]`,
              );
            for (const v of row) {
              if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw fail(method, `${label}${CELL_TOO_LONG}`);
              if (v !== null && v !== undefined && !['string', 'number', 'boolean'].includes(typeof v))
                throw fail(method, `${label}Invalid values[${r}]: ${typeof v} is not a cell value`);
            }
          });
          const width = Math.max(0, ...grid.map((r) => r.length));
          if (grid.length && (t.r + grid.length - 1 > t.sheet.maxRows || t.c + width - 1 > t.sheet.maxCols))
            throw fail(
              method,
              `${label}Range (${quoteSheet(t.sheet.name)}!${colLetter(t.c)}${t.r + grid.length - 1}) exceeds grid limits. Max rows: ${t.sheet.maxRows}, max columns: ${t.sheet.maxCols}`,
            );
          return { t, grid, width };
        });
        let cells = 0;
        const sheets = new Set<number>();
        let rowsTouched = 0;
        let colsTouched = 0;
        const responses = writes.map(({ t, grid, width }) => {
          grid.forEach((row, r) =>
            row.forEach((v, c) => {
              // null leaves a cell as it is; '' empties it.
              if (v === null || v === undefined) return;
              const at = [t.r + r, t.c + c] as const;
              if (v === '') return clearContent(cellAt(t.sheet, ...at));
              const cell = ensureCell(t.sheet, ...at);
              if (option === 'RAW') {
                cell.v = v as string | number | boolean;
                delete cell.f;
              } else setParsed(cell, parseInput(v, cell.fmt, { timeZone: ss.timeZone, nowMs: core.clock.nowMs() }));
            }),
          );
          const n = grid.reduce((s, r) => s + r.length, 0);
          cells += n;
          if (n) sheets.add(t.sheet.id);
          rowsTouched += grid.length;
          colsTouched = Math.max(colsTouched, width);
          return env.obj({
            spreadsheetId: ss.id,
            updatedRange: a1Of({ ...t, nr: Math.max(1, grid.length), nc: Math.max(1, width) }),
            updatedRows: grid.length,
            updatedColumns: width,
            updatedCells: n,
          });
        });
        core.meter.addCells(cells);
        done();
        return env.obj({
          spreadsheetId: ss.id,
          totalUpdatedRows: rowsTouched,
          totalUpdatedColumns: colsTouched,
          totalUpdatedCells: cells,
          totalUpdatedSheets: sheets.size,
          responses: env.arr(responses),
        });
      },
      batchClear(resource: GoogleAppsScript.Sheets.Schema.BatchClearValuesRequest, spreadsheetId: string) {
        const method = 'Values.batchClear';
        const ss = open(method, spreadsheetId, 'write');
        const parsed = rangesOf(ss, method, (resource as { ranges?: unknown } | undefined)?.ranges, () => '');
        let cells = 0;
        for (const { target: t } of parsed) {
          const lastR = Math.min(t.r + t.nr - 1, t.sheet.rows.length);
          for (let r = t.r; r <= lastR; r++)
            for (let c = t.c; c < t.c + t.nc; c++) {
              const cell = cellAt(t.sheet, r, c);
              if (cell && (cell.v !== '' || cell.f)) {
                clearContent(cell);
                cells++;
              }
            }
        }
        core.meter.addCells(cells);
        done();
        return env.obj({ spreadsheetId: ss.id, clearedRanges: env.arr(parsed.map((p) => a1Of(p.target))) });
      },
    },
    { default: 300 },
  );

  const spreadsheets = env.metered(
    'Sheets.Spreadsheets',
    {
      Values: values,
      create(resource: GoogleAppsScript.Sheets.Schema.Spreadsheet) {
        const method = 'Spreadsheets.create';
        begin(method, '');
        const scopes = manifestScopes(core);
        if (scopes && ![SCOPE.spreadsheets, SCOPE.drive, SCOPE.driveFile].some((s) => scopes.includes(s)))
          throw fail(method, 'Request had insufficient authentication scopes.');
        const r = (resource ?? {}) as GoogleAppsScript.Sheets.Schema.Spreadsheet;
        const id = core.fileId('Sheet');
        const sheets = (r.sheets ?? []).map((s, i) => {
          const p = s.properties ?? {};
          const title = String(p.title ?? `Sheet${i + 1}`);
          return { title, rows: p.gridProperties?.rowCount ?? 1000, cols: p.gridProperties?.columnCount ?? 26 };
        });
        if (!sheets.length) sheets.push({ title: 'Sheet1', rows: 1000, cols: 26 });
        const titles = new Set<string>();
        for (const s of sheets) {
          if (titles.has(s.title))
            throw fail(method, `Invalid requests: A sheet with the name "${s.title}" already exists.`);
          titles.add(s.title);
        }
        const ss: SpreadsheetState = {
          id,
          name: String(r.properties?.title ?? 'Untitled spreadsheet'),
          timeZone: String(r.properties?.timeZone ?? core.timeZone),
          locale: String(r.properties?.locale ?? 'en_US'),
          sheets: [],
          activeSheetId: 0,
          formUrl: null,
          owner: core.exec.user,
          createdBy: { project: core.projectId, user: core.exec.user },
        };
        for (const s of sheets)
          ss.sheets.push(newSheet(ss.sheets.length ? nextSheetId(ss) : 0, s.title, s.rows, s.cols));
        ss.activeSheetId = ss.sheets[0].id;
        core.spreadsheets.set(id, ss);
        st().calls[st().calls.length - 1].spreadsheetId = id;
        done();
        return env.obj(JSON.parse(JSON.stringify(spreadsheetJson(ss))) as object);
      },
      get(spreadsheetId: string) {
        const ss = open('Spreadsheets.get', spreadsheetId, 'read');
        done();
        return env.obj(JSON.parse(JSON.stringify(spreadsheetJson(ss))) as object);
      },
      batchUpdate(resource: GoogleAppsScript.Sheets.Schema.BatchUpdateSpreadsheetRequest, spreadsheetId: string) {
        const method = 'Spreadsheets.batchUpdate';
        const ss = open(method, spreadsheetId, 'write');
        const requests = ((resource ?? {}) as { requests?: Array<Record<string, unknown>> }).requests ?? [];
        if (!requests.length) throw fail(method, 'Must specify at least one request.');
        // Applied to a copy first: every request applies, or none does.
        const draft: SpreadsheetState = JSON.parse(JSON.stringify(ss)) as SpreadsheetState;
        const replies = requests.map((req, i) => {
          const kind = Object.keys(req)[0] ?? '';
          const body = (req[kind] ?? {}) as Record<string, any>;
          const label = `Invalid requests[${i}].${kind}: `;
          if (kind === 'addSheet') {
            const p = body.properties ?? {};
            const title = String(p.title ?? `Sheet${draft.sheets.length + 1}`);
            if (findSheet(draft, title))
              throw fail(method, `${label}A sheet with the name "${title}" already exists. Please enter another name.`);
            const sh = newSheet(
              nextSheetId(draft),
              title,
              Number(p.gridProperties?.rowCount ?? 1000),
              Number(p.gridProperties?.columnCount ?? 26),
            );
            draft.sheets.push(sh);
            return { addSheet: { properties: sheetJson(sh, draft.sheets.length - 1).properties } };
          }
          if (kind === 'updateSheetProperties') {
            const p = body.properties ?? {};
            const sh = draft.sheets.find((s) => s.id === Number(p.sheetId ?? 0));
            if (!sh) throw fail(method, `${label}No grid with id: ${String(p.sheetId)}`);
            const fields = String(body.fields ?? '')
              .split(',')
              .map((f) => f.trim());
            if (!fields.length || !fields[0]) throw fail(method, `${label}At least one field must be updated.`);
            for (const f of fields) {
              if (f === 'title') sh.name = String(p.title);
              else if (f === 'gridProperties.rowCount') sh.maxRows = Number(p.gridProperties?.rowCount);
              else if (f === 'gridProperties.columnCount') sh.maxCols = Number(p.gridProperties?.columnCount);
              else if (f === 'gridProperties.frozenRowCount') sh.frozenRows = Number(p.gridProperties?.frozenRowCount);
              else throw fail(method, `Simulator: updateSheetProperties of "${f}" is not implemented`);
            }
            if (sh.maxRows < lastRow(sh) || sh.maxCols < lastCol(sh))
              throw fail(method, `Simulator: shrinking a grid below its data is not implemented`);
            return {};
          }
          throw fail(method, `Simulator: Spreadsheets.batchUpdate ${kind} is not implemented`);
        });
        ss.sheets = draft.sheets.map((d) => {
          const live = ss.sheets.find((s) => s.id === d.id);
          if (!live) return d;
          live.name = d.name;
          live.maxRows = d.maxRows;
          live.maxCols = d.maxCols;
          live.frozenRows = d.frozenRows;
          return live;
        });
        done();
        return env.obj(JSON.parse(JSON.stringify({ spreadsheetId: ss.id, replies })) as object);
      },
    },
    { default: 300, create: 1000 },
  );
  return env.metered('Sheets', { Spreadsheets: spreadsheets }, 0);
}

/** Test access to what projects did through the Sheets API, and faults to inject (unmetered). */
export function simSheetsApi(sim: { core: SimCore }) {
  const st = () => apiState(sim.core);
  return {
    /** Every call so far: project, user, method, spreadsheet, and whether it succeeded. */
    calls(): SheetsApiCall[] {
      return st().calls.slice();
    },
    /** Spreadsheets a project reached (successful calls only). */
    filesOpenedBy(project: string): string[] {
      return [
        ...new Set(
          st()
            .calls.filter((c) => c.project === project && c.ok)
            .map((c) => c.spreadsheetId),
        ),
      ];
    },
    /** The next `times` calls of `method` ("Values.batchGet", or "*") fail with `message`. */
    failNext(method: string, times: number, message: string): void {
      st().faults[method === '*' ? 'Sheets.*' : `Sheets.${method}`] = { times, message };
    },
    /** Each call of `method` takes `ms` more simulated time (a slow link or a big file); 0 removes it. */
    delay(method: string, ms: number): void {
      if (ms > 0) st().delays[method] = ms;
      else delete st().delays[method];
    },
  };
}
