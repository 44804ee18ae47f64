// Settings: each audience's edition (greeting, sign-off, the fewest wins a scheduled issue needs), and what the
// schedule will do next (the next run in words, wins waiting per audience, what the last scheduled run left out).
import type { Audience, EditionInput, SettingsField } from '../src/domain/settings';
import { defaultGreeting, MAX_MIN_WINS } from '../src/domain/settings';
import type { ScheduleView } from '../src/settings-api';
import { described } from './form-field';

const EMPTY: EditionInput = { greeting: '', signoff: '', minWins: '1' };

function ErrorText(props: { id: string; error?: string }) {
  return props.error ? (
    <p class="error" id={`${props.id}-error`} role="alert">
      {props.error}
    </p>
  ) : null;
}

/** The audience's greeting, sign-off and fewest wins, inside its fieldset. */
export function EditionFields(props: {
  audience: Audience;
  value: EditionInput | undefined;
  errors: Partial<Record<SettingsField, string>>;
  signoffDefault: string;
  onChange: (next: EditionInput) => void;
}) {
  const a = props.audience;
  const v = props.value ?? EMPTY;
  const set = (patch: Partial<EditionInput>) => props.onChange({ ...v, ...patch });
  const ids = { greeting: `greeting-${a}`, signoff: `signoff-${a}`, minWins: `minWins-${a}` };
  const err = {
    greeting: props.errors[`greeting.${a}`],
    signoff: props.errors[`signoff.${a}`],
    minWins: props.errors[`minWins.${a}`],
  };
  return (
    <div class="edition">
      <div>
        <label for={ids.greeting}>
          Greeting<span class="sr-only"> for {a}</span>
        </label>
        <input
          id={ids.greeting}
          type="text"
          value={v.greeting}
          placeholder={defaultGreeting(a)}
          onInput={(e) => set({ greeting: e.currentTarget.value })}
          {...described(ids.greeting, err.greeting, true)}
        />
        <p class="hint" id={`${ids.greeting}-hint`}>
          Opens the newsletter. Empty: “{defaultGreeting(a)}”
        </p>
        <ErrorText id={ids.greeting} error={err.greeting} />
      </div>
      <div>
        <label for={ids.signoff}>
          Sign-off<span class="sr-only"> for {a}</span>
        </label>
        <textarea
          id={ids.signoff}
          rows={2}
          value={v.signoff}
          placeholder={props.signoffDefault}
          onInput={(e) => set({ signoff: e.currentTarget.value })}
          {...described(ids.signoff, err.signoff, true)}
        />
        <p class="hint" id={`${ids.signoff}-hint`}>
          Closes the newsletter (up to five lines). Empty: “{props.signoffDefault.replace('\n', ' ')}”
        </p>
        <ErrorText id={ids.signoff} error={err.signoff} />
      </div>
      <div>
        <label for={ids.minWins}>
          Skip a scheduled issue with fewer wins than<span class="sr-only"> for {a}</span>
        </label>
        <input
          id={ids.minWins}
          type="number"
          min="1"
          max={String(MAX_MIN_WINS)}
          step="1"
          inputMode="numeric"
          value={String(v.minWins)}
          onInput={(e) => set({ minWins: e.currentTarget.value })}
          {...described(ids.minWins, err.minWins, true)}
        />
        <p class="hint" id={`${ids.minWins}-hint`}>
          The wins wait for the next issue. Draft newsletter now always drafts.
        </p>
        <ErrorText id={ids.minWins} error={err.minWins} />
      </div>
    </div>
  );
}

function winsWord(n: number): string {
  return n === 0 ? 'no wins' : n === 1 ? '1 win' : `${n} wins`;
}

/** The next run in words, the wins waiting per audience, and the last scheduled run's notes. */
export function ScheduleNotes(props: { schedule: ScheduleView | undefined }) {
  const s = props.schedule;
  if (!s) return null;
  return (
    <div class="schedule-notes">
      {s.nextRun && (
        <p id="next-run">
          <strong>Next issue:</strong> {s.nextRun}.
        </p>
      )}
      {s.waiting.length > 0 && (
        <p id="waiting">
          <strong>Waiting now:</strong>{' '}
          {s.waiting
            .map(
              (w) =>
                `${w.audience} ${winsWord(w.wins)}${w.atLeast > 1 ? ` (a scheduled issue needs ${w.atLeast})` : ''}`,
            )
            .join(', ')}
          .
        </p>
      )}
      {s.lastRun && s.lastRun.lines.length > 0 && (
        <div id="last-run">
          <h3>Last scheduled run ({s.lastRun.at})</h3>
          <ul>
            {s.lastRun.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
