// Unit tests of the log's columns: finding them by header, repairs, encoding rows, rows by ID.
import {
  decodeRow,
  encodeRow,
  locateColumns,
  planLogRepair,
  repairWinIds,
  rowsById,
} from '../../src/domain/log-columns';
import { winId } from '../../src/domain/intake';
import { WIN_HEADERS, WIN_COLUMNS } from '../../src/domain/schema';

describe('log columns', () => {
  test("columns are found by header in any order, with a person's own column in between", () => {
    const header = ['My notes', ...WIN_HEADERS.slice().reverse()];
    const located = locateColumns(header);
    expect(located.missing).toEqual([]);
    expect(located.columns.id).toBe(header.indexOf('ID'));
    expect(located.width).toBe(header.length);
  });

  test('encode keeps text exactly, writes dates as dates, leaves other columns blank', () => {
    const header = ['Mine', ...WIN_HEADERS];
    const located = locateColumns(header);
    const row = encodeRow(
      { id: 'W-0001', headline: '=1+1', story: '007', submittedAt: '2026-11-23T15:00:00.000Z' },
      located.columns as never,
      located.width,
    );
    expect(row[0]).toBe('');
    expect(row[header.indexOf('Headline')]).toBe("'=1+1");
    expect(row[header.indexOf('Story')]).toBe("'007");
    expect(Object.prototype.toString.call(row[header.indexOf('Submitted at')])).toBe('[object Date]');
    const back = decodeRow(
      row.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)),
      located.columns,
    );
    expect(back.headline).toBe('=1+1');
    expect(back.submittedAt).toBe('2026-11-23T15:00:00.000Z');
  });

  test('a renamed column is recognised between its old neighbours; a deleted one is re-added', () => {
    const header = WIN_HEADERS.slice();
    const h = header.indexOf(WIN_COLUMNS.headline);
    header[h] = 'Title';
    const s = header.indexOf(WIN_COLUMNS.source);
    header.splice(s, 1);
    const plan = planLogRepair(header, WIN_HEADERS);
    expect(plan.renames).toEqual([{ column: h, header: 'Headline' }]);
    expect(plan.appends).toEqual(['Source']);
    expect(planLogRepair(WIN_HEADERS, WIN_HEADERS)).toEqual({ renames: [], appends: [] });
  });

  test('without a remembered header every missing column is appended', () => {
    expect(planLogRepair(['ID'], null).appends.length).toBe(WIN_HEADERS.length - 1);
  });

  test('rows are found by ID', () => {
    const rows = rowsById(['W-0003', '', 'W-0001', 'W-0003']);
    expect(rows.get('W-0001')).toBe(4);
    expect(rows.get('W-0003')).toBe(2);
    expect(rows.size).toBe(2);
  });

  test('rows without an ID and later copies of an ID get new ones, above every ID present', () => {
    const r = repairWinIds(['W-0001', '', 'W-0007', 'W-0001', ''], [true, true, true, true, false], 3, winId);
    expect(r.ids).toEqual(['W-0001', 'W-0008', 'W-0007', 'W-0009', '']);
    expect(r).toMatchObject({ missing: 1, repeated: 1, next: 10 });
    expect(repairWinIds(['W-0001', 'W-0002'], [true, true], 1, winId)).toEqual({
      ids: null,
      missing: 0,
      repeated: 0,
      next: 3,
    });
  });
});
