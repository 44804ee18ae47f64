// The Settings dialog: school name, audiences and recipients, schedule, template Doc, sender, credit, and the
// recent issues with Cancel. Validation runs here for instant feedback; the server validates again on save.
import { Fragment, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  AUDIENCES,
  Audience,
  CADENCE_KINDS,
  MAX_RECIPIENTS,
  SettingsField,
  SettingsInput,
  validateSettings,
  WEEKDAY_NAMES,
} from '../src/domain/settings';
import { FamilyLanguageInput, LANGUAGE_CHOICES, MAX_FAMILY_LANGUAGES } from '../src/domain/family-languages';
import { safeLink } from '../src/domain/links';
import { mergeSettings } from '../src/domain/settings-merge';
import type { RecentIssue, SettingsEndpoints, SettingsView } from '../src/settings-api';
import { closeDialog, readableError, serverClient } from './client';
import { described, Field } from './form-field';
import { DistrictSection } from './district-section';
import { EditionFields, ScheduleNotes } from './edition-fields';
import { defaultSignoff } from '../src/domain/settings';
import './settings.css';

const settingsServer = serverClient<SettingsEndpoints>('Small Wins → Settings');

const CADENCE_LABELS: Record<string, string> = {
  off: 'Off (only Draft newsletter now)',
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
};
const AUDIENCE_HINTS: Record<Audience, string> = {
  Staff: 'Addresses in To. Carries every approved win.',
  Families:
    'Addresses in Bcc. Only wins with School community or Public consent, privacy cleared where students are named.',
  Public:
    'Addresses in Bcc (partners, district office). Only wins with Public consent, privacy cleared where students are named.',
};

type Errors = Partial<Record<SettingsField, string>>;

