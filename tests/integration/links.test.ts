// Links from stored data become links only when they are https: a Doc link typed over in the Newsletters sheet
// reaches the run's result dialog, the Settings view and the staff email as text, never as a link.
import {
  addWins,
  gmail,
  issueRows,
  loadNewsletterAddOn,
  saveSettings,
  settingsInput,
  Sim,
  win,
} from './newsletter-fixtures';
import type { SettingsView } from '../../src/settings-api';
import { call } from '../../dev/endpoints';

const HOSTILE = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://docs.example/d/1'];

function staffOnly(sim: Sim): void {
  saveSettings(
    sim,
    settingsInput({
      audiences: {
        Staff: { enabled: true, recipients: 'staff@school.example' },
        Families: { enabled: false, recipients: '' },
        Public: { enabled: false, recipients: '' },
      },
    }),
  );
}

/** Types `text` into the Doc link cell of the issue's row, as a person would. */
function setDocLink(sim: Sim, text: string, row = 2): void {
  const sheet = sim.spreadsheet.sheet('Newsletters')!;
  sheet.setCell(row, sheet.columnOf('Doc link'), text);
}

function lastDialog(sim: Sim): string {
  return sim.ui.dialogs[sim.ui.dialogs.length - 1]?.html ?? '';
}

function settingsView(sim: Sim): SettingsView {
  return call(sim, 'settingsOpen');
}

describe('a Doc link typed over in the Newsletters sheet', () => {
  test.each(HOSTILE)('%s is never a link in the result dialog or in Settings', (text) => {
    const sim = loadNewsletterAddOn();
    staffOnly(sim);
    addWins(sim, [win({ id: 'W-0101' })]);
    sim.run('draftNewsletterNow');
    expect(lastDialog(sim)).toMatch(/<a href="https:\/\/docs\.google\.com\/document\/d\/[^"]+">Open the Doc<\/a>/);
    setDocLink(sim, text);
    // Same minute: the run finds the issue already drafted and shows its (stored) Doc link.
    sim.run('draftNewsletterNow');
    const html = lastDialog(sim);
    expect(html).toMatch(/Staff #1 was drafted a moment ago/);
    expect(html).not.toMatch(/Open the Doc/);
    expect(html).not.toMatch(/href="(javascript|data|http):/i);
    expect(settingsView(sim).recentIssues[0].docUrl).toBe('');
  });

  test('a resumed issue whose Doc link cell was typed over: the staff email links no Doc and prints none', () => {
    const sim = loadNewsletterAddOn();
    staffOnly(sim);
    addWins(sim, [win({ id: 'W-0102' })]);
    gmail(sim).failNext('Gmail.*', 100);
    sim.run('draftNewsletterNow');
    expect(issueRows(sim).map((r) => r.State)).toEqual(['Doc made']);
    setDocLink(sim, 'javascript:alert(document.cookie)');
    gmail(sim).failNext('Gmail.*', 0);
    sim.clock.advance(60_000);
    sim.run('draftNewsletterNow');
    expect(issueRows(sim).map((r) => r.State)).toEqual(['Done']);
    const [draft] = gmail(sim).drafts();
    expect(draft.html).not.toMatch(/javascript:/i);
    expect(draft.text).not.toMatch(/javascript:/i);
    expect(draft.text).not.toMatch(/Open this issue in Google Docs/);
    expect(lastDialog(sim)).not.toMatch(/javascript:/i);
  });
});
