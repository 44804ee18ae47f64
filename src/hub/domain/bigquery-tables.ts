// The two tables the hub loads into BigQuery (schemas documented in the README) and their CSV: one snapshot each,
// replaced by every export (WRITE_TRUNCATE), with the snapshot's time on every row for Looker Studio.
import { isMonth } from './export-read';
import type { HubPractice, HubProgress } from './rollup';

export interface TableField {
  name: string;
  type: 'STRING' | 'INTEGER' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN';
  mode: 'REQUIRED' | 'NULLABLE';
  description: string;
}

export const PROGRESS_TABLE = 'progress';
export const PRACTICES_TABLE = 'practices';

export const PROGRESS_SCHEMA: TableField[] = [
  { name: 'school', type: 'STRING', mode: 'REQUIRED', description: "The school's name, as its export gives it" },
  { name: 'school_key', type: 'STRING', mode: 'REQUIRED', description: "The school's export spreadsheet ID" },
  { name: 'goal', type: 'STRING', mode: 'REQUIRED', description: "One of the school's goals" },
  { name: 'month', type: 'DATE', mode: 'REQUIRED', description: 'First day of the month, school time zone' },
  { name: 'entries', type: 'INTEGER', mode: 'REQUIRED', description: 'Entries logged (not archived)' },
  { name: 'wins', type: 'INTEGER', mode: 'REQUIRED', description: 'Approved wins' },
  { name: 'lessons_learned', type: 'INTEGER', mode: 'REQUIRED', description: 'Approved lessons learned' },
  { name: 'snapshot_at', type: 'TIMESTAMP', mode: 'REQUIRED', description: 'When the hub made this snapshot' },
];

export const PRACTICES_SCHEMA: TableField[] = [
  { name: 'school', type: 'STRING', mode: 'REQUIRED', description: "The school's name" },
  { name: 'school_key', type: 'STRING', mode: 'REQUIRED', description: "The school's export spreadsheet ID" },
  { name: 'practice_id', type: 'STRING', mode: 'REQUIRED', description: "The practice's ID in its school (P-001)" },
  { name: 'goal', type: 'STRING', mode: 'NULLABLE', description: 'The goal it serves' },
  { name: 'tier', type: 'STRING', mode: 'NULLABLE', description: 'Emerging, Promising or Proven' },
  { name: 'practice', type: 'STRING', mode: 'NULLABLE', description: "The practice's name" },
  { name: 'what_it_is', type: 'STRING', mode: 'NULLABLE', description: 'What it is (at most 300 words)' },
  { name: 'impact_and_evidence', type: 'STRING', mode: 'NULLABLE', description: 'Its impact, with evidence' },
  { name: 'what_it_takes', type: 'STRING', mode: 'NULLABLE', description: 'Time, cost and training' },
  { name: 'contact', type: 'STRING', mode: 'NULLABLE', description: 'Whom to ask' },
  { name: 'host_visits', type: 'BOOLEAN', mode: 'REQUIRED', description: 'Willing to host a visit' },
  { name: 'updated_at', type: 'TIMESTAMP', mode: 'NULLABLE', description: 'When the school last changed it' },
  { name: 'first_seen', type: 'TIMESTAMP', mode: 'NULLABLE', description: 'When the hub first read it' },
  { name: 'snapshot_at', type: 'TIMESTAMP', mode: 'REQUIRED', description: 'When the hub made this snapshot' },
];

/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function field(v: string | number | boolean): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: readonly TableField[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean>>): string {
  return [header.map((f) => f.name), ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}

/** The records in a CSV (header included): a line break inside a quoted field is part of its record. */
export function csvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let open = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === '\n' && !quoted) {
      if (open) records++;
      open = false;
    } else if (ch !== '\r' || quoted) open = true;
  }
  return records + (open ? 1 : 0);
}

export function progressCsv(rows: readonly HubProgress[], snapshotIso: string): string {
  return csv(
    PROGRESS_SCHEMA,
    rows
      .filter((r) => isMonth(r.month))
      .map((r) => [r.school, r.exportId, r.goal, `${r.month}-01`, r.entries, r.wins, r.lessons, snapshotIso]),
  );
}

export function practicesCsv(rows: readonly HubPractice[], snapshotIso: string): string {
  return csv(
    PRACTICES_SCHEMA,
    rows.map((r) => [
      r.school,
      r.exportId,
      r.practiceId,
      r.goal,
      r.tier,
      r.name,
      r.description,
      r.impact,
      r.whatItTakes,
      r.contact,
      r.hostVisits,
      r.updated,
      r.firstSeen,
      snapshotIso,
    ]),
  );
}
