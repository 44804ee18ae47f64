// Unit tests of text safety: what Sheets would parse, trimming, the cell limit.
import { cleanText, CELL_LIMIT, toCellText, wouldSheetsParse, splitList, fromCell } from '../../src/domain/text';

describe('text safety', () => {
  test.each([
    '=SUM(A1:A3)',
    '+1',
    '-2',
    '@name',
    '007',
    '3/4',
    '1,000',
    '1e3',
    '50%',
    '$5',
    '2026-11-23',
    '10:30',
    'TRUE',
    'false',
    "'quoted",
    'Mar 4',
  ])('%s would be parsed by Sheets and is escaped with an apostrophe', (text) => {
    expect(wouldSheetsParse(text)).toBe(true);
    expect(toCellText(text)).toBe(`'${text}`);
  });

  test.each([
    'Reading circle doubled',
    'Room 7 did it',
    'We tried 3 times',
    'Héllo 👋',
    'مرحبا بالعالم',
    '<b>bold</b>',
    'e-mail me',
  ])('%s is ordinary text and is written as is', (text) => {
    expect(wouldSheetsParse(text)).toBe(false);
    expect(toCellText(text)).toBe(text);
  });

  test('surrounding spaces are trimmed, nothing else changes', () => {
    expect(cleanText('  007 \n').text).toBe('007');
    expect(cleanText('a  b').text).toBe('a  b');
    expect(cleanText(undefined).text).toBe('');
  });

  test('text over the 50,000-character cell limit is cut and says so', () => {
    const long = 'x'.repeat(CELL_LIMIT + 10);
    const out = cleanText(long);
    expect(out.trimmed).toBe(true);
    expect(out.text.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(out.text).toMatch(/trimmed/);
    expect(cleanText('x'.repeat(CELL_LIMIT)).trimmed).toBe(false);
  });

  test('an emoji at the cut is never split in half', () => {
    const long = '😀'.repeat(CELL_LIMIT);
    const out = cleanText(long);
    expect(out.text.length).toBeLessThanOrEqual(CELL_LIMIT);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(out.text)).toBe(false);
  });

  test('list cells split on commas and read back dates as ISO', () => {
    expect(splitList('Reading for all, Math confidence ,')).toEqual(['Reading for all', 'Math confidence']);
    expect(fromCell(new Date('2026-11-23T10:00:00Z'))).toBe('2026-11-23T10:00:00.000Z');
    expect(fromCell(7)).toBe('7');
    expect(fromCell(null)).toBe('');
  });
});
