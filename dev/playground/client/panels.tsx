// The playground's other surfaces: the intake Form as a fillable form, the Docs and Gmail drafts the add-on made,
// the installed triggers with the clock control, and the activity log with each action's service calls.
import { useEffect, useRef, useState } from 'preact/hooks';
import type {
  ActivityEntry,
  DocBlockView,
  DocView,
  DraftView,
  FormQuestionView,
  FormView,
  PlaygroundView,
} from '../types';
import { costLine, formatTime, type Act } from './format';

type Answers = Record<string, string | string[]>;

function Question({
  q,
  value,
  set,
}: {
  q: FormQuestionView;
  value: string | string[] | undefined;
  set: (v: string | string[]) => void;
}) {
  const id = `q-${q.id}`;
  const help = q.helpText ? (
    <div class="help" id={`${id}-help`}>
      {q.helpText}
    </div>
  ) : null;
  const star = q.required ? (
    <span class="required" aria-hidden="true">
      {' '}
      *
    </span>
  ) : null;
  if (q.type === 'SECTION_HEADER' || q.type === 'PAGE_BREAK') {
    return (
      <div class="form-section">
        <h3>{q.title}</h3>
        {help}
      </div>
    );
  }
  if (q.type === 'TEXT' || q.type === 'PARAGRAPH_TEXT') {
    const props = {
      id,
      required: q.required,
      'aria-describedby': q.helpText ? `${id}-help` : undefined,
      value: typeof value === 'string' ? value : '',
      onInput: (e: Event) => set((e.target as HTMLInputElement).value),
      dir: 'auto' as const,
    };
    return (
      <div class="question">
        <label for={id}>
          {q.title}
          {star}
        </label>
        {help}
        {q.type === 'TEXT' ? <input type="text" {...props} /> : <textarea rows={4} {...props} />}
      </div>
    );
  }
  if (q.type === 'LIST') {
    return (
      <div class="question">
        <label for={id}>
          {q.title}
          {star}
        </label>
        {help}
        <select
          id={id}
          required={q.required}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set((e.target as HTMLSelectElement).value)}
        >
          <option value="">Choose</option>
          {q.choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
    );
  }
  const multi = q.type === 'CHECKBOX';
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return (
    <fieldset class="question" aria-describedby={q.helpText ? `${id}-help` : undefined}>
      <legend>
        {q.title}
        {star}
      </legend>
      {help}
      {q.choices.map((c) => (
        <label key={c} class="choice">
          <input
            type={multi ? 'checkbox' : 'radio'}
            name={id}
            value={c}
            required={q.required && !multi}
            checked={list.includes(c)}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              if (multi) set(on ? [...list, c] : list.filter((x) => x !== c));
              else if (on) set(c);
            }}
          />{' '}
          <span dir="auto">{c}</span>
        </label>
      ))}
    </fieldset>
  );
}

