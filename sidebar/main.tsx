// The triage sidebar: a queue of wins to triage and the current win, with goal chips, consent, privacy,
// the public blurb and the actions, all usable from the keyboard at 300 px. Text from wins is always text.
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Audience, Kind, OpenResult, QueueQuery, SaveResult, StatusFilter, TriageChange, WinView } from '../src/api';
import { CONSENTS, KINDS, STATUSES } from '../src/domain/schema';
import { containsEmail, containsPhone } from '../src/domain/triage';
import { readableError, server } from './client';
import './triage.css';

const STATUS_FILTERS: StatusFilter[] = ['To triage', ...STATUSES, 'All'];
const AUDIENCES: Audience[] = ['Staff', 'Families', 'Public'];

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

interface Undo {
  id: string;
  row: number;
  version: string;
  change: TriageChange;
  what: string;
}

interface Notice {
  text: string;
  error?: boolean;
}

interface ConflictNote {
  id: string;
  fields: string[];
  message: string;
}

function shortDate(iso: string): string {
  const d = new Date(iso);
  return isNaN(d.getTime()) ? '' : d.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

function safeLink(url: string): string | null {
  return /^https?:\/\/\S+$/i.test(url.trim()) ? url.trim() : null;
}

function isTyping(el: EventTarget | null): boolean {
  const t = el as HTMLElement | null;
  if (!t || !t.tagName) return false;
  return t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable;
}

function App() {
  const [query, setQuery] = useState<QueueQuery>({ status: 'To triage', page: 0 });
  const [meta, setMeta] = useState<Omit<OpenResult, 'wins'> | null>(null);
  const [wins, setWins] = useState<WinView[]>([]);
  const [current, setCurrent] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<ConflictNote | null>(null);
  const [help, setHelp] = useState(false);
  const [loading, setLoading] = useState(true);
  const [draftEmail, setDraftEmail] = useState(false);
  const [search, setSearch] = useState('');
  const [bulkGoal, setBulkGoal] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const helpCloseRef = useRef<HTMLButtonElement>(null);
  const helpReturnRef = useRef<HTMLElement | null>(null);
  // Saves run one after another: each carries the version the previous one produced.
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const win = wins[current] as WinView | undefined;
  const latestMeta = useRef(meta);
  latestMeta.current = meta;

  function fail(err: unknown) {
    setNotice({ text: readableError(err), error: true });
  }

  async function load(q: QueueQuery, first = false) {
    setLoading(true);
    try {
      if (first) {
        const opened = await server.triageOpen(q);
        const { wins: page, ...rest } = opened;
        setMeta(rest);
        setWins(page);
        if (opened.notices.length) setNotice({ text: opened.notices.join(' '), error: true });
      } else {
        // The log's size from the last answer lets the server plan its column reads; it never changes the answer.
        const { wins: page, ...rest } = await server.triageQueue({ ...q, sizeHint: latestMeta.current?.logSize });
        setMeta((m) => (m ? { ...m, ...rest } : m));
        setWins(page);
      }
      setCurrent(0);
      setSelected([]);
      setConflict(null);
    } catch (err) {
      fail(err);
    } finally {
      setLoading(false);
    }
  }

  useEffect(() => {
    void load(query, true);
  }, []);

  function changeQuery(patch: Partial<QueueQuery>) {
    const next = { ...query, page: 0, ...patch };
    setQuery(next);
    void load(next);
  }

  // A win shortened for the page is fetched whole when it becomes the current one.
  useEffect(() => {
    if (!win || !win.truncated) return;
    const ref = { id: win.id, row: win.row };
    server
      .triageWin(ref)
      .then((full) => full && replaceWin(full))
      .catch(fail);
  }, [win?.id, win?.truncated]);

  function replaceWin(next: WinView) {
    setWins((list) => list.map((w) => (w.id === next.id ? next : w)));
  }

  function applyResult(target: WinView, result: SaveResult, what: string): boolean {
    if ('saved' in result) {
      replaceWin(result.saved);
      setConflict(null);
      if (Object.keys(result.previous).length) {
        setUndo({ id: result.saved.id, row: result.saved.row, version: result.saved.version, change: result.previous, what });
        setNotice({ text: `${what}: ${result.saved.id}. ${result.note ? result.note + ' ' : ''}Press u to undo.` });
      } else setNotice({ text: `${result.saved.id} already had that; nothing changed.` });
      return true;
    }
    if ('conflict' in result) {
      if (result.conflict.current) replaceWin(result.conflict.current);
      else setWins((list) => list.filter((w) => w.id !== target.id));
      setConflict({ id: target.id, fields: result.conflict.fields, message: result.conflict.message });
      setNotice({ text: result.conflict.message, error: true });
      return false;
    }
    setNotice({ text: result.refused, error: true });
    return false;
  }

  function save(target: WinView, change: TriageChange, what: string, opts: { advance?: boolean; draft?: boolean } = {}): Promise<boolean> {
    const run = chain.current.then(async () => {
      // Use the newest copy of the win: an earlier save in the chain may have changed its version.
      const latest = latestWins.current.find((w) => w.id === target.id) ?? target;
      try {
        const result = await server.triageSave({ id: latest.id, row: latest.row, version: latest.version, change, draftToSubmitter: opts.draft || undefined });
        const ok = applyResult(latest, result, what);
        if (ok && opts.advance) setCurrent((i) => Math.min(i + 1, Math.max(latestWins.current.length - 1, 0)));
        return ok;
      } catch (err) {
        fail(err);
        return false;
      }
    });
    chain.current = run;
    return run;
  }

  const latestWins = useRef<WinView[]>(wins);
  latestWins.current = wins;

  function act(kind: 'approve' | 'feature' | 'needs' | 'archive') {
    if (!win) return;
    if (kind === 'approve') void save(win, { status: 'Approved' }, 'Approved', { advance: true });
    if (kind === 'feature') {
      const on = !(win.featured && win.status === 'Approved');
      void save(win, on ? { status: 'Approved', featured: true } : { featured: false }, on ? 'Featured' : 'Unfeatured', { advance: on });
    }
    if (kind === 'needs') void save(win, { status: 'Needs info' }, 'Marked Needs info', { advance: true, draft: draftEmail });
    if (kind === 'archive') void save(win, { status: 'Archived' }, 'Archived', { advance: true });
  }

  function toggleGoal(name: string) {
    if (!win) return;
    const goals = win.goals.includes(name) ? win.goals.filter((g) => g !== name) : [...win.goals, name];
    void save(win, { goals }, win.goals.includes(name) ? `Removed ${name}` : `Tagged ${name}`);
  }

  function doUndo() {
    if (!undo) {
      setNotice({ text: 'There is nothing to undo.' });
      return;
    }
    const u = undo;
    setUndo(null);
    const target = latestWins.current.find((w) => w.id === u.id);
    if (!target) return setNotice({ text: `${u.id} is not on this page any more; nothing was undone.`, error: true });
    // The undo carries the version the undone save produced: a change made since is a conflict, not overwritten.
    void save({ ...target, version: u.version, row: u.row }, u.change, `Undid "${u.what}"`);
  }

  async function bulk(change: TriageChange, what: string, addGoals?: string[]) {
    const chosen = wins.filter((w) => selected.includes(w.id));
    if (!chosen.length) return;
    try {
      // One call for the whole group: the server takes the lock once and checks each win's version.
      const { results } = await server.triageSaveMany({ wins: chosen.map((w) => ({ id: w.id, row: w.row, version: w.version })), change, addGoals });
      let ok = 0;
      const problems: string[] = [];
      for (const { id, result } of results) {
        if ('saved' in result) {
          ok++;
          replaceWin(result.saved);
        } else if ('conflict' in result) {
          if (result.conflict.current) replaceWin(result.conflict.current);
          problems.push(`${id}: ${result.conflict.message}`);
        } else problems.push(`${id}: ${result.refused}`);
      }
      setSelected([]);
      setUndo(null);
      setNotice({ text: `${what}: ${ok} of ${results.length} wins.${problems.length ? ' ' + problems.join(' ') : ''}`, error: problems.length > 0 });
    } catch (err) {
      fail(err);
    }
  }

  function toggleSelected(id: string) {
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  }

  function openHelp(show: boolean) {
    if (show) helpReturnRef.current = document.activeElement as HTMLElement | null;
    setHelp(show);
    if (!show) setTimeout(() => helpReturnRef.current?.focus(), 0);
  }

  useEffect(() => {
    if (help) helpCloseRef.current?.focus();
  }, [help]);

  // Keyboard: one listener for the whole sidebar; keys are ignored while typing in a text box.
  const keyState = useRef({ act, toggleGoal, doUndo, toggleSelected, win, wins, meta, help, openHelp, setCurrent });
  keyState.current = { act, toggleGoal, doUndo, toggleSelected, win, wins, meta, help, openHelp, setCurrent };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const s = keyState.current;
      if (e.key === 'Escape') {
        if (s.help) {
          s.openHelp(false);
          e.preventDefault();
        } else if (isTyping(e.target)) (e.target as HTMLElement).blur();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (s.help) {
        if (e.key === '?') s.openHelp(false);
        return;
      }
      const k = e.key;
      let handled = true;
      if (k === 'j' || k === 'ArrowDown') s.setCurrent((i) => Math.min(i + 1, Math.max(s.wins.length - 1, 0)));
      else if (k === 'k' || k === 'ArrowUp') s.setCurrent((i) => Math.max(i - 1, 0));
      else if (/^[1-9]$/.test(k)) {
        const goal = s.meta?.goals[Number(k) - 1];
        if (goal) s.toggleGoal(goal.name);
      } else if (k === 'a') s.act('approve');
      else if (k === 'f') s.act('feature');
      else if (k === 'n') s.act('needs');
      else if (k === 'e') s.act('archive');
      else if (k === 'x' && s.win) s.toggleSelected(s.win.id);
      else if (k === 'u') s.doUndo();
      else if (k === '/') searchRef.current?.focus();
      else if (k === '?') s.openHelp(true);
      else handled = false;
      if (handled) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const counts = meta?.counts;
  const pageStart = meta ? meta.page * meta.pageSize : 0;
  const lastPage = meta ? Math.max(0, Math.ceil(meta.total / meta.pageSize) - 1) : 0;

  return (
    <div class="triage" aria-busy={loading ? 'true' : 'false'}>
      <header>
        <h1>Triage wins</h1>
        <button type="button" class="icon" aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)" onClick={() => openHelp(true)}>
          ?
        </button>
      </header>
      {counts && (
        <p class="counts" aria-label="Wins by status">
          New <b>{counts.New}</b> · Needs info <b>{counts['Needs info']}</b> · Approved <b>{counts.Approved}</b> · Archived <b>{counts.Archived}</b>
        </p>
      )}

      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          changeQuery({ search: search.trim() || undefined });
        }}
      >
        <input ref={searchRef} type="search" aria-label="Search wins (/)" placeholder="Search wins  ( / )" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
        <div class="row">
          <label>
            Status
            <select value={query.status} onChange={(e) => changeQuery({ status: (e.target as HTMLSelectElement).value as StatusFilter })}>
              {STATUS_FILTERS.map((s) => (
                <option value={s}>{s}</option>
              ))}
            </select>
          </label>
          <label>
            Kind
            <select value={query.kind ?? ''} onChange={(e) => changeQuery({ kind: ((e.target as HTMLSelectElement).value || undefined) as Kind | undefined })}>
              <option value="">Any</option>
              {KINDS.map((k) => (
                <option value={k}>{k}</option>
              ))}
            </select>
          </label>
        </div>
        <div class="row">
          <label>
            Goal
            <select value={query.goal ?? ''} onChange={(e) => changeQuery({ goal: (e.target as HTMLSelectElement).value || undefined })}>
              <option value="">Any</option>
              {(meta?.goals ?? []).map((g) => (
                <option value={g.name}>{g.name}</option>
              ))}
            </select>
          </label>
          <label>
            Audience
            <select value={query.audience ?? ''} onChange={(e) => changeQuery({ audience: ((e.target as HTMLSelectElement).value || undefined) as Audience | undefined })}>
              <option value="">Any</option>
              {AUDIENCES.map((a) => (
                <option value={a}>{a}</option>
              ))}
            </select>
          </label>
        </div>
      </form>

      <div class="notice" role="status" aria-live="polite">
        {notice && <p class={notice.error ? 'error' : 'info'}>{notice.text}</p>}
      </div>

      {selected.length > 0 && (
        <div class="bulk" role="group" aria-label="Group actions">
          <span>{selected.length} selected</span>
          <button type="button" class="primary" onClick={() => bulk({ status: 'Approved' }, 'Approved')}>
            Approve selected
          </button>
          <label>
            Tag
            <select aria-label="Goal to tag the selected wins with" value={bulkGoal} onChange={(e) => setBulkGoal((e.target as HTMLSelectElement).value)}>
              <option value="">Choose a goal</option>
              {(meta?.goals ?? []).map((g) => (
                <option value={g.name}>{g.name}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!bulkGoal}
            // Each win keeps its own goals and gains the chosen one.
            onClick={() => bulk({}, `Tagged ${bulkGoal}`, [bulkGoal])}
          >
            Tag selected
          </button>
          <button type="button" onClick={() => setSelected([])}>
            Clear selection
          </button>
        </div>
      )}

      <nav class="queue" aria-label="Wins in the queue">
        {loading && !wins.length ? <p class="muted">Loading…</p> : null}
        {!loading && !wins.length ? <p class="muted">No wins match. Well done!</p> : null}
        <ul>
          {wins.map((w, i) => (
            <li class={i === current ? 'current' : ''}>
              <input type="checkbox" aria-label={`Select ${w.id}`} checked={selected.includes(w.id)} onChange={() => toggleSelected(w.id)} />
              <button type="button" class="item" aria-current={i === current ? 'true' : undefined} onClick={() => setCurrent(i)}>
                <span class="headline">{w.headline || '(no headline)'}</span>
                <span class="sub">
                  {w.status} · {w.name || 'Anonymous'} · {shortDate(w.submittedAt)}
                </span>
              </button>
            </li>
          ))}
        </ul>
        {meta && meta.total > meta.pageSize && (
          <div class="pager">
            <button type="button" aria-label="Previous page" disabled={meta.page === 0} onClick={() => changeQuery({ page: meta.page - 1 })}>
              ‹
            </button>
            <span>
              {pageStart + 1}–{Math.min(pageStart + meta.pageSize, meta.total)} of {meta.total}
            </span>
            <button type="button" aria-label="Next page" disabled={meta.page >= lastPage} onClick={() => changeQuery({ page: meta.page + 1 })}>
              ›
            </button>
          </div>
        )}
      </nav>

      {win && meta && (
        <WinDetail
          win={win}
          meta={meta}
          conflict={conflict && conflict.id === win.id ? conflict : null}
          save={save}
          act={act}
          toggleGoal={toggleGoal}
          undo={undo}
          doUndo={doUndo}
          draftEmail={draftEmail}
          setDraftEmail={setDraftEmail}
        />
      )}

      {help && (
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
            <button ref={helpCloseRef} type="button" class="primary" onClick={() => openHelp(false)}>
              Close
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

interface DetailProps {
  win: WinView;
  meta: Omit<OpenResult, 'wins'>;
  conflict: ConflictNote | null;
  save: (w: WinView, c: TriageChange, what: string) => Promise<boolean>;
  act: (k: 'approve' | 'feature' | 'needs' | 'archive') => void;
  toggleGoal: (name: string) => void;
  undo: Undo | null;
  doUndo: () => void;
  draftEmail: boolean;
  setDraftEmail: (b: boolean) => void;
}

const FIELD_LABELS: Record<string, string> = { story: 'Story', headline: 'Headline', evidence: 'Evidence', status: 'Status', goals: 'Goals', consent: 'Consent', blurb: 'Public blurb', kind: 'Kind' };

function WinDetail({ win, meta, conflict, save, act, toggleGoal, undo, doUndo, draftEmail, setDraftEmail }: DetailProps) {
  const [blurb, setBlurb] = useState(win.blurb);
  // A new win, or a new version of this one, shows the saved blurb, unless the leader has typed since the last
  // saved text arrived (for example while a save was on its way): their typing is never thrown away.
  const shown = useRef({ id: win.id, blurb: win.blurb });
  useEffect(() => {
    const before = shown.current;
    shown.current = { id: win.id, blurb: win.blurb };
    setBlurb((typed) => (before.id !== win.id || typed === before.blurb ? win.blurb : typed));
  }, [win.id, win.version]);
  const changed = new Set(conflict?.fields ?? []);
  const mark = (f: string) => (changed.has(f) ? 'changed' : '');
  const link = safeLink(win.link);
  const ceiling = CONSENTS.indexOf(win.consentGiven as (typeof CONSENTS)[number]);
  const otherGoals = win.goals.filter((g) => !meta.goals.some((x) => x.name === g));

  return (
    <section class="win" aria-labelledby="win-headline">
      {conflict && (
        <div class="conflict" role="alert">
          <p>{conflict.message}</p>
          {conflict.fields.length > 0 && <p class="muted">Changed: {conflict.fields.map((f) => FIELD_LABELS[f] ?? f).join(', ')}</p>}
        </div>
      )}
      <p class="meta">
        <span class={`badge s-${win.status.replace(/\s/g, '-').toLowerCase()} ${mark('status')}`}>{win.status}</span>
        {win.featured && <span class="badge featured">Featured</span>}
        <span>{win.id}</span>
      </p>
      <h2 id="win-headline" class={mark('headline')}>
        {win.headline || '(no headline)'}
      </h2>
      <p class="muted">
        {win.name || 'Anonymous'}
        {win.role ? `, ${win.role}` : ''} · {win.source || 'Source not given'} · {shortDate(win.submittedAt)}
      </p>

      {win.warnings.length > 0 && (
        <ul class="warnings" aria-label="Warnings">
          {win.warnings.map((w) => (
            <li>{w.message}</li>
          ))}
        </ul>
      )}

      <h3>Story</h3>
      <p class={`story ${mark('story')}`}>{win.story}</p>
      {win.evidence && (
        <>
          <h3>Evidence</h3>
          <p class={`story ${mark('evidence')}`}>{win.evidence}</p>
        </>
      )}
      {win.link && (
        <p class="link">
          {link ? (
            <a href={link} target="_blank" rel="noopener noreferrer">
              Photos or documents
            </a>
          ) : (
            <span>Link: {win.link}</span>
          )}
        </p>
      )}
      {win.truncated && <p class="muted">Loading the full text…</p>}

      <div class="actions" role="group" aria-label="Actions">
        <button type="button" class="primary" onClick={() => act('approve')} aria-keyshortcuts="a">
          Approve
        </button>
        <button type="button" aria-pressed={win.featured ? 'true' : 'false'} onClick={() => act('feature')} aria-keyshortcuts="f">
          Feature
        </button>
        <button type="button" onClick={() => act('needs')} aria-keyshortcuts="n">
          Needs info
        </button>
        <button type="button" onClick={() => act('archive')} aria-keyshortcuts="e">
          Archive
        </button>
        <button type="button" disabled={!undo} onClick={doUndo} aria-keyshortcuts="u" aria-label={undo ? `Undo: ${undo.what} ${undo.id}` : 'Undo'}>
          Undo
        </button>
      </div>
      {meta.canDraft && (
        <label class="check">
          <input type="checkbox" checked={draftEmail} onChange={(e) => setDraftEmail((e.target as HTMLInputElement).checked)} />
          With Needs info, draft an email asking {win.name || 'the submitter'} for more
        </label>
      )}

      <fieldset class={`goals ${mark('goals')}`}>
        <legend>Goals</legend>
        {meta.goals.map((g, i) => {
          const on = win.goals.includes(g.name);
          const suggested = !on && win.suggestedGoals.includes(g.name);
          return (
            <button
              type="button"
              class={`chip ${on ? 'on' : ''} ${suggested ? 'suggested' : ''}`}
              aria-pressed={on ? 'true' : 'false'}
              aria-label={`${g.name}${suggested ? ' (suggested)' : ''}${i < 9 ? `, key ${i + 1}` : ''}`}
              title={g.description}
              onClick={() => toggleGoal(g.name)}
            >
              {i < 9 && <span class="num" aria-hidden="true">{i + 1}</span>}
              {g.name}
              {suggested && <span aria-hidden="true"> ★</span>}
            </button>
          );
        })}
        {otherGoals.map((g) => (
          <span class="chip on inactive" title="Not an active goal in the Goals sheet">
            {g}
          </span>
        ))}
      </fieldset>

      <div class="fields">
        <label>
          Kind
          <select class={mark('kind')} value={win.kind} onChange={(e) => save(win, { kind: (e.target as HTMLSelectElement).value as Kind }, 'Kind changed')}>
            {KINDS.map((k) => (
              <option value={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Consent
          <select class={mark('consent')} value={win.consent} onChange={(e) => save(win, { consent: (e.target as HTMLSelectElement).value as (typeof CONSENTS)[number] }, 'Consent narrowed')}>
            {CONSENTS.map((c, i) => (
              <option value={c} disabled={ceiling >= 0 && i > ceiling}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <p class="muted small">The submitter allowed: {win.consentGiven}. Consent can be narrowed, never widened.</p>
        <p class="small">Names students or has photos: <b>{win.namesStudents ? 'Yes' : 'No'}</b></p>
        {win.namesStudents && (
          <label class="check">
            <input type="checkbox" checked={win.privacyCleared} onChange={(e) => save(win, { privacyCleared: (e.target as HTMLInputElement).checked }, (e.target as HTMLInputElement).checked ? 'Privacy cleared' : 'Privacy check undone')} />
            Privacy cleared
            {win.privacyCleared && win.privacyClearedBy && (
              <span class="muted small">
                {' '}
                by {win.privacyClearedBy} on {shortDate(win.privacyClearedAt)}
              </span>
            )}
          </label>
        )}
        <label class="blurb">
          Public blurb
          <textarea class={mark('blurb')} rows={4} value={blurb} disabled={win.truncated} onInput={(e) => setBlurb((e.target as HTMLTextAreaElement).value)} aria-describedby="blurb-count blurb-contact" />
        </label>
        {/* The same checks the server's warnings make, while the leader types (before anything is saved). */}
        <p id="blurb-contact" class="over small" role="status">
          {[containsEmail(blurb) ? 'This blurb contains an email address.' : '', containsPhone(blurb) ? 'This blurb contains what looks like a phone number.' : '']
            .filter(Boolean)
            .join(' ')}
        </p>
        <div class="blurb-row">
          <span id="blurb-count" class={blurb.length > meta.blurbLimit ? 'over' : 'muted'}>
            {blurb.length} / {meta.blurbLimit} characters{blurb.length > meta.blurbLimit ? ': long for a newsletter' : ''}
          </span>
          <button type="button" disabled={blurb === win.blurb || win.truncated} onClick={() => save(win, { blurb }, 'Blurb saved')}>
            Save blurb
          </button>
        </div>
        {win.triagedBy && (
          <p class="muted small">
            Last triaged by {win.triagedBy} on {shortDate(win.triagedAt)}
          </p>
        )}
      </div>
    </section>
  );
}

render(<App />, document.getElementById('app')!);
