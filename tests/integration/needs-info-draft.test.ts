// Needs info with a Gmail draft to the submitter, through the built bundle: the draft waits in Gmail, addressed
// to the submitter, with the win's text escaped; nothing is sent, and the status is saved either way.
import { ANSWERS, byTitle, loadAddOn, setUpSchool, Sim } from '../helpers/addon';
import { simGmail } from '../../dev/sim';
import type { OpenResult } from '../../src/api';
import { call } from '../../dev/endpoints';

function schoolWithOneWin(headline: string): { sim: Sim; open: OpenResult } {
  const sim = loadAddOn();
  const formId = setUpSchool(sim);
  sim.submitForm(formId, byTitle({ ...ANSWERS, headline }), { email: 'ana@school.example' });
  return { sim, open: call(sim, 'triageOpen', { status: 'To triage', page: 0 }) };
}

describe('Needs info with a draft to the submitter', () => {
  test('the sidebar is told drafts are possible (the manifest enables the Gmail service)', () => {
    const { open } = schoolWithOneWin('Reading buddies');
    expect(open.canDraft).toBe(true);
  });

  test('a draft to the submitter waits in Gmail, escaped, never sent; the status is saved', () => {
    const { sim, open } = schoolWithOneWin('<b>Bold</b> & =SUM(A1)');
    const win = open.wins[0];
    const r = call(sim, 'triageSave', {
      id: win.id,
      row: win.row,
      version: win.version,
      change: { status: 'Needs info' },
      draftToSubmitter: true,
    });
    if (!('saved' in r)) throw new Error(JSON.stringify(r));
    expect(r.saved.status).toBe('Needs info');
    expect(r.note).toMatch(/ana@school\.example/);
    const drafts = simGmail(sim).drafts();
    expect(drafts).toHaveLength(1);
    const d = drafts[0];
    expect(d.to).toContain('ana@school.example');
    expect(d.subject).toContain('<b>Bold</b> & =SUM(A1)');
    expect(d.html).toContain('&lt;b&gt;Bold&lt;/b&gt; &amp; =SUM(A1)');
    expect(d.html).not.toContain('<b>Bold</b>');
    expect(d.text).toContain('<b>Bold</b> & =SUM(A1)');
  });

  test('when Gmail fails the status is still saved and the leader is told in a sentence', () => {
    const { sim, open } = schoolWithOneWin('Reading buddies');
    simGmail(sim).failNext('Gmail.Users.Drafts.create', 5, 'Service invoked too many times for one day: gmail.');
    const win = open.wins[0];
    const r = call(sim, 'triageSave', {
      id: win.id,
      row: win.row,
      version: win.version,
      change: { status: 'Needs info' },
      draftToSubmitter: true,
    });
    if (!('saved' in r)) throw new Error(JSON.stringify(r));
    expect(r.saved.status).toBe('Needs info');
    expect(r.note).toMatch(/^The status was saved, but the draft could not be made: .+\.$/);
    expect(simGmail(sim).drafts()).toHaveLength(0);
  });
});
