// The advanced BigQuery service (v2) as far as load jobs go: Jobs.insert with a CSV blob (schema, skipLeadingRows,
// write and create dispositions), Jobs.get until the job is DONE, with the API's errors. Projects and datasets are
// made by the test (simBigQuery(sim)); what each load left in a table is recorded.
import type { ServiceEnv, SimCore } from './core';
import { manifestScopes, takeFault, type FaultState } from './documents';

const BIGQUERY_SCOPES = ['https://www.googleapis.com/auth/bigquery', 'https://www.googleapis.com/auth/cloud-platform'];
/** How long a load job runs (simulated): Jobs.get says RUNNING until then. */
export const LOAD_JOB_MS = 2000;

export interface BigQueryField {
  name: string;
  type: string;
  mode?: string;
  description?: string;
}

export interface BigQueryTable {
  schema: BigQueryField[];
  /** Rows as loaded, typed by the schema (INTEGER → number, others → string; null for an empty cell). */
  rows: Array<Array<string | number | boolean | null>>;
  loads: number;
}

interface JobState {
  projectId: string;
  jobId: string;
  user: string;
  createdMs: number;
  doneMs: number;
  configuration: unknown;
  error: { reason: string; message: string } | null;
  outputRows: number;
}

interface BigQueryState {
  /** projectId → members and datasets. */
  projects: Record<string, { users: string[]; datasets: Record<string, Record<string, BigQueryTable>> }>;
  jobs: JobState[];
  faults: Record<string, FaultState>;
}

function bqState(core: SimCore): BigQueryState {
  if (!('bigquery' in core.extensions))
    core.extensions.bigquery = { projects: {}, jobs: [], faults: {} } satisfies BigQueryState;
  return core.extensions.bigquery as BigQueryState;
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and new lines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function typed(value: string, field: BigQueryField): { ok: boolean; v: string | number | boolean | null } {
  if (value === '') return { ok: field.mode !== 'REQUIRED', v: null };
  switch (field.type.toUpperCase()) {
    case 'INTEGER':
    case 'INT64':
      return /^-?\d+$/.test(value) ? { ok: true, v: Number(value) } : { ok: false, v: null };
    case 'FLOAT':
    case 'FLOAT64':
      return Number.isFinite(Number(value)) ? { ok: true, v: Number(value) } : { ok: false, v: null };
    case 'BOOLEAN':
    case 'BOOL':
      return /^(true|false)$/i.test(value) ? { ok: true, v: /^true$/i.test(value) } : { ok: false, v: null };
    case 'DATE':
      // A real calendar date from 0001-01-01 to 9999-12-31: '2026-13-01' or '2026-02-30' fails the load.
      return validDate(value) ? { ok: true, v: value } : { ok: false, v: null };
    case 'TIMESTAMP':
      return Number.isFinite(Date.parse(value)) ? { ok: true, v: value } : { ok: false, v: null };
    default:
      return { ok: true, v: value };
  }
}

/** BigQuery's DATE range and calendar: YYYY-MM-DD with a month 01–12 and a day that month has. */
function validDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= days[mo - 1];
}

