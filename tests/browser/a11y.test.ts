// WCAG 2.1 AA in Chromium (issue 12, point 4): axe-core reports no violation on the triage sidebar, Settings, every
// dialog the add-on and the district hub show, and each audience's newsletter email made through dist/; the email's
// heading order, text size and 320 px width, and the sidebar's 300 px width, are checked on their own.
import { call, endpoints } from '../../dev/endpoints';
import { simGmail } from '../../dev/sim';
import { DISTRICT_ACCOUNT } from '../../dev/spread-sim';
import type { HubSettingsEndpoints } from '../../src/hub/hub-api';
import { outlineHtml } from '../../src/domain/outline-render';
import { list, paragraph, table } from '../../src/domain/outline';
import { seedLog, seedWin, seedWins } from '../../dev/triage-fixtures';
import { ANSWERS, byTitle, loadAddOn, setUpSchool } from '../helpers/addon';
import { addSchool, district, DIST_HUB, readySchool } from '../helpers/spread';
import {
  addWins,
  gmail,
  issueRows,
  loadNewsletterAddOn,
  saveSettings,
  settingsInput,
  Sim,
  win,
} from '../integration/newsletter-fixtures';
import { axeViolations, checkEmailHtml, documentWidth } from './a11y';
import { eventually, newPage, openAddonPage, openSidebar, useChromium } from './harness';

const browser = useChromium();

/** A dialog made with HtmlService.createHtmlOutput (no server calls), as Chromium shows it at its size. */
async function dialogViolations(dialog: { html: string; width?: number; height?: number }): Promise<string[]> {
  const { page } = await newPage(browser(), { width: dialog.width ?? 460, height: dialog.height ?? 420 });
  try {
    await page.route('**/*', (route) => route.abort());
    await page.setContent(dialog.html, { waitUntil: 'load' });
    return await axeViolations(page);
  } finally {
    await page.close();
  }
}

function lastDialog(sim: { ui: { dialogs: Array<{ title: string; html: string; width?: number; height?: number }> } }) {
  return sim.ui.dialogs[sim.ui.dialogs.length - 1];
}

