// A1 notation for reading the wins log through the spreadsheet itself (`ss.getRange("'Wins'!B1:C")`), which
// saves the getSheetByName call, and for open-ended column reads that tell the log's extent without getLastRow.

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(column: number): string {
  let n = Math.floor(column);
  if (n < 1) throw new RangeError(`No column ${column}.`);
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = (n - 1 - r) / 26;
  }
  return out;
}

/** The sheet name as A1 notation wants it: always quoted, quotes doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A range on a named sheet: `rows` null means "to the last row of the sheet" (open-ended, `B2:C`), so one read
 * returns the whole column whatever the log's size.
 */
export function a1Range(sheet: string, row: number, column: number, rows: number | null, columns: number): string {
  const first = `${columnLetter(column)}${row}`;
  const lastColumn = columnLetter(column + columns - 1);
  const last = rows === null ? lastColumn : `${lastColumn}${row + rows - 1}`;
  return `${quotedSheet(sheet)}!${first}:${last}`;
}

/** A whole row of a named sheet (`'Wins'!1:1`): as wide as the sheet, so a person's own columns are included. */
export function a1Row(sheet: string, row: number): string {
  return `${quotedSheet(sheet)}!${row}:${row}`;
}
