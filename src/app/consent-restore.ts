// Set up's repair of consent records: a win whose Consent given is blank or unreadable (a hand-typed win, a blanked
// cell, a column deleted and re-added) gets it back from the Form's own response when it came from the Form.
import { readFormConsents } from '../adapters/intake-form';
import { readColumns, writeSpan, WinsLog } from '../adapters/wins/log';
import { consentReport, earliestResponse, matchConsents, nearAny, winsWithoutConsent } from '../domain/consent-record';
import type { IntakeField } from '../domain/form-spec';
import { encodeCell } from '../domain/log-columns';
import { fromCell } from '../domain/text';
import type { Consent } from '../domain/schema';

/**
 * Restores what it can (one read of the columns it needs, the Form's responses since the oldest such win, at most
 * one write) and returns Set up's sentences: how many were restored and how many still need a leader.
 */
export function restoreConsents(
  log: WinsLog,
  form: GoogleAppsScript.Forms.Form,
  itemFields: Record<string, IntakeField>,
): { restored: number; missing: number; changes: string[] } {
  const read = readColumns(log, ['id', 'consentGiven', 'responseKey', 'submittedAt', 'headline', 'email']);
  const col = (f: keyof typeof read.cells) => read.cells[f] ?? [];
  const lacking = winsWithoutConsent({
    id: col('id'),
    consentGiven: col('consentGiven'),
    responseKey: col('responseKey'),
    submittedAt: col('submittedAt'),
    headline: col('headline'),
    email: col('email'),
  });
  if (!lacking.length) return { restored: 0, missing: 0, changes: [] };
  const fromForm = lacking.filter((w) => w.fromForm);
  const found: Map<string, Consent> = fromForm.length
    ? matchConsents(
        fromForm,
        readFormConsents(form, itemFields, earliestResponse(fromForm), (at) => nearAny(fromForm, at)),
      )
    : new Map<string, Consent>();
  if (found.size) {
    const cells = col('consentGiven').map(fromCell);
    while (cells.length < col('id').length) cells.push('');
    const rows = lacking.filter((w) => found.has(w.id)).map((w) => w.row);
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    for (const w of lacking) if (found.has(w.id)) cells[w.row - 2] = found.get(w.id)!;
    const values = cells.slice(first - 2, last - 1).map((v) => [encodeCell('consentGiven', v)]);
    writeSpan(log, 'consentGiven', { row: first, values });
    for (const [id, consent] of found)
      console.log(`Small Wins: ${id}: the submitter's consent (${consent}) was restored from the Form response.`);
  }
  const missing = lacking.length - found.size;
  return { restored: found.size, missing, changes: consentReport(found.size, missing) };
}
