// The showcase digest: practices new or updated since the last digest, grouped by goal, each with its school, tier,
// impact and contact — as one outline the Doc and the email (HTML and plain text) are both made from.
import { safeLink } from '../../domain/links';
import { Block, hasContent, list, Outline, paragraph } from '../../domain/outline';
import { outlineHtml, outlineText } from '../../domain/outline-render';
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

/**
 * The digest as an outline: the title, the introduction, a heading per goal and per practice, its description and
 * its facts as a list. The Doc is written from it; the email adds the Doc's link at the end (`docUrl`).
 */
export function digestOutline(d: Digest, docUrl?: string): Outline {
  const blocks: Block[] = [paragraph('TITLE', [{ text: d.title }]), paragraph('NORMAL_TEXT', [{ text: d.intro }])];
  d.sections.forEach((s, k) => {
    blocks.push(paragraph('HEADING_1', [{ text: s.goal }]));
    s.items.forEach((i, n) => {
      // A practice is one unit: a long digest is only ever cut between practices.
      const unit = `${k}.${n}`;
      blocks.push(paragraph('HEADING_2', [{ text: i.name }], { unit }));
      if (i.description) blocks.push(paragraph('NORMAL_TEXT', [{ text: i.description }], { unit }));
      blocks.push(
        list(
          digestFacts(i).map((f) => [{ text: f }]),
          { unit },
        ),
      );
    });
  });
  const link = safeLink(docUrl);
  if (link) blocks.push(paragraph('NORMAL_TEXT', [{ text: 'The digest as a Google Doc', link }], { role: 'footer' }));
  return { title: d.title, lang: 'en', blocks: blocks.filter(hasContent) };
}

/** The email's plain-text part, in reading order: the same outline as the Doc. */
export function digestText(d: Digest, docUrl?: string): string {
  return outlineText(digestOutline(d, docUrl));
}

/** The email's HTML: one h1, h2 per goal, h3 per practice; text always escaped; readable at 320 px. */
export function digestHtml(d: Digest, docUrl?: string): string {
  return outlineHtml(digestOutline(d, docUrl));
}
