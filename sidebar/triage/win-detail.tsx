// The current win in the triage sidebar: any conflict, its status and text, warnings, the actions, the goal
// chips, and its fields (kind, consent, privacy, public blurb). Text from wins is always rendered as text.
import { useState } from 'preact/hooks';
import type { Consent, Kind, PatternView, TriageChange, WinView } from '../../src/api';
import { patternLines } from '../../src/domain/pattern';
import { CONSENTS, KINDS } from '../../src/domain/schema';
import { WinActions } from './actions';
import { BlurbEditor } from './blurb-editor';
import {
  fieldNames,
  goalChipHint,
  inactiveGoals,
  safeLink,
  shortDate,
  statusClass,
  unknownSuggestions,
} from './format';
import { readConsent } from '../../src/domain/win';
// The same rule the server checks a save against: never wider than the submitter allowed.
import { consentChoices } from '../../src/domain/win-rules';
import type { ConflictNote, QueueMeta, TriageAction, Undo } from './model';

interface DetailProps {
  win: WinView;
  meta: QueueMeta;
  conflict: ConflictNote | null;
  save: (w: WinView, c: TriageChange, what: string) => Promise<boolean>;
  act: (k: TriageAction) => void;
  toggleGoal: (name: string) => void;
  undo: Undo | null;
  doUndo: () => void;
  draftEmail: boolean;
  setDraftEmail: (b: boolean) => void;
  nominate: (ids: string[]) => void;
  /** What the last dashboard refresh counted per goal (null before one, or while it loads). */
  pattern: PatternView | null;
}

