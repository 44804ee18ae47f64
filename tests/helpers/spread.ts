// Schools for the Spread tests: a school with Set up run, its name saved, and wins whose consent and privacy differ,
// so what reaches the district export can be told apart by their stories.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addWinRows, DISTRICT_ACCOUNT, hubSim, schoolSim } from '../../dev/spread-sim';
import { call } from '../../dev/endpoints';
import type { PracticeInput, ShowcaseSaveResult } from '../../src/spread-api';
import type { WinField } from '../../src/domain/schema';
import { DIST, setUpSchool, type Sim } from './addon';
import { saveSettings, settingsInput } from '../integration/newsletter-fixtures';

type WinRow = Partial<Record<WinField, string>>;

export const STORY = {
  public: 'Year 5 ran the reading club on their own by March.',
  staffOnly: 'A teacher broke down after the inspection; the team covered her classes.',
  uncleared: 'Maya and Theo read their poems at assembly.',
  community: 'Families came to the phonics morning and stayed for coffee.',
  unapproved: 'A new idea, not triaged yet.',
};

export function winRow(id: string, over: WinRow = {}): WinRow {
  return {
    id,
    submittedAt: '2026-09-15T13:00:00.000Z',
    status: 'Approved',
    kind: 'Win',
    headline: `Headline of ${id}`,
    story: STORY.public,
    evidence: '',
    link: '',
    goals: 'Reading for all',
    suggestedGoals: '',
    source: 'Classroom observation',
    consent: 'Public',
    consentGiven: 'Public',
    namesStudents: 'No',
    privacyCleared: 'No',
    featured: 'No',
    blurb: '',
    name: 'Ana Ruiz',
    email: `ana.ruiz@${id.toLowerCase()}.example`,
    role: 'Teacher',
    updatedAt: '2026-09-15T13:00:00.000Z',
    responseKey: `R-${id}`,
    ...over,
  };
}

/** The five kinds of win every Spread test uses, by ID. */
export const WINS: WinRow[] = [
  winRow('W-0001', { submittedAt: '2026-01-12T14:00:00.000Z' }),
  winRow('W-0002', { story: STORY.staffOnly, consent: 'Staff only', consentGiven: 'Staff only' }),
  winRow('W-0003', { story: STORY.uncleared, namesStudents: 'Yes', privacyCleared: 'No' }),
  winRow('W-0004', { story: STORY.community, consent: 'School community', consentGiven: 'School community' }),
  winRow('W-0005', { story: STORY.unapproved, status: 'New', submittedAt: '2026-11-20T10:00:00.000Z' }),
  winRow('W-0006', { kind: 'Lesson learned', submittedAt: '2026-10-03T10:00:00.000Z', goals: 'Math confidence' }),
];

/** Set up, the school's name saved, and the wins above (plus `extra`). */
export function readySchool(sim: Sim, name: string, extra: WinRow[] = []): Sim {
  setUpSchool(sim);
  const saved = saveSettings(
    sim,
    settingsInput({ schoolName: name, cadence: { kind: 'off', weekday: 5, monthDay: 1, hour: 7 } }),
  );
  if (!saved.ok) throw new Error(`settings not saved: ${saved.message}`);
  addWinRows(sim, [...WINS, ...extra]);
  return sim;
}

export function practice(over: Partial<PracticeInput> = {}): PracticeInput {
  return {
    name: 'Reading buddies',
    goal: 'Reading for all',
    description: 'Older students read with younger ones every Friday in the library.',
    impact: 'Library visits doubled in a term (library log).',
    gradeBand: 'K–5',
    whoBenefits: 'Readers who are behind, and the older buddies',
    whatItTakes: 'Thirty minutes a week, a library slot, a one-page guide.',
    conditions: 'A librarian who opens the room on Fridays.',
    contact: 'Ana Ruiz, ana.ruiz@school.example',
    hostVisits: true,
    tier: 'Promising',
    winIds: ['W-0001', 'W-0002'],
    ...over,
  };
}

export function saved(r: ShowcaseSaveResult): Extract<ShowcaseSaveResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected a save, got ${JSON.stringify(r)}`);
  return r;
}

/** Nominates a new practice through the dialog's endpoint; returns its ID. */
export function nominate(sim: Sim, over: Partial<PracticeInput> = {}): string {
  return saved(call(sim, 'showcaseSave', { id: '', version: '', action: 'nominate', practice: practice(over) }))
    .practice.id;
}

// ---- A district: schools side by side with the hub ----------------------------------------------------------------

export const DIST_HUB = process.env.SW_DIST_HUB || join(__dirname, '..', '..', 'dist-hub');

export interface District {
  maple: Sim;
  oak: Sim;
  elm: Sim;
  hub: Sim;
  /** Export IDs by school. */
  exports: Record<'maple' | 'oak' | 'elm', string>;
}

export function exportIdOf(url: string): string {
  return /\/d\/([^/]+)\//.exec(url)![1];
}

/**
 * Three schools with different goals, each with its export; Maple and Oak share theirs with the district, Elm shared
 * its export with the wrong account. The hub is set up; no school is added yet.
 */
export function district(opts: { clockFollowsCalls?: boolean; executionLimitMs?: number } = {}): District {
  if (!existsSync(join(DIST_HUB, 'Code.js'))) throw new Error('dist-hub/ is not built: run `npm run build` first.');
  const maple = readySchool(
    schoolSim(DIST, { principal: 'principal@maple.example', name: 'Maple' }, undefined, opts),
    'Maple Grove Elementary',
  );
  const oak = readySchool(
    schoolSim(DIST, { principal: 'principal@oak.example', name: 'Oak' }, maple),
    'Oak Hill Middle',
    [winRow('W-0100', { goals: 'Math confidence', submittedAt: '2026-03-02T15:00:00.000Z' })],
  );
  const elm = readySchool(
    schoolSim(DIST, { principal: 'principal@elm.example', name: 'Elm' }, maple),
    'Elm Street High',
  );
  nominate(maple, { name: 'Reading buddies' });
  nominate(oak, { name: 'Number talks', goal: 'Math confidence', winIds: ['W-0100', 'W-0006'] });
  nominate(elm, { name: 'Welcome crew', goal: 'Belonging and wellbeing', winIds: ['W-0001'] });
  const share = (sim: Sim, to: string) =>
    exportIdOf(call(sim, 'districtShare', { district: to, draftEmail: false }).view.url);
  const ids = {
    maple: share(maple, DISTRICT_ACCOUNT),
    oak: share(oak, DISTRICT_ACCOUNT),
    elm: share(elm, 'someone.else@district.example'),
  };
  const hub = hubSim(DIST_HUB, maple);
  hub.open('FULL');
  hub.run('hubSetUp');
  return { maple, oak, elm, hub, exports: ids };
}

/** Adds a school to the hub through the menu: the prompt answered with the link. */
export function addSchool(hub: Sim, link: string): string {
  hub.ui.answerNextAlert('OK', link);
  hub.run('hubAddSchool');
  return hub.ui.alerts[hub.ui.alerts.length - 1].message;
}

/** A hub sheet as records by header (unmetered), dates as ISO. */
export function hubRows(hub: Sim, sheet: string): Array<Record<string, string>> {
  const [header, ...rows] = hub.spreadsheet.sheetValues(sheet) as unknown[][];
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) =>
      Object.fromEntries(
        header.map((h, i) => [String(h), r[i] instanceof Date ? (r[i] as Date).toISOString() : String(r[i] ?? '')]),
      ),
    );
}
