// The sidebar's promise client for the server's triage endpoints, typed from src/api.ts. Wraps
// google.script.run (callbacks, any order) and keeps at most 10 calls in flight, as Apps Script allows.
import type { TriageEndpoints } from '../src/api';

type Promised<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };
export type TriageClient = Promised<TriageEndpoints>;

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
}
declare const google: { script: { run: ScriptRun } } | undefined;

const MAX_IN_FLIGHT = 10;
let inFlight = 0;
const waiting: Array<() => void> = [];

function release(): void {
  inFlight--;
  waiting.shift()?.();
}

/** What the leader reads: the server's sentence without Apps Script's "Exception:" prefix. */
export function readableError(error: unknown): string {
  const raw =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error && 'message' in error
        ? String(error.message)
        : String(error);
  const text = raw.replace(/^(Exception|Error|ScriptError|TypeError):\s*/i, '').trim();
  return text || 'Small Wins could not reach the spreadsheet. Check your connection and try again.';
}

function invoke<R>(name: keyof TriageEndpoints, args: unknown[]): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const start = () => {
      inFlight++;
      try {
        if (typeof google === 'undefined' || !google?.script?.run)
          throw new Error('This page runs inside Google Sheets: open it from Small Wins → Triage wins.');
        const runner = google.script.run
          .withSuccessHandler((value) => {
            release();
            resolve(value as R);
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

function endpoint<K extends keyof TriageEndpoints>(name: K): TriageClient[K] {
  return ((...args: unknown[]) => invoke(name, args)) as TriageClient[K];
}

export const server: TriageClient = {
  triageOpen: endpoint('triageOpen'),
  triageQueue: endpoint('triageQueue'),
  triageWin: endpoint('triageWin'),
  triageSave: endpoint('triageSave'),
  triageSaveMany: endpoint('triageSaveMany'),
};
