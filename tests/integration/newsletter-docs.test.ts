// The newsletter's Doc through the Docs API, from the BUILT bundle: its headings, table and links as a reader sees
// them, written in a few batches, resumed after a run cut off between batches or after a batch that went in but was
// never recorded (every win exactly once), the write quota waited out, and an issue too big for one Doc cut at a win.
import { CUT_OFF_MESSAGE, simDocsApi } from '../../dev/sim';
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

const ONLY_STAFF = {
  Staff: { enabled: true, recipients: 'staff@school.example' },
  Families: { enabled: false, recipients: '' },
  Public: { enabled: false, recipients: '' },
};

function staffSchool(): Sim {
  const sim = loadNewsletterAddOn();
  expect(saveSettings(sim, settingsInput({ audiences: ONLY_STAFF })).ok).toBe(true);
  return sim;
}

function lastDialog(sim: Sim): string {
  return sim.ui.dialogs[sim.ui.dialogs.length - 1]?.html ?? '';
}

/** Many wins, numbered, each with its own headline, so a Doc can be checked for every win exactly once. */
function manyWins(n: number, from = 1): Array<ReturnType<typeof win>> {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return win({
      id: `W-${String(i).padStart(5, '0')}`,
      headline: `Headline number ${i}.`,
      story: `Story ${i}: Year 4 swapped drafts and used a checklist. ${'More detail. '.repeat(6)}`,
      evidence: i % 10 === 0 ? `Scores in https://example.org/scores/${i} went up.` : '',
      goals: ['Reading for all', 'Math confidence', 'Belonging and wellbeing'][i % 3],
    });
  });
}

/** How many times each of wins 1..n appears as a heading in the Doc (every one should be 1). */
function headlineCounts(sim: Sim, docId: string, n: number): number[] {
  const texts = docs(sim)
    .elements(docId)
    .filter((e) => e.heading === 'HEADING2')
    .map((e) => e.text);
  return Array.from({ length: n }, (_, k) => texts.filter((t) => t === `Headline number ${k + 1}.`).length);
}

