// The newsletter as a letter, through the BUILT bundle: each audience's edition (the Families and Public letters with
// greeting, Spotlight, goal descriptions, How we know, What we learned and sign-off, none of the internal labels;
// Staff's report with issue numbers, comparisons, the Doc's link and the reminder to share it), three distinct
// subjects, the template's per-edition placeholders, skipping a scheduled issue with too few wins, the schedule in
// words with the wins waiting, the first tick after the hour, and the one list of what was left out and why.
import { call } from '../../dev/endpoints';
import type { ScheduleView } from '../../src/settings-api';
import {
  addWins,
  docs,
  gmail,
  issueRows,
  loadNewsletterAddOn,
  saveSettings,
  settingsInput,
  sharedIn,
  Sim,
  win,
} from './newsletter-fixtures';

type Audience = 'Staff' | 'Families' | 'Public';

const plain = (s: string) => s.replace(/\r\n/g, '\n');

function draftOf(sim: Sim, audience: Audience) {
  const row = issueRows(sim)
    .filter((r) => r.Audience === audience && r.State !== 'Cancelled')
    .pop();
  if (!row) return null;
  return gmail(sim).get(String(row['Draft ID']))!;
}

function lastDialog(sim: Sim): string {
  return sim.ui.dialogs[sim.ui.dialogs.length - 1]?.html ?? '';
}

/** Each string found after the one before it. */
function inOrder(text: string, parts: readonly string[]): void {
  let at = -1;
  for (const p of parts) {
    const i = text.indexOf(p, at + 1);
    if (i < 0) throw new Error(`"${p}" is missing after position ${at}:\n${text}`);
    at = i;
  }
}

function schoolWins() {
  return [
    win({
      id: 'W-0201',
      headline: 'Reading buddies doubled library visits',
      story: 'Year 2 read to Year 5 in the library every Friday.',
      evidence: 'Library logs: 14 visits, up from 7.',
      goals: 'Reading for all',
      featured: 'Yes',
      consent: 'Public',
      name: 'Ana Ruiz',
    }),
    win({
      id: 'W-0202',
      headline: 'Family maths night filled the hall',
      story: 'Forty families played maths games with their children.',
      blurb: 'Forty families came to play maths games.',
      evidence: 'Sign-in sheet: 40 families.',
      goals: 'Math confidence, Family partnership',
      consent: 'Public',
      name: 'Li Wei',
    }),
    win({
      id: 'W-0203',
      headline: 'Quiet reading corner in every classroom',
      story: 'Each class now has a reading corner.',
      goals: 'Reading for all',
      consent: 'School community',
      name: 'Sam Okafor',
    }),
    win({
      id: 'W-0204',
      headline: 'Homework club started too late in the day',
      story: 'Few students came at 4 pm; we moved it to lunchtime.',
      kind: 'Lesson learned',
      goals: 'Belonging and wellbeing',
      consent: 'School community',
      name: 'Jo Park',
    }),
    win({ id: 'W-0205', headline: 'Staff-only planning win', goals: 'Teaching together', consent: 'Staff only' }),
  ];
}

