// The district export file, through the Sheets and Drive advanced services under drive.file (files this add-on
// created): making it, writing its three sheets raw in one call (a grid grown or a deleted sheet added back only when
// needed), and sharing it with the district account as a viewer, without a notification email, or stopping that.
import { EXPORT_SHEETS, ExportCell, ExportContent } from '../domain/district-export';

/** Where the export is and how big each sheet was made or last written, kept in document properties. */
export interface ExportFile {
  id: string;
  url: string;
  /** Sheet name → its grid (rows, columns) and sheet ID. */
  grid: Record<string, { rows: number; cols: number; sheetId: number }>;
  /** Sheet name → rows written last time: the next write blanks the rows beyond its own. */
  written: Record<string, number>;
}

const INITIAL_GRID: Record<string, { rows: number; cols: number }> = {
  [EXPORT_SHEETS.about]: { rows: 20, cols: 2 },
  [EXPORT_SHEETS.practices]: { rows: 200, cols: 16 },
  [EXPORT_SHEETS.progress]: { rows: 1000, cols: 5 },
};

function sheetsApi(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets)
    throw new Error('The Sheets API service is not enabled for Small Wins, so the district export cannot be made.');
  return Sheets;
}

function driveApi(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive)
    throw new Error('The Drive API service is not enabled for Small Wins, so the district export cannot be shared.');
  return Drive;
}

function gridOf(sheets: GoogleAppsScript.Sheets.Schema.Sheet[] | undefined): ExportFile['grid'] {
  const grid: ExportFile['grid'] = {};
  for (const s of sheets ?? []) {
    const p = s.properties ?? {};
    grid[String(p.title)] = {
      rows: Number(p.gridProperties?.rowCount ?? 1000),
      cols: Number(p.gridProperties?.columnCount ?? 26),
      sheetId: Number(p.sheetId ?? 0),
    };
  }
  return grid;
}

/** One call: a new spreadsheet with the three sheets, owned by the leader running this. */
export function createExportFile(title: string, timeZone: string): ExportFile {
  const made = sheetsApi().Spreadsheets.create({
    properties: { title, timeZone },
    sheets: Object.entries(INITIAL_GRID).map(([name, g]) => ({
      properties: { title: name, gridProperties: { rowCount: g.rows, columnCount: g.cols, frozenRowCount: 1 } },
    })),
  });
  const id = String(made.spreadsheetId);
  return {
    id,
    url: String(made.spreadsheetUrl ?? `https://docs.google.com/spreadsheets/d/${id}/edit`),
    grid: gridOf(made.sheets),
    written: {},
  };
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The sheet's block: the content's rows, then blank rows down to what was written last time. */
function block(rows: ExportCell[][], previous: number): { values: ExportCell[][]; width: number } {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const values: ExportCell[][] = rows.map((r) => [...r, ...new Array<ExportCell>(width - r.length).fill('')]);
  while (values.length < previous) values.push(new Array<ExportCell>(width).fill(''));
  return { values, width };
}

/**
 * Writes the three sheets in one Values.batchUpdate (RAW: nothing becomes a formula, a number or a date). One more
 * call grows a grid the content outgrew; when a person deleted a sheet or rows, it is added back or grown and the write
 * tried again (a few calls more, only then). Returns the file's record with the sizes written.
 */
export function writeExportFile(file: ExportFile, content: ExportContent): ExportFile {
  const api = sheetsApi();
  const parts: Array<[string, ExportCell[][]]> = [
    [EXPORT_SHEETS.about, content.about],
    [EXPORT_SHEETS.practices, content.practices],
    [EXPORT_SHEETS.progress, content.progress],
  ];
  const blocks = parts.map(([name, rows]) => ({ name, ...block(rows, file.written[name] ?? 0) }));
  let grid = { ...file.grid };
  const grow = (): void => {
    const requests = blocks
      .filter((b) => grid[b.name] && (b.values.length > grid[b.name].rows || b.width > grid[b.name].cols))
      .map((b) => {
        const g = grid[b.name];
        const rows = Math.max(g.rows, b.values.length + 500);
        const cols = Math.max(g.cols, b.width);
        grid[b.name] = { ...g, rows, cols };
        return {
          updateSheetProperties: {
            properties: { sheetId: g.sheetId, gridProperties: { rowCount: rows, columnCount: cols } },
            fields: 'gridProperties.rowCount,gridProperties.columnCount',
          },
        };
      });
    if (requests.length) api.Spreadsheets.batchUpdate({ requests }, file.id);
  };
  const write = () =>
    api.Spreadsheets.Values.batchUpdate(
      {
        valueInputOption: 'RAW',
        data: blocks.map((b) => ({
          range: `${b.name}!A1:${columnLetter(b.width)}${b.values.length}`,
          majorDimension: 'ROWS',
          values: b.values,
        })),
      },
      file.id,
    );
  grow();
  try {
    write();
  } catch (err) {
    if (!/Unable to parse range|exceeds grid limits/i.test(err instanceof Error ? err.message : String(err))) throw err;
    // A person deleted or renamed a sheet, or deleted rows: look at the file as it is, add back what is missing,
    // grow what is too small, then write again.
    const present = gridOf(api.Spreadsheets.get(file.id).sheets);
    const missing = blocks.filter((b) => !present[b.name]);
    grid = { ...present };
    if (missing.length) {
      const added = api.Spreadsheets.batchUpdate(
        {
          requests: missing.map((b) => ({
            addSheet: {
              properties: {
                title: b.name,
                gridProperties: { rowCount: Math.max(b.values.length + 500, 100), columnCount: b.width },
              },
            },
          })),
        },
        file.id,
      );
      for (const r of added.replies ?? []) {
        const p = r.addSheet?.properties;
        if (p)
          grid[String(p.title)] = {
            rows: Number(p.gridProperties?.rowCount),
            cols: Number(p.gridProperties?.columnCount),
            sheetId: Number(p.sheetId),
          };
      }
    }
    grow();
    write();
  }
  return { ...file, grid, written: Object.fromEntries(blocks.map((b) => [b.name, b.values.length])) };
}

/** One call: the district account may view the file; Drive sends no email (the leader's own draft says why). */
export function shareExportFile(fileId: string, email: string): string {
  const p = driveApi().Permissions.create({ type: 'user', role: 'reader', emailAddress: email }, fileId, {
    sendNotificationEmail: false,
    fields: 'id',
  });
  return String(p.id ?? '');
}

/** Removes every permission the account has on the file (two calls, plus one per permission removed). */
export function unshareExportFile(fileId: string, email: string): number {
  const api = driveApi();
  const list = api.Permissions.list(fileId, { fields: 'permissions(id,emailAddress,role)' }).permissions ?? [];
  let removed = 0;
  for (const p of list) {
    if (p.role === 'owner' || String(p.emailAddress ?? '').toLowerCase() !== email.toLowerCase()) continue;
    api.Permissions.remove(fileId, String(p.id));
    removed++;
  }
  return removed;
}

/** The file is gone (deleted) or no longer reachable from this account through the add-on. */
export function isExportGone(err: unknown): boolean {
  return /not found/i.test(err instanceof Error ? err.message : String(err));
}

export function isExportRefused(err: unknown): boolean {
  return /does not have permission|insufficient|sufficient permissions/i.test(
    err instanceof Error ? err.message : String(err),
  );
}
