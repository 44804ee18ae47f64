// Showcase practices, the school's side: the triage sidebar's "Nominate as a showcase practice" opens the Showcase
// dialog with the selected wins; the dialog lists practices, and saves, nominates or withdraws one under the
// document lock (a save over another leader's newer one is refused and shown). Nominating, withdrawing or changing a
// nominated practice rewrites the district export when the school shares one.
import { activeGoals, readGoals } from '../adapters/goals-sheet';
import { withDocumentLock } from '../adapters/lock';
import { appendPractice, openShowcase, ShowcaseHandle, updatePractice } from '../adapters/showcase-sheet';
import { DocumentStore } from '../adapters/store';
import { currentUserEmail } from '../adapters/triage-sidebar';
import { idRowsOf, openWinsLog, readColumns, readWinsById } from '../adapters/wins/log';
import { storyForDistrict } from '../domain/district-export';
import { flag, listOf, PayloadError, record, text, type Check } from '../domain/payload';
import {
  checkPractice,
  nextPracticeNumber,
  Practice,
  PracticeInput,
  practiceId,
  practiceVersion,
  suggestTier,
  versionSavedAt,
} from '../domain/showcase';
import { isApproved } from '../domain/win-rules';
import type { Win } from '../domain/win';
import type {
  LinkedWinView,
  LinkedWinsResult,
  PracticeView,
  ShowcaseAction,
  ShowcaseEndpoints,
  ShowcaseSaveRequest,
  ShowcaseSaveResult,
  ShowcaseView,
  TierSuggestionView,
} from '../spread-api';
import { refreshDistrictExport } from './district';
import { endpoint } from './endpoints';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SHOWCASE_PAGE = 'Showcase';
const PENDING_KEY = 'sw.showcase.start';
const MAX_LINKED = 50;

// ---- Opening the dialog ---------------------------------------------------------------------------------------

/** The menu item: the dialog with the list of practices. */
export function showShowcaseDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile(SHOWCASE_PAGE).setWidth(640).setHeight(680);
  SpreadsheetApp.getUi().showModalDialog(html, 'Showcase practices');
}

/** From the triage sidebar: the selected wins start a new practice in the dialog (kept ten minutes for it). */
function nominateFromSidebar(request: { winIds: string[] }): { opened: boolean } {
  const ids = Array.from(new Set(request.winIds.map((id) => id.trim()).filter(Boolean))).slice(0, MAX_LINKED);
  if (!ids.length) throw new PayloadError('Choose at least one approved win to nominate a practice from.');
  CacheService.getUserCache().put(PENDING_KEY, JSON.stringify(ids), 600);
  showShowcaseDialog();
  return { opened: true };
}

// ---- Reading -------------------------------------------------------------------------------------------------

/** The linked wins, read fresh by ID (two calls whatever the log's size: its ID column, then their rows). */
function readLinked(ss: Spreadsheet, ids: readonly string[]): Map<string, Win> {
  if (!ids.length) return new Map();
  const log = openWinsLog(ss);
  return readWinsById(log, ids, idRowsOf(readColumns(log, ['id']))).wins;
}

function linkedViews(ids: readonly string[], wins: ReadonlyMap<string, Win>): LinkedWinView[] {
  return ids.map((id) => {
    const w = wins.get(id);
    return w
      ? {
          id,
          headline: w.headline,
          submittedAt: w.submittedAt,
          approved: isApproved(w),
          reachesDistrict: storyForDistrict(w) !== null,
          found: true,
        }
      : { id, headline: '', submittedAt: '', approved: false, reachesDistrict: false, found: false };
  });
}

function suggestion(ids: readonly string[], wins: ReadonlyMap<string, Win>): TierSuggestionView {
  const s = suggestTier(ids.map((id) => wins.get(id)?.submittedAt ?? '').filter(Boolean));
  return { tier: s.tier, reason: s.reason };
}

function practiceView(p: Practice, wins: ReadonlyMap<string, Win>): PracticeView {
  const { row: _row, suggestedTier: _s, ...rest } = p;
  return {
    ...rest,
    version: practiceVersion(p),
    wins: linkedViews(p.winIds, wins),
    suggestion: suggestion(p.winIds, wins),
  };
}

function goalNames(ss: Spreadsheet): string[] {
  return activeGoals(readGoals(ss).goals).map((g) => g.name);
}

function sharingSentence(store: DocumentStore): string {
  const sharing = store.config.districtExport as { sharing?: boolean; district?: string } | undefined;
  return sharing?.sharing
    ? `Nominated practices go into the district export shared with ${sharing.district}.`
    : 'The school does not share a district export yet: nominated practices stay here until a leader turns on Settings → Share with the district.';
}

