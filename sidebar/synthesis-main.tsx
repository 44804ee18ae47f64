// The Year-end synthesis dialog: choose the school year and the goals, make one Doc per goal, and link every Doc
// (with what a run cut short by Apps Script's time limit leaves for the clock to finish).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { safeLink } from './triage/format';
import type { SynthesisEndpoints, SynthesisRunView, SynthesisView } from '../src/synthesis-api';
import { closeDialog, readableError, serverClient } from './client';
import './settings.css';

const server = serverClient<SynthesisEndpoints>('Small Wins → Year-end synthesis…');

/** The synthesis keeps "No goal yet" apart from the goals (the server's NO_GOAL_KEY). */
const NO_GOAL_KEY = 'no-goal';

const STATES: Record<string, string> = {
  made: 'made',
  updated: 'made again (Our notes kept)',
  waiting: 'still to make',
  'left alone': 'left alone',
  'no entries': 'no entries this year',
};

function RunResult({ run }: { run: SynthesisRunView }) {
  return (
    <section aria-labelledby="result-title">
      <h2 id="result-title">Docs for {run.year}</h2>
      <p class={`status ${run.finished ? 'good' : ''}`} role="status">
        {run.message}
      </p>
      <ul class="docs">
        {run.docs.map((d) => {
          const url = safeLink(d.url);
          return (
            <li key={d.key}>
              {url ? <a href={url}>{d.name}</a> : <span>{d.name}</span>} — {STATES[d.state] ?? d.state}
              {d.note && <span class="hint"> {d.note}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function App() {
  const [view, setView] = useState<SynthesisView | null>(null);
  const [year, setYear] = useState<number>(0);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<SynthesisRunView | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    server
      .synthesisOpen()
      .then((v) => {
        setView(v);
        setYear(v.defaultYear);
        setChosen([...v.goals.filter((g) => g.active).map((g) => g.key), NO_GOAL_KEY]);
        setRun(v.lastRun);
      })
      .catch((err) => setError(readableError(err)));
  }, []);

  if (!view)
    return error ? (
      <p class="status bad" role="alert">
        {error}
      </p>
    ) : (
      <p class="loading">Loading the goals…</p>
    );

  const toggle = (key: string, on: boolean) =>
    setChosen((list) => (on ? [...list.filter((k) => k !== key), key] : list.filter((k) => k !== key)));

  async function submit(e: Event) {
    e.preventDefault();
    setError('');
    if (!chosen.length) {
      setError('Choose at least one goal.');
      return;
    }
    setBusy(true);
    try {
      setRun(await server.synthesisRun({ startYear: year, goals: chosen }));
    } catch (err) {
      setError(readableError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-busy={busy ? 'true' : 'false'}>
      <h1>Year-end synthesis</h1>
      <p>
        One Google Doc per goal for staff to reflect on together: the year at a glance, month by month, what we did in
        staff&rsquo;s own words, what we learned, the spotlight, the goal&rsquo;s showcase practices, prompts to reflect
        together and every entry. Running it again rewrites each Doc above its last <strong>Our notes</strong> heading
        and keeps everything staff wrote below it.
      </p>
      <label for="year">School year</label>
      <select id="year" value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))}>
        {view.years.map((y) => (
          <option key={y.startYear} value={String(y.startYear)}>
            {y.label} ({y.span})
          </option>
        ))}
      </select>
      <fieldset>
        <legend>Goals</legend>
        {view.goals.map((g) => (
          <label class="inline" key={g.key}>
            <input
              type="checkbox"
              checked={chosen.includes(g.key)}
              onChange={(e) => toggle(g.key, e.currentTarget.checked)}
            />{' '}
            {g.name}
            {!g.active && <span class="hint"> (not active)</span>}
          </label>
        ))}
        <label class="inline">
          <input
            type="checkbox"
            checked={chosen.includes(NO_GOAL_KEY)}
            onChange={(e) => toggle(NO_GOAL_KEY, e.currentTarget.checked)}
          />{' '}
          Entries with no goal yet <span class="hint">(a Doc only when there are any)</span>
        </label>
      </fieldset>
      {error && (
        <p class="status bad" role="alert">
          {error}
        </p>
      )}
      {busy && (
        <p class="status" role="status">
          Making the Docs… a year of entries can take a few minutes.
        </p>
      )}
      {run && !busy && <RunResult run={run} />}
      <div class="actions">
        <button class="primary" type="submit" disabled={busy}>
          {run ? 'Make the Docs again' : 'Make the Docs'}
        </button>
        <button type="button" onClick={closeDialog}>
          Close
        </button>
      </div>
    </form>
  );
}

render(<App />, document.getElementById('app')!);
