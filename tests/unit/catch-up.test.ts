// Unit tests of the catch-up's rules: a response's record and fingerprint, which rows step one flags, which of those
// step two imports, the watermark and the records kept, the first watermark of an older log, and the waiting notice.
import {
  alreadyRecorded,
  firstWatermark,
  keepRecords,
  nextWatermark,
  parseRecordKey,
  RECORD_KEEP_MS,
  RECORD_LIMIT,
  recordKey,
  responseFingerprint,
  responsesToImport,
  rowsToCheck,
  SETTLE_MS,
  stampOf,
} from '../../src/domain/catch-up';
import { locateColumns } from '../../src/domain/log-columns';
import { WIN_HEADERS } from '../../src/domain/schema';
import { findWaitingNotice, waitingCount, waitingNotice, waitingSentence } from '../../src/domain/waiting-notice';

const titles = new Set(['Headline', 'Story', 'Your name']);
const T0 = Date.UTC(2026, 10, 23, 14, 0, 0);
const key = (ts: number | null, fp: string) => recordKey({ ts, fp });

describe('a response known by its record', () => {
  test('the fingerprint covers the Form’s answers only: added columns, blanks and the Timestamp do not change it', () => {
    const nv = { Timestamp: ['11/23/2026 9:00:00'], Headline: ['Reading'], Story: ['Year 2'], 'Your name': [''] };
    const fp = responseFingerprint(nv, titles);
    expect(responseFingerprint({ ...nv, Timestamp: ['23/11/2026 09:00:00'] }, titles)).toBe(fp);
    expect(responseFingerprint({ ...nv, 'Followed up': ['yes'] }, titles)).toBe(fp);
    expect(responseFingerprint({ ...nv, 'Email Address': ['ana@school.example'] }, titles)).not.toBe(fp);
    expect(responseFingerprint({ ...nv, Story: ['Year 3'] }, titles)).not.toBe(fp);
    expect(responseFingerprint({ Story: 'Year 2', Headline: 'Reading' }, titles)).toBe(fp);
  });

  test('record keys round-trip; older content keys and blanks are not records', () => {
    expect(parseRecordKey(key(T0, 'abc1234'))).toEqual({ ts: T0, fp: 'abc1234' });
    expect(parseRecordKey(key(null, 'abc1234'))).toEqual({ ts: null, fp: 'abc1234' });
    expect(parseRecordKey('R-1x2y3z')).toBeNull();
    expect(parseRecordKey('')).toBeNull();
    expect(key(T0, 'abc1234').length).toBeLessThanOrEqual(17);
  });

  test('a Timestamp cell is a date, or no timestamp at all', () => {
    expect(stampOf(new Date(T0))).toBe(T0);
    expect(stampOf('11/23/2026 9:00:00')).toBeNull();
    expect(stampOf('')).toBeNull();
    expect(stampOf(new Date(NaN))).toBeNull();
  });

  test('a second delivery is recognised by print and moment; the same answers at another moment are a new response', () => {
    const records = [key(T0, 'aaaaaaa')];
    expect(alreadyRecorded({ ts: T0, fp: 'aaaaaaa' }, records)).toBe(true);
    expect(alreadyRecorded({ ts: null, fp: 'aaaaaaa' }, records)).toBe(true);
    expect(alreadyRecorded({ ts: T0 + 60000, fp: 'aaaaaaa' }, records)).toBe(false);
    expect(alreadyRecorded({ ts: T0, fp: 'bbbbbbb' }, records)).toBe(false);
  });
});

describe('step one: the Timestamp column against the watermark and the records', () => {
  test('only responses above the watermark that no record of their moment accounts for', () => {
    const stamps = [T0 - 7200000, T0, T0 + 1000, null, T0 + 2000];
    expect(rowsToCheck(stamps, T0 - 3600000, [key(T0, 'a'), key(T0 + 1000, 'b'), key(T0 + 2000, 'c')])).toEqual([]);
    expect(rowsToCheck(stamps, T0 - 3600000, [key(T0, 'a'), key(T0 + 2000, 'c')])).toEqual([2]);
    // Below the watermark nothing is looked at, recorded or not (a deleted win stays deleted).
    expect(rowsToCheck(stamps, T0 + 1500, [])).toEqual([4]);
    // No watermark yet: everything is a candidate.
    expect(rowsToCheck([T0, T0 + 1], null, [])).toEqual([0, 1]);
  });

  test('two responses of the same moment need two records', () => {
    expect(rowsToCheck([T0, T0], null, [key(T0, 'a')])).toEqual([0, 1]);
    expect(rowsToCheck([T0, T0], null, [key(T0, 'a'), key(T0, 'b')])).toEqual([]);
    // A record kept twice is one record.
    expect(rowsToCheck([T0, T0], null, [key(T0, 'a'), key(T0, 'a')])).toEqual([0, 1]);
  });
});

