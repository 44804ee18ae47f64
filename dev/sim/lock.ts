// LockService fake (document / script / user locks with simulated contention via sim.holdLock)
// and CacheService fake (string values with expiry on the simulator clock).
import type { ServiceEnv } from './core';

export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

export function lockService(env: ServiceEnv) {
  const { core } = env;

  /** Try to take `kind` within `timeoutMs`; advances the clock by the time spent waiting. */
  function acquire(kind: string, timeoutMs: number): boolean {
    const key = keyOf(kind);
    if (core.exec.locks.has(key)) return true;
    const until = core.foreignLocks.get(key);
    if (until !== undefined) {
      const now = core.clock.nowMs();
      if (until > now) {
        if (until - now <= timeoutMs) {
          core.clock.advance(until - now);
        } else {
          core.clock.advance(Math.max(0, timeoutMs));
          return false;
        }
      }
      core.foreignLocks.delete(key);
    }
    core.exec.locks.add(key);
    return true;
  }

  function keyOf(kind: string): string {
    if (kind === 'document') return `document:${core.activeSpreadsheetId}`;
    if (kind === 'user') return `user:${core.exec.user}`;
    return 'script';
  }

  function lock(kind: string) {
    const self = {
      tryLock: (ms: number) => acquire(kind, Number(ms) || 0),
      waitLock: (ms: number) => {
        if (!acquire(kind, Number(ms) || 0)) throw env.error(LOCK_TIMEOUT);
      },
      releaseLock: () => {
        core.exec.locks.delete(keyOf(kind));
      },
      hasLock: () => core.exec.locks.has(keyOf(kind)),
    };
    return env.metered('Lock', self, 20);
  }

  const app = {
    getDocumentLock: () => {
      core.requireAuth('LockService.getDocumentLock');
      return lock('document');
    },
    getScriptLock: () => {
      core.requireAuth('LockService.getScriptLock');
      return lock('script');
    },
    getUserLock: () => {
      core.requireAuth('LockService.getUserLock');
      return lock('user');
    },
  };
  return { LockService: env.metered('LockService', app, 2) };
}

export const CACHE_VALUE_TOO_LARGE = 'Argument too large: value';
const MAX_CACHE_VALUE = 100 * 1024;
const MAX_TTL_S = 21600;

export function cacheService(env: ServiceEnv) {
  const { core } = env;
  function cache(scope: string) {
    const store = () => (core.cache[scope] ??= {});
    const live = (k: string) => {
      const e = store()[k];
      if (!e) return null;
      if (e.exp <= core.clock.nowMs()) {
        delete store()[k];
        return null;
      }
      return e.v;
    };
    const put = (k: string, v: unknown, ttl?: number) => {
      const s = String(v);
      if (Buffer.byteLength(s, 'utf8') > MAX_CACHE_VALUE) throw env.error(CACHE_VALUE_TOO_LARGE);
      const secs = Math.min(Math.max(ttl ?? 600, 1), MAX_TTL_S);
      store()[String(k)] = { v: s, exp: core.clock.nowMs() + secs * 1000 };
    };
    const self = {
      get: (k: unknown) => live(String(k)),
      getAll: (keys: string[]) => {
        const out: Record<string, string> = {};
        for (const k of keys) {
          const v = live(String(k));
          if (v !== null) out[k] = v;
        }
        return env.obj(out);
      },
      put: (k: unknown, v: unknown, ttl?: number) => put(String(k), v, ttl),
      putAll: (values: Record<string, unknown>, ttl?: number) => {
        for (const [k, v] of Object.entries(values)) put(k, v, ttl);
      },
      remove: (k: unknown) => {
        delete store()[String(k)];
      },
      removeAll: (keys: string[]) => {
        for (const k of keys) delete store()[String(k)];
      },
    };
    return env.metered('Cache', self, 15);
  }
  const app = {
    getScriptCache: () => cache('script'),
    getDocumentCache: () => {
      core.requireAuth('CacheService.getDocumentCache');
      return cache(`document:${core.activeSpreadsheetId}`);
    },
    getUserCache: () => cache(`user:${core.exec.user}`),
  };
  return { CacheService: env.metered('CacheService', app, 2) };
}
