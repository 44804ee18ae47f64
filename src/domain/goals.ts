// School goals: reading them from the Goals sheet's rows, the seeded examples, and keyword suggestions.
import { GOAL_COLUMNS, GOAL_HEADERS } from './schema';
import { splitList, toCellText, cellString } from './text';

export interface Goal {
  /** Stable ID from the Goals sheet's ID column (G-1, G-2…); '' until Set up assigns one. */
  id?: string;
  name: string;
  description: string;
  keywords: string[];
  active: boolean;
}

/** Editable examples a school replaces with its own goals. */
export const EXAMPLE_GOALS: Goal[] = [
  {
    id: 'G-1',
    name: 'Reading for all',
    description: 'Every student reads fluently and for pleasure.',
    keywords: ['reading', 'read', 'literacy', 'phonics', 'book', 'books', 'library', 'fluency', 'writing'],
    active: true,
  },
  {
    id: 'G-2',
    name: 'Math confidence',
    description: 'Students reason about numbers and enjoy problem solving.',
    keywords: ['math', 'maths', 'numeracy', 'fraction', 'fractions', 'problem solving', 'number'],
    active: true,
  },
  {
    id: 'G-3',
    name: 'Belonging and wellbeing',
    description: 'Every student feels safe, known and ready to learn.',
    keywords: ['belonging', 'attendance', 'wellbeing', 'kindness', 'restorative', 'friendship', 'recess', 'calm'],
    active: true,
  },
  {
    id: 'G-4',
    name: 'Family partnership',
    description: 'Families are partners in their children\u2019s learning.',
    keywords: ['family', 'families', 'parent', 'parents', 'caregiver', 'caregivers', 'conference', 'home'],
    active: true,
  },
  {
    id: 'G-5',
    name: 'Teaching together',
    description: 'Staff learn from each other and improve practice together.',
    keywords: ['plc', 'collaboration', 'coaching', 'co-teaching', 'feedback', 'observation', 'planning', 'colleague'],
    active: true,
  },
];

/** A goal's row for the Goals sheet, its text kept as typed (a goal named "2026" or "=x" stays text). */
export function goalRow(goal: Goal): string[] {
  return [
    toCellText(goal.name),
    toCellText(goal.description),
    toCellText(goal.keywords.join(', ')),
    goal.active ? 'Yes' : 'No',
    goal.id ?? '',
  ];
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
  const header = rows[0].map((h) => cellString(h).trim().toLowerCase());
  const col = (h: string) => header.indexOf(h.toLowerCase());
  const nameCol = col(GOAL_COLUMNS.name);
  if (nameCol < 0) return { goals: [], problems: [`The Goals sheet has no "${GOAL_COLUMNS.name}" column.`] };
  const descCol = col(GOAL_COLUMNS.description);
  const kwCol = col(GOAL_COLUMNS.keywords);
  const activeCol = col(GOAL_COLUMNS.active);
  const idCol = col(GOAL_COLUMNS.id);
  const seen = new Set<string>();
  const goals: Goal[] = [];
  for (const row of rows.slice(1)) {
    const rawName = cellString(row[nameCol]).trim();
    if (!rawName) continue;
    // Goal names travel in comma-separated cells and Form choices: a comma would split one goal in two.
    const name = rawName.replace(/[,;]/g, ' ').replace(/\s+/g, ' ').trim();
    if (name !== rawName) problems.push(`Goal "${rawName}" contains a comma or semicolon; it is used as "${name}".`);
    if (seen.has(name.toLowerCase())) {
      problems.push(`Goal "${name}" is listed twice; the first one is used.`);
      continue;
    }
    seen.add(name.toLowerCase());
    const activeCell = activeCol >= 0 ? cellString(row[activeCol]).trim().toLowerCase() : '';
    goals.push({
      id: idCol >= 0 ? cellString(row[idCol]).trim() : '',
      name,
      description: descCol >= 0 ? cellString(row[descCol]).trim() : '',
      keywords: kwCol >= 0 ? splitList(cellString(row[kwCol])).map((k) => k.toLowerCase()) : [],
      active: activeCell === '' || ACTIVE_WORDS.has(activeCell),
    });
  }
  return { goals, problems };
}

