// The page's calls to the playground server: read the view, and take actions (each answers with the new view).
import type { ActionReply, DistrictPlaygroundView, PlaygroundView } from '../types';

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(body.error || `The playground server answered ${res.status}.`);
  return body;
}

export async function loadView(): Promise<PlaygroundView> {
  return json<PlaygroundView>(await fetch('/api/state'));
}

export async function post(path: string, body: Record<string, unknown> = {}): Promise<ActionReply> {
  return json<ActionReply>(
    await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  );
}

export async function closeSurface(kind: 'sidebar' | 'dialog'): Promise<PlaygroundView> {
  return json<PlaygroundView>(
    await fetch('/api/close', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind }),
    }),
  );
}

export async function loadDistrict(): Promise<DistrictPlaygroundView> {
  return json<DistrictPlaygroundView>(await fetch('/api/district'));
}
