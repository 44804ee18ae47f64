// The playground's District tab: the seeded school as the district sees it — its district export — and the district
// hub with three schools (this one, and two more seeded beside it), built from a copy of the school's current state
// in one simulator world, so nothing here changes the school itself. Rebuilt only when the school has changed.
import { join, resolve } from 'node:path';
import { call } from '../endpoints';
import { createSimulator, SimSpreadsheetModel, type Simulator } from '../sim';
import { SMALL_WINS_SIM } from '../addon-sim';
import { addWinRows, DISTRICT_ACCOUNT, hubSim, schoolSim } from '../spread-sim';
import { extraServices } from './services';
import type { PracticeInput } from '../../src/domain/showcase';
import type { DistrictPlaygroundView } from './types';
import { sheetsOf } from './view';

const ROOT = resolve(__dirname, '..', '..');

/** What a neighbouring school logged, month by month through the spring term. */
const STEPS = [
  'We tried the routine in two classrooms',
  'Students asked to keep it going',
  'Two more teachers joined after a visit',
  'What did not work: Friday afternoons',
  'Families noticed the change at conferences',
  'The survey moved in the right direction',
  'We wrote a one-page guide for new staff',
  'Next year we start in the first week',
];

const wins = (prefix: string, goal: string) =>
  Array.from({ length: 8 }, (_, i) => ({
    id: `W-${String(i + 1).padStart(4, '0')}`,
    submittedAt: new Date(Date.UTC(2026, 1 + i, 10, 15)).toISOString(),
    status: i === 7 ? 'New' : 'Approved',
    kind: i % 4 === 3 ? 'Lesson learned' : 'Win',
    headline: `${goal}: ${STEPS[i]}`,
    story: `${STEPS[i]}. ${prefix} staff shared it at the weekly meeting.`,
    goals: goal,
    consent: i % 2 ? 'Public' : 'Staff only',
    consentGiven: i % 2 ? 'Public' : 'Staff only',
    namesStudents: 'No',
    privacyCleared: 'No',
    name: `${['Jordan', 'Sam', 'Alex', 'Robin'][i % 4]} ${['Kim', 'Osei', 'Novak', 'Reyes'][(i + 1) % 4]}`,
    email: `teacher@${prefix.toLowerCase().replace(/\W+/g, '')}.example`,
    role: 'Teacher',
    responseKey: `R-${prefix}-${i}`,
  }));

/** A neighbouring school's nominated practice, in its own words (the Showcase dialog's fields it fills in). */
type NeighbourPractice = Pick<
  PracticeInput,
  'name' | 'description' | 'impact' | 'gradeBand' | 'whoBenefits' | 'whatItTakes' | 'conditions'
>;

function seedNeighbour(
  world: Simulator,
  dist: string,
  principal: string,
  name: string,
  goal: string,
  practice: NeighbourPractice,
) {
  const sim = schoolSim(dist, { principal, name }, world);
  sim.open('LIMITED');
  sim.run('setUp');
  // No Settings needed: the school's name is its spreadsheet's.
  addWinRows(sim, wins(name, goal));
  call(sim, 'showcaseSave', {
    id: '',
    version: '',
    action: 'nominate',
    practice: {
      ...practice,
      goal,
      contact: principal,
      hostVisits: true,
      tier: 'Promising',
      winIds: ['W-0002', 'W-0004', 'W-0006'],
    },
  });
  return call(sim, 'districtShare', { district: DISTRICT_ACCOUNT, draftEmail: false }).view.url;
}

let cache: { key: string; view: DistrictPlaygroundView } | null = null;

export function districtView(school: Simulator, distDir: string, key: string): DistrictPlaygroundView {
  if (cache?.key === key) return cache.view;
  const distHub = process.env.SW_DIST_HUB || join(ROOT, 'dist-hub');
  const copy = createSimulator({ ...SMALL_WINS_SIM, state: school.exportState(), services: extraServices() });
  copy.load(distDir);
  const said: string[] = [];
  const shared = call(copy, 'districtOpen');
  const url =
    shared.sharing && shared.district === DISTRICT_ACCOUNT
      ? shared.url
      : call(copy, 'districtShare', { district: DISTRICT_ACCOUNT, draftEmail: false }).view.url;
  const others = [
    seedNeighbour(copy, distDir, 'principal@oakhill.example', 'Oak Hill Middle', 'Math confidence', {
      name: 'Number talks',
      description:
        'Ten minutes at the start of every math lesson: one dot image or one mental calculation, students share how they solved it, the teacher records the strategies on the board without saying which is best.',
      impact:
        'Grade 7 students who said they are "good at math" rose from 38% to 55% over the spring; the linked wins tell how.',
      gradeBand: '6–8',
      whoBenefits: 'Students who are anxious about math',
      whatItTakes: 'Ten minutes a lesson; one planning meeting to share images; no cost.',
      conditions: 'Teachers agree to hold back the answer until students have shared.',
    }),
    seedNeighbour(copy, distDir, 'principal@elmstreet.example', 'Elm Street High', 'Belonging and wellbeing', {
      name: 'Welcome crew',
      description:
        'Trained Grade 11 volunteers meet every new student on their first day, give the tour, eat lunch with them for the first week and check in after a month.',
      impact: 'New students who said they had a friend at school after a month rose from 61% to 84%.',
      gradeBand: '9–12',
      whoBenefits: 'Students joining mid-year, and the volunteers',
      whatItTakes: 'A two-hour training each term and a counsellor who matches the pairs.',
      conditions: 'The front office tells the crew about new students a day ahead.',
    }),
  ];
  const hub = hubSim(distHub, copy);
  hub.open('FULL');
  hub.run('hubSetUp');
  for (const link of [url, ...others]) {
    hub.ui.answerNextAlert('OK', link);
    hub.run('hubAddSchool');
    said.push(hub.ui.alerts[hub.ui.alerts.length - 1].message);
  }
  hub.run('hubRefreshNow');
  said.push(hub.ui.alerts[hub.ui.alerts.length - 1].message);
  const exportId = /\/d\/([^/]+)\//.exec(url)![1];
  const exportModel = new SimSpreadsheetModel(copy.core, () => exportId);
  const view: DistrictPlaygroundView = {
    note: "The school's district export as the district account sees it (nominated practices, public stories only, counts), and the district hub after adding it with two more seeded schools and refreshing. Built from a copy of the school: nothing here changes it.",
    export: { name: exportModel.name, sheets: sheetsOf(exportModel), activeSheet: 'Practices' },
    hub: {
      name: hub.spreadsheet.name,
      sheets: sheetsOf(hub.spreadsheet).filter((s) => s.name !== 'Sheet1'),
      activeSheet: 'Schools',
    },
    said,
  };
  cache = { key, view };
  return view;
}
