// Triage through the built bundle in the simulator: the sidebar's endpoints called as google.script.run would.
import { ANSWERS, byTitle, loadAddOn, setUpSchool, Sim, winsRecords } from '../helpers/addon';
import { seedLog, seedWin, seedWins } from '../../dev/triage-fixtures';
import type { OpenResult, SaveResult, WinView } from '../../src/api';
import { EXAMPLE_GOALS, GOALS_BLOCK } from '../../src/domain/goals';
import { WIN_COLUMNS, type Status } from '../../src/domain/schema';
import { call, type AddOnEndpoints } from '../../dev/endpoints';

function school(n = 40, fresh = 30): Sim {
  const sim = loadAddOn();
  setUpSchool(sim);
  seedLog(sim, n, fresh);
  return sim;
}

function open(sim: Sim, query: Record<string, unknown> = {}): OpenResult {
  return call(sim, 'triageOpen', { status: 'To triage', page: 0, ...query });
}

/** A cell of the Wins sheet by win ID and header, as stored. */
function cell(sim: Sim, id: string, header: string): unknown {
  const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
  const c = values[0].indexOf(header);
  const row = values.find((r) => r[values[0].indexOf('ID')] === id);
  if (!row) throw new Error(`no row for ${id}`);
  return row[c];
}

function rowOf(sim: Sim, id: string): number {
  const values = sim.spreadsheet.sheetValues('Wins') as unknown[][];
  return values.findIndex((r) => r[values[0].indexOf('ID')] === id) + 1;
}

function saved(r: SaveResult): Extract<SaveResult, { saved: unknown }> {
  if (!('saved' in r)) throw new Error(`expected a save, got ${JSON.stringify(r)}`);
  return r;
}

describe('opening the queue', () => {
  test('the menu offers Triage wins after Set up, and it opens the sidebar page', () => {
    const sim = school(3, 3);
    sim.open('LIMITED');
    const captions = sim.ui.menus[sim.ui.menus.length - 1].items.map((i: { caption?: string }) => i.caption);
    expect(captions.slice(0, 2)).toEqual(['Set up', 'Triage wins']);
    sim.run('showTriage');
    const sidebar = sim.ui.sidebars[sim.ui.sidebars.length - 1];
    expect(sidebar.title).toBe('Triage wins');
    expect(sidebar.html).toContain('<div id="app"');
  });

  test('to-triage wins first, newest first, a page of 20, counts and active goals', () => {
    const sim = school(40, 30);
    const first = open(sim);
    expect(first.total).toBe(30);
    expect(first.wins).toHaveLength(20);
    expect(first.wins.map((w) => w.id).slice(0, 3)).toEqual(['W-0040', 'W-0039', 'W-0038']);
    expect(first.wins.every((w) => w.status === 'New' || w.status === 'Needs info')).toBe(true);
    expect(first.counts).toEqual({ New: 24, 'Needs info': 6, Approved: 9, Archived: 1 });
    expect(first.logSize).toBe(40);
    expect(first.goals.map((g) => g.name)).toEqual(EXAMPLE_GOALS.map((g) => g.name));
    const second = call(sim, 'triageQueue', { status: 'To triage', page: 1 });
    expect(second.wins.map((w) => w.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `W-${String(20 - i).padStart(4, '0')}`),
    );
  });

  test('filters by goal, kind, audience and text search', () => {
    const sim = school(40, 30);
    expect(open(sim, { status: 'Approved', goal: 'Reading for all' }).total).toBe(9);
    expect(open(sim, { status: 'All', kind: 'Lesson learned' }).wins.every((w) => w.kind === 'Lesson learned')).toBe(
      true,
    );
    expect(open(sim, { status: 'All', audience: 'Public' }).wins.every((w) => w.consent === 'Public')).toBe(true);
    const found = open(sim, { status: 'All', search: 'calm corner #37' });
    expect(found.wins.map((w) => w.id)).toEqual(['W-0037']);
  });

  test("a change to the Goals sheet reaches the chips at once, and intake's suggestions at the next Set up", () => {
    const sim = loadAddOn();
    const formId = setUpSchool(sim);
    seedLog(sim, 3, 3);
    sim.spreadsheet.sheet('Goals')!.appendRow(['Outdoor learning', 'Lessons outside', 'garden, outdoors', 'Yes']);
    const opened = open(sim);
    expect(opened.goals.map((g) => g.name)).toContain('Outdoor learning');
    // Set up syncs the goals with the Form's choices and with intake's suggestions.
    sim.run('setUp');
    sim.submitForm(
      formId,
      byTitle({ ...ANSWERS, goals: [], story: 'We moved the Year 3 maths lesson into the school garden.' }),
      { email: 'ana@school.example' },
    );
    const records = winsRecords(sim);
    expect(String(records[records.length - 1]['Suggested goals'])).toContain('Outdoor learning');
  });

  test('text people typed stays text, and script in a story stays a string', () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    seedWins(sim, [
      {
        ...seedWin(1, 1, 1),
        headline: '=1+1',
        story: '<img src=x onerror=alert(1)> <script>alert(2)</script>',
        evidence: '007',
      },
    ]);
    const [win] = open(sim).wins;
    expect(win.headline).toBe('=1+1');
    expect(win.story).toBe('<img src=x onerror=alert(1)> <script>alert(2)</script>');
    expect(win.evidence).toBe('007');
  });

  test('errors reach the sidebar as a plain sentence', () => {
    const sim = school(3, 3);
    sim.spreadsheet.deleteSheet('Wins');
    const r = sim.runSidebar('triageOpen', [{ status: 'To triage', page: 0 }]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/^The "Wins" sheet is missing\. Run Small Wins → Set up to restore it\.$/);
      expect(r.error).not.toMatch(/\bat\s+\S+\s*\(/);
    }
  });
});

