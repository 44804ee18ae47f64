// The public blurb box of the current win: typing, the contact warning and length line as the leader types,
// and Save blurb. A blurb arriving from the server never replaces text typed since the last one arrived.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TriageChange, WinView } from '../../src/api';
import { blurbContactWarning, blurbToShow } from './blurb';

interface BlurbProps {
  win: WinView;
  limit: number;
  /** The class marking the box as changed by someone else ('' when not). */
  mark: string;
  save: (w: WinView, c: TriageChange, what: string) => Promise<boolean>;
}

export function BlurbEditor({ win, limit, mark, save }: BlurbProps) {
  const [blurb, setBlurb] = useState(win.blurb);
  // The saved blurb last shown, to tell the leader's typing from a blurb that arrived.
  const shown = useRef({ id: win.id, blurb: win.blurb });
  useEffect(() => {
    const before = shown.current;
    shown.current = { id: win.id, blurb: win.blurb };
    setBlurb((typed) => blurbToShow(before, win, typed));
  }, [win.id, win.version]);
  const over = blurb.length > limit;

  return (
    <>
      <label class="blurb">
        Public blurb
        <textarea
          class={mark}
          rows={4}
          value={blurb}
          disabled={win.truncated}
          onInput={(e) => setBlurb((e.target as HTMLTextAreaElement).value)}
          aria-describedby="blurb-count blurb-contact"
        />
      </label>
      {/* The same checks the server's warnings make, while the leader types (before anything is saved). */}
      <p id="blurb-contact" class="over small" role="status">
        {blurbContactWarning(blurb)}
      </p>
      <div class="blurb-row">
        <span id="blurb-count" class={over ? 'over' : 'muted'}>
          {blurb.length} / {limit} characters{over ? ': long for a newsletter' : ''}
        </span>
        <button
          type="button"
          disabled={blurb === win.blurb || win.truncated}
          onClick={() => void save(win, { blurb }, 'Blurb saved')}
        >
          Save blurb
        </button>
      </div>
    </>
  );
}
