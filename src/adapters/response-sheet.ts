// The Form's response sheet as the catch-up reads it: its Timestamp column in one read through the spreadsheet
// (the sheet's name and the column remembered, checked by the header cell), and a few rows read whole when needed.
import { a1Range, a1Row } from '../domain/a1';
import { stampOf } from '../domain/catch-up';
import { cellString } from '../domain/text';
import { findResponseSheet } from './intake-form';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ResponsePlace {
  /** The Form whose responses the sheet holds (a new Form, after the old one was deleted, has a new sheet). */
  formId: string;
  name: string;
  /** 1-based column of the Timestamp. */
  column: number;
  header: string;
}

export interface Stamps {
  place: ResponsePlace;
  /** Index i is sheet row i + 2: the Timestamp in ms, or null for a row without one. */
  stamps: Array<number | null>;
  /** True when the place was found again (the sheet renamed or replaced, a column moved): remember the new one. */
  moved: boolean;
}

const TIMESTAMP = 'timestamp';

/** Finds the response sheet by its form (several calls) and its Timestamp column by header (column 1 otherwise). */
export function locateResponses(ss: Spreadsheet, formId: string): ResponsePlace | null {
  const sheet = findResponseSheet(ss, formId);
  if (!sheet) return null;
  const header = sheet
    .getRange(1, 1, 1, Math.max(sheet.getLastColumn(), 1))
    .getValues()[0]
    .map((h) => cellString(h).trim());
  const at = header.findIndex((h) => h.toLowerCase() === TIMESTAMP);
  const column = at >= 0 ? at + 1 : 1;
  return { formId, name: sheet.getName(), column, header: header[column - 1] ?? '' };
}

function readColumn(ss: Spreadsheet, place: ResponsePlace): unknown[][] | null {
  try {
    const values = ss.getRange(a1Range(place.name, 1, place.column, null, 1)).getValues();
    return cellString(values[0]?.[0]).trim() === place.header ? values : null;
  } catch {
    // Renamed or deleted: found again by its form below.
    return null;
  }
}

/** The Timestamps of every response: two calls when the remembered place still holds. Null without a response sheet. */
export function readStamps(ss: Spreadsheet, remembered: ResponsePlace | undefined, formId: string): Stamps | null {
  let place = remembered && remembered.formId === formId ? remembered : null;
  let values = place ? readColumn(ss, place) : null;
  let moved = false;
  if (!values) {
    place = formId ? locateResponses(ss, formId) : null;
    if (!place) return null;
    values = readColumn(ss, place);
    if (!values) return null;
    moved = true;
  }
  return { place: place!, stamps: values.slice(1).map((r) => stampOf(r[0])), moved };
}

/** The header and the given rows (indexes as in Stamps) as the sheet shows them, in two reads. */
export function readResponseRows(
  ss: Spreadsheet,
  place: ResponsePlace,
  indexes: readonly number[],
): { header: string[]; rows: Map<number, string[]> } {
  const header = ss.getRange(a1Row(place.name, 1)).getDisplayValues()[0];
  const rows = new Map<number, string[]>();
  if (!indexes.length) return { header, rows };
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  const block = ss.getRange(a1Range(place.name, first + 2, 1, last - first + 1, header.length)).getDisplayValues();
  for (const i of indexes) rows.set(i, block[i - first]);
  return { header, rows };
}
