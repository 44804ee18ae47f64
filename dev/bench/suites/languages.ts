// A Families issue in three family languages (Spanish, Arabic, Simplified Chinese) of 50 and 200 wins, in a log of
// 5,000 older wins: service calls, LanguageApp calls (they grow with the text, never one per win), and simulated time
// for Draft newsletter now, Families only (thank-you drafts off, as they are by default).
import { join } from 'node:path';
import { createSimulator, documentService, gmailService, simGmail, simLanguage } from '../../sim';
import { SMALL_WINS_SIM } from '../../addon-sim';
import { seedNewsletterLog } from '../seed';
import type { BenchRow, BenchSuite } from '../types';

const DIST = process.env.SW_DIST ? process.env.SW_DIST : join(__dirname, '..', '..', '..', 'dist');
const OLD_WINS = 5000;
const LANGUAGES = ['es', 'ar', 'zh-CN'];

type Sim = ReturnType<typeof createSimulator>;

function school(languages: string[]): Sim {
  const sim = createSimulator({
    ...SMALL_WINS_SIM,
    now: '2026-11-23T14:00:00Z',
    services: { DocumentApp: documentService, Gmail: gmailService },
  });
  sim.load(DIST);
  sim.open('LIMITED');
  sim.run('setUp');
  const r = sim.runSidebar('settingsSave', [
    {
      schoolName: 'Riverside Primary',
      audiences: {
        Staff: { enabled: false, recipients: '' },
        Families: { enabled: true, recipients: 'families@school.example' },
        Public: { enabled: false, recipients: '' },
      },
      cadence: { kind: 'weekly', weekday: 5, monthDay: 1, hour: 7 },
      template: '',
      senderName: 'Principal',
      replyTo: 'office@school.example',
      creditContributors: true,
      familyLanguages: languages.map((code) => ({ code, recipients: `families-${code}@school.example` })),
    },
    { takeOverSchedule: false },
  ]);
  if (!r.ok || !(r.value as { ok: boolean }).ok) throw new Error(`settings: ${JSON.stringify(r)}`);
  return sim;
}

/** OLD_WINS wins already shared, then n approved Families wins (among new ones), with blurbs of a few sentences. */
function seed(sim: Sim, n: number): void {
  seedNewsletterLog(sim.spreadsheet.sheet('Wins')!, {
    oldWins: OLD_WINS,
    approved: n,
    every: 2,
    consent: () => 'School community',
    evidence: (i) => (i % 10 === 0 ? `Writing samples at https://school.example/samples/${i}` : ''),
    sharedIn: 'Families #1',
  });
}

export const suite: BenchSuite = {
  title: `Family languages (Draft newsletter now, Families only, in ${LANGUAGES.length} languages: ${LANGUAGES.join(', ')}; log of ${OLD_WINS.toLocaleString('en-US')} older wins; thank-you drafts off)`,
  run() {
    const rows: BenchRow[] = [];
    const only = process.env.SW_BENCH_SIZES?.split(',').map(Number);
    for (const n of only ?? [50, 200]) {
      for (const languages of [[], LANGUAGES]) {
        const sim = school(languages);
        seed(sim, n);
        const before = simLanguage(sim).calls().length;
        sim.meter.reset();
        sim.run('draftNewsletterNow');
        const m = sim.meter.snapshot();
        const calls = simLanguage(sim).calls().slice(before);
        const drafts = simGmail(sim).drafts();
        if (drafts.length !== 1 + languages.length || calls.some((c) => !c.ok))
          throw new Error(
            `${n} wins, ${languages.length} languages: ${drafts.length} drafts, ${JSON.stringify(sim.ui.dialogs.at(-1))}`,
          );
        const perLanguage = languages.length ? calls.length / languages.length : 0;
        const chars = calls.reduce((s, c) => s + c.chars, 0);
        const size = (d: (typeof drafts)[number]) => `${(Buffer.byteLength(d.html) / 1024).toFixed(0)} KB`;
        const byLanguage = drafts.map((d) => `${/lang="([^"]+)"/.exec(d.html)?.[1] ?? '?'} ${size(d)}`).join(', ');
        rows.push({
          operation: languages.length
            ? `Families issue in English + ${languages.length} languages`
            : 'Families issue in English only',
          size: `${n} wins`,
          calls: m.calls,
          ms: m.ms,
          extra: {
            'LanguageApp calls': languages.length ? `${calls.length} (${perLanguage} per language)` : '0',
            'characters per call (average)': calls.length ? String(Math.round(chars / calls.length)) : '',
            drafts: String(drafts.length),
            'email HTML per draft': byLanguage,
          },
        });
      }
    }
    return rows;
  },
};
