// What Settings says about the newsletter schedule beyond its settings: the next run in words, how many wins wait
// per audience now (and how many a scheduled issue needs), and what the last scheduled run left out and why.
import { localNow, scheduleSince } from '../adapters/settings-store';
import type { DocumentStore } from '../adapters/store';
import { idRowsOf, readColumns, tryOpenWinsLog } from '../adapters/wins/log';
import { nextRun, nextRunWords } from '../domain/cadence';
import { issueKey, isFinished, Issue } from '../domain/newsletter-issues';
import { selectFor } from '../domain/newsletter-notes';
import { allDrafted, allEmpty } from '../domain/newsletter-plan';
import { SELECTION_FIELDS } from '../domain/newsletter-recheck';
import { AUDIENCES, NewsletterSettings } from '../domain/settings';
import { cellString } from '../domain/text';
import type { ScheduleView } from '../settings-api';

export function scheduleView(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  store: DocumentStore,
  settings: NewsletterSettings,
  issues: readonly Issue[],
): ScheduleView {
  const audiences = AUDIENCES.filter((a) => settings.audiences[a].enabled);
  const config = store.config;
  let next = '';
  if (settings.cadence.kind !== 'off' && audiences.length) {
    const now = localNow(ss).time;
    const done = (key: string) =>
      cellString(config.newsletterDone).startsWith(`${key} `) ||
      allEmpty(audiences, key, config.newsletterEmptyPeriods ?? []) ||
      allDrafted(
        audiences,
        key,
        issues.filter((i) => audiences.some((a) => i.key === issueKey(a, key))),
      );
    next = nextRunWords(nextRun(settings.cadence, now, scheduleSince(store), done), now);
  }
  const { log } = tryOpenWinsLog(ss);
  const waiting: ScheduleView['waiting'] = [];
  if (log) {
    const read = readColumns(log, ['id', ...SELECTION_FIELDS]);
    const sel = {
      ids: (read.cells.id ?? []).map((v) => cellString(v).trim()),
      idRows: idRowsOf(read),
      cols: read.cells,
    };
    for (const a of audiences) {
      const unfinished = issues.filter((i) => i.audience === a && !isFinished(i));
      waiting.push({
        audience: a,
        wins: selectFor(sel, a, unfinished).eligible.length,
        atLeast: settings.editions[a].minWins,
      });
    }
  }
  return { nextRun: next, waiting, lastRun: config.newsletterLastRun ?? null };
}
