// The triage sidebar's state and data flow: loads the queue, keeps the current and selected wins, runs saves
// one after another (each with the newest version), undo and group actions, and lays out the page's parts.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DraftOffer, PatternView, QueueQuery, TriageChange, TriageEndpoints, WinView } from '../../src/api';
import { readableError, serverClient } from '../client';
import { DraftOffers, GroupActions } from './actions';
import { HelpOverlay } from './help';
import type { KeyCommand } from './keys';
import type { ConflictNote, Notice, QueueMeta, TriageAction, Undo } from './model';
import { nextIndex, previousIndex, toggled } from './navigation';
import { countsAfter, groupOutcome, saveOutcome } from './outcomes';
import { Counts, Filters, QueueList } from './queue';
import { useKeys } from './use-keys';
import { WinDetail } from './win-detail';

const server = serverClient<TriageEndpoints>('Small Wins → Triage wins');

export function App() {
  const [query, setQuery] = useState<QueueQuery>({ status: 'To triage', page: 0 });
  const [meta, setMeta] = useState<QueueMeta | null>(null);
  const [wins, setWins] = useState<WinView[]>([]);
  const [current, setCurrent] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<ConflictNote | null>(null);
  const [help, setHelp] = useState(false);
  const [loading, setLoading] = useState(true);
  const [draftEmail, setDraftEmail] = useState(false);
  const [offers, setOffers] = useState<DraftOffer[]>([]);
  const [pattern, setPattern] = useState<PatternView | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const helpReturnRef = useRef<HTMLElement | null>(null);
  // Saves run one after another: each carries the version the previous one produced.
  const chain = useRef<Promise<unknown>>(Promise.resolve());

  const win = wins[current] as WinView | undefined;
  const latestMeta = useRef(meta);
  latestMeta.current = meta;
  const latestWins = useRef<WinView[]>(wins);
  latestWins.current = wins;

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
    // The pattern is asked for once the queue shows: the queue never waits for it, and a failure only hides it.
    void load(query, true).then(() => server.triagePattern().then(setPattern, () => setPattern(null)));
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

  function save(
    target: WinView,
    change: TriageChange,
    what: string,
    opts: { advance?: boolean; draft?: boolean } = {},
  ): Promise<boolean> {
    const run = chain.current.then(async () => {
      // Use the newest copy of the win: an earlier save in the chain may have changed its version.
      const latest = latestWins.current.find((w) => w.id === target.id) ?? target;
      try {
        const result = await server.triageSave({
          id: latest.id,
          row: latest.row,
          version: latest.version,
          change,
          draftToSubmitter: opts.draft || undefined,
        });
        const outcome = saveOutcome(latest, result, what);
        if (outcome.replace || outcome.remove) {
          const moved = { before: latest, after: outcome.replace ?? null };
          setMeta((m) => (m ? { ...m, counts: countsAfter(m.counts, [moved]) } : m));
        }
        if (outcome.replace) replaceWin(outcome.replace);
        if (outcome.remove) setWins((list) => list.filter((w) => w.id !== outcome.remove));
        if (outcome.conflict !== undefined) setConflict(outcome.conflict);
        if (outcome.undo) setUndo(outcome.undo);
        if (outcome.offers) setOffers((list) => mergeOffers(list, outcome.offers ?? []));
        setNotice(outcome.notice);
        if (outcome.ok && opts.advance) setCurrent((i) => nextIndex(i, latestWins.current.length));
        return outcome.ok;
      } catch (err) {
        fail(err);
        return false;
      }
    });
    chain.current = run;
    return run;
  }

  function act(kind: TriageAction) {
    if (!win) return;
    if (kind === 'approve') void save(win, { status: 'Approved' }, 'Approved', { advance: true });
    if (kind === 'feature') {
      const on = !(win.featured && win.status === 'Approved');
      void save(
        win,
        on ? { status: 'Approved', featured: true } : { featured: false },
        on ? 'Featured' : 'Unfeatured',
        { advance: on },
      );
    }
    if (kind === 'needs')
      void save(win, { status: 'Needs info' }, 'Marked Needs info', { advance: true, draft: draftEmail });
    if (kind === 'archive') void save(win, { status: 'Archived' }, 'Archived', { advance: true });
  }

  function toggleGoal(name: string) {
    if (!win) return;
    void save(
      win,
      { goals: toggled(win.goals, name) },
      win.goals.includes(name) ? `Removed ${name}` : `Tagged ${name}`,
    );
  }

  function doUndo() {
    if (!undo) {
      setNotice({ text: 'There is nothing to undo.' });
      return;
    }
    const u = undo;
    setUndo(null);
    const at = latestWins.current.findIndex((w) => w.id === u.id);
    const target = latestWins.current[at];
    if (!target) return setNotice({ text: `${u.id} is not on this page any more; nothing was undone.`, error: true });
    // Back to the win the undo is about (approving moved on to the next one).
    setCurrent(at);
    // The undo carries the version the undone save produced: a change made since is a conflict, not overwritten.
    void save({ ...target, version: u.version, row: u.row }, u.change, `Undid "${u.what}"`);
  }

  async function bulk(change: TriageChange, what: string, addGoals?: string[]) {
    const chosen = wins.filter((w) => selected.includes(w.id));
    if (!chosen.length) return;
    try {
      // One call for the whole group: the server takes the lock once and checks each win's version.
      const { results } = await server.triageSaveMany({
        wins: chosen.map((w) => ({ id: w.id, row: w.row, version: w.version })),
        change,
        addGoals,
      });
      const outcome = groupOutcome(results, what);
      const moves = outcome.replace.flatMap((after) => {
        const before = chosen.find((w) => w.id === after.id);
        return before ? [{ before, after }] : [];
      });
      setMeta((m) => (m ? { ...m, counts: countsAfter(m.counts, moves) } : m));
      outcome.replace.forEach(replaceWin);
      setSelected([]);
      setUndo(null);
      setNotice(outcome.notice);
    } catch (err) {
      fail(err);
    }
  }

  async function nominate(ids: string[]) {
    try {
      await server.triageNominate({ winIds: ids });
      setNotice({ text: 'The Showcase dialog is open: describe the practice there.' });
    } catch (err) {
      fail(err);
    }
  }

  async function rebuild(offer: DraftOffer) {
    setOffers((list) => list.filter((o) => o.issue !== offer.issue));
    setNotice({ text: `Rebuilding the draft of ${offer.label}…` });
    try {
      const result = await server.triageRebuildDraft({ issue: offer.issue });
      setNotice({ text: result.message, error: !result.ok });
    } catch (err) {
      fail(err);
    }
  }

  function toggleSelected(id: string) {
    setSelected((s) => toggled(s, id));
  }

  function openHelp(show: boolean) {
    if (show) helpReturnRef.current = document.activeElement as HTMLElement | null;
    setHelp(show);
    if (!show) setTimeout(() => helpReturnRef.current?.focus(), 0);
  }

  // Keyboard: one listener for the whole sidebar (keys.ts says which key does what).
  useKeys({
    helpOpen: help,
    hasWin: !!win,
    run(command: KeyCommand) {
      if (command.do === 'next') setCurrent((i) => nextIndex(i, wins.length));
      else if (command.do === 'previous') setCurrent(previousIndex);
      else if (command.do === 'goal') {
        const goal = meta?.goals[command.number - 1];
        if (goal) toggleGoal(goal.name);
      } else if (command.do === 'act') act(command.action);
      else if (command.do === 'select') {
        if (win) toggleSelected(win.id);
      } else if (command.do === 'undo') doUndo();
      else if (command.do === 'search') searchRef.current?.focus();
      else if (command.do === 'open help') openHelp(true);
      else if (command.do === 'close help') openHelp(false);
    },
  });

  return (
    <div class="triage" aria-busy={loading ? 'true' : 'false'}>
      <header>
        <h1>Triage wins</h1>
        <button
          type="button"
          class="icon"
          aria-label="Keyboard shortcuts (?)"
          title="Keyboard shortcuts (?)"
          onClick={() => openHelp(true)}
        >
          ?
        </button>
      </header>
      {meta?.counts && <Counts counts={meta.counts} />}
      {meta?.waiting && (
        <p class="waiting" id="waiting">
          {meta.waiting}
        </p>
      )}

      <Filters query={query} goals={meta?.goals ?? []} searchRef={searchRef} changeQuery={changeQuery} />

      <div class="notice" role="status" aria-live="polite">
        {notice && <p class={notice.error ? 'error' : 'info'}>{notice.text}</p>}
      </div>

      <DraftOffers
        offers={offers}
        rebuild={(o) => void rebuild(o)}
        dismiss={(o) => setOffers((list) => list.filter((x) => x.issue !== o.issue))}
      />

      <GroupActions
        count={selected.length}
        goals={meta?.goals ?? []}
        bulk={(change, what, addGoals) => void bulk(change, what, addGoals)}
        clear={() => setSelected([])}
        canNominate={
          selected.length > 0 && wins.filter((w) => selected.includes(w.id)).every((w) => w.status === 'Approved')
        }
        nominate={() => void nominate(selected)}
      />

      <QueueList
        wins={wins}
        current={current}
        selected={selected}
        loading={loading}
        meta={meta}
        pick={setCurrent}
        toggleSelected={toggleSelected}
        changeQuery={changeQuery}
      />

      {win && meta && (
        <WinDetail
          win={win}
          meta={meta}
          conflict={conflict && conflict.id === win.id ? conflict : null}
          nominate={(ids) => void nominate(ids)}
          save={save}
          act={act}
          toggleGoal={toggleGoal}
          undo={undo}
          doUndo={doUndo}
          draftEmail={draftEmail}
          setDraftEmail={setDraftEmail}
          pattern={pattern}
        />
      )}

      {help && <HelpOverlay onClose={() => openHelp(false)} />}
    </div>
  );
}

/** New offers replace older ones for the same issue (the newest message wins). */
function mergeOffers(list: DraftOffer[], added: DraftOffer[]): DraftOffer[] {
  return [...list.filter((o) => !added.some((a) => a.issue === o.issue)), ...added];
}
