// What the server's answer to a save means for the page, as plain data: which win to replace or drop, the
// notice to show, the undo to keep and the conflict to mark. The page applies it; no DOM, no Preact.
import type { BulkResult, DraftOffer, SaveResult, StatusCounts, WinView } from '../../src/api';
import type { ConflictNote, Notice, Undo } from './model';

export interface SaveOutcome {
  ok: boolean;
  notice: Notice;
  /** The win as it is now, to replace the page's copy. */
  replace?: WinView;
  /** The win is gone from the log (or moved beyond reach): take it off the page. */
  remove?: string;
  /** undefined: leave the conflict note as it is; null: clear it. */
  conflict?: ConflictNote | null;
  /** Set only when the save changed something. */
  undo?: Undo;
  /** Newsletter drafts still carrying the win the save disqualified (the page offers to rebuild them). */
  offers?: DraftOffer[];
}

/** One win's save (`what` says it for the notice, e.g. "Approved"); `target` is the copy that was sent. */
export function saveOutcome(target: WinView, result: SaveResult, what: string): SaveOutcome {
  if ('saved' in result) {
    const { saved } = result;
    if (!Object.keys(result.previous).length)
      return {
        ok: true,
        replace: saved,
        conflict: null,
        notice: { text: `${saved.id} already had that; nothing changed.` },
      };
    return {
      ok: true,
      replace: saved,
      conflict: null,
      undo: { id: saved.id, row: saved.row, version: saved.version, change: result.previous, what },
      notice: { text: `${what}: ${saved.id}. ${result.note ? result.note + ' ' : ''}Press u to undo.` },
      ...(result.drafts?.length ? { offers: result.drafts } : {}),
    };
  }
  if ('conflict' in result) {
    const { current, fields, message } = result.conflict;
    return {
      ok: false,
      ...(current ? { replace: current } : { remove: target.id }),
      conflict: { id: target.id, fields, message },
      notice: { text: message, error: true },
    };
  }
  return { ok: false, notice: { text: result.refused, error: true } };
}

/** A group action's answer: the wins to replace (saved, or changed by someone else) and one notice for all. */
export function groupOutcome(results: BulkResult['results'], what: string): { replace: WinView[]; notice: Notice } {
  let ok = 0;
  const replace: WinView[] = [];
  const problems: string[] = [];
  for (const { id, result } of results) {
    if ('saved' in result) {
      ok++;
      replace.push(result.saved);
    } else if ('conflict' in result) {
      if (result.conflict.current) replace.push(result.conflict.current);
      problems.push(`${id}: ${result.conflict.message}`);
    } else problems.push(`${id}: ${result.refused}`);
  }
  return {
    replace,
    notice: {
      text: `${what}: ${ok} of ${results.length} wins.${problems.length ? ' ' + problems.join(' ') : ''}`,
      error: problems.length > 0,
    },
  };
}

/**
 * The counts by status once wins moved: each pair is a win as the page had it and as it is now (after a save, or the
 * newer version a conflict brought back; null when it left the log). The counts change as the leader works, without
 * asking the server again.
 */
export function countsAfter(
  counts: StatusCounts,
  moves: Array<{ before: WinView; after: WinView | null }>,
): StatusCounts {
  const next = { ...counts };
  // A hand-typed status outside the four is not counted, so it moves no count.
  const counted = (status: string): status is keyof StatusCounts => Object.prototype.hasOwnProperty.call(next, status);
  for (const { before, after } of moves) {
    if (after && before.status === after.status) continue;
    if (counted(before.status)) next[before.status] = Math.max(0, next[before.status] - 1);
    if (after && counted(after.status)) next[after.status] += 1;
  }
  return next;
}
