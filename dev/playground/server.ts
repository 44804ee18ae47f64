// `npm start`: serves the offline playground on 127.0.0.1 — a page backed by the built add-on (dist/) running in
// the simulator, with JSON endpoints for everything a person does in the Sheet, the Form and the clock.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { zonedParts, zonedToMs } from '../sim';
import { bundleClient, type ClientBundle } from './bundle';
import { sentence, Session, VISITOR_ID } from './session';
import { withGoogleScript } from './shim';
import { VISITOR_HEADER, type ActionReply } from './types';
import { playgroundView } from './view';
import { districtView } from './district';
import { formatTime } from './client/format';

const ROOT = resolve(__dirname, '..', '..');
const HOUR = 3600000;
const MAX_BODY = 2_000_000;

export interface PlaygroundOptions {
  port?: number;
  host?: string;
  distDir?: string;
  stateFile?: string;
}

export interface Playground {
  url: string;
  session: Session;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((ok, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) fail(new HttpError(413, 'The request is too large.'));
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        const body = text ? (JSON.parse(text) as unknown) : {};
        if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
        ok(body as Record<string, unknown>);
      } catch {
        fail(new HttpError(400, 'The request body is not a JSON object.'));
      }
    });
    req.on('error', fail);
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

function pageHtml(bundle: ClientBundle): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Small Wins playground</title>
<style>${bundle.pageCss}</style>
</head>
<body>
<div id="app"></div>
<script>${bundle.pageJs.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>`;
}

/** A clock trigger as the simulator lists it: its schedule, with the next time it fires. */
type ClockTrigger = { type: string; schedule?: unknown };

/**
 * The first run of an hourly clock trigger at or after `fromMs` and within that hour (Google picks the minute, so the
 * newsletter due at 3 pm goes out at the tick between 3 and 4 pm), or null when no hourly trigger has one.
 */
export function firstRunFrom(fromMs: number, triggers: ClockTrigger[]): number | null {
  let first: number | null = null;
  for (const t of triggers) {
    const s = t.schedule as { kind?: string; every?: number; next?: string | null } | undefined;
    if (t.type !== 'CLOCK' || s?.kind !== 'hours' || !s.next) continue;
    const every = Math.max(1, Number(s.every ?? 1)) * HOUR;
    const next = Date.parse(s.next);
    const run = next >= fromMs ? next : next + Math.ceil((fromMs - next) / every) * every;
    if (run < fromMs + HOUR && (first === null || run < first)) first = run;
  }
  return first;
}

/** The clock control's targets, in the spreadsheet's time zone. */
function clockTarget(body: Record<string, unknown>, nowMs: number, tz: string, triggers: ClockTrigger[]): number {
  if (body.preset === 'friday-3pm') {
    const p = zonedParts(nowMs, tz);
    for (let k = 0; k <= 7; k++) {
      const day = new Date(Date.UTC(p.year, p.month - 1, p.day + k));
      const t = zonedToMs(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), 15, 0, 0, 0, tz);
      // Lands on the clock's run that drafts the 3 pm newsletter, once it has run.
      if (t > nowMs && zonedParts(t, tz).weekday === 5) return firstRunFrom(t, triggers) ?? t;
    }
  }
  if (body.preset === 'day') return nowMs + 24 * HOUR;
  if (body.preset === 'hour') return nowMs + HOUR;
  if (typeof body.local === 'string') {
    // A datetime-local value ("2026-11-27T15:00") read as wall-clock time in the spreadsheet's zone.
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(body.local);
    if (!m) throw new HttpError(400, 'Give the date and time as YYYY-MM-DDTHH:MM.');
    return zonedToMs(+m[1], +m[2], +m[3], +m[4], +m[5], 0, 0, tz);
  }
  if (typeof body.to === 'string' && Number.isFinite(Date.parse(body.to))) return Date.parse(body.to);
  throw new HttpError(
    400,
    'Say where to move the clock: preset "friday-3pm", "day" or "hour", local "YYYY-MM-DDTHH:MM", or to (ISO).',
  );
}

/**
 * Who is asking: the ID each browser tab keeps for itself (client/api.ts), sent as a header by the page and the
 * add-on pages' bridge, or in the query of an add-on page's address. A request without one is a visitor of its own.
 */
function visitorOf(req: IncomingMessage, url: URL): string {
  const id = req.headers[VISITOR_HEADER] ?? url.searchParams.get('visitor') ?? '';
  const one = Array.isArray(id) ? id[0] : id;
  return VISITOR_ID.test(one) ? one : 'anonymous';
}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string' || !v) throw new HttpError(400, `Missing ${what}.`);
  return v;
}

export async function startPlayground(opts: PlaygroundOptions = {}): Promise<Playground> {
  const distDir = opts.distDir ?? join(ROOT, 'dist');
  const session = new Session({ distDir, stateFile: opts.stateFile ?? join(ROOT, '.playground', 'state.json') });
  const started = session.start();
  if (started.note) console.warn(started.note);
  const bundle = await bundleClient();
  const index = pageHtml(bundle);

  /** Every action answers with its activity entry and the whole new view; alerts and toasts are shown once. */
  const reply = (res: ServerResponse, visitor: string, extra: Omit<ActionReply, 'view'>) => {
    const view = playgroundView(session, visitor);
    session.takeNotices(visitor);
    send(res, 200, 'application/json', JSON.stringify({ ...extra, view } satisfies ActionReply));
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const visitor = visitorOf(req, url);
    if (req.method === 'GET') {
      if (path === '/') return send(res, 200, 'text/html', index);
      if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      if (path === '/api/district') {
        const key = `${session.activity[session.activity.length - 1]?.n ?? 0}:${session.sim.meter.calls}`;
        return send(res, 200, 'application/json', JSON.stringify(districtView(session.sim, distDir, key)));
      }
      if (path === '/api/state') {
        const view = playgroundView(session, visitor);
        session.takeNotices(visitor);
        return send(res, 200, 'application/json', JSON.stringify(view));
      }
      const addon = /^\/addon\/(sidebar|dialog)\/(\d+)$/.exec(path);
      if (addon) {
        const kind = addon[1] as 'sidebar' | 'dialog';
        const page = session.page(kind, Number(addon[2]), visitor);
        if (!page) throw new HttpError(404, 'That sidebar or dialog is closed.');
        return send(res, 200, 'text/html', withGoogleScript(page.html, bundle.bridgeJs, kind, visitor));
      }
      throw new HttpError(404, 'Not found.');
    }
    if (req.method !== 'POST') throw new HttpError(405, 'Use GET or POST.');
    const body = await readJson(req);
    const sim = session.sim;
    switch (path) {
      case '/api/menu': {
        const fn = str(body.fn, 'menu function');
        const item = sim.ui.menus.flatMap((m) => m.items).find((i) => 'fn' in i && i.fn === fn) as
          { caption: string; fn: string } | undefined;
        if (!item) throw new HttpError(400, `The menu has no item that runs ${fn}.`);
        const { entry } = session.act(`Menu: Small Wins → ${item.caption}`, () => sim.run(fn), { visitor });
        return reply(res, visitor, { entry });
      }
      case '/api/run': {
        const fn = str(body.fn, 'function name');
        const args = Array.isArray(body.args) ? body.args : [];
        const { entry, value } = session.act(
          `google.script.run.${fn}(…) from the ${body.surface === 'dialog' ? 'dialog' : 'sidebar'}`,
          () => sim.runSidebar(fn, args),
          { visitor },
        );
        const result = value ?? { ok: false as const, error: entry.error ?? 'The script failed.' };
        if (!result.ok) entry.error = result.error;
        return reply(
          res,
          visitor,
          result.ok ? { entry, ok: true, value: result.value } : { entry, ok: false, error: result.error },
        );
      }
      case '/api/form/submit': {
        const formId = str(body.formId, 'form');
        const answers = (body.answers && typeof body.answers === 'object' ? body.answers : {}) as Record<
          string,
          string | string[]
        >;
        const email = typeof body.email === 'string' && body.email ? body.email : undefined;
        const { entry, error } = session.act(
          'Form response submitted (fires the form-submit trigger)',
          () => sim.submitForm(formId, answers, email ? { email } : {}),
          { visitor },
        );
        return reply(res, visitor, error ? { entry, ok: false, error } : { entry, ok: true });
      }
      case '/api/clock': {
        const target = clockTarget(body, sim.clock.now().getTime(), sim.spreadsheet.timeZone, sim.triggers());
        if (target < sim.clock.now().getTime()) throw new HttpError(400, 'The clock only moves forward.');
        const { entry, value } = session.act(
          `Clock moved to ${formatTime(new Date(target).toISOString(), sim.spreadsheet.timeZone)}`,
          () => session.passTime(target),
          { advanceClock: false, visitor },
        );
        if (value?.length) {
          entry.fired = value;
          session.save();
        }
        return reply(res, visitor, { entry });
      }
      case '/api/close': {
        session.close(body.kind === 'dialog' ? 'dialog' : 'sidebar', visitor);
        return send(res, 200, 'application/json', JSON.stringify(playgroundView(session, visitor)));
      }
      case '/api/open': {
        const { entry } = session.act('Opened the spreadsheet (onOpen builds the menu)', () => sim.open('LIMITED'), {
          visitor,
        });
        return reply(res, visitor, { entry });
      }
      case '/api/reset': {
        const entry = session.reset();
        return reply(res, visitor, { entry });
      }
      default:
        throw new HttpError(404, 'Not found.');
    }
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) console.error(e);
      send(res, status, 'application/json', JSON.stringify({ error: sentence(e) }));
    });
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 5173, host, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  return {
    url: `http://${host}:${port}/`,
    session,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        // Browsers keep connections open; without this, close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : 5173;
  try {
    const pg = await startPlayground({
      port,
      stateFile: process.env.PLAYGROUND_STATE || undefined,
      distDir: process.env.SW_DIST || undefined,
    });
    // Ctrl-C or a SIGTERM (from npm, a terminal closing, a process manager) stops the server and leaves nothing.
    const stop = (signal: NodeJS.Signals) => {
      console.log(`\n${signal}: stopping the playground.`);
      void pg.close().then(() => process.exit(0));
      setTimeout(() => process.exit(0), 2000).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.once('SIGHUP', stop);
    console.log(`Small Wins playground: ${pg.url}`);
    console.log(
      `State is saved in ${process.env.PLAYGROUND_STATE || '.playground/state.json'}; the Reset button restores the seeded school.`,
    );
  } catch (e) {
    const code = (e as { code?: string }).code;
    console.error(
      code === 'EADDRINUSE'
        ? `Port ${port} is in use: start with PORT=<another port> npm start.`
        : `The playground could not start: ${sentence(e)}`,
    );
    process.exit(1);
  }
}

if (require.main === module) void main();
