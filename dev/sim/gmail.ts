// The advanced Gmail service fake (Gmail.Users.Drafts: create with a base64url raw RFC 2822 message, get in the
// four formats, list with a search query, update, remove), requiring a Gmail scope in the manifest. Drafts are kept
// with their decoded headers and bodies for tests; nothing is ever sent. Register with
// createSimulator({ services: { Gmail: gmailService } }).
import type { ServiceEnv, SimCore } from './core';
import { manifestScopes, takeFault, type FaultState } from './documents';

export interface ParsedMessage {
  /** Header name (lower case) → decoded value (RFC 2047 words decoded, folding removed). */
  headers: Record<string, string>;
  /** The top-level headers in message order, names as written, values decoded (what the API's payload.headers holds). */
  headerList: Array<{ name: string; value: string }>;
  /** The MIME tree, for the API's `full` format. */
  tree: MimeNode;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string;
  subject: string;
  /** Content types of the parts, e.g. ["multipart/alternative", "text/plain", "text/html"]. */
  contentTypes: string[];
  text: string;
  html: string;
}

export interface DraftState extends ParsedMessage {
  /** Creation order (the simulator's ID counter): newer drafts have larger numbers. */
  n: number;
  id: string;
  messageId: string;
  threadId: string;
  owner: string;
  createdAt: string;
  raw: string;
  /** Set when Drafts.update replaced its content. */
  updatedAt?: string;
  deleted: boolean;
  /** Set by simGmail(sim).send(id): a person sent it from Gmail. */
  sent: boolean;
}

interface GmailState {
  drafts: DraftState[];
  faults: Record<string, FaultState>;
}

const STATE = 'gmail';
const GMAIL_SCOPES = [
  'https://www.googleapis.com/auth/gmail.compose',
  'https://mail.google.com/',
  'https://www.googleapis.com/auth/gmail.modify',
];

function gmailState(core: SimCore): GmailState {
  if (!(STATE in core.extensions)) core.extensions[STATE] = { drafts: [], faults: {} } satisfies GmailState;
  return core.extensions[STATE] as GmailState;
}

// ---- MIME decoding --------------------------------------------------------------------------------------

function decodeBase64Url(raw: string): Buffer {
  const s = String(raw);
  if (!/^[A-Za-z0-9\-_+/]*={0,2}$/.test(s))
    throw new Error("Invalid value at 'draft.message.raw' (TYPE_BYTES), Base64 decoding failed");
  return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

/** Decodes RFC 2047 encoded words (B and Q, UTF-8 or Latin-1); whitespace between adjacent words is dropped. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, text: string) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            );
      return /utf-?8/i.test(charset) ? bytes.toString('utf8') : bytes.toString('latin1');
    });
}

interface RawPart {
  headers: Record<string, string>;
  list: Array<{ name: string; value: string }>;
  body: string;
}

/** One part of a parsed message: its headers, its decoded body (leaf parts) or its parts (multipart). */
export interface MimeNode {
  mimeType: string;
  headers: Array<{ name: string; value: string }>;
  body: string;
  parts: MimeNode[];
}

function splitHeaders(text: string): RawPart {
  const at = text.search(/\r?\n\r?\n/);
  const head = at < 0 ? text : text.slice(0, at);
  const body = at < 0 ? '' : text.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  const list: Array<{ name: string; value: string }> = [];
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const m = /^([!-9;-~]+):\s?(.*)$/.exec(line);
    if (!m) throw new Error(`Invalid header line: ${JSON.stringify(line.slice(0, 60))}`);
    const name = m[1].toLowerCase();
    headers[name] = headers[name] !== undefined ? `${headers[name]}, ${m[2]}` : m[2];
    list.push({ name: m[1], value: m[2] });
  }
  return { headers, list, body };
}

function param(header: string, name: string): string | null {
  const m = new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(header);
  return m ? m[1] : null;
}

function decodeBody(part: RawPart): string {
  const enc = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase().trim();
  const charset = param(part.headers['content-type'] ?? '', 'charset') ?? 'us-ascii';
  let bytes: Buffer;
  if (enc === 'base64') bytes = Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  else if (enc === 'quoted-printable')
    bytes = Buffer.from(
      part.body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    );
  else bytes = Buffer.from(part.body, 'latin1');
  return /utf-?8/i.test(charset) || /us-ascii/i.test(charset) ? bytes.toString('utf8') : bytes.toString('latin1');
}

