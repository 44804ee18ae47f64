// A school's district export, read through the Sheets API under spreadsheets.readonly: one Values.batchGet of its
// three sheets. The hub never opens a school's log: only the files schools shared with the district account.
import { EXPORT_RANGES, ExportRead, readExport, readProblem } from '../domain/export-read';

function sheetsApi(): GoogleAppsScript.Sheets {
  if (typeof Sheets === 'undefined' || !Sheets)
    throw new Error('The Sheets API service is not enabled for the district hub: its manifest enables it.');
  return Sheets;
}

/** One call; a file the account cannot open, a deleted one or a foreign one comes back as a sentence. */
export function readSchoolExport(exportId: string, account: string): ExportRead {
  let reply: GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse;
  try {
    reply = sheetsApi().Spreadsheets.Values.batchGet(exportId, { ranges: EXPORT_RANGES.slice() });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/Unable to parse range/i.test(message))
      return {
        ok: false,
        problem:
          'That spreadsheet is not a Small Wins district export (it has no About, Practices and Progress sheets). Ask the school for the link Small Wins made.',
      };
    return { ok: false, problem: readProblem(message, account) };
  }
  return readExport((reply.valueRanges ?? []).map((r) => (r.values ?? []) as unknown[][]));
}
