// The playground's live school: the built add-on in the simulator, every action a person takes (menu item,
// google.script.run call, Form response, clock move) metered into the activity log, and state saved to a file.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createSimulator, type SimState, type Simulator } from '../sim';
import { SCHOOL, SCHOOL_NOW, SCHOOL_USER, seedSchool } from './school';
import { extraServices } from './services';
import type { ActivityEntry, AlertView, MeterCost } from './types';
import { SMALL_WINS_SIM } from '../addon-sim';

export interface OpenPage {
  kind: 'sidebar' | 'dialog';
  n: number;
  title: string;
  html: string;
  width?: number;
  height?: number;
  modal?: boolean;
}

interface SavedPlayground {
  version: 1;
  sim: SimState;
  activity: ActivityEntry[];
  sidebar: OpenPage | null;
  dialog: OpenPage | null;
}

export interface SessionOptions {
  distDir: string;
  stateFile: string;
}

const KEEP_ACTIVITY = 300;

/** A plain sentence from anything thrown (never a stack trace). */
export function sentence(e: unknown): string {
  const m = e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
  return m.split('\n')[0];
}

export class Session {
  sim!: Simulator;
  activity: ActivityEntry[] = [];
  sidebar: OpenPage | null = null;
  dialog: OpenPage | null = null;
  /** Alerts and toasts of the last action, shown once by the page. */
  alerts: AlertView[] = [];
  toasts: string[] = [];
  private pageSeq = 0;

  constructor(private readonly opts: SessionOptions) {}

  /** Restores the saved school, or seeds a new one when there is none (or it cannot be read). */
  start(): { restored: boolean; note?: string } {
    if (existsSync(this.opts.stateFile)) {
      try {
        const saved = JSON.parse(readFileSync(this.opts.stateFile, 'utf8')) as SavedPlayground;
        if (saved.version !== 1 || !saved.sim) throw new Error('unknown format');
        this.sim = this.newSimulator(saved.sim);
        this.activity = saved.activity ?? [];
        this.sidebar = saved.sidebar ?? null;
        this.dialog = saved.dialog ?? null;
        this.pageSeq = Math.max(this.sidebar?.n ?? 0, this.dialog?.n ?? 0);
        this.act('Opened the spreadsheet (onOpen builds the menu)', () => this.sim.open('LIMITED'), {
          advanceClock: false,
        });
        return { restored: true };
      } catch (e) {
        this.reset();
        return {
          restored: false,
          note: `The saved playground in ${this.opts.stateFile} could not be read (${sentence(e)}); a new school was seeded.`,
        };
      }
    }
    this.reset();
    return { restored: false };
  }

  /** Throws the school away and seeds it again, as on first start. */
  reset(): ActivityEntry {
    this.sim = this.newSimulator();
    this.activity = [];
    this.sidebar = null;
    this.dialog = null;
    this.alerts = [];
    this.toasts = [];
    const { entry } = this.act(
      'Seeded Maple Grove Elementary: Set up, a term of Form responses, triage and a past newsletter',
      () => seedSchool(this.sim),
      { advanceClock: false },
    );
    // Seeding opens dialogs and sidebars along the way; a fresh school starts with none open.
    this.sidebar = null;
    this.dialog = null;
    this.alerts = [];
    this.toasts = [];
    this.save();
    return entry;
  }

  private newSimulator(state?: SimState): Simulator {
    const sim = createSimulator(
      state
        ? { ...SMALL_WINS_SIM, state, services: extraServices() }
        : {
            ...SMALL_WINS_SIM,
            now: SCHOOL_NOW,
            user: SCHOOL_USER,
            spreadsheetName: `${SCHOOL} — Small Wins`,
            services: extraServices(),
          },
    );
    sim.load(this.opts.distDir);
    return sim;
  }

  /**
   * Runs one action as a person would take it: meters it, collects the add-on's log lines, the sidebars, dialogs,
   * alerts and toasts it showed, lets simulated time pass by what it cost, and saves the school.
   */
  act<T>(
    what: string,
    work: () => T,
    opts: { advanceClock?: boolean } = {},
  ): { entry: ActivityEntry; value?: T; error?: string } {
    const sim = this.sim;
    const at = sim.clock.now().toISOString();
    const before = { calls: sim.meter.calls, ms: sim.meter.ms, byMethod: structuredClone(sim.meter.byMethod) };
    const seen = {
      logs: sim.logs.length,
      errors: sim.errors.length,
      sidebars: sim.ui.sidebars.length,
      dialogs: sim.ui.dialogs.length,
      alerts: sim.ui.alerts.length,
      toasts: sim.ui.toasts.length,
    };
    let value: T | undefined;
    let error: string | undefined;
    try {
      value = work();
    } catch (e) {
      error = sentence(e);
    }
    const cost = costSince(before, sim.meter);
    const fired: string[] = [];
    if (opts.advanceClock !== false && cost.ms > 0)
      fired.push(...this.passTime(sim.clock.now().getTime() + Math.ceil(cost.ms)));
    this.collectUi(seen);
    const logs = sim.logs.slice(seen.logs);
    for (const e of sim.errors.slice(seen.errors)) logs.push(`Trigger ${e.fn} failed: ${e.message}`);
    const entry: ActivityEntry = {
      n: (this.activity[this.activity.length - 1]?.n ?? 0) + 1,
      at,
      what,
      cost,
      logs,
      ...(error ? { error } : {}),
      ...(fired.length ? { fired } : {}),
    };
    this.activity.push(entry);
    if (this.activity.length > KEEP_ACTIVITY) this.activity.splice(0, this.activity.length - KEEP_ACTIVITY);
    this.save();
    return { entry, value, error };
  }