function addresses(value: string | undefined): string[] {
  if (!value) return [];
  return decodeWords(value)
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => /<([^<>]+)>\s*$/.exec(s)?.[1] ?? s);
}

/** Parses an RFC 2822 message: headers decoded, multipart walked, text and HTML bodies decoded. */
export function parseMessage(text: string): ParsedMessage {
  if (/[^\p{ASCII}]/u.test(text)) throw new Error('the message has 8-bit characters outside an encoded body');
  const top = splitHeaders(text);
  const contentTypes: string[] = [];
  let plain = '';
  let html = '';
  const walk = (part: RawPart): MimeNode => {
    const ct = part.headers['content-type'] ?? 'text/plain';
    const type = ct.split(';')[0].trim().toLowerCase();
    contentTypes.push(type);
    const node: MimeNode = {
      mimeType: type,
      headers: part.list.map((h) => ({ name: h.name, value: decodeWords(h.value) })),
      body: '',
      parts: [],
    };
    if (type.startsWith('multipart/')) {
      const boundary = param(ct, 'boundary');
      if (!boundary) throw new Error('a multipart part has no boundary');
      const chunks = part.body.split(`--${boundary}`);
      if (!part.body.includes(`--${boundary}--`)) throw new Error('the multipart body has no closing boundary');
      for (const chunk of chunks.slice(1)) {
        if (chunk.startsWith('--')) break;
        node.parts.push(walk(splitHeaders(chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, ''))));
      }
      return node;
    }
    node.body = decodeBody(part);
    if (type === 'text/plain' && !plain) plain = node.body;
    else if (type === 'text/html' && !html) html = node.body;
    return node;
  };
  const tree = walk(top);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(top.headers)) headers[k] = decodeWords(v);
  return {
    headers,
    headerList: tree.headers,
    tree,
    from: headers.from ?? '',
    to: addresses(top.headers.to),
    cc: addresses(top.headers.cc),
    bcc: addresses(top.headers.bcc),
    replyTo: addresses(top.headers['reply-to'])[0] ?? '',
    subject: headers.subject ?? '',
    contentTypes,
    text: plain,
    html,
  };
}

// ---- Search (the `q` of Drafts.list) -----------------------------------------------------------------------

/** Words as Gmail's search sees them: runs of letters and digits, case folded; punctuation separates words. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function hasPhrase(haystack: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return true;
  for (let i = 0; i + phrase.length <= haystack.length; i++)
    if (phrase.every((w, j) => haystack[i + j] === w)) return true;
  return false;
}

/**
 * The part of Gmail's search box syntax the simulator knows: `subject:word`, `subject:"a phrase"` (the words in that
 * order) and `subject:(some words)` (each word somewhere in the subject), several terms meaning all of them.
 * Anything else throws "not implemented" rather than matching by a guess.
 */
export function searchMatcher(q: string): (m: ParsedMessage) => boolean {
  const terms: Array<(subject: string[]) => boolean> = [];
  const re = /\s*(?:subject:(?:"([^"]*)"|\(([^)]*)\)|([^\s"()]+))|(\S+))/gy;
  const text = String(q ?? '').trim();
  let m: RegExpExecArray | null;
  while (text && (m = re.exec(text)) !== null) {
    if (m[4] !== undefined)
      throw new Error(`Simulator: the Gmail search term ${JSON.stringify(m[4])} is not implemented (only subject:).`);
    if (m[1] !== undefined) {
      const phrase = words(m[1]);
      terms.push((s) => hasPhrase(s, phrase));
    } else {
      const all = words(m[2] ?? m[3] ?? '');
      terms.push((s) => all.every((w) => s.includes(w)));
    }
    if (re.lastIndex >= text.length) break;
  }
  return (msg) => {
    const subject = words(msg.subject);
    return terms.every((t) => t(subject));
  };
}

// ---- The service ---------------------------------------------------------------------------------------------

