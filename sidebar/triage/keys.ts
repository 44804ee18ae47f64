// The triage sidebar's keyboard map: the list the help overlay shows, and which command a key press means
// given the page's state (help open, typing in a box, a current win). Plain functions, no DOM listeners.
import type { TriageAction } from './model';

/** The keys as the help overlay lists them. */
export const KEYS: Array<[string, string]> = [
  ['j or ↓', 'Next win'],
  ['k or ↑', 'Previous win'],
  ['1 – 9', 'Toggle the goal with that number'],
  ['a', 'Approve'],
  ['f', 'Feature (approves it too)'],
  ['n', 'Needs info'],
  ['e', 'Archive'],
  ['x', 'Select or unselect the win for a group action'],
  ['/', 'Search'],
  ['u', 'Undo the last change'],
  ['?', 'Show or hide this help'],
  ['Esc', 'Close help or leave a text box'],
];

export type KeyCommand =
  | { do: 'next' | 'previous' | 'select' | 'undo' | 'search' | 'open help' | 'close help' | 'leave text box' }
  | { do: 'act'; action: TriageAction }
  /** The goal with that number (1-based) in the goal chips. */
  | { do: 'goal'; number: number };

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export interface KeyContext {
  /** The key went to a text box, list box or editable text. */
  typing: boolean;
  helpOpen: boolean;
  hasWin: boolean;
}

/** A command and whether the browser's own use of the key is to be stopped. */
export interface KeyOutcome {
  command: KeyCommand;
  preventDefault: boolean;
}

const ACTION_KEYS = new Map<string, TriageAction>([
  ['a', 'approve'],
  ['f', 'feature'],
  ['n', 'needs'],
  ['e', 'archive'],
]);

/** What a key press does; null when the sidebar leaves it alone (typing, modifier keys, unknown keys). */
export function keyCommand(press: KeyPress, ctx: KeyContext): KeyOutcome | null {
  const k = press.key;
  if (k === 'Escape') {
    if (ctx.helpOpen) return { command: { do: 'close help' }, preventDefault: true };
    if (ctx.typing) return { command: { do: 'leave text box' }, preventDefault: false };
    return null;
  }
  if (press.ctrlKey || press.metaKey || press.altKey || ctx.typing) return null;
  if (ctx.helpOpen) return k === '?' ? { command: { do: 'close help' }, preventDefault: false } : null;
  const command = pageCommand(k, ctx.hasWin);
  return command && { command, preventDefault: true };
}

function pageCommand(k: string, hasWin: boolean): KeyCommand | null {
  if (k === 'j' || k === 'ArrowDown') return { do: 'next' };
  if (k === 'k' || k === 'ArrowUp') return { do: 'previous' };
  if (/^[1-9]$/.test(k)) return { do: 'goal', number: Number(k) };
  const action = ACTION_KEYS.get(k);
  if (action) return { do: 'act', action };
  if (k === 'x' && hasWin) return { do: 'select' };
  if (k === 'u') return { do: 'undo' };
  if (k === '/') return { do: 'search' };
  if (k === '?') return { do: 'open help' };
  return null;
}

/** Whether the element takes typed text (keys then belong to it, not to the sidebar). */
export function isTyping(el: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!el || !el.tagName) return false;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || !!el.isContentEditable;
}