describe('editions per audience', () => {
  test('the Families draft reads as a letter; Public too; Staff keeps its report; three distinct subjects', () => {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    addWins(sim, schoolWins());
    sim.run('draftNewsletterNow');
    expect(sim.errors).toEqual([]);

    const families = draftOf(sim, 'Families')!;
    const text = plain(families.text);
    inOrder(text, [
      'RIVERSIDE PRIMARY: SMALL WINS',
      '23 November 2026',
      'Dear families,',
      'This letter brings 3 small wins across 4 of our goals and 1 lesson we learned along the way, shared by 4 members of our school community.',
      'SPOTLIGHT',
      '* Reading buddies doubled library visits',
      'Year 2 read to Year 5 in the library every Friday.',
      'How we know: Library logs: 14 visits, up from 7.',
      'Shared by Ana Ruiz, Teacher · Goal: Reading for all',
      'READING FOR ALL',
      'Every student reads fluently and for pleasure.',
      '* Quiet reading corner in every classroom',
      'MATH CONFIDENCE',
      '* Family maths night filled the hall',
      'Forty families came to play maths games.',
      'How we know: Sign-in sheet: 40 families.',
      'Shared by Li Wei, Teacher · Also: Family partnership',
      'WHAT WE LEARNED',
      '* Homework club started too late in the day',
      'With thanks,\nMs Díaz, Principal',
    ]);
    // None of the internal labels: issue numbers, badges, statuses, comparisons, the goal repeated under its heading.
    for (const label of ['Families #', 'Staff #', 'featured', 'Featured', 'Approved', 'last issue', 'Goals: Reading'])
      expect(text).not.toContain(label);
    expect(text).not.toMatch(/Goal: Math confidence|Staff-only planning win|Google Docs/);
    expect(families.html).toContain('lang="en"');
    expect(families.html).toContain('Dear families,');
    expect(families.html).not.toMatch(/Featured|Families #1/);

    const pub = plain(draftOf(sim, 'Public')!.text);
    inOrder(pub, ['Dear friends of our school,', 'SPOTLIGHT', 'MATH CONFIDENCE', 'With thanks,']);
    expect(pub).not.toMatch(/Public #|Quiet reading corner/);

    const staff = plain(draftOf(sim, 'Staff')!.text);
    inOrder(staff, [
      'Staff #1',
      'Dear colleagues,',
      'in this first issue',
      'Open this issue in Google Docs',
      'Reading buddies doubled library visits (featured)',
      'Staff-only planning win',
      'LESSONS LEARNED',
      'With thanks,\nMs Díaz, Principal',
    ]);

    const subjects = gmail(sim)
      .drafts()
      .map((d) => d.subject);
    expect(subjects.sort()).toEqual([
      'Riverside Primary — for families — 23 November 2026',
      'Riverside Primary — for staff — 23 November 2026',
      'Riverside Primary — for the public — 23 November 2026',
    ]);
    expect(
      docs(sim)
        .list()
        .map((d) => d.name)
        .sort(),
    ).toEqual([
      'Riverside Primary — for families — 23 November 2026',
      'Riverside Primary — for staff — 23 November 2026 (Staff #1)',
      'Riverside Primary — for the public — 23 November 2026',
    ]);
    // The add-on cannot share the Doc: the result reminds the leader, for Staff only.
    const dialog = lastDialog(sim);
    expect(dialog).toMatch(/<b>Staff<\/b>: Staff #1: 5 wins[^<]*Share its Doc with staff before sending/);
    expect(dialog.match(/Share its Doc with staff/g)).toHaveLength(1);

    // The next Staff issue compares with the last; the next Families letter never does.
    addWins(sim, [win({ id: 'W-0206', headline: 'Second week win', consent: 'Public' })]);
    sim.advanceTo('2026-11-24T14:00:00Z');
    sim.run('draftNewsletterNow');
    expect(plain(draftOf(sim, 'Staff')!.text)).toContain('(last issue: 4 wins');
    const second = plain(draftOf(sim, 'Families')!.text);
    expect(second).toContain('This letter brings 1 small win across one of our goals');
    expect(second).not.toMatch(/last issue|Families #2/);
  });

  test('greeting and sign-off per audience from Settings; a template fills {{greeting}}, {{signoff}}, {{evidence}}, and {{issue}} only for Staff', () => {
    const sim = loadNewsletterAddOn();
    const templateId = docs(sim).createDoc('Letter template', [
      { text: '{{school}}', heading: 'TITLE' },
      { text: 'Issue: {{issue}}.' },
      { text: '{{greeting}}' },
      { text: '{{#wins}}' },
      { text: '{{headline}}', heading: 'HEADING3' },
      { text: 'Evidence: {{evidence}}' },
      { text: '{{/wins}}' },
      { text: '{{signoff}}' },
    ]);
    const input = settingsInput({ template: templateId });
    input.editions = {
      Staff: { greeting: 'Hello team,', signoff: 'Onwards!', minWins: '1' },
      Families: { greeting: 'Dear Riverside families,', signoff: 'Warmly,\nMrs Díaz', minWins: '1' },
      Public: { greeting: '', signoff: '', minWins: '1' },
    };
    expect(saveSettings(sim, input).ok).toBe(true);
    addWins(sim, [win({ id: 'W-0301', headline: 'Buddies', evidence: 'Library logs', consent: 'Public' })]);
    sim.run('draftNewsletterNow');
    const docText = (a: Audience) => docs(sim).text(String(issueRows(sim).find((r) => r.Audience === a)!['Doc ID']));
    const fam = docText('Families');
    inOrder(fam, ['Riverside Primary', 'Issue: .', 'Dear Riverside families,', 'Buddies', 'Evidence: Library logs']);
    expect(fam).toContain('Warmly, Mrs Díaz');
    inOrder(docText('Staff'), ['Issue: Staff #1.', 'Hello team,', 'Buddies', 'Evidence: Library logs', 'Onwards!']);
    inOrder(docText('Public'), ['Issue: .', 'Dear friends of our school,', 'With thanks, Ms Díaz, Principal']);
    expect(plain(draftOf(sim, 'Families')!.text)).toContain('Dear Riverside families,');
    expect(plain(draftOf(sim, 'Families')!.text)).toContain('Warmly,\nMrs Díaz');
  });
});

const scheduleOf = (sim: Sim): ScheduleView => call(sim, 'settingsOpen').schedule!;

function familyWins(ids: string[]) {
  return ids.map((id) => win({ id, headline: `Family win ${id}`, consent: 'School community' }));
}

describe('skip when fewer wins, and the schedule in words', () => {
  test('a scheduled run skips Families with fewer than 3 wins and carries them; Settings says when and how many wait; Draft now always drafts', () => {
    const sim = loadNewsletterAddOn(); // Monday 23 November 2026, 09:00 in New York
    const input = settingsInput({ cadence: { kind: 'weekly', weekday: 5, monthDay: 1, hour: 15 } });
    input.editions = {
      Staff: { greeting: '', signoff: '', minWins: '1' },
      Families: { greeting: '', signoff: '', minWins: '3' },
      Public: { greeting: '', signoff: '', minWins: '1' },
    };
    expect(saveSettings(sim, input).ok).toBe(true);
    addWins(sim, familyWins(['W-0501', 'W-0502']));
    let schedule = scheduleOf(sim);
    expect(schedule.nextRun).toBe('Friday 27 November, at the first check after 3 pm');
    expect(schedule.waiting).toEqual([
      { audience: 'Staff', wins: 2, atLeast: 1 },
      { audience: 'Families', wins: 2, atLeast: 3 },
      { audience: 'Public', wins: 0, atLeast: 1 },
    ]);

    // Friday 3 pm in New York is 20:00 UTC.
    sim.advanceTo('2026-11-27T21:30:00Z');
    expect(sim.errors).toEqual([]);
    expect(issueRows(sim).map((r) => `${r.Audience} #${r.Issue} ${r.State} ${r['Win IDs']}`)).toEqual([
      'Staff #1 Done W-0501, W-0502',
    ]);
    expect(sharedIn(sim)['W-0501']).toBe('Staff #1');
    schedule = scheduleOf(sim);
    expect(schedule.nextRun).toBe('Friday 4 December, at the first check after 3 pm');
    expect(schedule.waiting).toEqual([
      { audience: 'Staff', wins: 0, atLeast: 1 },
      { audience: 'Families', wins: 2, atLeast: 3 },
      { audience: 'Public', wins: 0, atLeast: 1 },
    ]);
    expect(schedule.lastRun!.lines).toEqual([
      'Staff: Share its Doc with staff before sending (Share in Google Docs): the email links to it, and Small Wins cannot share it for you.',
      'Families: Not drafted this time: 2 wins are waiting and a scheduled Families issue needs at least 3. They carry to the next issue (Draft newsletter now drafts them at once).',
      'Public: Nothing new is eligible for Public: no Doc or draft was made. 2 approved wins stay out because their consent does not reach the public.',
    ]);
    // The rest of the week's ticks leave it be.
    sim.advanceTo('2026-11-30T12:00:00Z');
    expect(issueRows(sim)).toHaveLength(1);

    // The next week a third win arrives: the Families issue carries all three.
    addWins(sim, familyWins(['W-0503']));
    sim.advanceTo('2026-12-04T21:30:00Z');
    const families = issueRows(sim).find((r) => r.Audience === 'Families')!;
    expect(families['Win IDs']).toBe('W-0501, W-0502, W-0503');
    expect(families.Period).toBe('Week of 30 November 2026');

    // Draft newsletter now drafts a single win, whatever the number a scheduled issue needs.
    addWins(sim, familyWins(['W-0504']));
    sim.run('draftNewsletterNow');
    expect(
      issueRows(sim)
        .filter((r) => r.Audience === 'Families')
        .map((r) => r['Win IDs']),
    ).toEqual(['W-0501, W-0502, W-0503', 'W-0504']);
  });

  test.each([
    ['59', '2026-11-23T14:59:00Z', '2026-11-27T20:00:30Z', '2026-11-27T21:00:00Z', '2026-11-27 15:59'],
    ['0', '2026-11-23T14:00:00Z', '2026-11-27T19:59:30Z', '2026-11-27T20:00:30Z', '2026-11-27 15:00'],
  ])(
    'the clock firing at minute %s drafts at its first tick after 3 pm',
    (_minute, setUpAt, before, after, drafted) => {
      const sim = loadNewsletterAddOn({ now: setUpAt });
      const input = settingsInput({ cadence: { kind: 'weekly', weekday: 5, monthDay: 1, hour: 15 } });
      expect(saveSettings(sim, input).ok).toBe(true);
      addWins(sim, familyWins(['W-0601']));
      sim.advanceTo(before);
      expect(sim.spreadsheet.sheet('Newsletters')).toBeFalsy();
      expect(gmail(sim).drafts()).toHaveLength(0);
      sim.advanceTo(after);
      expect(sim.errors).toEqual([]);
      const rows = issueRows(sim);
      expect(rows.map((r) => `${r.Audience} ${r.Key} ${r.State}`)).toEqual([
        'Staff Staff 2026-W48 Done',
        'Families Families 2026-W48 Done',
      ]);
      expect(scheduleOf(sim).lastRun!.at).toBe(drafted);
    },
  );
});

describe('what was left out, and why: one list per run', () => {
  test('privacy holds by headline (at most ten named), consent as a count; in the dialog, then in the sheet and Settings', () => {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    const privacy = Array.from({ length: 12 }, (_, i) =>
      win({
        id: `W-07${String(i + 10)}`,
        headline: `Privacy ${i + 1}`,
        consent: 'School community',
        namesStudents: 'Yes',
        privacyCleared: 'No',
      }),
    );
    const staffOnly = ['W-0790', 'W-0791', 'W-0792'].map((id) => win({ id, consent: 'Staff only' }));
    addWins(sim, [
      ...familyWins(['W-0701']),
      ...privacy,
      ...staffOnly,
      win({ id: 'W-0793', consent: 'Staff only', status: 'New' }),
    ]);
    sim.run('draftNewsletterNow');
    const dialog = lastDialog(sim);
    const item = (a: Audience) => (new RegExp(`<li><b>${a}</b>:(.*?)</li>`).exec(dialog) ?? [])[1] ?? '';
    const names = Array.from({ length: 10 }, (_, i) => `\u201cPrivacy ${i + 1}\u201d`).join(', ');
    expect(item('Families')).toContain(
      `Held back until privacy is cleared (they name students or have photos): ${names} and 2 more. Tick Privacy cleared in Triage wins to include them next time.`,
    );
    expect(item('Families')).toContain('3 approved wins stay out because their consent does not reach families.');
    expect(item('Public')).toContain('16 approved wins stay out because their consent does not reach the public.');
    // Consent is counted, never listed; Staff sees everything approved, so nothing is held back from it.
    expect(dialog).not.toMatch(/W-079|Privacy 11/);
    expect(item('Staff')).not.toMatch(/Held back|stay out/);

    // A scheduled run: the same notes on the issue's row (the Newsletters sheet) and in Settings.
    addWins(sim, familyWins(['W-0702']));
    sim.advanceTo('2026-11-27T12:30:00Z');
    expect(sim.errors).toEqual([]);
    const scheduled = issueRows(sim).find((r) => r.Audience === 'Families' && r['Win IDs'] === 'W-0702')!;
    expect(String(scheduled['Needs attention'])).toContain(
      `Held back until privacy is cleared (they name students or have photos): ${names} and 2 more.`,
    );
    expect(String(scheduled['Needs attention'])).toContain(
      '3 approved wins stay out because their consent does not reach families.',
    );
    const recent = call(sim, 'settingsOpen').recentIssues;
    expect(recent.find((i) => i.label === 'Families #2')!.attention).toBe(scheduled['Needs attention']);
  });
});
