// The one always-on clock: whose tick may act (the recorded owner's only), its heartbeat, and how Settings tells
// leaders whose account runs the automation and whether it still runs.

/** The clock trigger Set up installed: its unique ID, the account it runs as, and when it was installed (ISO). */
export interface ClockRecord {
  id: string;
  owner: string;
  since?: string;
}

/** What each owner's tick leaves behind. */
export interface Heartbeat {
  by: string;
  /** ISO time of the tick. */
  at: string;
  /** Why the last tick could not finish everything, in a sentence; absent when it did. */
  problem?: string;
}

/** A heartbeat older than this means the clock has stopped (it fires once an hour, at a minute Google picks). */
export const STALE_MS = 2 * 3_600_000;

/**
 * Whether a tick may act: only the recorded owner's trigger does. `triggerUid` comes with the event; when it is
 * missing or names another trigger, the account running the tick decides (asked only then: `email` is lazy). Another
 * account's trigger cannot be deleted from here, so it must return at once: then exactly one account drafts.
 */
export function isOwnersTick(record: ClockRecord | null | undefined, triggerUid: string, email: () => string): boolean {
  if (!record || !record.id || !record.owner) return false;
  if (triggerUid && triggerUid === record.id) return true;
  return email() === record.owner;
}

/** "just now", "1 minute ago", "12 minutes ago", "3 hours ago", "2 days ago". */
export function timeAgo(thenMs: number, nowMs: number): string {
  const minutes = Math.floor(Math.max(0, nowMs - thenMs) / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.floor(hours / 24);
  return `${days} days ago`;
}

export interface ClockStatus {
  /** "Runs from helen@school.example's account; last ran 12 minutes ago." */
  sentence: string;
  /** A warning when the clock seems stopped, or ''. */
  warning: string;
}

function ms(iso: string | undefined): number | null {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : null;
}

/** What Settings says about the automation, for the leader `me`, at `nowMs`. */
export function clockStatus(
  record: ClockRecord | null | undefined,
  heartbeat: Heartbeat | null | undefined,
  me: string,
  nowMs: number,
): ClockStatus {
  if (!record || !record.owner)
    return {
      sentence: 'The automation is not installed yet.',
      warning: 'Nothing runs on its own yet: run Small Wins → Set up to install the hourly clock.',
    };
  const who = record.owner === me ? 'your account' : `${record.owner}'s account`;
  const last = heartbeat && heartbeat.by === record.owner ? ms(heartbeat.at) : null;
  const ran = last === null ? 'it has not run yet (it runs once an hour)' : `last ran ${timeAgo(last, nowMs)}`;
  const problem = last !== null && heartbeat?.problem ? ` The last run could not finish: ${heartbeat.problem}` : '';
  const sentence = `The automation runs from ${who}; ${ran}.${problem}`;
  const since = last ?? ms(record.since);
  if (since === null || nowMs - since <= STALE_MS) return { sentence, warning: '' };
  const fix =
    record.owner === me
      ? 'Run Small Wins → Set up to install it again.'
      : `If ${record.owner} has left or removed Small Wins, tick "Run the automation from my account" and save, or run Small Wins → Set up.`;
  const quiet = last === null ? 'has not run since it was installed' : `last ran ${timeAgo(last, nowMs)}`;
  return {
    sentence,
    warning: `The automation ${quiet}: missed responses are not being added and no newsletter is drafted on schedule. ${fix}`,
  };
}
