// Keeps a managed sheet's formatting (see domain/sheet-format): a sheet made now gets all of it; otherwise its header
// row and body are read in a few calls (styles, wraps, rules, one cell's criteria per dropdown) and only what differs
// is written. Widths go only to the columns made now.
import {
  bodySpan,
  dropdownsToCheck,
  FormatPlan,
  FormatSeen,
  fullPlan,
  planFormat,
  SheetFormat,
} from '../domain/sheet-format';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface KeepFormatOptions {
  /** The sheet was made now: format everything without reading. */
  made?: boolean;
  /** Widths for columns made now (0-based column, pixels). */
  widths?: ReadonlyArray<{ column: number; px: number }>;
}

/** Brings the sheet's formatting in line with `format` over its first `width` columns; returns what was written. */
export function keepFormat(sheet: Sheet, format: SheetFormat, width: number, opts: KeepFormatOptions = {}): FormatPlan {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const plan = opts.made ? fullPlan(format) : readPlan(sheet, format, width, rows);
  applyPlan(sheet, format, plan, width, rows);
  for (const w of opts.widths ?? []) sheet.setColumnWidth(w.column + 1, w.px);
  return plan;
}

function readPlan(sheet: Sheet, format: SheetFormat, width: number, rows: number): FormatPlan {
  const frozenRows = sheet.getFrozenRows();
  const head = sheet.getRange(1, 1, 1, width);
  // Wraps and rules over the span of the columns that have them; alignment (when kept) over the whole width.
  const span = bodySpan(format);
  const body = span ? sheet.getRange(2, span.from + 1, rows, span.to - span.from + 1) : null;
  const bodyRules = body && format.dropdowns.length ? body.getDataValidations() : [];
  const seen: FormatSeen = {
    frozenRows,
    headerWeights: head.getFontWeights()[0],
    headerBackgrounds: head.getBackgrounds()[0],
    headerWraps: head.getWraps()[0],
    headerAlignments: format.header.verticalAlignment ? head.getVerticalAlignments()[0] : undefined,
    spanFrom: span ? span.from : 0,
    bodyWraps: body && format.wrapped.length ? body.getWraps() : [],
    bodyRules: bodyRules.map((row) => row.map((rule) => rule !== null)),
    bodyAlignments: format.bodyVerticalAlignment
      ? sheet.getRange(2, 1, rows, width).getVerticalAlignments()
      : undefined,
  };
  // One cell's criteria per dropdown column whose cells all have a rule (the others are rewritten anyway).
  const criteria = new Map<number, unknown[] | null>();
  for (const column of dropdownsToCheck(format, seen)) {
    const rule = bodyRules[0]?.[column - seen.spanFrom];
    criteria.set(column, rule ? rule.getCriteriaValues() : null);
  }
  return planFormat(format, seen, criteria, width);
}

function applyPlan(sheet: Sheet, format: SheetFormat, plan: FormatPlan, width: number, rows: number): void {
  if (plan.frozenRows) sheet.setFrozenRows(format.frozenRows);
  if (plan.header) {
    const h = format.header;
    const head = sheet.getRange(1, 1, 1, width).setFontWeight(h.fontWeight).setBackground(h.background).setWrap(h.wrap);
    if (h.verticalAlignment) head.setVerticalAlignment(h.verticalAlignment);
  }
  for (const c of plan.wrapColumns) sheet.getRange(2, c + 1, rows, 1).setWrap(true);
  for (const d of format.dropdowns) {
    if (!plan.dropdownColumns.includes(d.column)) continue;
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(d.choices.slice(), true)
      .setAllowInvalid(false)
      .setHelpText(`Choose one of: ${d.choices.join(', ')}.`)
      .build();
    sheet.getRange(2, d.column + 1, rows, 1).setDataValidation(rule);
  }
  if (plan.bodyAlignment && format.bodyVerticalAlignment)
    sheet.getRange(2, 1, rows, width).setVerticalAlignment(format.bodyVerticalAlignment);
}
