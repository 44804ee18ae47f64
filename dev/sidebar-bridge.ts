// google.script.run for a sidebar page outside Apps Script: a shim (injected before the page's own script)
// that forwards each call to `window.__sim(fnName, args)`, which the host (a browser test or the playground)
// answers from the simulator with `sim.runSidebar(fnName, args)`. Never part of the built sidebar.

/** Shape `__sim` must resolve to: exactly what `sim.runSidebar` returns. */
export type BridgeReply = { ok: true; value: unknown } | { ok: false; error: string };

/** What the host needs of the simulator to answer the page (a `Sim` has it). */
export interface BridgeHost {
  runSidebar(fnName: string, args: unknown[]): BridgeReply;
}

/** The window function the shim calls; the host exposes it, e.g. `page.exposeFunction(BRIDGE_FUNCTION, …)`. */
export const BRIDGE_FUNCTION = '__sim';

/** Source of the shim, for `page.addInitScript(GOOGLE_SCRIPT_RUN_SHIM)` or a <script> tag. */
export const GOOGLE_SCRIPT_RUN_SHIM = `(() => {
  const send = (name, args, ok, fail) => {
    // Like google.script.run: JSON-like arguments only, results and failures arrive later, in any order.
    let payload;
    try { payload = JSON.parse(JSON.stringify(args)); } catch (e) { setTimeout(() => fail && fail(new Error(String(e))), 0); return; }
    window.${BRIDGE_FUNCTION}(name, payload).then(
      (reply) => { if (reply && reply.ok) { if (ok) ok(reply.value); } else if (fail) fail(new Error(reply ? reply.error : 'No reply')); },
      (err) => { if (fail) fail(new Error(String(err && err.message || err))); },
    );
  };
  const runner = (ok, fail, user) => new Proxy({}, {
    get(_t, prop) {
      if (prop === 'withSuccessHandler') return (fn) => runner(fn, fail, user);
      if (prop === 'withFailureHandler') return (fn) => runner(ok, fn, user);
      if (prop === 'withUserObject') return (u) => runner(ok, fail, u);
      if (typeof prop !== 'string') return undefined;
      return (...args) => send(prop, args, ok && ((v) => ok(v, user)), fail && ((e) => fail(e, user)));
    },
  });
  window.google = { script: { run: runner(null, null, undefined), host: { close() {}, setHeight() {}, setWidth() {}, editor: { focus() {} } } } };
})();`;
