// The showcase digest: practices new or updated since the last digest, grouped by goal, each with its school, tier,
// impact and contact — as one outline the Doc and the email (HTML and plain text) are both made from.
import { escapeHtml } from '../../domain/html';
import type { HubPractice } from './rollup';

export interface DigestItem {
  school: string;
  name: string;
  tier: string;
  description: string;
  impact: string;
  whatItTakes: string;
  contact: string;
  hostVisits: boolean;
  isNew: boolean;
}

export interface DigestSection {
  goal: string;
  items: DigestItem[];
}

export interface Digest {
  title: string;
  intro: string;
  sections: DigestSection[];
  count: number;
}

/** Practices the hub first saw, or a school changed, after `sinceIso` ('' : every practice). */
export function digestPractices(practices: readonly HubPractice[], sinceIso: string): HubPractice[] {
  const since = sinceIso ? Date.parse(sinceIso) : -Infinity;
  const after = (iso: string) => Number.isFinite(Date.parse(iso)) && Date.parse(iso) > since;
  return practices.filter((p) => after(p.firstSeen) || after(p.updated));
}

export function buildDigest(opts: {
  district: string;
  practices: readonly HubPractice[];
  sinceIso: string;
  /** "23 November 2026" in the hub's time zone. */
  dateLabel: string;
  sinceLabel: string;
}): Digest {
  const since = opts.sinceIso ? Date.parse(opts.sinceIso) : -Infinity;
  const byGoal = new Map<string, DigestItem[]>();
  for (const p of digestPractices(opts.practices, opts.sinceIso)) {
    const goal = p.goal || 'Other goals';
    const list = byGoal.get(goal) ?? [];
    list.push({
      school: p.school,
      name: p.name,
      tier: p.tier,
      description: p.description,
      impact: p.impact,
      whatItTakes: p.whatItTakes,
      contact: p.contact,
      hostVisits: p.hostVisits,
      isNew: Date.parse(p.firstSeen) > since,
    });
    byGoal.set(goal, list);
  }
  const sections = [...byGoal.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([goal, items]) => ({ goal, items: items.sort((a, b) => a.school.localeCompare(b.school)) }));
  const count = sections.reduce((n, s) => n + s.items.length, 0);
  const who = opts.district.trim() || 'the district';
  return {
    title: `${who} — showcase practices — ${opts.dateLabel}`,
    intro: `${count} practice${count === 1 ? '' : 's'} from our schools ${opts.sinceLabel ? `new or updated since ${opts.sinceLabel}` : 'nominated so far'}, grouped by goal. Each school is glad to tell you more; those marked so welcome a visit.`,
    sections,
    count,
  };
}

/** A practice's facts, one line each (the email's paragraphs, the Doc's list). */
export function digestFacts(i: DigestItem): string[] {
  return [
    `School: ${i.school}`,
    `Tier: ${i.tier || 'not given'}${i.isNew ? ' (new)' : ' (updated)'}`,
    ...(i.impact ? [`Impact: ${i.impact}`] : []),
    ...(i.whatItTakes ? [`What it takes: ${i.whatItTakes}`] : []),
    `Contact: ${i.contact || 'ask the school'}${i.hostVisits ? ' — happy to host a visit' : ''}`,
  ];
}

/** The email's plain-text part, in reading order. */
export function digestText(d: Digest): string {
  const out = [d.title, '', d.intro];
  for (const s of d.sections) {
    out.push('', s.goal.toUpperCase());
    for (const i of s.items) out.push('', i.name, ...(i.description ? [i.description] : []), ...digestFacts(i));
  }
  return out.join('\n');
}

/** The email's HTML: one h1, h2 per goal, h3 per practice; text always escaped; readable at 320 px. */
export function digestHtml(d: Digest): string {
  const p = (t: string) => `<p style="margin:4px 0">${escapeHtml(t)}</p>`;
  const body = d.sections
    .map(
      (s) =>
        `<h2 style="font-size:20px;margin:24px 0 8px">${escapeHtml(s.goal)}</h2>` +
        s.items
          .map(
            (i) =>
              `<h3 style="font-size:17px;margin:16px 0 4px">${escapeHtml(i.name)}</h3>` +
              (i.description ? p(i.description) : '') +
              digestFacts(i).map(p).join(''),
          )
          .join(''),
    )
    .join('');
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(d.title)}</title></head>` +
    `<body style="font:16px/1.5 Arial,sans-serif;color:#202124;margin:0;padding:16px;max-width:640px">` +
    `<h1 style="font-size:24px;margin:0 0 8px">${escapeHtml(d.title)}</h1>${p(d.intro)}${body}</body></html>`
  );
}
