// Set up, safe to run again: the Goals and Wins sheets, the intake Form, the form-submit trigger, the one hourly
// clock (whatever the newsletter cadence), and any responses that arrived while the log could not take them.
import { activeGoals, ensureGoalsSheet } from '../adapters/goals-sheet';
import { clockRecord, ensureClockTrigger } from '../adapters/clock-trigger';
import { ensureForm } from '../adapters/intake-form';
import { withDocumentLock } from '../adapters/lock';
import { DocumentStore } from '../adapters/store';
import { ensureFormSubmitTrigger, listTriggers } from '../adapters/triggers';
import { confirm, escapeHtml, showDialog } from '../adapters/ui';
import { ensureLog, repairIds, retagGoals } from '../adapters/wins/repair';
import { safeLink } from '../domain/links';
import type { Goal } from '../domain/goals';
import { goalRenames, rememberedGoals, retagCell } from '../domain/goals';
import { GOALS_SHEET, WIN_HEADERS } from '../domain/schema';
import { waitingCount } from '../domain/waiting-notice';
import { catchUpResponses } from './catch-up';
import { INTAKE_HANDLER } from './intake';
import { restoreConsents } from './consent-restore';
import { ensureShowcase } from '../adapters/showcase-sheet';

export interface SetUpReport {
  formId: string;
  formUrl: string;
  changes: string[];
  automation: string;
  imported: number;
}

export function runSetUp(): SetUpReport {
  const ss = SpreadsheetApp.getActive();
  const me = Session.getEffectiveUser().getEmail();
  return withDocumentLock(30000, () => {
    const store = DocumentStore.open();
    const changes: string[] = [];

    // The goals Set up keeps (for intake's suggestions and to follow renames) must fit the document properties:
    // checked before anything is written, so a school with too much is told so and nothing is half done.
    const goals = ensureGoalsSheet(ss, rememberedGoals(store.config.goals, store.config.goalNamesById), (read) => {
      const problem = store.problemSaving(goalsSnapshot(read), `the ${read.length} goals of the ${GOALS_SHEET} sheet`);
      if (problem)
        throw new Error(
          `${problem} Shorten long descriptions or keyword lists, or set goals you no longer use to Active: No, then run Set up again. Set up changed nothing.`,
        );
    });
    changes.push(...goals.changes, ...goals.problems);

    const { log, changes: logChanges } = ensureLog(ss, store.config.logHeader ?? null);
    changes.push(...logChanges);
    changes.push(...ensureShowcase(ss));

    // A goal renamed in the Goals sheet keeps its ID: its wins are retagged with the new name.
    const renames = goalRenames(store.config.goalNamesById, goals.goals);
    if (renames.size) {
      const retagged = retagGoals(log, (cell) => retagCell(cell, renames));
      for (const [from, to] of renames)
        changes.push(`Renamed the goal "${from}" to "${to}" on the wins that carried it.`);
      if (retagged) changes.push(`${retagged} win${retagged > 1 ? 's were' : ' was'} retagged.`);
    }

    // A new Form's ID is kept at once: if Set up stops later, the next run repairs this Form instead of making another.
    const form = ensureForm(ss, store.config, goals.goals, (formId) => store.save({ formId, formUnfinished: true }));
    changes.push(...form.changes);

    const nowIso = new Date().toISOString();
    // The project's triggers are listed once for both.
    const listed = listTriggers();
    let trigger = ensureFormSubmitTrigger(ss, INTAKE_HANDLER, store.config.intakeTrigger, me, listed);
    let clock = ensureClockTrigger(clockRecord(store.config), me, false, nowIso, listed);
    const colleague =
      trigger.state === 'other' ? trigger.record?.owner : clock.state === 'other' ? clock.record?.owner : undefined;
    if (
      colleague &&
      confirm(
        `New responses and the hourly clock (missed responses, the newsletter schedule) run from ${colleague}'s account, so nothing was added for you.\n\n` +
          `Run them from your account instead? Choose Yes if ${colleague} no longer runs Small Wins. ` +
          `Two triggers never add a response twice, and only one account drafts newsletters.`,
      )
    ) {
      if (trigger.state === 'other') trigger = ensureFormSubmitTrigger(ss, INTAKE_HANDLER, undefined, me);
      clock = ensureClockTrigger(clock.record, me, true, nowIso);
    }

    // IDs are never reused, even when the counter was lost (for example in a copied spreadsheet).
    const ids = repairIds(log, Number(store.config.nextWinNumber) || 1);
    if (ids.missing) changes.push(`Gave ${ids.missing} win${ids.missing > 1 ? 's' : ''} without an ID a new one.`);
    if (ids.repeated)
      changes.push(
        `Gave ${ids.repeated} copied row${ids.repeated > 1 ? 's' : ''} a new ID (an ID names one win only).`,
      );
    const next = ids.next;
    store.save({
      formId: form.formId,
      formUrl: form.url,
      formUnfinished: false,
      questionMap: form.questionMap,
      itemFields: form.itemFields,
      ...goalsSnapshot(goals.goals),
      intakeTrigger: trigger.record ?? undefined,
      clockTrigger: clock.record ?? undefined,
      // The waiting notice is not a column: it is not remembered as one.
      logHeader: log.header.length ? log.header.map((h) => (waitingCount(h) === null ? h : '')) : WIN_HEADERS,
      nextWinNumber: next,
    });

    if (store.config.newsletterTrigger) store.remove('newsletterTrigger');

    const { imported } = catchUpResponses(ss, store, log);
    if (imported)
      changes.push(`Added ${imported} response${imported > 1 ? 's' : ''} that had not reached the log yet.`);
    // The submitter's consent is a record: restored from the Form's own responses where it went missing.
    changes.push(...restoreConsents(log, form.form, form.itemFields).changes);
    return {
      formId: form.formId,
      formUrl: form.url,
      changes,
      automation: `${trigger.message} ${clock.message}`,
      imported,
    };
  });
}

/** What Set up keeps of the goals: the active ones in full, and every goal's name by ID (to follow renames). */
function goalsSnapshot(goals: readonly Goal[]): { goals: Goal[]; goalNamesById: Record<string, string> } {
  return {
    goals: activeGoals(goals),
    goalNamesById: Object.fromEntries(goals.filter((g) => g.id).map((g) => [g.id as string, g.name])),
  };
}

/** The Set up menu item: runs Set up and shows what it did and the link to share. */
export function showSetUpResult(report: SetUpReport): void {
  const changes = report.changes.length
    ? `<ul>${report.changes.map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>`
    : '<p>Everything was already in place; nothing needed changing.</p>';
  const formUrl = safeLink(report.formUrl);
  const link = formUrl
    ? `<a href="${escapeHtml(formUrl)}">${escapeHtml(formUrl)}</a>`
    : escapeHtml(report.formUrl || 'The Form has no link yet: run Set up again.');
  showDialog(
    'Small Wins is set up',
    `<h2>Share this link with staff</h2><p class="link">${link}</p>` +
      `<p>Each response becomes a row in the <b>Wins</b> sheet with status <b>New</b>.</p>` +
      `<h2>What Set up did</h2>${changes}<p class="note">${escapeHtml(report.automation)}</p>` +
      `<p class="note">Edit the <b>Goals</b> sheet to match your school's plan, then run Set up again to update the Form's choices.</p>`,
  );
}
