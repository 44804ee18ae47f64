// PropertiesService fake: document / script / per-user stores of strings, with Apps Script's
// size limits (9 KB a value, 500 KB a store) and AuthMode checks.
import type { ServiceEnv } from './core';

export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;
export const VALUE_TOO_LARGE = 'Argument too large: value';
export const STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function storeBytes(store: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(store)) n += bytes(k) + bytes(v);
  return n;
}

export function propertiesService(env: ServiceEnv) {
  const { core } = env;
  const COST = 25;

  function facade(kind: string, get: () => Record<string, string>) {
    const check = (next: Record<string, string>) => {
      for (const v of Object.values(next)) if (bytes(v) > MAX_VALUE_BYTES) throw env.error(VALUE_TOO_LARGE);
      if (storeBytes(next) > MAX_STORE_BYTES) throw env.error(STORE_FULL);
    };
    const self = {
      getProperty: (key: unknown) => {
        const s = get();
        const k = String(key);
        return Object.prototype.hasOwnProperty.call(s, k) ? s[k] : null;
      },
      setProperty: (key: unknown, value: unknown) => {
        if (key === null || key === undefined) throw env.error('Invalid argument: key');
        const s = get();
        const next = { ...s, [String(key)]: String(value) };
        check(next);
        s[String(key)] = String(value);
        return proxy;
      },
      setProperties: (props: Record<string, unknown>, deleteAllOthers?: boolean) => {
        const s = get();
        const base = deleteAllOthers ? {} : { ...s };
        for (const [k, v] of Object.entries(props ?? {})) base[k] = String(v);
        check(base);
        for (const k of Object.keys(s)) delete s[k];
        Object.assign(s, base);
        return proxy;
      },
      getProperties: () => env.obj({ ...get() }),
      getKeys: () => env.arr(Object.keys(get())),
      deleteProperty: (key: unknown) => {
        delete get()[String(key)];
        return proxy;
      },
      deleteAllProperties: () => {
        const s = get();
        for (const k of Object.keys(s)) delete s[k];
        return proxy;
      },
    };
    void kind;
    const proxy: object = env.metered('Properties', self, COST);
    return proxy;
  }

  const app = {
    getDocumentProperties: () => {
      core.requireAuth('PropertiesService.getDocumentProperties');
      const id = core.activeSpreadsheetId;
      return facade('document', () => (core.properties.document[id] ??= {}));
    },
    getScriptProperties: () => {
      core.requireAuth('PropertiesService.getScriptProperties');
      return facade('script', () => core.properties.script);
    },
    getUserProperties: () => {
      core.requireAuth('PropertiesService.getUserProperties');
      const user = core.exec.user;
      return facade('user', () => (core.properties.user[user] ??= {}));
    },
  };
  return { PropertiesService: env.metered('PropertiesService', app, 2) };
}
