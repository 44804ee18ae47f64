// Utilities fake: formatDate (Java SimpleDateFormat patterns, via Intl), getUuid, sleep (advances
// the clock), base64, blobs and digests with Apps Script's signed byte arrays; plus Logger/console.
import * as crypto from 'node:crypto';
import { zonedParts, zoneShortName } from './clock';
import { MONTH_NAMES } from './cells';
import type { ServiceEnv } from './core';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Format like java.text.SimpleDateFormat with the given time zone (what Utilities.formatDate does). */
export function formatDate(ms: number, tz: string, pattern: string): string {
  const p = zonedParts(ms, tz);
  let out = '';
  let i = 0;
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      const stop = end < 0 ? pattern.length : end;
      out += pattern.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const off = p.offsetMinutes;
    const sign = off < 0 ? '-' : '+';
    const oh = pad(Math.floor(Math.abs(off) / 60), 2);
    const om = pad(Math.abs(off) % 60, 2);
    switch (ch) {
      case 'G':
        out += p.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTH_NAMES[p.month - 1] : n === 3 ? MONTH_NAMES[p.month - 1].slice(0, 3) : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'D': {
        const start = Date.UTC(p.year, 0, 1);
        out += pad(Math.round((Date.UTC(p.year, p.month - 1, p.day) - start) / 86400000) + 1, n);
        break;
      }
      case 'E':
        out += n >= 4 ? DAYS[p.weekday - 1] : DAYS[p.weekday - 1].slice(0, 3);
        break;
      case 'u':
        out += pad(p.weekday, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(((p.hour + 11) % 12) + 1, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, n);
        break;
      case 'z':
        out += n >= 4 ? tz : zoneShortName(ms, tz);
        break;
      case 'Z':
        out += `${sign}${oh}${om}`;
        break;
      case 'X':
        out += off === 0 ? 'Z' : n === 1 ? `${sign}${oh}` : n === 2 ? `${sign}${oh}${om}` : `${sign}${oh}:${om}`;
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}

const toSigned = (buf: Buffer): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));
const fromBytes = (data: unknown): Buffer =>
  Array.isArray(data) ? Buffer.from((data as number[]).map((b) => b & 255)) : Buffer.from(String(data), 'utf8');

