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

/** The current user's trigger for `handler`, matching by stored ID first, then by handler and type. */
export function findOwnTrigger(
  handler: string,
  kind: EventKind,
  stored?: TriggerRecord | null,
): GoogleAppsScript.Script.Trigger | null {
  const triggers = ScriptApp.getProjectTriggers();
  const byId = stored ? triggers.find((t) => t.getUniqueId() === stored.id) : undefined;
  if (byId) return byId;
  return triggers.find((t) => t.getHandlerFunction() === handler && String(t.getEventType()) === kind) ?? null;
}

export function ensureFormSubmitTrigger(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  handler: string,
  stored: TriggerRecord | undefined,
  me: string,
): TriggerOutcome {
  const own = findOwnTrigger(handler, 'ON_FORM_SUBMIT', stored);
  if (own) {
    const record = { id: own.getUniqueId(), owner: me || stored?.owner || '' };
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
