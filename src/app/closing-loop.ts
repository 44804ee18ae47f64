// Closing the loop (opt-in in Settings): thank-you drafts to the submitters whose wins an issue is the first to carry
// to families or the public (made when the issue is drafted, exactly once each, deleted if it is cancelled), and the
// leaders' weekly digest drafted by the clock once a week.
import { createIssueDraft, removeDraft } from '../adapters/mail-draft';
import { loadSettings } from '../adapters/settings-store';
import type { DocumentStore } from '../adapters/store';
import { openWinsLog, readColumns } from '../adapters/wins/log';
import { isoWeekKey, formatDay } from '../domain/cadence';
import { digestCounts, leaderDigestMail, thankYouMail, thankYouPlan } from '../domain/closing-loop';
import { draftMark } from '../domain/draft-identity';
import type { Issue } from '../domain/newsletter-issues';
import { readDate, readStatus, Win } from '../domain/win';
import type { ClockJob, Tick } from './clock';
import { freshWins, note, Run } from './newsletter-state';

/** What a run records of an issue's thank-yous (document properties): the drafts made, by address. */
interface ThankYouRecord {
  drafts: Record<string, string>;
  skipped: number;
  done: boolean;
}

const thankYouKey = (issueKey: string) => `thankYou ${issueKey}`;

/**
 * The issue's thank-you drafts, one per submitter address, in a fixed order: the record is written before the first
 * and after each, so a resumed run skips those made and looks in Gmail (by the draft's mark) for the one a cut-off
 * run may have made without recording it. Nothing when the opt-in is off or the issue is not for families or the
 * public.
 */
export function draftThankYous(run: Run, issue: Issue): void {
  if (!run.settings.thankSubmitters) return;
  const key = thankYouKey(issue.key);
  const stored = run.store.config[key] as ThankYouRecord | undefined;
  if (stored?.done) return;
  const found = freshWins(run, issue.winIds).wins;
  const plan = thankYouPlan(
    issue,
    issue.winIds.map((id) => found.get(id)).filter((w): w is Win => Boolean(w)),
  );
  if (!plan.notes.length && !plan.skipped) return;
  const record: ThankYouRecord = stored ?? { drafts: {}, skipped: plan.skipped, done: false };
  if (!stored) run.store.save({ [key]: record });
  const edition = { schoolName: run.settings.schoolName, audience: issue.audience, period: issue.period };
  let lookFirst = Boolean(stored);
  for (const t of plan.notes) {
    if (record.drafts[t.email]) continue;
    const mail = thankYouMail(t, edition, run.settings.senderName);
    const id = createIssueDraft(
      {
        to: [t.email],
        replyTo: run.settings.replyTo || undefined,
        fromName: run.settings.senderName || run.settings.schoolName,
        ...mail,
      },
      {
        mark: draftMark({ key: `${issue.key} thanks ${t.email}`, docId: issue.docId }),
        recordedForOthers: new Set(Object.values(record.drafts)),
      },
      lookFirst,
    );
    // Only the first address not yet recorded can have a draft a cut-off run did not record.
    lookFirst = false;
    record.drafts[t.email] = id;
    run.store.save({ [key]: record });
  }
  record.done = true;
  record.skipped = plan.skipped;
  run.store.save({ [key]: record });
  const made = Object.keys(record.drafts).length;
  if (made || plan.skipped)
    note(
      issue,
      `${made} thank-you draft${made === 1 ? '' : 's'} to the people whose wins reach ${issue.audience === 'Families' ? 'families' : 'the public'} for the first time.` +
        (plan.skipped
          ? ` ${plan.skipped} submitter${plan.skipped === 1 ? ' has' : 's have'} no valid email address and got none.`
          : ''),
    );
}

/** An issue cancelled: its thank-you drafts are deleted (those still in Gmail). Returns a sentence, or ''. */
export function cancelThankYous(store: DocumentStore, issue: Issue): string {
  const key = thankYouKey(issue.key);
  const record = store.config[key] as ThankYouRecord | undefined;
  if (!record) return '';
  let removed = 0;
  for (const id of Object.values(record.drafts)) if (removeDraft(id)) removed++;
  store.save({ [key]: null });
  return removed ? `Its ${removed} thank-you draft${removed === 1 ? ' was' : 's were'} deleted.` : '';
}

// ---- The leaders' weekly digest -----------------------------------------------------------------------------

/** The week a digest was made for, and its draft (document properties). */
interface DigestRecord {
  week: string;
  draftId: string;
}

const DIGEST = 'leaderDigest';

function weekOf(tick: Tick): { key: string; label: string } {
  const t = tick.local().time;
  // The Monday the week starts on names it.
  const monday = new Date(Date.UTC(t.year, t.month - 1, t.day));
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const day = { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() };
  return { key: isoWeekKey(t), label: formatDay(day) };
}

export const leaderDigestJob: ClockJob = {
  name: 'leaders digest',
  due(tick) {
    const s = loadSettings(tick.store);
    if (!s.leaderDigest || !s.leaders.length) return false;
    const done = tick.store.config[DIGEST] as DigestRecord | undefined;
    return done?.week !== weekOf(tick).key;
  },
  run(tick) {
    const settings = loadSettings(tick.store);
    const week = weekOf(tick);
    const log = openWinsLog(tick.ss);
    const read = readColumns(log, ['status', 'submittedAt']);
    const statuses = read.cells.status ?? [];
    const times = read.cells.submittedAt ?? [];
    const counts = digestCounts(
      statuses.map((s, i) => ({ status: readStatus(s), submittedAt: readDate(times[i]) })),
      tick.nowMs,
    );
    const mail = leaderDigestMail(counts, settings.schoolName || tick.ss.getName(), week.label);
    // Exactly once a week: a tick cut off after Gmail made the draft finds it again by its mark.
    const draftId = createIssueDraft(
      { to: settings.leaders, fromName: settings.senderName || settings.schoolName || undefined, ...mail },
      { mark: draftMark({ key: `leaders digest ${week.key}`, docId: tick.ss.getId() }), recordedForOthers: new Set() },
      true,
    );
    tick.store.save({ [DIGEST]: { week: week.key, draftId } });
    return `drafted the leaders' digest for the week of ${week.label} (${counts.waiting} waiting, ${counts.needsInfo} need info)`;
  },
};
