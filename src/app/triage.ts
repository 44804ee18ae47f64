// The triage sidebar's server side: opening the queue, paging it, loading one win, and saving a leader's
// change under the document lock with a check that nobody changed the win since it was read.
import type {
  BulkRequest,
  BulkResult,
  Conflict,
  DraftOffer,
  GoalChip,
  OpenResult,
  QueuePage,
  QueueQuery,
  SaveRequest,
  SaveResult,
  TriageChange,
  TriageEndpoints,
  WinRef,
  WinView,
} from '../api';
import { activeGoals, readGoals } from '../adapters/goals-sheet';
import { takeDocumentLock } from '../adapters/lock';
import { readShowcaseIfAny } from '../adapters/showcase-sheet';
import { DocumentStore } from '../adapters/store';
import { currentUserEmail, showSidebarPage } from '../adapters/triage-sidebar';
import {
  fieldsOf,
  findWin,
  findWins,
  openWinsLog,
  readFormulas,
  WinsLog,
  writeRowRuns,
  writeWin,
} from '../adapters/wins/log';
import { readQueueIndex, readRowsAt } from '../adapters/wins/queue';
import { storyForDistrict } from '../domain/district-export';
import { BULK_REQUEST, QUEUE_QUERY, REBUILD_REQUEST, SAVE_REQUEST, WIN_REF } from '../domain/endpoint-shapes';
import { WIN_COLUMNS } from '../domain/schema';
import { splitList, cellString } from '../domain/text';
import { winFromCells } from '../domain/win';
import { endpoint } from './endpoints';
import { DraftChecks, draftChecks, flagDrafts, rebuildDraft } from './newsletter-redraft';
import {
  BLURB_LIMIT,
  changedFields,
  conflictMessage,
  fingerprint,
  planSave,
  rowForWrite,
  toWinView,
} from '../domain/triage';
import { indexFields, PAGE_SIZE, planQueue } from '../domain/triage-queue';
import { waitingSentence } from '../domain/waiting-notice';
import { draftNeedsInfo, draftsAvailable } from './triage-draft';
import { nominateEndpoint } from './showcase';
import { isSharingWithDistrict, refreshDistrictExport } from './district';
import { readPattern } from './dashboard';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The menu item: opens the sidebar. */
export function showTriage(): void {
  showSidebarPage('Triage wins');
}

/** A query as checked by its shape, with empty filters dropped and the search kept short. */
function cleanQuery(query: QueueQuery): QueueQuery {
  return {
    status: query.status,
    goal: query.goal || undefined,
    kind: query.kind || undefined,
    audience: query.audience || undefined,
    search: query.search ? query.search.slice(0, 200) : undefined,
    page: query.page,
    sizeHint: query.sizeHint || undefined,
  };
}

/** Header, index, page: 6 calls when the page's rows sit together (the usual case: the newest wins). */
function readPage(log: WinsLog, query: QueueQuery): QueuePage {
  const index = readQueueIndex(log, indexFields(query), query.status, query.sizeHint);
  const plan = planQueue(index.entries, query);
  const rows = readRowsAt(log, plan.rows);
  const wins: WinView[] = [];
  for (const row of plan.rows) {
    const cells = rows.get(row);
    if (cells) wins.push(toWinView(fieldsOf(log, cells), row, { capText: true }));
  }
  return {
    wins,
    total: plan.total,
    page: plan.page,
    pageSize: PAGE_SIZE,
    counts: plan.counts,
    logSize: Math.max(0, index.last - 1),
  };
}

/**
 * The first page and the goal chips. The goals snapshot in document properties is no longer refreshed here:
 * intake, the only reader that needs it, reads the Goals sheet itself at each submission (and keeps the snapshot
 * as its fallback), so opening the sidebar reads no properties at all.
 */
function openQueue(q: QueueQuery): OpenResult {
  const ss = SpreadsheetApp.getActive();
  const query = cleanQuery(q);
  const log = openWinsLog(ss);
  const page = readPage(log, query);
  const read = readGoals(ss);
  const chips: GoalChip[] = activeGoals(read.goals).map((g) => ({ name: g.name, description: g.description }));
  return {
    ...page,
    goals: chips,
    blurbLimit: BLURB_LIMIT,
    canDraft: draftsAvailable(),
    notices: read.problems,
    waiting: waitingSentence(log.waiting),
    timeZone: ss.getSpreadsheetTimeZone(),
  };
}

function queuePage(q: QueueQuery): QueuePage {
  return readPage(openWinsLog(SpreadsheetApp.getActive()), cleanQuery(q));
}

function loadWin(ref: WinRef): WinView | null {
  const log = openWinsLog(SpreadsheetApp.getActive());
  const found = findWin(log, ref.id, ref.row);
  return found ? toWinView(fieldsOf(log, found.cells), found.row) : null;
}

