// The spreadsheet's form-submit trigger: one response → one new win, under the document lock,
// recognising a duplicate delivery of the same response (the same trigger twice, or two leaders' triggers).
import { takeDocumentLock } from '../adapters/lock';
import { DocumentStore } from '../adapters/store';
import { appendWin, openLog } from '../adapters/wins-sheet';
import { rememberKey, responseKey, winFromResponse, winId } from '../domain/intake';

export const INTAKE_HANDLER = 'onWinSubmitted';

export type IntakeOutcome = { added: string } | { skipped: string };

interface FormSubmitEvent {
  namedValues?: unknown;
  source?: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

export function handleFormSubmit(e: unknown): IntakeOutcome {
  const event = (typeof e === 'object' && e !== null ? e : {}) as FormSubmitEvent;
  const nv = event.namedValues;
  if (typeof nv !== 'object' || nv === null || Array.isArray(nv) || Object.keys(nv).length === 0) {
    return skip('a form-submit event arrived without answers; nothing was added');
  }
  const key = responseKey(nv as Record<string, unknown>);
  const ss = event.source ?? SpreadsheetApp.getActive();
  // Held until the execution ends (Apps Script releases it then): one call fewer than releasing it here.
  takeDocumentLock(30000);
  const store = DocumentStore.open();
  if ((store.config.recentResponses ?? []).includes(key))
    return skip(`response ${key} was delivered again; it is already in the log`);
  const { log, problem } = openLog(ss);
  // The response stays in the response sheet; Set up adds it once the log is repaired.
  if (!log) return skip(`a response could not be added: ${problem}`);
  const nowIso = new Date().toISOString();
  // Suggestions use the goals as Set up last synced them (with the Form's choices), not a read of the Goals sheet
  // per response: that keeps a submission at 9 service calls.
  const result = winFromResponse({
    namedValues: nv,
    questionMap: store.config.questionMap ?? {},
    goals: store.config.goals ?? [],
    submittedAtIso: nowIso,
    nowIso,
  });
  if (!result.ok) return skip(`a response was not added: ${result.reason}`);
  const n = Number(store.config.nextWinNumber) || 1;
  const id = winId(n);
  appendWin(log, { ...result.win.values, id, responseKey: key });
  store.save({ nextWinNumber: n + 1, recentResponses: rememberKey(store.config.recentResponses ?? [], key) });
  for (const note of result.win.notes) console.warn(`Small Wins: ${id}: ${note}`);
  return { added: id };
}

function skip(reason: string): IntakeOutcome {
  console.warn(`Small Wins: ${reason}`);
  return { skipped: reason };
}
