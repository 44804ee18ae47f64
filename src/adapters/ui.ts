// Messages to the person at the keyboard: dialogs, alerts, and turning errors into plain sentences.
import { escapeHtml } from '../domain/html';
import { BUSY_MESSAGE } from './lock';

/** The title of alerts: the add-on's name, or the district hub's (src/hub/index.ts sets it). */
let appName = 'Small Wins';

export function setAppName(name: string): void {
  appName = name;
}

export function alert(message: string): void {
  SpreadsheetApp.getUi().alert(appName, message, SpreadsheetApp.getUi().ButtonSet.OK);
}

/** Asks a yes/no question; true only for Yes. */
export function confirm(message: string): boolean {
  const ui = SpreadsheetApp.getUi();
  return ui.alert(appName, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
}

/** A dialog of HTML made here (a result, help): in English, titled like the dialog's own title bar. */
export function showDialog(title: string, bodyHtml: string, width = 460, height = 420): void {
  const html = HtmlService.createHtmlOutput(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><base target="_blank">` +
      `<style>${DIALOG_CSS}</style></head><body><main>${bodyHtml}</main></body></html>`,
  )
    .setWidth(width)
    .setHeight(height);
  SpreadsheetApp.getUi().showModalDialog(html, title);
}

const DIALOG_CSS =
  'body{font:14px/1.5 Roboto,Arial,sans-serif;color:#202124;margin:0 4px}h2{font-size:16px;font-weight:500;margin:8px 0}' +
  'ul{padding-left:20px}li{margin:4px 0}a{color:#1558d6}.link{word-break:break-all;background:#f1f3f4;padding:8px;border-radius:4px}' +
  '.note{color:#5f6368;font-size:13px}';

/** Errors from Small Wins' own code (a bug), whose JavaScript wording means nothing to a leader. */
const BUG_NAMES = /^(TypeError|ReferenceError|RangeError|SyntaxError|InternalError|EvalError)$/;
const BUG_WORDING =
  /is not a function|is not defined|Cannot read propert|Cannot set propert|is not iterable|of undefined|of null|undefined is not|null is not|Maximum call stack/i;

export const UNEXPECTED_MESSAGE =
  'Small Wins ran into a problem of its own and stopped before finishing. Reload and try again; if it happens again, tell whoever looks after Small Wins.';

/** The one place errors become what a person reads: a sentence, never a stack trace or a JavaScript message. */
export function plainMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const name = err instanceof Error ? err.name : '';
  if (BUG_NAMES.test(name) || BUG_WORDING.test(message)) return UNEXPECTED_MESSAGE;
  // A stack trace's lines start on a new line with "at "; "at most" inside a sentence is not one.
  const clean = message.replace(/\n\s*at\s[\s\S]*$/, '').trim();
  if (!clean) return UNEXPECTED_MESSAGE;
  if (/Lock timeout|busy/i.test(clean)) return BUSY_MESSAGE;
  if (/authoriz|permission/i.test(clean)) return `Small Wins needs your permission for this: ${clean}`;
  return clean.endsWith('.') ? clean : `${clean}.`;
}

/** Runs a menu action and shows any failure as an alert instead of a red error toast. */
export function reportingErrors<T>(action: string, work: () => T): T | undefined {
  try {
    return work();
  } catch (err) {
    console.error(`${action} failed: ${err instanceof Error ? err.stack || err.message : String(err)}`);
    alert(`${action} could not finish. ${plainMessage(err)}`);
    return undefined;
  }
}

export { escapeHtml };
