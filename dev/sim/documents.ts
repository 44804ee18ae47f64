// DocumentApp fake: Docs made with create/openById, a body of paragraphs, list items, tables and horizontal
// rules, headings and attributes, text editing (setText/appendText/replaceText with Java-style replacement),
// element copies appended elsewhere, and fault injection. Register with
// createSimulator({ services: { DocumentApp: documentService } }); inspect with simDocuments(sim).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ServiceEnv, SimCore } from './core';
import type { Checked, ReferenceClasses } from './reference';
import {
  attrsAt,
  clearRunAttr,
  effectiveRuns,
  richOf,
  setRich,
  splice,
  styleRange,
  TEXT_ATTRS,
  type Run,
} from './doc-text';

export type NodeType = 'PARAGRAPH' | 'LIST_ITEM' | 'TABLE' | 'TABLE_ROW' | 'TABLE_CELL';

/** One element of a Doc, JSON-serialisable (saved by exportState). */
export interface DocNode {
  type: NodeType;
  /** Text of a paragraph or list item. */
  text?: string;
  /** Styles of stretches of the text (a link or bold on part of a paragraph); absent when none. */
  runs?: Run[];
  /** Attributes by DocumentApp.Attribute name; HEADING holds the ParagraphHeading name. */
  attrs: Record<string, unknown>;
  /** A paragraph holding a horizontal rule. */
  hr?: boolean;
  pageBreak?: boolean;
  /** Rows of a table, cells of a row, paragraphs of a cell. */
  children?: DocNode[];
}

export interface DocState {
  id: string;
  name: string;
  owner: string;
  createdAt: string;
  body: DocNode[];
  /** saveAndClose calls, for tests that want to see it happened. */
  saves: number;
}

export interface FaultState {
  times: number;
  message: string;
}

export interface DocumentsState {
  docs: Record<string, DocState>;
  /** Method key ("DocumentApp.create", "Body.appendParagraph", "Docs.*") → failures left. */
  faults: Record<string, FaultState>;
}

const STATE = 'documents';
const HEADINGS = [
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
];
const ELEMENT_TYPES = [
  'BODY_SECTION',
  'PARAGRAPH',
  'LIST_ITEM',
  'TABLE',
  'TABLE_ROW',
  'TABLE_CELL',
  'TEXT',
  'HORIZONTAL_RULE',
  'PAGE_BREAK',
  'INLINE_IMAGE',
  'FOOTNOTE',
  'TABLE_OF_CONTENTS',
  'HEADER_SECTION',
  'FOOTER_SECTION',
  'UNSUPPORTED',
];
const ATTRIBUTES = [
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
];
const GLYPHS = [
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
];
const ALIGNMENTS = ['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY'];

/** Simulated milliseconds per call (ARCHITECTURE.md's cost model). */
const ELEMENT_MS = 50;
const DOCS_SCOPES = [
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/documents.currentonly',
];

export function docsState(core: SimCore): DocumentsState {
  if (!(STATE in core.extensions)) core.extensions[STATE] = { docs: {}, faults: {} } satisfies DocumentsState;
  return core.extensions[STATE] as DocumentsState;
}

/** Scopes of the loaded manifest (null when no dist/ is loaded: sim.api from tests). */
export function manifestScopes(core: SimCore): string[] | null {
  if (!core.distDir) return null;
  try {
    const m = JSON.parse(fs.readFileSync(path.join(core.distDir, 'appsscript.json'), 'utf8')) as {
      oauthScopes?: string[];
    };
    return m.oauthScopes ?? null;
  } catch {
    return null;
  }
}

/** Throws a realm error when an injected fault is pending for `key` (or a wildcard covering it). */
export function takeFault(faults: Record<string, FaultState>, keys: string[], makeError: (m: string) => Error): void {
  for (const k of keys) {
    const f = faults[k];
    if (f && f.times > 0) {
      f.times--;
      if (f.times === 0) delete faults[k];
      throw makeError(f.message);
    }
  }
}

// ---- Text of nodes ------------------------------------------------------------------------------------

