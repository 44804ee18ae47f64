// District hub → Add school: paste the link of a school's district export; the hub reads it at once (one call) and
// adds the school, or says in plain words what to do when it cannot — a file not shared with this account is still
// added (the next pull reads it once the school shares it), a wrong link or a spreadsheet that is not an export is not.
import { withDocumentLock } from '../../adapters/lock';
import { appendSchoolRow, readHub, writeHub } from '../adapters/hub-sheets';
import { readSchoolExport } from '../adapters/export-reader';
import { exportIdFromLink, exportLink } from '../domain/export-read';
import { applyExport, markStale, schoolCells, SchoolRow, sortRollUp } from '../domain/rollup';
import { hubAccount } from './pull';

export interface AddOutcome {
  added: boolean;
  message: string;
}

export function addSchool(link: string): AddOutcome {
  const id = exportIdFromLink(link);
  if (!id)
    return {
      added: false,
      message:
        'That is not a spreadsheet link. Paste the link the school sent you (it starts with https://docs.google.com/spreadsheets/d/).',
    };
  const ss = SpreadsheetApp.getActive();
  const account = hubAccount();
  return withDocumentLock(30000, () => {
    const read = readHub(ss, true);
    const known = read.roll.schools.find((s) => s.exportId === id);
    if (known) return { added: false, message: `${known.name || 'That school'} is already in the Schools sheet.` };
    const got = readSchoolExport(id, account);
    const refused = !got.ok && /ask the school to share/.test(got.problem);
    if (!got.ok && !refused) return { added: false, message: got.problem };
    const nowIso = new Date().toISOString();
    const school: SchoolRow = {
      exportId: id,
      name: got.ok ? got.data.school : '',
      link: exportLink(id),
      status: '',
      lastPulled: '',
      exportUpdated: '',
      practices: 0,
      addedBy: account,
      addedAt: nowIso,
    };
    read.roll.schools.push(school);
    if (got.ok) applyExport(read.roll, id, got.data, nowIso);
    else markStale(read.roll, id, got.problem);
    appendSchoolRow(read, schoolCells(school));
    sortRollUp(read.roll);
    writeHub(read);
    if (!got.ok)
      return {
        added: true,
        message: `The school was added, but ${got.problem} The nightly refresh reads it once they do.`,
      };
    const n = got.data.practices.length;
    return {
      added: true,
      message: `${school.name} was added: ${n} nominated practice${n === 1 ? '' : 's'} and ${got.data.progress.length} rows of progress.`,
    };
  });
}

/** The menu item: asks for the link in a prompt and says what happened. */
export function addSchoolFromMenu(): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    'Add school',
    "Paste the link of the school's district export (the school makes it in Small Wins → Settings → Share with the district):",
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const outcome = addSchool(answer.getResponseText());
  ui.alert('Add school', outcome.message, ui.ButtonSet.OK);
}