describe('step two: which of the flagged rows are new', () => {
  test('matched by moment and print, by print alone, or by moment when the answers were edited since', () => {
    const looked = [
      { index: 0, id: { ts: T0, fp: 'aaaaaaa' } },
      { index: 1, id: { ts: T0, fp: 'bbbbbbb' } },
      { index: 2, id: { ts: T0 + 5000, fp: 'ccccccc' } },
      { index: 3, id: { ts: T0 + 9000, fp: 'ddddddd' } },
    ];
    // Row 0 recorded as is, row 2 recorded without a moment, row 3 recorded before a typo was fixed; row 1 missed.
    const known = [key(T0, 'aaaaaaa'), key(null, 'ccccccc'), key(T0 + 9000, 'eeeeeee')];
    expect(responsesToImport(looked, known)).toEqual([1]);
    expect(responsesToImport(looked, [])).toEqual([0, 1, 2, 3]);
    // A response row copied by hand is one response.
    const copied = [looked[1], { ...looked[1], index: 7 }];
    expect(responsesToImport(copied, [])).toEqual([1]);
    expect(responsesToImport(copied, [key(T0, 'bbbbbbb')])).toEqual([]);
  });

  test("a record of another moment matches nothing; an older version's key matches the row it was made from", () => {
    const looked = [
      { index: 0, id: { ts: T0, fp: 'zzzzzzz' }, legacyKey: 'R-old' },
      { index: 1, id: { ts: T0 + 1, fp: 'yyyyyyy' }, legacyKey: 'R-new' },
    ];
    expect(responsesToImport(looked, [key(T0 + 2, 'yyyyyyy')])).toEqual([0, 1]);
    expect(responsesToImport(looked, [], new Set(['R-old']))).toEqual([1]);
  });
});

describe('watermark and records', () => {
  test('the watermark trails the clock by a few minutes and never goes back', () => {
    expect(nextWatermark(null, T0)).toBe(T0 - SETTLE_MS);
    expect(nextWatermark(T0, T0)).toBe(T0);
    expect(nextWatermark(T0 - 3600000, T0)).toBe(T0 - SETTLE_MS);
  });

  test('records: once each, long-settled ones forgotten, the newest kept under the size limit', () => {
    const old = key(T0 - RECORD_KEEP_MS - 1, 'a');
    expect(keepRecords([old, key(T0, 'b')], [key(T0, 'b'), key(T0, 'c')], T0)).toEqual([key(T0, 'b'), key(T0, 'c')]);
    expect(keepRecords(['R-legacy', key(null, 'd')], [], T0)).toEqual([key(null, 'd')]);
    const many = Array.from({ length: RECORD_LIMIT + 50 }, (_, i) => key(T0 + i, 'fffffff'));
    const kept = keepRecords(many, [], null);
    expect(kept).toHaveLength(RECORD_LIMIT);
    expect(kept[kept.length - 1]).toBe(many[many.length - 1]);
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThan(9 * 1024);
  });

  test("an older version's log starts at its newest win", () => {
    expect(firstWatermark([new Date(T0), '', new Date(T0 + 5000), 'not a date'])).toBe(T0 + 5000);
    expect(firstWatermark(['2026-11-23T15:00:00.000Z'])).toBe(Date.parse('2026-11-23T15:00:00.000Z'));
    expect(firstWatermark(['', null])).toBeNull();
  });
});

describe('the waiting notice in the Wins header', () => {
  test('written and read back; not a column; its sentence for the sidebar', () => {
    expect(waitingCount(waitingNotice(1))).toBe(1);
    expect(waitingCount(waitingNotice(12))).toBe(12);
    expect(waitingCount('My notes')).toBeNull();
    const header = [...WIN_HEADERS, '', waitingNotice(3)];
    expect(findWaitingNotice(header)).toEqual({ column: WIN_HEADERS.length + 1, count: 3 });
    const located = locateColumns(header);
    expect(located.missing).toEqual([]);
    expect(located.width).toBe(WIN_HEADERS.length);
    expect(waitingSentence(0)).toBe('');
    expect(waitingSentence(2)).toBe(
      '2 form responses are waiting to be added to the log; Small Wins adds them within the hour.',
    );
  });
});
