// Newsletter issues through the BUILT bundle in the simulator: consent matrix, the weekly clock trigger,
// idempotency and resume after faults, cancel, an empty period, literal text in the Doc and escaped HTML.
import { AUDIENCE_CONSENTS } from '../../src/domain/win-rules';
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

function lastDialog(sim: Sim): string {
  return sim.ui.dialogs[sim.ui.dialogs.length - 1]?.html ?? '';
}

function winIdsOf(sim: Sim, audience: Audience): string[] {
  return issueRows(sim)
    .filter((r) => r.Audience === audience && r.State !== 'Cancelled')
    .flatMap((r) => String(r['Win IDs']).split(', ').filter(Boolean));
}

describe('selection follows the consent table', () => {
  test('every consent × names students × privacy cleared × status, per audience', () => {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    const cases: Array<{ id: string; consent: string; names: string; cleared: string; status: string }> = [];
    let n = 0;
    for (const consent of ['Staff only', 'School community', 'Public', 'Everyone please'])
      for (const names of ['Yes', 'No'])
        for (const cleared of ['Yes', 'No'])
          for (const status of ['Approved', 'New', 'Needs info', 'Archived']) {
            const id = `W-${String(++n).padStart(4, '0')}`;
            cases.push({ id, consent, names, cleared, status });
          }
    addWins(
      sim,
      cases.map((c) =>
        win({
          id: c.id,
          consent: c.consent,
          namesStudents: c.names,
          privacyCleared: c.cleared,
          status: c.status,
          headline: `Case ${c.id}`,
        }),
      ),
    );
    sim.run('draftNewsletterNow');
    // Written independently of the add-on's code: PRODUCT.md's table, unknown consent read as Staff only.
    const expected = (a: Audience) =>
      cases
        .filter((c) => c.status === 'Approved')
        .filter((c) => {
          const consent = ['Staff only', 'School community', 'Public'].includes(c.consent) ? c.consent : 'Staff only';
          if (a === 'Staff') return true;
          if (a === 'Families' && consent === 'Staff only') return false;
          if (a === 'Public' && consent !== 'Public') return false;
          return c.names === 'No' || c.cleared === 'Yes';
        })
        .map((c) => c.id)
        .sort();
    for (const a of ['Staff', 'Families', 'Public'] as Audience[]) {
      expect(winIdsOf(sim, a).sort()).toEqual(expected(a));
      expect(AUDIENCE_CONSENTS[a].length).toBeGreaterThan(0);
    }
    // Every channel agrees with the bookkeeping: Doc text and the draft carry exactly those wins.
    const rows = issueRows(sim);
    for (const r of rows) {
      const docText = docs(sim).text(String(r['Doc ID']));
      const draft = gmail(sim).get(String(r['Draft ID']))!;
      for (const c of cases) {
        const inIssue = String(r['Win IDs']).split(', ').includes(c.id);
        expect(docText.includes(`Case ${c.id}\n`)).toBe(inIssue);
        expect(draft.html.includes(`Case ${c.id}<`)).toBe(inIssue);
        expect(draft.text.replace(/\r\n/g, '\n').includes(`* Case ${c.id}\n`)).toBe(inIssue);
      }
    }
    const shared = sharedIn(sim);
    expect(shared['W-0001']).toBe('Staff #1'); // staff only, names students, cleared, approved
    expect(shared['W-0033']).toBe('Staff #1, Families #1, Public #1'); // public, names students, cleared
    expect(shared['W-0037']).toBe('Staff #1'); // public, names students, not cleared
    expect(shared['W-0021']).toBe('Staff #1'); // school community, names students, not cleared
    expect(shared['W-0017']).toBe('Staff #1, Families #1'); // school community, names students, cleared
    expect(shared['W-0045']).toBe('Staff #1, Families #1, Public #1'); // public, no student named
    expect(shared['W-0002']).toBe(''); // not approved
  });
});

