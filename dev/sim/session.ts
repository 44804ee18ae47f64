// Session fake: the user running the current execution (sim.setUser, or a trigger's owner),
// the script time zone and locale.
import type { ServiceEnv } from './core';

export function sessionService(env: ServiceEnv) {
  const { core } = env;
  const user = (email: string) =>
    env.metered('User', { getEmail: () => email, getUserLoginId: () => email, toString: () => email }, 0);
  const app = {
    getActiveUser: () => user(core.exec.authMode !== 'NONE' ? core.exec.user : ''),
    getEffectiveUser: () => user(core.exec.authMode !== 'NONE' ? core.exec.user : ''),
    getScriptTimeZone: () => core.timeZone,
    getActiveUserLocale: () => 'en',
    getTemporaryActiveUserKey: () => `tmp-${Buffer.from(core.exec.user).toString('base64url')}`,
  };
  return { Session: env.metered('Session', app, 2), user };
}
