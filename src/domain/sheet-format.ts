// The formatting Set up keeps on the sheets it manages (frozen header, header style, wrapped columns, dropdowns,
// body alignment), compared with what the sheet has so a rerun writes only what a person or a lost copy undid.
// Column widths are a starting layout: given when a column is made, a person's resizing kept after that. A dropdown's
// criteria are read from its column's first cell only (one call a column; a rule a person changed on some rows
// further down is not seen, a rule removed anywhere is).

/** What a managed sheet should look like. Columns are 0-based, found by header by the caller. */
export type VerticalAlignment = 'top' | 'middle' | 'bottom';

export interface SheetFormat {
  frozenRows: number;
  header: { fontWeight: 'bold' | 'normal'; background: string; wrap: boolean; verticalAlignment?: VerticalAlignment };
  /** Columns whose body cells wrap. */
  wrapped: number[];
  /** Columns whose body cells have a dropdown of these choices (shown as a list, invalid entries rejected). */
  dropdowns: Array<{ column: number; choices: readonly string[] }>;
  /** The body's vertical alignment, when the sheet has one (every column of the sheet's width). */
  bodyVerticalAlignment?: VerticalAlignment;
}

/** What the sheet has now, as read in a few calls: the header row, and the body (row 2 down) over the width. */
export interface FormatSeen {
  frozenRows: number;
  headerWeights: readonly string[];
  headerBackgrounds: readonly string[];
  headerWraps: readonly boolean[];
  /** Only read when the format asks for a header alignment. */
  headerAlignments?: readonly string[];
  /** The first column of bodyWraps and bodyRules: they cover only the span of the wrapped and dropdown columns. */
  spanFrom: number;
  bodyWraps: ReadonlyArray<readonly boolean[]>;
  /** Whether each body cell has a validation rule (its criteria are read for a few cells only). */
  bodyRules: ReadonlyArray<readonly boolean[]>;
  /** Only read when the format asks for a body alignment: every column of the width. */
  bodyAlignments?: ReadonlyArray<readonly string[]>;
}

/** What to write: nothing at all on a rerun where everything is still right. */
export interface FormatPlan {
  frozenRows: boolean;
  header: boolean;
  wrapColumns: number[];
  dropdownColumns: number[];
  bodyAlignment: boolean;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The columns the body's wraps and rules are read over: from the first wrapped or dropdown column to the last. */
export function bodySpan(format: SheetFormat): { from: number; to: number } | null {
  const columns = [...format.wrapped, ...format.dropdowns.map((d) => d.column)];
  if (!columns.length) return null;
  return { from: Math.min(...columns), to: Math.max(...columns) };
}

function everyInColumn<T>(grid: ReadonlyArray<readonly T[]>, column: number, ok: (v: T) => boolean): boolean {
  return grid.every((row) => ok(row[column]));
}

/**
 * Dropdown columns whose every body cell has a rule: the caller reads one cell's criteria for each (a rule replaced
 * by hand, or choices a newer version changed). Columns with a cell without a rule are rewritten without asking.
 */
export function dropdownsToCheck(format: SheetFormat, seen: Pick<FormatSeen, 'bodyRules' | 'spanFrom'>): number[] {
  return format.dropdowns
    .filter((d) => everyInColumn(seen.bodyRules, d.column - seen.spanFrom, (has) => has === true))
    .map((d) => d.column);
}

/** Whether a rule's criteria values (`[choices, showDropdown]` for a list) are this dropdown's. */
export function criteriaMatch(values: readonly unknown[] | null, choices: readonly string[]): boolean {
  if (!values || !Array.isArray(values[0])) return false;
  const listed = (values[0] as unknown[]).map((v) => String(v));
  return values[1] !== false && listed.length === choices.length && listed.every((v, i) => v === choices[i]);
}

/**
 * Compares the sheet with its format. `criteria` maps a checked dropdown column to its first body cell's criteria
 * values (see dropdownsToCheck); an unchecked or mismatched column is rewritten whole.
 */
export function planFormat(
  format: SheetFormat,
  seen: FormatSeen,
  criteria: ReadonlyMap<number, readonly unknown[] | null>,
  width: number,
): FormatPlan {
  const h = format.header;
  let header = false;
  for (let c = 0; c < width && !header; c++) {
    if (!same(seen.headerWeights[c] ?? '', h.fontWeight)) header = true;
    else if (!same(seen.headerBackgrounds[c] ?? '', h.background)) header = true;
    else if ((seen.headerWraps[c] ?? false) !== h.wrap) header = true;
    else if (h.verticalAlignment && !same(seen.headerAlignments?.[c] ?? '', h.verticalAlignment)) header = true;
  }
  const wrapColumns = format.wrapped.filter(
    (c) => !everyInColumn(seen.bodyWraps, c - seen.spanFrom, (w) => w === true),
  );
  const dropdownColumns = format.dropdowns
    .filter((d) => {
      if (!everyInColumn(seen.bodyRules, d.column - seen.spanFrom, (has) => has === true)) return true;
      return !criteriaMatch(criteria.get(d.column) ?? null, d.choices);
    })
    .map((d) => d.column);
  const align = format.bodyVerticalAlignment;
  const bodyAlignment = Boolean(
    align && !(seen.bodyAlignments ?? []).every((row) => row.slice(0, width).every((a) => same(a ?? '', align))),
  );
  return {
    frozenRows: seen.frozenRows !== format.frozenRows,
    header,
    wrapColumns,
    dropdownColumns,
    bodyAlignment: bodyAlignment || (Boolean(align) && !seen.bodyAlignments),
  };
}

/** Whether the plan writes anything. */
export function planWrites(plan: FormatPlan): boolean {
  return (
    plan.frozenRows ||
    plan.header ||
    plan.bodyAlignment ||
    plan.wrapColumns.length > 0 ||
    plan.dropdownColumns.length > 0
  );
}

/** The plan for a sheet made just now: everything. */
export function fullPlan(format: SheetFormat): FormatPlan {
  return {
    frozenRows: true,
    header: true,
    wrapColumns: format.wrapped.slice(),
    dropdownColumns: format.dropdowns.map((d) => d.column),
    bodyAlignment: Boolean(format.bodyVerticalAlignment),
  };
}
