// Showcase practices through the built bundle: the Showcase sheet Set up makes, nominating from the triage sidebar
// through the Showcase dialog's endpoints, the one-page questionnaire's checks, withdrawing, IDs never reused.
import { call, failure } from '../../dev/endpoints';
import { loadAddOn, type Sim } from '../helpers/addon';
import { nominate, practice, readySchool, saved } from '../helpers/spread';
import { PRACTICE_HEADERS } from '../../src/domain/showcase';

function school(): Sim {
  return readySchool(loadAddOn(), 'Maple Grove Elementary');
}

function showcaseRows(sim: Sim): Array<Record<string, unknown>> {
  const [header, ...rows] = sim.spreadsheet.sheetValues('Showcase') as unknown[][];
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

test('Set up makes the Showcase sheet (header, frozen, dropdowns) and repairs a deleted column; the menu opens the dialog', () => {
  const sim = school();
  const sheet = sim.spreadsheet.sheet('Showcase')!;
  expect(sheet.headers).toEqual(PRACTICE_HEADERS);
  expect(sheet.frozenRows).toBe(1);
  expect(sheet.validations[1][sheet.columnOf('Status') - 1]).toMatchObject({
    values: ['Draft', 'Nominated', 'Withdrawn'],
  });
  sheet.deleteColumn(sheet.columnOf('Contact'));
  sim.run('setUp');
  expect(sim.spreadsheet.sheet('Showcase')!.headers).toContain('Contact');
  sim.open('LIMITED');
  const items = sim.ui.menus[sim.ui.menus.length - 1].items.map((i) => i.caption);
  expect(items).toContain('Showcase practices');
  sim.run('showShowcase');
  expect(sim.ui.dialogs[sim.ui.dialogs.length - 1]).toMatchObject({ title: 'Showcase practices', modal: true });
});

test('a rerun of Set up repairs a Showcase sheet damaged by hand, and makes it again when it was removed', () => {
  const sim = school();
  let sheet = sim.spreadsheet.sheet('Showcase')!;
  const col = (h: string) => sheet.columnOf(h);
  sheet.setValidationList(2, col('Tier'), null, sheet.maxRows - 1);
  // A rule of the person's own on the column (its first cell's criteria are the ones Set up reads).
  sheet.setValidationList(2, col('Status'), ['Draft', 'Maybe'], 10);
  sheet.setStyle(2, col('What it is'), 'wrap', false, 3);
  sheet.setStyle(1, 1, 'background', '#ff0000', 1, 3);
  sheet.setFrozenRows(0);
  sheet.setColumnWidth(col('Practice'), 90);
  sheet.deleteColumn(col('Contact'));
  sim.run('setUp');
  expect(sheet.cell(2, col('Tier'))?.dv?.values).toEqual(['Emerging', 'Promising', 'Proven']);
  expect(sheet.cell(5, col('Status'))?.dv?.values).toEqual(['Draft', 'Nominated', 'Withdrawn']);
  expect(sheet.cell(3, col('What it is'))?.st?.wrap).toBe(true);
  expect(sheet.cell(1, 2)?.st?.background).toBe('#e6f4ea');
  expect(sheet.frozenRows).toBe(1);
  expect(sheet.widths[col('Practice')]).toBe(90);
  // The deleted column is back at the right, with its width.
  expect(sheet.headers).toContain('Contact');
  expect(col('Contact')).toBe(sheet.headers.length);
  expect(sheet.widths[col('Contact')]).toBe(180);
  expect(sim.ui.dialogs[sim.ui.dialogs.length - 1].html).toContain('Contact');

  // Nothing left to change: the next rerun writes nothing on it.
  sim.meter.reset();
  sim.run('setUp');
  expect(sim.meter.byMethod['Range.setDataValidation']).toBeUndefined();
  expect(sim.meter.byMethod['Range.setWrap']).toBeUndefined();

  sim.spreadsheet.deleteSheet('Showcase');
  sim.run('setUp');
  sheet = sim.spreadsheet.sheet('Showcase')!;
  expect(sheet.headers).toEqual(PRACTICE_HEADERS);
  expect(sheet.frozenRows).toBe(1);
  expect(sheet.cell(2, sheet.columnOf('Willing to host a visit'))?.dv?.values).toEqual(['Yes', 'No']);
  expect(sheet.cell(2, sheet.columnOf('Impact and evidence'))?.st?.wrap).toBe(true);
  expect(sheet.widths[sheet.columnOf('What it is')]).toBe(360);
});

test('the sidebar nominates approved wins: the dialog opens with them, the tier their dates suggest, and what reaches the district', () => {
  const sim = school();
  expect(call(sim, 'triageNominate', { winIds: ['W-0001', 'W-0002'] })).toEqual({ opened: true });
  expect(sim.ui.dialogs[sim.ui.dialogs.length - 1].title).toBe('Showcase practices');
  const view = call(sim, 'showcaseOpen');
  expect(view.start?.winIds).toEqual(['W-0001', 'W-0002']);
  expect(view.start?.wins.map((w) => [w.id, w.approved, w.reachesDistrict])).toEqual([
    ['W-0001', true, true],
    ['W-0002', true, false],
  ]);
  // January to September: more than a term, less than a school year.
  expect(view.start?.suggestion).toEqual({ tier: 'Promising', reason: expect.stringMatching(/about 8 months/) });
  expect(view.goals).toContain('Reading for all');
  // The selection is handed over once: reopening the dialog starts from the list.
  expect(call(sim, 'showcaseOpen').start).toBeNull();
});

test('nominating checks the questionnaire: 300 words at most, a goal of the school, approved wins only', () => {
  const sim = school();
  const long = Array.from({ length: 301 }, (_, i) => `word${i}`).join(' ');
  const refused = call(sim, 'showcaseSave', {
    id: '',
    version: '',
    action: 'nominate',
    practice: practice({ description: long, goal: 'Chess', winIds: ['W-0005'] }),
  });
  expect(refused).toMatchObject({
    ok: false,
    errors: {
      description: 'Keep "What it is" to 300 words: it has 301.',
      goal: '"Chess" is not one of the school\'s goals: choose one from the list.',
      winIds: 'Only approved wins can be linked: W-0005 is not approved.',
    },
  });
  expect(
    call(sim, 'showcaseSave', { id: '', version: '', action: 'nominate', practice: practice({ winIds: ['W-0404'] }) }),
  ).toMatchObject({
    ok: false,
    errors: { winIds: 'W-0404 is not in the Wins log: remove it from the linked wins.' },
  });
  expect(sim.spreadsheet.sheetValues('Showcase')).toHaveLength(1);
  // A draft may be incomplete; nominating it needs the rest.
  const draft = saved(
    call(sim, 'showcaseSave', { id: '', version: '', action: 'save', practice: practice({ impact: '', contact: '' }) }),
  );
  expect(draft.practice).toMatchObject({ id: 'P-001', status: 'Draft' });
  expect(
    call(sim, 'showcaseSave', {
      id: 'P-001',
      version: draft.practice.version,
      action: 'nominate',
      practice: practice({ impact: '', contact: '' }),
    }),
  ).toMatchObject({
    ok: false,
    errors: {
      impact: 'Say what difference it made, and how you know.',
      contact: 'Say whom another school can ask about it.',
    },
  });
  // Not a page's shape: refused before anything runs.
  expect(failure(sim, 'showcaseSave', { id: '', version: '', action: 'publish', practice: practice() })).toMatch(
    /request\.action should be "save", "nominate" or "withdraw".*Nothing was saved/,
  );
});

test('a nominated practice is kept with who and when; withdrawing keeps its row; a stale save is refused; IDs are never reused', () => {
  const sim = school();
  const id = nominate(sim, { name: '=HYPERLINK("x")' });
  expect(id).toBe('P-001');
  const [row] = showcaseRows(sim);
  expect(row).toMatchObject({
    ID: 'P-001',
    Status: 'Nominated',
    Practice: '=HYPERLINK("x")',
    Goal: 'Reading for all',
    Tier: 'Promising',
    'Suggested tier': 'Promising',
    'Linked wins': 'W-0001, W-0002',
    'Willing to host a visit': 'Yes',
    'Nominated by': 'principal@school.example',
  });
  // Times are date cells, shown in the school's time zone: 14:00 UTC is 9 am in New York.
  const sheet = sim.spreadsheet.sheet('Showcase')!;
  const col = (h: string) => sheet.headers.indexOf(h);
  expect(Object.prototype.toString.call(sheet.values[1][col('Nominated at')])).toBe('[object Date]');
  expect((sheet.values[1][col('Nominated at')] as Date).toISOString()).toBe('2026-11-23T14:00:00.000Z');
  expect(sheet.displayValues[1][col('Nominated at')]).toBe('11/23/2026 9:00:00');
  expect(sheet.displayValues[1][col('Updated at')]).toBe('11/23/2026 9:00:00');
  // Formula-like text stays text.
  expect(sim.spreadsheet.sheet('Showcase')!.formulas[1][2]).toBe('');
  const list = call(sim, 'showcaseOpen').practices;
  const version = list[0].version;
  sim.clock.advance(60_000);
  sim.setUser('coach@school.example');
  const changed = saved(
    call(sim, 'showcaseSave', {
      id,
      version,
      action: 'save',
      practice: practice({ name: 'Reading buddies', impact: 'Visits doubled.' }),
    }),
  );
  expect(changed.practice).toMatchObject({
    status: 'Nominated',
    updatedBy: 'coach@school.example',
    nominatedBy: 'principal@school.example',
  });
  sim.setUser('principal@school.example');
  // The principal's dialog still holds the version read before the coach's save.
  const stale = call(sim, 'showcaseSave', { id, version, action: 'withdraw', practice: practice() });
  expect(stale).toMatchObject({
    ok: false,
    message: expect.stringMatching(/^P-001 was changed by coach@school\.example since you opened it/),
  });
  expect(showcaseRows(sim)[0].Status).toBe('Nominated');
  const withdrawn = saved(
    call(sim, 'showcaseSave', { id, version: changed.practice.version, action: 'withdraw', practice: practice() }),
  );
  expect(withdrawn.practice.status).toBe('Withdrawn');
  expect(withdrawn.message).toBe('P-001 ("Reading buddies") was withdrawn.');
  // A row deleted by hand: its ID is not given again.
  sim.spreadsheet.sheet('Showcase')!.deleteRow(2);
  expect(nominate(sim)).toBe('P-002');
});

describe('the Showcase sheet edited by hand', () => {
  test("a save writes Small Wins' own cells only: a leader's own columns keep their text and formulas", () => {
    const sim = school();
    const id = nominate(sim);
    const sheet = sim.spreadsheet.sheet('Showcase')!;
    const c = sheet.headers.length + 1;
    sheet
      .setCell(1, c, 'Notes')
      .setCell(2, c, "'007")
      .setCell(1, c + 1, 'Score')
      .setCell(2, c + 1, '=1+1');
    const version = call(sim, 'showcaseOpen').practices[0].version;
    saved(call(sim, 'showcaseSave', { id, version, action: 'save', practice: practice({ impact: 'Changed.' }) }));
    expect({ notes: sheet.values[1][c - 1], score: sheet.formulas[1][c] }).toEqual({ notes: '007', score: '=1+1' });
    expect(showcaseRows(sim)[0]['Impact and evidence']).toBe('Changed.');
  });

  test('a cell fixed by hand after a dialog opened is a conflict: nothing is overwritten, and it says where', () => {
    const sim = school();
    const id = nominate(sim);
    const version = call(sim, 'showcaseOpen').practices[0].version;
    const sheet = sim.spreadsheet.sheet('Showcase')!;
    sheet.setCell(2, sheet.columnOf('Contact'), 'Ben Ortiz, ben@school.example');
    const r = call(sim, 'showcaseSave', { id, version, action: 'save', practice: practice({ tier: 'Proven' }) });
    expect(r).toMatchObject({
      ok: false,
      message: `${id} was changed in the Showcase sheet since you opened it, so nothing was saved. Its current version is shown: make your change again.`,
      current: { contact: 'Ben Ortiz, ben@school.example' },
    });
    expect(showcaseRows(sim)[0]).toMatchObject({ Contact: 'Ben Ortiz, ben@school.example', Tier: 'Promising' });
    // Saved again from the version shown: it goes through, and a second save from the same dialog too.
    const current = (r as { current: { version: string } }).current.version;
    const again = saved(
      call(sim, 'showcaseSave', { id, version: current, action: 'save', practice: practice({ tier: 'Proven' }) }),
    );
    saved(
      call(sim, 'showcaseSave', {
        id,
        version: again.practice.version,
        action: 'save',
        practice: practice({ tier: 'Proven', impact: '  Visits doubled.\n' }),
      }),
    );
  });

  test('a row copied by hand keeps its ID twice: saving either is refused in words and nothing is overwritten', () => {
    const sim = school();
    const id = nominate(sim, { name: 'Reading buddies' });
    const sheet = sim.spreadsheet.sheet('Showcase')!;
    sheet.setRow(
      3,
      sheet.values[1].map((v) => (v instanceof Date || v === '' ? v : `'${String(v)}`)),
    );
    sheet.setCell(3, sheet.columnOf('Practice'), 'Math circles');
    const copy = call(sim, 'showcaseOpen').practices[1];
    expect([copy.id, copy.name]).toEqual([id, 'Math circles']);
    const r = call(sim, 'showcaseSave', {
      id: copy.id,
      version: copy.version,
      action: 'save',
      practice: practice({ name: 'Math circles', impact: 'Edited the copy.' }),
    });
    expect(r).toMatchObject({
      ok: false,
      message: `${id} is on 2 rows of the Showcase sheet (rows 2 and 3), so it is not clear which one to change. Give a copied row an ID of its own, or delete it, then save again. Nothing was saved.`,
    });
    expect(showcaseRows(sim).map((x) => x.Practice)).toEqual(['Reading buddies', 'Math circles']);
  });

  test('a renamed column is refused in words by the dialog; Set up adds it again', () => {
    const sim = school();
    nominate(sim);
    const sheet = sim.spreadsheet.sheet('Showcase')!;
    sheet.setCell(1, sheet.columnOf('What it is'), 'Description');
    expect(failure(sim, 'showcaseOpen')).toMatch(
      /The Showcase sheet has no "What it is" column \(renamed or deleted\?\)\. Give it its name back, or run Small Wins → Set up to add it again\./,
    );
    // Nothing was added or written while it was refused.
    expect(sheet.headers).not.toContain('What it is');
    sim.run('setUp');
    expect(sheet.headers).toContain('What it is');
    expect(call(sim, 'showcaseOpen').practices).toHaveLength(1);
  });

  test('a hand-pasted 50,000-character cell that starts with "-" does not stop a withdrawal', () => {
    const sim = school();
    const id = nominate(sim);
    const sheet = sim.spreadsheet.sheet('Showcase')!;
    const list = ('- step\n'.repeat(7143) + 'x'.repeat(50_000)).slice(0, 50_000);
    sheet.setRaw(2, sheet.columnOf('What it is'), list);
    const version = call(sim, 'showcaseOpen').practices[0].version;
    saved(call(sim, 'showcaseSave', { id, version, action: 'withdraw', practice: practice() }));
    expect(showcaseRows(sim)[0].Status).toBe('Withdrawn');
    expect(String(showcaseRows(sim)[0]['What it is']).startsWith('- step')).toBe(true);
  });
});
