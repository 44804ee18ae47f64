// The district hub's Settings page (dev/build.mjs bundles it into dist-hub/HubSettings.html): the district's name,
// the principals the showcase digest is drafted to, and the BigQuery project and dataset. Checked here as you save,
// and again on the server.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { validateHubSettings } from '../../src/hub/domain/hub-settings';
import type { HubSettingsEndpoints, HubSettingsField, HubSettingsInput, HubSettingsView } from '../../src/hub/hub-api';
import { closeDialog, readableError, serverClient } from '../client';
import { described, Field } from '../form-field';
import '../settings.css';

const server = serverClient<HubSettingsEndpoints>('District hub → Settings');

type Errors = Partial<Record<HubSettingsField, string>>;

function App() {
  const [view, setView] = useState<HubSettingsView | null>(null);
  const [input, setInput] = useState<HubSettingsInput | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<{ text: string; tone: '' | 'good' | 'bad' } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    server
      .hubSettingsOpen()
      .then((v) => {
        setView(v);
        setInput(v.input);
        document.getElementById('app')?.removeAttribute('aria-busy');
      })
      .catch((e) => setStatus({ text: readableError(e), tone: 'bad' }));
  }, []);

  if (!view || !input)
    return status ? <p class={`status ${status.tone}`}>{status.text}</p> : <p class="loading">Loading the settings…</p>;

  const update = (patch: Partial<HubSettingsInput>) => setInput({ ...input, ...patch });
  const save = async (e: Event) => {
    e.preventDefault();
    const local = validateHubSettings(input);
    if (!local.ok) {
      setErrors(local.errors);
      setStatus({ text: 'Some settings need a fix before they can be saved.', tone: 'bad' });
      document.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    setBusy(true);
    try {
      const r = await server.hubSettingsSave(input);
      if (r.ok) {
        setView(r.view);
        setInput(r.view.input);
        setErrors({});
        setStatus({ text: r.message, tone: 'good' });
      } else {
        setErrors(r.errors);
        setStatus({ text: r.message, tone: 'bad' });
      }
    } catch (err) {
      setStatus({ text: readableError(err), tone: 'bad' });
    } finally {
      setBusy(false);
    }
  };

  const field = (id: HubSettingsField, label: string, hint?: string, area = false) => (
    <Field id={id} label={label} hint={hint} error={errors[id]}>
      {area ? (
        <textarea
          id={id}
          value={input[id]}
          onInput={(e) => update({ [id]: e.currentTarget.value })}
          {...described(id, errors[id], hint)}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={input[id]}
          onInput={(e) => update({ [id]: e.currentTarget.value })}
          {...described(id, errors[id], hint)}
        />
      )}
    </Field>
  );

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <h1 class="sr-only">District hub settings</h1>
      {status && (
        <p class={`status ${status.tone}`} role="status" aria-live="polite">
          {status.text}
        </p>
      )}
      <p class="hint">
        The hub runs as {view.account}: schools share their district exports with this account. {view.schools} school
        {view.schools === 1 ? '' : 's'} in the Schools sheet. {view.pull}
      </p>
      {field('districtName', 'District name')}
      {field(
        'principals',
        'Principals (showcase digest)',
        'Email addresses or a Google Group, separated by commas. The digest is a Gmail draft to them: it is never sent automatically.',
        true,
      )}
      <h2>BigQuery (optional)</h2>
      <p class="hint">
        For Looker Studio over years and hundreds of schools: District hub → Export to BigQuery loads Progress and
        Practices here.
      </p>
      {field('bigQueryProject', 'Google Cloud project ID')}
      {field('bigQueryDataset', 'Dataset ID', 'For example small_wins. Create it in BigQuery first.')}
      <div class="actions">
        <button class="primary" type="submit" disabled={busy}>
          Save settings
        </button>
        <button type="button" onClick={closeDialog}>
          Close
        </button>
      </div>
    </form>
  );
}

render(<App />, document.getElementById('app')!);
