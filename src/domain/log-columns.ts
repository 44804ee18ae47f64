// The wins log's header row: finding each field's column by header, planning repairs after a person
// renamed or deleted a column, and encoding/decoding a win's row for any column order.
import { WIN_COLUMNS, WIN_FIELDS, WIN_HEADERS, WinField } from './schema';
import { fromCell, toCellDate, toCellText, cellString } from './text';
import { waitingCount } from './waiting-notice';

export type Columns = Record<WinField, number>;

const DATE_FIELDS: ReadonlySet<WinField> = new Set<WinField>([
  'submittedAt',
  'firstTriagedAt',
  'triagedAt',
  'updatedAt',
  'privacyClearedAt',
  'consentRecordedAt',
]);

/** A header cell as columns are matched: Small Wins' waiting notice counts as blank (it is not a column). */
function norm(h: unknown): string {
  if (waitingCount(h) !== null) return '';
  return cellString(h).trim().toLowerCase();
}

export interface Located {
  columns: Partial<Columns>;
  missing: WinField[];
  /** Header width: the row to write has this many cells (a person's own columns included). */
  width: number;
}

/** Finds each field's 0-based column by header (case and surrounding spaces ignored). */
export function locateColumns(header: readonly unknown[]): Located {
  const byName = new Map<string, number>();
  let width = 0;
  header.forEach((h, i) => {
    const n = norm(h);
    if (n) {
      if (!byName.has(n)) byName.set(n, i);
      width = i + 1;
    }
  });
  const columns: Partial<Columns> = {};
  const missing: WinField[] = [];
  for (const f of WIN_FIELDS) {
    const i = byName.get(norm(WIN_COLUMNS[f]));
    if (i === undefined) missing.push(f);
    else columns[f] = i;
  }
  return { columns, missing, width };
}

/**
 * Whether a header row is a wins log's (for finding the log after a person renamed its sheet): the ID and
 * Response key columns, and most of the others. A response sheet or the Newsletters sheet never qualifies.
 */
export function looksLikeLogHeader(header: readonly unknown[]): boolean {
  const located = locateColumns(header);
  return (
    located.columns.id !== undefined &&
    located.columns.responseKey !== undefined &&
    located.missing.length <= WIN_FIELDS.length / 2
  );
}

/** The sentence a leader reads when the log lacks some of its columns. */
export function missingColumnsProblem(located: Located, sheetName: string): string {
  const names = located.missing.map((f) => `"${WIN_COLUMNS[f]}"`).join(', ');
  return `The ${sheetName} sheet has no ${names} column. Run Small Wins → Set up to repair it.`;
}

export function allColumns(located: Located): Columns | null {
  return located.missing.length === 0 ? (located.columns as Columns) : null;
}

export interface LogRepair {
  /** Columns a person renamed: put the expected header back (0-based column). */
  renames: Array<{ column: number; header: string }>;
  /** Headers to add at the right of the header row, in this order. */
  appends: string[];
}

/**
 * Plans how to repair the header row. A missing header whose neighbours (as Set up last saw the row)
 * now surround exactly one unrecognised header is taken as renamed; anything else is re-added at the right.
 */
export function planLogRepair(header: readonly unknown[], lastSeen: readonly string[] | null): LogRepair {
  const current = header.map((h) => cellString(h).trim());
  const located = locateColumns(current);
  const expected = new Set(WIN_HEADERS.map(norm));
  const renames: LogRepair['renames'] = [];
  const appends: string[] = [];
  const taken = new Set<number>();
  const positionOf = (h: string) => current.findIndex((c) => norm(c) === norm(h));
  for (const field of located.missing) {
    const wanted = WIN_COLUMNS[field];
    let column = -1;
    if (lastSeen) {
      const at = lastSeen.findIndex((h) => norm(h) === norm(wanted));
      const before = at > 0 ? positionOf(lastSeen[at - 1]) : -1;
      const after = at >= 0 && at < lastSeen.length - 1 ? positionOf(lastSeen[at + 1]) : current.length;
      if (at >= 0 && after - before === 2 && before + 1 < current.length) {
        const candidate = before + 1;
        if (!expected.has(norm(current[candidate])) && !taken.has(candidate)) column = candidate;
      }
    }
    if (column >= 0) {
      renames.push({ column, header: wanted });
      taken.add(column);
    } else appends.push(wanted);
  }
  return { renames, appends };
}

/** One row of cells for the log, in the sheet's column order; a person's own columns stay blank. */
export function encodeRow(values: Partial<Record<WinField, string>>, columns: Columns, width: number): unknown[] {
  const row: unknown[] = new Array(Math.max(width, 1)).fill('');
  for (const f of WIN_FIELDS) {
    const v = values[f];
    if (v === undefined) continue;
    row[columns[f]] = encodeCell(f, v);
  }
  return row;
}

/** The cell value for a field: dates as dates (so the sheet sorts them), text kept exactly as typed. */
export function encodeCell(field: WinField, value: string): unknown {
  return DATE_FIELDS.has(field) ? toCellDate(value) : toCellText(value);
}

/** Reads a log row back into a win's fields: dates as ISO strings, everything else as text. */
export function decodeRow(row: readonly unknown[], columns: Partial<Columns>): Partial<Record<WinField, string>> {
  const out: Partial<Record<WinField, string>> = {};
  for (const f of WIN_FIELDS) {
    const c = columns[f];
    if (c === undefined) continue;
    out[f] = fromCell(row[c]);
  }
  return out;
}

/** ID → 1-based sheet row, from the ID column's cells for rows 2..n (rows are found by ID, never by position). */
export function rowsById(idCells: readonly unknown[]): Map<string, number> {
  const map = new Map<string, number>();
  idCells.forEach((v, i) => {
    const id = cellString(v).trim();
    if (id && !map.has(id)) map.set(id, i + 2);
  });
  return map;
}

export interface IdRepair {
  /** The ID column's new cells (rows 2..n), or null when nothing changes. */
  ids: string[] | null;
  /** Rows that had content but no ID (typed in by hand, or the ID column was deleted). */
  missing: number;
  /** Later copies of an ID already used above (a row copied by hand). */
  repeated: number;
  /** The next win number after the ones given out. */
  next: number;
}

/**
 * Gives every win row an ID, never reusing one: rows with content but a blank ID, and later copies of a repeated
 * ID, get new IDs from `next` on (which is raised above the highest W-number present first).
 */
export function repairWinIds(
  idCells: readonly unknown[],
  hasContent: readonly boolean[],
  next: number,
  idOf: (n: number) => string,
): IdRepair {
  let n = next;
  for (const v of idCells) {
    const m = /^W-(\d+)$/.exec(cellString(v).trim());
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  const seen = new Set<string>();
  let missing = 0;
  let repeated = 0;
  const ids = idCells.map((v, i) => {
    const id = cellString(v).trim();
    if (id && !seen.has(id)) {
      seen.add(id);
      return id;
    }
    if (!id && !hasContent[i]) return '';
    if (id) repeated++;
    else missing++;
    const fresh = idOf(n++);
    seen.add(fresh);
    return fresh;
  });
  return { ids: missing || repeated ? ids : null, missing, repeated, next: n };
}
