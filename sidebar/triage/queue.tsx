// The queue side of the triage sidebar: counts by status, the search box and filters, the list of wins on
// this page (each selectable for a group action) and the pager.
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Audience, Kind, QueueQuery, StatusCounts, StatusFilter, WinView } from '../../src/api';
import { KINDS, STATUSES } from '../../src/domain/schema';
import { shortDate } from './format';
import type { QueueMeta } from './model';
import { pageRange } from './navigation';

const STATUS_FILTERS: StatusFilter[] = ['To triage', ...STATUSES, 'All'];
const AUDIENCES: Audience[] = ['Staff', 'Families', 'Public'];

export function Counts({ counts }: { counts: StatusCounts }) {
  return (
    <p class="counts" aria-label="Wins by status">
      New <b>{counts.New}</b> · Needs info <b>{counts['Needs info']}</b> · Approved <b>{counts.Approved}</b> · Archived{' '}
      <b>{counts.Archived}</b>
    </p>
  );
}

interface FiltersProps {
  query: QueueQuery;
  goals: QueueMeta['goals'];
  /** Set by the page so that "/" can focus the search box. */
  searchRef: Ref<HTMLInputElement>;
  changeQuery: (patch: Partial<QueueQuery>) => void;
}

/** How long typing pauses before the search runs. */
export const SEARCH_PAUSE_MS = 300;

/** Search runs as you type (once typing pauses) and on Enter; each filter runs as soon as it changes. */
export function Filters({ query, goals, searchRef, changeQuery }: FiltersProps) {
  const [search, setSearch] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const searched = useRef(query.search ?? '');
  const run = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const wanted = text.trim();
    if (wanted === searched.current) return;
    searched.current = wanted;
    changeQuery({ search: wanted || undefined });
  };
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return (
    <form
      class="filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        run(search);
      }}
    >
      <input
        ref={searchRef}
        type="search"
        aria-label="Search wins (/)"
        placeholder="Search wins  ( / )"
        value={search}
        onInput={(e) => {
          const text = (e.target as HTMLInputElement).value;
          setSearch(text);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => run(text), SEARCH_PAUSE_MS);
        }}
      />
      <div class="row">
        <label>
          Status
          <select
            value={query.status}
            onChange={(e) => changeQuery({ status: (e.target as HTMLSelectElement).value as StatusFilter })}
          >
            {STATUS_FILTERS.map((s) => (
              <option value={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Kind
          <select
            value={query.kind ?? ''}
            onChange={(e) =>
              changeQuery({ kind: ((e.target as HTMLSelectElement).value || undefined) as Kind | undefined })
            }
          >
            <AnyOptions values={KINDS} />
          </select>
        </label>
      </div>
      <div class="row">
        <label>
          Goal
          <select
            value={query.goal ?? ''}
            onChange={(e) => changeQuery({ goal: (e.target as HTMLSelectElement).value || undefined })}
          >
            <AnyOptions values={goals.map((g) => g.name)} />
          </select>
        </label>
        <label>
          Audience
          <select
            value={query.audience ?? ''}
            onChange={(e) =>
              changeQuery({ audience: ((e.target as HTMLSelectElement).value || undefined) as Audience | undefined })
            }
          >
            <AnyOptions values={AUDIENCES} />
          </select>
        </label>
      </div>
    </form>
  );
}

/** "Any" (no filter) and then one option a value. */
function AnyOptions({ values }: { values: readonly string[] }) {
  return (
    <>
      <option value="">Any</option>
      {values.map((v) => (
        <option value={v}>{v}</option>
      ))}
    </>
  );
}

interface QueueListProps {
  wins: WinView[];
  current: number;
  selected: string[];
  loading: boolean;
  meta: QueueMeta | null;
  pick: (index: number) => void;
  toggleSelected: (id: string) => void;
  changeQuery: (patch: Partial<QueueQuery>) => void;
}

export function QueueList({
  wins,
  current,
  selected,
  loading,
  meta,
  pick,
  toggleSelected,
  changeQuery,
}: QueueListProps) {
  return (
    <nav class="queue" aria-label="Wins in the queue">
      {loading && !wins.length ? <p class="muted">Loading…</p> : null}
      {!loading && !wins.length ? <p class="muted">No wins match. Well done!</p> : null}
      <ul>
        {wins.map((w, i) => (
          <li class={i === current ? 'current' : ''}>
            <input
              type="checkbox"
              aria-label={`Select ${w.id}`}
              checked={selected.includes(w.id)}
              onChange={() => toggleSelected(w.id)}
            />
            <button
              type="button"
              class="item"
              aria-current={i === current ? 'true' : undefined}
              onClick={() => pick(i)}
            >
              <span class="headline">{w.headline || '(no headline)'}</span>
              <span class="sub">
                {w.status} · {w.name || 'Anonymous'} · {shortDate(w.submittedAt, meta?.timeZone)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {meta && meta.total > meta.pageSize && (
        <Pager page={meta.page} pageSize={meta.pageSize} total={meta.total} changeQuery={changeQuery} />
      )}
    </nav>
  );
}

function Pager({
  page,
  pageSize,
  total,
  changeQuery,
}: {
  page: number;
  pageSize: number;
  total: number;
  changeQuery: (patch: Partial<QueueQuery>) => void;
}) {
  const range = pageRange(page, pageSize, total);
  return (
    <div class="pager">
      <button
        type="button"
        aria-label="Previous page"
        disabled={page === 0}
        onClick={() => changeQuery({ page: page - 1 })}
      >
        ‹
      </button>
      <span>
        {range.first}–{range.last} of {total}
      </span>
      <button
        type="button"
        aria-label="Next page"
        disabled={page >= range.lastPage}
        onClick={() => changeQuery({ page: page + 1 })}
      >
        ›
      </button>
    </div>
  );
}
