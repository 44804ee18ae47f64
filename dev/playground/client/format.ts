// Small helpers the page's views share: times in the school's time zone, an action's cost in words, the action type.
import type { ActionReply, ActivityEntry } from '../types';

/** Takes an action on the server (POST path with a JSON body); resolves to its reply, or null when it failed to reach it. */
export type Act = (path: string, body?: Record<string, unknown>) => Promise<ActionReply | null>;

export function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

export function costLine(e: ActivityEntry): string {
  const secs = e.cost.ms >= 1000 ? `${(e.cost.ms / 1000).toFixed(1)} s` : `${Math.round(e.cost.ms)} ms`;
  return `${e.cost.calls} service call${e.cost.calls === 1 ? '' : 's'}, ${secs} simulated`;
}