export function utilitiesService(env: ServiceEnv) {
  const { core } = env;
  const Charset = env.enumOf('Utilities.Charset', ['US_ASCII', 'UTF_8']);
  const DigestAlgorithm = env.enumOf('Utilities.DigestAlgorithm', [
    'MD2',
    'MD5',
    'SHA_1',
    'SHA_256',
    'SHA_384',
    'SHA_512',
  ]);

  function blob(bytes: Buffer, contentType: string | null, name: string | null): object {
    let type = contentType;
    let nm = name;
    const self = {
      getBytes: () => env.arr(toSigned(bytes)),
      getDataAsString: (charset?: unknown) => bytes.toString(String(charset ?? '') === 'US_ASCII' ? 'latin1' : 'utf8'),
      getContentType: () => type,
      setContentType: (t: string | null) => ((type = t ?? ''), proxy),
      getName: () => nm,
      setName: (n: string) => ((nm = n), proxy),
      setDataFromString: (s: string) => ((bytes = Buffer.from(String(s), 'utf8')), proxy),
      copyBlob: () => blob(Buffer.from(bytes), type, nm),
      isGoogleType: () => false,
    };
    const proxy: object = env.metered('Blob', self, 1);
    return proxy;
  }

  const app = {
    formatDate: (reference: GoogleAppsScript.Base.Date, tz: string, pattern: string) => {
      const date = reference as unknown as Date;
      if (!date || typeof (date as Date).getTime !== 'function')
        throw env.error(
          'The parameters (' +
            typeof date +
            ",String,String) don't match the method signature for Utilities.formatDate.",
        );
      try {
        return formatDate((date as Date).getTime(), String(tz), String(pattern));
      } catch (e) {
        throw env.error((e as Error).message);
      }
    },
    formatString: (template: string, ...args: unknown[]) => {
      let k = 0;
      return String(template).replace(/%([sdif%])/g, (_m, t: string) =>
        t === '%' ? '%' : String(t === 'd' || t === 'i' ? Math.trunc(Number(args[k++])) : args[k++]),
      );
    },
    getUuid: () => crypto.randomUUID(),
    sleep: (ms: number) => {
      const t = Math.max(0, Number(ms) || 0);
      const until = core.clock.nowMs() + t;
      core.meter.addSleep(t);
      // The meter may already have moved the clock (clockFollowsCalls): sleep only the rest.
      if (core.clock.nowMs() < until) core.clock.advance(until - core.clock.nowMs());
    },
    base64Encode: (data: unknown) => fromBytes(data).toString('base64'),
    base64EncodeWebSafe: (data: unknown) => fromBytes(data).toString('base64').replace(/\+/g, '-').replace(/\//g, '_'),
    base64Decode: (s: string) => env.arr(toSigned(Buffer.from(String(s), 'base64'))),
    base64DecodeWebSafe: (s: string) =>
      env.arr(toSigned(Buffer.from(String(s).replace(/-/g, '+').replace(/_/g, '/'), 'base64'))),
    newBlob: (data?: unknown, contentType?: string, name?: string) =>
      blob(data === undefined ? Buffer.alloc(0) : fromBytes(data), contentType ?? null, name ?? null),
    computeDigest: (alg: unknown, value: unknown) => {
      const map: Record<string, string> = {
        MD5: 'md5',
        SHA_1: 'sha1',
        SHA_256: 'sha256',
        SHA_384: 'sha384',
        SHA_512: 'sha512',
      };
      const a = map[String(alg)];
      if (!a) throw env.error(`Simulator: Utilities.computeDigest(${String(alg)}) is not implemented`);
      return env.arr(toSigned(crypto.createHash(a).update(fromBytes(value)).digest()));
    },
    computeHmacSha256Signature: (value: unknown, key: unknown) =>
      env.arr(toSigned(crypto.createHmac('sha256', fromBytes(key)).update(fromBytes(value)).digest())),
    Charset,
    DigestAlgorithm,
  };
  return { Utilities: env.metered('Utilities', app, 1) };
}

export function loggingServices(env: ServiceEnv) {
  const { core } = env;
  const fmt = (args: unknown[]) =>
    args
      .map((a) => {
        if (typeof a === 'string') return a;
        if (a instanceof env.realm.Error || a instanceof Error) return String((a as Error).stack ?? a);
        if (typeof a === 'object' && a !== null && !Array.isArray(a)) {
          const ts = (a as { toString?: unknown }).toString;
          if (
            typeof ts === 'function' &&
            ts !== Object.prototype.toString &&
            ts !== env.realm.Object.prototype.toString
          )
            return String(a);
        }
        try {
          return typeof a === 'object' && a !== null ? JSON.stringify(a) : String(a);
        } catch {
          return String(a);
        }
      })
      .join(' ');
  const logger = {
    log: (first: unknown, ...rest: unknown[]) => {
      // Logger.log(format, values...) substitutes %s like Java's String.format
      if (typeof first === 'string' && rest.length && /%s/.test(first)) {
        let k = 0;
        core.logs.push(first.replace(/%s/g, () => fmt([rest[k++]])));
      } else core.logs.push(fmt([first, ...rest]));
      return proxy;
    },
    getLog: () => core.logs.join('\n'),
    clear: () => {
      core.logs.length = 0;
    },
  };
  const proxy = env.metered('Logger', logger, 0);
  const line =
    (level: string) =>
    (...args: unknown[]) => {
      core.logs.push(level ? `${level}: ${fmt(args)}` : fmt(args));
    };
  const consoleObj = env.obj({
    log: line(''),
    info: line('INFO'),
    warn: line('WARNING'),
    error: line('ERROR'),
    debug: line('DEBUG'),
    time: () => undefined,
    timeEnd: () => undefined,
  });
  return { Logger: proxy, console: consoleObj };
}
