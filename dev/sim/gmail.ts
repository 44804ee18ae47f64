// The advanced Gmail service fake (Gmail.Users.Drafts: create with a base64url raw RFC 2822 message, get,
// list, remove), requiring a Gmail scope in the manifest. Drafts are kept with their decoded headers and
// bodies for tests; nothing is ever sent. Register with createSimulator({ services: { Gmail: gmailService } }).
import type { ServiceEnv, SimCore } from './core';
import { manifestScopes, takeFault, type FaultState } from './documents';

export interface ParsedMessage {
  /** Header name (lower case) → decoded value (RFC 2047 words decoded, folding removed). */
  headers: Record<string, string>;
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
  id: string;
  messageId: string;
  threadId: string;
  owner: string;
  createdAt: string;
  raw: string;
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
  body: string;
}

function splitHeaders(text: string): RawPart {
  const at = text.search(/\r?\n\r?\n/);
  const head = at < 0 ? text : text.slice(0, at);
  const body = at < 0 ? '' : text.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const m = /^([!-9;-~]+):\s?(.*)$/.exec(line);
    if (!m) throw new Error(`Invalid header line: ${JSON.stringify(line.slice(0, 60))}`);
    const name = m[1].toLowerCase();
    headers[name] = headers[name] !== undefined ? `${headers[name]}, ${m[2]}` : m[2];
  }
  return { headers, body };
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
  const walk = (part: RawPart) => {
    const ct = part.headers['content-type'] ?? 'text/plain';
    const type = ct.split(';')[0].trim().toLowerCase();
    contentTypes.push(type);
    if (type.startsWith('multipart/')) {
      const boundary = param(ct, 'boundary');
      if (!boundary) throw new Error('a multipart part has no boundary');
      const chunks = part.body.split(`--${boundary}`);
      if (!part.body.includes(`--${boundary}--`)) throw new Error('the multipart body has no closing boundary');
      for (const chunk of chunks.slice(1)) {
        if (chunk.startsWith('--')) break;
        walk(splitHeaders(chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
      }
    } else if (type === 'text/plain' && !plain) plain = decodeBody(part);
    else if (type === 'text/html' && !html) html = decodeBody(part);
  };
  walk(top);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(top.headers)) headers[k] = decodeWords(v);
  return {
    headers,
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
  const view = (d: DraftState, withRaw: boolean) =>
    env.obj({
      id: d.id,
      message: env.obj({
        id: d.messageId,
        threadId: d.threadId,
        labelIds: env.arr(['DRAFT']),
        ...(withRaw ? { raw: d.raw } : {}),
      }),
    });

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
      return view(d, false);
    },
    get: (userId: unknown, id: unknown, options?: { format?: string }) => {
      check('get');
      me(userId);
      return view(mine(id), options?.format === 'raw');
    },
    list: (userId: unknown) => {
      check('list');
      me(userId);
      const list = state()
        .drafts.filter((d) => d.owner === core.exec.user && !d.deleted && !d.sent)
        .map((d) => view(d, false));
      return env.obj(
        list.length ? { drafts: env.arr(list), resultSizeEstimate: list.length } : { resultSizeEstimate: 0 },
      );
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
      Drafts: env.metered('Gmail.Users.Drafts', Drafts, { default: 200, create: 400 }),
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
    /** The next `times` calls fail: "Gmail.Users.Drafts.create", "Gmail.Users.Drafts.remove", "Gmail.*". */
    failNext(
      method: string,
      times = 1,
      message = 'GoogleJsonResponseException: API call to gmail.users.drafts.create failed with error: Backend Error',
    ): void {
      st().faults[method] = { times, message };
    },
  };
}