describe('saving', () => {
  test('approve writes status, who and when, leaves other cells as they were, and undo restores it', () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    seedWins(sim, [{ ...seedWin(1, 1, 1), evidence: '007', headline: '=1+1' }]);
    const [win] = open(sim).wins;
    const r = saved(
      call(sim, 'triageSave', {
        id: win.id,
        row: win.row,
        version: win.version,
        change: { status: 'Approved' },
      }),
    );
    expect(r.previous).toEqual({ status: 'New' });
    expect(cell(sim, 'W-0001', 'Status')).toBe('Approved');
    expect(cell(sim, 'W-0001', 'Triaged by')).toBe('principal@school.example');
    expect(Object.prototype.toString.call(cell(sim, 'W-0001', 'Triaged at'))).toBe('[object Date]');
    expect(cell(sim, 'W-0001', 'Evidence')).toBe('007');
    expect(cell(sim, 'W-0001', 'Headline')).toBe('=1+1');
    expect(sim.spreadsheet.sheet('Wins')!.formulas.flat().filter(Boolean)).toEqual([]);
    // The returned version is what a fresh read gives: the next save needs no reload.
    const reread = call(sim, 'triageWin', { id: win.id, row: win.row });
    expect(r.saved.version).toBe(reread?.version);

    const undo = saved(
      call(sim, 'triageSave', { id: win.id, row: win.row, version: r.saved.version, change: r.previous }),
    );
    expect(undo.saved.status).toBe('New');
    expect(cell(sim, 'W-0001', 'Status')).toBe('New');
  });

  test('tagging goals and narrowing consent; widening and unknown goals are refused with sentences', () => {
    const sim = school(3, 3);
    const win = open(sim).wins.find((w) => w.consentGiven === 'School community')!;
    const r = saved(
      call(sim, 'triageSave', {
        id: win.id,
        row: win.row,
        version: win.version,
        change: { goals: ['Math confidence', 'Reading for all'], consent: 'Staff only' },
      }),
    );
    expect(cell(sim, win.id, 'Goals')).toBe('Math confidence, Reading for all');
    expect(cell(sim, win.id, 'Consent')).toBe('Staff only');
    expect(cell(sim, win.id, 'Consent given')).toBe('School community');
    const widen = call(sim, 'triageSave', {
      id: win.id,
      row: win.row,
      version: r.saved.version,
      change: { consent: 'Public' },
    });
    expect(widen).toEqual({
      refused:
        'Consent can be narrowed but not widened: the submitter allowed School community, so Public cannot be set.',
    });
    const unknown = call(sim, 'triageSave', {
      id: win.id,
      row: win.row,
      version: r.saved.version,
      change: { goals: ['Made up'] },
    });
    expect(unknown).toEqual({ refused: '"Made up" is not an active goal in the Goals sheet.' });
    expect(cell(sim, win.id, 'Consent')).toBe('Staff only');
  });

  test('privacy cleared records who and when', () => {
    const sim = school(4, 4);
    const win = open(sim).wins.find((w) => w.namesStudents)!;
    expect(win.warnings.map((w) => w.code)).toContain('privacy');
    const r = saved(
      call(sim, 'triageSave', {
        id: win.id,
        row: win.row,
        version: win.version,
        change: { privacyCleared: true },
      }),
    );
    expect(r.saved.privacyClearedBy).toBe('principal@school.example');
    expect(r.saved.privacyClearedAt).toBe('2026-11-23T14:00:00.000Z');
    expect(r.saved.warnings.map((w) => w.code)).not.toContain('privacy');
    expect(cell(sim, win.id, 'Privacy cleared')).toBe('Yes');
    expect(cell(sim, win.id, 'Privacy cleared by')).toBe('principal@school.example');
    expect((cell(sim, win.id, 'Privacy cleared at') as Date).toISOString()).toBe('2026-11-23T14:00:00.000Z');
  });

  test('a hand edit since the win was read is a conflict: nothing is written and the new version is shown', () => {
    const sim = school(5, 5);
    const win = open(sim).wins[0];
    const wins = sim.spreadsheet.sheet('Wins')!;
    wins.setCell(rowOf(sim, win.id), wins.columnOf(WIN_COLUMNS.story), 'Edited by hand in the sheet');
    const r = call(sim, 'triageSave', {
      id: win.id,
      row: win.row,
      version: win.version,
      change: { status: 'Approved' },
    });
    if (!('conflict' in r)) throw new Error('expected a conflict');
    expect(r.conflict.fields).toEqual(['story']);
    expect(r.conflict.current!.story).toBe('Edited by hand in the sheet');
    expect(r.conflict.message).toMatch(/changed since you opened it.*Story/);
    expect(cell(sim, win.id, 'Status')).toBe('New');
  });

  test("another leader's save makes the first leader's stale save a conflict", () => {
    const sim = school(5, 5);
    const win = open(sim).wins[0];
    sim.setUser('coach@school.example');
    saved(
      call(sim, 'triageSave', {
        id: win.id,
        row: win.row,
        version: win.version,
        change: { status: 'Archived' },
      }),
    );
    sim.setUser('principal@school.example');
    const r = call(sim, 'triageSave', {
      id: win.id,
      row: win.row,
      version: win.version,
      change: { status: 'Approved' },
    });
    if (!('conflict' in r)) throw new Error('expected a conflict');
    expect(r.conflict.fields).toEqual(expect.arrayContaining(['status', 'triagedBy']));
    expect(r.conflict.message).toMatch(/last saved by coach@school\.example/);
    expect(cell(sim, win.id, 'Status')).toBe('Archived');
  });

  test('the win is found by ID after the sheet was sorted, and a deleted win is reported', () => {
    const sim = school(6, 6);
    const [a, b] = open(sim).wins;
    const wins = sim.spreadsheet.sheet('Wins')!;
    wins.sortBy(wins.columnOf(WIN_COLUMNS.submittedAt), true);
    wins.sortBy(wins.columnOf(WIN_COLUMNS.headline), true);
    expect(rowOf(sim, a.id)).not.toBe(a.row);
    saved(call(sim, 'triageSave', { id: a.id, row: a.row, version: a.version, change: { status: 'Approved' } }));
    expect(cell(sim, a.id, 'Status')).toBe('Approved');
    wins.deleteRow(rowOf(sim, b.id));
    const gone = call(sim, 'triageSave', {
      id: b.id,
      row: b.row,
      version: b.version,
      change: { status: 'Approved' },
    });
    expect(gone).toMatchObject({ conflict: { current: null, fields: [] } });
    if ('conflict' in gone) expect(gone.conflict.message).toMatch(/no longer in the log/);
  });

  test("a formula in a person's own column survives a save", () => {
    const sim = school(2, 2);
    const wins = sim.spreadsheet.sheet('Wins')!;
    const mine = wins.lastColumn + 1;
    wins.setCell(1, mine, 'My notes');
    wins.setCell(2, mine, '=1+1');
    const win = open(sim).wins.find((w) => w.row === 2)!;
    saved(
      call(sim, 'triageSave', {
        id: win.id,
        row: win.row,
        version: win.version,
        change: { status: 'Approved' },
      }),
    );
    expect(wins.formulas[1][mine - 1]).toBe('=1+1');
  });

  test('select several and approve them together; a stale one is reported, the others saved', () => {
    const sim = school(5, 5);
    const wins = open(sim).wins.slice(0, 3);
    const sheet = sim.spreadsheet.sheet('Wins')!;
    sheet.setCell(rowOf(sim, wins[2].id), sheet.columnOf(WIN_COLUMNS.kind), 'Lesson learned');
    const r = call(sim, 'triageSaveMany', {
      wins: wins.map((w) => ({ id: w.id, row: w.row, version: w.version })),
      change: { status: 'Approved', goals: ['Reading for all'] },
    });
    expect(r.results.map((x) => Object.keys(x.result)[0])).toEqual(['saved', 'saved', 'conflict']);
    expect(cell(sim, wins[0].id, 'Status')).toBe('Approved');
    expect(cell(sim, wins[1].id, 'Goals')).toBe('Reading for all');
    expect(cell(sim, wins[2].id, 'Status')).toBe('New');
  });

  test('a win that came in through the Form keeps its consent as "Consent given"', () => {
    const sim = loadAddOn();
    const formId = setUpSchool(sim);
    sim.submitForm(formId, byTitle({ ...ANSWERS, consent: 'Public' }), { email: 'ana@school.example' });
    const [win] = open(sim).wins;
    expect(win.consentGiven).toBe('Public');
    expect(cell(sim, win.id, 'Consent given')).toBe('Public');
  });
});

