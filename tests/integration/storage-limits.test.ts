// No 9 KB walls: 200 goals of realistic length and 500 recipients per audience work through the built bundle; a goal
// ticked on the Form that Set up does not know is kept; a Set up stopped halfway is repaired by the next; limits that
// remain are said in words before anything is changed.
import { call } from '../../dev/endpoints';
import type { OpenResult } from '../../src/api';
import { ANSWERS, byTitle, loadAddOn, onlyFormId, TITLE, winsRecords } from '../helpers/addon';
import { gmail, loadNewsletterAddOn, saveSettings, settingsInput, Sim } from './newsletter-fixtures';

const MAX_VALUE_BYTES = 9 * 1024;

function documentProperties(sim: Sim): Record<string, string> {
  const id = sim.core.activeSpreadsheetId;
  return (sim.core.properties.document as Record<string, Record<string, string>>)[id] ?? {};
}

function goalChoices(sim: Sim): string[] {
  const form = sim.forms.get(onlyFormId(sim))!;
  const item = form.items.find((i: { title: string }) => i.title === TITLE.goals)!;
  return (item.choices as Array<string | { value: string }>).map((c) => (typeof c === 'string' ? c : c.value));
}

function lastAlert(sim: Sim): string {
  return sim.ui.alerts[sim.ui.alerts.length - 1]?.message ?? '';
}

/** A goal as a school writes one: a name of a few words, a two-sentence description, a handful of keywords. */
function realisticGoal(i: number): string[] {
  const themes = ['Outdoor learning', 'Reading fluency', 'Number sense', 'Attendance', 'Family voice', 'Science talk'];
  const name = `${themes[i % themes.length]} for group ${i}`;
  const description =
    `Group ${i} students take part in ${themes[i % themes.length].toLowerCase()} every week, with a short ` +
    `routine staff agreed in September. We look for steadier attendance, more confident talk and work that shows it, ` +
    `and we share what works at the fortnightly staff meeting.`;
  const keywords = ['routine', 'weekly', 'talk', 'confidence', 'staff meeting', 'september'].map((k) => `${k}${i}`);
  return [name, description, keywords.join(', '), 'Yes', ''];
}

/** Replaces the Goals sheet's rows (as a leader pasting the school's plan), then runs Set up. */
function pasteGoals(sim: Sim, rows: string[][]): void {
  const sheet = sim.spreadsheet.sheet('Goals')!;
  for (let r = sheet.lastRow; r >= 2; r--) sheet.deleteRow(r);
  sheet.appendRows(rows);
}

function address(audience: string, i: number, long = false): string {
  const local = long ? `${'parent.or.carer.of.a.child.in.year.group'.repeat(1)}.${'x'.repeat(20)}.${i}` : `parent.${i}`;
  return `${local}@${audience.toLowerCase()}.${long ? 'riverside-primary-school-community-mailing-lists' : 'riverside'}.example`;
}

function recipients(audience: string, n: number, long = false): string {
  return Array.from({ length: n }, (_, i) => address(audience, i + 1, long)).join(', ');
}

