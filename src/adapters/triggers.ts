// Installable triggers: one per job, its ID and owner kept in document properties, never duplicated.
// Triggers belong to the person who made them; others are told who runs the automation.
import type { TriggerRecord } from './store';

export interface TriggerOutcome {
  record: TriggerRecord | null;
  /** 'mine' when the current user's trigger exists or was made, 'other' when a colleague's runs it. */
  state: 'created' | 'mine' | 'other';
  message: string;
}

type EventKind = 'ON_FORM_SUBMIT' | 'CLOCK';

/** A project trigger with its ID, handler and event type each read at most once, when first asked. */
export interface ListedTrigger {
  trigger: GoogleAppsScript.Script.Trigger;
  id(): string;
  handler(): string;
  kind(): string;
}

/** This user's project triggers, listed once (one call); Set up hands the list to each trigger it keeps. */
export function listTriggers(): ListedTrigger[] {
  return ScriptApp.getProjectTriggers().map((trigger) => {
    let id: string | undefined;
    let handler: string | undefined;
    let kind: string | undefined;
    return {
      trigger,
      id: () => (id ??= trigger.getUniqueId()),
      handler: () => (handler ??= trigger.getHandlerFunction()),
      kind: () => (kind ??= String(trigger.getEventType())),
    };
  });
}

/** The current user's trigger for `handler`, matching by stored ID first, then by handler and type. */
export function findOwnTrigger(
  handler: string,
  kind: EventKind,
  stored?: TriggerRecord | null,
  listed: readonly ListedTrigger[] = listTriggers(),
): ListedTrigger | null {
  const byId = stored ? listed.find((t) => t.id() === stored.id) : undefined;
  if (byId) return byId;
  return listed.find((t) => t.handler() === handler && t.kind() === kind) ?? null;
}

export function ensureFormSubmitTrigger(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  handler: string,
  stored: TriggerRecord | undefined,
  me: string,
  listed?: readonly ListedTrigger[],
): TriggerOutcome {
  const own = findOwnTrigger(handler, 'ON_FORM_SUBMIT', stored, listed);
  if (own) {
    const record = { id: own.id(), owner: me || stored?.owner || '' };
    return {
      record,
      state: 'mine',
      message: 'New responses are added to the log automatically (the trigger runs under your account).',
    };
  }
  if (stored && stored.owner && stored.owner !== me) {
    return {
      record: stored,
      state: 'other',
      message:
        `New responses are added to the log by ${stored.owner}'s trigger, so none was added for you. ` +
        `If ${stored.owner} leaves or removes Small Wins, run Set up again from your account to take over.`,
    };
  }
  const trigger = ScriptApp.newTrigger(handler).forSpreadsheet(ss).onFormSubmit().create();
  return {
    record: { id: trigger.getUniqueId(), owner: me },
    state: 'created',
    message: 'New responses will be added to the log automatically (the trigger runs under your account).',
  };
}