describe('service calls do not grow with the log (ARCHITECTURE.md cost model)', () => {
  function metered<N extends 'triageOpen' | 'triageQueue' | 'triageSave'>(
    sim: Sim,
    fn: N,
    arg: Parameters<AddOnEndpoints[N]>[0],
  ): { value: ReturnType<AddOnEndpoints[N]>; calls: number; byMethod: Record<string, { calls: number }> } {
    sim.meter.reset();
    const value = call(sim, fn, ...([arg] as Parameters<AddOnEndpoints[N]>));
    return { value, calls: sim.meter.calls, byMethod: { ...sim.meter.byMethod } };
  }

  function costs(n: number) {
    const sim = school(n, 30);
    const opened = metered(sim, 'triageOpen', { status: 'To triage', page: 0 });
    const [a, b, c] = opened.value.wins;
    const approve = metered(sim, 'triageSave', {
      id: a.id,
      row: a.row,
      version: a.version,
      change: { status: 'Approved' },
    });
    const tag = metered(sim, 'triageSave', {
      id: b.id,
      row: b.row,
      version: b.version,
      change: { goals: ['Math confidence'] },
    });
    const sizeHint = opened.value.logSize;
    const search = metered(sim, 'triageQueue', { status: 'All', search: 'calm corner', page: 0, sizeHint });
    const wins = sim.spreadsheet.sheet('Wins')!;
    wins.sortBy(wins.columnOf(WIN_COLUMNS.headline), true);
    const sorted = metered(sim, 'triageSave', {
      id: c.id,
      row: c.row,
      version: c.version,
      change: { status: 'Archived' },
    });
    for (const r of [approve, tag, sorted]) saved(r.value);
    return { sim, opened, approve, tag, search, sorted };
  }

  test("at 10,000 wins: open 10 calls (the school's time zone is one), save 11, save adding a goal 13, save after a hand sort 15", () => {
    const big = costs(10_000);
    expect(big.opened.value.logSize).toBe(10_000);
    expect(big.opened.value.wins.map((w) => w.id).slice(0, 2)).toEqual(['W-10000', 'W-9999']);
    expect(big.opened.calls).toBeLessThanOrEqual(10);
    expect(big.opened.value.timeZone).toBe(big.sim.spreadsheet.timeZone);
    expect(big.opened.byMethod['Spreadsheet.getSpreadsheetTimeZone']?.calls).toBe(1);
    // Opening reads no document properties, no getLastRow and no sheet handle for the Wins or the Goals sheet.
    expect(
      Object.keys(big.opened.byMethod).filter((m) => /Properties|getLastRow|getSheetByName|getDataRange/.test(m)),
    ).toEqual([]);
    expect(big.approve.calls).toBeLessThanOrEqual(11);
    // One Range for the win's row: read, formulas and write; one Session read; the lock is left to the end of the execution.
    expect(big.approve.byMethod['Spreadsheet.getRange']?.calls).toBe(2);
    expect(big.approve.byMethod['Session.getEffectiveUser']?.calls).toBe(1);
    expect(big.approve.byMethod['Lock.releaseLock']).toBeUndefined();
    expect(big.tag.calls).toBeLessThanOrEqual(13);
    expect(Object.keys(big.tag.byMethod).filter((m) => /getSheetByName|getDataRange/.test(m))).toEqual([]);
    expect(big.sorted.calls).toBeLessThanOrEqual(15);
    expect(big.search.calls).toBeLessThanOrEqual(9);
    expect(big.search.value.total).toBe(2000);

    const small = costs(100);
    for (const op of ['opened', 'approve', 'tag', 'sorted'] as const)
      expect(`${op}: ${big[op].calls}`).toBe(`${op}: ${small[op].calls}`);
  });

  test('bulk approve of 100 wins in 5 runs of rows: at most 20 calls, a hand edit between the runs survives', () => {
    const sim = school(300, 250);
    const sheet = sim.spreadsheet.sheet('Wins')!;
    const idCol = sheet.columnOf(WIN_COLUMNS.id);
    const storyCol = sheet.columnOf(WIN_COLUMNS.story);
    const idAt = (row: number) => String(sheet.values[row - 1][idCol - 1]);
    // Five runs of 20 adjacent New wins, 3 rows apart (a page each, as the sidebar selects them).
    const runs = [0, 1, 2, 3, 4].map((k) => Array.from({ length: 20 }, (_, i) => 60 + k * 23 + i));
    const refs = (rows: number[]) =>
      rows.map((row) => {
        const win = call(sim, 'triageWin', { id: idAt(row), row })!;
        expect(['New', 'Needs info']).toContain(win.status);
        return { id: win.id, row: win.row, version: win.version };
      });
    const selected = refs(runs.flat());
    const between = runs[1][0] - 2;
    const betweenStatus = cell(sim, idAt(between), 'Status');
    // A leader types in a row between two runs while the bulk save runs (after its read, before its write).
    const meter = sim.core.meter;
    const original = meter.call;
    meter.call = function <T>(this: typeof meter, key: string, ms: number, fn: () => T): T {
      const result = original.call(meter, key, ms, fn) as T;
      if (key === 'Range.getFormulas') sheet.setCell(between, storyCol, 'Typed by hand during the save');
      return result;
    } as typeof meter.call;
    try {
      sim.meter.reset();
      const r = call(sim, 'triageSaveMany', { wins: selected, change: { status: 'Approved' } });
      expect(r.results.filter((x) => 'saved' in x.result)).toHaveLength(100);
    } finally {
      meter.call = original;
    }
    const byMethod = sim.meter.byMethod;
    expect(sim.meter.calls).toBeLessThanOrEqual(20);
    expect(byMethod['Range.setValues'].calls).toBe(5);
    expect(byMethod['Range.getValues'].calls).toBe(2); // the header, then the span
    expect(byMethod['Range.getFormulas'].calls).toBe(1);
    expect(sheet.values[between - 1][storyCol - 1]).toBe('Typed by hand during the save');
    for (const row of runs.flat()) expect(cell(sim, idAt(row), 'Status')).toBe('Approved');
    expect(cell(sim, idAt(between), 'Status')).toBe(betweenStatus);

    // A sixth run costs at most two more calls (its range and its write).
    const six = [0, 1, 2, 3, 4, 5].map((k) => Array.from({ length: 10 }, (_, i) => 180 + k * 13 + i));
    const sixRefs = refs(six.flat());
    sim.meter.reset();
    call(sim, 'triageSaveMany', { wins: sixRefs, change: { status: 'Approved' } });
    expect(sim.meter.byMethod['Range.setValues'].calls).toBe(6);
    expect(sim.meter.calls).toBeLessThanOrEqual(22);
  });

  test('without an explicit release the next save (a new execution) still gets the lock; a lock held elsewhere is reported', () => {
    const sim = school(3, 3);
    const [a, b] = open(sim).wins;
    saved(call(sim, 'triageSave', { id: a.id, row: a.row, version: a.version, change: { status: 'Approved' } }));
    saved(call(sim, 'triageSave', { id: b.id, row: b.row, version: b.version, change: { status: 'Approved' } }));
    sim.holdLock('document', 60_000);
    const busy = sim.runSidebar('triageSave', [{ id: a.id, row: a.row, version: 'stale', change: { status: 'New' } }]);
    expect(busy).toMatchObject({ ok: false, error: expect.stringMatching(/busy with another change/) });
  });
});