export function bigQueryService(env: ServiceEnv): unknown {
  const { core } = env;
  const fail = (method: string, message: string) =>
    env.error(`GoogleJsonResponseException: API call to bigquery.jobs.${method} failed with error: ${message}`);

  const check = (method: string, projectId: string) => {
    core.requireAuth(`BigQuery.Jobs.${method}`);
    takeFault(bqState(core).faults, [`BigQuery.Jobs.${method}`, 'BigQuery.*'], env.error);
    const scopes = manifestScopes(core);
    if (scopes && !scopes.some((s) => BIGQUERY_SCOPES.includes(s)))
      throw fail(method, 'Request had insufficient authentication scopes.');
    const project = bqState(core).projects[projectId];
    const user = core.exec.user.toLowerCase();
    if (!project || !project.users.some((u) => u.toLowerCase() === user))
      throw fail(
        method,
        `Access Denied: Project ${projectId}: User does not have bigquery.jobs.${method === 'get' ? 'get' : 'create'} permission in project ${projectId}.`,
      );
    return project;
  };

  const jobJson = (job: JobState) => {
    const done = core.clock.nowMs() >= job.doneMs;
    const status: Record<string, unknown> = { state: done ? 'DONE' : 'RUNNING' };
    if (done && job.error) {
      status.errorResult = job.error;
      status.errors = [job.error];
    }
    return env.obj(
      JSON.parse(
        JSON.stringify({
          kind: 'bigquery#job',
          id: `${job.projectId}:US.${job.jobId}`,
          jobReference: { projectId: job.projectId, jobId: job.jobId, location: 'US' },
          configuration: job.configuration,
          status,
          statistics: {
            creationTime: String(job.createdMs),
            ...(done ? { endTime: String(job.doneMs), load: { outputRows: String(job.outputRows) } } : {}),
          },
          user_email: job.user,
        }),
      ) as object,
    );
  };

  const jobs = env.metered(
    'BigQuery.Jobs',
    {
      insert(resource: GoogleAppsScript.BigQuery.Schema.Job, projectId: string, mediaData?: unknown) {
        const project = check('insert', String(projectId));
        const load = (resource?.configuration as { load?: Record<string, any> } | undefined)?.load;
        if (!load) throw fail('insert', 'Simulator: only load jobs are implemented');
        if (mediaData === undefined || mediaData === null)
          throw fail('insert', 'Load configuration must specify at least one source URI');
        const csv = String((mediaData as { getDataAsString(): string }).getDataAsString());
        const dest = (load.destinationTable ?? {}) as { projectId?: string; datasetId?: string; tableId?: string };
        const now = core.clock.nowMs();
        const job: JobState = {
          projectId: String(projectId),
          jobId: `job_${core.nextId()}`,
          user: core.exec.user,
          createdMs: now,
          doneMs: now + LOAD_JOB_MS,
          configuration: resource.configuration,
          error: null,
          outputRows: 0,
        };
        bqState(core).jobs.push(job);
        const datasets = bqState(core).projects[dest.projectId ?? projectId]?.datasets ?? project.datasets;
        const dataset = datasets[String(dest.datasetId ?? '')];
        const tableId = String(dest.tableId ?? '');
        const format = String(load.sourceFormat ?? 'CSV');
        const disposition = String(load.writeDisposition ?? 'WRITE_APPEND');
        const create = String(load.createDisposition ?? 'CREATE_IF_NEEDED');
        const schema = ((load.schema?.fields ?? null) as BigQueryField[] | null)?.map((f) => ({ ...f }));
        const skip = Number(load.skipLeadingRows ?? 0);
        const invalid = (message: string) => ({ reason: 'invalid', message });
        if (!dataset)
          job.error = {
            reason: 'notFound',
            message: `Not found: Dataset ${dest.projectId ?? projectId}:${dest.datasetId}`,
          };
        else if (format !== 'CSV') job.error = invalid(`Simulator: source format ${format} is not implemented`);
        else if (!dataset[tableId] && create === 'CREATE_NEVER')
          job.error = { reason: 'notFound', message: `Not found: Table ${projectId}:${dest.datasetId}.${tableId}` };
        else if (!dataset[tableId] && !schema) job.error = invalid('No schema specified on job or table.');
        else if (dataset[tableId]?.rows.length && disposition === 'WRITE_EMPTY')
          job.error = {
            reason: 'duplicate',
            message: `Already Exists: Table ${projectId}:${dest.datasetId}.${tableId}`,
          };
        else {
          const fields = schema ?? dataset[tableId].schema;
          const rows: BigQueryTable['rows'] = [];
          const lines = parseCsv(csv).slice(skip);
          for (const [n, line] of lines.entries()) {
            if (line.length !== fields.length) {
              job.error = invalid(
                `Error while reading data, error message: CSV table encountered too many errors, giving up. Rows: ${n + 1}; errors: 1. Please look into the errors[] collection for more details.`,
              );
              break;
            }
            const row = line.map((v, i) => typed(v, fields[i]));
            const bad = row.findIndex((x) => !x.ok);
            if (bad >= 0) {
              job.error = invalid(
                `Error while reading data, error message: Could not parse '${line[bad]}' as ${fields[bad].type} for field ${fields[bad].name} (position ${bad}) starting at location ${n}`,
              );
              break;
            }
            rows.push(row.map((x) => x.v));
          }
          if (!job.error) {
            const before = dataset[tableId];
            dataset[tableId] = {
              schema: disposition === 'WRITE_TRUNCATE' || !before ? fields : before.schema,
              rows: disposition === 'WRITE_TRUNCATE' || !before ? rows : [...before.rows, ...rows],
              loads: (before?.loads ?? 0) + 1,
            };
            job.outputRows = rows.length;
          }
        }
        return jobJson(job);
      },
      get(projectId: string, jobId: string) {
        check('get', String(projectId));
        const job = bqState(core).jobs.find((j) => j.projectId === String(projectId) && j.jobId === String(jobId));
        if (!job) throw fail('get', `Not found: Job ${String(projectId)}:${String(jobId)}`);
        return jobJson(job);
      },
    },
    { default: 150, insert: 1000 },
  );
  return env.metered('BigQuery', { Jobs: jobs }, 0);
}

/** Test access: make projects and datasets, read what was loaded (unmetered). */
export function simBigQuery(sim: { core: SimCore }) {
  const st = () => bqState(sim.core);
  return {
    /** A Cloud project `users` may run jobs in, with these (empty) datasets. */
    addProject(projectId: string, users: string[], datasets: string[] = []): void {
      st().projects[projectId] = {
        users: [...users],
        datasets: Object.fromEntries(datasets.map((d) => [d, {} as Record<string, BigQueryTable>])),
      };
    },
    table(projectId: string, datasetId: string, tableId: string): BigQueryTable | undefined {
      return st().projects[projectId]?.datasets[datasetId]?.[tableId];
    },
    jobs(): Array<{ projectId: string; jobId: string; user: string; error: string | null; outputRows: number }> {
      return st().jobs.map((j) => ({
        projectId: j.projectId,
        jobId: j.jobId,
        user: j.user,
        error: j.error?.message ?? null,
        outputRows: j.outputRows,
      }));
    },
    failNext(method: string, times: number, message: string): void {
      st().faults[method] = { times, message };
    },
  };
}
