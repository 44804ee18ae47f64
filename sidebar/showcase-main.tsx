// The Showcase dialog (dev/build.mjs bundles it into dist/Showcase.html): the school's practices, and the one-page
// questionnaire to describe one — what it is (300 words at most, counted as you type), its goal, its impact with the
// linked wins as evidence, what it takes — with the tier the wins' dates suggest. Save, nominate or withdraw.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { countWords, DESCRIPTION_WORDS, TIERS } from '../src/domain/showcase';
import type {
  LinkedWinView,
  PracticeInput,
  PracticeInputField,
  PracticeView,
  ShowcaseAction,
  ShowcaseEndpoints,
  ShowcaseView,
  TierSuggestionView,
} from '../src/spread-api';
import { closeDialog, readableError, serverClient } from './client';
import { described, Field } from './form-field';
import { shortDate } from './dates';
import './settings.css';
import './showcase.css';

const server = serverClient<ShowcaseEndpoints>('Small Wins → Showcase practices');

type Errors = Partial<Record<PracticeInputField, string>>;
type Status = { text: string; tone: '' | 'good' | 'bad' } | null;

interface Editing {
  id: string;
  version: string;
  status: string;
  input: PracticeInput;
  wins: LinkedWinView[];
  suggestion: TierSuggestionView;
}

const EMPTY: PracticeInput = {
  name: '',
  goal: '',
  description: '',
  impact: '',
  gradeBand: '',
  whoBenefits: '',
  whatItTakes: '',
  conditions: '',
  contact: '',
  hostVisits: false,
  tier: '',
  winIds: [],
};

function editingOf(p: PracticeView): Editing {
  const { id, version, status, wins, suggestion, ...rest } = p;
  const input: PracticeInput = {
    name: rest.name,
    goal: rest.goal,
    description: rest.description,
    impact: rest.impact,
    gradeBand: rest.gradeBand,
    whoBenefits: rest.whoBenefits,
    whatItTakes: rest.whatItTakes,
    conditions: rest.conditions,
    contact: rest.contact,
    hostVisits: rest.hostVisits,
    tier: rest.tier,
    winIds: rest.winIds,
  };
  return { id, version, status, input, wins, suggestion };
}

