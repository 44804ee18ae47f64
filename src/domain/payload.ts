// What the sidebar and the Settings dialog send, checked before anything runs: types and shapes ("false" is not a
// boolean, {} is not a list), unknown fields refused. A failed check is one plain sentence and nothing is saved.

/** A value that is not of the shape an endpoint takes; its message is the sentence a leader reads. */
export class PayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadError';
  }
}

/** Checks a value found at `path` (e.g. "change.featured") and returns it typed, or throws a PayloadError. */
export type Check<T> = (value: unknown, path: string) => T;

/** A value in words, for a sentence ("the text \"false\"", "a list"). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 40 ? 'a long text' : `the text "${value}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  return `a ${typeof value}`;
}

function refuse(path: string, expected: string, value: unknown): never {
  throw new PayloadError(`${path} should be ${expected}, not ${describeValue(value)}`);
}

export function text(opts: { max?: number; nonEmpty?: boolean } = {}): Check<string> {
  const max = opts.max ?? 1_000_000;
  return (v, path) => {
    if (typeof v !== 'string') return refuse(path, 'text', v);
    if (v.length > max) return refuse(path, `at most ${max} characters of text`, v);
    if (opts.nonEmpty && !v.trim()) return refuse(path, 'some text', v);
    return v;
  };
}

export const flag: Check<boolean> = (v, path) => (typeof v === 'boolean' ? v : refuse(path, 'true or false', v));

export function whole(min: number, max: number): Check<number> {
  return (v, path) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? v
      : refuse(path, `a whole number from ${min} to ${max}`, v);
}

/** A number or the text of one (what a select or text box gives); the domain decides what it may be. */
export const numberOrText: Check<number | string> = (v, path) =>
  (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= 100)
    ? v
    : refuse(path, 'a number', v);

export function listOf<T>(item: Check<T>, max: number): Check<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) return refuse(path, 'a list', v);
    if (v.length > max) return refuse(path, `a list of at most ${max}`, v);
    return v.map((x, i) => item(x, `${path}[${i + 1}]`));
  };
}

export function orNull<T>(check: Check<T>): Check<T | null> {
  return (v, path) => (v === null ? null : check(v, path));
}

type Fields = Record<string, Check<unknown>>;
type Shape<R extends Fields, O extends Fields> = { [K in keyof R]: ReturnType<R[K]> } & {
  [K in keyof O]?: ReturnType<O[K]>;
};

/**
 * A group of fields: each required field checked, each optional one checked when present (undefined counts as
 * absent), and any other field refused by name.
 */
export function record<R extends Fields, O extends Fields = Record<never, never>>(
  required: R,
  optional: O = {} as O,
): Check<Shape<R, O>> {
  return (v, path) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return refuse(path, 'a group of fields', v);
    const given = v as Record<string, unknown>;
    const unknown = Object.keys(given).filter((k) => !(k in required) && !(k in optional));
    if (unknown.length)
      throw new PayloadError(
        `${path} has ${unknown.length === 1 ? 'a field' : 'fields'} Small Wins does not know: ${unknown.map((k) => `"${k.slice(0, 40)}"`).join(', ')}`,
      );
    const out: Record<string, unknown> = {};
    for (const [k, check] of Object.entries(required)) out[k] = check(given[k], `${path}.${k}`);
    for (const [k, check] of Object.entries(optional))
      if (given[k] !== undefined) out[k] = check(given[k], `${path}.${k}`);
    return out as Shape<R, O>;
  };
}

/**
 * Checks an endpoint's arguments; a mismatch becomes one sentence: what was wrong, and that nothing was saved.
 * `from` names the page ("the sidebar", "the Settings dialog").
 */
export function checkArgs<T extends unknown[]>(
  from: string,
  args: readonly unknown[],
  checks: { [K in keyof T]: [string, Check<T[K]>] },
): T {
  const out: unknown[] = [];
  try {
    (checks as unknown as Array<[string, Check<unknown>]>).forEach(([name, check], i) =>
      out.push(check(args[i], name)),
    );
  } catch (err) {
    if (err instanceof PayloadError)
      throw new PayloadError(
        `Small Wins could not use what ${from} sent: ${err.message}. Nothing was saved. Reload ${from} and try again.`,
      );
    throw err;
  }
  if (args.length > checks.length)
    throw new PayloadError(
      `Small Wins could not use what ${from} sent: it sent more than Small Wins takes. Nothing was saved. Reload ${from} and try again.`,
    );
  return out as T;
}
