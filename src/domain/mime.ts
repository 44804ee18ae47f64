// An RFC 2822 / MIME message for a Gmail draft: multipart/alternative (plain text + HTML), UTF-8 bodies in
// base64, UTF-8 headers as RFC 2047 encoded words, and the whole message base64url-encoded for the Gmail API.
// Pure TypeScript: Apps Script has no Buffer and the domain uses no Apps Script service.
import { cellString } from './text';

export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate cannot be encoded
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : -1;
    const c = i + 2 < bytes.length ? bytes[i + 2] : -1;
    out += B64[a >> 2] + B64[((a & 3) << 4) | (b < 0 ? 0 : b >> 4)];
    out += b < 0 ? '=' : B64[((b & 15) << 2) | (c < 0 ? 0 : c >> 6)];
    out += c < 0 ? '=' : B64[c & 63];
  }
  return out;
}

/** base64url without padding, as the Gmail API's `raw` field takes it. */
export function base64Url(bytes: readonly number[]): string {
  return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Lines of at most 76 characters (RFC 2045). */
function wrap76(text: string): string {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 76) lines.push(text.slice(i, i + 76));
  return lines.join('\r\n');
}

/** Header text on one line: CR, LF and other controls would let a value start a header of its own. */
function oneLine(text: string): string {
  return cellString(text)
    .replace(/\p{Cc}+/gu, ' ')
    .trim();
}

const PLAIN_HEADER = /^[\x20-\x7e]*$/;

/**
 * RFC 2047 encoded words (`=?UTF-8?B?…?=`), each at most 75 characters and never splitting a character,
 * folded onto continuation lines. ASCII text short enough for one line is returned as it is.
 */
export function encodeHeaderText(text: string, plainLimit = 70): string {
  const t = oneLine(text);
  if (PLAIN_HEADER.test(t) && t.length <= plainLimit && !/=\?/.test(t)) return t;
  const words: string[] = [];
  let chunk: number[] = [];
  for (const ch of t) {
    const bytes = utf8Bytes(ch);
    if (chunk.length + bytes.length > 45) {
      words.push(`=?UTF-8?B?${base64(chunk)}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length || words.length === 0) words.push(`=?UTF-8?B?${base64(chunk)}?=`);
  return words.join('\r\n ');
}

/** `"Name" <address>` with the name quoted or encoded; just the address without a name. */
export function mailbox(address: string, name?: string): string {
  const addr = oneLine(address).replace(/[<>",;\s]/g, '');
  const n = oneLine(name ?? '');
  if (!n) return addr;
  if (PLAIN_HEADER.test(n) && n.length <= 60) return `"${n.replace(/(["\\])/g, '\\$1')}" <${addr}>`;
  return `${encodeHeaderText(n, 0)} <${addr}>`;
}

function addressList(addresses: readonly string[]): string {
  return addresses.map((a) => mailbox(a)).join(',\r\n ');
}

export interface MimeMessage {
  from?: { address: string; name?: string };
  to?: readonly string[];
  cc?: readonly string[];
  bcc?: readonly string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /**
   * Headers of Small Wins' own (e.g. X-Small-Wins-Issue): names X-…, values printable ASCII on one line, written as
   * they are (never encoded), so what Gmail gives back is the same text.
   */
  extraHeaders?: Readonly<Record<string, string>>;
  /** Boundary seed, so tests are repeatable; any string of letters and digits. */
  boundarySeed?: string;
}

function part(contentType: string, body: string): string {
  return [
    `Content-Type: ${contentType}; charset="UTF-8"`,
    'Content-Transfer-Encoding: base64',
    '',
    wrap76(base64(utf8Bytes(body))),
  ].join('\r\n');
}

/** The message as RFC 2822 text (CRLF line ends, 7-bit clean). */
export function buildMime(m: MimeMessage): string {
  const boundary = `=_SmallWins_${(m.boundarySeed ?? 'b').replace(/[^A-Za-z0-9]/g, '')}_alt`;
  const headers: string[] = ['MIME-Version: 1.0'];
  if (m.from?.address) headers.push(`From: ${mailbox(m.from.address, m.from.name)}`);
  if (m.to?.length) headers.push(`To: ${addressList(m.to)}`);
  if (m.cc?.length) headers.push(`Cc: ${addressList(m.cc)}`);
  if (m.bcc?.length) headers.push(`Bcc: ${addressList(m.bcc)}`);
  if (m.replyTo) headers.push(`Reply-To: ${mailbox(m.replyTo)}`);
  headers.push(`Subject: ${encodeHeaderText(m.subject)}`);
  for (const [name, value] of Object.entries(m.extraHeaders ?? {})) {
    const text = oneLine(value);
    if (!/^X-[A-Za-z0-9-]+$/.test(name) || !PLAIN_HEADER.test(text) || text.length > 900)
      throw new Error(`The header ${name} cannot carry "${text.slice(0, 40)}".`);
    headers.push(`${name}: ${text}`);
  }
  headers.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
  const text = m.text.replace(/\r?\n/g, '\r\n');
  return [
    headers.join('\r\n'),
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    part('text/plain', text),
    `--${boundary}`,
    part('text/html', m.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** The Gmail API's `raw`: the whole message, base64url. */
export function rawMessage(m: MimeMessage): string {
  return base64Url(utf8Bytes(buildMime(m)));
}