function openShowcaseView(): ShowcaseView {
  const ss = SpreadsheetApp.getActive();
  const cache = CacheService.getUserCache();
  const pendingRaw = cache.get(PENDING_KEY);
  if (pendingRaw) cache.remove(PENDING_KEY);
  let pending: string[] = [];
  try {
    const parsed: unknown = pendingRaw ? JSON.parse(pendingRaw) : [];
    if (Array.isArray(parsed)) pending = parsed.map((x) => String(x));
  } catch {
    pending = [];
  }
  const handle = openShowcase(ss);
  const ids = Array.from(new Set([...pending, ...handle.practices.flatMap((p) => p.winIds)]));
  const wins = readLinked(ss, ids);
  return {
    practices: handle.practices.map((p) => practiceView(p, wins)),
    goals: goalNames(ss),
    start: pending.length
      ? { winIds: pending, wins: linkedViews(pending, wins), suggestion: suggestion(pending, wins) }
      : null,
    sharing: sharingSentence(DocumentStore.open()),
    timeZone: ss.getSpreadsheetTimeZone(),
  };
}

function linkedWins(ids: string[]): LinkedWinsResult {
  const clean = Array.from(new Set(ids.map((id) => id.trim()).filter(Boolean))).slice(0, MAX_LINKED);
  const wins = readLinked(SpreadsheetApp.getActive(), clean);
  return { wins: linkedViews(clean, wins), suggestion: suggestion(clean, wins) };
}

// ---- Saving ------------------------------------------------------------------------------------------------------

const ACTION_WORDS: Record<ShowcaseAction, string> = { save: 'saved', nominate: 'nominated', withdraw: 'withdrawn' };

function conflictMessage(current: Practice, version: string): string {
  // The same save time: the change was typed in the Showcase sheet, not saved from a dialog.
  const where =
    versionSavedAt(version) === versionSavedAt(practiceVersion(current))
      ? 'in the Showcase sheet'
      : `by ${current.updatedBy || 'another leader'}`;
  return `${current.id} was changed ${where} since you opened it, so nothing was saved. Its current version is shown: make your change again.`;
}

interface Saved {
  result: ShowcaseSaveResult;
  /** The export holds (or held) this practice: rewrite it. */
  touchesExport: boolean;
}

function saveUnderLock(ss: Spreadsheet, req: ShowcaseSaveRequest): Saved {
  const who = currentUserEmail();
  // Whole seconds: the sheet's date cell shows seconds, and the version a page holds compares this time as read back.
  const nowIso = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  const handle: ShowcaseHandle = openShowcase(ss);
  const rows = req.id ? handle.practices.filter((p) => p.id === req.id) : [];
  const existing = rows[0] ?? null;
  const refused = (message: string, current?: Practice): Saved => ({
    result: {
      ok: false,
      message,
      errors: {},
      ...(current ? { current: practiceView(current, readLinked(ss, current.winIds)) } : {}),
    },
    touchesExport: false,
  });
  if (req.id && !existing)
    return refused(
      `${req.id} is no longer in the Showcase sheet (its row was deleted or its ID changed). Nothing was saved.`,
    );
  if (rows.length > 1)
    return refused(
      `${req.id} is on ${rows.length} rows of the Showcase sheet (rows ${rows.map((p) => p.row).join(' and ')}), so it is not clear which one to change. Give a copied row an ID of its own, or delete it, then save again. Nothing was saved.`,
    );
  if (existing && practiceVersion(existing) !== req.version)
    return refused(conflictMessage(existing, req.version), existing);
  const wasNominated = existing?.status === 'Nominated';

  if (req.action === 'withdraw') {
    if (!existing) return refused('Only a saved practice can be withdrawn.');
    const next: Practice = { ...existing, status: 'Withdrawn', updatedBy: who, updatedAt: nowIso };
    updatePractice(handle, next);
    const wins = readLinked(ss, next.winIds);
    return {
      result: { ok: true, message: '', practice: practiceView(next, wins), practices: allViews(ss, handle) },
      touchesExport: wasNominated,
    };
  }

  const nominating = req.action === 'nominate' || (req.action === 'save' && wasNominated);
  const wins = readLinked(ss, req.practice.winIds.map((id) => id.trim()).filter(Boolean));
  const checked = checkPractice(req.practice, {
    goals: readGoals(ss).goals.map((g) => g.name),
    wins: new Map([...wins].map(([id, w]) => [id, { approved: isApproved(w) }])),
    nominating,
  });
  if (!checked.ok)
    return {
      result: {
        ok: false,
        message: 'Some fields need a fix before this practice can be saved.',
        errors: checked.errors,
      },
      touchesExport: false,
    };
  const input: PracticeInput = checked.practice;
  const status = req.action === 'nominate' ? 'Nominated' : (existing?.status ?? 'Draft');
  const firstNomination = req.action === 'nominate' && !wasNominated;
  const base: Practice = existing ?? {
    ...input,
    id: '',
    status,
    suggestedTier: '',
    nominatedBy: '',
    nominatedAt: '',
    updatedBy: '',
    updatedAt: '',
    row: 0,
  };
  const next: Practice = {
    ...base,
    ...input,
    status,
    suggestedTier: suggestTier(input.winIds.map((id) => wins.get(id)?.submittedAt ?? '').filter(Boolean)).tier,
    nominatedBy: firstNomination ? who : base.nominatedBy,
    nominatedAt: firstNomination ? nowIso : base.nominatedAt,
    updatedBy: who,
    updatedAt: nowIso,
  };
  if (existing) updatePractice(handle, next);
  else {
    const store = DocumentStore.open();
    const n = nextPracticeNumber(
      store.config.nextPracticeNumber,
      handle.practices.map((p) => p.id),
    );
    next.id = practiceId(n);
    store.save({ nextPracticeNumber: n + 1 });
    appendPractice(handle, next);
  }
  return {
    result: { ok: true, message: '', practice: practiceView(next, wins), practices: allViews(ss, handle) },
    touchesExport: wasNominated || status === 'Nominated',
  };
}