function goneConflict(id: string): Conflict {
  return {
    current: null,
    fields: [],
    message: `Win ${id} is no longer in the log (its row was deleted or its ID changed). Nothing was saved.`,
  };
}

interface SaveEnv {
  log: WinsLog;
  /** The Newsletters sheet and drafts, read only when a save disqualifies a win (once per execution). */
  drafts: DraftChecks;
  /** Who is saving: Session is read once per execution, and only when something is written. */
  me: () => string;
  nowIso: string;
  goalNames: () => string[];
}

/** What a save decided: the answer for the sidebar and, when something changed, the row to write. */
interface Decision {
  result: SaveResult;
  write?: unknown[];
  /** Drafts to check once the row is written (a win this save disqualified may sit in a waiting draft). */
  after?: () => DraftOffer[];
  /** The win's story could reach the district before this save and cannot now (its ID). */
  leftDistrict?: string;
}

/** One win's save against its row as just read (inside the lock): compare versions, check the rules, plan the row. */
function decide(
  env: SaveEnv,
  ref: WinRef & { version: string },
  found: { row: number; cells: unknown[]; formulas: () => string[] } | null,
  requested: TriageChange,
  addGoals?: readonly string[],
): Decision {
  const { log } = env;
  if (!found) return { result: { conflict: goneConflict(ref.id) } };
  const fields = fieldsOf(log, found.cells);
  const version = fingerprint(fields);
  if (version !== ref.version) {
    const differ = changedFields(cellString(ref.version), version);
    return {
      result: {
        conflict: {
          current: toWinView(fields, found.row),
          fields: differ,
          message: conflictMessage(differ, WIN_COLUMNS, fields.triagedBy ?? ''),
        },
      },
    };
  }
  const had = splitList(fields.goals ?? '');
  const change: TriageChange = addGoals?.length
    ? { ...requested, goals: Array.from(new Set([...had, ...addGoals])) }
    : requested;
  const addsGoals = (change.goals ?? []).some((g) => !had.includes(g));
  // `me` is read only when the plan records who (a change is written): a refused or unchanged save reads no Session.
  const plan = planSave(fields, change, {
    get me() {
      return env.me();
    },
    nowIso: env.nowIso,
    activeGoals: addsGoals ? env.goalNames() : [],
  });
  if (!plan.ok) return { result: { refused: plan.problems.join(' ') } };
  if (!plan.changed) return { result: { saved: toWinView(fields, found.row), previous: {} } };
  const after = { ...fields, ...plan.updates };
  if (plan.updates.consentGiven !== undefined)
    console.log(
      `Small Wins: ${ref.id}: the submitter's consent ${plan.updates.consentGiven ? `was recorded as ${plan.updates.consentGiven}` : 'record was taken back'} by ${plan.updates.consentRecordedBy || env.me()} at ${env.nowIso}.`,
    );
  const was = winFromCells(fields);
  const now = winFromCells(after);
  return {
    result: { saved: toWinView(after, found.row), previous: plan.previous },
    write: rowForWrite(found.cells, found.formulas(), plan.updates, log.columns),
    // A win this save disqualified may sit in a newsletter draft that is still waiting: that issue is flagged.
    after: () => flagDrafts(env.drafts, was, now, env.me),
    leftDistrict: storyForDistrict(was) !== null && storyForDistrict(now) === null ? ref.id : undefined,
  };
}

/**
 * Wins whose story the district may no longer read (narrowed, archived, un-approved, privacy undone): when the school
 * shares an export and a nominated practice links one of them, the export is rewritten now rather than at the next
 * daily refresh. A sentence for the leader, or '' when nothing needed rewriting (a document-properties read, and the
 * Showcase sheet's, only after such a save).
 */
function exportAfterNarrowing(ss: Spreadsheet, ids: readonly string[]): string {
  if (!ids.length || !isSharingWithDistrict(DocumentStore.open().config)) return '';
  const practices = readShowcaseIfAny(ss)?.practices ?? [];
  const linked = practices.some((p) => p.status === 'Nominated' && p.winIds.some((id) => ids.includes(id)));
  if (!linked) return '';
  const outcome = refreshDistrictExport();
  return outcome.refreshed
    ? `The district export was updated at once: it no longer carries ${ids.length === 1 ? "this win's story" : 'these wins’ stories'}.`
    : outcome.message;
}

/** The saved answer with the drafts a save flagged. */
function withDrafts(d: Decision): SaveResult {
  const drafts = d.after ? d.after() : [];
  return drafts.length && 'saved' in d.result ? { ...d.result, drafts } : d.result;
}

