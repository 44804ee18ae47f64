// The playground's District tab: the seeded school as the district sees it — its district export — and the district
// hub with three schools (this one, and two more seeded beside it), built from a copy of the school's current state
// in one simulator world, so nothing here changes the school itself. Rebuilt only when the school has changed.
import { join, resolve } from 'node:path';
import { call } from '../endpoints';
import { createSimulator, SimSpreadsheetModel, type Simulator } from '../sim';
import { SMALL_WINS_SIM } from '../addon-sim';
import { addWinRows, DISTRICT_ACCOUNT, hubSim, schoolSim } from '../spread-sim';
import { extraServices } from './services';
import type { DistrictPlaygroundView } from './types';
import { sheetsOf } from './view';

const ROOT = resolve(__dirname, '..', '..');

const wins = (prefix: string, goal: string) =>
  Array.from({ length: 8 }, (_, i) => ({
    id: `W-${String(i + 1).padStart(4, '0')}`,
    submittedAt: new Date(Date.UTC(2026, 1 + i, 10, 15)).toISOString(),
    status: i === 7 ? 'New' : 'Approved',
    kind: i % 4 === 3 ? 'Lesson learned' : 'Win',
    headline: `${prefix}: week ${i + 1}`,
    story: `${prefix} kept going, week ${i + 1}.`,
    goals: goal,
    consent: i % 2 ? 'Public' : 'Staff only',
    consentGiven: i % 2 ? 'Public' : 'Staff only',
    namesStudents: 'No',
    privacyCleared: 'No',
    name: 'A teacher',
    email: `teacher@${prefix.toLowerCase().replace(/\W+/g, '')}.example`,
    role: 'Teacher',
    responseKey: `R-${prefix}-${i}`,
  }));

function seedNeighbour(
  world: Simulator,
  dist: string,
  principal: string,
  name: string,
  goal: string,
  practice: string,
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
      name: practice,
      goal,
      description: `${practice}: a short routine every week, run by the staff who started it.`,
      impact: 'Entries on this goal doubled over the spring term.',
      gradeBand: 'All grades',
      whoBenefits: 'Every student',
      whatItTakes: 'Twenty minutes a week and a shared calendar.',
      conditions: 'A staff lead who keeps it going.',
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
    seedNeighbour(copy, distDir, 'principal@oakhill.example', 'Oak Hill Middle', 'Math confidence', 'Number talks'),
    seedNeighbour(
      copy,
      distDir,
      'principal@elmstreet.example',
      'Elm Street High',
      'Belonging and wellbeing',
      'Welcome crew',
    ),
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
