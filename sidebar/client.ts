// The one promise client of every add-on page (triage sidebar, Settings, later dialogs): typed from the page's
// endpoint interface on the server (import type only), so a call to a name the server does not have fails to
// compile. Wraps google.script.run (callbacks, results in any order) and keeps at most 10 calls in flight.

/** The page's view of the server: each endpoint of `E` with the same arguments, answering with a promise. */
export type Client<E> = {
  [K in keyof E]: E[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
}
interface ScriptHost {
  close(): void;
}
declare const google: { script: { run: ScriptRun; host?: ScriptHost } } | undefined;

/** Apps Script allows at most 10 google.script.run calls in flight from one page. */
const MAX_IN_FLIGHT = 10;
let inFlight = 0;
const waiting: Array<() => void> = [];

function release(): void {
  inFlight--;
  waiting.shift()?.();
}

const UNREACHABLE = 'Small Wins could not reach the spreadsheet. Check your connection and try again.';

/** What the leader reads: the server's sentence without Apps Script's "Exception:" (or a JavaScript) prefix. */
export function readableError(error: unknown): string {
  let raw: string;
  if (error instanceof Error) raw = error.message;
  else if (typeof error === 'object' && error !== null && 'message' in error) raw = String(error.message);
  else raw = typeof error === 'string' ? error : '';
  return raw.replace(/^(Exception|Error|ScriptError|TypeError|ReferenceError):\s*/i, '').trim() || UNREACHABLE;
}

function invoke(name: string, args: unknown[], openFrom: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const start = () => {
      inFlight++;
      try {
        if (typeof google === 'undefined' || !google?.script?.run)
          throw new Error(`This page runs inside Google Sheets: open it from ${openFrom}.`);
        const runner = google.script.run
          .withSuccessHandler((value) => {
            release();
            resolve(value);
          })
          .withFailureHandler((error) => {
            release();
            reject(new Error(readableError(error)));
          }) as unknown as Record<string, (...a: unknown[]) => void>;
        runner[name](...args);
      } catch (err) {
        release();
        reject(new Error(readableError(err)));
      }
    };
    if (inFlight < MAX_IN_FLIGHT) start();
    else waiting.push(start);
  });
}

/**
 * The server's endpoints `E` as promises. `openFrom` says where a leader opens the page ("Small Wins → Settings"),
 * for the message shown when the page is opened outside Google Sheets.
 */
export function serverClient<E>(openFrom: string): Client<E> {
  return new Proxy({} as Client<E>, {
    get: (_target, name) =>
      typeof name === 'string' ? (...args: unknown[]) => invoke(name, args, openFrom) : undefined,
  });
}

/** Closes the dialog or sidebar the page is in (nothing outside Google Sheets). */
export function closeDialog(): void {
  if (typeof google !== 'undefined') google?.script?.host?.close();
}
