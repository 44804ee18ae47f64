// The page's calls to the playground server: read the view, and take actions (each answers with the new view).
// Each browser tab is a visitor of its own (an ID kept in sessionStorage): its open sidebar and dialogs are its own.
import { VISITOR_HEADER, type ActionReply, type DistrictPlaygroundView, type PlaygroundView } from '../types';

function newVisitorId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function visitorId(): string {
  try {
    const kept = sessionStorage.getItem('small-wins-visitor');
    if (kept && /^[A-Za-z0-9-]{1,64}$/.test(kept)) return kept;
    const made = newVisitorId();
    sessionStorage.setItem('small-wins-visitor', made);
    return made;
  } catch {
    return newVisitorId();
  }
}

/** This tab's visitor ID, sent with every request. */
export const VISITOR = visitorId();
const HEADERS = { [VISITOR_HEADER]: VISITOR };
const JSON_HEADERS = { 'content-type': 'application/json', ...HEADERS };

/** Where an open add-on page (sidebar or dialog number n) is loaded from, for this visitor. */
export function addonPageUrl(kind: 'sidebar' | 'dialog', n: number): string {
  return `/addon/${kind}/${n}?visitor=${encodeURIComponent(VISITOR)}`;
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(body.error || `The playground server answered ${res.status}.`);
  return body;
}

export async function loadView(): Promise<PlaygroundView> {
  return json<PlaygroundView>(await fetch('/api/state', { headers: HEADERS }));
}

export async function post(path: string, body: Record<string, unknown> = {}): Promise<ActionReply> {
  return json<ActionReply>(await fetch(path, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) }));
}

export async function closeSurface(kind: 'sidebar' | 'dialog'): Promise<PlaygroundView> {
  return json<PlaygroundView>(
    await fetch('/api/close', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ kind }),
    }),
  );
}

export async function loadDistrict(): Promise<DistrictPlaygroundView> {
  return json<DistrictPlaygroundView>(await fetch('/api/district', { headers: HEADERS }));
}