describe('the weekly clock trigger', () => {
  test('drafts once when due, and a double-fired trigger finds the issue done', () => {
    const sim = loadNewsletterAddOn(); // Monday 23 November 2026, 09:00 in New York
    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    expect(sim.triggers().filter((t) => t.fn === 'onClock')).toHaveLength(1);
    addWins(sim, [win({ id: 'W-0101', consent: 'Public' }), win({ id: 'W-0102', consent: 'Staff only' })]);
    // Friday 07:00 New York is 12:00 UTC: nothing before it.
    sim.advanceTo('2026-11-27T11:59:00Z');
    expect(docs(sim).list()).toHaveLength(0);
    expect(gmail(sim).drafts()).toHaveLength(0);
    sim.advanceTo('2026-11-27T16:30:00Z');
    expect(sim.errors).toEqual([]);
    const rows = issueRows(sim);
    expect(rows.map((r) => `${r.Audience} #${r.Issue} ${r.Key} ${r.State}`)).toEqual([
      'Staff #1 Staff 2026-W48 Done',
      'Families #1 Families 2026-W48 Done',
      'Public #1 Public 2026-W48 Done',
    ]);
    expect(rows[0].Period).toBe('Week of 23 November 2026');
    expect(gmail(sim).drafts()).toHaveLength(3);
    // The same trigger delivered twice more (a known platform behaviour): nothing new.
    sim.run('onClock', {});
    sim.run('onClock', {});
    expect(issueRows(sim)).toHaveLength(3);
    expect(gmail(sim).drafts()).toHaveLength(3);
    expect(docs(sim).list()).toHaveLength(3);
    // Next week's issue carries only what is new since.
    addWins(sim, [win({ id: 'W-0103', consent: 'School community' })]);
    sim.advanceTo('2026-12-04T13:30:00Z');
    const next = issueRows(sim).slice(3);
    expect(next.map((r) => `${r.Audience} #${r.Issue} ${r['Win IDs']}`)).toEqual([
      'Staff #2 W-0103',
      'Families #2 W-0103',
    ]);
    expect(sharedIn(sim)['W-0103']).toBe('Staff #2, Families #2');
    expect(docs(sim).text(String(next[0]['Doc ID']))).toMatch(
      /1 win, 1 goal touched, 1 contributor, 0 lessons learned \(last issue: 2 wins, 1 goal touched, 2 contributors, 0 lessons learned\)\./,
    );
  });

  test('an empty period makes no Doc and no draft, and is not looked at again every hour', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput());
    addWins(sim, [win({ status: 'New' })]);
    sim.advanceTo('2026-11-27T12:30:00Z');
    expect(docs(sim).list()).toHaveLength(0);
    expect(gmail(sim).all()).toHaveLength(0);
    sim.meter.reset();
    sim.advanceTo('2026-11-27T13:30:00Z');
    // The tick reads one column, the response sheet's Timestamps (for missed responses), through the spreadsheet:
    // the log is not opened.
    expect(sim.meter.byMethod['Range.getValues']?.calls).toBe(1);
    expect(sim.meter.byMethod['Spreadsheet.getSheetByName']).toBeUndefined();
    expect(sim.errors).toEqual([]);
  });

  test('settings saved twice keep one clock; a second leader is told who runs it; off keeps the clock', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput());
    saveSettings(sim, settingsInput({ schoolName: 'Riverside' }));
    expect(sim.triggers().filter((t) => t.fn === 'onClock')).toHaveLength(1);
    sim.setUser('deputy@school.example');
    const second = saveSettings(sim, settingsInput());
    expect(second.message).toMatch(/runs from principal@school\.example's account/);
    expect(
      sim
        .triggers()
        .filter((t) => t.fn === 'onClock')
        .map((t) => t.owner),
    ).toEqual(['principal@school.example']);
    // The deputy takes over: both triggers fire, only the deputy's acts, issues are never duplicated.
    saveSettings(sim, settingsInput(), true);
    expect(sim.triggers().filter((t) => t.fn === 'onClock')).toHaveLength(2);
    addWins(sim, [win({ consent: 'Public' })]);
    sim.advanceTo('2026-11-27T14:30:00Z');
    expect(sim.errors).toEqual([]);
    expect(issueRows(sim)).toHaveLength(3);
    expect(gmail(sim).all()).toHaveLength(3);
    sim.setUser('principal@school.example');
    saveSettings(sim, settingsInput({ cadence: { kind: 'off', weekday: 5, monthDay: 1, hour: 7 } }));
    expect(
      sim
        .triggers()
        .filter((t) => t.fn === 'onClock')
        .map((t) => t.owner),
    ).toEqual(['deputy@school.example']);
  });
});

