// The synthesis Doc's outline: its sections in order, Our notes only for a new Doc and never after a table, each
// entry's blocks as one unit (a long Doc is cut between entries), days in the school's time zone, text a Doc keeps.
import type { Goal } from '../../src/domain/goals';
import { monthGrid, monthStartMs, schoolYear } from '../../src/domain/school-year';
import { synthesize } from '../../src/domain/synthesis';
import { entryDay, OUR_NOTES, synthesisOutline } from '../../src/domain/synthesis-outline';
import { winFromCells } from '../../src/domain/win';

const year = schoolYear(2026);
// New York: daylight time until 1 November 2026, then standard time until 14 March 2027.
const grid = monthGrid(year.months, (key) => {
  const [y, m] = key.split('-').map(Number);
  const summer = (y === 2026 && m <= 10) || (y === 2027 && m >= 4);
  return monthStartMs(key, summer ? -240 : -300);
});
const goals: Goal[] = [
  { id: 'G-1', name: 'Reading for all', description: 'Every student reads.', keywords: [], active: true },
];
const entry = (id: string, over: Record<string, unknown> = {}) =>
  winFromCells({
    id,
    submittedAt: new Date('2026-10-05T15:00:00Z'),
    status: 'Approved',
    kind: 'Win',
    headline: `Headline ${id}`,
    story: `Story of ${id}, see https://school.example/${id}.`,
    goals: 'Reading for all',
    source: 'Data',
    name: 'Ana Ruiz',
    role: 'Teacher',
    ...over,
  });
const s = synthesize(
  { key: 'G-1', name: 'Reading for all', description: '' },
  {
    wins: [
      entry('W-1'),
      entry('W-2', { kind: 'Lesson learned', headline: 'Bell\u0007 rang' }),
      entry('W-3', { featured: 'Yes', blurb: 'Short blurb', submittedAt: new Date('2026-11-01T03:30:00Z') }),
    ],
    goals,
    practices: [],
    year,
    grid,
  },
);
const options = { school: 'Maple Grove', grid, madeOn: '23 June 2027', showcase: false, withNotesHeading: true };

test('the sections PRODUCT.md lists, in order, and Our notes last for a new Doc', () => {
  const outline = synthesisOutline(s, options);
  expect(outline.title).toBe('Maple Grove — Reading for all — synthesis 2026–27');
  const headings = outline.blocks
    .filter((b) => b.kind === 'paragraph' && b.style === 'HEADING_1')
    .map((b) => (b.kind === 'paragraph' ? b.spans.map((x) => x.text).join('') : ''));
  expect(headings).toEqual([
    'At a glance',
    'Month by month',
    'What we did',
    'What we learned',
    'Spotlight',
    'Practices nominated to the showcase',
    'Reflect together',
    'Appendix: every entry',
    OUR_NOTES,
  ]);
  const rerun = synthesisOutline(s, { ...options, withNotesHeading: false }).blocks;
  expect(rerun.some((b) => b.kind === 'paragraph' && b.spans.some((x) => x.text === OUR_NOTES))).toBe(false);
  // The part a rerun replaces ends with a paragraph, never a table, right before Our notes.
  const last = rerun[rerun.length - 1];
  expect(last.kind).toBe('paragraph');
  expect(last.kind === 'paragraph' && last.style).toBe('NORMAL_TEXT');
});

test("each entry's blocks are one unit; links from typed text; control characters gone; the spotlight's blurb", () => {
  const blocks = synthesisOutline(s, options).blocks;
  const ofW3 = blocks.filter((b) => b.unit === 'W-3');
  expect(ofW3.length).toBeGreaterThanOrEqual(6); // in What we did and in the Spotlight
  const text = JSON.stringify(blocks);
  expect(text).toContain('"link":"https://school.example/W-1"');
  expect(text).toContain('Bell rang');
  expect(text).not.toContain('\u0007');
  expect(text).toContain('Short blurb');
});

test("an entry's day is the school's: 03:30 UTC on 1 November 2026 is 31 October in New York", () => {
  const w3 = s.entries.find((e) => e.id === 'W-3')!;
  expect(w3.month).toBe(2);
  expect(entryDay(w3, grid)).toBe('31 Oct 2026');
  expect(entryDay(s.entries[0], grid)).toBe('5 Oct 2026');
});