export function WinDetail({
  win,
  meta,
  conflict,
  save,
  act,
  toggleGoal,
  undo,
  doUndo,
  draftEmail,
  setDraftEmail,
  nominate,
  pattern,
}: DetailProps) {
  const changed = new Set(conflict?.fields ?? []);
  const mark = (f: string) => (changed.has(f) ? 'changed' : '');
  const link = safeLink(win.link);

  return (
    <section class="win" aria-labelledby="win-headline">
      {conflict && (
        <div class="conflict" role="alert">
          <p>{conflict.message}</p>
          {conflict.fields.length > 0 && <p class="muted">Changed: {fieldNames(conflict.fields)}</p>}
        </div>
      )}
      <p class="meta">
        <span class={`badge ${statusClass(win.status)} ${mark('status')}`}>{win.status}</span>
        {win.featured && <span class="badge featured">Featured</span>}
        <span>{win.id}</span>
      </p>
      <h2 id="win-headline" class={mark('headline')}>
        {win.headline || '(no headline)'}
      </h2>
      <p class="muted">
        {win.name || 'Anonymous'}
        {win.role ? `, ${win.role}` : ''} · {win.source || 'Source not given'} ·{' '}
        {shortDate(win.submittedAt, meta.timeZone)}
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

      <WinActions
        win={win}
        canDraft={meta.canDraft}
        act={act}
        undo={undo}
        doUndo={doUndo}
        draftEmail={draftEmail}
        setDraftEmail={setDraftEmail}
        nominate={nominate}
      />
      <GoalChips win={win} goals={meta.goals} toggleGoal={toggleGoal} className={`goals ${mark('goals')}`} />
      <GoalPattern pattern={pattern} goals={win.goals} />

      <div class="fields">
        <label>
          Kind
          <select
            class={mark('kind')}
            value={win.kind}
            onChange={(e) => void save(win, { kind: (e.target as HTMLSelectElement).value as Kind }, 'Kind changed')}
          >
            {KINDS.map((k) => (
              <option value={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Consent
          <select
            class={mark('consent')}
            value={win.consent}
            onChange={(e) =>
              void save(win, { consent: (e.target as HTMLSelectElement).value as Consent }, 'Consent narrowed')
            }
          >
            {consentChoices({ consentGiven: readConsent(win.consentGiven) }).map((c) => (
              <option value={c.value} disabled={!c.allowed}>
                {c.value}
              </option>
            ))}
          </select>
        </label>
        {win.needsConsentRecord ? (
          <ConsentRecord win={win} save={save} />
        ) : (
          <p class="muted small">
            The submitter allowed: {win.consentGiven}
            {win.consentRecordedBy
              ? ` (recorded by ${win.consentRecordedBy} on ${shortDate(win.consentRecordedAt, meta.timeZone)})`
              : ''}
            . Newsletters use {win.effectiveConsent}. Consent can be narrowed, never widened.
          </p>
        )}
        <p class="small">
          Names students or has photos: <b>{win.namesStudents ? 'Yes' : 'No'}</b>
        </p>
        {win.namesStudents && (
          <label class="check">
            <input
              type="checkbox"
              checked={win.privacyCleared}
              onChange={(e) =>
                void save(
                  win,
                  { privacyCleared: (e.target as HTMLInputElement).checked },
                  (e.target as HTMLInputElement).checked ? 'Privacy cleared' : 'Privacy check undone',
                )
              }
            />
            Privacy cleared
            {win.privacyCleared && win.privacyClearedBy && (
              <span class="muted small">
                {' '}
                by {win.privacyClearedBy} on {shortDate(win.privacyClearedAt, meta.timeZone)}
              </span>
            )}
          </label>
        )}
        <BlurbEditor win={win} limit={meta.blurbLimit} mark={mark('blurb')} save={save} />
        {win.triagedBy && (
          <p class="muted small">
            Last triaged by {win.triagedBy} on {shortDate(win.triagedAt, meta.timeZone)}
          </p>
        )}
      </div>
    </section>
  );
}

/**
 * The submitter's consent is not on record (a hand-typed win, a blanked cell): the win counts as Staff only until a
 * leader records what the submitter allowed. The server logs who recorded it and when.
 */
function ConsentRecord({
  win,
  save,
}: {
  win: WinView;
  save: (w: WinView, c: TriageChange, what: string) => Promise<boolean>;
}) {
  const [choice, setChoice] = useState<Consent | ''>('');
  return (
    <fieldset class="consent-record">
      <legend>The submitter's consent</legend>
      <p class="small">
        Not on record, so this win counts as Staff only. Record only what the submitter told you they allow.
      </p>
      <label>
        They allow
        <select value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value as Consent | '')}>
          <option value="">Choose</option>
          {CONSENTS.map((c) => (
            <option value={c}>{c}</option>
          ))}
        </select>
      </label>
      <button
        type="button"
        disabled={!choice}
        onClick={() => {
          if (choice) void save(win, { recordConsent: choice }, `Recorded the submitter's consent (${choice})`);
        }}
      >
        Record the submitter's consent
      </button>
    </fieldset>
  );
}

/** The pattern of progress for the win's goals, as the last dashboard refresh counted it. */
function GoalPattern({ pattern, goals }: { pattern: PatternView | null; goals: string[] }) {
  const lines = patternLines(pattern, goals);
  if (!lines.length) return null;
  return (
    <ul class="pattern" aria-label={`This school year (${pattern?.year ?? ''}), as of the last dashboard refresh`}>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** One toggle a goal (numbered 1 – 9 for the keys, starred when suggested), then the win's goals no longer active. */
function GoalChips({
  win,
  goals,
  toggleGoal,
  className,
}: {
  win: WinView;
  goals: QueueMeta['goals'];
  toggleGoal: (name: string) => void;
  className: string;
}) {
  return (
    <fieldset class={className}>
      <legend>Goals</legend>
      {goals.map((g, i) => {
        const on = win.goals.includes(g.name);
        const suggested = !on && win.suggestedGoals.includes(g.name);
        return (
          <button
            type="button"
            class={`chip ${on ? 'on' : ''} ${suggested ? 'suggested' : ''}`}
            aria-pressed={on ? 'true' : 'false'}
            title={g.description}
            onClick={() => toggleGoal(g.name)}
          >
            {i < 9 && (
              <span class="num" aria-hidden="true">
                {i + 1}
              </span>
            )}
            {g.name}
            {suggested && <span aria-hidden="true"> ★</span>}
            <span class="sr-only">{goalChipHint(suggested, i)}</span>
          </button>
        );
      })}
      {inactiveGoals(win.goals, goals).map((g) => (
        <span class="chip on inactive" title="Not an active goal in the Goals sheet">
          {g}
        </span>
      ))}
      {unknownSuggestions(win, goals).length > 0 && (
        <p class="muted unknown-goals">
          Suggested but not among the active goals (ticked on the Form): {unknownSuggestions(win, goals).join(', ')}. To
          tag it, add it to the Goals sheet (or make it active) and run Set up.
        </p>
      )}
    </fieldset>
  );
}