export function nodeText(n: DocNode): string {
  switch (n.type) {
    case 'PARAGRAPH':
    case 'LIST_ITEM':
      return n.text ?? '';
    case 'TABLE':
      return (n.children ?? []).map(nodeText).join('\n');
    case 'TABLE_ROW':
      return (n.children ?? []).map(nodeText).join('\t');
    case 'TABLE_CELL':
      return (n.children ?? []).map(nodeText).join('\n');
  }
}

export function para(text: string, attrs: Record<string, unknown> = {}): DocNode {
  return { type: 'PARAGRAPH', text, attrs: { HEADING: 'NORMAL', ...attrs } };
}

function table(cells: string[][]): DocNode {
  return {
    type: 'TABLE',
    attrs: {},
    children: cells.map((row) => ({
      type: 'TABLE_ROW',
      attrs: {},
      children: row.map((c) => ({ type: 'TABLE_CELL', attrs: {}, children: [para(String(c))] })),
    })),
  };
}

/**
 * Java's Matcher.replaceAll replacement rules, which Apps Script's replaceText follows: `$n` inserts group n,
 * a backslash makes the next character literal, any other `$` is an error.
 */
export function javaReplace(
  text: string,
  pattern: string,
  replacement: string,
  makeError: (m: string) => Error,
): string {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'g');
  } catch (e) {
    throw makeError(`Invalid regular expression pattern ${pattern}`);
  }
  return text.replace(re, (...args: unknown[]) => {
    const hasNamed = typeof args[args.length - 1] === 'object' && args[args.length - 1] !== null;
    const groups = args.slice(0, hasNamed ? -3 : -2) as Array<string | undefined>;
    let out = '';
    for (let i = 0; i < replacement.length; i++) {
      const ch = replacement[i];
      if (ch === '\\') {
        if (i + 1 >= replacement.length) throw makeError('character to be escaped is missing');
        out += replacement[++i];
      } else if (ch === '$') {
        const m = /^\d/.exec(replacement.slice(i + 1));
        if (!m) throw makeError('Illegal group reference');
        const g = Number(m[0]);
        if (g >= groups.length) throw makeError(`No group ${g}`);
        out += groups[g] ?? '';
        i += 1;
      } else out += ch;
    }
    return out;
  });
}

/** replaceText on a paragraph, keeping the style of the text around each match (a match takes its first character's). */
export function replaceRich(n: DocNode, pattern: string, replacement: string, makeError: (m: string) => Error): void {
  const text = n.text ?? '';
  if (!n.runs) {
    n.text = javaReplace(text, pattern, replacement, makeError);
    return;
  }
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'g');
  } catch (e) {
    throw makeError(`Invalid regular expression pattern ${pattern}`);
  }
  const matches: Array<{ at: number; len: number; with: string }> = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    matches.push({
      at: m.index,
      len: m[0].length,
      with: javaReplace(m[0], `^(?:${pattern})$`, replacement, makeError),
    });
    if (m[0].length === 0) re.lastIndex++;
  }
  let rich = richOf(n);
  for (const m of matches.reverse()) rich = splice(rich, m.at, m.len, m.with, attrsAt(rich, m.at));
  setRich(n, rich);
}

// ---- The service ----------------------------------------------------------------------------------------

