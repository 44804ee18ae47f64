// Year-end synthesis: the dialog's endpoints, and the run that makes one Doc per chosen goal for a school year. A run
// is a job kept in document properties: each Doc is recorded as soon as it exists and when it is finished, so a run
// stopped by Apps Script's 6-minute limit is finished by the next tick of the clock (or the next run from the menu),
// never making a Doc twice. Docs are keyed by school year and goal ID: a renamed goal keeps its Doc.
import { readGoals } from '../adapters/goals-sheet';
import { BusyError } from '../adapters/lock';
import { monthGridIn, MonthStarts, readSchoolClock, SchoolClock } from '../adapters/school-clock';
import { loadSettings } from '../adapters/settings-store';
import { readShowcaseIfAny } from '../adapters/showcase-sheet';
import { DocumentStore } from '../adapters/store';
import { writeSynthesisDoc } from '../adapters/synthesis-doc';
import { currentUserEmail } from '../adapters/triage-sidebar';
import { openWinsLog, readColumns } from '../adapters/wins/log';
import type { BuildProgress } from '../domain/doc-build';
import { SYNTHESIS_REQUEST } from '../domain/endpoint-shapes';
import { schoolYear, schoolYearOf, synthesisYearOf } from '../domain/school-year';
import {
  NO_GOAL_KEY,
  NO_GOAL_NAME,
  SYNTHESIS_FIELDS,
  SynthesisInput,
  SynthesisSubject,
  SynthesisWin,
  synthesisTitle,
  synthesize,
} from '../domain/synthesis';
import { synthesisOutline } from '../domain/synthesis-outline';
import { cellString } from '../domain/text';
import { WinCells, winFromCells } from '../domain/win';
import type {
  SynthesisDocView,
  SynthesisEndpoints,
  SynthesisRequest,
  SynthesisRunView,
  SynthesisView,
} from '../synthesis-api';
import type { ClockJob } from './clock';
import { endpoint } from './endpoints';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const SYNTHESIS_MENU = 'Small Wins → Year-end synthesis…';
const DIALOG = 'the Year-end synthesis dialog';
/** A run starts no new Doc after this long: Apps Script stops an execution at 6 minutes. */
export const RUN_BUDGET_MS = 4.5 * 60_000;
/** How long a run's claim holds: another run (the clock, a second leader) waits until then. */
const CLAIM_MS = 6 * 60_000;
const JOB = 'synthesisJob';
const BUILD = 'synthesisBuild';

/** The run in document properties: which Docs, how far it got, and who runs it now. */
export interface SynthesisJob {
  year: number;
  /** Goal IDs (and NO_GOAL_KEY) in the order the Docs are made. */
  keys: string[];
  /** How many of them are finished. */
  next: number;
  /** "23 June 2027": every Doc of the run says the same day, so a resumed run recognises its own plans. */
  madeOn: string;
  by: string;
  startedAt: string;
  /** A run is working on it until then (ISO). */
  claimUntil?: string;
  /** Set once every Doc is done (ISO), and by whom: the menu or the clock. */
  finishedAt?: string;
  finishedBy?: 'menu' | 'clock';
  /** A run stopped before the end at least once (so the leader is told the clock finished it). */
  interrupted?: boolean;
}

/** What is kept per Doc: its ID, how it ended, and whether it was finished (not cut off halfway). */
interface DocRecord {
  id: string;
  state: SynthesisDocView['state'];
  note: string;
  complete: boolean;
}

const docKey = (year: number, key: string) => `synthesisDoc.${year}.${key}`;

export function showSynthesisDialog(): void {
  const html = HtmlService.createHtmlOutputFromFile('Synthesis').setWidth(560).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(html, 'Year-end synthesis');
}

function jobOf(store: DocumentStore): SynthesisJob | null {
  const job = store.config[JOB] as SynthesisJob | undefined;
  return job && Array.isArray(job.keys) ? job : null;
}

function isClaimed(job: SynthesisJob, nowMs: number): boolean {
  return !job.finishedAt && !!job.claimUntil && Date.parse(job.claimUntil) > nowMs;
}

/** The progress store of the Doc being written (one at a time). */
function buildStore(store: DocumentStore) {
  return {
    load: () => store.config[BUILD] as BuildProgress | undefined,
    save: (p: BuildProgress) => store.save({ [BUILD]: p }),
    clear: () => {
      if (store.config[BUILD] !== undefined) store.save({ [BUILD]: null });
    },
  };
}

/** Everything one execution reads once: the year's wins (only the fields the Docs show), goals, practices. */
interface RunData {
  input: SynthesisInput;
  school: string;
  showcase: boolean;
  clock: SchoolClock;
}

