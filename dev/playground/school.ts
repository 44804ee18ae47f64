// Seeds the playground's fictional school, Maple Grove Elementary, through the built add-on: Set up, a term of
// Form responses (fired through the form-submit trigger), triage in the sidebar's endpoints, and past newsletters.
import { QUESTIONS } from '../../src/domain/form-spec';
import { zonedParts, zonedToMs, type Simulator } from '../sim';
import { ASSISTANT_PRINCIPAL, HARD_CASES, PEOPLE, PRINCIPAL, WINS, type SeedWin } from './school-wins';
import { call, tryEndpoint } from '../endpoints';
import type { TriageChange, TriageEndpoints } from '../../src/api';
import type { SettingsEndpoints } from '../../src/settings-api';

export const SCHOOL = 'Maple Grove Elementary';
export const SCHOOL_USER = PRINCIPAL.email;
/** "Today" in the seeded school: Monday 23 November 2026, 8:30 am in New York. */
export const SCHOOL_NOW = '2026-11-23T13:30:00Z';
/** Thursday 27 August, 10:47 am in New York, in the staff week: the hourly clock then runs at 47 minutes past. */
const SET_UP_AT = Date.parse('2026-08-27T14:47:00Z');
/** Entries shared on or after this day (2026-MM-DD) are still waiting for triage. */
const WAITING_SINCE = '11-18';
const DAY = 86400000;
const HOUR = 3600000;
const KINDS = { W: 'Win', L: 'Lesson learned' } as const;
const SOURCES = [
  'Classroom observation',
  'Student work',
  'Family story',
  'Survey or feedback',
  'Data',
  'Meeting',
  'Other',
];
const CONSENTS = ['Staff only', 'School community', 'Public'];
/** Fridays at 3 pm when a leader drafted the newsletter by hand, before the school switched the schedule on. */
const PAST_NEWSLETTERS = ['2026-09-25T19:00:00Z', '2026-10-16T19:00:00Z', '2026-11-13T20:00:00Z'];

const TITLE = Object.fromEntries(QUESTIONS.map((q) => [q.field, q.title])) as Record<string, string>;

interface Planned {
  at: number;
  run: () => void;
}

/** Small deterministic pseudo-random numbers, so every fresh playground is the same school. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function menuFunction(sim: Simulator, caption: string): string | null {
  for (const menu of sim.ui.menus) {
    for (const item of menu.items) if ('fn' in item && item.caption === caption) return item.fn;
  }
  return null;
}

function goalNames(sim: Simulator): string[] {
  const goals = sim.spreadsheet.sheet('Goals');
  if (!goals) return [];
  const col = goals.columnOf('Goal') || 1;
  return goals.displayValues
    .slice(1)
    .map((r) => r[col - 1])
    .filter(Boolean);
}

function answersFor(
  w: SeedWin,
  person: { name: string; role: string },
  goals: string[],
  consent: string,
): Record<string, string | string[]> {
  const a: Record<string, string | string[]> = {
    [TITLE.name]: person.name,
    [TITLE.role]: person.role,
    [TITLE.headline]: w.headline,
    [TITLE.story]: w.story,
    [TITLE.kind]: KINDS[w.kind],
    [TITLE.source]: SOURCES[w.source],
    [TITLE.consent]: consent,
    [TITLE.namesStudents]: w.namesStudents ? 'Yes' : 'No',
  };
  if (w.evidence) a[TITLE.evidence] = w.evidence;
  if (w.link) a[TITLE.link] = w.link;
  if (w.goal !== null && goals[w.goal]) a[TITLE.goals] = [goals[w.goal]];
  return a;
}

/** The Settings dialog's save, as a leader fills it in: Maple Grove's audiences and, when `weekly`, the schedule. */
function saveSettings(sim: Simulator, weekly: boolean): void {
  const input = {
    staffCount: '34',
    schoolName: SCHOOL,
    audiences: {
      Staff: { enabled: true, recipients: 'staff@maplegrove.example' },
      Families: { enabled: true, recipients: 'families@maplegrove.example, pta@maplegrove.example' },
      Public: { enabled: true, recipients: 'district-office@district.example' },
    },
    cadence: { kind: weekly ? 'weekly' : 'off', weekday: 5, monthDay: 1, hour: 15 },
    template: '',
    senderName: `${PRINCIPAL.name}, ${SCHOOL}`,
    replyTo: PRINCIPAL.email,
    creditContributors: true,
    // Families who read Spanish and Arabic get the Families issue translated, each in a draft of its own.
    familyLanguages: [
      { code: 'es', recipients: 'familias@maplegrove.example' },
      { code: 'ar', recipients: 'arabic-families@maplegrove.example' },
    ],
  };
  const saved = tryEndpoint<SettingsEndpoints, 'settingsSave'>(sim, 'settingsSave', input, { takeOverSchedule: true });
  if (!saved.ok) sim.logs.push(`Playground seed: settings not saved: ${saved.error}`);
  else if (!saved.value.ok) sim.logs.push(`Playground seed: settings not saved: ${JSON.stringify(saved.value)}`);
}