export function documentService(env: ServiceEnv): unknown {
  const { core } = env;
  const state = () => docsState(core);
  const ElementType = env.enumOf('DocumentApp.ElementType', ELEMENT_TYPES);
  const ParagraphHeading = env.enumOf('DocumentApp.ParagraphHeading', HEADINGS);
  const Attribute = env.enumOf('DocumentApp.Attribute', ATTRIBUTES);
  const GlyphType = env.enumOf('DocumentApp.GlyphType', GLYPHS);
  const HorizontalAlignment = env.enumOf('DocumentApp.HorizontalAlignment', ALIGNMENTS);
  /** Facade → node, so an element passed back (appendParagraph(p.copy())) is recognised. */
  const nodes = new WeakMap<object, DocNode>();

  const requireScope = () => {
    core.requireAuth('DocumentApp');
    const scopes = manifestScopes(core);
    if (scopes && !scopes.some((s) => DOCS_SCOPES.includes(s))) {
      throw env.error(
        'You do not have permission to call DocumentApp. Required permissions: https://www.googleapis.com/auth/documents',
      );
    }
  };

  /** Fault-checks then meters every method of a facade. */
  const facade = <N extends string, T extends object>(
    className: N,
    target: N extends keyof ReferenceClasses ? Checked<ReferenceClasses[N], T> : T,
    costs: number | ({ default: number } & Record<string, number>) = ELEMENT_MS,
  ): T => {
    const wrapped: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(target)) {
      wrapped[k] =
        typeof v === 'function'
          ? (...args: unknown[]) => {
              takeFault(state().faults, [`${className}.${k}`, `${className}.*`, 'Docs.*'], env.error);
              return (v as (...a: unknown[]) => unknown)(...args);
            }
          : v;
    }
    return env.metered<string, T>(className, wrapped as T, costs);
  };

  function findDoc(id: string): DocState {
    const d = state().docs[String(id)];
    if (!d) throw env.error(`Document is missing (perhaps it was deleted, or you don't have read access?)`);
    return d;
  }

  /** The list a node sits in, searching every Doc (detached copies sit nowhere). */
  function locate(node: DocNode): { list: DocNode[]; index: number; parent: DocNode | null; doc: DocState } | null {
    for (const doc of Object.values(state().docs)) {
      const stack: Array<{ list: DocNode[]; parent: DocNode | null }> = [{ list: doc.body, parent: null }];
      while (stack.length) {
        const { list, parent } = stack.pop()!;
        const index = list.indexOf(node);
        if (index >= 0) return { list, index, parent, doc };
        for (const n of list) if (n.children) stack.push({ list: n.children, parent: n });
      }
    }
    return null;
  }

  const unwrap = (x: unknown, want: NodeType, method: string): DocNode | null => {
    if (typeof x !== 'object' || x === null) return null;
    const n = nodes.get(x);
    if (!n || n.type !== want)
      throw env.error(`The parameters (${typeof x}) don't match the method signature for ${method}.`);
    if (locate(n)) throw env.error('Element must be detached.');
    return n;
  };

  const clone = (n: DocNode): DocNode => JSON.parse(JSON.stringify(n)) as DocNode;

  function textFacade(owner: DocNode): object {
    // setBold(true) styles the whole text; setBold(start, endInclusive, true) only that stretch (a run).
    const style = (attr: string, args: unknown[]) => {
      const value = args[args.length - 1];
      if (args.length >= 3) {
        const start = Number(args[0]);
        const end = Number(args[1]);
        const len = (owner.text ?? '').length;
        if (!(start >= 0 && end >= start && end < len))
          throw env.error(`Invalid offsets: ${start} to ${end} in a text of ${len} characters.`);
        setRich(owner, styleRange(richOf(owner), start, end + 1, { [attr]: value }));
      } else {
        owner.attrs[attr] = value;
        clearRunAttr(owner, attr);
      }
      return f;
    };
    const at = (offset: unknown) => {
      const attrs: Record<string, unknown> = {};
      for (const k of TEXT_ATTRS) attrs[k] = owner.attrs[k] ?? null;
      if (offset === undefined || offset === null) return attrs;
      const run = attrsAt(richOf(owner), Number(offset));
      for (const [k, v] of Object.entries(run)) attrs[k] = v === false ? null : v;
      return attrs;
    };
    const t = {
      getType: () => ElementType.TEXT,
      getText: () => owner.text ?? '',
      setText: (s: string) => {
        owner.text = String(s);
        delete owner.runs;
        return f;
      },
      appendText: (s: string) => {
        const rich = richOf(owner);
        setRich(owner, splice(rich, rich.text.length, 0, String(s)));
        return f;
      },
      insertText: (offset: number, s: string) => {
        const cur = owner.text ?? '';
        if (offset < 0 || offset > cur.length)
          throw env.error(
            'Index (' + offset + ') must be less than or equal to the content length (' + cur.length + ').',
          );
        setRich(owner, splice(richOf(owner), offset, 0, String(s)));
        return f;
      },
      deleteText: (start: number, endInclusive: number) => {
        setRich(owner, splice(richOf(owner), start, endInclusive - start + 1, ''));
        return f;
      },
      replaceText: (pattern: string, replacement: string) => {
        replaceRich(owner, String(pattern), String(replacement), env.error);
        return f;
      },
      setBold: (...a: unknown[]) => style('BOLD', a),
      setItalic: (...a: unknown[]) => style('ITALIC', a),
      setUnderline: (...a: unknown[]) => style('UNDERLINE', a),
      setForegroundColor: (...a: unknown[]) => style('FOREGROUND_COLOR', a),
      setFontSize: (...a: unknown[]) => style('FONT_SIZE', a),
      setLinkUrl: (...a: unknown[]) => style('LINK_URL', a),
      getLinkUrl: (offset?: number | null) => (at(offset).LINK_URL as string | null) ?? null,
      isBold: (offset?: number | null) => Boolean(at(offset).BOLD),
      isItalic: (offset?: number | null) => Boolean(at(offset).ITALIC),
      /** Offsets where the text's style changes (the start of each run). */
      getTextAttributeIndices: () => {
        const starts: number[] = [];
        let pos = 0;
        for (const r of effectiveRuns(owner)) {
          starts.push(pos);
          pos += r.text.length;
        }
        return env.arr(starts.length ? starts : [0]);
      },
      setAttributes: (...a: unknown[]) => {
        const attrs = attrsIn(a[a.length - 1]);
        if (a.length >= 3) setRich(owner, styleRange(richOf(owner), Number(a[0]), Number(a[1]) + 1, attrs));
        else {
          Object.assign(owner.attrs, attrs);
          for (const k of Object.keys(attrs)) clearRunAttr(owner, k);
        }
        return f;
      },
      getAttributes: (offset?: number | null) =>
        env.obj(offset === undefined || offset === null ? { ...owner.attrs } : at(offset)),
      getParent: () => element(owner),
      isAtDocumentEnd: () => false,
    };
    const f: object = facade('Text', t);
    return f;
  }

  function attrsIn(x: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (typeof x !== 'object' || x === null)
      throw env.error('The parameters (' + typeof x + ") don't match the method signature for setAttributes.");
    for (const [k, v] of Object.entries(x as Record<string, unknown>)) {
      if (!ATTRIBUTES.includes(k)) continue;
      out[k] = k === 'HEADING' || k === 'GLYPH_TYPE' || k === 'HORIZONTAL_ALIGNMENT' ? enumName(v) : v;
    }
    return out;
  }

  function enumName(v: unknown): string | null {
    if (v === null || v === undefined) return null;
    return typeof v === 'string' ? v : String((v as { name?: () => string }).name?.() ?? v);
  }

  function attrsOut(n: DocNode): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n.attrs)) {
      if (k === 'HEADING') o[k] = ParagraphHeading[String(v)] ?? ParagraphHeading.NORMAL;
      else if (k === 'GLYPH_TYPE') o[k] = v == null ? null : GlyphType[String(v)];
      else if (k === 'HORIZONTAL_ALIGNMENT') o[k] = v == null ? null : HorizontalAlignment[String(v)];
      else o[k] = v;
    }
    return env.obj(o);
  }

  /** Methods every element has. */
  function common(n: DocNode, self: () => object) {
    return {
      getType: () => ElementType[n.type],
      getText: () => nodeText(n),
      copy: () => element(clone(n)),
      removeFromParent: () => {
        const at = locate(n);
        if (at) at.list.splice(at.index, 1);
        return self();
      },
      getParent: () => {
        const at = locate(n);
        if (!at) return null;
        return at.parent ? element(at.parent) : body(at.doc);
      },
      getNextSibling: () => {
        const at = locate(n);
        return at && at.index + 1 < at.list.length ? element(at.list[at.index + 1]) : null;
      },
      getPreviousSibling: () => {
        const at = locate(n);
        return at && at.index > 0 ? element(at.list[at.index - 1]) : null;
      },
      getAttributes: () => attrsOut(n),
      setAttributes: (a: unknown) => {
        const attrs = attrsIn(a);
        Object.assign(n.attrs, attrs);
        for (const k of Object.keys(attrs)) clearRunAttr(n, k);
        return self();
      },
      editAsText: () => textFacade(n),
      replaceText: (pattern: string, replacement: string) => {
        replaceIn(n, String(pattern), String(replacement));
        return self();
      },
      asParagraph: () => cast(n, 'PARAGRAPH'),
      asListItem: () => cast(n, 'LIST_ITEM'),
      asTable: () => cast(n, 'TABLE'),
      asTableRow: () => cast(n, 'TABLE_ROW'),
      asTableCell: () => cast(n, 'TABLE_CELL'),
      asText: () => {
        throw env.error(`Cannot convert element ${n.type} to TEXT.`);
      },
      isAtDocumentEnd: () => {
        const at = locate(n);
        return Boolean(at && !at.parent && at.index === at.list.length - 1);
      },
    };
  }

  function replaceIn(n: DocNode, pattern: string, replacement: string): void {
    if (n.text !== undefined) replaceRich(n, pattern, replacement, env.error);
    for (const c of n.children ?? []) replaceIn(c, pattern, replacement);
  }

  function cast(n: DocNode, want: NodeType): object {
    if (n.type !== want) throw env.error(`Cannot convert element ${n.type} to ${want}.`);
    return element(n);
  }

  function paragraphLike(n: DocNode, self: () => object) {
    return {
      ...common(n, self),
      setText: (s: string) => {
        n.text = String(s);
        delete n.runs;
        n.hr = false;
        return self();
      },
      appendText: (s: string | GoogleAppsScript.Document.Text) => {
        const rich = richOf(n);
        setRich(n, splice(rich, rich.text.length, 0, typeof s === 'string' ? s : s.getText()));
        return textFacade(n);
      },
      getNumChildren: () => (n.text ? 1 : 0) + (n.hr ? 1 : 0),
      getChild: (i: number) => {
        if (i === 0 && n.text) return textFacade(n);
        throw env.error(
          `Child index (${i}) must be less than the number of child elements (${(n.text ? 1 : 0) + (n.hr ? 1 : 0)}).`,
        );
      },
      setHeading: (h: unknown) => {
        const name = enumName(h);
        if (!name || !HEADINGS.includes(name))
          throw env.error(
            'The parameters (' + typeof h + ") don't match the method signature for Paragraph.setHeading.",
          );
        n.attrs.HEADING = name;
        return self();
      },
      getHeading: () => ParagraphHeading[String(n.attrs.HEADING ?? 'NORMAL')],
      setAlignment: (a: unknown) => {
        n.attrs.HORIZONTAL_ALIGNMENT = enumName(a);
        return self();
      },
      getAlignment: () =>
        n.attrs.HORIZONTAL_ALIGNMENT ? HorizontalAlignment[String(n.attrs.HORIZONTAL_ALIGNMENT)] : null,
      setLinkUrl: (u: string) => ((n.attrs.LINK_URL = u), clearRunAttr(n, 'LINK_URL'), self()),
      getLinkUrl: () => (n.attrs.LINK_URL as string | undefined) ?? null,
      appendHorizontalRule: () => {
        n.hr = true;
        return hrFacade(n);
      },
      clear: () => ((n.text = ''), delete n.runs, (n.hr = false), self()),
    };
  }

  function hrFacade(owner: DocNode): object {
    return facade('HorizontalRule', {
      getType: () => ElementType.HORIZONTAL_RULE,
      getParent: () => element(owner),
      removeFromParent: () => {
        owner.hr = false;
        return null;
      },
    });
  }

  /** Methods of containers of block elements: the Body and table cells. */
  function container(list: () => DocNode[], self: () => object, cls: string) {
    const insert = (index: number, n: DocNode) => {
      const l = list();
      if (index < 0 || index > l.length)
        throw env.error(`Index (${index}) must be less than or equal to the number of child elements (${l.length}).`);
      l.splice(index, 0, n);
      return element(n);
    };
    const blockFrom = (x: unknown, type: NodeType, method: string): DocNode => {
      if (typeof x === 'object' && x !== null && !Array.isArray(x)) return unwrap(x, type, method)!;
      if (type === 'TABLE') {
        if (x === undefined) return table([['']]);
        if (!Array.isArray(x))
          throw env.error(`The parameters (${typeof x}) don't match the method signature for ${method}.`);
        return table(x as string[][]);
      }
      const n = para(x === undefined ? '' : String(x));
      if (type === 'LIST_ITEM') {
        n.type = 'LIST_ITEM';
        n.attrs = { HEADING: 'NORMAL', GLYPH_TYPE: 'BULLET', NESTING_LEVEL: 0 };
      }
      return n;
    };
    const childIndexOf = (x: unknown) => {
      const n = typeof x === 'object' && x !== null ? nodes.get(x) : undefined;
      const i = n ? list().indexOf(n) : -1;
      if (i < 0) throw env.error('Element does not contain the specified child element.');
      return i;
    };
    return {
      getNumChildren: () => list().length,
      getChild: (i: number) => {
        const l = list();
        if (!(i >= 0 && i < l.length))
          throw env.error(`Child index (${i}) must be less than the number of child elements (${l.length}).`);
        return element(l[i]);
      },
      getChildIndex: (x: unknown) => childIndexOf(x),
      removeChild: (x: unknown) => {
        list().splice(childIndexOf(x), 1);
        return self();
      },
      appendParagraph: (x: unknown) => insert(list().length, blockFrom(x, 'PARAGRAPH', `${cls}.appendParagraph`)),
      appendListItem: (x: unknown) => insert(list().length, blockFrom(x, 'LIST_ITEM', `${cls}.appendListItem`)),
      appendTable: (x?: unknown) => insert(list().length, blockFrom(x, 'TABLE', `${cls}.appendTable`)),
      appendHorizontalRule: () => {
        const n = para('');
        n.hr = true;
        list().push(n);
        return hrFacade(n);
      },
      appendPageBreak: () => {
        const n = para('');
        n.pageBreak = true;
        list().push(n);
        return facade('PageBreak', { getType: () => ElementType.PAGE_BREAK, getParent: () => element(n) });
      },
      insertParagraph: (i: number, x: unknown) => insert(i, blockFrom(x, 'PARAGRAPH', `${cls}.insertParagraph`)),
      insertListItem: (i: number, x: unknown) => insert(i, blockFrom(x, 'LIST_ITEM', `${cls}.insertListItem`)),
      insertTable: (i: number, x?: unknown) => insert(i, blockFrom(x, 'TABLE', `${cls}.insertTable`)),
      insertHorizontalRule: (i: number) => {
        const n = para('');
        n.hr = true;
        insert(i, n);
        return hrFacade(n);
      },
      getParagraphs: () =>
        env.arr(
          flatten(list())
            .filter((n) => n.type === 'PARAGRAPH' || n.type === 'LIST_ITEM')
            .map(element),
        ),
      getListItems: () =>
        env.arr(
          flatten(list())
            .filter((n) => n.type === 'LIST_ITEM')
            .map(element),
        ),
      getTables: () =>
        env.arr(
          flatten(list())
            .filter((n) => n.type === 'TABLE')
            .map(element),
        ),
      getText: () => list().map(nodeText).join('\n'),
      setText: (s: string) => {
        list().splice(0, list().length, para(String(s)));
        return self();
      },
      clear: () => {
        // Like Docs: a body always keeps one (empty) paragraph.
        list().splice(0, list().length, para(''));
        return self();
      },
      replaceText: (pattern: string, replacement: string) => {
        for (const n of list()) replaceIn(n, String(pattern), String(replacement));
        return self();
      },
      editAsText: () => {
        throw env.error(`Simulator: ${cls}.editAsText is not implemented (edit paragraphs instead)`);
      },
    };
  }

  function flatten(list: DocNode[]): DocNode[] {
    const out: DocNode[] = [];
    for (const n of list) {
      out.push(n);
      if (n.children) out.push(...flatten(n.children));
    }
    return out;
  }

  /** A table cell holds what a body holds, less what only Body has in the reference. */
  function cellContainer<T extends Record<BodyOnly, unknown>>(c: T): Omit<T, BodyOnly> {
    const { appendPageBreak: _a, getListItems: _b, getParagraphs: _c, getTables: _d, ...rest } = c;
    return rest;
  }

  type BodyOnly = 'appendPageBreak' | 'getListItems' | 'getParagraphs' | 'getTables';

  function element(n: DocNode): object {
    let f: object;
    const self = () => f;
    switch (n.type) {
      case 'PARAGRAPH':
        f = facade('Paragraph', paragraphLike(n, self));
        break;
      case 'LIST_ITEM':
        f = facade('ListItem', {
          ...paragraphLike(n, self),
          setGlyphType: (g: unknown) => ((n.attrs.GLYPH_TYPE = enumName(g)), self()),
          getGlyphType: () => GlyphType[String(n.attrs.GLYPH_TYPE ?? 'BULLET')],
          setNestingLevel: (l: number) => ((n.attrs.NESTING_LEVEL = Number(l)), self()),
          getNestingLevel: () => Number(n.attrs.NESTING_LEVEL ?? 0),
          getListId: () => String(n.attrs.LIST_ID ?? 'kix.list.1'),
        });
        break;
      case 'TABLE': {
        const rows = () => (n.children ??= []);
        f = facade('Table', {
          ...common(n, self),
          getNumRows: () => rows().length,
          getNumChildren: () => rows().length,
          getRow: (i: number) => element(rows()[i] ?? missing(i, rows().length)),
          getChild: (i: number) => element(rows()[i] ?? missing(i, rows().length)),
          getCell: (r: number, c: number) => {
            const row = rows()[r] ?? missing(r, rows().length);
            return element(row.children?.[c] ?? missing(c, row.children?.length ?? 0));
          },
          appendTableRow: () => {
            const row: DocNode = { type: 'TABLE_ROW', attrs: {}, children: [] };
            rows().push(row);
            return element(row);
          },
          removeRow: (i: number) => element(rows().splice(i, 1)[0] ?? missing(i, rows().length)),
        });
        break;
      }
      case 'TABLE_ROW': {
        const cells = () => (n.children ??= []);
        f = facade('TableRow', {
          ...common(n, self),
          getNumCells: () => cells().length,
          getNumChildren: () => cells().length,
          getCell: (i: number) => element(cells()[i] ?? missing(i, cells().length)),
          getChild: (i: number) => element(cells()[i] ?? missing(i, cells().length)),
          appendTableCell: (text?: string | GoogleAppsScript.Document.TableCell | null) => {
            if (text !== undefined && text !== null && typeof text !== 'string')
              throw env.error('Simulator: TableRow.appendTableCell(TableCell) is not implemented');
            const cell: DocNode = {
              type: 'TABLE_CELL',
              attrs: {},
              children: [para(text ?? '')],
            };
            cells().push(cell);
            return element(cell);
          },
        });
        break;
      }
      case 'TABLE_CELL':
        f = facade('TableCell', {
          ...common(n, self),
          ...cellContainer(container(() => (n.children ??= []), self, 'TableCell')),
          getType: () => ElementType.TABLE_CELL,
          copy: () => element(clone(n)),
          getAttributes: () => attrsOut(n),
          setAttributes: (a: unknown) => (Object.assign(n.attrs, attrsIn(a)), self()),
        });
        break;
    }
    nodes.set(f!, n);
    return f!;
  }

  function missing(i: number, count: number): never {
    throw env.error(`Child index (${i}) must be less than the number of child elements (${count}).`);
  }

  function body(doc: DocState): object {
    const self = (): object => f;
    const f: object = facade('Body', {
      ...container(() => doc.body, self, 'Body'),
      getType: () => ElementType.BODY_SECTION,
      getParent: () => null,
      getAttributes: () => env.obj({}),
      setAttributes: () => self(),
      copy: () => {
        throw env.error('Simulator: Body.copy is not implemented');
      },
    });
    return f;
  }

  function documentFacade(doc: DocState): object {
    const f: object = facade('Document', {
      getId: () => doc.id,
      getUrl: () => `https://docs.google.com/document/d/${doc.id}/edit`,
      getName: () => doc.name,
      setName: (name: string) => ((doc.name = String(name)), f),
      getBody: () => body(doc),
      saveAndClose: () => {
        doc.saves++;
      },
      getHeader: () => null,
      getFooter: () => null,
    });
    return f;
  }

  const app = {
    ElementType,
    ParagraphHeading,
    Attribute,
    GlyphType,
    HorizontalAlignment,
    create: (name: string) => {
      requireScope();
      const n = String(name ?? '');
      if (!n.trim()) throw env.error('Invalid argument: name');
      const doc: DocState = {
        id: core.fileId('Doc'),
        name: n,
        owner: core.exec.user,
        createdAt: core.clock.now().toISOString(),
        body: [para('')],
        saves: 0,
      };
      state().docs[doc.id] = doc;
      return documentFacade(doc);
    },
    openById: (id: string) => {
      requireScope();
      return documentFacade(findDoc(id));
    },
    openByUrl: (url: string) => {
      requireScope();
      const m = /\/document\/d\/([A-Za-z0-9_-]+)/.exec(String(url));
      if (!m) throw env.error('Invalid argument: url');
      return documentFacade(findDoc(m[1]));
    },
    getActiveDocument: () => null,
  };
  return facade('DocumentApp', app, {
    default: ELEMENT_MS,
    create: 800,
    openById: 500,
    openByUrl: 500,
    getActiveDocument: 0,
  });
}