describe('faults: retried where safe, resumed otherwise, never duplicated', () => {
  test('a Gmail hiccup is retried with backoff', () => {
    const sim = loadNewsletterAddOn();
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
    addWins(sim, [win()]);
    gmail(sim).failNext('Gmail.Users.Drafts.create', 2);
    const before = sim.clock.now().getTime();
    sim.run('draftNewsletterNow');
    expect(gmail(sim).drafts()).toHaveLength(1);
    expect(issueRows(sim)[0].State).toBe('Done');
    expect(sim.clock.now().getTime() - before).toBeGreaterThanOrEqual(3000); // slept 1 s + 2 s
  });

  test('Gmail down after the Doc is made: nothing marked shared; a rerun reuses the Doc and finishes', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput());
    addWins(sim, [win({ id: 'W-0201', consent: 'Public' }), win({ id: 'W-0202', consent: 'Staff only' })]);
    gmail(sim).failNext('Gmail.*', 100);
    sim.run('draftNewsletterNow');
    expect(lastDialog(sim)).toMatch(/Not finished/);
    expect(lastDialog(sim)).toMatch(/Doc is ready but the Gmail draft could not be made/);
    expect(issueRows(sim).map((r) => r.State)).toEqual(['Doc made', 'Doc made', 'Doc made']);
    expect(sharedIn(sim)).toEqual({ 'W-0201': '', 'W-0202': '' });
    expect(docs(sim).list()).toHaveLength(3);
    gmail(sim).failNext('Gmail.*', 0);
    sim.clock.advance(60_000);
    sim.run('draftNewsletterNow');
    expect(issueRows(sim).map((r) => `${r.Audience} #${r.Issue} ${r.State}`)).toEqual([
      'Staff #1 Done',
      'Families #1 Done',
      'Public #1 Done',
    ]);
    expect(docs(sim).list()).toHaveLength(3);
    expect(gmail(sim).drafts()).toHaveLength(3);
    expect(sharedIn(sim)).toEqual({ 'W-0201': 'Staff #1, Families #1, Public #1', 'W-0202': 'Staff #1' });
    expect(lastDialog(sim)).toMatch(/Finished an earlier issue/);
  });

  test('a Docs failure halfway through is retried in the same Doc, without duplicate content', () => {
    const sim = loadNewsletterAddOn();
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
    addWins(sim, [win({ headline: 'Only once' }), win()]);
    docs(sim).failNext('Paragraph.setHeading', 1);
    sim.run('draftNewsletterNow');
    const [doc] = docs(sim).list();
    expect(docs(sim).list()).toHaveLength(1);
    expect(docs(sim).text(doc.id).split('Only once').length).toBe(2);
    expect(issueRows(sim)[0].State).toBe('Done');
  });

  test('a run cut off after the row is written resumes from the row (the trigger fires again)', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput());
    addWins(sim, [win({ id: 'W-0301', consent: 'Public' })]);
    docs(sim).failNext('Docs.*', 1000);
    sim.advanceTo('2026-11-27T12:30:00Z');
    expect(sim.errors.length).toBe(1);
    expect(sim.errors[0].message).toMatch(/Doc could not be finished/);
    expect(issueRows(sim).map((r) => r.State)).toEqual(['Building', 'Building', 'Building']);
    docs(sim).failNext('Docs.*', 0);
    sim.advanceTo('2026-11-27T13:30:00Z');
    expect(issueRows(sim).map((r) => `${r.Key} ${r.State}`)).toEqual([
      'Staff 2026-W48 Done',
      'Families 2026-W48 Done',
      'Public 2026-W48 Done',
    ]);
    expect(gmail(sim).drafts()).toHaveLength(3);
    expect(sharedIn(sim)['W-0301']).toBe('Staff #1, Families #1, Public #1');
  });
});

describe('cancel', () => {
  test('cancelling an unsent issue deletes its draft and makes its wins eligible again', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput());
    addWins(sim, [win({ id: 'W-0401', consent: 'School community' }), win({ id: 'W-0402', consent: 'Staff only' })]);
    sim.run('draftNewsletterNow');
    const families = issueRows(sim).find((r) => r.Audience === 'Families')!;
    const r = sim.runSidebar('settingsCancelIssue', [families.Key, false]);
    if (!r.ok) throw new Error(r.error);
    const value = r.value as {
      result: { ok: boolean; message: string };
      recentIssues: Array<{ key: string; state: string }>;
    };
    expect(value.result.ok).toBe(true);
    expect(value.result.message).toMatch(/Families #1 is cancelled: 1 win is eligible again/);
    expect(value.recentIssues.find((i) => i.key === families.Key)!.state).toBe('Cancelled');
    expect(gmail(sim).get(String(families['Draft ID']))!.deleted).toBe(true);
    expect(sharedIn(sim)['W-0401']).toBe('Staff #1');
    expect(docs(sim).get(String(families['Doc ID']))!.name).toMatch(/^\[Cancelled\]/);
    sim.clock.advance(60_000);
    sim.run('draftNewsletterNow');
    const again = issueRows(sim).filter((x) => x.Audience === 'Families');
    expect(again.map((x) => `#${x.Issue} ${x.State} ${x['Win IDs']}`)).toEqual([
      '#1 Cancelled W-0401',
      '#2 Done W-0401',
    ]);
    expect(sharedIn(sim)['W-0401']).toBe('Staff #1, Families #2');
  });

  test('an issue whose draft was sent asks for confirmation before cancelling', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput());
    addWins(sim, [win()]);
    sim.run('draftNewsletterNow');
    const staff = issueRows(sim)[0];
    gmail(sim).send(String(staff['Draft ID']));
    const r = sim.runSidebar('settingsCancelIssue', [staff.Key, false]);
    const value = (r as unknown as { ok: true; value: { result: { ok: boolean; needsConfirmation?: boolean } } }).value;
    expect(value.result).toMatchObject({ ok: false, needsConfirmation: true });
    expect(issueRows(sim)[0].State).toBe('Done');
    expect(sharedIn(sim)[String(staff['Win IDs'])]).toMatch(/Staff #1/);
  });
});

