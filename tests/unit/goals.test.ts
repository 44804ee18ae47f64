import { EXAMPLE_GOALS, goalRow, parseGoals, suggestGoals } from '../../src/domain/goals';
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
      { name: 'Reading writing', description: '', keywords: ['books'], active: true },
      { name: 'Old goal', description: '', keywords: [], active: false },
      { name: 'Math', description: '', keywords: ['fractions'], active: true },
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
});