describe('reading only what a query needs stays correct', () => {
  test('a search within To triage finds an old win waiting for triage, and not approved ones', () => {
    const sim = school(200, 5);
    const sheet = sim.spreadsheet.sheet('Wins')!;
    // An old win sent back for more information, far above the newest ones.
    sheet.setCell(rowOf(sim, 'W-0004'), sheet.columnOf(WIN_COLUMNS.status), 'Needs info');
    sheet.setCell(rowOf(sim, 'W-0004'), sheet.columnOf(WIN_COLUMNS.blurb), 'Sunflower seeds in the courtyard');
    sheet.setCell(rowOf(sim, 'W-0150'), sheet.columnOf(WIN_COLUMNS.blurb), 'More sunflower seeds');
    const waiting = call(sim, 'triageQueue', {
      status: 'To triage',
      search: 'sunflower',
      page: 0,
      sizeHint: 200,
    });
    expect(waiting.wins.map((w) => w.id)).toEqual(['W-0004']);
    expect(waiting.counts['Needs info']).toBe(2);
    const all = call(sim, 'triageQueue', { status: 'All', search: 'sunflower', page: 0 });
    expect(all.wins.map((w) => w.id)).toEqual(['W-0004', 'W-0150']);
  });

  test("rows past the last win (a note in a person's own column, an emptied row) are not wins", () => {
    const sim = school(5, 5);
    const sheet = sim.spreadsheet.sheet('Wins')!;
    const mine = sheet.lastColumn + 1;
    sheet.setCell(1, mine, 'My notes');
    sheet.setCell(9, mine, 'Remember to thank the librarian');
    const first = open(sim);
    expect(first.logSize).toBe(5);
    expect(first.total).toBe(5);
    sheet.deleteRow(rowOf(sim, 'W-0005'));
    sheet.insertRow(2);
    const again = open(sim);
    expect(again.total).toBe(4);
    expect(again.wins.map((w) => w.id)).toEqual(['W-0004', 'W-0003', 'W-0002', 'W-0001']);
  });

  test('tag several wins together: each keeps its own goals and gains the chosen one, in one call', () => {
    const sim = school(5, 5);
    const wins = open(sim).wins.slice(0, 3);
    const first = saved(
      call(sim, 'triageSave', {
        id: wins[0].id,
        row: wins[0].row,
        version: wins[0].version,
        change: { goals: ['Math confidence'] },
      }),
    );
    const chosen = [first.saved, wins[1], wins[2]];
    const r = call(sim, 'triageSaveMany', {
      wins: chosen.map((w) => ({ id: w.id, row: w.row, version: w.version })),
      change: {},
      addGoals: ['Reading for all'],
    });
    expect(r.results.map((x) => Object.keys(x.result)[0])).toEqual(['saved', 'saved', 'saved']);
    expect(cell(sim, wins[0].id, 'Goals')).toBe('Math confidence, Reading for all');
    expect(cell(sim, wins[1].id, 'Goals')).toBe('Reading for all');
    expect(cell(sim, wins[2].id, 'Status')).toBe('New');
    const unknown = call(sim, 'triageSaveMany', {
      wins: [{ id: wins[1].id, row: wins[1].row, version: (r.results[1].result as { saved: WinView }).saved.version }],
      change: {},
      addGoals: ['Made up'],
    });
    expect(unknown.results[0].result).toEqual({ refused: '"Made up" is not an active goal in the Goals sheet.' });
  });
});

