// The keyboard help overlay: a modal dialog listing KEYS, with focus on its Close button while it is open.
import { useEffect, useRef } from 'preact/hooks';
import { KEYS } from './keys';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeRef.current?.focus();
  }, []);
  return (
    <div class="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title">
      <div class="dialog">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <dl>
          {KEYS.map(([k, what]) => (
            <>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{what}</dd>
            </>
          ))}
        </dl>
        <button ref={closeRef} type="button" class="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
