// Unit tests of goals: reading the Goals sheet, keyword suggestions, stable IDs and renames.
import {
  assignGoalIds,
  EXAMPLE_GOALS,
  goalRenames,
  goalRow,
  goalsBlockComplete,
  parseGoals,
  retagCell,
  suggestGoals,
} from '../../src/domain/goals';
import { GOAL_HEADERS } from '../../src/domain/schema';

describe('goals', () => {
  test('the seeded examples read back from their own rows', () => {
    const { goals, problems } = parseGoals([GOAL_HEADERS, ...EXAMPLE_GOALS.map(goalRow)]);
    expect(problems).toEqual([]);
    expect(goals.map((g) => g.name)).toEqual(EXAMPLE_GOALS.map((g) => g.name));
    expect(EXAMPLE_GOALS.length).toBeGreaterThanOrEqual(4);
    expect(EXAMPLE_GOALS.length).toBeLessThanOrEqual(6);
  });

  test('columns are found by header, blanks are active, "No" is inactive, commas are removed', () => {
    const rows = [
      ['Active', 'Goal', 'Keywords'],
      ['', 'Reading, writing', 'books'],
      ['No', 'Old goal', ''],
      ['yes', 'Math', 'fractions'],
      ['', '', ''],
    ];
    const { goals, problems } = parseGoals(rows);
    expect(goals).toEqual([
      { id: '', name: 'Reading writing', description: '', keywords: ['books'], active: true },
      { id: '', name: 'Old goal', description: '', keywords: [], active: false },
      { id: '', name: 'Math', description: '', keywords: ['fractions'], active: true },
    ]);
    expect(problems[0]).toMatch(/comma/);
  });

  test('a sheet without a Goal column is reported, not guessed', () => {
    expect(parseGoals([['Name']]).problems[0]).toMatch(/no "Goal" column/);
  });

  test('suggestions match whole words of names and keywords, skip inactive and chosen goals', () => {
    const goals = [
      { name: 'Reading', description: '', keywords: ['books', 'library'], active: true },
      { name: 'Math', description: '', keywords: ['fractions'], active: true },
      { name: 'Attendance', description: '', keywords: ['absent'], active: false },
    ];
    expect(suggestGoals('Our LIBRARY visit: fractions of pizza', goals)).toEqual(['Reading', 'Math']);
    expect(suggestGoals('bookshelf mathematics', goals)).toEqual([]);
    expect(suggestGoals('absent less often', goals)).toEqual([]);
    expect(suggestGoals('books', goals, ['Reading'])).toEqual([]);
  });

  test('every goal gets a stable ID; blanks and repeats get the next free number', () => {
    expect(assignGoalIds(['G-1', 'G-2'])).toEqual({ ids: ['G-1', 'G-2'], changed: false });
    expect(assignGoalIds(['G-3', '', 'G-3', 'x'])).toEqual({ ids: ['G-3', 'G-4', 'G-5', 'x'], changed: true });
    expect(assignGoalIds([])).toEqual({ ids: [], changed: false });
  });

  test('a goal whose ID kept its name is not renamed; a changed name is', () => {
    const goals = [
      { id: 'G-1', name: 'Readers everywhere', description: '', keywords: [], active: true },
      { id: 'G-2', name: 'Math confidence', description: '', keywords: [], active: true },
      { id: 'G-9', name: 'Brand new', description: '', keywords: [], active: true },
    ];
    const renames = goalRenames({ 'G-1': 'Reading for all', 'G-2': 'Math confidence' }, goals);
    expect([...renames]).toEqual([['Reading for all', 'Readers everywhere']]);
    expect(goalRenames(undefined, goals).size).toBe(0);
  });

  test('retagging replaces renamed names in a cell, keeps order, drops repeats, leaves other cells untouched', () => {
    const renames = new Map([
      ['Reading for all', 'Readers everywhere'],
      ['Math', 'Numbers'],
    ]);
    expect(retagCell('Reading for all, Family partnership', renames)).toBe('Readers everywhere, Family partnership');
    expect(retagCell('Math, Numbers', renames)).toBe('Numbers');
    expect(retagCell('Family  partnership', renames)).toBe('Family  partnership');
    expect(retagCell('', renames)).toBe('');
  });
});

describe('the Goals sheet read as a bounded block', () => {
  /** The top-left rows × columns of a sheet holding `rows`, padded with blanks as a bounded read returns them. */
  function block(rows: unknown[][], height: number, width: number): unknown[][] {
    return Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => rows[r]?.[c] ?? ''));
  }
  const sheet = [GOAL_HEADERS, ...EXAMPLE_GOALS.map(goalRow)];

  test('a usual Goals sheet: the block says what the whole sheet says', () => {
    const b = block(sheet, 20, 10);
    expect(goalsBlockComplete(b, 20)).toBe(true);
    expect(parseGoals(b)).toEqual(parseGoals(sheet));
  });

  test('every Goals header must be inside the block, not only Goal (a Description moved past it would be lost)', () => {
    const moved = sheet.map((r) => [r[0], '', '', '', r[2], r[3], r[4], r[1]]); // Description now in column H
    expect(goalsBlockComplete(block(moved, 20, 8), 20)).toBe(true);
    expect(goalsBlockComplete(block(moved, 20, 7), 20)).toBe(false);
    const noGoal = sheet.map((r) => ['', ...r]);
    expect(goalsBlockComplete(block(noGoal, 20, 5), 20)).toBe(false);
  });

  test('a block whose last row holds anything may not hold every goal', () => {
    const many = [
      GOAL_HEADERS,
      ...Array.from({ length: 30 }, (_, i) => [`Goal ${i + 1}`, '', '', 'Yes', `G-${i + 1}`]),
    ];
    expect(goalsBlockComplete(block(many, 30, 10), 30)).toBe(false);
    expect(goalsBlockComplete(block(many, 31, 10), 31)).toBe(false);
    expect(goalsBlockComplete(block(many, 32, 10), 32)).toBe(true);
    // A note in a person's own column on the last row counts too.
    const noted = block(sheet, 20, 10);
    noted[19][9] = 'see the plan';
    expect(goalsBlockComplete(noted, 20)).toBe(false);
  });

  test('an empty sheet or a blank header is never taken from the block', () => {
    expect(goalsBlockComplete([], 20)).toBe(false);
    expect(goalsBlockComplete(block([], 20, 10), 20)).toBe(false);
  });
});