describe('the Goals sheet: one bounded read, the whole sheet when the block cannot say it all', () => {
  const active = EXAMPLE_GOALS.map((g) => ({ name: g.name, description: g.description }));

  function goalsRead(sim: Sim): { opened: OpenResult; wholeSheet: boolean } {
    sim.meter.reset();
    const opened = open(sim);
    return { opened, wholeSheet: Boolean(sim.meter.byMethod['Sheet.getDataRange']) };
  }

  function tagWith(sim: Sim, goal: string): SaveResult {
    const [win] = open(sim).wins;
    return call(sim, 'triageSave', {
      id: win.id,
      row: win.row,
      version: win.version,
      change: { goals: [goal] },
    });
  }

  test('a usual Goals sheet is read from its top-left block alone', () => {
    const sim = school(3, 3);
    const { opened, wholeSheet } = goalsRead(sim);
    expect(wholeSheet).toBe(false);
    expect(opened.goals).toEqual(active);
    expect(opened.notices).toEqual([]);
  });

  test(`the Goal column moved past column ${GOALS_BLOCK.columns} by inserted columns: the whole sheet is read`, () => {
    const sim = school(3, 3);
    sim.spreadsheet.sheet('Goals')!.insertColumn(1, GOALS_BLOCK.columns);
    const { opened, wholeSheet } = goalsRead(sim);
    expect(wholeSheet).toBe(true);
    expect(opened.goals).toEqual(active);
    expect(cell(sim, saved(tagWith(sim, 'Math confidence')).saved.id, 'Goals')).toBe('Math confidence');
  });

  test('Goal in column A but Description moved past the block: descriptions still come from their column', () => {
    const sim = school(3, 3);
    sim.spreadsheet.sheet('Goals')!.insertColumn(2, GOALS_BLOCK.columns);
    const { opened, wholeSheet } = goalsRead(sim);
    expect(wholeSheet).toBe(true);
    expect(opened.goals).toEqual(active);
  });

  test(`more goals than the block holds (${GOALS_BLOCK.rows + 50}): every one is a chip and can be tagged`, () => {
    const sim = school(3, 3);
    const extra = Array.from({ length: GOALS_BLOCK.rows + 50 - EXAMPLE_GOALS.length }, (_, i) => [
      `Goal ${i + 1}`,
      `Number ${i + 1}`,
      '',
      'Yes',
    ]);
    sim.spreadsheet.sheet('Goals')!.appendRows(extra);
    const { opened, wholeSheet } = goalsRead(sim);
    expect(wholeSheet).toBe(true);
    expect(opened.goals).toHaveLength(GOALS_BLOCK.rows + 50);
    const last = `Goal ${extra.length}`;
    expect(opened.goals[opened.goals.length - 1]).toEqual({ name: last, description: `Number ${extra.length}` });
    expect(cell(sim, saved(tagWith(sim, last)).saved.id, 'Goals')).toBe(last);
  });

  test('exactly as many rows as the block, the last one a goal: the whole sheet is read (there may be more)', () => {
    const sim = school(3, 3);
    const goals = sim.spreadsheet.sheet('Goals')!;
    goals.setCell(GOALS_BLOCK.rows, 1, 'Outdoor learning');
    const { opened, wholeSheet } = goalsRead(sim);
    expect(wholeSheet).toBe(true);
    expect(opened.goals.map((g) => g.name)).toEqual([...active.map((g) => g.name), 'Outdoor learning']);
  });

  test('a Goals sheet smaller than the block (rows deleted by hand) is read whole', () => {
    const sim = school(3, 3);
    const goals = sim.spreadsheet.sheet('Goals')!;
    goals.deleteRow(EXAMPLE_GOALS.length + 2, goals.maxRows - EXAMPLE_GOALS.length - 2);
    expect(goals.maxRows).toBeLessThan(GOALS_BLOCK.rows);
    const { opened, wholeSheet } = goalsRead(sim);
    expect(wholeSheet).toBe(true);
    expect(opened.goals).toEqual(active);
    expect(opened.notices).toEqual([]);
  });

  test('a Goals sheet renamed by a person: its goals are gone from the chips and the leader is told, as before', () => {
    const sim = school(3, 3);
    sim.spreadsheet.sheet('Goals')!.rename('Our goals');
    const opened = open(sim);
    expect(opened.goals).toEqual([]);
    expect(opened.notices).toEqual(['The Goals sheet is missing. Run Small Wins → Set up to restore it.']);
    expect(tagWith(sim, 'Math confidence')).toEqual({
      refused: '"Math confidence" is not an active goal in the Goals sheet.',
    });
  });
});

describe('a save that writes nothing reads no Session', () => {
  test('an unchanged save and a refused one read no Session; a real change does, once', () => {
    const sim = school(3, 3);
    const [win] = open(sim).wins;
    sim.meter.reset();
    saved(
      call(sim, 'triageSave', {
        id: win.id,
        row: win.row,
        version: win.version,
        change: { status: win.status as Status },
      }),
    );
    expect(
      call(sim, 'triageSave', {
        id: win.id,
        row: win.row,
        version: win.version,
        change: { goals: ['Made up'] },
      }),
    ).toEqual({ refused: '"Made up" is not an active goal in the Goals sheet.' });
    expect(sim.meter.byMethod['Session.getEffectiveUser']).toBeUndefined();
    saved(
      call(sim, 'triageSave', {
        id: win.id,
        row: win.row,
        version: win.version,
        change: { status: 'Approved' },
      }),
    );
    expect(sim.meter.byMethod['Session.getEffectiveUser']?.calls).toBe(1);
    expect(cell(sim, win.id, 'Triaged by')).toBe('principal@school.example');
  });
});