/** The newest win in the log: its ID and row. */
function lastWin(sim: Simulator): { id: string; row: number } | null {
  const wins = sim.spreadsheet.sheet('Wins');
  if (!wins) return null;
  const row = wins.lastRow;
  const id = wins.display(row, wins.columnOf('ID'));
  return id ? { id, row } : null;
}

/** A leader's triage of one win through the sidebar's own endpoints; by hand in the sheet if they do not exist. */
function triage(sim: Simulator, win: { id: string; row: number }, change: TriageChange): void {
  const loaded = tryEndpoint<TriageEndpoints, 'triageWin'>(sim, 'triageWin', win);
  if (loaded.ok && loaded.value) {
    const view = loaded.value;
    const saved = tryEndpoint<TriageEndpoints, 'triageSave'>(sim, 'triageSave', {
      id: win.id,
      row: view.row,
      version: view.version,
      change,
    });
    if (!saved.ok) sim.logs.push(`Playground seed: triage of ${win.id} failed: ${saved.error}`);
    return;
  }
  const wins = sim.spreadsheet.sheet('Wins')!;
  const set = (header: string, v: string) => {
    const c = wins.columnOf(header);
    if (c) wins.setRaw(win.row, c, v);
  };
  if (change.status) set('Status', String(change.status));
  if (Array.isArray(change.goals)) set('Goals', change.goals.join(', '));
  if (change.featured !== undefined) set('Featured', change.featured ? 'Yes' : 'No');
  if (change.privacyCleared !== undefined) set('Privacy cleared', change.privacyCleared ? 'Yes' : 'No');
  if (change.blurb) set('Public blurb', String(change.blurb));
}

/** When a seeded entry was shared: its school day, between 8 am and 4:30 pm in New York. */
function sharedAt(w: SeedWin, rnd: () => number, tz: string): number {
  const [month, day] = w.on.split('-').map(Number);
  return zonedToMs(2026, month, day, 8, 0, 0, 0, tz) + Math.floor(rnd() * 8.5 * HOUR);
}

/** When the leaders triaged an entry: before school (7:30 to 9:30 am) on one of the next two school days. */
function triageMorning(sharedAtMs: number, rnd: () => number, tz: string): number {
  const later = 1 + Math.floor(rnd() * 2);
  let day = sharedAtMs;
  for (let n = 0; n < later;) {
    day += DAY;
    const weekday = zonedParts(day, tz).weekday;
    if (weekday >= 1 && weekday <= 5) n++;
  }
  const p = zonedParts(day, tz);
  return zonedToMs(p.year, p.month, p.day, 7, 30, 0, 0, tz) + Math.floor(rnd() * 2 * HOUR);
}

/** The leaders' triage of a seeded entry, as the sidebar saves it. */
function triageOf(w: SeedWin, goals: string[]): TriageChange {
  const status = w.status ?? 'Approved';
  const change: TriageChange = { status };
  const tagged = [w.goal, w.also].filter((g): g is number => g !== null && g !== undefined && !!goals[g]);
  if (tagged.length && status !== 'Archived') change.goals = tagged.map((g) => goals[g]);
  if (status === 'Approved') {
    if (w.namesStudents && w.cleared) change.privacyCleared = true;
    if (w.featured) change.featured = true;
    if (w.blurb) change.blurb = w.blurb;
  }
  return change;
}

/** Set up makes its own sheets: the empty Sheet1 a new spreadsheet starts with is deleted, as a leader would. */
function deleteEmptySheet1(sim: Simulator): void {
  const ss = sim.api.SpreadsheetApp.getActive();
  const sheet1 = ss.getSheetByName('Sheet1');
  if (sheet1 && sheet1.getLastRow() === 0 && ss.getSheets().length > 1) ss.deleteSheet(sheet1);
}

