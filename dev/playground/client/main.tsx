// The playground page: the school's spreadsheet with the Small Wins menu, the add-on's real sidebar and dialogs,
// the intake Form, the Docs and Gmail drafts it made, triggers with a clock, and an activity log of service calls.
// Everything submitted by people is rendered as text by Preact (never as HTML), except a draft's HTML body, which
// is shown in an iframe sandboxed without scripts.
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AlertView, PlaygroundView } from '../types';
import { addonPageUrl, closeSurface, loadView, post } from './api';
import { costLine, formatTime, type Act } from './format';
import { linkTarget, type PlaygroundTab } from './links';
import { ActivityPanel, DocsPanel, DraftsPanel, FormPanel, TriggersPanel } from './panels';
import { DistrictPanel } from './district-panel';
import { SheetGrid } from './sheet';
import './style.css';

type Tab = PlaygroundTab;

function Menu({ view, act, busy }: { view: PlaygroundView; act: Act; busy: boolean }) {
  const [open, setOpen] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, []);
  return (
    <div class="menubar" ref={ref} role="group" aria-label="Spreadsheet menus">
      <span class="menu-hint">Extensions ›</span>
      {view.menus.length === 0 && <span class="menu-hint">(no add-on menu: reopen the spreadsheet)</span>}
      {view.menus.map((m) => (
        <div class="menu" key={m.title}>
          <button
            type="button"
            aria-haspopup="menu"
            aria-expanded={open === m.title}
            disabled={busy}
            onClick={() => setOpen(open === m.title ? null : m.title)}
          >
            {m.title} ▾
          </button>
          {open === m.title && (
            <div class="menu-items" role="menu" aria-label={m.title}>
              {m.items.map((item, i) =>
                item.separator ? (
                  <hr key={i} />
                ) : (
                  <button
                    key={i}
                    type="button"
                    role="menuitem"
                    disabled={!item.fn}
                    onClick={() => {
                      setOpen(null);
                      if (item.fn) void act('/api/menu', { fn: item.fn });
                    }}
                  >
                    {item.caption}
                  </button>
                ),
              )}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

function Alerts({ alerts, onDone }: { alerts: AlertView[]; onDone: () => void }) {
  if (!alerts.length) return null;
  return (
    <div class="overlay" role="presentation">
      <div class="alert" role="alertdialog" aria-modal="true" aria-labelledby="alert-title">
        <h2 id="alert-title">{alerts[0].title || 'Small Wins'}</h2>
        {alerts.map((a, i) => (
          <div key={i} class="alert-message">
            {i > 0 && a.title && <h3>{a.title}</h3>}
            <p dir="auto">{a.message}</p>
            {a.buttons && a.buttons !== 'OK' && (
              <p class="note">
                The simulator answered {a.answered} ({a.buttons.replace(/_/g, ' / ')}).
              </p>
            )}
          </div>
        ))}
        <div class="buttons">
          <button type="button" class="primary" onClick={onDone}>
            OK
          </button>
        </div>
      </div>
    </div>
  );
}

function App() {
  const [view, setView] = useState<PlaygroundView | null>(null);
  const [tab, setTab] = useState<Tab>('sheet');
  const [openDoc, setOpenDoc] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const [toasts, setToasts] = useState<string[]>([]);

  const show = useCallback((v: PlaygroundView) => {
    setView(v);
    if (v.alerts.length) setAlerts((a) => a.concat(v.alerts));
    if (v.toasts.length) {
      setToasts((t) => t.concat(v.toasts));
      setTimeout(() => setToasts((t) => t.slice(v.toasts.length)), 6000);
    }
  }, []);

  const refresh = useCallback(() => {
    loadView().then(show, (e: Error) => setProblem(e.message));
  }, [show]);

  const act: Act = useCallback(
    async (path, body = {}) => {
      setBusy(true);
      setProblem(null);
      try {
        const r = await post(path, body);
        show(r.view);
        if (r.entry.error) setProblem(`${r.entry.what}: ${r.entry.error}`);
        return r;
      } catch (e) {
        setProblem((e as Error).message);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [show],
  );

  /** A Doc, Gmail, Form or spreadsheet link opens the playground's own tab; any other link a new browser tab. */
  const openLink = useCallback((href: string) => {
    const target = linkTarget(href);
    if (!target) {
      if (/^https?:/i.test(href)) window.open(href, '_blank', 'noopener,noreferrer');
      return;
    }
    if (target.id) setOpenDoc(target.id);
    setTab(target.tab);
  }, []);

  useEffect(refresh, [refresh]);
  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const m = e.data as { source?: string; type?: string; surface?: 'sidebar' | 'dialog'; href?: string };
      if (e.origin !== window.location.origin || !m || m.source !== 'small-wins-addon') return;
      if (m.type === 'ran') refresh();
      if (m.type === 'open-link' && typeof m.href === 'string') openLink(m.href);
      if (m.type === 'close')
        closeSurface(m.surface === 'dialog' ? 'dialog' : 'sidebar').then(show, (err: Error) => setProblem(err.message));
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [refresh, show, openLink]);

  if (!view) return <p class="loading">{problem ?? 'Loading the school…'}</p>;
  const last = view.activity[0];
  const tabs: Array<[Tab, string]> = [
    ['sheet', 'Spreadsheet'],
    ['form', `Intake Form${view.forms[0] ? ` (${view.forms[0].responses})` : ''}`],
    ['docs', `Docs (${view.docs.length})`],
    ['drafts', `Gmail drafts (${view.drafts.length})`],
    ['triggers', `Triggers & clock (${view.triggers.length})`],
    ['activity', 'Activity log'],
    ['district', 'District (export & hub)'],
  ];
  return (
    <div class={`app${busy ? ' busy' : ''}`} aria-busy={busy}>
      <header class="top">
        <div class="title">
          <span class="logo" aria-hidden="true">
            ▦
          </span>
          <div>
            <h1>{view.spreadsheet.name}</h1>
            <div class="subtitle">
              Small Wins playground · the built add-on running offline in the Apps Script simulator · signed in as{' '}
              {view.user}
            </div>
          </div>
        </div>
        <div class="top-right">
          <span class="clock" title="Simulated time (the spreadsheet's time zone)">
            Simulated time: <time dateTime={view.now}>{formatTime(view.now, view.timeZone)}</time>
          </span>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              if (confirm('Reset the playground to the freshly seeded school? Everything done since is lost.'))
                void act('/api/reset');
            }}
          >
            Reset
          </button>
        </div>
      </header>
      <Menu view={view} act={act} busy={busy} />
      <nav class="tabs" role="tablist" aria-label="Workspace">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            class={tab === id ? 'selected' : ''}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </nav>
      {problem && (
        <div class="problem" role="alert">
          {problem}
          <button type="button" aria-label="Dismiss" onClick={() => setProblem(null)}>
            ×
          </button>
        </div>
      )}
      <div class="main">
        <section class="workspace" role="tabpanel" aria-label={tabs.find((t) => t[0] === tab)?.[1]}>
          {tab === 'sheet' && <SheetGrid spreadsheet={view.spreadsheet} openLink={openLink} />}
          {tab === 'form' && <FormPanel forms={view.forms} act={act} />}
          {tab === 'docs' && (
            <DocsPanel docs={view.docs} timeZone={view.timeZone} open={openDoc} setOpen={setOpenDoc} />
          )}
          {tab === 'drafts' && <DraftsPanel drafts={view.drafts} timeZone={view.timeZone} openLink={openLink} />}
          {tab === 'triggers' && <TriggersPanel view={view} act={act} busy={busy} />}
          {tab === 'activity' && <ActivityPanel activity={view.activity} timeZone={view.timeZone} />}
          {tab === 'district' && <DistrictPanel openLink={openLink} />}
        </section>
        {view.sidebar && (
          <aside class="sidebar" aria-label={`Add-on sidebar: ${view.sidebar.title}`}>
            <div class="sidebar-head">
              <h2>{view.sidebar.title || 'Small Wins'}</h2>
              <button type="button" aria-label="Close the sidebar" onClick={() => closeSurface('sidebar').then(show)}>
                ×
              </button>
            </div>
            <iframe
              key={view.sidebar.n}
              title={view.sidebar.title || 'Add-on sidebar'}
              name="addon-sidebar"
              src={addonPageUrl('sidebar', view.sidebar.n)}
            />
          </aside>
        )}
      </div>
      <footer class="status" aria-live="polite">
        {last ? (
          <span>
            Last action: <b>{last.what}</b> — {costLine(last)}
            {last.fired?.length ? ` · ${last.fired.join('; ')}` : ''}
            {last.error ? ` · failed: ${last.error}` : ''}
          </span>
        ) : (
          'No actions yet.'
        )}
      </footer>
      {view.dialog && (
        <div class={view.dialog.modal ? 'overlay' : 'overlay modeless'}>
          <div
            class="dialog"
            role="dialog"
            aria-modal={view.dialog.modal ? 'true' : 'false'}
            aria-label={view.dialog.title}
            // The add-on's width, plus the frame around its page.
            style={{ width: `${(view.dialog.width ?? 420) + 50}px` }}
          >
            <div class="dialog-head">
              <h2>{view.dialog.title}</h2>
              <button type="button" aria-label="Close the dialog" onClick={() => closeSurface('dialog').then(show)}>
                ×
              </button>
            </div>
            <div class="dialog-body">
              <iframe
                key={view.dialog.n}
                title={view.dialog.title || 'Add-on dialog'}
                name="addon-dialog"
                src={addonPageUrl('dialog', view.dialog.n)}
                style={{ height: `${view.dialog.height ?? 320}px` }}
              />
            </div>
          </div>
        </div>
      )}
      <Alerts alerts={alerts} onDone={() => setAlerts([])} />
      {toasts.length > 0 && (
        <div class="toasts" role="status">
          {toasts.map((t, i) => (
            <div key={i} class="toast" dir="auto">
              {t}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

render(<App />, document.getElementById('app')!);