test('the checks say what is wrong and where: a nameless button, a page without lang, grey text, h1 then h3, 12 px, too wide', async () => {
  const check = await checkEmailHtml(
    browser(),
    '<!DOCTYPE html><html><head><title>Bad</title></head><body><h1>One</h1><h3>Three</h3>' +
      '<p style="color:#aaaaaa;font-size:12px">Pale and small</p><button id="nameless"></button>' +
      `<table><tr><td>${'Supercalifragilisticexpialidocious'.repeat(3)}</td></tr></table></body></html>`,
  );
  expect(check.axe).toEqual([
    expect.stringMatching(/^button-name .*#nameless/),
    expect.stringMatching(/^color-contrast .*p — .*#aaaaaa/),
    expect.stringMatching(/^html-has-lang .*html/),
  ]);
  expect(check.headingProblems).toEqual(['"h3 Three" skips a level after "h1 One"']);
  expect(check.smallText).toEqual(['p (12px): Pale and small']);
  expect(check.width.scrollWidth).toBeGreaterThan(check.width.clientWidth);
});

describe('the triage sidebar at 300 px', () => {
  test('with wins loaded, after choosing another win, with wins selected and with the keyboard help open', async () => {
    const sim = loadAddOn();
    setUpSchool(sim);
    seedLog(sim, 5, 5);
    // A long word and a long address must wrap inside 300 px.
    seedWins(sim, [
      {
        ...seedWin(6, 6, 6),
        headline: `Supercalifragilisticexpialidocious${'a'.repeat(40)}`,
        evidence: `https://example.org/${'very-long-path-'.repeat(8)}`,
      },
    ]);
    const { page } = await openSidebar(browser(), sim);
    await page.getByRole('heading', { level: 2, name: /^Supercalifragilistic/ }).waitFor();
    await eventually(async () => expect(await page.locator('.counts').textContent()).toMatch(/New/));
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await eventually(async () => expect(await documentWidth(page)).toEqual({ scrollWidth: 300, clientWidth: 300 }));

    // Another win chosen from the queue.
    await page.keyboard.press('j');
    await page.getByRole('heading', { level: 2, name: /#5\)/ }).waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await eventually(async () => expect((await documentWidth(page)).scrollWidth).toBeLessThanOrEqual(300));

    // Two wins selected: the group actions show.
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.getByRole('heading', { level: 2, name: /#4\)/ }).waitFor();
    await page.keyboard.press('x');
    await page.getByRole('group', { name: 'Group actions' }).getByText('2 selected').waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await eventually(async () => expect((await documentWidth(page)).scrollWidth).toBeLessThanOrEqual(300));

    // The keyboard shortcuts dialog.
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });

    // A win waiting for more information, with its status badge.
    await page.getByRole('combobox', { name: 'Status' }).selectOption('Needs info');
    await page.locator('.badge.s-needs-info').first().waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await page.getByRole('combobox', { name: 'Status' }).selectOption('New');
    await page.getByRole('heading', { level: 2, name: /^Supercalifragilistic/ }).waitFor();

    // After a change: the status line and the undo button.
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByText(/Press u to undo/).waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await page.close();
  });
});

describe('the triage sidebar in its other states', () => {
  test('an empty queue, the Approved wins, and a newsletter draft to fix after archiving a win in it', async () => {
    const sim = loadNewsletterAddOn();
    const onlyStaff = {
      Staff: { enabled: true, recipients: 'staff@school.example' },
      Families: { enabled: false, recipients: '' },
      Public: { enabled: false, recipients: '' },
    };
    expect(saveSettings(sim, settingsInput({ audiences: onlyStaff })).ok).toBe(true);
    addWins(sim, [win({ id: 'W-0001', headline: 'Stays in' }), win({ id: 'W-0002', headline: 'Taken back' })]);
    sim.run('draftNewsletterNow');
    const { page } = await openSidebar(browser(), sim);
    // No new win: the queue says so.
    await page.getByText('No wins match. Well done!').waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));

    await page.getByRole('combobox', { name: 'Status' }).selectOption('Approved');
    await page.getByRole('heading', { level: 2, name: 'Taken back' }).waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await eventually(async () => expect((await documentWidth(page)).scrollWidth).toBeLessThanOrEqual(300));

    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    const offers = page.getByRole('group', { name: 'Newsletter drafts to fix' });
    await offers.getByText(/is in the draft of Staff #1/).waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await eventually(async () => expect((await documentWidth(page)).scrollWidth).toBeLessThanOrEqual(300));
    await page.close();
  });
});

describe('the add-on dialogs', () => {
  test('Settings: its recent issues, the district section, and fields refused with their errors', async () => {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput({ schoolName: 'Maple Grove Elementary' })).ok).toBe(true);
    addWins(sim, [win({ headline: 'Buddy reading', consent: 'Public' })]);
    sim.run('draftNewsletterNow');
    sim.run('showSettings');
    const { width, height } = lastDialog(sim);
    const { page } = await openAddonPage(browser(), sim, {
      name: 'Settings',
      viewport: { width: width ?? 560, height: height ?? 640 },
    });
    await page.getByLabel('District account').waitFor();
    await page.getByRole('button', { name: 'Cancel Staff #1' }).waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));

    await page.getByLabel('Recipients for Families', { exact: true }).fill('pta@school.example, parents@school');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .locator('#rcpt-Families-error')
      .getByText(/is not an email address/)
      .waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));

    await page.getByLabel('Recipients for Families', { exact: true }).fill('pta@school.example');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Settings saved.').waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await page.close();
  });

  test('Showcase practices, its list and its form', async () => {
    const sim = readySchool(loadAddOn(), 'Maple Grove Elementary');
    call(sim, 'triageNominate', { winIds: ['W-0001', 'W-0003'] });
    const { page } = await openAddonPage(browser(), sim, { name: 'Showcase', viewport: { width: 640, height: 680 } });
    await page.getByLabel('Practice name').waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await page.getByRole('button', { name: 'Nominate' }).click();
    await page.getByRole('alert').first().waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));

    await page.getByLabel('Practice name').fill('Reading buddies');
    await page.getByLabel('Goal it serves').selectOption('Reading for all');
    await page.getByLabel('What it is').fill('Older students read with younger ones every Friday.');
    await page.getByLabel('Impact, with evidence').fill('Library visits doubled in a term.');
    await page.getByLabel('Contact').fill('Ana Ruiz');
    await page.getByRole('button', { name: 'Nominate' }).click();
    await page.getByRole('status').getByText('P-001 ("Reading buddies") was nominated.').waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await page.getByRole('button', { name: 'Back to the list' }).click();
    await page.getByRole('button', { name: 'Open P-001' }).waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await page.close();
  });

  test('Year-end synthesis, before and after making the Docs', async () => {
    const sim = readySchool(loadAddOn(), 'Maple Grove Elementary');
    const { page } = await openAddonPage(browser(), sim, { name: 'Synthesis', viewport: { width: 560, height: 600 } });
    await page.getByLabel('School year').waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await page.getByRole('button', { name: 'Make the Docs' }).click();
    await page
      .getByRole('status')
      .getByText(/is ready/)
      .waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await page.close();
  });

  test('Help, the Set up result and the Draft newsletter now result', async () => {
    const sim = loadNewsletterAddOn();
    sim.run('showHelp');
    expect(lastDialog(sim).title).toBe('Small Wins: help');
    expect(await dialogViolations(lastDialog(sim))).toEqual([]);

    sim.run('setUp');
    expect(lastDialog(sim).title).toBe('Small Wins is set up');
    expect(await dialogViolations(lastDialog(sim))).toEqual([]);

    expect(saveSettings(sim, settingsInput()).ok).toBe(true);
    sim.run('draftNewsletterNow');
    expect(lastDialog(sim).title).toBe('Newsletter drafts');
    expect(await dialogViolations(lastDialog(sim))).toEqual([]);
    addWins(sim, [win({ headline: 'Buddy reading', featured: 'Yes' })]);
    sim.run('draftNewsletterNow');
    expect(lastDialog(sim).html).toContain('Open the Doc');
    expect(await dialogViolations(lastDialog(sim))).toEqual([]);
  });
});