function readRunData(ss: Spreadsheet, store: DocumentStore, year: number): RunData {
  const clock = readSchoolClock(ss);
  const y = schoolYear(year);
  const zone = monthGridIn(clock.timeZone, y.months, store.config.monthStarts as MonthStarts | undefined);
  if (zone.changed) store.save({ monthStarts: zone.cache });
  const log = openWinsLog(ss);
  const read = readColumns(log, SYNTHESIS_FIELDS, Number(store.config.dashboardLogSize) || 1_000_000);
  const wins: SynthesisWin[] = [];
  for (let i = 0; i < read.last - 1; i++) {
    const cells: WinCells = {};
    let filled = false;
    for (const f of SYNTHESIS_FIELDS) {
      const v = read.cells[f]?.[i];
      cells[f] = v;
      if (!filled && cellString(v).trim()) filled = true;
    }
    if (filled) wins.push(winFromCells(cells));
  }
  const showcase = readShowcaseIfAny(ss);
  return {
    input: { wins, goals: readGoals(ss).goals, practices: showcase?.practices ?? [], year: y, grid: zone.grid },
    school: loadSettings(store).schoolName,
    showcase: showcase !== null,
    clock,
  };
}

function subjectOf(key: string, data: RunData): SynthesisSubject | null {
  if (key === NO_GOAL_KEY) return { key, name: NO_GOAL_NAME, description: '' };
  const goal = data.input.goals.find((g) => g.id === key);
  return goal ? { key, name: goal.name, description: goal.description } : null;
}

/**
 * Works on the job until every Doc is done or the budget is spent (no Doc is started after `deadlineMs`). Each Doc
 * is recorded as it is made; the job's `next` moves on only when one is finished.
 */
export function continueSynthesis(
  ss: Spreadsheet,
  store: DocumentStore,
  job: SynthesisJob,
  deadlineMs: number,
  from: 'menu' | 'clock',
): SynthesisJob {
  const data = readRunData(ss, store, job.year);
  const progress = buildStore(store);
  while (job.next < job.keys.length) {
    if (Date.now() > deadlineMs) {
      job = { ...job, interrupted: true, claimUntil: undefined };
      store.save({ [JOB]: job });
      return job;
    }
    const key = job.keys[job.next];
    const subject = subjectOf(key, data);
    const record = store.config[docKey(job.year, key)] as DocRecord | undefined;
    let result: DocRecord;
    if (!subject)
      result = {
        id: record?.id ?? '',
        state: 'left alone',
        note: 'This goal is no longer in the Goals sheet.',
        complete: true,
      };
    else {
      const s = synthesize(subject, data.input);
      if (key === NO_GOAL_KEY && !s.entries.length && !record)
        result = { id: '', state: 'no entries', note: '', complete: true };
      else {
        const title = synthesisTitle(data.school, s);
        const made = writeSynthesisDoc({
          existingId: record?.id || null,
          complete: record?.complete ?? false,
          title,
          blocks: (withNotesHeading) =>
            synthesisOutline(s, {
              school: data.school,
              grid: data.input.grid,
              madeOn: job.madeOn,
              showcase: data.showcase,
              withNotesHeading,
            }).blocks,
          salt: JSON.stringify([job.madeOn, job.year, key]),
          progress,
          onCreated: (id) => store.save({ [docKey(job.year, key)]: { id, state: 'made', note: '', complete: false } }),
        });
        result = { id: made.id, state: made.state, note: made.note, complete: true };
      }
    }
    job = { ...job, next: job.next + 1 };
    const finished = job.next >= job.keys.length;
    if (finished) job = { ...job, finishedAt: new Date().toISOString(), finishedBy: from, claimUntil: undefined };
    store.save({ [docKey(job.year, key)]: result, [JOB]: job });
  }
  return job;
}

/** The run as the dialog shows it: every Doc with its link and state, and what the leader should know. */
export function runView(store: DocumentStore, job: SynthesisJob, names: Map<string, string>): SynthesisRunView {
  const y = schoolYear(job.year);
  const docs: SynthesisDocView[] = job.keys.map((key, i) => {
    const r = store.config[docKey(job.year, key)] as DocRecord | undefined;
    const name = key === NO_GOAL_KEY ? NO_GOAL_NAME : (names.get(key) ?? key);
    if (i >= job.next || !r) return { key, name, url: r?.id ? docUrlOf(r.id) : '', state: 'waiting', note: '' };
    return { key, name, url: r.id ? docUrlOf(r.id) : '', state: r.state, note: r.note };
  });
  const made = job.keys.slice(0, job.next).length;
  let message: string;
  if (job.finishedAt)
    message =
      job.interrupted && job.finishedBy === 'clock'
        ? `Every Doc for ${y.label} is ready: the run was stopped by Apps Script’s time limit and the clock finished it.`
        : `Every Doc for ${y.label} is ready.`;
  else
    message = `${made} of ${job.keys.length} Docs are ready. Apps Script stops a run after 6 minutes, so the others are made at the next tick of the clock (within the hour), or when you run Year-end synthesis again.`;
  return { year: y.label, docs, finished: Boolean(job.finishedAt), message };
}

