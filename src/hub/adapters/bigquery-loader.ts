// Loading a snapshot into BigQuery with the advanced service: one load job per table (Jobs.insert with the CSV as
// its media), replacing the table's rows (WRITE_TRUNCATE, so a rerun never duplicates), then Jobs.get until it is
// done — the job's own error, when it fails, is said in words.
import { csvRecords, type TableField } from '../domain/bigquery-tables';

function bigQuery(): GoogleAppsScript.BigQuery {
  if (typeof BigQuery === 'undefined' || !BigQuery)
    throw new Error('The BigQuery service is not enabled for the district hub: its manifest enables it.');
  return BigQuery;
}

/** Waits between Jobs.get calls (a load of a few thousand rows takes seconds). */
const WAITS_MS = [1000, 2000, 4000, 8000, 15000, 30000];

export interface LoadOutcome {
  table: string;
  rows: number;
  error: string | null;
}

export function loadSnapshot(
  projectId: string,
  datasetId: string,
  tableId: string,
  schema: readonly TableField[],
  csv: string,
): LoadOutcome {
  const api = bigQuery();
  // Rows, not lines: a practice whose text has line breaks is one quoted record.
  const rows = Math.max(0, csvRecords(csv) - 1);
  let job = api.Jobs.insert(
    {
      configuration: {
        load: {
          destinationTable: { projectId, datasetId, tableId },
          schema: { fields: schema.map((f) => ({ ...f })) },
          sourceFormat: 'CSV',
          skipLeadingRows: 1,
          allowQuotedNewlines: true,
          writeDisposition: 'WRITE_TRUNCATE',
          createDisposition: 'CREATE_IF_NEEDED',
        },
      },
    },
    projectId,
    Utilities.newBlob(csv, 'application/octet-stream'),
  );
  const jobId = String(job.jobReference?.jobId ?? '');
  for (const wait of WAITS_MS) {
    if (job.status?.state === 'DONE') break;
    Utilities.sleep(wait);
    job = api.Jobs.get(projectId, jobId, { location: job.jobReference?.location });
  }
  if (job.status?.state !== 'DONE')
    return {
      table: tableId,
      rows,
      error: `the load job ${jobId} was still running after a minute: look in BigQuery's job history`,
    };
  const err = job.status.errorResult;
  return { table: tableId, rows, error: err ? String(err.message ?? err.reason ?? 'the load failed') : null };
}