function allViews(ss: Spreadsheet, handle: ShowcaseHandle): PracticeView[] {
  const wins = readLinked(ss, Array.from(new Set(handle.practices.flatMap((p) => p.winIds))));
  return handle.practices.map((p) => practiceView(p, wins));
}

/**
 * One save. The document lock is held for the Showcase row only and released before the district export is
 * rewritten (which takes it again for its own write).
 */
function saveShowcase(req: ShowcaseSaveRequest): ShowcaseSaveResult {
  const ss = SpreadsheetApp.getActive();
  const saved = withDocumentLock(10000, () => saveUnderLock(ss, req));
  if (!saved.result.ok) return saved.result;
  const p = saved.result.practice;
  const said = `${p.id} ${p.name ? `("${p.name}") ` : ''}was ${ACTION_WORDS[req.action]}.`;
  const exported = saved.touchesExport ? refreshDistrictExport().message : '';
  return { ...saved.result, message: [said, exported].filter(Boolean).join(' ') };
}

// ---- Endpoints -----------------------------------------------------------------------------------------------

const PRACTICE_INPUT = record({
  name: text({ max: 2000 }),
  goal: text({ max: 2000 }),
  description: text({ max: 20000 }),
  impact: text({ max: 20000 }),
  gradeBand: text({ max: 2000 }),
  whoBenefits: text({ max: 2000 }),
  whatItTakes: text({ max: 20000 }),
  conditions: text({ max: 20000 }),
  contact: text({ max: 2000 }),
  hostVisits: flag,
  tier: text({ max: 100 }),
  winIds: listOf(text({ max: 100 }), MAX_LINKED),
}) as Check<PracticeInput>;

const ACTION: Check<ShowcaseAction> = (v, path) => {
  if (v === 'save' || v === 'nominate' || v === 'withdraw') return v;
  throw new PayloadError(`${path} should be "save", "nominate" or "withdraw"`);
};

const SAVE_REQUEST = record({
  id: text({ max: 100 }),
  version: text({ max: 200 }),
  action: ACTION,
  practice: PRACTICE_INPUT,
}) as Check<ShowcaseSaveRequest>;

const DIALOG = 'the Showcase dialog';

export const showcaseEndpoints: ShowcaseEndpoints = {
  showcaseOpen: endpoint(DIALOG, [], openShowcaseView),
  showcaseWins: endpoint(DIALOG, [['winIds', listOf(text({ max: 100 }), MAX_LINKED)]], linkedWins),
  showcaseSave: endpoint(DIALOG, [['request', SAVE_REQUEST]], saveShowcase),
};

/** The sidebar's "Nominate as a showcase practice" (one of the triage endpoints). */
export const nominateEndpoint = endpoint(
  'the sidebar',
  [['request', record({ winIds: listOf(text({ max: 100 }), MAX_LINKED) })]],
  nominateFromSidebar,
);