/** One win's save, inside the lock: re-read by ID, then decide, then write the row once. */
function saveOne(
  env: SaveEnv,
  ref: WinRef & { version: string },
  requested: TriageChange,
  addGoals?: readonly string[],
): { result: SaveResult; leftDistrict?: string } {
  const found = findWin(env.log, ref.id, ref.row);
  const decision = decide(
    env,
    ref,
    found && { row: found.row, cells: found.cells, formulas: () => readFormulas(found) },
    requested,
    addGoals,
  );
  if (found && decision.write) writeWin(found, decision.write);
  return { result: withDrafts(decision), leftDistrict: decision.leftDistrict };
}

function saveEnv(ss: Spreadsheet): SaveEnv {
  let goals: string[] | null = null;
  let me: string | null = null;
  return {
    drafts: draftChecks(ss),
    // The header is read before the lock is taken: the lock guards the win's row, not the layout.
    log: openWinsLog(ss),
    me: () => (me ??= currentUserEmail()),
    nowIso: new Date().toISOString(),
    // The Goals sheet is read only when a save adds a goal.
    goalNames: () => (goals ??= activeGoals(readGoals(ss).goals).map((g) => g.name)),
  };
}

/**
 * One save. The lock is not released at the end: Apps Script releases it when this execution ends, a moment
 * later (see takeDocumentLock). It is released early only before the Gmail draft, which is slow and writes no cell.
 */
function saveWin(req: SaveRequest): SaveResult {
  const ss = SpreadsheetApp.getActive();
  const env = saveEnv(ss);
  const lock = takeDocumentLock(10000);
  const { result, leftDistrict } = saveOne(env, req, req.change);
  if (!('saved' in result)) return result;
  const notes: string[] = [];
  if (req.draftToSubmitter && req.change?.status === 'Needs info') {
    lock.releaseLock();
    notes.push(draftNeedsInfo(result.saved));
  }
  if (leftDistrict) {
    // The export's refresh takes the lock for its own write.
    if (!notes.length) lock.releaseLock();
    notes.push(exportAfterNarrowing(ss, [leftDistrict]));
  }
  const note = notes.filter(Boolean).join(' ');
  return note ? { ...result, note } : result;
}

/**
 * A group action in blocks, in one lock: the wins' rows read together once (values and formulas), each decided as a
 * single save would be (or reported: changed meanwhile, gone from the log), and each run of adjacent changed rows
 * written in one call; rows in between are never written.
 */
function saveMany(req: BulkRequest): BulkResult {
  const wins = req.wins.slice(0, PAGE_SIZE * 5);
  if (!wins.length) return { results: [] };
  const addGoals = req.addGoals?.map((g) => cellString(g)).filter(Boolean);
  const ss = SpreadsheetApp.getActive();
  const env = saveEnv(ss);
  // Held until this execution ends, as in saveWin (or until the district export is rewritten after it).
  const lock = takeDocumentLock(20000);
  const found = findWins(env.log, wins);
  const writes = new Map<number, unknown[]>();
  const decided = new Map<number, Decision>();
  const decisions = wins.map((w) => {
    const at = found.get(String(w.id).trim());
    // A win listed twice is saved once, and both answers say so.
    const earlier = at && decided.get(at.row);
    if (earlier) return { id: w.id, decision: { result: earlier.result } };
    const d = decide(env, w, at ? { ...at, formulas: () => at.formulas } : null, req.change, addGoals);
    if (at) decided.set(at.row, d);
    if (at && d.write) writes.set(at.row, d.write);
    return { id: w.id, decision: d };
  });
  writeRowRuns(env.log, writes);
  const results = decisions.map(({ id, decision }) => ({ id, result: withDrafts(decision) }));
  const left = decisions.map(({ decision }) => decision.leftDistrict).filter((id): id is string => !!id);
  if (left.length) {
    lock.releaseLock();
    exportAfterNarrowing(ss, left);
  }
  return { results };
}

const SIDEBAR = 'the sidebar';

export const triageEndpoints: TriageEndpoints = {
  triageOpen: endpoint(SIDEBAR, [['query', QUEUE_QUERY]], openQueue),
  triageQueue: endpoint(SIDEBAR, [['query', QUEUE_QUERY]], queuePage),
  triageWin: endpoint(SIDEBAR, [['win', WIN_REF]], loadWin),
  triageSave: endpoint(SIDEBAR, [['save', SAVE_REQUEST]], saveWin),
  triageSaveMany: endpoint(SIDEBAR, [['request', BULK_REQUEST]], saveMany),
  triageRebuildDraft: endpoint(SIDEBAR, [['request', REBUILD_REQUEST]], (req) => rebuildDraft(req.issue)),
  triageNominate: nominateEndpoint,
  triagePattern: endpoint(SIDEBAR, [], readPattern),
};
