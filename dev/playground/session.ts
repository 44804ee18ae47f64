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

/** What one browser visitor has open: each visitor sees only the sidebar, dialog and notices their own actions made. */
export interface VisitorPages {
  sidebar: OpenPage | null;
  dialog: OpenPage | null;
  /** Alerts and toasts of the visitor's last action, shown once by their page. */
  alerts: AlertView[];
  toasts: string[];
}

interface SavedPlayground {
  version: 1;
  sim: SimState;
  activity: ActivityEntry[];
  /** Open sidebars and dialogs by visitor. */
  visitors?: Record<string, { sidebar: OpenPage | null; dialog: OpenPage | null }>;
}

export interface SessionOptions {
  distDir: string;
  stateFile: string;
}

const KEEP_ACTIVITY = 300;
/** Visitors whose open pages are remembered (the least recently seen are forgotten first). */
const KEEP_VISITORS = 50;
/** A visitor's ID as the page sends it: letters, digits and dashes. */
export const VISITOR_ID = /^[A-Za-z0-9-]{1,64}$/;

/** A plain sentence from anything thrown (never a stack trace). */
export function sentence(e: unknown): string {
  const m = e && typeof e === 'object' && 'message' in e ? String((e as Error).message) : String(e);
  return m.split('\n')[0];
}

export class Session {
  sim!: Simulator;
  activity: ActivityEntry[] = [];
  /** Each browser visitor's open sidebar and dialog (a Map keeps them in the order they were last seen). */
  private visitors = new Map<string, VisitorPages>();
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
        this.visitors = new Map(
          Object.entries(saved.visitors ?? {}).map(([id, v]) => [
            id,
            { sidebar: v.sidebar ?? null, dialog: v.dialog ?? null, alerts: [], toasts: [] },
          ]),
        );
        this.pageSeq = Math.max(
          0,
          ...[...this.visitors.values()].flatMap((v) => [v.sidebar?.n ?? 0, v.dialog?.n ?? 0]),
        );
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
    this.visitors.clear();
    const { entry } = this.act(
      'Seeded Maple Grove Elementary: Set up, a term of Form responses, triage and a past newsletter',
      () => seedSchool(this.sim),
      { advanceClock: false },
    );
    // Seeding opens dialogs and sidebars along the way; a fresh school starts with none open, for every visitor.
    this.visitors.clear();
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
    opts: { advanceClock?: boolean; visitor?: string } = {},
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
    this.collectUi(seen, opts.visitor ?? 'seed');
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

  /** The visitor's open pages (a new visitor has none); marks the visitor as seen now. */
  visitor(id: string): VisitorPages {
    let pages = this.visitors.get(id);
    if (pages) this.visitors.delete(id);
    else pages = { sidebar: null, dialog: null, alerts: [], toasts: [] };
    this.visitors.set(id, pages);
    for (const old of this.visitors.keys()) {
      if (this.visitors.size <= KEEP_VISITORS) break;
      this.visitors.delete(old);
    }
    return pages;
  }

  /** The sidebar, dialog, alerts and toasts an action showed go to the visitor who took it, and to no one else. */
  private collectUi(
    seen: { sidebars: number; dialogs: number; alerts: number; toasts: number },
    visitor: string,
  ): void {
    const ui = this.sim.ui;
    const mine = this.visitor(visitor);
    const sidebar = ui.sidebars.slice(seen.sidebars).pop();
    if (sidebar)
      mine.sidebar = {
        kind: 'sidebar',
        n: ++this.pageSeq,
        title: sidebar.title,
        html: sidebar.html,
        width: sidebar.width,
      };
    const dialog = ui.dialogs.slice(seen.dialogs).pop();
    if (dialog)
      mine.dialog = {
        kind: 'dialog',
        n: ++this.pageSeq,
        title: dialog.title,
        html: dialog.html,
        width: dialog.width,
        height: dialog.height,
        modal: dialog.modal,
      };
    mine.alerts.push(...ui.alerts.slice(seen.alerts).map((a) => ({ ...a, answered: answerOf(a.buttons) })));
    mine.toasts.push(...ui.toasts.slice(seen.toasts).map((t) => (t.title ? `${t.title}: ${t.message}` : t.message)));
  }

  /** Closes the sidebar or dialog (google.script.host.close(), or the page's close button). */
  close(kind: 'sidebar' | 'dialog', visitor: string): void {
    const mine = this.visitor(visitor);
    if (kind === 'sidebar') mine.sidebar = null;
    else mine.dialog = null;
    this.save();
  }

  /** The visitor's page has shown the alerts and toasts. */
  takeNotices(visitor: string): { alerts: AlertView[]; toasts: string[] } {
    const mine = this.visitor(visitor);
    const out = { alerts: mine.alerts, toasts: mine.toasts };
    mine.alerts = [];
    mine.toasts = [];
    return out;
  }

  /** The visitor's open sidebar or dialog numbered `n` (another visitor's is not theirs to load). */
  page(kind: 'sidebar' | 'dialog', n: number, visitor: string): OpenPage | null {
    const mine = this.visitors.get(visitor);
    const p = mine ? (kind === 'sidebar' ? mine.sidebar : mine.dialog) : null;
    return p && p.n === n ? p : null;
  }

  save(): void {
    const saved: SavedPlayground = {
      version: 1,
      sim: this.sim.exportState(),
      activity: this.activity,
      visitors: Object.fromEntries([...this.visitors].map(([id, v]) => [id, { sidebar: v.sidebar, dialog: v.dialog }])),
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
