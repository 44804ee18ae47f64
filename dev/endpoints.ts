// Calls the add-on's page endpoints from tests, the bench and the playground's seeding through the same interfaces
// the pages' client is typed from (src/api.ts, src/settings-api.ts), over the simulator's google.script.run path.
import type { BridgeHost, BridgeReply } from './sidebar-bridge';
import type { TriageEndpoints } from '../src/api';
import type { SettingsEndpoints } from '../src/settings-api';
import type { SynthesisEndpoints } from '../src/synthesis-api';
import type { DistrictEndpoints, ShowcaseEndpoints } from '../src/spread-api';

type Fn = (...args: never[]) => unknown;

/** What one endpoint call gave: its value, or the sentence the page would show. */
export type Reply<R> = { ok: true; value: R } | { ok: false; error: string };

/** Calls endpoint `name` of interface `E` and returns the reply (the error as a sentence, never thrown). */
export function tryEndpoint<E extends { [K in N]: Fn }, N extends keyof E & string>(
  sim: BridgeHost,
  name: N,
  ...args: Parameters<E[N]>
): Reply<ReturnType<E[N]>> {
  return sim.runSidebar(name, args) as BridgeReply as Reply<ReturnType<E[N]>>;
}

/** The endpoints of `E` as plain functions: each call throws the page's sentence when the server refuses. */
export function endpoints<E extends object>(sim: BridgeHost): E {
  return new Proxy({} as E, {
    get: (_target, name) =>
      typeof name !== 'string'
        ? undefined
        : (...args: unknown[]) => {
            const reply = sim.runSidebar(name, args);
            if (!reply.ok) throw new Error(reply.error);
            return reply.value;
          },
  });
}

/** Every endpoint the add-on's pages can call. */
export type AddOnEndpoints = TriageEndpoints &
  SettingsEndpoints &
  ShowcaseEndpoints &
  DistrictEndpoints &
  SynthesisEndpoints;
type Name = keyof AddOnEndpoints;

/** Calls a page endpoint as google.script.run would; throws the page's sentence when the call fails. */
export function call<N extends Name>(
  sim: BridgeHost,
  name: N,
  ...args: Parameters<AddOnEndpoints[N]>
): ReturnType<AddOnEndpoints[N]> {
  const reply = tryEndpoint<AddOnEndpoints, N>(sim, name, ...args);
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error}`);
  return reply.value;
}

/**
 * The sentence a page endpoint call failed with (the call must fail). Arguments are not type-checked: these calls
 * send what a broken or hostile page might.
 */
export function failure(sim: BridgeHost, name: Name, ...args: unknown[]): string {
  const reply = sim.runSidebar(name, args);
  if (reply.ok) throw new Error(`${name} was expected to fail, got ${JSON.stringify(reply.value)}`);
  return reply.error;
}