// ---- Test and playground access (unmetered, host realm) ------------------------------------------------------

export interface TemplateElementSpec {
  type?: 'PARAGRAPH' | 'LIST_ITEM' | 'TABLE';
  text?: string;
  heading?: string;
  attrs?: Record<string, unknown>;
  cells?: string[][];
}

/** A summary of one element, for assertions. */
export interface DocElementView {
  type: NodeType | 'HORIZONTAL_RULE';
  text: string;
  heading: string;
  attrs: Record<string, unknown>;
  /** The text in stretches of one style (the paragraph's text attributes included); tables' cells in `cells`. */
  runs: Array<{ text: string; attrs: Record<string, unknown> }>;
  cells?: string[][];
}

export function simDocuments(sim: { core: SimCore }) {
  const st = () => docsState(sim.core);
  return {
    /** Every Doc, oldest first. */
    list(): DocState[] {
      return Object.values(st().docs);
    },
    get(id: string): DocState | undefined {
      return st().docs[id];
    },
    /** The Doc's body text, elements separated by new lines (like Body.getText). */
    text(id: string): string {
      const d = st().docs[id];
      if (!d) throw new Error(`Simulator: no Doc ${id}`);
      return d.body.map(nodeText).join('\n');
    },
    elements(id: string): DocElementView[] {
      const d = st().docs[id];
      if (!d) throw new Error(`Simulator: no Doc ${id}`);
      return d.body.map((n) => ({
        type: n.hr ? 'HORIZONTAL_RULE' : n.type,
        text: nodeText(n),
        heading: String(n.attrs.HEADING ?? 'NORMAL'),
        attrs: { ...n.attrs },
        runs: n.type === 'TABLE' ? [] : effectiveRuns(n),
        ...(n.type === 'TABLE'
          ? { cells: (n.children ?? []).map((row) => (row.children ?? []).map((cell) => nodeText(cell))) }
          : {}),
      }));
    },
    /** Makes a Doc (e.g. a school's template) owned by the current user. */
    createDoc(name: string, elements: TemplateElementSpec[]): string {
      const id = sim.core.fileId('Doc');
      const body = elements.map((e): DocNode => {
        if (e.type === 'TABLE') return table(e.cells ?? [['']]);
        const n = para(e.text ?? '', { ...(e.heading ? { HEADING: e.heading } : {}), ...(e.attrs ?? {}) });
        if (e.type === 'LIST_ITEM') {
          n.type = 'LIST_ITEM';
          n.attrs = { GLYPH_TYPE: 'BULLET', NESTING_LEVEL: 0, ...n.attrs };
        }
        return n;
      });
      st().docs[id] = {
        id,
        name,
        owner: sim.core.defaultUser,
        createdAt: sim.core.clock.now().toISOString(),
        body: body.length ? body : [para('')],
        saves: 0,
      };
      return id;
    },
    /**
     * The next `times` calls of `method` throw `message`. Keys: "DocumentApp.create", "DocumentApp.openById",
     * "Body.appendParagraph", "Paragraph.setHeading", "Body.*" (any Body method), "Docs.*" (any Docs call).
     */
    failNext(method: string, times = 1, message = 'Service Documents failed while accessing document with id.'): void {
      st().faults[method] = { times, message };
    },
    pendingFaults(): Record<string, FaultState> {
      return { ...st().faults };
    },
  };
}