describe('on demand, and text safety', () => {
  test('nothing eligible: no Doc, no draft, and the dialog says so', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput());
    addWins(sim, [win({ status: 'New' }), win({ status: 'Approved', sharedIn: 'Staff #3, Families #2, Public #1' })]);
    sim.run('draftNewsletterNow');
    expect(docs(sim).list()).toHaveLength(0);
    expect(gmail(sim).all()).toHaveLength(0);
    expect(issueRows(sim)).toHaveLength(0);
    expect(lastDialog(sim)).toMatch(/Nothing new is eligible: no Doc and no draft were made/);
  });

  test('HTML and formula-like text is literal in the Doc and escaped in the email', () => {
    const sim = loadNewsletterAddOn();
    saveSettings(sim, settingsInput({ schoolName: 'École Saint-Jean & <Co>' }));
    const nasty = {
      headline: '<script>alert("x")</script> $1 {{school}}',
      story: '=SUM(A1) costs $5 \\ back\\slash & <b>bold</b>',
      name: '<img src=x onerror=alert(1)>',
      goals: 'Reading for all',
    };
    addWins(sim, [win({ ...nasty, consent: 'Public' })]);
    sim.run('draftNewsletterNow');
    for (const d of docs(sim).list()) {
      const text = docs(sim).text(d.id);
      expect(text).toContain(nasty.headline);
      expect(text).toContain(nasty.story);
      expect(text).toContain('Shared by <img src=x onerror=alert(1)>, Teacher');
      expect(text).toContain('École Saint-Jean & <Co>: Small Wins');
    }
    const drafts = gmail(sim).drafts();
    expect(drafts).toHaveLength(3);
    expect(drafts.map((d) => d.subject).sort()).toEqual([
      'École Saint-Jean & <Co> — for families — 23 November 2026',
      'École Saint-Jean & <Co> — for staff — 23 November 2026',
      'École Saint-Jean & <Co> — for the public — 23 November 2026',
    ]);
    for (const d of drafts) {
      expect(d.contentTypes).toEqual(['multipart/alternative', 'text/plain', 'text/html']);
      expect(d.from).toBe('Ms Díaz, Principal <principal@school.example>');
      expect(d.headers['content-type']).toMatch(/^multipart\/alternative; boundary="/);
      expect(d.replyTo).toBe('office@school.example');
      expect(d.html).not.toMatch(/<script|<img|<b>bold/);
      expect(d.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; $1 {{school}}');
      expect(d.html).toContain('=SUM(A1) costs $5 \\ back\\slash &amp; &lt;b&gt;bold&lt;/b&gt;');
      expect(d.html).toContain('École Saint-Jean &amp; &lt;Co&gt;');
      expect(d.text).toContain(nasty.headline);
      expect(d.text).toContain(nasty.story);
    }
    const staff = drafts.find((d) => d.to.length > 0)!;
    expect(staff.to).toEqual(['staff@school.example']);
    expect(staff.bcc).toEqual([]);
    expect(staff.html).toMatch(/href="https:\/\/docs\.google\.com\/document\/d\/[^"]+\/edit"/);
    const families = drafts.find((d) => d.bcc.includes('pta@school.example'))!;
    expect(families.to).toEqual([]);
    expect(families.bcc).toEqual(['families@school.example', 'pta@school.example']);
    expect(families.html).not.toContain('docs.google.com');
    // The log itself still holds the text exactly as typed.
    const values = sim.spreadsheet.displayValues('Wins');
    expect(values.some((r) => r.includes(nasty.story))).toBe(true);
  });
});

