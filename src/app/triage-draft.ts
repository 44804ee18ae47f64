// Needs info: optionally a Gmail draft to the submitter asking for more (never sent: the leader reviews it in
// Gmail). Offered only when the advanced Gmail service is enabled for the add-on.
import type { WinView } from '../api';
import { createDraft } from '../adapters/mail-draft';
import { plainMessage } from '../adapters/ui';
import { escapeHtml } from '../domain/html';

declare const Gmail: unknown;

export function draftsAvailable(): boolean {
  // Advanced services exist as globals only when enabled in the manifest; no service call here.
  return typeof Gmail !== 'undefined' && !!Gmail;
}

export function needsInfoMessage(win: WinView): { subject: string; text: string; html: string } {
  const hello = win.name ? `Hello ${win.name},` : 'Hello,';
  const headline = win.headline || 'your small win';
  const lines = [
    hello,
    `Thank you for sharing "${headline}". Before we share it, could you tell us a little more?`,
    'For example: what changed for students, how you know (a comment, a number, student work), and whether we may name anyone in it.',
    'Just reply to this email. Thank you!',
  ];
  const subject = `About your small win: ${headline.slice(0, 80)}`;
  return {
    subject,
    text: lines.join('\n\n'),
    // A whole document: its language and title are what a screen reader announces first.
    html:
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
      `<body style="font:16px/1.5 Arial,sans-serif;color:#202124;overflow-wrap:anywhere">` +
      lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('') +
      '</body></html>',
  };
}

/** Prepares the draft; returns a sentence for the leader. The status is saved whatever happens here. */
export function draftNeedsInfo(win: WinView): string {
  if (!draftsAvailable()) return 'No draft was prepared: Gmail drafts are not enabled for Small Wins.';
  if (!win.email) return `No draft was prepared: ${win.id} has no submitter email address.`;
  try {
    createDraft({ to: [win.email], ...needsInfoMessage(win) });
    return `A draft to ${win.email} is waiting in your Gmail drafts.`;
  } catch (err) {
    return `The status was saved, but the draft could not be made: ${plainMessage(err)}`;
  }
}