describe('the district hub', () => {
  test('its Settings page and its Set up result', async () => {
    const { hub } = district();
    const { page } = await openAddonPage(browser(), hub, {
      name: 'HubSettings',
      dist: DIST_HUB,
      viewport: { width: 520, height: 560 },
    });
    await page.getByLabel('Principals (showcase digest)').waitFor();
    await eventually(async () => expect(await axeViolations(page)).toEqual([]));
    await page.close();
    hub.run('hubSetUp');
    expect(lastDialog(hub).title).toBe('The district hub is set up');
    expect(await dialogViolations(lastDialog(hub))).toEqual([]);
  });
});

describe('each audience’s email, made through dist/', () => {
  function school(): Sim {
    const sim = loadNewsletterAddOn();
    expect(saveSettings(sim, settingsInput({ schoolName: 'Maple Grove Elementary' })).ok).toBe(true);
    addWins(sim, [
      win({
        headline: 'Reading buddies doubled library visits',
        story: 'Year 5 read with Year 1 every Friday.\nThe younger ones now ask for the library.',
        evidence: 'The library log (https://example.org/library/log-2026-autumn-term-by-week) shows 14 visits a week.',
        featured: 'Yes',
        consent: 'Public',
      }),
      win({
        headline: `A word that does not fit: ${'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2)}`,
        story: `See https://example.org/${'a-very-long-address-segment/'.repeat(6)} for the plan.`,
        goals: 'Math confidence',
        consent: 'Public',
      }),
      win({ headline: 'Family phonics morning', goals: 'Family partnership', link: 'https://example.org/photos' }),
      win({ headline: 'Staff-only reflection', consent: 'Staff only', goals: 'Teaching together' }),
      win({ headline: 'Exit tickets came too late', kind: 'Lesson learned', goals: 'Math confidence' }),
    ]);
    sim.run('draftNewsletterNow');
    return sim;
  }

  test.each(['Staff', 'Families', 'Public'])(
    '%s: 0 violations, headings in order, 14 px, no scroll at 320 px',
    async (audience) => {
      const sim = school();
      const issue = issueRows(sim).find((r) => r.Audience === audience);
      expect(issue?.State).toBe('Done');
      const draft = gmail(sim).get(String(issue!['Draft ID']))!;
      expect(draft.html).toContain('<html lang="en"');
      const check = await checkEmailHtml(browser(), draft.html);
      expect(check.axe).toEqual([]);
      expect(check.headings[0]).toMatch(/^h1 /);
      expect(check.headings.filter((h) => h.startsWith('h2 ')).length).toBeGreaterThan(0);
      expect(check.headingProblems).toEqual([]);
      expect(check.smallText).toEqual([]);
      expect(check.width.clientWidth).toBe(320);
      expect(check.width.scrollWidth).toBeLessThanOrEqual(check.width.clientWidth);
    },
  );
});