function WinsList(props: { wins: LinkedWinView[]; remove: (id: string) => void; disabled: boolean; timeZone: string }) {
  if (!props.wins.length) return <p class="hint">No wins linked yet.</p>;
  return (
    <ul class="linked">
      {props.wins.map((w) => (
        <li key={w.id}>
          <span>
            <b>{w.id}</b> {w.found ? w.headline : '(not in the Wins log)'}{' '}
            <span class="hint">{shortDate(w.submittedAt, props.timeZone) || 'no date'}</span>
            <span class="hint">
              {' · '}
              {!w.found
                ? 'remove it'
                : !w.approved
                  ? 'not approved'
                  : w.reachesDistrict
                    ? 'its story goes to the district'
                    : 'counted only (its consent or privacy keeps the story here)'}
            </span>
          </span>
          <button
            type="button"
            disabled={props.disabled}
            onClick={() => props.remove(w.id)}
            aria-label={`Remove ${w.id}`}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

function Editor(props: {
  editing: Editing;
  goals: string[];
  timeZone: string;
  busy: boolean;
  errors: Errors;
  setEditing: (e: Editing) => void;
  save: (action: ShowcaseAction) => void;
  back: () => void;
}) {
  const { editing, errors, busy } = props;
  const { input } = editing;
  const [addId, setAddId] = useState('');
  const update = (patch: Partial<PracticeInput>) => props.setEditing({ ...editing, input: { ...input, ...patch } });
  const words = countWords(input.description);
  const relink = async (winIds: string[]) => {
    const r = await server.showcaseWins(winIds);
    props.setEditing({ ...editing, input: { ...input, winIds }, wins: r.wins, suggestion: r.suggestion });
  };
  const nominated = editing.status === 'Nominated';
  const text = (id: keyof PracticeInput, label: string, hint?: string, area = false) => {
    const value = String(input[id]);
    const onInput = (e: Event) => update({ [id]: (e.currentTarget as HTMLInputElement).value });
    return (
      <Field id={id} label={label} hint={hint} error={errors[id]}>
        {area ? (
          <textarea id={id} value={value} onInput={onInput} {...described(id, errors[id], !!hint)} />
        ) : (
          <input id={id} type="text" value={value} onInput={onInput} {...described(id, errors[id], !!hint)} />
        )}
      </Field>
    );
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        props.save(nominated ? 'save' : 'nominate');
      }}
      noValidate
    >
      <h2>{editing.id ? `${editing.id} · ${editing.status || 'Draft'}` : 'New showcase practice'}</h2>
      {text('name', 'Practice name')}
      <Field id="goal" label="Goal it serves" error={errors.goal}>
        <select
          id="goal"
          value={input.goal}
          onChange={(e) => update({ goal: e.currentTarget.value })}
          {...described('goal', errors.goal)}
        >
          <option value="">Choose a goal</option>
          {[...new Set([...props.goals, ...(input.goal ? [input.goal] : [])])].map((g) => (
            <option key={g} value={g}>
              {g}
            </option>
          ))}
        </select>
      </Field>
      <Field id="description" label="What it is" error={errors.description}>
        <textarea
          id="description"
          class="tall"
          value={input.description}
          onInput={(e) => update({ description: e.currentTarget.value })}
          {...described('description', errors.description)}
          aria-describedby={['description-count', errors.description ? 'description-error' : '']
            .filter(Boolean)
            .join(' ')}
        />
        <p id="description-count" class={`hint ${words > DESCRIPTION_WORDS ? 'over' : ''}`} aria-live="polite">
          {words} of {DESCRIPTION_WORDS} words
        </p>
      </Field>
      {text(
        'impact',
        'Impact, with evidence',
        'What changed for students or staff, and how you know. The linked wins below are the evidence.',
        true,
      )}
      <fieldset>
        <legend>Linked wins</legend>
        <WinsList
          wins={editing.wins}
          timeZone={props.timeZone}
          disabled={busy}
          remove={(id) => void relink(input.winIds.filter((x) => x !== id))}
        />
        <div class="row add">
          <div>
            <label for="add-win">Add a win by ID</label>
            <input
              id="add-win"
              type="text"
              value={addId}
              placeholder="W-0012"
              onInput={(e) => setAddId(e.currentTarget.value)}
              {...described('winIds', errors.winIds)}
            />
          </div>
          <button
            type="button"
            disabled={busy || !addId.trim()}
            onClick={() => {
              void relink([...input.winIds, addId.trim()]);
              setAddId('');
            }}
          >
            Add
          </button>
        </div>
        {errors.winIds && (
          <p class="error" id="winIds-error" role="alert">
            {errors.winIds}
          </p>
        )}
      </fieldset>
      <div class="row">
        <div>{text('gradeBand', 'Grade band')}</div>
        <div>{text('whoBenefits', 'Who benefits')}</div>
      </div>
      {text('whatItTakes', 'What it takes', 'Time, cost and training another school would need.', true)}
      {text('conditions', 'Conditions it depends on', undefined, true)}
      {text('contact', 'Contact', 'Whom another school can ask (name and email).')}
      <label class="inline">
        <input
          type="checkbox"
          checked={input.hostVisits}
          onChange={(e) => update({ hostVisits: e.currentTarget.checked })}
        />{' '}
        Willing to host a visit
      </label>
      <fieldset aria-describedby="tier-hint">
        <legend>Tier</legend>
        {TIERS.map((t) => (
          <label class="inline" key={t}>
            <input type="radio" name="tier" value={t} checked={input.tier === t} onChange={() => update({ tier: t })} />{' '}
            {t}
            {t === editing.suggestion.tier ? ' (suggested)' : ''}
          </label>
        ))}
        <p class="hint" id="tier-hint">
          Emerging: stories so far. Promising: a term or more of evidence. Proven: a year or more.{' '}
          {editing.suggestion.reason}
        </p>
        {errors.tier && (
          <p class="error" role="alert">
            {errors.tier}
          </p>
        )}
      </fieldset>
      <div class="actions">
        {!nominated && (
          <button type="submit" class="primary" disabled={busy}>
            Nominate
          </button>
        )}
        {nominated && (
          <button type="submit" class="primary" disabled={busy}>
            Save changes
          </button>
        )}
        {!nominated && (
          <button type="button" disabled={busy} onClick={() => props.save('save')}>
            Save draft
          </button>
        )}
        {nominated && (
          <button type="button" disabled={busy} onClick={() => props.save('withdraw')}>
            Withdraw
          </button>
        )}
        <button type="button" disabled={busy} onClick={props.back}>
          Back to the list
        </button>
      </div>
    </form>
  );
}

function App() {
  const [view, setView] = useState<ShowcaseView | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const [focusError, setFocusError] = useState(0);
  useEffect(() => {
    if (focusError) document.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }, [focusError]);

  useEffect(() => {
    server
      .showcaseOpen()
      .then((v) => {
        setView(v);
        if (v.start)
          setEditing({
            id: '',
            version: '',
            status: 'Draft',
            input: { ...EMPTY, winIds: v.start.winIds, tier: v.start.suggestion.tier },
            wins: v.start.wins,
            suggestion: v.start.suggestion,
          });
        document.getElementById('app')?.removeAttribute('aria-busy');
      })
      .catch((e) => setStatus({ text: readableError(e), tone: 'bad' }));
  }, []);

  const save = async (action: ShowcaseAction) => {
    if (!editing) return;
    if (countWords(editing.input.description) > DESCRIPTION_WORDS) {
      setErrors({ description: `Keep "What it is" to ${DESCRIPTION_WORDS} words.` });
      setStatus({ text: 'Some fields need a fix before this practice can be saved.', tone: 'bad' });
      setFocusError((n) => n + 1);
      return;
    }
    setBusy(true);
    setStatus({ text: 'Saving…', tone: '' });
    try {
      const r = await server.showcaseSave({
        id: editing.id,
        version: editing.version,
        action,
        practice: editing.input,
      });
      if (r.ok) {
        setErrors({});
        setView(view ? { ...view, practices: r.practices } : view);
        setEditing(editingOf(r.practice));
        setStatus({ text: r.message, tone: 'good' });
      } else {
        setErrors(r.errors);
        if (r.current) setEditing(editingOf(r.current));
        setStatus({ text: r.message, tone: 'bad' });
        setFocusError((n) => n + 1);
      }
    } catch (err) {
      setStatus({ text: readableError(err), tone: 'bad' });
    } finally {
      setBusy(false);
    }
  };

  if (!view)
    return status ? (
      <p class={`status ${status.tone}`}>{status.text}</p>
    ) : (
      <p class="loading">Loading the practices…</p>
    );

  return (
    <main>
      <h1>Showcase practices</h1>
      {status && (
        <p class={`status ${status.tone}`} role="status" aria-live="polite">
          {status.text}
        </p>
      )}
      {editing ? (
        <Editor
          editing={editing}
          goals={view.goals}
          timeZone={view.timeZone}
          busy={busy}
          errors={errors}
          setEditing={setEditing}
          save={(a) => void save(a)}
          back={() => {
            setEditing(null);
            setErrors({});
          }}
        />
      ) : (
        <>
          <p class="hint">{view.sharing}</p>
          {view.practices.length === 0 ? (
            <p>
              No practice yet. In Small Wins → Triage wins, open an approved win (or select several) and choose Nominate
              as a showcase practice.
            </p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">ID</th>
                  <th scope="col">Practice</th>
                  <th scope="col">Status</th>
                  <th scope="col">Tier</th>
                  <th scope="col">
                    <span class="hint">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.practices.map((p) => (
                  <tr key={p.id}>
                    <td>{p.id}</td>
                    <td>{p.name}</td>
                    <td>{p.status}</td>
                    <td>{p.tier}</td>
                    <td>
                      <button type="button" onClick={() => setEditing(editingOf(p))} aria-label={`Open ${p.id}`}>
                        Open
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div class="actions">
            <button type="button" onClick={closeDialog}>
              Close
            </button>
          </div>
        </>
      )}
    </main>
  );
}

render(<App />, document.getElementById('app')!);
