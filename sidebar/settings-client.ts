// The Settings dialog's promise client for its server endpoints, typed from src/settings-api.ts (types only).
import type { SettingsEndpoints } from '../src/settings-api';

type Promised<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: unknown) => void): ScriptRun;
}
declare const google: { script: { run: ScriptRun; host: { close(): void } } } | undefined;

export function readableError(error: unknown): string {
  const raw =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error && 'message' in error
        ? String(error.message)
        : String(error);
  return (
    raw.replace(/^(Exception|Error|ScriptError):\s*/i, '').trim() ||
    'Small Wins could not reach the spreadsheet. Check your connection and try again.'
  );
}

function invoke<R>(name: keyof SettingsEndpoints, args: unknown[]): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    if (typeof google === 'undefined' || !google?.script?.run) {
      reject(new Error('This page runs inside Google Sheets: open it from Small Wins → Settings.'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as R))
      .withFailureHandler((e) => reject(new Error(readableError(e)))) as unknown as Record<
      string,
      (...a: unknown[]) => void
    >;
    runner[name](...args);
  });
}

export const settingsServer: Promised<SettingsEndpoints> = {
  settingsOpen: () => invoke('settingsOpen', []),
  settingsSave: (input, opts) => invoke('settingsSave', [input, opts]),
  settingsCancelIssue: (key, force) => invoke('settingsCancelIssue', [key, force]),
};

export function closeDialog(): void {
  if (typeof google !== 'undefined') google?.script?.host?.close();
}