describe('goals without a 9 KB wall', () => {
  test('200 goals of realistic length: Set up syncs them, intake tags and suggests them, triage offers them', () => {
    const sim = loadNewsletterAddOn();
    const goals = Array.from({ length: 200 }, (_, i) => realisticGoal(i + 1));
    pasteGoals(sim, goals);
    sim.run('setUp');
    expect(lastAlert(sim)).not.toMatch(/could not finish/);
    expect(goalChoices(sim)).toEqual(goals.map((g) => g[0]));
    const props = documentProperties(sim);
    expect(Object.values(props).every((v) => Buffer.byteLength(v, 'utf8') <= MAX_VALUE_BYTES)).toBe(true);
    // The goals alone are far more than one property holds.
    const goalBytes = Object.entries(props)
      .filter(([k]) => k.startsWith('sw.goals'))
      .reduce((n, [, v]) => n + Buffer.byteLength(v, 'utf8'), 0);
    expect(goalBytes).toBeGreaterThan(5 * MAX_VALUE_BYTES);

    sim.meter.reset();
    sim.submitForm(
      onlyFormId(sim),
      byTitle({ ...ANSWERS, goals: [goals[149][0]], story: 'We tried the new routine199 with the class.' }),
      { email: 'ana@school.example' },
    );
    // As many calls as a submission to a school with the five example goals: the goals are read in the same call.
    const calls = sim.meter.calls;
    const small = loadNewsletterAddOn();
    small.meter.reset();
    small.submitForm(onlyFormId(small), byTitle(ANSWERS), { email: 'ana@school.example' });
    expect(calls).toBe(small.meter.calls);
    expect(calls).toBeLessThanOrEqual(12);
    const [row] = winsRecords(sim);
    expect(row.Goals).toBe(goals[149][0]);
    expect(row['Suggested goals']).toBe(goals[198][0]);

    const opened = call(sim, 'triageOpen', { status: 'All', page: 0 }) as OpenResult;
    expect(opened.goals.map((g) => g.name)).toEqual(goals.map((g) => g[0]));

    // Run again: everything already in place, nothing changed.
    sim.run('setUp');
    expect(sim.ui.dialogs[sim.ui.dialogs.length - 1].html).toMatch(/Everything was already in place/);
  });

  test('goals too big for the document properties: Set up says so in words and changes nothing', () => {
    const sim = loadNewsletterAddOn();
    const before = { choices: goalChoices(sim), props: { ...documentProperties(sim) } };
    const huge = Array.from({ length: 1200 }, (_, i) => {
      const g = realisticGoal(i + 1);
      return [g[0], g[1].repeat(2), g[2], 'Yes', ''];
    });
    pasteGoals(sim, huge);
    sim.run('setUp');
    expect(lastAlert(sim)).toMatch(
      /^Set up could not finish\. Small Wins keeps its settings and goals in this spreadsheet's document properties, which hold 450 KB for it; with the 1200 goals of the Goals sheet they would need \d+ KB\. Shorten long descriptions or keyword lists, or set goals you no longer use to Active: No, then run Set up again\. Set up changed nothing\.$/,
    );
    expect(goalChoices(sim)).toEqual(before.choices);
    expect(documentProperties(sim)).toEqual(before.props);
    const ids = (sim.spreadsheet.sheetValues('Goals') as unknown[][]).slice(1).map((r) => r[4]);
    expect(ids.every((id) => id === '')).toBe(true);
  });
});

describe('a goal ticked on the Form that Set up does not know', () => {
  test('is kept as a suggested goal, with a note; once in the Goals sheet it is a suggested chip', () => {
    const sim = loadNewsletterAddOn();
    // A leader adds a choice in the Forms editor, not in the Goals sheet.
    const item = sim.forms.get(onlyFormId(sim))!.items.find((i: { title: string }) => i.title === TITLE.goals)!;
    (item.choices as string[]).push('Outdoor learning');
    sim.submitForm(onlyFormId(sim), byTitle({ ...ANSWERS, goals: ['Outdoor learning', 'Reading for all'] }), {
      email: 'ana@school.example',
    });
    const [row] = winsRecords(sim);
    expect(row.Goals).toBe('Reading for all');
    expect(String(row['Suggested goals']).split(', ')[0]).toBe('Outdoor learning');
    expect(sim.logs.join('\n')).toMatch(
      /W-0001: The submitter ticked the goal "Outdoor learning", which is not among the goals Set up last synced: it is kept as a suggested goal\./,
    );
    const open = () => call(sim, 'triageOpen', { status: 'All', page: 0 }) as OpenResult;
    expect(open().wins[0].suggestedGoals).toContain('Outdoor learning');
    expect(open().goals.map((g) => g.name)).not.toContain('Outdoor learning');

    sim.spreadsheet.sheet('Goals')!.appendRow(['Outdoor learning', 'Learning outside', 'garden', 'Yes']);
    sim.run('setUp');
    expect(open().goals.map((g) => g.name)).toContain('Outdoor learning');
    expect(open().wins[0].suggestedGoals).toContain('Outdoor learning');
  });
});