/** Family languages: each a language from the pick list and its own recipients, added and removed by row. */
function FamilyLanguages(props: {
  rows: FamilyLanguageInput[];
  errors: Errors;
  onChange: (rows: FamilyLanguageInput[]) => void;
}) {
  const { rows, errors, onChange } = props;
  const set = (i: number, patch: Partial<FamilyLanguageInput>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unused = LANGUAGE_CHOICES.find((l) => !rows.some((r) => r.code === l.code));
  return (
    <fieldset>
      <legend>Family languages</legend>
      <p class="hint" id="languages-hint">
        Each Families issue is also drafted in these languages, translated automatically by Google Translate with the
        English original below, each for its own recipients (in Bcc). The Doc stays in English.
      </p>
      {rows.map((r, i) => {
        const id = `lang-${i}`;
        const err = errors[`language.${i}`];
        const name = LANGUAGE_CHOICES.find((l) => l.code === r.code)?.name ?? 'this language';
        return (
          <div class="language-row" key={i}>
            <Field id={`${id}-code`} label={`Language ${i + 1}`}>
              <select
                id={`${id}-code`}
                value={r.code}
                onChange={(e) => set(i, { code: e.currentTarget.value })}
                {...described(`${id}-rcpt`, err)}
              >
                {LANGUAGE_CHOICES.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.name} ({l.native})
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-rcpt`} label="Recipients" labelMore={`for ${name}`} error={err}>
              <textarea
                id={`${id}-rcpt`}
                value={r.recipients}
                onInput={(e) => set(i, { recipients: e.currentTarget.value })}
                {...described(`${id}-rcpt`, err)}
              />
            </Field>
            <button
              type="button"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              aria-label={`Remove ${name}`}
            >
              Remove
            </button>
          </div>
        );
      })}
      {rows.length < MAX_FAMILY_LANGUAGES && unused && (
        <button
          type="button"
          aria-describedby="languages-hint"
          onClick={() => onChange([...rows, { code: unused.code, recipients: '' }])}
        >
          Add a language
        </button>
      )}
    </fieldset>
  );
}

/** The issue's label, a link to its Doc only when the stored link is an https: address. */
function docLink(issue: RecentIssue) {
  const href = safeLink(issue.docUrl);
  return href ? <a href={href}>{issue.label}</a> : issue.label;
}

/** Older servers send no editions: the dialog starts from the defaults for every audience. */
function settingsEditions(input: SettingsInput): NonNullable<SettingsInput['editions']> {
  const out = {} as NonNullable<SettingsInput['editions']>;
  for (const a of AUDIENCES) out[a] = input.editions?.[a] ?? { greeting: '', signoff: '', minWins: '1' };
  return out;
}

function App() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [input, setInput] = useState<SettingsInput | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<{ text: string; tone: '' | 'good' | 'bad' } | null>(null);
  const [busy, setBusy] = useState(false);
  const [takeOver, setTakeOver] = useState(false);
  const [touched, setTouched] = useState(false);
  // Another leader's save that came after this dialog opened: what they changed, shown until the next save.
  const [conflict, setConflict] = useState<{
    by: string;
    at: string;
    changes: string[];
    bothChanged: string[];
  } | null>(null);
  // Bumped when a save is refused: once the errors are rendered, the first field in error takes the focus.
  const [focusError, setFocusError] = useState(0);
  useEffect(() => {
    if (focusError) document.querySelector<HTMLElement>('[aria-invalid=true], #conflict')?.focus();
  }, [focusError]);

  useEffect(() => {
    settingsServer
      .settingsOpen()
      .then((v) => {
        setView(v);
        setInput(v.input);
        document.getElementById('app')?.removeAttribute('aria-busy');
      })
      .catch((e) => setStatus({ text: readableError(e), tone: 'bad' }));
  }, []);

  if (!input || !view)
    return status ? <p class={`status ${status.tone}`}>{status.text}</p> : <p class="loading">Loading the settings…</p>;

  const update = (patch: Partial<SettingsInput>) => {
    const next = { ...input, ...patch };
    setInput(next);
    if (touched) {
      const r = validateSettings(next);
      setErrors(r.ok ? {} : r.errors);
    }
  };
  const setAudience = (a: Audience, patch: Partial<SettingsInput['audiences'][Audience]>) =>
    update({ audiences: { ...input.audiences, [a]: { ...input.audiences[a], ...patch } } });
  const setCadence = (patch: Partial<SettingsInput['cadence']>) => update({ cadence: { ...input.cadence, ...patch } });
  const updateLoop = (patch: Partial<NonNullable<SettingsInput['closingLoop']>>) =>
    update({
      closingLoop: { thankSubmitters: false, leaderDigest: false, leaders: '', ...input.closingLoop, ...patch },
    });

  const save = async (e: Event) => {
    e.preventDefault();
    setTouched(true);
    const local = validateSettings(input);
    if (!local.ok) {
      setErrors(local.errors);
      setStatus({ text: 'Some settings need a fix before they can be saved.', tone: 'bad' });
      setFocusError((n) => n + 1);
      return;
    }
    setBusy(true);
    setStatus({ text: 'Saving…', tone: '' });
    try {
      const r = await settingsServer.settingsSave(input, { takeOverSchedule: takeOver, version: view.version });
      if (r.ok) {
        setView(r.view);
        setInput(r.view.input);
        setErrors({});
        setConflict(null);
        setStatus({ text: r.message, tone: 'good' });
      } else if (r.conflict) {
        // Their newer save becomes what this dialog read; this leader's edits stay on top of it, nothing is lost.
        const merge = mergeSettings(view.input, input, r.conflict.view.input);
        setView(r.conflict.view);
        setInput(merge.merged);
        setErrors({});
        setConflict({
          by: r.conflict.savedBy || 'Another leader',
          at: r.conflict.savedAt,
          changes: merge.theirChanges,
          bothChanged: merge.bothChanged,
        });
        setStatus({ text: r.message, tone: 'bad' });
        setFocusError((n) => n + 1);
      } else {
        setErrors(r.errors);
        setStatus({ text: r.message, tone: 'bad' });
        setFocusError((n) => n + 1);
      }
    } catch (err) {
      setStatus({ text: readableError(err), tone: 'bad' });
    } finally {
      setBusy(false);
    }
  };

  const cancel = async (issue: RecentIssue, force = false) => {
    if (
      !force &&
      !window.confirm(
        `Cancel ${issue.label} (${issue.period})? Its wins become eligible again and its Gmail draft is deleted.`,
      )
    )
      return;
    setBusy(true);
    try {
      const r = await settingsServer.settingsCancelIssue(issue.key, force);
      setView({ ...view, recentIssues: r.recentIssues });
      if (!r.result.ok && r.result.needsConfirmation) {
        if (window.confirm(r.result.message)) await cancel(issue, true);
        return;
      }
      setStatus({ text: r.result.message, tone: r.result.ok ? 'good' : 'bad' });
    } catch (err) {
      setStatus({ text: readableError(err), tone: 'bad' });
    } finally {
      setBusy(false);
    }
  };

  const kind = input.cadence.kind;
  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      {status && (
        <p class={`status ${status.tone}`} role="status" aria-live="polite">
          {status.text}
        </p>
      )}
      {conflict && (
        <section id="conflict" class="conflict" tabIndex={-1} aria-labelledby="conflict-title">
          <h2 id="conflict-title">
            Changed by {conflict.by}
            {conflict.at ? ` at ${conflict.at}` : ''} since you opened Settings
          </h2>
          {conflict.changes.length ? (
            <ul>
              {conflict.changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : (
            <p>Nothing you can see here changed (the schedule's owner or bookkeeping only).</p>
          )}
          {conflict.bothChanged.length > 0 && (
            <p>
              You both changed: {conflict.bothChanged.join(', ')}. The form shows yours; saving keeps it, or put theirs
              back before saving.
            </p>
          )}
          <p>Your other edits are kept in the form. Nothing is saved until you save again.</p>
        </section>
      )}
      <Field id="school" label="School name" error={errors.schoolName}>
        <input
          id="school"
          type="text"
          value={input.schoolName}
          onInput={(e) => update({ schoolName: e.currentTarget.value })}
          {...described('school', errors.schoolName)}
        />
      </Field>

      <h2>Audiences</h2>
      {AUDIENCES.map((a) => {
        const id = `rcpt-${a}`;
        const err = errors[`recipients.${a}`];
        return (
          <fieldset key={a}>
            <legend>{a}</legend>
            <label class="inline">
              <input
                type="checkbox"
                checked={input.audiences[a].enabled}
                onChange={(e) => setAudience(a, { enabled: e.currentTarget.checked })}
              />{' '}
              Draft a newsletter for {a}
            </label>
            <Field
              id={id}
              label="Recipients"
              labelMore={`for ${a}`}
              error={err}
              hint={`Email addresses or a Google Group, separated by commas: up to ${MAX_RECIPIENTS} (for more, use a Google Group's address). ${AUDIENCE_HINTS[a]}`}
            >
              <textarea
                id={id}
                value={input.audiences[a].recipients}
                onInput={(e) => setAudience(a, { recipients: e.currentTarget.value })}
                {...described(id, err, 'hint')}
              />
            </Field>
            <EditionFields
              audience={a}
              value={input.editions?.[a]}
              errors={errors}
              signoffDefault={defaultSignoff(input.senderName, input.schoolName)}
              onChange={(e) =>
                update({
                  editions: { ...(input.editions ?? settingsEditions(input)), [a]: e },
                })
              }
            />
          </fieldset>
        );
      })}

      <FamilyLanguages
        rows={input.familyLanguages ?? []}
        errors={errors}
        onChange={(rows) => update({ familyLanguages: rows })}
      />

      <h2>Schedule</h2>
      <p class="hint" id="automation">
        Times are in the spreadsheet’s time zone ({view.timeZone}). {view.automation}
      </p>
      {view.automationWarning && (
        <p class="warning" id="automation-warning">
          {view.automationWarning}
        </p>
      )}
      <ScheduleNotes schedule={view.schedule} />
      <div class="row">
        <div>
          <Field id="cadence" label="How often" error={errors.cadence}>
            <select
              id="cadence"
              value={kind}
              onChange={(e) => setCadence({ kind: e.currentTarget.value })}
              {...described('cadence', errors.cadence)}
            >
              {CADENCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {CADENCE_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {(kind === 'weekly' || kind === 'biweekly') && (
          <div>
            <Field id="weekday" label="Day" error={errors.weekday}>
              <select
                id="weekday"
                value={String(input.cadence.weekday)}
                onChange={(e) => setCadence({ weekday: Number(e.currentTarget.value) })}
                {...described('weekday', errors.weekday)}
              >
                {WEEKDAY_NAMES.map((d, i) => (
                  <option key={d} value={String(i + 1)}>
                    {d}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )}
        {kind === 'monthly' && (
          <div>
            <Field id="monthDay" label="Day of the month (1–28)" error={errors.monthDay}>
              <input
                id="monthDay"
                type="text"
                inputMode="numeric"
                value={String(input.cadence.monthDay)}
                onInput={(e) => setCadence({ monthDay: e.currentTarget.value })}
                {...described('monthDay', errors.monthDay)}
              />
            </Field>
          </div>
        )}
        {kind !== 'off' && (
          <div>
            <Field id="hour" label="Hour" error={errors.hour}>
              <select
                id="hour"
                value={String(input.cadence.hour)}
                onChange={(e) => setCadence({ hour: Number(e.currentTarget.value) })}
                {...described('hour', errors.hour)}
              >
                {Array.from({ length: 24 }, (_, h) => (
                  <option key={h} value={String(h)}>{`${String(h).padStart(2, '0')}:00`}</option>
                ))}
              </select>
            </Field>
          </div>
        )}
      </div>
      <label class="inline">
        <input type="checkbox" checked={takeOver} onChange={(e) => setTakeOver(e.currentTarget.checked)} /> Run the
        automation from my account (when a colleague who ran it has left)
      </label>

      <h2>Design and sender</h2>
      <Field
        id="template"
        label="Template Doc (optional)"
        error={errors.template}
        hint="Paste a Google Doc's link. Placeholders: {{school}}, {{period}}, {{summary}}, {{greeting}}, {{signoff}}, {{issue}} (Staff only); between paragraphs {{#wins}} and {{/wins}}, a block repeated per win with {{headline}}, {{story}}, {{evidence}}, {{credit}}, {{goals}}, and {{section}} for each goal's heading. Empty: the default design."
      >
        <input
          id="template"
          type="text"
          value={input.template}
          onInput={(e) => update({ template: e.currentTarget.value })}
          {...described('template', errors.template, 'hint')}
        />
      </Field>
      <div class="row">
        <div>
          <Field id="sender" label="Sender name" error={errors.senderName}>
            <input
              id="sender"
              type="text"
              value={input.senderName}
              onInput={(e) => update({ senderName: e.currentTarget.value })}
              {...described('sender', errors.senderName)}
            />
          </Field>
        </div>
        <div>
          <Field id="replyTo" label="Reply-to address" error={errors.replyTo}>
            <input
              id="replyTo"
              type="email"
              value={input.replyTo}
              onInput={(e) => update({ replyTo: e.currentTarget.value })}
              {...described('replyTo', errors.replyTo)}
            />
          </Field>
        </div>
      </div>
      <label class="inline">
        <input
          type="checkbox"
          checked={input.creditContributors}
          onChange={(e) => update({ creditContributors: e.currentTarget.checked })}
        />{' '}
        Credit contributors by name
      </label>

      {/* Closing the loop: thank-you drafts and the leaders' weekly digest (both opt-in). */}
      <h2>Closing the loop</h2>
      <label class="inline">
        <input
          type="checkbox"
          checked={input.closingLoop?.thankSubmitters ?? false}
          onChange={(e) => updateLoop({ thankSubmitters: e.currentTarget.checked })}
        />{' '}
        Draft a thank-you to each person whose win first reaches families or the public
      </label>
      <label class="inline">
        <input
          type="checkbox"
          checked={input.closingLoop?.leaderDigest ?? false}
          onChange={(e) => updateLoop({ leaderDigest: e.currentTarget.checked })}
        />{' '}
        Draft a weekly digest for leaders (wins waiting, the oldest, how many need info)
      </label>
      <Field
        id="leaders"
        label="Leaders who get the weekly digest"
        error={errors.leaders}
        hint="Addresses separated by commas."
      >
        <input
          id="leaders"
          type="text"
          value={input.closingLoop?.leaders ?? ''}
          onInput={(e) => updateLoop({ leaders: e.currentTarget.value })}
          {...described('leaders', errors.leaders, 'hint')}
        />
      </Field>

      <h2>Dashboard</h2>
      <Field
        id="staffCount"
        label="Number of staff (optional)"
        error={errors.staffCount}
        hint="The dashboard shows the share of staff who shared a win or a lesson this school year."
      >
        <input
          id="staffCount"
          type="number"
          min="0"
          step="1"
          inputMode="numeric"
          value={input.staffCount ?? ''}
          onInput={(e) => update({ staffCount: e.currentTarget.value })}
          {...described('staffCount', errors.staffCount, 'hint')}
        />
      </Field>

      <h2>Recent issues</h2>
      {view.recentIssues.length === 0 ? (
        <p class="hint">No issue yet. Use Small Wins → Draft newsletter now, or wait for the schedule.</p>
      ) : (
        <table>
          <caption class="hint" style="text-align:left">
            Cancel an issue that was never sent: its wins become eligible again.
          </caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Period</th>
              <th scope="col">Wins</th>
              <th scope="col">State</th>
              <th scope="col">
                <span class="hint">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.recentIssues.map((i) => (
              <Fragment key={i.key}>
                <tr>
                  <td>{docLink(i)}</td>
                  <td>{i.period}</td>
                  <td>{i.wins}</td>
                  <td>{i.state}</td>
                  <td>
                    {i.cancellable && (
                      <button
                        type="button"
                        disabled={busy}
                        onClick={() => void cancel(i)}
                        aria-label={`Cancel ${i.label}`}
                      >
                        Cancel
                      </button>
                    )}
                  </td>
                </tr>
                {i.attention && (
                  <tr class="attention">
                    <td colSpan={5}>
                      <strong>Needs attention ({i.label}):</strong> {i.attention}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}

      <DistrictSection />

      <div class="actions">
        <button class="primary" type="submit" disabled={busy}>
          Save settings
        </button>
        <button type="button" onClick={closeDialog}>
          Close
        </button>
      </div>
    </form>
  );
}

render(<App />, document.getElementById('app')!);