export function gmailService(env: ServiceEnv): unknown {
  const { core } = env;
  const state = () => gmailState(core);

  const check = (method: string) => {
    core.requireAuth(`Gmail.${method}`);
    const scopes = manifestScopes(core);
    if (scopes && !scopes.some((s) => GMAIL_SCOPES.includes(s))) {
      throw env.error(
        `GoogleJsonResponseException: API call to gmail.users.drafts.${method} failed with error: Request had insufficient authentication scopes.`,
      );
    }
    takeFault(state().faults, [`Gmail.Users.Drafts.${method}`, 'Gmail.*'], env.error);
  };
  const me = (userId: unknown) => {
    const u = String(userId ?? '');
    if (u !== 'me' && u !== core.exec.user)
      throw env.error(
        'GoogleJsonResponseException: API call failed with error: Delegation denied for ' + core.exec.user,
      );
  };
  const mine = (id: unknown) => {
    const d = state().drafts.find((x) => x.id === String(id) && x.owner === core.exec.user && !x.deleted && !x.sent);
    if (!d)
      throw env.error(
        `GoogleJsonResponseException: API call to gmail.users.drafts failed with error: Requested entity was not found.`,
      );
    return d;
  };
  /** What Drafts.list gives per draft: only the IDs (the reference: "Message property only contains id and threadId"). */
  const listed = (d: DraftState) => env.obj({ id: d.id, message: env.obj({ id: d.messageId, threadId: d.threadId }) });
  const headersOf = (list: ReadonlyArray<{ name: string; value: string }>) =>
    env.arr(list.map((h) => env.obj({ name: h.name, value: h.value })));
  const b64url = (text: string) =>
    Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const partOf = (node: MimeNode, partId: string): unknown =>
    env.obj({
      partId,
      mimeType: node.mimeType,
      filename: '',
      headers: headersOf(node.headers),
      body: env.obj(
        node.parts.length ? { size: 0 } : { size: Buffer.byteLength(node.body, 'utf8'), data: b64url(node.body) },
      ),
      ...(node.parts.length
        ? { parts: env.arr(node.parts.map((p, i) => partOf(p, partId ? `${partId}.${i}` : String(i)))) }
        : {}),
    });
  /** Drafts.get in one of the API's formats: minimal (IDs and labels), metadata (+ headers), full (+ parsed parts), raw. */
  const view = (d: DraftState, format: string) => {
    // Drafts saved by an older playground state carry no tree: parse their raw message again.
    if (!d.tree || !d.headerList) Object.assign(d, parseMessage(decodeBase64Url(d.raw).toString('latin1')));
    const base = {
      id: d.messageId,
      threadId: d.threadId,
      labelIds: env.arr(['DRAFT']),
      snippet: d.text.replace(/\s+/g, ' ').trim().slice(0, 200),
      historyId: String(d.n ?? 0),
      internalDate: String(Date.parse(d.createdAt)),
      sizeEstimate: d.raw.length,
    };
    let extra: Record<string, unknown> = {};
    if (format === 'raw') extra = { raw: d.raw };
    else if (format === 'metadata')
      extra = { payload: env.obj({ mimeType: d.tree.mimeType, headers: headersOf(d.headerList) }) };
    else if (format === 'full') extra = { payload: partOf(d.tree, '') };
    return env.obj({ id: d.id, message: env.obj({ ...base, ...extra }) });
  };
  const FORMATS = ['minimal', 'metadata', 'full', 'raw'];

  const Drafts = {
    create: (resource: unknown, userId: unknown) => {
      check('create');
      me(userId);
      const raw = (resource as { message?: { raw?: unknown } } | null)?.message?.raw;
      if (typeof raw !== 'string' || !raw)
        throw env.error(
          'GoogleJsonResponseException: API call to gmail.users.drafts.create failed with error: Invalid draft: message.raw is required',
        );
      let parsed: ParsedMessage;
      try {
        parsed = parseMessage(decodeBase64Url(raw).toString('latin1'));
      } catch (e) {
        throw env.error(
          `GoogleJsonResponseException: API call to gmail.users.drafts.create failed with error: ${(e as Error).message}`,
        );
      }
      const n = core.nextId();
      const d: DraftState = {
        ...parsed,
        n: state().drafts.length + 1,
        id: `r-${n}`,
        messageId: `m${n}`,
        threadId: `t${n}`,
        owner: core.exec.user,
        createdAt: core.clock.now().toISOString(),
        raw,
        deleted: false,
        sent: false,
      };
      state().drafts.push(d);
      // A fault injected with { after: true }: Gmail made the draft, then the call failed (a timeout on the way back).
      takeFault(state().faults, ['Gmail.Users.Drafts.create:after', 'Gmail.*:after'], env.error);
      return env.obj({
        id: d.id,
        message: env.obj({ id: d.messageId, threadId: d.threadId, labelIds: env.arr(['DRAFT']) }),
      });
    },
    get: (userId: unknown, id: unknown, options?: { format?: unknown }) => {
      check('get');
      me(userId);
      const format = options?.format === undefined ? 'full' : String(options.format);
      if (!FORMATS.includes(format))
        throw env.error(
          `GoogleJsonResponseException: API call to gmail.users.drafts.get failed with error: Invalid value at 'format' (${format})`,
        );
      return view(mine(id), format);
    },
    /** Newest first; optional arguments q (search), maxResults (default 100, at most 500) and pageToken. */
    list: (userId: unknown, options?: { q?: unknown; maxResults?: unknown; pageToken?: unknown }) => {
      check('list');
      me(userId);
      const max = options?.maxResults === undefined ? 100 : Math.floor(Number(options.maxResults));
      if (!(max >= 1))
        throw env.error(
          'GoogleJsonResponseException: API call to gmail.users.drafts.list failed with error: Invalid maxResults',
        );
      const size = Math.min(max, 500);
      let matches: (m: ParsedMessage) => boolean = () => true;
      if (options?.q !== undefined && String(options.q).trim()) {
        try {
          matches = searchMatcher(String(options.q));
        } catch (e) {
          throw env.error((e as Error).message);
        }
      }
      const all = state()
        .drafts.filter((d) => d.owner === core.exec.user && !d.deleted && !d.sent && matches(d))
        .slice()
        .reverse();
      const start = options?.pageToken ? Number(String(options.pageToken).replace(/^p/, '')) || 0 : 0;
      const page = all.slice(start, start + size);
      const more = start + size < all.length;
      return env.obj({
        ...(page.length ? { drafts: env.arr(page.map(listed)) } : {}),
        ...(more ? { nextPageToken: `p${start + size}` } : {}),
        resultSizeEstimate: all.length,
      });
    },
    /** Replaces the draft's content (users.drafts.update): the same draft ID, a new message; never sends. */
    update: (resource: unknown, userId: unknown, id: unknown) => {
      check('update');
      me(userId);
      const d = mine(id);
      const raw = (resource as { message?: { raw?: unknown } } | null)?.message?.raw;
      if (typeof raw !== 'string' || !raw)
        throw env.error(
          'GoogleJsonResponseException: API call to gmail.users.drafts.update failed with error: Invalid draft: message.raw is required',
        );
      let parsed: ParsedMessage;
      try {
        parsed = parseMessage(decodeBase64Url(raw).toString('latin1'));
      } catch (e) {
        throw env.error(
          `GoogleJsonResponseException: API call to gmail.users.drafts.update failed with error: ${(e as Error).message}`,
        );
      }
      const n = core.nextId();
      Object.assign(d, parsed, { messageId: `m${n}`, raw, updatedAt: core.clock.now().toISOString() });
      return env.obj({
        id: d.id,
        message: env.obj({ id: d.messageId, threadId: d.threadId, labelIds: env.arr(['DRAFT']) }),
      });
    },
    remove: (userId: unknown, id: unknown) => {
      check('remove');
      me(userId);
      mine(id).deleted = true;
    },
  };
  const Messages = {};
  return env.obj({
    Users: env.obj({
      Drafts: env.metered('Gmail.Users.Drafts', Drafts, { default: 200, create: 400, update: 400 }),
      Messages: env.metered('Gmail.Users.Messages', Messages, 200),
    }),
  });
}

