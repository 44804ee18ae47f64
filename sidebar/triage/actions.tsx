// The triage sidebar's buttons that change wins: the current win's actions (approve, feature, needs info,
// archive, undo, and the offer to draft an email with Needs info), the group actions on the selected wins, and
// the offer to rebuild a newsletter draft that still carries a win a save disqualified.
import { useState } from 'preact/hooks';
import type { DraftOffer, TriageChange, WinView } from '../../src/api';
import type { QueueMeta, TriageAction, Undo } from './model';

interface WinActionsProps {
  win: WinView;
  canDraft: boolean;
  act: (action: TriageAction) => void;
  undo: Undo | null;
  doUndo: () => void;
  draftEmail: boolean;
  setDraftEmail: (on: boolean) => void;
  /** Opens the Showcase dialog with a new practice linked to these wins. */
  nominate: (ids: string[]) => void;
}

export function WinActions({ win, canDraft, act, undo, doUndo, draftEmail, setDraftEmail, nominate }: WinActionsProps) {
  return (
    <>
      <div class="actions" role="group" aria-label="Actions">
        <button type="button" class="primary" onClick={() => act('approve')} aria-keyshortcuts="a">
          Approve
        </button>
        <button
          type="button"
          aria-pressed={win.featured ? 'true' : 'false'}
          onClick={() => act('feature')}
          aria-keyshortcuts="f"
        >
          Feature
        </button>
        <button type="button" onClick={() => act('needs')} aria-keyshortcuts="n">
          Needs info
        </button>
        <button type="button" onClick={() => act('archive')} aria-keyshortcuts="e">
          Archive
        </button>
        <button
          type="button"
          disabled={!undo}
          onClick={doUndo}
          aria-keyshortcuts="u"
          aria-label={undo ? `Undo: ${undo.what} ${undo.id}` : 'Undo'}
        >
          Undo
        </button>
      </div>
      {canDraft && (
        <label class="check">
          <input
            type="checkbox"
            checked={draftEmail}
            onChange={(e) => setDraftEmail((e.target as HTMLInputElement).checked)}
          />
          With Needs info, draft an email asking {win.name || 'the submitter'} for more
        </label>
      )}
      {win.status === 'Approved' && (
        <button type="button" class="link" onClick={() => nominate([win.id])}>
          Nominate as a showcase practice
        </button>
      )}
    </>
  );
}

interface GroupActionsProps {
  count: number;
  goals: QueueMeta['goals'];
  bulk: (change: TriageChange, what: string, addGoals?: string[]) => void;
  clear: () => void;
  /** All the selected wins are approved: they can start a showcase practice together. */
  canNominate: boolean;
  nominate: () => void;
}

/** Shown while wins are selected; stays mounted meanwhile so the chosen goal is kept between selections. */
export function GroupActions({ count, goals, bulk, clear, canNominate, nominate }: GroupActionsProps) {
  const [goal, setGoal] = useState('');
  if (count === 0) return null;
  return (
    <div class="bulk" role="group" aria-label="Group actions">
      <span>{count} selected</span>
      <button type="button" class="primary" onClick={() => bulk({ status: 'Approved' }, 'Approved')}>
        Approve selected
      </button>
      <label>
        Tag
        <select
          aria-label="Goal to tag the selected wins with"
          value={goal}
          onChange={(e) => setGoal((e.target as HTMLSelectElement).value)}
        >
          <option value="">Choose a goal</option>
          {goals.map((g) => (
            <option value={g.name}>{g.name}</option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={!goal}
        // Each win keeps its own goals and gains the chosen one.
        onClick={() => bulk({}, `Tagged ${goal}`, [goal])}
      >
        Tag selected
      </button>
      {canNominate && (
        <button type="button" onClick={nominate}>
          Nominate as a showcase practice
        </button>
      )}
      <button type="button" onClick={clear}>
        Clear selection
      </button>
    </div>
  );
}

interface DraftOffersProps {
  offers: DraftOffer[];
  rebuild: (offer: DraftOffer) => void;
  dismiss: (offer: DraftOffer) => void;
}

/** A waiting newsletter draft still carries a win that no longer qualifies: say so, and offer to rebuild it. */
export function DraftOffers({ offers, rebuild, dismiss }: DraftOffersProps) {
  if (!offers.length) return null;
  return (
    <div class="offers" role="group" aria-label="Newsletter drafts to fix">
      {offers.map((o) => (
        <div class="offer">
          <p role="alert">{o.message}</p>
          {o.canRebuild && (
            <button type="button" class="primary" onClick={() => rebuild(o)}>
              Rebuild the draft of {o.label}
            </button>
          )}
          <button type="button" onClick={() => dismiss(o)} aria-label={`Dismiss the note on ${o.label}`}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