function IntakeForm({ form, act }: { form: FormView; act: Act }) {
  const [answers, setAnswers] = useState<Answers>({});
  const [email, setEmail] = useState('ana.ruiz@maplegrove.example');
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (done) {
    return (
      <div class="form-card">
        <h2>{form.title}</h2>
        <p role="status" dir="auto">
          {form.confirmationMessage || 'Your response has been recorded.'}
        </p>
        <button type="button" class="link" onClick={() => (setAnswers({}), setDone(false))}>
          Submit another response
        </button>
      </div>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    const byTitle: Answers = {};
    for (const q of form.items) {
      const a = answers[q.title];
      if (a !== undefined && a !== '' && !(Array.isArray(a) && !a.length))
        byTitle[q.title] = typeof a === 'string' ? a : a;
    }
    const missing = form.items.filter((q) => q.required && byTitle[q.title] === undefined).map((q) => q.title);
    if (missing.length) return setProblem(`Please answer: ${missing.join('; ')}.`);
    const r = await act('/api/form/submit', { formId: form.id, answers: byTitle, email });
    if (r?.ok) setDone(true);
    else if (r) setProblem(r.error ?? 'The response was not accepted.');
  };
  return (
    <form class="form-card" onSubmit={submit} aria-label={form.title} noValidate>
      <h2>{form.title}</h2>
      {form.description && <p class="form-description">{form.description}</p>}
      {!form.published && (
        <p class="problem">This Form is not published: it does not take responses yet (Set up publishes it).</p>
      )}
      {form.collectEmail && (
        <div class="question">
          <label for="respondent-email">
            Email (collected by the Form)
            <span class="required" aria-hidden="true">
              {' '}
              *
            </span>
          </label>
          <input
            id="respondent-email"
            type="email"
            value={email}
            onInput={(e) => setEmail((e.target as HTMLInputElement).value)}
          />
        </div>
      )}
      {form.items.map((q) => (
        <Question key={q.id} q={q} value={answers[q.title]} set={(v) => setAnswers({ ...answers, [q.title]: v })} />
      ))}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <div class="buttons">
        <button type="submit" class="primary">
          Submit
        </button>
      </div>
    </form>
  );
}

export function FormPanel({ forms, act }: { forms: FormView[]; act: Act }) {
  if (!forms.length) return <p class="empty">No intake Form yet: run Small Wins → Set up.</p>;
  return (
    <div class="panel form-panel">
      <p class="note">
        The intake Form as staff see it on their phones. Submitting stores a response and fires the spreadsheet's
        form-submit trigger, which adds the win to the log. {forms[0].responses} responses so far.
      </p>
      {forms.map((f) => (
        <IntakeForm key={f.id} form={f} act={act} />
      ))}
    </div>
  );
}

function Block({ b }: { b: DocBlockView }) {
  if (b.type === 'title')
    return (
      <h2 class="doc-title" dir="auto">
        {b.text}
      </h2>
    );
  if (b.type === 'subtitle')
    return (
      <p class="doc-subtitle" dir="auto">
        {b.text}
      </p>
    );
  if (b.type === 'heading') {
    const level = Math.min(6, (b.level ?? 1) + 2);
    const H = `h${level}` as 'h3';
    return <H dir="auto">{b.text}</H>;
  }
  if (b.type === 'list item')
    return (
      <p class="doc-li" dir="auto" style={{ marginLeft: `${18 * ((b.level ?? 0) + 1)}px` }}>
        • {b.text}
      </p>
    );
  if (b.type === 'rule') return <hr />;
  if (b.type === 'page break') return <hr class="page-break" />;
  if (b.type === 'table')
    return (
      <table class="doc-table">
        <tbody>
          {(b.cells ?? []).map((row, i) => (
            <tr key={i}>
              {row.map((c, j) => (
                <td key={j} dir="auto">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  return b.text ? <p dir="auto">{b.text}</p> : <p class="doc-empty">&nbsp;</p>;
}

export function DocsPanel({
  docs,
  timeZone,
  open,
  setOpen,
}: {
  docs: DocView[];
  timeZone: string;
  /** The Doc shown (a link elsewhere in the playground may choose it); the newest when null. */
  open: string | null;
  setOpen: (id: string) => void;
}) {
  if (!docs.length) return <p class="empty">No Docs yet: Small Wins → Draft newsletter now makes one.</p>;
  const doc = docs.find((d) => d.id === open) ?? docs[0];
  return (
    <div class="panel split">
      <ul class="list" aria-label="Docs">
        {docs.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              class={d.id === doc.id ? 'selected' : ''}
              aria-current={d.id === doc.id}
              onClick={() => setOpen(d.id)}
            >
              <span class="list-title" dir="auto">
                {d.title}
              </span>
              <span class="list-meta">{formatTime(d.createdAt, timeZone)}</span>
            </button>
          </li>
        ))}
      </ul>
      <article class="doc" aria-label={`Doc: ${doc.title}`}>
        <div class="doc-name">
          📄 <span dir="auto">{doc.title}</span>
        </div>
        {doc.blocks.map((b, i) => (
          <Block key={i} b={b} />
        ))}
      </article>
    </div>
  );
}

/**
 * The email's HTML in a frame that runs no script (sandboxed without allow-scripts); it shares the page's origin only
 * so that the page can catch a click on a link in it and open the playground's own tab (or a new browser tab).
 */
function MailHtml({ draft, openLink }: { draft: DraftView; openLink: (href: string) => void }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const latest = useRef(openLink);
  latest.current = openLink;
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const onClick = (click: MouseEvent) => {
      // The target is the frame's own Element (another realm): `instanceof Element` would be false.
      const target = click.target as { closest?: (selector: string) => Element | null } | null;
      const a = typeof target?.closest === 'function' ? target.closest('a[href]') : null;
      if (!a) return;
      click.preventDefault();
      latest.current((a as HTMLAnchorElement).href);
    };
    let doc: Document | null = null;
    // The srcdoc document replaces the frame's first (blank) one: listen on whichever is there once it has loaded.
    const attach = () => {
      doc?.removeEventListener('click', onClick, true);
      doc = frame.contentDocument;
      doc?.addEventListener('click', onClick, true);
    };
    frame.addEventListener('load', attach);
    if (frame.contentDocument?.readyState === 'complete') attach();
    return () => {
      frame.removeEventListener('load', attach);
      doc?.removeEventListener('click', onClick, true);
    };
  }, []);
  return (
    <iframe
      ref={ref}
      class="mail-html"
      title={`HTML body of ${draft.subject}`}
      sandbox="allow-same-origin"
      srcdoc={draft.html}
    />
  );
}

export function DraftsPanel({
  drafts,
  timeZone,
  openLink,
}: {
  drafts: DraftView[];
  timeZone: string;
  openLink: (href: string) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  if (!drafts.length)
    return <p class="empty">No Gmail drafts yet: Small Wins → Draft newsletter now makes one. Nothing is ever sent.</p>;
  const draft = drafts.find((d) => d.id === open) ?? drafts[0];
  return (
    <div class="panel split">
      <ul class="list" aria-label="Drafts">
        {drafts.map((d) => (
          <li key={d.id}>
            <button
              type="button"
              class={d.id === draft.id ? 'selected' : ''}
              aria-current={d.id === draft.id}
              onClick={() => setOpen(d.id)}
            >
              <span class="list-title" dir="auto">
                {d.subject || '(no subject)'}
              </span>
              <span class="list-meta">
                {d.headers
                  .filter(([k, v]) => (k === 'To' || k === 'Bcc') && v)
                  .map(([, v]) => v)
                  .join(', ') || 'no recipients'}{' '}
                · {formatTime(d.createdAt, timeZone)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <article class="draft" aria-label={`Draft: ${draft.subject}`}>
        <table class="headers">
          <tbody>
            {draft.headers.map(([k, v]) => (
              <tr key={k}>
                <th scope="row">{k}</th>
                <td dir="auto">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {draft.html && (
          <>
            <h3>HTML part</h3>
            <MailHtml key={draft.id} draft={draft} openLink={openLink} />
          </>
        )}
        <h3>Plain-text part</h3>
        {/* Focusable so a keyboard can scroll it (it scrolls when the text is long). */}
        <pre class="mail-text" dir="auto" tabIndex={0} aria-label="Plain-text part">
          {draft.text}
        </pre>
      </article>
    </div>
  );
}

export function TriggersPanel({ view, act, busy }: { view: PlaygroundView; act: Act; busy: boolean }) {
  const [local, setLocal] = useState('');
  return (
    <div class="panel">
      <h2>Clock</h2>
      <p>
        Simulated time: <b>{formatTime(view.now, view.timeZone)}</b> ({view.timeZone}). Moving the clock fires every
        time-driven trigger that falls due on the way.
      </p>
      <div class="clock-controls">
        <button
          type="button"
          disabled={busy}
          aria-describedby="friday-note"
          onClick={() => act('/api/clock', { preset: 'friday-3pm' })}
        >
          Advance to next Friday 3 pm
        </button>
        <button type="button" disabled={busy} onClick={() => act('/api/clock', { preset: 'day' })}>
          Advance 1 day
        </button>
        <button type="button" disabled={busy} onClick={() => act('/api/clock', { preset: 'hour' })}>
          Advance 1 hour
        </button>
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (local) void act('/api/clock', { local });
          }}
        >
          <label for="clock-to">Advance to</label>{' '}
          <input
            id="clock-to"
            type="datetime-local"
            value={local}
            onInput={(e) => setLocal((e.target as HTMLInputElement).value)}
          />{' '}
          <button type="submit" disabled={busy || !local}>
            Go
          </button>
        </form>
      </div>
      <p class="note" id="friday-note">
        Next Friday 3 pm lands just after the clock's run between 3 and 4 pm (Google picks the minute), so a scheduled
        newsletter is already in Gmail drafts when you look.
      </p>
      <h2>Installed triggers</h2>
      {view.triggers.length === 0 ? (
        <p class="empty">No triggers: run Small Wins → Set up.</p>
      ) : (
        <div class="table-wrap" role="region" aria-label="Installed triggers" tabIndex={0}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Runs</th>
                <th scope="col">Event</th>
                <th scope="col">When</th>
                <th scope="col">Next run</th>
                <th scope="col">Owner</th>
              </tr>
            </thead>
            <tbody>
              {view.triggers.map((t) => (
                <tr key={t.id}>
                  <td>
                    <code>{t.fn}</code>
                  </td>
                  <td>
                    {t.type === 'CLOCK' ? 'Time-driven' : t.type === 'ON_FORM_SUBMIT' ? 'On form submit' : t.type}
                  </td>
                  <td>{t.schedule}</td>
                  <td>{t.next ? formatTime(t.next, view.timeZone) : '—'}</td>
                  <td>{t.owner}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function Entry({ e, timeZone }: { e: ActivityEntry; timeZone: string }) {
  return (
    <li class={e.error ? 'entry failed' : 'entry'}>
      <div class="entry-head">
        <span class="entry-what">{e.what}</span>
        <span class="entry-cost">{costLine(e)}</span>
      </div>
      <div class="entry-meta">
        #{e.n} · {formatTime(e.at, timeZone)}
        {e.fired?.length ? ` · ${e.fired.join('; ')}` : ''}
      </div>
      {e.error && <div class="problem">{e.error}</div>}
      {e.cost.byMethod.length > 0 && (
        <details>
          <summary>Service calls by method ({e.cost.byMethod.length})</summary>
          <table class="table compact">
            <tbody>
              {e.cost.byMethod.map((m) => (
                <tr key={m.method}>
                  <td>
                    <code>{m.method}</code>
                  </td>
                  <td class="num">×{m.calls}</td>
                  <td class="num">{m.ms} ms</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {e.logs.length > 0 && (
        <details>
          <summary>Log lines ({e.logs.length})</summary>
          <pre class="logs" tabIndex={0} aria-label="Log lines">
            {e.logs.join('\n')}
          </pre>
        </details>
      )}
    </li>
  );
}

export function ActivityPanel({ activity, timeZone }: { activity: ActivityEntry[]; timeZone: string }) {
  return (
    <div class="panel">
      <p class="note">
        Every action, newest first: the Apps Script service calls it made and the simulated time they cost (the cost
        model of ARCHITECTURE.md), and the lines the add-on logged.
      </p>
      <ol class="activity" aria-label="Activity log">
        {activity.map((e) => (
          <Entry key={e.n} e={e} timeZone={timeZone} />
        ))}
      </ol>
    </div>
  );
}
