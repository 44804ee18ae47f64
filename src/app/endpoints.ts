// The one way every sidebar and Settings endpoint runs: its arguments checked against their shapes before anything
// is read or saved, and any failure — a shape error, a rule, a service fault, a bug — turned into one plain sentence.
import { plainMessage } from '../adapters/ui';
import { Check, checkArgs } from '../domain/payload';

/**
 * Wraps an endpoint: `checks` name and check each argument (a mismatch refuses the whole call: nothing is saved);
 * an error becomes a sentence for the page (`from`: "the sidebar", "the Settings dialog") and a log line.
 */
export function endpoint<A extends unknown[], R>(
  from: string,
  checks: { [K in keyof A]: [string, Check<A[K]>] },
  fn: (...args: A) => R,
): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...checkArgs<A>(from, args, checks));
    } catch (err) {
      console.error(`Small Wins (${from}): ${err instanceof Error ? err.stack || err.message : String(err)}`);
      throw new Error(plainMessage(err));
    }
  };
}