function docUrlOf(id: string): string {
  return `https://docs.google.com/document/d/${id}/edit`;
}

function goalNames(ss: Spreadsheet): Map<string, string> {
  return new Map(
    readGoals(ss)
      .goals.filter((g) => g.id)
      .map((g) => [g.id!, g.name]),
  );
}

function openDialog(): SynthesisView {
  const ss = SpreadsheetApp.getActive();
  const store = DocumentStore.open();
  const clock = readSchoolClock(ss);
  const current = schoolYearOf(clock.today);
  const goals = readGoals(ss).goals.filter((g) => g.id);
  const years = [0, 1, 2, 3, 4].map((k) => schoolYear(current.startYear - k));
  const job = jobOf(store);
  return {
    school: loadSettings(store).schoolName,
    years: years.map((y) => ({ startYear: y.startYear, label: y.label, span: y.span })),
    defaultYear: synthesisYearOf(clock.today).startYear,
    goals: goals.map((g) => ({ key: g.id!, name: g.name, active: g.active })),
    lastRun: job ? runView(store, job, new Map(goals.map((g) => [g.id!, g.name]))) : null,
  };
}

/** The dialog's run: a new job for the chosen year and goals, worked on until done or the budget is spent. */
function startRun(request: SynthesisRequest): SynthesisRunView {
  const started = Date.now();
  const ss = SpreadsheetApp.getActive();
  const store = DocumentStore.open();
  const running = jobOf(store);
  if (running && isClaimed(running, started))
    throw new BusyError(
      `A synthesis is being made right now (started by ${running.by}). Open Year-end synthesis again in a few minutes to see its Docs.`,
    );
  const goals = readGoals(ss).goals;
  const known = new Set(goals.filter((g) => g.id).map((g) => g.id!));
  const keys = [
    ...goals.filter((g) => g.id && request.goals.includes(g.id)).map((g) => g.id!),
    ...(request.goals.includes(NO_GOAL_KEY) ? [NO_GOAL_KEY] : []),
  ];
  const unknown = request.goals.filter((k) => k !== NO_GOAL_KEY && !known.has(k));
  if (unknown.length)
    throw new Error('Some of the chosen goals are no longer in the Goals sheet: open the dialog again.');
  if (!keys.length) throw new Error('Choose at least one goal.');
  const clock = readSchoolClock(ss);
  const job: SynthesisJob = {
    year: request.startYear,
    keys,
    next: 0,
    madeOn: clock.date,
    by: currentUserEmail(),
    startedAt: new Date(started).toISOString(),
    claimUntil: new Date(started + CLAIM_MS).toISOString(),
  };
  store.save({ [JOB]: job, [BUILD]: null });
  const after = continueSynthesis(ss, store, job, started + RUN_BUDGET_MS, 'menu');
  return runView(store, after, goalNames(ss));
}

export const synthesisEndpoints: SynthesisEndpoints = {
  synthesisOpen: endpoint(DIALOG, [], openDialog),
  synthesisRun: endpoint(DIALOG, [['request', SYNTHESIS_REQUEST]], startRun),
};

// ---- The clock ------------------------------------------------------------------------------------------------

/**
 * The clock's share: a run stopped before the end (and that no run is working on now) is taken over and continued
 * within this tick's budget, counted from the tick's start.
 */
export const synthesisJob: ClockJob = {
  name: 'synthesis',
  due(tick) {
    const job = jobOf(tick.store);
    return Boolean(job && !job.finishedAt && !isClaimed(job, tick.nowMs));
  },
  run(tick) {
    const job = jobOf(tick.store)!;
    // The clock only ever finishes a run that stopped before its end: the leader is told so.
    const claimed: SynthesisJob = {
      ...job,
      interrupted: true,
      claimUntil: new Date(Date.now() + CLAIM_MS).toISOString(),
    };
    tick.store.save({ [JOB]: claimed });
    const after = continueSynthesis(tick.ss, tick.store, claimed, tick.nowMs + RUN_BUDGET_MS, 'clock');
    return after.finishedAt
      ? `finished the ${schoolYear(after.year).label} synthesis (${after.keys.length} Docs)`
      : `made ${after.next} of ${after.keys.length} synthesis Docs; the rest at the next tick`;
  },
};
