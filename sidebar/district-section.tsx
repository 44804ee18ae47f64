// Settings → "Share with the district": the district account, sharing on or off, the export's link and when it was
// last updated. Its own buttons and server calls: it never saves the rest of the Settings form.
import { useEffect, useState } from 'preact/hooks';
import type { DistrictEndpoints, DistrictResult, DistrictView } from '../src/spread-api';
import { readableError, serverClient } from './client';

const server = serverClient<DistrictEndpoints>('Small Wins → Settings');

export function DistrictSection() {
  const [view, setView] = useState<DistrictView | null>(null);
  const [district, setDistrict] = useState('');
  const [draftEmail, setDraftEmail] = useState(true);
  const [status, setStatus] = useState<{ text: string; tone: '' | 'good' | 'bad' } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    server
      .districtOpen()
      .then((v) => {
        setView(v);
        setDistrict(v.district);
      })
      .catch((e) => setStatus({ text: readableError(e), tone: 'bad' }));
  }, []);

  const run = async (what: string, call: () => Promise<DistrictResult>) => {
    setBusy(true);
    setStatus({ text: what, tone: '' });
    try {
      const r = await call();
      setView(r.view);
      setStatus({ text: r.message, tone: r.ok ? 'good' : 'bad' });
    } catch (err) {
      setStatus({ text: readableError(err), tone: 'bad' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="district-heading">
      <h2 id="district-heading">Share with the district</h2>
      <p class="hint">
        Small Wins makes a separate spreadsheet for the district — nominated showcase practices and counts of progress
        per goal and month — and shares it with the district account as a viewer. The district never sees the log: no
        Staff only story, no student's name, no submitter's email. It is updated every day and whenever a practice is
        nominated or withdrawn.
      </p>
      {status && (
        <p class={`status ${status.tone}`} role="status" aria-live="polite">
          {status.text}
        </p>
      )}
      {view && (
        <>
          <label for="district">District account</label>
          <input
            id="district"
            type="email"
            value={district}
            disabled={busy || (view.sharing && !view.mine)}
            placeholder="district@yourdistrict.org"
            onInput={(e) => setDistrict(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter here must not save the rest of the Settings form.
              if (e.key === 'Enter') e.preventDefault();
            }}
          />
          {view.url && (
            <p class="hint">
              {view.sharing ? `Shared with ${view.district}. ` : 'Not shared now. '}
              <a href={view.url}>Open the district export</a>
              {view.refreshed ? ` · ${view.refreshed}` : ''} · {view.nominated} nominated practice
              {view.nominated === 1 ? '' : 's'}
              {!view.mine ? ` · made from ${view.owner}'s account` : ''}
            </p>
          )}
          {view.problem && (
            <p class="error" role="alert">
              {view.problem}
            </p>
          )}
          <label class="inline">
            <input type="checkbox" checked={draftEmail} onChange={(e) => setDraftEmail(e.currentTarget.checked)} /> Also
            prepare a Gmail draft to the district with the link
          </label>
          <div class="actions">
            <button
              type="button"
              class="primary"
              disabled={busy || !district.trim()}
              onClick={() =>
                void run('Sharing…', () => server.districtShare({ district: district.trim(), draftEmail }))
              }
            >
              {view.sharing ? 'Save and share' : 'Start sharing'}
            </button>
            {view.sharing && (
              <>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void run('Updating…', () => server.districtRefresh())}
                >
                  Update now
                </button>
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void run('Stopping…', () => server.districtStop())}
                >
                  Stop sharing
                </button>
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}
