// HtmlService (HtmlOutput from strings or dist/*.html files) and the spreadsheet Ui (menus, alerts,
// prompts, sidebars, dialogs), recorded in sim.ui so tests can inspect and answer them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MenuItemRecord, ServiceEnv } from './core';

const BUTTONS = ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const;
const BUTTON_SETS = ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const;

type Facade = any;
const OUTPUT = Symbol('simHtmlOutput');

interface HtmlOutputState {
  content: string;
  title: string;
  width?: number;
  height?: number;
}

export function htmlService(env: ServiceEnv) {
  const { core } = env;
  const SandboxMode = env.enumOf('HtmlService.SandboxMode', ['EMULATED', 'IFRAME', 'NATIVE']);
  const XFrameOptionsMode = env.enumOf('HtmlService.XFrameOptionsMode', ['ALLOWALL', 'DEFAULT']);

  function output(state: HtmlOutputState): Facade {
    const self = {
      [OUTPUT]: state,
      setTitle: (t: string) => ((state.title = String(t)), proxy),
      getTitle: () => state.title,
      setWidth: (w: number) => ((state.width = Number(w)), proxy),
      getWidth: () => state.width ?? null,
      setHeight: (h: number) => ((state.height = Number(h)), proxy),
      getHeight: () => state.height ?? null,
      getContent: () => state.content,
      setContent: (c: string) => ((state.content = String(c)), proxy),
      append: (c: string) => ((state.content += String(c)), proxy),
      appendUntrusted: (c: string) => (
        (state.content += String(c).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)),
        proxy
      ),
      clear: () => ((state.content = ''), proxy),
      setSandboxMode: () => proxy,
      setXFrameOptionsMode: () => proxy,
      addMetaTag: () => proxy,
      setFaviconUrl: () => proxy,
    };
    const proxy = env.metered('HtmlOutput', self, 1) as unknown as Facade;
    return proxy;
  }

  function readFile(name: string): string {
    if (!core.distDir) throw env.error(`No HTML file named ${name} was found.`);
    const file = path.join(core.distDir, name.endsWith('.html') ? name : `${name}.html`);
    if (!fs.existsSync(file)) throw env.error(`No HTML file named ${name} was found.`);
    return fs.readFileSync(file, 'utf8');
  }

  const app = {
    createHtmlOutput: (html?: unknown) => output({ content: html === undefined ? '' : String(html), title: '' }),
    createHtmlOutputFromFile: (name: string) => output({ content: readFile(String(name)), title: '' }),
    SandboxMode,
    XFrameOptionsMode,
  };
  return { HtmlService: env.metered('HtmlService', app, 1) };
}

export function htmlOf(x: unknown): { content: string; title: string; width?: number; height?: number } {
  if (typeof x === 'string') return { content: x, title: '' };
  const s = x && typeof x === 'object' ? (x as Record<symbol, HtmlOutputState>)[OUTPUT] : undefined;
  if (!s) throw new Error("The parameters (Object) don't match the method signature for Ui.showSidebar.");
  return s;
}

export function uiService(env: ServiceEnv): () => object {
  const { core } = env;
  const Button = env.enumOf('Ui.Button', BUTTONS);
  const ButtonSet = env.enumOf('Ui.ButtonSet', BUTTON_SETS);

  function menu(title: string, addon: boolean, items: MenuItemRecord[] = []): Facade {
    const self = {
      [OUTPUT]: { title, items },
      addItem: (caption: string, fn: string) => {
        items.push({ caption: String(caption), fn: String(fn) });
        return proxy;
      },
      addSeparator: () => {
        items.push({ separator: true });
        return proxy;
      },
      addSubMenu: (sub: unknown) => {
        const s = (sub as Record<symbol, { title: string; items: MenuItemRecord[] }>)[OUTPUT];
        items.push({ caption: s.title, items: s.items });
        return proxy;
      },
      addToUi: () => {
        const name = addon ? core.addonName : title;
        const existing = core.ui.menus.findIndex((m) => m.title === name);
        const rec = { title: name, items: [...items] };
        if (existing >= 0) core.ui.menus[existing] = rec;
        else core.ui.menus.push(rec);
      },
    };
    const proxy = env.metered('Menu', self, 2) as unknown as Facade;
    return proxy;
  }

  function defaultButton(set: string): string {
    return set === 'YES_NO' || set === 'YES_NO_CANCEL' ? 'YES' : 'OK';
  }

  function setName(x: unknown): string | undefined {
    if (x === undefined || x === null) return undefined;
    const n = String(x);
    return (BUTTON_SETS as readonly string[]).includes(n) ? n : undefined;
  }

  /** alert/prompt take (message), (message, buttons) or (title, message, buttons). */
  const dialogArgs = (a: unknown, b?: unknown, c?: unknown): { title?: string; message: string; buttons?: string } => {
    if (c !== undefined) return { title: String(a), message: String(b), buttons: setName(c) };
    if (b !== undefined && setName(b)) return { message: String(a), buttons: setName(b) };
    return { message: String(a) };
  };

  const ui = {
    createAddonMenu: () => menu(core.addonName, true),
    createMenu: (title: string) => menu(String(title), false),
    alert: (a: unknown, b?: unknown, c?: unknown) => {
      const { title, message, buttons } = dialogArgs(a, b, c);
      core.ui.alerts.push({ ...(title !== undefined ? { title } : {}), message, ...(buttons ? { buttons } : {}) });
      const answer = core.ui.answers.shift();
      return Button[answer?.button ?? defaultButton(buttons ?? 'OK')];
    },
    prompt: (a: unknown, b?: unknown, c?: unknown) => {
      const { title, message, buttons } = dialogArgs(a, b, c);
      core.ui.alerts.push({
        ...(title !== undefined ? { title } : {}),
        message,
        ...(buttons ? { buttons } : {}),
        prompt: true,
      });
      const answer = core.ui.answers.shift();
      const button = Button[answer?.button ?? defaultButton(buttons ?? 'OK')];
      const text = answer?.text ?? '';
      return env.metered('PromptResponse', { getResponseText: () => text, getSelectedButton: () => button }, 0);
    },
    showSidebar: (out: unknown) => {
      const h = htmlOf(out);
      core.ui.sidebars.push({ title: h.title, html: h.content, ...(h.width !== undefined ? { width: h.width } : {}) });
    },
    showModalDialog: (out: unknown, title: string) => {
      const h = htmlOf(out);
      core.ui.dialogs.push({ title: String(title), html: h.content, modal: true, width: h.width, height: h.height });
    },
    showModelessDialog: (out: unknown, title: string) => {
      const h = htmlOf(out);
      core.ui.dialogs.push({ title: String(title), html: h.content, modal: false, width: h.width, height: h.height });
    },
    Button,
    ButtonSet,
  };
  const proxy = env.metered('Ui', ui, {
    default: 2,
    alert: 300,
    prompt: 300,
    showSidebar: 300,
    showModalDialog: 300,
    showModelessDialog: 300,
  });
  return () => proxy;
}
