// School goals: reading them from the Goals sheet's rows, the seeded examples, and keyword suggestions.
import { GOAL_COLUMNS, GOAL_HEADERS } from './schema';
import { splitList } from './text';

export interface Goal {
  name: string;
  description: string;
  keywords: string[];
  active: boolean;
}

/** Editable examples a school replaces with its own goals. */
export const EXAMPLE_GOALS: Goal[] = [
  { name: 'Reading for all', description: 'Every student reads fluently and for pleasure.', keywords: ['reading', 'read', 'literacy', 'phonics', 'book', 'books', 'library', 'fluency', 'writing'], active: true },
  { name: 'Math confidence', description: 'Students reason about numbers and enjoy problem solving.', keywords: ['math', 'maths', 'numeracy', 'fraction', 'fractions', 'problem solving', 'number'], active: true },
  { name: 'Belonging and wellbeing', description: 'Every student feels safe, known and ready to learn.', keywords: ['belonging', 'attendance', 'wellbeing', 'kindness', 'restorative', 'friendship', 'recess', 'calm'], active: true },
  { name: 'Family partnership', description: 'Families are partners in their children\u2019s learning.', keywords: ['family', 'families', 'parent', 'parents', 'caregiver', 'caregivers', 'conference', 'home'], active: true },
  { name: 'Teaching together', description: 'Staff learn from each other and improve practice together.', keywords: ['plc', 'collaboration', 'coaching', 'co-teaching', 'feedback', 'observation', 'planning', 'colleague'], active: true },
];

export function goalRow(goal: Goal): string[] {
  return [goal.name, goal.description, goal.keywords.join(', '), goal.active ? 'Yes' : 'No'];
}

const ACTIVE_WORDS = new Set(['yes', 'y', 'true', 'active', '1', 'x', '✓']);

export interface GoalsRead {
  goals: Goal[];
  problems: string[];
}

/**
 * Reads the Goals sheet's values (header row first). Columns are found by header; a blank Active cell
 * counts as active so a leader can add a goal by typing just its name.
 */
export function parseGoals(rows: unknown[][]): GoalsRead {
  const problems: string[] = [];
  if (rows.length === 0) return { goals: [], problems: ['The Goals sheet is empty.'] };
  const header = rows[0].map((h) => String(h ?? '').trim().toLowerCase());
  const col = (h: string) => header.indexOf(h.toLowerCase());
  const nameCol = col(GOAL_COLUMNS.name);
  if (nameCol < 0) return { goals: [], problems: [`The Goals sheet has no "${GOAL_COLUMNS.name}" column.`] };
  const descCol = col(GOAL_COLUMNS.description);
  const kwCol = col(GOAL_COLUMNS.keywords);
  const activeCol = col(GOAL_COLUMNS.active);
  const seen = new Set<string>();
  const goals: Goal[] = [];
  for (const row of rows.slice(1)) {
    const rawName = String(row[nameCol] ?? '').trim();
    if (!rawName) continue;
    // Goal names travel in comma-separated cells and Form choices: a comma would split one goal in two.
    const name = rawName.replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim();
    if (name !== rawName) problems.push(`Goal "${rawName}" contains a comma or semicolon; it is used as "${name}".`);
    if (seen.has(name.toLowerCase())) {
      problems.push(`Goal "${name}" is listed twice; the first one is used.`);
      continue;
    }
    seen.add(name.toLowerCase());
    const activeCell = activeCol >= 0 ? String(row[activeCol] ?? '').trim().toLowerCase() : '';
    goals.push({
      name,
      description: descCol >= 0 ? String(row[descCol] ?? '').trim() : '',
      keywords: kwCol >= 0 ? splitList(String(row[kwCol] ?? '')).map((k) => k.toLowerCase()) : [],
      active: activeCell === '' || ACTIVE_WORDS.has(activeCell),
    });
  }
  return { goals, problems };
}

export function expectedGoalsHeader(): string[] {
  return GOAL_HEADERS.slice();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Goals whose name or keywords appear in the text as whole words (case-insensitive), in the goals' order.
 * Goals the submitter already chose are not suggested again.
 */
export function suggestGoals(text: string, goals: readonly Goal[], alreadyChosen: readonly string[] = []): string[] {
  const chosen = new Set(alreadyChosen.map((g) => g.toLowerCase()));
  const haystack = text.toLowerCase();
  const out: string[] = [];
  for (const goal of goals) {
    if (!goal.active || chosen.has(goal.name.toLowerCase())) continue;
    const terms = [goal.name.toLowerCase(), ...goal.keywords].filter((t) => t.length > 1);
    const hit = terms.some((t) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(t)}($|[^\\p{L}\\p{N}])`, 'u').test(haystack));
    if (hit) out.push(goal.name);
  }
  return out;
}