describe('the default design, written with the Docs API', () => {
  test('title, headings, a table at a glance, a link on part of a paragraph; emoji, right-to-left and control characters', () => {
    const sim = staffSchool();
    addWins(sim, [
      win({
        headline: 'Reading buddies 📚 doubled visits',
        story: 'Line one\nline two\u0007 with a bell',
        evidence: 'The library log (https://example.org/log) shows 14 visits a week.',
        goals: 'Reading for all',
      }),
      win({ headline: 'قراءة مع العائلات', story: 'شكرا للعائلات على القراءة', goals: 'Reading for all' }),
      win({ headline: 'Math talk', goals: 'Math confidence', evidence: 'javascript:alert(1)' }),
    ]);
    sim.meter.reset();
    sim.run('draftNewsletterNow');
    const [row] = issueRows(sim);
    expect(row.State).toBe('Done');
    const id = String(row['Doc ID']);
    // One Doc made through the API, in one batch; no DocumentApp element calls.
    expect(sim.meter.byMethod['Docs.Documents.create'].calls).toBe(1);
    expect(sim.meter.byMethod['Docs.Documents.batchUpdate'].calls).toBe(1);
    expect(Object.keys(sim.meter.byMethod).filter((k) => /^(Body|Paragraph|Text)\./.test(k))).toEqual([]);

    const els = docs(sim).elements(id);
    const outline = els.map((e) => (e.type === 'TABLE' ? 'TABLE' : `${e.heading}: ${e.text}`));
    expect(outline.slice(0, 5)).toEqual([
      'TITLE: Riverside Primary: Small Wins',
      expect.stringMatching(/^SUBTITLE: .* · Staff #1$/),
      'NORMAL: Dear colleagues,',
      expect.stringMatching(/^NORMAL: 3 wins, 2 goals touched/),
      'TABLE',
    ]);
    expect(els[4].cells).toEqual([
      ['Goal', 'Wins'],
      ['Reading for all', '2'],
      ['Math confidence', '1'],
    ]);
    expect(outline).toContain('HEADING1: Reading for all');
    expect(outline).toContain('HEADING2: Reading buddies 📚 doubled visits');
    // A line break stays inside the paragraph; the bell is gone.
    expect(outline).toContain('NORMAL: Line one\u000bline two with a bell');
    const rtl = els.find((e) => e.text === 'شكرا للعائلات على القراءة')!;
    expect(rtl.attrs.LEFT_TO_RIGHT).toBe(false);
    // The evidence's address is a link; the words around it are not.
    const how = els.find((e) => e.text.startsWith('How we know: The library log'))!;
    expect(how.runs).toEqual([
      { text: 'How we know: ', attrs: { BOLD: true } },
      { text: 'The library log (', attrs: {} },
      {
        text: 'https://example.org/log',
        attrs: { LINK_URL: 'https://example.org/log', UNDERLINE: true, FOREGROUND_COLOR: '#1155cc' },
      },
      { text: ') shows 14 visits a week.', attrs: {} },
    ]);
    // javascript: is text, never a link.
    const bad = els.find((e) => e.text.includes('javascript:'))!;
    expect(bad.runs.some((r) => 'LINK_URL' in r.attrs)).toBe(false);
    // The Docs API's own view agrees: the heading styles are real named styles.
    const json = simDocsApi(sim).json(id);
    const styles = json.body.content
      .filter((e: { paragraph?: unknown }) => e.paragraph)
      .map(
        (e: { paragraph: { paragraphStyle: { namedStyleType: string } } }) => e.paragraph.paragraphStyle.namedStyleType,
      );
    expect(styles.slice(0, 3)).toEqual(['TITLE', 'SUBTITLE', 'NORMAL_TEXT']);
    expect(styles).toContain('HEADING_1');
    // The email is the same outline: the table and the link are there too.
    const [draft] = gmail(sim).drafts();
    expect(draft.html).toContain('<th scope="col"');
    expect(draft.html).toContain('<a href="https://example.org/log"');
    expect(draft.html).not.toContain('href="javascript:');
  });

  test('700 wins in a few batches, each guarded by the revision before it; every win once', () => {
    const sim = staffSchool();
    addWins(sim, manyWins(700));
    sim.meter.reset();
    sim.run('draftNewsletterNow');
    const [row] = issueRows(sim);
    expect(row.State).toBe('Done');
    const batches = sim.meter.byMethod['Docs.Documents.batchUpdate'].calls;
    expect(batches).toBeGreaterThan(1);
    expect(batches).toBeLessThanOrEqual(4);
    expect(headlineCounts(sim, String(row['Doc ID']), 700).every((c) => c === 1)).toBe(true);
    // Nothing of the build is left in document properties once the Doc is made.
    expect(Object.keys(sim.core.properties.document).length).toBeGreaterThan(0);
    const props = Object.values(sim.core.properties.document)[0];
    expect(Object.keys(props).filter((k) => k.includes('docBuild'))).toEqual([]);
  });
});

describe('resumable by batch, never doubled', () => {
  function cutAndResume(when: 'before' | 'after'): { sim: Sim; docId: string; rerunGets: number } {
    const sim = staffSchool();
    addWins(sim, manyWins(700));
    // The time limit stops the run at its second batch: before it is sent, or right after it went in.
    sim.cutOff('Docs.Documents.batchUpdate', 2, when);
    expect(() => sim.run('draftNewsletterNow')).toThrow(CUT_OFF_MESSAGE);
    const [cut] = issueRows(sim);
    expect(cut.State).toBe('Building');
    const docId = String(cut['Doc ID']);
    expect(docId).not.toBe('');
    // Once the dead run's claim has expired, the next run finishes the same Doc.
    sim.clock.advance(8 * 60_000);
    sim.meter.reset();
    sim.run('draftNewsletterNow');
    const rerunGets = sim.meter.byMethod['Docs.Documents.get']?.calls ?? 0;
    const [row] = issueRows(sim);
    expect(row.State).toBe('Done');
    expect(String(row['Doc ID'])).toBe(docId);
    expect(docs(sim).list()).toHaveLength(1);
    expect(sim.meter.byMethod['Docs.Documents.create']).toBeUndefined();
    expect(headlineCounts(sim, docId, 700).every((c) => c === 1)).toBe(true);
    expect(gmail(sim).drafts()).toHaveLength(1);
    expect(Object.values(sharedIn(sim)).filter((v) => v === 'Staff #1')).toHaveLength(700);
    return { sim, docId, rerunGets };
  }

  test('cut off between batches: the rerun continues from the last recorded batch, without reading the Doc', () => {
    const { rerunGets } = cutAndResume('before');
    expect(rerunGets).toBe(0);
  });

  test('cut off after a batch went in but before it was recorded: the revision shows it, the Doc is compared, nothing twice', () => {
    const { rerunGets } = cutAndResume('after');
    expect(rerunGets).toBe(1);
  });

  test('a batch whose answer was lost is recognised in the Doc, not written twice', () => {
    const sim = staffSchool();
    addWins(sim, manyWins(10));
    simDocsApi(sim).loseAnswers('Docs.Documents.batchUpdate', 1);
    sim.run('draftNewsletterNow');
    const [row] = issueRows(sim);
    expect(row.State).toBe('Done');
    expect(headlineCounts(sim, String(row['Doc ID']), 10)).toEqual(Array(10).fill(1));
  });

  test('the per-minute write quota: the batch waits and goes in', () => {
    const sim = staffSchool();
    addWins(sim, manyWins(5));
    docs(sim).failNext(
      'Docs.Documents.batchUpdate',
      2,
      "Quota exceeded for quota metric 'Write requests' and limit 'Write requests per minute per user' of service 'docs.googleapis.com' for consumer 'project_number:1'.",
    );
    const before = sim.clock.now().getTime();
    sim.run('draftNewsletterNow');
    const [row] = issueRows(sim);
    expect(row.State).toBe('Done');
    // Waited 10 s, then 20 s.
    expect(sim.clock.now().getTime() - before).toBeGreaterThanOrEqual(30_000);
    expect(headlineCounts(sim, String(row['Doc ID']), 5)).toEqual(Array(5).fill(1));
  });

  test('a Doc edited by someone while it was being written is built again from the start, in the same Doc', () => {
    const sim = staffSchool();
    addWins(sim, manyWins(700));
    sim.cutOff('Docs.Documents.batchUpdate', 2, 'before');
    expect(() => sim.run('draftNewsletterNow')).toThrow(CUT_OFF_MESSAGE);
    const docId = String(issueRows(sim)[0]['Doc ID']);
    sim.api.DocumentApp.openById(docId).getBody().appendParagraph('A note someone typed');
    sim.clock.advance(8 * 60_000);
    sim.run('draftNewsletterNow');
    const [row] = issueRows(sim);
    expect(row.State).toBe('Done');
    expect(String(row['Doc ID'])).toBe(docId);
    expect(headlineCounts(sim, docId, 700).every((c) => c === 1)).toBe(true);
  });
});

describe('a Doc has a size limit', () => {
  test('an issue past about a million characters is cut at a whole win; the result says how many moved', () => {
    const sim = staffSchool();
    const long = 'We tried it again and it worked. '.repeat(1300); // ~43,000 characters
    addWins(
      sim,
      Array.from({ length: 26 }, (_, k) =>
        win({ id: `W-${String(k + 1).padStart(5, '0')}`, headline: `Headline number ${k + 1}.`, story: long }),
      ),
    );
    sim.run('draftNewsletterNow');
    const [row] = issueRows(sim);
    expect(row.State).toBe('Done');
    const kept = String(row['Win IDs']).split(', ');
    expect(kept.length).toBeGreaterThan(15);
    expect(kept.length).toBeLessThan(26);
    const moved = 26 - kept.length;
    expect(lastDialog(sim)).toContain(
      `${moved} wins moved to the next issue: with them this issue&#39;s Doc would pass Google Docs&#39; size limit (about a million characters).`,
    );
    const json = simDocsApi(sim).json(String(row['Doc ID']));
    const end = json.body.content[json.body.content.length - 1].endIndex;
    expect(end).toBeLessThanOrEqual(1_000_000);
    // The moved wins are not marked: the next issue carries them.
    const shared = sharedIn(sim);
    expect(Object.values(shared).filter((v) => v === 'Staff #1')).toHaveLength(kept.length);
    sim.clock.advance(60_000);
    sim.run('draftNewsletterNow');
    const rows = issueRows(sim);
    expect(rows[1]['Win IDs']).toBe(
      Array.from({ length: moved }, (_, k) => `W-${String(kept.length + k + 1).padStart(5, '0')}`).join(', '),
    );
  });
});
