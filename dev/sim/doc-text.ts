// Text with runs: a paragraph's text and the style of each stretch of it (bold or a link on part of a paragraph),
// shared by DocumentApp (editAsText ranges) and the Docs API (updateTextStyle), so both edit one model.
import type { DocNode } from './documents';

/** A stretch of a paragraph's text and its style (DocumentApp attribute names; null = explicitly not set). */
export interface Run {
  len: number;
  attrs: Record<string, unknown>;
}

export interface Rich {
  text: string;
  runs: Run[];
}

/** Text attributes a paragraph may carry for all of its text (DocumentApp's Paragraph.setBold and friends). */
export const TEXT_ATTRS = [
  'BOLD',
  'ITALIC',
  'UNDERLINE',
  'STRIKETHROUGH',
  'LINK_URL',
  'FOREGROUND_COLOR',
  'BACKGROUND_COLOR',
  'FONT_SIZE',
  'FONT_FAMILY',
];

export function richOf(n: DocNode): Rich {
  const text = n.text ?? '';
  const runs = n.runs && n.runs.length ? n.runs.map((r) => ({ len: r.len, attrs: { ...r.attrs } })) : [];
  const covered = runs.reduce((s, r) => s + r.len, 0);
  if (covered < text.length) runs.push({ len: text.length - covered, attrs: {} });
  return { text, runs };
}

function same(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => k in b && JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

function normalise(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (r.len <= 0) continue;
    const prev = out[out.length - 1];
    if (prev && same(prev.attrs, r.attrs)) prev.len += r.len;
    else out.push({ len: r.len, attrs: { ...r.attrs } });
  }
  return out;
}

/** Stores text and runs on the node; runs are dropped when the whole text has no style of its own. */
export function setRich(n: DocNode, rich: Rich): void {
  n.text = rich.text;
  const runs = normalise(rich.runs);
  if (runs.length === 0 || (runs.length === 1 && Object.keys(runs[0].attrs).length === 0)) delete n.runs;
  else n.runs = runs;
}

/** The run attributes of the character at `offset` (the first character's when there is none before). */
export function attrsAt(rich: Rich, offset: number): Record<string, unknown> {
  let pos = 0;
  for (const r of rich.runs) {
    if (offset < pos + r.len) return { ...r.attrs };
    pos += r.len;
  }
  return rich.runs.length ? { ...rich.runs[rich.runs.length - 1].attrs } : {};
}

/** Splits runs so that `at` falls on a boundary; returns the index of the run starting there. */
function splitAt(runs: Run[], at: number): number {
  let pos = 0;
  for (let i = 0; i < runs.length; i++) {
    if (pos === at) return i;
    if (at < pos + runs[i].len) {
      const r = runs[i];
      runs.splice(i, 1, { len: at - pos, attrs: { ...r.attrs } }, { len: r.len - (at - pos), attrs: { ...r.attrs } });
      return i + 1;
    }
    pos += runs[i].len;
  }
  return runs.length;
}

/** Replaces `del` characters at `at` with `insert`, styled `attrs` (by default like the character before). */
export function splice(rich: Rich, at: number, del: number, insert: string, attrs?: Record<string, unknown>): Rich {
  const runs = rich.runs.map((r) => ({ len: r.len, attrs: { ...r.attrs } }));
  const style = attrs ?? attrsAt(rich, Math.max(0, at - 1));
  const a = splitAt(runs, at);
  const b = splitAt(runs, at + del);
  runs.splice(a, b - a, { len: insert.length, attrs: style });
  return { text: rich.text.slice(0, at) + insert + rich.text.slice(at + del), runs: normalise(runs) };
}

export function slice(rich: Rich, from: number, to: number): Rich {
  const runs = rich.runs.map((r) => ({ len: r.len, attrs: { ...r.attrs } }));
  const a = splitAt(runs, from);
  const b = splitAt(runs, to);
  return { text: rich.text.slice(from, to), runs: runs.slice(a, b) };
}

export function concat(x: Rich, y: Rich): Rich {
  return { text: x.text + y.text, runs: normalise([...x.runs, ...y.runs]) };
}

/** Sets attributes over [from, to); a null value means "not set" (it overrides the paragraph's own). */
export function styleRange(rich: Rich, from: number, to: number, patch: Record<string, unknown>): Rich {
  const runs = rich.runs.map((r) => ({ len: r.len, attrs: { ...r.attrs } }));
  const a = splitAt(runs, from);
  const b = splitAt(runs, to);
  for (let i = a; i < b; i++) Object.assign(runs[i].attrs, patch);
  return { text: rich.text, runs: normalise(runs) };
}

/** Each character's style: the paragraph's text attributes, then its run's. */
export function effectiveRuns(n: DocNode): Array<{ text: string; attrs: Record<string, unknown> }> {
  const rich = richOf(n);
  const base: Record<string, unknown> = {};
  for (const k of TEXT_ATTRS) if (n.attrs[k] !== undefined && n.attrs[k] !== null) base[k] = n.attrs[k];
  const out: Array<{ text: string; attrs: Record<string, unknown> }> = [];
  let pos = 0;
  for (const r of rich.runs) {
    const attrs: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(r.attrs)) {
      if (v === null || v === undefined || v === false) delete attrs[k];
      else attrs[k] = v;
    }
    const prev = out[out.length - 1];
    const text = rich.text.slice(pos, pos + r.len);
    if (prev && same(prev.attrs, attrs)) prev.text += text;
    else out.push({ text, attrs });
    pos += r.len;
  }
  return out;
}

/** Drops a paragraph-wide attribute's overrides from the runs (DocumentApp set it on the whole paragraph). */
export function clearRunAttr(n: DocNode, attr: string): void {
  if (!n.runs) return;
  const rich = richOf(n);
  for (const r of rich.runs) delete r.attrs[attr];
  setRich(n, rich);
}
