// District hub → Export to BigQuery: Progress and Practices loaded as two tables of the dataset in Settings, each
// replacing the previous snapshot (no duplicates on a rerun), for Looker Studio or a join with the district's data.
import { DocumentStore } from '../../adapters/store';
import { loadSnapshot, LoadOutcome } from '../adapters/bigquery-loader';
import { readHub } from '../adapters/hub-sheets';
import {
  PRACTICES_SCHEMA,
  PRACTICES_TABLE,
  practicesCsv,
  PROGRESS_SCHEMA,
  PROGRESS_TABLE,
  progressCsv,
} from '../domain/bigquery-tables';
import { hubSettingsWithDefaults } from '../domain/hub-settings';

export function exportToBigQuery(): { ok: boolean; message: string; loads: LoadOutcome[] } {
  const ss = SpreadsheetApp.getActive();
  const store = DocumentStore.open();
  const s = hubSettingsWithDefaults(store.config.hubSettings);
  if (!s.bigQueryProject || !s.bigQueryDataset)
    return {
      ok: false,
      message: 'Set the BigQuery project and dataset in District hub → Settings first (the README lists the steps).',
      loads: [],
    };
  const roll = readHub(ss).roll;
  const snapshot = new Date().toISOString();
  const loads: LoadOutcome[] = [];
  try {
    loads.push(
      loadSnapshot(
        s.bigQueryProject,
        s.bigQueryDataset,
        PROGRESS_TABLE,
        PROGRESS_SCHEMA,
        progressCsv(roll.progress, snapshot),
      ),
    );
    loads.push(
      loadSnapshot(
        s.bigQueryProject,
        s.bigQueryDataset,
        PRACTICES_TABLE,
        PRACTICES_SCHEMA,
        practicesCsv(roll.practices, snapshot),
      ),
    );
  } catch (err) {
    const m = err instanceof Error ? err.message : String(err);
    const why = /Access Denied|permission/i.test(m)
      ? `the account ${Session.getEffectiveUser().getEmail()} may not run jobs in the project ${s.bigQueryProject}: ask its owner for the BigQuery Job User and Data Editor roles.`
      : m;
    return { ok: false, message: `The export to BigQuery could not start: ${why}`, loads };
  }
  const failed = loads.filter((l) => l.error);
  if (failed.length)
    return {
      ok: false,
      message: failed.map((l) => `The ${l.table} table was not loaded: ${l.error}.`).join(' '),
      loads,
    };
  store.save({ hubBigQuery: { at: snapshot, rows: Object.fromEntries(loads.map((l) => [l.table, l.rows])) } });
  return {
    ok: true,
    message: `Loaded ${loads.map((l) => `${l.rows} rows into ${s.bigQueryProject}.${s.bigQueryDataset}.${l.table}`).join(' and ')}, replacing the previous snapshot.`,
    loads,
  };
}
