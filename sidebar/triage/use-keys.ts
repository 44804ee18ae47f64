// The triage sidebar's one keydown listener on the document: maps each press through keys.ts and hands the
// command to the page (leaving a text box on Esc is done here, as it needs the event's target).
import { useEffect, useRef } from 'preact/hooks';
import { isTyping, keyCommand, type KeyCommand } from './keys';

export interface KeyTarget {
  helpOpen: boolean;
  hasWin: boolean;
  run(command: KeyCommand): void;
}

/** Listens for the page's whole life; each press sees the newest `target` (the latest render's state). */
export function useKeys(target: KeyTarget): void {
  const latest = useRef(target);
  latest.current = target;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = latest.current;
      const outcome = keyCommand(e, {
        typing: isTyping(e.target as HTMLElement | null),
        helpOpen: t.helpOpen,
        hasWin: t.hasWin,
      });
      if (!outcome) return;
      if (outcome.command.do === 'leave text box') (e.target as HTMLElement).blur();
      else t.run(outcome.command);
      if (outcome.preventDefault) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
