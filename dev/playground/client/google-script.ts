// The google.script.* bridge, injected as the first script of the add-on's own pages (sidebar, dialogs) in the
// playground: google.script.run calls POST /api/run on the playground server; google.script.host talks to the page;
// a click on a Doc, Gmail or Form link asks the page to open its own tab instead of Google's site.
import { linkTarget } from './links';
import { VISITOR_HEADER } from '../types';

(function googleScriptBridge(surface: string, visitor: string): void {
  type Handler = (value: unknown, userObject: unknown) => void;
  const w = window as unknown as Record<string, unknown>;
  const notify = (message: Record<string, unknown>) => {
    if (window.parent && window.parent !== window)
      window.parent.postMessage({ source: 'small-wins-addon', surface, ...message }, window.location.origin);
  };

  /** google.script.run accepts primitives, plain objects and arrays (and a form element); anything else fails the call. */
  function illegal(value: unknown, path: string): string | null {
    if (value === null || value === undefined) return null;
    const t = typeof value;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t === 'function' || t === 'symbol' || t === 'bigint') return path;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const bad = illegal(value[i], `${path}.${i}`);
        if (bad) return bad;
      }
      return null;
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return path;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const bad = illegal(v, `${path}.${k}`);
      if (bad) return bad;
    }
    return null;
  }

  function formToObject(form: HTMLFormElement): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    new FormData(form).forEach((v, k) => {
      if (typeof v !== 'string') return;
      if (k in out) out[k] = ([] as unknown[]).concat(out[k], v);
      else out[k] = v;
    });
    return out;
  }

  function runner(success: Handler | null, failure: Handler | null, userObject: unknown): Record<string, unknown> {
    const target: Record<string, unknown> = {
      withSuccessHandler: (f: Handler) => runner(f, failure, userObject),
      withFailureHandler: (f: Handler) => runner(success, f, userObject),
      withUserObject: (o: unknown) => runner(success, failure, o),
    };
    return new Proxy(target, {
      get(t, name) {
        if (typeof name !== 'string') return undefined;
        if (name in t) return t[name];
        if (name === 'then') return undefined;
        return (...rawArgs: unknown[]) => {
          const args = rawArgs.map((a) =>
            typeof HTMLFormElement !== 'undefined' && a instanceof HTMLFormElement ? formToObject(a) : a,
          );
          const fail = (message: string) => {
            const err = new Error(message);
            err.name = 'ScriptError';
            if (failure) failure(err, userObject);
            else console.error(`google.script.run.${name} failed: ${message}`);
          };
          for (let i = 0; i < args.length; i++) {
            const bad = illegal(args[i], String(i));
            if (bad) {
              setTimeout(() => fail(`Failed due to illegal value in property: ${bad}`), 0);
              return undefined;
            }
          }
          fetch('/api/run', {
            method: 'POST',
            headers: { 'content-type': 'application/json', [VISITOR_HEADER]: visitor },
            body: JSON.stringify({ fn: name, args, surface }),
          })
            .then((r) => r.json())
            .then((reply: { ok: boolean; value?: unknown; error?: string }) => {
              notify({ type: 'ran', fn: name });
              if (reply.ok) {
                if (success) success(reply.value, userObject);
              } else fail(reply.error || 'The script failed.');
            })
            .catch((e: unknown) =>
              fail(`The playground server did not answer (${e instanceof Error ? e.message : String(e)}).`),
            );
          return undefined;
        };
      },
    });
  }

  const google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        origin: window.location.origin,
        close: () => notify({ type: 'close' }),
        setHeight: (h: number) => notify({ type: 'resize', height: Number(h) }),
        setWidth: (wd: number) => notify({ type: 'resize', width: Number(wd) }),
        editor: { focus: () => notify({ type: 'focus-editor' }) },
      },
      url: { getLocation: (cb: (l: unknown) => void) => cb({ hash: '', parameter: {}, parameters: {} }) },
    },
  };
  w.google = google;

  // Links to the playground's own Docs, drafts and Form open its tabs (offline, Google's sites are out of reach).
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!a || !linkTarget((a as HTMLAnchorElement).href)) return;
      e.preventDefault();
      notify({ type: 'open-link', href: (a as HTMLAnchorElement).href });
    },
    true,
  );
})(
  document.currentScript?.getAttribute('data-surface') ?? 'sidebar',
  document.currentScript?.getAttribute('data-visitor') ?? 'anonymous',
);