test('a right-to-left edition (Arabic, dir="rtl"): 0 violations, headings in order, 14 px, no scroll at 320 px', async () => {
  // The renderer's own output, as the translated Families drafts will use it.
  const html = outlineHtml({
    title: 'مدرسة مابل غروف — للعائلات',
    lang: 'ar',
    dir: 'rtl',
    blocks: [
      paragraph('TITLE', [{ text: 'مدرسة مابل غروف — للعائلات' }]),
      paragraph('SUBTITLE', [{ text: 'أسبوع 23 نوفمبر 2026' }], { role: 'period' }),
      paragraph('NORMAL_TEXT', [{ text: 'تُرجمت هذه الرسالة آليًا.' }], { role: 'note' }),
      paragraph('HEADING_1', [{ text: 'القراءة للجميع' }]),
      paragraph('HEADING_2', [{ text: 'أصدقاء القراءة ضاعفوا زيارات المكتبة' }]),
      paragraph('NORMAL_TEXT', [{ text: 'قرأ طلاب الصف الخامس مع طلاب الصف الأول كل يوم جمعة.' }], { role: 'text' }),
      paragraph(
        'NORMAL_TEXT',
        [
          { text: 'كيف نعرف: ', bold: true },
          {
            text: 'https://example.org/library/log-2026-autumn-term-by-week',
            link: 'https://example.org/library/log-2026-autumn-term-by-week',
          },
        ],
        { role: 'text' },
      ),
      paragraph('NORMAL_TEXT', [{ text: 'شاركته آنا رويث' }], { role: 'meta' }),
      table(
        [
          ['الهدف', 'الإنجازات'],
          ['القراءة للجميع', '1'],
        ],
        true,
        { caption: 'هذا العدد في لمحة' },
      ),
      list([[{ text: 'واحد' }]]),
      paragraph('NORMAL_TEXT', [{ text: 'مع الشكر' }], { role: 'footer' }),
    ],
  });
  const check = await checkEmailHtml(browser(), html);
  expect(check.axe).toEqual([]);
  expect(check.headings.map((h) => h.slice(0, 2))).toEqual(['h1', 'h2', 'h3']);
  expect(check.headingProblems).toEqual([]);
  expect(check.smallText).toEqual([]);
  expect(check.width.scrollWidth).toBeLessThanOrEqual(check.width.clientWidth);
});

describe('the other emails the add-on and the hub draft', () => {
  async function expectReadable(html: string) {
    const check = await checkEmailHtml(browser(), html);
    expect(check.axe).toEqual([]);
    expect(check.smallText).toEqual([]);
    expect(check.width.scrollWidth).toBeLessThanOrEqual(check.width.clientWidth);
  }

  test('Needs info: the draft to the submitter', async () => {
    const sim = loadAddOn();
    const formId = setUpSchool(sim);
    sim.submitForm(formId, byTitle({ ...ANSWERS, headline: 'Reading buddies' }), { email: 'ana@school.example' });
    const open = call(sim, 'triageOpen', { status: 'To triage', page: 0 });
    const w = open.wins[0];
    call(sim, 'triageSave', {
      id: w.id,
      row: w.row,
      version: w.version,
      change: { status: 'Needs info' },
      draftToSubmitter: true,
    });
    const [draft] = simGmail(sim).drafts();
    expect(draft.subject).toBe('About your small win: Reading buddies');
    await expectReadable(draft.html);
  });

  test('Share with the district: the draft to the district account', async () => {
    const sim = readySchool(loadAddOn(), 'Maple Grove Elementary');
    call(sim, 'districtShare', { district: DISTRICT_ACCOUNT, draftEmail: true });
    const [draft] = simGmail(sim).drafts();
    expect(draft.to).toEqual([DISTRICT_ACCOUNT]);
    await expectReadable(draft.html);
  });

  test("closing the loop: a thank-you to a submitter and the leaders' weekly digest", async () => {
    const sim = loadNewsletterAddOn();
    saveSettings(
      sim,
      settingsInput({
        closingLoop: { thankSubmitters: true, leaderDigest: true, leaders: 'head@school.example' },
      }),
    );
    addWins(sim, [
      win({ headline: 'Reading buddies', email: 'ana@school.example' }),
      win({ headline: 'Exit tickets', email: 'ana@school.example' }),
      win({ status: 'New', email: 'bo@school.example' }),
    ]);
    sim.run('draftNewsletterNow');
    sim.advanceTo('2026-11-23T16:00:00Z');
    const drafts = simGmail(sim).drafts();
    const thanks = drafts.find((x) => /^Thank you/.test(x.subject))!;
    const digest = drafts.find((x) => /the week of/.test(x.subject))!;
    for (const html of [thanks.html, digest.html]) {
      expect(html).toContain('<html lang="en"');
      const check = await checkEmailHtml(browser(), html);
      expect(check.headings[0]).toMatch(/^h1 /);
      expect(check.headingProblems).toEqual([]);
      await expectReadable(html);
    }
  });

  test("the hub's showcase digest to principals", async () => {
    const d = district();
    addSchool(d.hub, `https://docs.google.com/spreadsheets/d/${d.exports.maple}/edit`);
    addSchool(d.hub, `https://docs.google.com/spreadsheets/d/${d.exports.oak}/edit`);
    endpoints<HubSettingsEndpoints>(d.hub).hubSettingsSave({
      districtName: 'Riverside USD',
      principals: 'principal@maple.example',
      bigQueryProject: '',
      bigQueryDataset: '',
    });
    d.hub.run('hubDraftDigest');
    const [draft] = simGmail(d.hub)
      .drafts()
      .filter((x) => x.owner === DISTRICT_ACCOUNT);
    expect(draft.subject).toMatch(/showcase practices/);
    const check = await checkEmailHtml(browser(), draft.html);
    expect(check.headingProblems).toEqual([]);
    await expectReadable(draft.html);
  });
});