describe('template Doc', () => {
  test('placeholders filled, the {{#wins}} block repeated per win, section headings once per goal', () => {
    const sim = loadNewsletterAddOn();
    const templateId = docs(sim).createDoc('Our newsletter template', [
      { text: '{{school}} celebrates', heading: 'TITLE' },
      { text: 'Period: {{period}} ({{issue}})' },
      { text: '{{summary}}', attrs: { ITALIC: true } },
      { text: '{{#wins}}' },
      { text: '{{section}}', heading: 'HEADING2' },
      { text: '{{headline}}', heading: 'HEADING3' },
      { text: '{{story}}' },
      {
        type: 'TABLE',
        cells: [
          ['Credit', '{{credit}}'],
          ['Goals', '{{goals}}'],
        ],
      },
      { text: '{{/wins}}' },
      { type: 'LIST_ITEM', text: 'Send us your wins: the form is in the staff bulletin.' },
    ]);
    const saved = saveSettings(
      sim,
      settingsInput({
        template: `https://docs.google.com/document/d/${templateId}/edit`,
        audiences: {
          Staff: { enabled: true, recipients: 'staff@school.example' },
          Families: { enabled: false, recipients: '' },
          Public: { enabled: false, recipients: '' },
        },
      }),
    );
    expect(saved.ok).toBe(true);
    addWins(sim, [
      win({ headline: 'Math A', goals: 'Math confidence', featured: 'No' }),
      win({ headline: 'Reading A $1 {{school}}', goals: 'Reading for all', story: 'Price: $2 \\o/ {{headline}}' }),
      win({ headline: 'Reading B', goals: 'Reading for all, Math confidence' }),
      win({ headline: 'Oops', kind: 'Lesson learned', goals: 'Math confidence' }),
    ]);
    sim.run('draftNewsletterNow');
    const [row] = issueRows(sim);
    const els = docs(sim).elements(String(row['Doc ID']));
    const texts = els.map((e) => `${e.heading === 'NORMAL' ? '' : e.heading + ': '}${e.text}`);
    expect(texts).toEqual([
      'TITLE: Riverside Primary celebrates',
      'Period: 23 November 2026 (Staff #1)',
      expect.stringMatching(/^3 wins, 2 goals touched, 4 contributors, 1 lesson learned in this first issue\.$/),
      'HEADING2: Reading for all',
      'HEADING3: Reading A $1 {{school}}',
      'Price: $2 \\o/ {{headline}}',
      expect.stringMatching(/^Credit\tShared by Teacher \d+, Teacher\nGoals\tReading for all$/),
      'HEADING3: Reading B',
      expect.stringMatching(/^Story \d+\.$/),
      expect.stringMatching(/^Credit\tShared by Teacher \d+, Teacher\nGoals\tReading for all, Math confidence$/),
      'HEADING2: Math confidence',
      'HEADING3: Math A',
      expect.stringMatching(/^Story \d+\.$/),
      expect.stringMatching(/^Credit\t.*\nGoals\tMath confidence$/),
      'HEADING2: Lessons learned',
      'HEADING3: Oops',
      expect.stringMatching(/^Story \d+\.$/),
      expect.stringMatching(/^Credit\t.*\nGoals\tMath confidence$/),
      // A table is always followed by a paragraph in Docs: the empty one the wins went into stays after the last.
      '',
      'Send us your wins: the form is in the staff bulletin.',
    ]);
    expect(els[2].attrs.ITALIC).toBe(true);
    expect(els[els.length - 1].type).toBe('LIST_ITEM');
    // The template itself is untouched.
    expect(docs(sim).text(templateId)).toContain('{{#wins}}');
  });

  test('a template that cannot be opened is refused on save; one deleted later fails before any Doc is made', () => {
    const sim = loadNewsletterAddOn();
    const refused = saveSettings(sim, settingsInput({ template: '1NoSuchTemplateDocAAAAAAAAAAAAAAAAAAAAAAAAA' }));
    expect(refused.ok).toBe(false);
    expect(refused.errors?.template).toMatch(/could not be opened from your account/);
    const templateId = docs(sim).createDoc('Template', [{ text: '{{school}}' }]);
    expect(saveSettings(sim, settingsInput({ template: templateId })).ok).toBe(true);
    // Deleted (or unshared) after it was saved.
    delete (sim.core.extensions.documents as { docs: Record<string, unknown> }).docs[templateId];
    addWins(sim, [win()]);
    sim.run('draftNewsletterNow');
    expect(docs(sim).list()).toHaveLength(0);
    expect(lastDialog(sim)).toMatch(/template Doc could not be opened/);
  });
});
