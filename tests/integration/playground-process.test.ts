// `npm start`'s server process: a SIGTERM (or Ctrl-C's SIGINT) stops it and everything it started, leaving no
// process behind and the port free.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from '../helpers/addon';

const root = join(__dirname, '..', '..');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function refused(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), ok(false)));
    socket.once('error', () => ok(true));
  });
}

test.each(['SIGTERM', 'SIGINT'] as const)(
  '%s stops the playground server and leaves nothing running',
  async (signal) => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-pg-process-'));
    // tsx runs the server in a child node process of its own: both must end.
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['dev/playground/server.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', PLAYGROUND_STATE: join(dir, 'state.json'), SW_DIST: DIST },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`no URL printed: ${out}`)), 150_000);
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /playground: (http:\/\/[^\s]+)/.exec(out);
          if (m) {
            clearTimeout(timer);
            ok(m[1]);
          }
        });
      });
      const port = Number(new URL(url).port);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
      child.kill(signal);
      await expect(exited).resolves.toBe(0);
      expect(alive(child.pid!)).toBe(false);
      expect(await refused(port)).toBe(true);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  },
  90_000,
);