  /** Moves the clock to `target`, firing every time-driven trigger due on the way; returns what fired. */
  passTime(target: number): string[] {
    const due = this.sim.triggers().filter((t) => t.type === 'CLOCK');
    const nextBefore = new Map(
      due.map((t) => [t.id, (t.schedule as { next?: string | null } | undefined)?.next ?? null]),
    );
    const count = this.sim.advanceTo(new Date(Math.max(target, this.sim.clock.now().getTime())));
    if (!count) return [];
    const names = due.filter((t) => {
      const next = nextBefore.get(t.id);
      return next !== null && next !== undefined && Date.parse(next) <= target;
    });
    return [
      `${count} time-driven run${count > 1 ? 's' : ''} of ${[...new Set(names.map((t) => t.fn))].join(', ') || 'a trigger'}`,
    ];
  }

  private collectUi(seen: { sidebars: number; dialogs: number; alerts: number; toasts: number }): void {
    const ui = this.sim.ui;
    const sidebar = ui.sidebars.slice(seen.sidebars).pop();
    if (sidebar)
      this.sidebar = {
        kind: 'sidebar',
        n: ++this.pageSeq,
        title: sidebar.title,
        html: sidebar.html,
        width: sidebar.width,
      };
    const dialog = ui.dialogs.slice(seen.dialogs).pop();
    if (dialog)
      this.dialog = {
        kind: 'dialog',
        n: ++this.pageSeq,
        title: dialog.title,
        html: dialog.html,
        width: dialog.width,
        height: dialog.height,
        modal: dialog.modal,
      };
    this.alerts.push(...ui.alerts.slice(seen.alerts).map((a) => ({ ...a, answered: answerOf(a.buttons) })));
    this.toasts.push(...ui.toasts.slice(seen.toasts).map((t) => (t.title ? `${t.title}: ${t.message}` : t.message)));
  }

  /** Closes the sidebar or dialog (google.script.host.close(), or the page's close button). */
  close(kind: 'sidebar' | 'dialog'): void {
    if (kind === 'sidebar') this.sidebar = null;
    else this.dialog = null;
    this.save();
  }

  /** The page has shown the alerts and toasts. */
  takeNotices(): { alerts: AlertView[]; toasts: string[] } {
    const out = { alerts: this.alerts, toasts: this.toasts };
    this.alerts = [];
    this.toasts = [];
    return out;
  }

  page(kind: 'sidebar' | 'dialog', n: number): OpenPage | null {
    const p = kind === 'sidebar' ? this.sidebar : this.dialog;
    return p && p.n === n ? p : null;
  }

  save(): void {
    const saved: SavedPlayground = {
      version: 1,
      sim: this.sim.exportState(),
      activity: this.activity,
      sidebar: this.sidebar,
      dialog: this.dialog,
    };
    mkdirSync(dirname(this.opts.stateFile), { recursive: true });
    const tmp = `${this.opts.stateFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(saved));
    renameSync(tmp, this.opts.stateFile);
  }
}

/** The simulator answers an alert with its set's default button unless told otherwise. */
function answerOf(buttons: string | undefined): string {
  return buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? 'YES' : 'OK';
}

function costSince(
  before: { calls: number; ms: number; byMethod: Record<string, { calls: number; ms: number }> },
  meter: Simulator['meter'],
): MeterCost {
  const byMethod: MeterCost['byMethod'] = [];
  for (const [method, now] of Object.entries(meter.byMethod)) {
    const was = before.byMethod[method] ?? { calls: 0, ms: 0 };
    const calls = now.calls - was.calls;
    if (calls > 0) byMethod.push({ method, calls, ms: Math.round((now.ms - was.ms) * 1000) / 1000 });
  }
  byMethod.sort((a, b) => b.ms - a.ms || b.calls - a.calls);
  return { calls: meter.calls - before.calls, ms: Math.round((meter.ms - before.ms) * 1000) / 1000, byMethod };
}
