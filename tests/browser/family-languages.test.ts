// The translated Families drafts made through dist/ (Spanish, and Arabic right to left) checked in Chromium like every
// other email: axe-core's WCAG 2.1 AA rules, one h1 then headings in order (the English original continues them),
// text of at least 14 px, no horizontal scroll at 320 px.
import {
  addWins,
  gmail,
  loadNewsletterAddOn,
  saveSettings,
  settingsInput,
  Sim,
  win,
} from '../integration/newsletter-fixtures';
import { checkEmailHtml } from './a11y';
import { useChromium } from './harness';

const browser = useChromium();

function school(): Sim {
  const sim = loadNewsletterAddOn();
  const languages = [
    { code: 'es', recipients: 'familias@school.example' },
    { code: 'ar', recipients: 'arabic-families@school.example' },
  ];
  expect(saveSettings(sim, settingsInput({ familyLanguages: languages })).ok).toBe(true);
  addWins(sim, [
    win({
      headline: 'Reading buddies doubled library visits',
      story: 'Year 5 read with Year 1 every Friday.\nThe younger ones now ask for the library.',
      evidence: 'The library log (https://example.org/library/log-2026-autumn-term-by-week) shows 14 visits a week.',
      featured: 'Yes',
      name: 'Ana Ruiz',
    }),
    win({ headline: 'Family phonics morning', goals: 'Family partnership', name: 'Bo Chen' }),
    win({ headline: 'Exit tickets came too late', kind: 'Lesson learned', goals: 'Math confidence' }),
  ]);
  sim.run('draftNewsletterNow');
  return sim;
}

test.each([
  ['es', 'familias@school.example', '<html lang="es">'],
  ['ar', 'arabic-families@school.example', '<html lang="ar" dir="rtl">'],
])('the %s draft: 0 violations, headings in order, 14 px, no scroll at 320 px', async (_code, address, html) => {
  const sim = school();
  const draft = gmail(sim)
    .drafts()
    .find((d) => d.bcc.includes(address))!;
  expect(draft.html).toContain(html);
  const check = await checkEmailHtml(browser(), draft.html);
  expect(check.axe).toEqual([]);
  expect(check.headings[0]).toMatch(/^h1 /);
  expect(check.headings.filter((h) => h.startsWith('h1 '))).toHaveLength(1);
  expect(check.headings).toContain('h2 English original');
  expect(check.headingProblems).toEqual([]);
  expect(check.smallText).toEqual([]);
  expect(check.width.clientWidth).toBe(320);
  expect(check.width.scrollWidth).toBeLessThanOrEqual(check.width.clientWidth);
});