describe('a Set up that stopped part-way is repaired by the next', () => {
  // Each call where Set up may stop (the nth time it is made): right after the Form is made, while its questions are
  // added, before it is published or linked, at the trigger, and at the final save of what Set up learned.
  const STOPS: Array<[string, number]> = [
    ['Form.setDescription', 1],
    ['CheckboxItem.setChoiceValues', 1],
    ['Form.setPublished', 1],
    ['Form.setDestination', 1],
    ['SpreadsheetTriggerBuilder.create', 1],
    ['Properties.setProperties', 2],
  ];
  test.each(STOPS)(
    'stopped at %s (call %i): one Form, one response sheet, one trigger, and intake works',
    (stop, nth) => {
      const sim = loadAddOn();
      sim.open('LIMITED');
      const meter = sim.core.meter;
      const original = meter.call.bind(meter);
      let seen = 0;
      let failed = false;
      meter.call = <T>(key: string, ms: number, fn: () => T): T => {
        if (key === stop && ++seen === nth) {
          failed = true;
          throw new Error('Service error: Forms');
        }
        return original(key, ms, fn);
      };
      sim.run('setUp');
      meter.call = original;
      expect(failed).toBe(true);
      expect(lastAlert(sim)).toMatch(/^Set up could not finish/);

      sim.run('setUp');
      const live = [...sim.forms.values()].filter((f) => !(f as { deleted?: boolean }).deleted);
      expect(live).toHaveLength(1);
      const form = live[0] as { published: boolean; items: Array<{ title: string }> };
      expect(form.published).toBe(true);
      const titles = form.items.map((i) => i.title);
      expect(new Set(titles).size).toBe(titles.length);
      expect(sim.spreadsheet.sheetNames().filter((n: string) => n.startsWith('Form Responses'))).toHaveLength(1);
      expect(sim.triggers().filter((t) => t.fn === 'onWinSubmitted')).toHaveLength(1);
      sim.submitForm(onlyFormId(sim), byTitle(ANSWERS), { email: 'ana@school.example' });
      expect(winsRecords(sim).map((r) => r.ID)).toEqual(['W-0001']);
    },
  );
});

describe('recipients without a 9 KB wall', () => {
  test('500 addresses for each audience are saved, shown again, and every one is on its draft', () => {
    const sim = loadNewsletterAddOn();
    const input = settingsInput({
      audiences: {
        Staff: { enabled: true, recipients: recipients('Staff', 500) },
        Families: { enabled: true, recipients: recipients('Families', 500) },
        Public: { enabled: true, recipients: recipients('Public', 500) },
      },
    });
    const saved = saveSettings(sim, input);
    expect(saved.ok).toBe(true);
    const view = call(sim, 'settingsOpen');
    expect(view.input.audiences.Families.recipients.split(', ')).toHaveLength(500);
    expect(view.input.audiences.Families.recipients).toBe(input.audiences.Families.recipients);
    const props = documentProperties(sim);
    expect(Object.values(props).every((v) => Buffer.byteLength(v, 'utf8') <= MAX_VALUE_BYTES)).toBe(true);

    // A win typed in by hand, column by column (found by header, as the add-on finds them).
    const sheet = sim.spreadsheet.sheet('Wins')!;
    const typed = { ID: 'W-7001', 'Submitted at': '2026-11-02', Status: 'Approved', Kind: 'Win', Headline: 'Hello' };
    for (const [header, value] of Object.entries({ ...typed, Story: 'Story.', Consent: 'Public' }))
      sheet.setCell(2, sheet.columnOf(header), value);
    sheet.setCell(2, sheet.columnOf('Consent given'), 'Public');
    sheet.setCell(2, sheet.columnOf('Names students or photos'), 'No');
    sim.run('draftNewsletterNow');
    const drafts = gmail(sim).drafts();
    expect(drafts).toHaveLength(3);
    const families = drafts.find((d) => d.bcc.includes(address('Families', 1)))!;
    expect(families.bcc).toHaveLength(500);
    expect(drafts.find((d) => d.to.includes(address('Staff', 1)))!.to).toHaveLength(500);
  });

  test('more than 500 addresses, or settings too big to keep: refused in words before anything is saved', () => {
    const sim = loadNewsletterAddOn();
    const tooMany = saveSettings(
      sim,
      settingsInput({
        audiences: {
          Staff: { enabled: true, recipients: recipients('Staff', 501) },
          Families: { enabled: false, recipients: '' },
          Public: { enabled: false, recipients: '' },
        },
      }),
    );
    expect(tooMany.ok).toBe(false);
    expect(tooMany.errors?.['recipients.Staff']).toBe(
      "501 addresses: Small Wins takes up to 500 per audience. Use a Google Group's address for more.",
    );
    const long = saveSettings(
      sim,
      settingsInput({
        audiences: {
          Staff: { enabled: true, recipients: recipients('Staff', 500, true) },
          Families: { enabled: true, recipients: recipients('Families', 500, true) },
          Public: { enabled: true, recipients: recipients('Public', 500, true) },
        },
      }),
    );
    expect(long.ok).toBe(false);
    expect(Object.values(long.errors ?? {})).toEqual([
      expect.stringMatching(
        /^These settings would take \d+ KB; Small Wins keeps at most 150 KB of settings\. Use a Google Group's address instead of long lists\.$/,
      ),
    ]);
    expect(call(sim, 'settingsOpen').version).toBe(0);
    expect(sim.triggers().filter((t) => t.fn === 'onNewsletterClock')).toHaveLength(0);
  });
});
