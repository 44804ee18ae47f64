// Loads the built bundle like Apps Script: every dist/*.js file, in name order, in ONE node:vm
// context holding only Apps Script globals and JS built-ins, with Date following the sim clock.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { Realm } from './core';

/** Globals Node would add that Apps Script does not have; a fresh vm context has none of them, we check anyway. */
const FORBIDDEN = [
  'require',
  'process',
  'Buffer',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'module',
  'exports',
  'global',
  'fetch',
  'queueMicrotask',
  'structuredClone',
];

const DATE_PATCH = `(function (nowFn) {
  var RealDate = Date;
  function Date_() {
    var args = Array.prototype.slice.call(arguments);
    if (!new.target) return new RealDate(nowFn()).toString();
    if (args.length === 0) return Reflect.construct(RealDate, [nowFn()], new.target);
    return Reflect.construct(RealDate, args, new.target);
  }
  Date_.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: Date_, writable: true, configurable: true });
  Object.defineProperty(Date_, 'name', { value: 'Date' });
  Date_.now = function now() { return nowFn(); };
  Date_.parse = RealDate.parse;
  Date_.UTC = RealDate.UTC;
  Object.defineProperty(globalThis, 'Date', { value: Date_, writable: true, configurable: true, enumerable: false });
  return Date_;
})`;

export interface ScriptContext {
  context: vm.Context;
  realm: Realm;
}

/** A new context with the clock-following Date; add service globals with `defineGlobals`. */
export function createScriptContext(nowMs: () => number): ScriptContext {
  const context = vm.createContext({}, { name: 'apps-script', codeGeneration: { strings: true, wasm: false } });
  const install = vm.runInContext(DATE_PATCH, context) as (now: () => number) => DateConstructor;
  const SimDate = install(() => nowMs());
  for (const name of FORBIDDEN) {
    if (name in context) delete (context as Record<string, unknown>)[name];
  }
  const builtins = vm.runInContext('({ Array: Array, Object: Object, Error: Error, JSON: JSON })', context) as Omit<
    Realm,
    'name' | 'Date'
  >;
  return { context, realm: { name: 'script', Date: SimDate, ...builtins } };
}

export function defineGlobals(ctx: ScriptContext, globals: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(ctx.context, name, { value, writable: true, configurable: true, enumerable: false });
  }
}

/** Run every .js file of distDir (sorted by name) in the context. */
export function runBundle(ctx: ScriptContext, distDir: string): string[] {
  if (!fs.existsSync(distDir)) throw new Error(`Simulator: ${distDir} does not exist (run the build first)`);
  const files = fs
    .readdirSync(distDir)
    .filter((f) => f.endsWith('.js'))
    .sort();
  if (files.length === 0) throw new Error(`Simulator: no .js files in ${distDir}`);
  for (const f of files) {
    const code = fs.readFileSync(path.join(distDir, f), 'utf8');
    vm.runInContext(code, ctx.context, { filename: path.join(distDir, f) });
  }
  return files;
}

export function globalFunction(ctx: ScriptContext, name: string): (...args: unknown[]) => unknown {
  const fn = (ctx.context as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
  return fn as (...args: unknown[]) => unknown;
}
