// The menu's Draft newsletter now (a toast while it works, then a dialog of what was drafted per audience).
// The schedule runs from the clock's tick (app/clock.ts).
import { escapeHtml, showDialog } from '../adapters/ui';
import { safeLink } from '../domain/links';
import { AudienceResult, runNewsletter, RunReport } from './newsletter-run';

const GMAIL_DRAFTS = 'https://mail.google.com/mail/#drafts';

export function draftNewsletterNowFromMenu(): RunReport {
  SpreadsheetApp.getActive().toast('Drafting the newsletter: reading approved wins…', 'Small Wins', 30);
  const report = runNewsletter('now');
  showDialog('Newsletter drafts', reportHtml(report), 480, 420);
  return report;
}

function resultHtml(r: AudienceResult): string {
  const links: string[] = [];
  const docUrl = safeLink(r.docUrl);
  if (docUrl) links.push(`<a href="${escapeHtml(docUrl)}">Open the Doc</a>`);
  if (r.draftId) links.push(`<a href="${GMAIL_DRAFTS}">Open Gmail drafts</a>`);
  const lead =
    r.outcome === 'failed'
      ? '<b>Not finished.</b> '
      : r.outcome === 'resumed'
        ? '<b>Finished an earlier issue.</b> '
        : r.outcome === 'busy'
          ? '<b>In progress.</b> '
          : '';
  return `<li><b>${escapeHtml(r.audience)}</b>: ${lead}${escapeHtml(r.message)}${links.length ? `<br>${links.join(' · ')}` : ''}</li>`;
}

export function reportHtml(report: RunReport): string {
  if (report.note && report.results.length === 0) return `<p>${escapeHtml(report.note)}</p>`;
  const made = report.results.some((r) => r.outcome === 'drafted' || r.outcome === 'resumed');
  const busy = report.results.some((r) => r.outcome === 'busy');
  const intro = made
    ? '<p>Each draft is waiting in your Gmail drafts: read it, then send it yourself. Small Wins never sends email.</p>'
    : busy
      ? '<p>Another run is drafting the newsletter right now: its drafts will be in Gmail in a minute or two.</p>'
      : '<p>Nothing new is eligible: no Doc and no draft were made. Approve wins in <b>Triage wins</b>, then try again.</p>';
  return `${intro}<ul>${report.results.map(resultHtml).join('')}</ul>`;
}
