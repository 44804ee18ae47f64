import {
  candidateRows,
  IndexEntry,
  indexFields,
  planColumnReads,
  planQueue,
  planRowReads,
} from '../../src/domain/triage-queue';
import { a1Range, a1Row, columnLetter, quotedSheet } from '../../src/domain/a1';
import type { QueueQuery } from '../../src/api';

function entry(row: number, status: string, day: number, extra: Record<string, string> = {}): IndexEntry {
  return { row, fields: { status, submittedAt: new Date(Date.UTC(2026, 10, day)).toISOString(), ...extra } };
}

const q = (over: Partial<QueueQuery> = {}): QueueQuery => ({ status: 'To triage', page: 0, ...over });

describe('queue', () => {
  const index = [
    entry(2, 'Approved', 1),
    entry(3, 'New', 2),
    entry(4, 'Needs info', 5),
    entry(5, 'Archived', 6),
    entry(6, 'New', 4),
    // Sorted by hand: an older win lower down.
    entry(7, 'New', 3),
  ];

  test('to triage: New and Needs info, newest first, with counts over the log', () => {
    const plan = planQueue(index, q());
    expect(plan.rows).toEqual([4, 6, 7, 3]);
    expect(plan.total).toBe(4);
    expect(plan.counts).toEqual({ New: 3, Approved: 1, 'Needs info': 1, Archived: 1 });
  });

  test('all: to-triage wins first, then approved, then archived', () => {
    expect(planQueue(index, q({ status: 'All' })).rows).toEqual([4, 6, 7, 3, 2, 5]);
  });

  test('paging, and a page past the end shows the last page', () => {
    expect(planQueue(index, q({ status: 'All' }), 4).rows).toEqual([4, 6, 7, 3]);
    expect(planQueue(index, q({ status: 'All', page: 1 }), 4).rows).toEqual([2, 5]);
    expect(planQueue(index, q({ status: 'All', page: 9 }), 4)).toMatchObject({ page: 1, rows: [2, 5] });
  });

  test('filters by goal, kind, audience and text', () => {
    const rich = [
      entry(2, 'New', 1, {
        goals: 'Reading for all, Math confidence',
        kind: 'Win',
        consent: 'Public',
        consentGiven: 'Public',
        headline: 'Fractions fair',
      }),
      entry(3, 'New', 2, {
        goals: 'Reading for all',
        kind: 'Lesson learned',
        consent: 'Staff only',
        consentGiven: 'Public',
        story: 'The library pilot did not work',
      }),
      entry(4, 'New', 3, { goals: '', kind: 'Win', consent: 'Public', consentGiven: 'Staff only', name: 'Ana Ruiz' }),
    ];
    expect(planQueue(rich, q({ goal: 'math confidence' })).rows).toEqual([2]);
    expect(planQueue(rich, q({ kind: 'Lesson learned' })).rows).toEqual([3]);
    // Row 4's consent was widened by hand past the submitter's: it does not reach families.
    expect(planQueue(rich, q({ audience: 'Families' })).rows).toEqual([2]);
    expect(planQueue(rich, q({ audience: 'Staff' })).rows).toEqual([4, 3, 2]);
    expect(planQueue(rich, q({ search: 'LIBRARY pilot' })).rows).toEqual([3]);
    expect(planQueue(rich, q({ search: 'ana' })).rows).toEqual([4]);
  });

  test('the index reads extra columns only for active filters', () => {
    expect(indexFields(q())).toEqual(['status', 'submittedAt']);
    expect(indexFields(q({ goal: 'X', kind: 'Win' }))).toEqual(['status', 'submittedAt', 'goals', 'kind']);
    expect(indexFields(q({ search: '  ' }))).toEqual(['status', 'submittedAt']);
    expect(indexFields(q({ search: 'x' }))).toContain('story');
  });
});

describe('read plans', () => {
  test('neighbouring columns are read together, distant ones apart', () => {
    expect(planColumnReads([2, 1], 50000)).toEqual([{ first: 1, last: 2 }]);
    // One column in between costs 250 ms at 50,000 rows: more than a call.
    expect(planColumnReads([1, 3], 50000)).toEqual([
      { first: 1, last: 1 },
      { first: 3, last: 3 },
    ]);
    // At 100 rows it is cheaper to read the cell in between.
    expect(planColumnReads([1, 3], 100)).toEqual([{ first: 1, last: 3 }]);
  });

  test('page rows: a contiguous tail is one read; scattered rows are read in a few blocks', () => {
    expect(planRowReads([50001, 50000, 49999], 27)).toEqual([{ first: 49999, last: 50001 }]);
    expect(planRowReads([10, 12, 9000, 40000], 27)).toEqual([
      { first: 10, last: 12 },
      { first: 9000, last: 9000 },
      { first: 40000, last: 40000 },
    ]);
  });
});

describe('which rows a filtered read needs', () => {
  test('the first and last row of a win the status filter keeps', () => {
    const statuses = ['Approved', 'Needs info', 'Approved', 'Archived', 'New', 'Approved'];
    expect(candidateRows(statuses, 2, 'To triage')).toEqual({ first: 3, last: 6 });
    expect(candidateRows(statuses, 2, 'Archived')).toEqual({ first: 5, last: 5 });
    expect(candidateRows(statuses, 2, 'All')).toEqual({ first: 2, last: 7 });
    expect(candidateRows(['Approved'], 2, 'New')).toBeNull();
    expect(candidateRows([], 2, 'All')).toBeNull();
  });
});

describe('A1 notation for the log', () => {
  test('column letters past Z', () => {
    expect([1, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(() => columnLetter(0)).toThrow();
  });

  test('ranges name their sheet, quoted, and may run to the end of the sheet', () => {
    expect(a1Range('Wins', 1, 2, null, 2)).toBe("'Wins'!B1:C");
    expect(a1Range('Wins', 9980, 1, 21, 27)).toBe("'Wins'!A9980:AA10000");
    expect(a1Row('Wins', 1)).toBe("'Wins'!1:1");
    expect(quotedSheet("Ana's wins")).toBe("'Ana''s wins'");
  });
});
