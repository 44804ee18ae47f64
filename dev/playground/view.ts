// What the page shows, read from the simulator without metering: the spreadsheet's tabs and grid, the add-on
// menu, the open sidebar and dialog, the intake Forms, Docs and Gmail drafts, triggers and the activity log.
import type { Simulator } from '../sim';
import type { Session, VisitorPages } from './session';
import type { ChartView, FormView, MenuItemView, PlaygroundView, SheetView, TriggerView } from './types';
import { readDocs, readDrafts } from './workspace';
import { SCHOOL } from './school';

const DEFAULT_WIDTH = 100;

function letter(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A chart's first range as data: its header row names the series, its first column the categories. */
function charts(model: Simulator['spreadsheet'], name: string): ChartView[] {
  return model.sheet(name)!.charts.map((c) => {
    const [sheetName, a1] = (c.ranges[0] ?? '!').split('!');
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a1);
    const grid = model.sheet(sheetName)?.displayValues ?? [];
    const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const block = m ? grid.slice(+m[2] - 1, +m[4]).map((r) => r.slice(col(m[1]) - 1, col(m[3]))) : [];
    return {
      title: String(c.options.title ?? ''),
      type: c.type,
      stacked: c.options.isStacked === true,
      anchor: `${letter(c.position.column)}${c.position.row}`,
      series: (block[0] ?? []).slice(1),
      categories: block.slice(1).map((r) => r[0] ?? ''),
      values: block.slice(1).map((r) => r.slice(1).map((v) => Number(v) || 0)),
    };
  });
}

function sheets(sim: Simulator): SheetView[] {
  return sheetsOf(sim.spreadsheet);
}

/** Every tab of a spreadsheet model as the page draws it (the school's, or another file such as an export). */
export function sheetsOf(model: Simulator['spreadsheet']): SheetView[] {
  return model.sheetNames().map((name) => {
    const sheet = model.sheet(name)!;
    const rows = sheet.displayValues;
    const cols = Math.max(rows[0]?.length ?? 0, 1);
    const widths = Array.from({ length: cols }, (_, c) => sheet.widths[c + 1] ?? DEFAULT_WIDTH);
    return { name, frozenRows: sheet.frozenRows, widths, rows, charts: charts(model, name) };
  });
}

function menuItems(items: unknown[]): MenuItemView[] {
  return items.map((raw) => {
    const item = raw as { caption?: string; fn?: string; separator?: boolean; items?: unknown[] };
    if (item.separator) return { caption: '', separator: true };
    if (item.items) return { caption: item.caption ?? '', items: menuItems(item.items) };
    return { caption: item.caption ?? '', fn: item.fn };
  });
}

function forms(sim: Simulator): FormView[] {
  return [...sim.forms.values()]
    .filter((f) => !f.deleted)
    .map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      confirmationMessage: f.confirmationMessage,
      published: f.published,
      acceptingResponses: f.acceptingResponses,
      collectEmail: f.collectEmail,
      responses: f.responses.length,
      items: f.items.map((i) => ({
        id: i.id,
        type: i.type,
        title: i.title,
        helpText: i.helpText,
        required: i.required,
        choices: [...i.choices],
        otherOption: i.otherOption,
      })),
    }));
}

function describeSchedule(s: Record<string, unknown> | undefined): string {
  if (!s) return '';
  const days = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const at = typeof s.atHour === 'number' ? ` at ${s.atHour}:${String(s.nearMinute ?? 0).padStart(2, '0')}` : '';
  const every = Number(s.every ?? 1);
  switch (s.kind) {
    case 'once':
      return `once at ${String(s.at)}`;
    case 'minutes':
      return every > 1 ? `every ${every} minutes` : 'every minute';
    case 'hours':
      return every > 1 ? `every ${every} hours` : 'every hour';
    case 'days':
      return `every ${every > 1 ? `${every} days` : 'day'}${at}`;
    case 'weeks':
      return `every ${every > 1 ? `${every} weeks on ` : ''}${days[Number(s.weekDay ?? 1)]}${at}`;
    default:
      return String(s.kind ?? '');
  }
}

function triggers(sim: Simulator): TriggerView[] {
  return sim.triggers().map((t) => {
    const schedule = t.schedule as (Record<string, unknown> & { next?: string | null }) | undefined;
    return {
      id: t.id,
      fn: t.fn,
      type: t.type,
      owner: t.owner,
      schedule: t.type === 'ON_FORM_SUBMIT' ? 'when a Form response arrives' : describeSchedule(schedule),
      next: schedule?.next ?? null,
    };
  });
}

/** What `visitor` sees: the shared school, with their own open sidebar, dialog and notices. */
export function playgroundView(session: Session, visitor: string): PlaygroundView {
  const sim = session.sim;
  const mine = session.visitor(visitor);
  const state = sim.spreadsheet.state;
  const active = state.sheets.find((s) => s.id === state.activeSheetId)?.name ?? state.sheets[0]?.name ?? '';
  const page = (p: VisitorPages['sidebar']) =>
    p ? { kind: p.kind, n: p.n, title: p.title, width: p.width, height: p.height, modal: p.modal } : null;
  return {
    school: SCHOOL,
    now: sim.clock.now().toISOString(),
    timeZone: sim.spreadsheet.timeZone,
    user: sim.core.defaultUser,
    spreadsheet: { name: sim.spreadsheet.name, sheets: sheets(sim), activeSheet: active },
    menus: sim.ui.menus.map((m) => ({ title: m.title, items: menuItems(m.items) })),
    sidebar: page(mine.sidebar),
    dialog: page(mine.dialog),
    alerts: mine.alerts,
    toasts: mine.toasts,
    forms: forms(sim),
    docs: readDocs(sim),
    drafts: readDrafts(sim),
    triggers: triggers(sim),
    activity: session.activity.slice(-100).reverse(),
  };
}
