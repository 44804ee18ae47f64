// Unit tests of the triage sidebar's plain logic: the key map, moving through the queue, the blurb rules.
import { blurbContactWarning, blurbToShow } from '../../sidebar/triage/blurb';
import { isTyping, keyCommand, KEYS } from '../../sidebar/triage/keys';
import { nextIndex, pageRange, previousIndex, toggled } from '../../sidebar/triage/navigation';
import { shortDate } from '../../sidebar/dates';
import { unknownSuggestions } from '../../sidebar/triage/format';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const page = { typing: false, helpOpen: false, hasWin: true };

describe('keys', () => {
  test('each documented key does what the help overlay says', () => {
    expect(keyCommand(press('j'), page)?.command).toEqual({ do: 'next' });
    expect(keyCommand(press('ArrowUp'), page)?.command).toEqual({ do: 'previous' });
    expect(keyCommand(press('3'), page)?.command).toEqual({ do: 'goal', number: 3 });
    expect(keyCommand(press('a'), page)?.command).toEqual({ do: 'act', action: 'approve' });
    expect(keyCommand(press('f'), page)?.command).toEqual({ do: 'act', action: 'feature' });
    expect(keyCommand(press('n'), page)?.command).toEqual({ do: 'act', action: 'needs' });
    expect(keyCommand(press('e'), page)?.command).toEqual({ do: 'act', action: 'archive' });
    expect(keyCommand(press('x'), page)?.command).toEqual({ do: 'select' });
    expect(keyCommand(press('u'), page)?.command).toEqual({ do: 'undo' });
    expect(keyCommand(press('/'), page)?.command).toEqual({ do: 'search' });
    expect(keyCommand(press('?'), page)?.command).toEqual({ do: 'open help' });
    expect(KEYS.map(([k]) => k)).toEqual(['j or ↓', 'k or ↑', '1 – 9', 'a', 'f', 'n', 'e', 'x', '/', 'u', '?', 'Esc']);
  });

  test('typing, modifier keys, unknown keys and built-in names are left alone', () => {
    expect(keyCommand(press('a'), { ...page, typing: true })).toBeNull();
    expect(keyCommand(press('a', { ctrlKey: true }), page)).toBeNull();
    expect(keyCommand(press('z'), page)).toBeNull();
    expect(keyCommand(press('toString'), page)).toBeNull();
    expect(keyCommand(press('0'), page)).toBeNull();
    expect(keyCommand(press('x'), { ...page, hasWin: false })).toBeNull();
  });

  test('with help open only ? and Esc act; Esc leaves a text box without stopping the browser', () => {
    expect(keyCommand(press('a'), { ...page, helpOpen: true })).toBeNull();
    expect(keyCommand(press('?'), { ...page, helpOpen: true })?.command).toEqual({ do: 'close help' });
    expect(keyCommand(press('Escape'), { ...page, helpOpen: true })).toEqual({
      command: { do: 'close help' },
      preventDefault: true,
    });
    expect(keyCommand(press('Escape'), { ...page, typing: true })).toEqual({
      command: { do: 'leave text box' },
      preventDefault: false,
    });
    expect(isTyping({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTyping({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTyping({ tagName: 'BUTTON' })).toBe(false);
    expect(isTyping(null)).toBe(false);
  });
});

describe('queue navigation', () => {
  test('next and previous stop at the ends; pages count from 1 for people', () => {
    expect(nextIndex(0, 3)).toBe(1);
    expect(nextIndex(2, 3)).toBe(2);
    expect(nextIndex(0, 0)).toBe(0);
    expect(previousIndex(0)).toBe(0);
    expect(pageRange(1, 20, 45)).toEqual({ first: 21, last: 40, lastPage: 2 });
    expect(pageRange(0, 20, 0)).toEqual({ first: 1, last: 0, lastPage: 0 });
    expect(toggled(['a', 'b'], 'a')).toEqual(['b']);
    expect(toggled(['a'], 'b')).toEqual(['a', 'b']);
  });
});

describe('blurb box', () => {
  test('warns about an email address or a phone number', () => {
    expect(blurbContactWarning('Ask Ana at ana@school.example')).toMatch(/email address/);
    expect(blurbContactWarning('Call 555-123-4567')).toMatch(/phone number/);
    expect(blurbContactWarning('Ask Ana in the library')).toBe('');
  });

  test('a newly arrived blurb never throws away what the leader typed', () => {
    const before = { id: 'W-0001', blurb: '' };
    expect(blurbToShow(before, { id: 'W-0001', blurb: '' }, 'typing…')).toBe('typing…');
    expect(blurbToShow(before, { id: 'W-0001', blurb: 'saved elsewhere' }, '')).toBe('saved elsewhere');
    expect(blurbToShow(before, { id: 'W-0002', blurb: 'next win' }, 'typing…')).toBe('next win');
  });
});

describe('goals the sidebar cannot offer as chips', () => {
  test('a suggested goal that is not an active goal is listed, unless the win already carries it', () => {
    const active = [
      { name: 'Reading for all', description: '' },
      { name: 'Math confidence', description: '' },
    ];
    expect(unknownSuggestions({ goals: [], suggestedGoals: ['Outdoor learning', 'Reading for all'] }, active)).toEqual([
      'Outdoor learning',
    ]);
    expect(unknownSuggestions({ goals: ['Outdoor learning'], suggestedGoals: ['Outdoor learning'] }, active)).toEqual(
      [],
    );
    expect(unknownSuggestions({ goals: [], suggestedGoals: [] }, active)).toEqual([]);
  });
});

describe("dates in the school's time zone", () => {
  test("a win sent late in the evening in the school shows that evening's date, whatever the browser's zone", () => {
    // 02:30 UTC on 28 November is 21:30 on 27 November in New York and 11:30 on 28 November in Tokyo.
    const iso = '2026-11-28T02:30:00.000Z';
    expect(shortDate(iso, 'America/New_York')).toMatch(/27/);
    expect(shortDate(iso, 'Asia/Tokyo')).toMatch(/28/);
    expect(shortDate(iso, 'America/New_York')).toMatch(/2026/);
  });

  test('no date, text that is not a date, or an unknown zone never throw', () => {
    expect(shortDate('', 'America/New_York')).toBe('');
    expect(shortDate('soon', 'America/New_York')).toBe('');
    expect(shortDate('2026-11-28T12:00:00.000Z', 'Not/AZone')).toMatch(/28/);
  });
});
