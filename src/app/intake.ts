// The spreadsheet's form-submit trigger: one response → one new win, under the document lock, recognising a second
// delivery of the same response (the same trigger twice, or two leaders' triggers) by the response's record: its
// Timestamp and a print of its answers (domain/catch-up.ts), which the clock's catch-up reads too.
import { takeDocumentLock } from '../adapters/lock';
import { DocumentStore } from '../adapters/store';
import { appendWin, tryOpenWinsLog } from '../adapters/wins/log';
import { alreadyRecorded, keepRecords, recordKey, responseFingerprint, stampOf } from '../domain/catch-up';
import { responseKey, winFromResponse, winId } from '../domain/intake';
import { questionTitles } from './catch-up';

export const INTAKE_HANDLER = 'onWinSubmitted';

export type IntakeOutcome = { added: string } | { skipped: string };

interface FormSubmitEvent {
  namedValues?: unknown;
  range?: GoogleAppsScript.Spreadsheet.Range;
  source?: GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/**
 * The response's Timestamp from the event's row (one read): the cell in the Timestamp column when Set up found it
 * there, else the row's first date. Null when the event has no row.
 */
function responseStamp(range: unknown, column: number | undefined): number | null {
  if (!range || typeof (range as { getValues?: unknown }).getValues !== 'function') return null;
  try {
    const row = (range as GoogleAppsScript.Spreadsheet.Range).getValues()[0] ?? [];
    const at = column ? stampOf(row[column - 1]) : null;
    if (at !== null) return at;
    for (const cell of row) {
      const t = stampOf(cell);
      if (t !== null) return t;
    }
  } catch (err) {
    console.warn(
      `Small Wins: the response's row could not be read (${err instanceof Error ? err.message : String(err)}).`,
    );
  }
  return null;
}

export function handleFormSubmit(e: unknown): IntakeOutcome {
  const event = (typeof e === 'object' && e !== null ? e : {}) as FormSubmitEvent;
  const nv = event.namedValues;
  if (typeof nv !== 'object' || nv === null || Array.isArray(nv) || Object.keys(nv).length === 0) {
    return skip('a form-submit event arrived without answers; nothing was added');
  }
  const answers = nv as Record<string, unknown>;
  const ss = event.source ?? SpreadsheetApp.getActive();
  // Held until the execution ends (Apps Script releases it then): one call fewer than releasing it here.
  takeDocumentLock(30000);
  const store = DocumentStore.open();
  const id = {
    ts: responseStamp(event.range, store.config.responseSheet?.column),
    fp: responseFingerprint(answers, questionTitles(store.config)),
  };
  const key = recordKey(id);
  const nowIso = new Date().toISOString();
  // Suggestions use the goals as Set up last synced them (with the Form's choices), not a read of the Goals sheet
  // per response: that keeps a submission at 10 service calls.
  const result = winFromResponse({
    namedValues: nv,
    questionMap: store.config.questionMap ?? {},
    goals: store.config.goals ?? [],
    submittedAtIso: nowIso,
    nowIso,
  });
  if (!result.ok) {
    // A real response (it has a row) is recorded all the same, so the catch-up does not look at it again.
    if (id.ts !== null)
      store.save({ intakeRecords: keepRecords(store.config.intakeRecords ?? [], [key], watermarkOf(store)) });
    return skip(`a response was not added: ${result.reason}`);
  }
  if (
    alreadyRecorded(id, store.config.intakeRecords ?? []) ||
    (store.config.recentResponses ?? []).includes(responseKey(answers))
  )
    return skip(`response ${key} was delivered again; it is already in the log`);
  const { log, problem } = tryOpenWinsLog(ss);
  // The response stays in the response sheet; the clock's catch-up adds it once the log is repaired.
  if (!log) return skip(`a response could not be added: ${problem}`);
  const n = Number(store.config.nextWinNumber) || 1;
  const winIdText = winId(n);
  appendWin(log, { ...result.win.values, id: winIdText, responseKey: key });
  store.save({
    nextWinNumber: n + 1,
    intakeRecords: keepRecords(store.config.intakeRecords ?? [], [key], watermarkOf(store)),
  });
  for (const note of result.win.notes) console.warn(`Small Wins: ${winIdText}: ${note}`);
  return { added: winIdText };
}

function watermarkOf(store: DocumentStore): number | null {
  return store.config.responsesCheckedUntil ?? null;
}

function skip(reason: string): IntakeOutcome {
  console.warn(`Small Wins: ${reason}`);
  return { skipped: reason };
}
