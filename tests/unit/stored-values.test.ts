// Unit tests of values kept in document properties: split over parts under 9 KB, joined back, leftovers emptied,
// and the store's size known before a save.
import {
  encodeStored,
  PART_BYTES,
  readStored,
  splitUtf8,
  STORE_BUDGET_BYTES,
  storeBytes,
  storeProblem,
  utf8Length,
} from '../../src/domain/stored-values';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('stored values', () => {
  test('UTF-8 lengths as Apps Script counts them', () => {
    for (const s of ['abc', 'é', '€', '😀', 'مرحبا', 'a😀é']) expect(utf8Length(s)).toBe(bytes(s));
  });

  test('text is split under the limit and never inside a character', () => {
    const text = 'é😀a'.repeat(5000);
    const parts = splitUtf8(text, 1000);
    expect(parts.join('')).toBe(text);
    expect(parts.every((p) => bytes(p) <= 1000)).toBe(true);
    expect(parts.every((p) => !/[\uD800-\uDBFF]$/.test(p))).toBe(true);
    expect(splitUtf8('')).toEqual(['']);
  });

  test('a short value is one property; a long one is split over parts and joins back', () => {
    const goals = Array.from({ length: 200 }, (_, i) => ({ name: `Goal ${i} ✓`, description: 'd'.repeat(300) }));
    const out = encodeStored({}, 'sw.', { formId: 'F1', goals, nothing: undefined });
    expect(out['sw.formId']).toBe('"F1"');
    expect('sw.nothing' in out).toBe(false);
    expect(out['sw.goals']).toMatch(/^@parts \d+$/);
    const parts = Object.keys(out).filter((k) => k.startsWith('sw.goals#'));
    expect(parts.length).toBe(Number(out['sw.goals'].slice(7)));
    expect(Object.values(out).every((v) => bytes(v) <= PART_BYTES)).toBe(true);
    expect(readStored({ ...out, 'other.key': 'x' }, 'sw.')).toEqual({ formId: 'F1', goals });
  });

  test('a value that shrinks empties the parts it no longer uses, in the same write', () => {
    const long = encodeStored({}, 'sw.', { goals: 'x'.repeat(PART_BYTES * 3) });
    expect(long['sw.goals']).toBe('@parts 4');
    const short = encodeStored(long, 'sw.', { goals: ['one'] });
    expect(short).toEqual({
      'sw.goals': '["one"]',
      'sw.goals#1': '',
      'sw.goals#2': '',
      'sw.goals#3': '',
      'sw.goals#4': '',
    });
    expect(readStored({ ...long, ...short }, 'sw.')).toEqual({ goals: ['one'] });
  });

  test('a value with a missing part reads as absent, never as half a value', () => {
    const out = encodeStored({}, 'sw.', { goals: 'x'.repeat(PART_BYTES * 2) });
    delete out['sw.goals#2'];
    expect(readStored(out, 'sw.')).toEqual({});
  });

  test('the size after a save is known before it; a sentence when it would pass the budget', () => {
    expect(storeBytes({ ab: 'cd', é: '€' })).toBe(4 + 2 + 3);
    const raw = { 'sw.formId': '"F1"' };
    expect(storeProblem(raw, encodeStored(raw, 'sw.', { goals: 'x'.repeat(1000) }), 'the goals')).toBeNull();
    const big = encodeStored(raw, 'sw.', { goals: 'x'.repeat(STORE_BUDGET_BYTES) });
    expect(storeProblem(raw, big, 'the 900 goals of the Goals sheet')).toMatch(
      /^Small Wins keeps its settings and goals in this spreadsheet's document properties, which hold 450 KB for it; with the 900 goals of the Goals sheet they would need 4\d\d KB\.$/,
    );
  });
});
