// The formatting Set up keeps: what a rerun compares, and that it writes nothing when everything is still right.
import {
  bodySpan,
  criteriaMatch,
  dropdownsToCheck,
  FormatSeen,
  fullPlan,
  planFormat,
  planWrites,
  SheetFormat,
} from '../../src/domain/sheet-format';

const FORMAT: SheetFormat = {
  frozenRows: 1,
  header: { fontWeight: 'bold', background: '#e8f0fe', wrap: true, verticalAlignment: 'middle' },
  wrapped: [1],
  dropdowns: [{ column: 2, choices: ['Yes', 'No'] }],
  bodyVerticalAlignment: 'top',
};

function right(rows = 3): FormatSeen {
  return {
    frozenRows: 1,
    headerWeights: ['bold', 'bold', 'bold'],
    headerBackgrounds: ['#E8F0FE', '#e8f0fe', '#e8f0fe'],
    headerWraps: [true, true, true],
    headerAlignments: ['middle', 'middle', 'middle'],
    // Wraps and rules are read over columns 1 and 2 only (bodySpan).
    spanFrom: 1,
    bodyWraps: Array.from({ length: rows }, () => [true, false]),
    bodyAlignments: Array.from({ length: rows }, () => ['top', 'top', 'top']),
    bodyRules: Array.from({ length: rows }, () => [false, true]),
  };
}

const CRITERIA = new Map([[2, [['Yes', 'No'], true]]]);

test('wraps and rules are read over the span of their columns', () => {
  expect(bodySpan(FORMAT)).toEqual({ from: 1, to: 2 });
  expect(bodySpan({ ...FORMAT, wrapped: [], dropdowns: [] })).toBeNull();
});

test('a sheet that is still right needs no write', () => {
  const plan = planFormat(FORMAT, right(), CRITERIA, 3);
  expect(planWrites(plan)).toBe(false);
});

test('each kind of damage plans only its own write', () => {
  const seen = right();
  seen.frozenRows = 0;
  expect(planFormat(FORMAT, seen, CRITERIA, 3)).toMatchObject({ frozenRows: true, header: false });
  const header = right();
  header.headerWeights = ['bold', 'normal', 'bold'];
  expect(planFormat(FORMAT, header, CRITERIA, 3)).toMatchObject({ header: true, wrapColumns: [] });
  const wrap = right();
  (wrap.bodyWraps as boolean[][])[2][0] = false;
  expect(planFormat(FORMAT, wrap, CRITERIA, 3)).toMatchObject({ wrapColumns: [1], dropdownColumns: [] });
  const rule = right();
  (rule.bodyRules as boolean[][])[1][1] = false;
  expect(dropdownsToCheck(FORMAT, rule)).toEqual([]);
  expect(planFormat(FORMAT, rule, new Map(), 3)).toMatchObject({ dropdownColumns: [2] });
  const align = right();
  (align.bodyAlignments as string[][])[0][0] = 'bottom';
  expect(planFormat(FORMAT, align, CRITERIA, 3)).toMatchObject({ bodyAlignment: true, header: false });
});

test('a rule with other choices, or without its dropdown, is rewritten', () => {
  expect(dropdownsToCheck(FORMAT, right())).toEqual([2]);
  expect(planFormat(FORMAT, right(), new Map([[2, [['Yes', 'No', 'Maybe'], true]]]), 3).dropdownColumns).toEqual([2]);
  expect(planFormat(FORMAT, right(), new Map([[2, [['Yes', 'No'], false]]]), 3).dropdownColumns).toEqual([2]);
  expect(criteriaMatch(null, ['Yes'])).toBe(false);
  expect(criteriaMatch(['Sheet1!A1:A3', true], ['Yes'])).toBe(false);
  expect(criteriaMatch([['Yes'], true], ['Yes'])).toBe(true);
});

test('cells beyond the managed width do not count; a sheet made now gets everything', () => {
  const seen = right();
  seen.headerWeights = ['bold', 'bold', 'bold', 'normal'];
  expect(planWrites(planFormat(FORMAT, seen, CRITERIA, 3))).toBe(false);
  expect(fullPlan(FORMAT)).toEqual({
    frozenRows: true,
    header: true,
    wrapColumns: [1],
    dropdownColumns: [2],
    bodyAlignment: true,
  });
});