// ---- Test and playground access ----------------------------------------------------------------------------

export function simGmail(sim: { core: SimCore }) {
  const st = () => gmailState(sim.core);
  return {
    /** Every draft ever created (deleted and sent ones flagged), oldest first. */
    all(): DraftState[] {
      return st().drafts;
    },
    /** Drafts still waiting in Gmail. */
    drafts(): DraftState[] {
      return st().drafts.filter((d) => !d.deleted && !d.sent);
    },
    get(id: string): DraftState | undefined {
      return st().drafts.find((d) => d.id === id);
    },
    /** A person sends the draft from Gmail: it leaves the drafts. */
    send(id: string): void {
      const d = st().drafts.find((x) => x.id === id);
      if (!d) throw new Error(`Simulator: no draft ${id}`);
      d.sent = true;
    },
    /**
     * The next `times` calls fail: "Gmail.Users.Drafts.create", "Gmail.Users.Drafts.list", "Gmail.*"… With
     * `{ after: true }` (create only) the draft is made first and the call fails on its way back, as when Gmail
     * times out after doing the work.
     */
    failNext(
      method: string,
      times = 1,
      message = 'GoogleJsonResponseException: API call to gmail.users.drafts.create failed with error: Backend Error',
      opts: { after?: boolean } = {},
    ): void {
      st().faults[opts.after ? `${method}:after` : method] = { times, message };
    },
  };
}
