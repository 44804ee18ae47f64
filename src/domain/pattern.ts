// The one-line pattern the triage sidebar shows for a win's goals ("Math confidence: 14 wins, 3 lessons learned this
// year"), from what the last dashboard refresh stored: never a read of the log. Stored in document properties, split
// over several keys when a school has hundreds of goals (a property holds at most 9 KB).

/** Per goal, this school year's wins and lessons learned, as the last refresh counted them. */
export interface StoredPattern {
  /** "2026–27" */
  year: string;
  /** ISO time of the refresh. */
  asOf: string;
  /** [goal, wins, lessons] */
  goals: Array<[string, number, number]>;
}

/** Keep each stored part well under a property's 9 KB (UTF-8): goal names may be long and not ASCII. */
const PART_CHARS = 2500;

/** The pattern in parts, each small enough for one property; the first part carries the year and time. */
export function splitPattern(pattern: StoredPattern): StoredPattern[] {
  const parts: StoredPattern[] = [];
  let current: StoredPattern = { year: pattern.year, asOf: pattern.asOf, goals: [] };
  let size = 0;
  for (const entry of pattern.goals) {
    const cost = JSON.stringify(entry).length + 1;
    if (current.goals.length && size + cost > PART_CHARS) {
      parts.push(current);
      current = { year: pattern.year, asOf: pattern.asOf, goals: [] };
      size = 0;
    }
    current.goals.push(entry);
    size += cost;
  }
  parts.push(current);
  return parts;
}

/** The parts joined back; null when nothing (or nothing readable) was stored. */
export function joinPattern(parts: readonly unknown[]): StoredPattern | null {
  const first = parts[0] as StoredPattern | undefined;
  if (!first || typeof first !== 'object' || !Array.isArray(first.goals)) return null;
  const goals: Array<[string, number, number]> = [];
  for (const part of parts) {
    const p = part as StoredPattern | undefined;
    if (!p || !Array.isArray(p.goals)) return null;
    for (const g of p.goals)
      if (Array.isArray(g) && typeof g[0] === 'string') goals.push([g[0], Number(g[1]) || 0, Number(g[2]) || 0]);
  }
  return { year: String(first.year ?? ''), asOf: String(first.asOf ?? ''), goals };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line per goal of the win (goal names matched without regard to case); none before the first refresh. */
export function patternLines(pattern: StoredPattern | null, goals: readonly string[]): string[] {
  if (!pattern) return [];
  const known = new Map(pattern.goals.map(([g, w, l]) => [g.toLowerCase(), { g, w, l }]));
  return goals
    .map((goal) => goal.trim())
    .filter(Boolean)
    .map((goal) => {
      const p = known.get(goal.toLowerCase());
      const wins = p ? p.w : 0;
      const lessons = p ? p.l : 0;
      return `${p ? p.g : goal}: ${plural(wins, 'win', 'wins')}, ${plural(lessons, 'lesson learned', 'lessons learned')} this year`;
    });
}