/** Seeds the school in `sim` (a fresh simulator with the bundle loaded). */
export function seedSchool(sim: Simulator): { wins: number } {
  const rnd = random(20260827);
  const tz = sim.spreadsheet.timeZone;
  sim.setUser(PRINCIPAL.email);
  sim.clock.set(new Date(SET_UP_AT));
  sim.open('LIMITED');
  sim.run('setUp');
  deleteEmptySheet1(sim);
  const formId = [...sim.forms.values()].filter((f) => !f.deleted).pop()?.id;
  if (!formId) throw new Error('Set up made no Form; the school cannot be seeded.');
  const goals = goalNames(sim);
  saveSettings(sim, false);

  const all = [...WINS, ...HARD_CASES];
  const plan: Planned[] = [];
  const end = Date.parse(SCHOOL_NOW);
  all.forEach((w, i) => {
    const at = sharedAt(w, rnd, tz);
    const person = PEOPLE[w.by];
    const consent = CONSENTS[w.consent ?? 1];
    let win: { id: string; row: number } | null = null;
    plan.push({
      at,
      run: () => {
        sim.submitForm(formId, answersFor(w, person, goals, consent), { email: person.email });
        win = lastWin(sim);
      },
    });
    // Entries from the last few days wait in the queue; the rest were triaged a day or three after they came in.
    if (w.status === 'New' || w.on >= WAITING_SINCE) return;
    const triagedAt = Math.min(triageMorning(at, rnd, tz), end - 2 * HOUR);
    const change = triageOf(w, goals);
    plan.push({
      at: triagedAt,
      run: () => {
        if (!win) return;
        sim.setUser(i % 3 === 0 ? ASSISTANT_PRINCIPAL.email : PRINCIPAL.email);
        triage(sim, win, change);
        sim.setUser(PRINCIPAL.email);
      },
    });
  });
  for (const at of PAST_NEWSLETTERS) {
    plan.push({
      at: Date.parse(at),
      run: () => {
        const fn = menuFunction(sim, 'Draft newsletter now');
        if (fn) sim.run(fn);
      },
    });
  }
  plan.sort((a, b) => a.at - b.at);
  for (const step of plan) {
    // Time passes as it would: time-driven triggers fire on their schedule along the way.
    if (step.at > sim.clock.now().getTime()) sim.advanceTo(new Date(step.at));
    step.run();
  }
  sim.setUser(PRINCIPAL.email);
  sim.advanceTo(new Date(end - HOUR));
  // This week the school switched on the schedule: every Friday at 3 pm (an hourly trigger checks when it is due).
  saveSettings(sim, true);
  nominateSeededPractice(sim, goals[0]);
  sim.advanceTo(new Date(end));
  sim.open('LIMITED');
  // The pattern of progress so far: the Dashboard sheet, as Small Wins → Refresh dashboard makes it.
  const refresh = menuFunction(sim, 'Refresh dashboard');
  if (refresh) sim.run(refresh);
  // A first synthesis Doc, for the goal with the nominated practice, as Small Wins → Year-end synthesis… makes it.
  const goalKey = call(sim, 'synthesisOpen').goals.find((g) => g.name === goals[0])?.key;
  if (goalKey) {
    const made = call(sim, 'synthesisRun', { startYear: 2026, goals: [goalKey] });
    if (!made.finished) throw new Error(`The seeded synthesis was not finished: ${made.message}`);
  }
  return { wins: all.length };
}

/** The practice behind the term's approved wins on one goal, nominated to the showcase (not shared with anyone yet). */
function nominateSeededPractice(sim: Simulator, goal: string): void {
  const [header, ...rows] = sim.spreadsheet.sheetValues('Wins') as unknown[][];
  const col = (h: string) => header.indexOf(h);
  const ids = rows
    .filter((r) => r[col('Status')] === 'Approved' && String(r[col('Goals')]).split(', ').includes(goal))
    .map((r) => String(r[col('ID')]))
    .slice(0, 4);
  if (!ids.length) return;
  const r = call(sim, 'showcaseSave', {
    id: '',
    version: '',
    action: 'nominate',
    practice: {
      name: 'Reading buddies on Fridays',
      goal,
      description:
        'Every Friday, older students read with younger ones in the library for thirty minutes. The older buddies use a one-page card with three prompts; teachers meet for ten minutes afterwards to note what worked.',
      impact: 'Library visits doubled over the term, and the buddies asked to keep it going; the linked wins tell how.',
      gradeBand: 'K–5',
      whoBenefits: 'Readers who are behind, and the older buddies',
      whatItTakes: 'Thirty minutes a week, a library slot, a one-page guide; no cost.',
      conditions: 'A librarian who opens the room on Fridays.',
      contact: `${PRINCIPAL.name}, ${PRINCIPAL.email}`,
      hostVisits: true,
      tier: 'Promising',
      winIds: ids,
    },
  });
  if (!r.ok) throw new Error(`The seeded practice was not nominated: ${r.message}`);
}
