// Unit tests of the triage sidebar's counts by status as the leader's actions move wins between statuses.
import type { StatusCounts, WinView } from '../../src/api';
import { countsAfter } from '../../sidebar/triage/outcomes';

const counts: StatusCounts = { New: 4, 'Needs info': 1, Approved: 10, Archived: 2 };
const win = (status: string) => ({ id: 'W-0001', status }) as WinView;

describe('countsAfter', () => {
  test('a win moved from one status to another moves one count', () => {
    expect(countsAfter(counts, [{ before: win('New'), after: win('Approved') }])).toEqual({
      New: 3,
      'Needs info': 1,
      Approved: 11,
      Archived: 2,
    });
  });

  test('a save that kept the status, or a hand-typed status, moves nothing it does not count', () => {
    expect(countsAfter(counts, [{ before: win('New'), after: win('New') }])).toEqual(counts);
    expect(countsAfter(counts, [{ before: win('Done?'), after: win('Approved') }]).Approved).toBe(11);
  });

  test('a win that left the log leaves its count; counts never go below zero', () => {
    expect(countsAfter(counts, [{ before: win('Archived'), after: null }]).Archived).toBe(1);
    expect(countsAfter({ ...counts, New: 0 }, [{ before: win('New'), after: win('Approved') }]).New).toBe(0);
  });

  test('a group action moves each win', () => {
    const moves = [
      { before: win('New'), after: win('Approved') },
      { before: win('Needs info'), after: win('Approved') },
    ];
    expect(countsAfter(counts, moves)).toEqual({ New: 3, 'Needs info': 0, Approved: 12, Archived: 2 });
  });
});
