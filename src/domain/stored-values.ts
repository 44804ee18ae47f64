// How Small Wins' values fit Apps Script's document properties, which hold strings of at most 9 KB each and 500 KB in
// all: a value too long for one property is split over numbered parts written in the same call, and the size a save
// would reach is known before anything is written, so a limit is said in words instead of failing halfway.

/** Bytes per property value: under Apps Script's 9 KB (9,216 bytes), with room to spare. */
export const PART_BYTES = 8000;
/** Apps Script's limit for one property store: 500 KB of keys and values. */
export const STORE_BYTES = 500 * 1024;
/** What Small Wins lets its values reach, leaving room for bookkeeping that grows between two saves. */
export const STORE_BUDGET_BYTES = 450 * 1024;

/** A value split over parts: the key holds this marker and the count, `key#1` … `key#n` hold the JSON. */
const PARTS_MARK = '@parts ';

export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Splits text into pieces of at most `maxBytes` UTF-8 bytes, never inside a character. */
export function splitUtf8(text: string, maxBytes = PART_BYTES): string[] {
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of text) {
    const b = utf8Length(ch);
    if (bytes + b > maxBytes && current) {
      parts.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += b;
  }
  if (current || parts.length === 0) parts.push(current);
  return parts;
}

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function partKey(key: string, i: number): string {
  return `${key}#${i}`;
}

/** How many parts a stored key uses now (0 when it is one plain property). */
function partCount(raw: Readonly<Record<string, string>>, key: string): number {
  const v = raw[key];
  if (typeof v !== 'string' || !v.startsWith(PARTS_MARK)) return 0;
  const n = Number(v.slice(PARTS_MARK.length));
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/**
 * The values under `prefix`, each joined from its parts when split. A value whose parts are missing (a store edited
 * by hand) reads as absent, so defaults apply rather than half a value.
 */
export function readStored(raw: Readonly<Record<string, string>>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (!k.startsWith(prefix) || k.includes('#')) continue;
    const n = partCount(raw, k);
    if (!n) {
      out[k.slice(prefix.length)] = parse(v);
      continue;
    }
    const pieces: string[] = [];
    for (let i = 1; i <= n; i++) {
      const piece = raw[partKey(k, i)];
      if (typeof piece !== 'string') break;
      pieces.push(piece);
    }
    if (pieces.length === n) out[k.slice(prefix.length)] = parse(pieces.join(''));
  }
  return out;
}

/**
 * The properties to write for `patch` (undefined values skipped): each value as JSON in one property, or over parts
 * when longer than PART_BYTES. Parts a longer earlier value used are emptied in the same write.
 */
export function encodeStored(
  raw: Readonly<Record<string, string>>,
  prefix: string,
  patch: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const key = prefix + name;
    const json = JSON.stringify(value);
    const before = partCount(raw, key);
    let parts = 0;
    if (utf8Length(json) <= PART_BYTES) out[key] = json;
    else {
      const pieces = splitUtf8(json);
      parts = pieces.length;
      out[key] = PARTS_MARK + parts;
      pieces.forEach((p, i) => (out[partKey(key, i + 1)] = p));
    }
    for (let i = parts + 1; i <= before; i++) out[partKey(key, i)] = '';
  }
  return out;
}

/** Bytes of keys and values of a property store, as Apps Script counts toward its 500 KB. */
export function storeBytes(raw: Readonly<Record<string, string>>): number {
  let n = 0;
  for (const [k, v] of Object.entries(raw)) n += utf8Length(k) + utf8Length(v);
  return n;
}

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/**
 * Null when the store after writing `written` stays within the budget; otherwise a sentence naming what is too big,
 * how big, and the limit (`what` names the value in the school's words, e.g. "the goals").
 */
export function storeProblem(
  raw: Readonly<Record<string, string>>,
  written: Readonly<Record<string, string>>,
  what: string,
): string | null {
  const after = storeBytes({ ...raw, ...written });
  if (after <= STORE_BUDGET_BYTES) return null;
  return `Small Wins keeps its settings and goals in this spreadsheet's document properties, which hold ${kb(STORE_BUDGET_BYTES)} for it; with ${what} they would need ${kb(after)}.`;
}