/** The Goals sheet's top-left block read first: room for 300 goals and five columns of a person's own. */
export const GOALS_BLOCK = { rows: 301, columns: 10 } as const;

/**
 * Whether the top-left block of the Goals sheet (a bounded read, padded with blanks; header row first) says all
 * the whole sheet says, so parseGoals gives the same answer from it: every header parseGoals looks for is in the
 * block (the first of each, so none sits further right), and the block's last row is blank (the goals end inside
 * it). Otherwise the caller reads the whole sheet. A goal typed below a blank row that ends the block is the one
 * case a bounded read cannot see.
 */
export function goalsBlockComplete(block: ReadonlyArray<ReadonlyArray<unknown>>, rows: number): boolean {
  if (!block.length) return false;
  const header = block[0].map((h) => cellString(h).trim().toLowerCase());
  if (!GOAL_HEADERS.every((h) => header.includes(h.toLowerCase()))) return false;
  if (block.length < rows) return true;
  return block[rows - 1].every((v) => cellString(v).trim() === '');
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
    const hit = terms.some((t) =>
      new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(t)}($|[^\\p{L}\\p{N}])`, 'u').test(haystack),
    );
    if (hit) out.push(goal.name);
  }
  return out;
}

export interface GoalIds {
  /** The ID per goal, in the goals' order (new ones for blanks and repeats). */
  ids: string[];
  /** True when any ID was added or replaced, so the ID column must be written. */
  changed: boolean;
}

/** Gives every goal a stable ID: blanks and repeated IDs get the next G-n after the highest in use. */
export function assignGoalIds(current: readonly string[]): GoalIds {
  let max = 0;
  for (const id of current) {
    const m = /^G-(\d+)$/.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  const seen = new Set<string>();
  let changed = false;
  const ids = current.map((id) => {
    if (id && !seen.has(id)) {
      seen.add(id);
      return id;
    }
    changed = true;
    const next = `G-${++max}`;
    seen.add(next);
    return next;
  });
  return { ids, changed };
}

/**
 * The goals Set up last saw, to make a deleted Goals sheet again: the active ones as synced (with keywords), then
 * the inactive ones by ID and name. Empty when Set up never ran.
 */
export function rememberedGoals(
  active: readonly Goal[] | undefined,
  namesById: Readonly<Record<string, string>> | undefined,
): Goal[] {
  const out: Goal[] = (active ?? []).map((g) => ({ ...g, keywords: g.keywords.slice(), active: true }));
  const known = new Set(out.map((g) => g.id).filter(Boolean));
  for (const [id, name] of Object.entries(namesById ?? {})) {
    if (!known.has(id) && name) out.push({ id, name, description: '', keywords: [], active: false });
  }
  return out;
}

/** Old name → new name for goals whose ID kept its row while a person changed the name. */
export function goalRenames(
  previous: Readonly<Record<string, string>> | undefined,
  goals: readonly Goal[],
): Map<string, string> {
  const renames = new Map<string, string>();
  if (!previous) return renames;
  for (const g of goals) {
    const old = g.id ? previous[g.id] : undefined;
    if (old && old !== g.name) renames.set(old, g.name);
  }
  return renames;
}

/** A goals cell with renamed goals replaced (order kept, repeats dropped); unchanged text is returned as is. */
export function retagCell(cell: string, renames: ReadonlyMap<string, string>): string {
  const names = splitList(cell);
  if (!names.some((n) => renames.has(n))) return cell;
  const out: string[] = [];
  for (const n of names) {
    const name = renames.get(n) ?? n;
    if (!out.includes(name)) out.push(name);
  }
  return out.join(', ');
}
