// FormApp fake: forms (unpublished when created), items with choices, responses, and a spreadsheet
// destination whose response rows are written like typed input; submitResponse() backs sim.submitForm.
import { parseInput } from './cells';
import type { ServiceEnv, SimCore } from './core';
import { cellAt, ensureCell, findSheet, lastCol, lastRow, newSheet, nextSheetId, setParsed } from './grid';
import type { FormItemState, FormResponseState, FormState, ItemTypeName, SheetState, SpreadsheetState } from './types';

export const FORM_NOT_FOUND = 'No item with the given ID could be found, or you do not have permission to access it.';
const ITEM_TYPES = [
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'RATING',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
];
const QUESTION_TYPES: ItemTypeName[] = ['TEXT', 'PARAGRAPH_TEXT', 'MULTIPLE_CHOICE', 'CHECKBOX', 'LIST'];
const CHOICE_TYPES: ItemTypeName[] = ['MULTIPLE_CHOICE', 'CHECKBOX', 'LIST'];
const CLASS_OF: Record<ItemTypeName, string> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
  LIST: 'ListItem',
  SECTION_HEADER: 'SectionHeaderItem',
  PAGE_BREAK: 'PageBreakItem',
};
const AS_METHOD: Record<ItemTypeName, string> = {
  TEXT: 'asTextItem',
  PARAGRAPH_TEXT: 'asParagraphTextItem',
  MULTIPLE_CHOICE: 'asMultipleChoiceItem',
  CHECKBOX: 'asCheckboxItem',
  LIST: 'asListItem',
  SECTION_HEADER: 'asSectionHeaderItem',
  PAGE_BREAK: 'asPageBreakItem',
};
const FORM_COST = 100;
const TIMESTAMP_FORMAT = 'M/d/yyyy H:mm:ss';
const MODEL = Symbol('simForm');

export function isQuestion(item: FormItemState): boolean {
  return QUESTION_TYPES.includes(item.type);
}

export function editUrl(f: FormState): string {
  return `https://docs.google.com/forms/d/${f.id}/edit`;
}
export function publishedUrl(f: FormState): string {
  return `https://docs.google.com/forms/d/e/${f.publishedId}/viewform`;
}

export function newFormState(core: SimCore, title: string): FormState {
  const id = core.fileId('Form');
  const f: FormState = {
    id,
    publishedId: `1FAIpQLSe${id.slice(-12).replace(/_/g, 'x')}${core.seq++}`,
    title,
    description: '',
    confirmationMessage: '',
    collectEmail: false,
    emailCollectionType: 'DO_NOT_COLLECT',
    allowResponseEdits: false,
    limitOneResponsePerUser: false,
    requireLogin: false,
    progressBar: false,
    acceptingResponses: true,
    // Forms created through the API after 30 June 2026 start unpublished.
    published: false,
    deleted: false,
    items: [],
    responses: [],
    destination: null,
    owner: core.exec.user,
  };
  core.forms.set(id, f);
  return f;
}

function destinationSheet(core: SimCore, f: FormState): { ss: SpreadsheetState; sh: SheetState } | null {
  if (!f.destination) return null;
  const ss = core.spreadsheets.get(f.destination.spreadsheetId);
  const sh = ss?.sheets.find((s) => s.id === f.destination!.sheetId);
  return ss && sh ? { ss, sh } : null;
}

function headerCol(sh: SheetState, header: string): number {
  const row = sh.rows[0] ?? [];
  for (let c = 1; c <= row.length; c++) if (row[c - 1]?.v === header) return c;
  return 0;
}

/** The column of a form field in its destination sheet, adding it at the right if missing. */
function columnFor(core: SimCore, f: FormState, sh: SheetState, header: string, key: string): number {
  let c = headerCol(sh, header);
  if (!c) {
    c = Math.max(lastCol(sh), 0) + 1;
    if (c > sh.maxCols) sh.maxCols = c;
    ensureCell(sh, 1, c).v = header;
  }
  if (f.destination && key) f.destination.headers[key] = header;
  void core;
  return c;
}

function writeResponseRow(
  core: SimCore,
  f: FormState,
  resp: FormResponseState,
): { row: number; ss: SpreadsheetState; sh: SheetState } | null {
  const dest = destinationSheet(core, f);
  if (!dest) return null;
  const { ss, sh } = dest;
  const row = lastRow(sh) + 1;
  if (row > sh.maxRows) sh.maxRows = row;
  const ctx = { timeZone: ss.timeZone, nowMs: core.clock.nowMs() };
  const tsCol = columnFor(core, f, sh, 'Timestamp', '');
  const tsCell = ensureCell(sh, row, tsCol);
  tsCell.v = new Date(resp.timestamp);
  delete tsCell.f;
  if (!tsCell.fmt) tsCell.fmt = TIMESTAMP_FORMAT;
  if (f.collectEmail) {
    const c = columnFor(core, f, sh, 'Email Address', '');
    setParsed(ensureCell(sh, row, c), parseInput(resp.email, cellAt(sh, row, c)?.fmt, ctx));
  }
  for (const item of f.items) {
    if (!isQuestion(item)) continue;
    const header = f.destination!.headers[item.id] ?? item.title;
    const c = columnFor(core, f, sh, header, String(item.id));
    const a = resp.answers.find((x) => x.itemId === item.id);
    if (!a) continue;
    const text = Array.isArray(a.response) ? a.response.join(', ') : a.response;
    setParsed(ensureCell(sh, row, c), parseInput(text, cellAt(sh, row, c)?.fmt, ctx));
  }
  return { row, ss, sh };
}

export interface SubmitResult {
  responseId: string;
  row: number;
  spreadsheetId: string | null;
  sheetId: number | null;
}

/** Backs sim.submitForm: validates answers by item title, stores the response, writes the sheet row. */
export function submitResponse(
  core: SimCore,
  formId: string,
  answers: Record<string, string | string[]>,
  opts: { email?: string; at?: Date } = {},
): SubmitResult {
  const f = core.forms.get(formId);
  if (!f || f.deleted) throw new Error(`Simulator: no form ${formId} (deleted or never created)`);
  if (!f.published)
    throw new Error(
      `Simulator: form "${f.title}" is not published, so it cannot take responses (call form.setPublished(true))`,
    );
  if (!f.acceptingResponses) throw new Error(`Simulator: form "${f.title}" is not accepting responses`);
  const byTitle = new Map(f.items.filter(isQuestion).map((i) => [i.title, i]));
  for (const title of Object.keys(answers)) {
    if (!byTitle.has(title))
      throw new Error(
        `Simulator: form "${f.title}" has no question titled "${title}" (has: ${[...byTitle.keys()].join(' | ')})`,
      );
  }
  const resp: FormResponseState = {
    id: `2_ABaOnu${core.nextId('Resp')}`,
    timestamp: (opts.at ?? core.clock.now()).toISOString(),
    email: f.collectEmail ? (opts.email ?? 'respondent@example.com') : '',
    answers: [],
  };
  for (const item of f.items.filter(isQuestion)) {
    const a = answers[item.title];
    const empty = a === undefined || a === '' || (Array.isArray(a) && a.length === 0);
    if (empty) {
      if (item.required) throw new Error(`Simulator: "${item.title}" is a required question`);
      continue;
    }
    if (CHOICE_TYPES.includes(item.type)) {
      const list = Array.isArray(a) ? a : [a];
      if (item.type !== 'CHECKBOX' && list.length > 1) throw new Error(`Simulator: "${item.title}" takes one choice`);
      for (const v of list) {
        if (!item.choices.includes(v) && !item.otherOption)
          throw new Error(`Simulator: "${v}" is not a choice of "${item.title}"`);
      }
      resp.answers.push({ itemId: item.id, response: item.type === 'CHECKBOX' ? [...list] : list[0] });
    } else {
      resp.answers.push({ itemId: item.id, response: Array.isArray(a) ? a.join(', ') : a });
    }
  }
  f.responses.push(resp);
  const w = writeResponseRow(core, f, resp);
  return { responseId: resp.id, row: w?.row ?? 0, spreadsheetId: w?.ss.id ?? null, sheetId: w?.sh.id ?? null };
}

export function formsService(env: ServiceEnv) {
  const { core } = env;
  const err = env.error;
  const ItemType = env.enumOf('FormApp.ItemType', ITEM_TYPES);
  const DestinationType = env.enumOf('FormApp.DestinationType', ['SPREADSHEET']);
  const EmailCollectionType = env.enumOf('FormApp.EmailCollectionType', [
    'DO_NOT_COLLECT',
    'VERIFIED',
    'RESPONDER_INPUT',
  ]);

  function live(id: string): FormState {
    const f = core.forms.get(id);
    if (!f || f.deleted) throw err(FORM_NOT_FOUND);
    return f;
  }

  function choiceFacade(value: string) {
    return env.metered(
      'Choice',
      { getValue: () => value, isCorrectAnswer: () => false, [MODEL]: { choice: value } },
      FORM_COST,
    );
  }
  function choiceValue(x: unknown): string {
    const m = x && typeof x === 'object' ? (x as Record<symbol, { choice?: string }>)[MODEL] : undefined;
    if (m?.choice !== undefined) return m.choice;
    return String(x);
  }

  function itemFacade(formId: string, itemId: number, typed: boolean): object {
    const item = (): FormItemState => {
      const it = live(formId).items.find((i) => i.id === itemId);
      if (!it) throw err('Simulator: this form item was deleted');
      return it;
    };
    const type = item().type;
    const self: Record<string | symbol, unknown> = {
      [MODEL]: { formId, itemId },
      getId: () => itemId,
      getTitle: () => item().title,
      getType: () => ItemType[item().type],
      getIndex: () => live(formId).items.findIndex((i) => i.id === itemId),
      getHelpText: () => item().helpText,
      setTitle: (t: string) => {
        renameItem(formId, item(), String(t));
        return proxy;
      },
      setHelpText: (t: string) => {
        item().helpText = String(t);
        return proxy;
      },
      duplicate: () => {
        const f = live(formId);
        const copy = { ...item(), id: newItemId(), choices: [...item().choices] };
        f.items.splice(f.items.indexOf(item()) + 1, 0, copy);
        addDestinationColumn(f, copy);
        return itemFacade(formId, copy.id, true);
      },
    };
    if (!typed) {
      for (const t of Object.keys(AS_METHOD) as ItemTypeName[]) {
        self[AS_METHOD[t]] = () => {
          if (item().type !== t) throw err(`Invalid conversion for item type: ${item().type}`);
          return itemFacade(formId, itemId, true);
        };
      }
    } else {
      // Typed items (TextItem, ListItem...) have no as*Item methods in Apps Script: calling one is a TypeError there.
      for (const m of Object.values(AS_METHOD)) {
        self[m] = () => {
          throw err(
            `TypeError: ${m} is not a function (Simulator: ${CLASS_OF[type]} has no ${m} in Apps Script; only Item from getItems()/getItemById() does)`,
          );
        };
      }
      if (QUESTION_TYPES.includes(type)) {
        self.setRequired = (b: boolean) => ((item().required = !!b), proxy);
        self.isRequired = () => item().required;
        self.createResponse = undefined;
        delete self.createResponse;
      }
      if (CHOICE_TYPES.includes(type)) {
        self.setChoiceValues = (values: unknown[]) => {
          if (!Array.isArray(values) || values.length === 0) throw err('Invalid data updating form.');
          item().choices = values.map(String);
          return proxy;
        };
        self.setChoices = (choices: unknown[]) => {
          if (!Array.isArray(choices) || choices.length === 0) throw err('Invalid data updating form.');
          item().choices = choices.map(choiceValue);
          return proxy;
        };
        self.getChoices = () => env.arr(item().choices.map(choiceFacade));
        self.createChoice = (value: unknown) => choiceFacade(String(value));
      }
      if (type === 'MULTIPLE_CHOICE' || type === 'CHECKBOX') {
        self.showOtherOption = (b: boolean) => ((item().otherOption = !!b), proxy);
        self.hasOtherOption = () => item().otherOption;
      }
    }
    const proxy = env.metered(typed ? CLASS_OF[type] : 'Item', self, FORM_COST);
    return proxy;
  }

  function newItemId(): number {
    return 100000000 + core.seq++ * 7919;
  }

  function addDestinationColumn(f: FormState, item: FormItemState): void {
    if (!isQuestion(item)) return;
    const dest = destinationSheet(core, f);
    if (!dest) return;
    columnFor(core, f, dest.sh, item.title, String(item.id));
  }

  function renameItem(formId: string, item: FormItemState, title: string): void {
    const f = live(formId);
    item.title = title;
    const dest = destinationSheet(core, f);
    if (!dest || !isQuestion(item)) return;
    const old = f.destination!.headers[item.id];
    const c = old !== undefined ? headerCol(dest.sh, old) : 0;
    if (c) ensureCell(dest.sh, 1, c).v = title;
    else columnFor(core, f, dest.sh, title, String(item.id));
    f.destination!.headers[item.id] = title;
  }

  function itemIdOf(f: FormState, x: unknown): number {
    if (typeof x === 'number') {
      const it = f.items[x];
      if (!it) throw err(`Simulator: no item at index ${x}`);
      return it.id;
    }
    const m = x && typeof x === 'object' ? (x as Record<symbol, { itemId?: number }>)[MODEL] : undefined;
    if (!m?.itemId) throw err("The parameters (Object) don't match the method signature.");
    return m.itemId;
  }

  function responseFacade(formId: string, r: FormResponseState) {
    const self = {
      getId: () => r.id,
      getTimestamp: () => env.date(Date.parse(r.timestamp)),
      getRespondentEmail: () => r.email,
      getItemResponses: () =>
        env.arr(
          r.answers
            .filter((a) => live(formId).items.some((i) => i.id === a.itemId))
            .map((a) =>
              env.metered(
                'ItemResponse',
                {
                  getItem: () => itemFacade(formId, a.itemId, false),
                  getResponse: () => (Array.isArray(a.response) ? env.arr(a.response) : a.response),
                  getScore: () => null,
                },
                FORM_COST,
              ),
            ),
        ),
      getResponseForItem: (item: unknown) => {
        const id = itemIdOf(live(formId), item);
        const a = r.answers.find((x) => x.itemId === id);
        if (!a) return null;
        return env.metered(
          'ItemResponse',
          {
            getItem: () => itemFacade(formId, id, false),
            getResponse: () => (Array.isArray(a.response) ? env.arr(a.response) : a.response),
          },
          FORM_COST,
        );
      },
      getEditResponseUrl: () => `${publishedUrl(live(formId))}?edit2=${r.id}`,
    };
    return env.metered('FormResponse', self, FORM_COST);
  }

  function formFacade(id: string): object {
    const f = () => live(id);
    const add = (type: ItemTypeName) => () => {
      const form = f();
      const item: FormItemState = {
        id: newItemId(),
        type,
        title: '',
        helpText: '',
        required: false,
        choices: [],
        otherOption: false,
      };
      form.items.push(item);
      addDestinationColumn(form, item);
      return itemFacade(id, item.id, true);
    };
    const set =
      <K extends keyof FormState>(key: K, conv: (v: unknown) => FormState[K]) =>
      (v: unknown) => {
        f()[key] = conv(v);
        return proxy;
      };
    const self = {
      [MODEL]: { formId: id },
      getId: () => f().id,
      getTitle: () => f().title,
      setTitle: set('title', String),
      getDescription: () => f().description,
      setDescription: set('description', String),
      getConfirmationMessage: () => f().confirmationMessage,
      setConfirmationMessage: set('confirmationMessage', String),
      setCollectEmail: (b: boolean) => {
        f().collectEmail = !!b;
        f().emailCollectionType = b ? 'VERIFIED' : 'DO_NOT_COLLECT';
        return proxy;
      },
      collectsEmail: () => f().collectEmail,
      setEmailCollectionType: (t: unknown) => {
        const name = String(t) as FormState['emailCollectionType'];
        f().emailCollectionType = name;
        f().collectEmail = name !== 'DO_NOT_COLLECT';
        return proxy;
      },
      getEmailCollectionType: () => EmailCollectionType[f().emailCollectionType],
      setAllowResponseEdits: set('allowResponseEdits', Boolean),
      canEditResponse: () => f().allowResponseEdits,
      setLimitOneResponsePerUser: set('limitOneResponsePerUser', Boolean),
      hasLimitOneResponsePerUser: () => f().limitOneResponsePerUser,
      setRequireLogin: set('requireLogin', Boolean),
      requiresLogin: () => f().requireLogin,
      setProgressBar: set('progressBar', Boolean),
      hasProgressBar: () => f().progressBar,
      setShowLinkToRespondAgain: () => proxy,
      setShuffleQuestions: () => proxy,
      setAcceptingResponses: set('acceptingResponses', Boolean),
      isAcceptingResponses: () => f().acceptingResponses,
      setPublished: set('published', Boolean),
      isPublished: () => f().published,
      getPublishedUrl: () => publishedUrl(f()),
      getEditUrl: () => editUrl(f()),
      getSummaryUrl: () => `https://docs.google.com/forms/d/${id}/viewanalytics`,
      shortenFormUrl: (url: string) => `https://forms.gle/${Buffer.from(String(url)).toString('base64url').slice(-17)}`,
      getItems: (type?: unknown) =>
        env.arr(
          f()
            .items.filter((i) => type === undefined || String(type) === i.type)
            .map((i) => itemFacade(id, i.id, false)),
        ),
      getItemById: (itemId: number) => {
        const it = f().items.find((i) => i.id === Number(itemId));
        return it ? itemFacade(id, it.id, false) : null;
      },
      deleteItem: (x: unknown) => {
        const form = f();
        const itemId = itemIdOf(form, x);
        form.items = form.items.filter((i) => i.id !== itemId);
      },
      moveItem: (x: unknown, to: number) => {
        const form = f();
        const itemId = itemIdOf(form, x);
        const from = form.items.findIndex((i) => i.id === itemId);
        if (to < 0 || to >= form.items.length) throw err('Simulator: moveItem index out of range');
        const [it] = form.items.splice(from, 1);
        form.items.splice(to, 0, it);
        return itemFacade(id, itemId, false);
      },
      addTextItem: add('TEXT'),
      addParagraphTextItem: add('PARAGRAPH_TEXT'),
      addMultipleChoiceItem: add('MULTIPLE_CHOICE'),
      addCheckboxItem: add('CHECKBOX'),
      addListItem: add('LIST'),
      addSectionHeaderItem: add('SECTION_HEADER'),
      addPageBreakItem: add('PAGE_BREAK'),
      setDestination: (type: unknown, ssId: string) => {
        if (String(type) !== 'SPREADSHEET') throw err('Invalid argument: type');
        const ss = core.spreadsheets.get(String(ssId));
        if (!ss) throw err(FORM_NOT_FOUND);
        linkDestination(core, f(), ss);
        return proxy;
      },
      getDestinationId: () => {
        const d = f().destination;
        if (!d) throw err('This form does not currently have a response destination.');
        return d.spreadsheetId;
      },
      getDestinationType: () => {
        if (!f().destination) throw err('This form does not currently have a response destination.');
        return DestinationType.SPREADSHEET;
      },
      removeDestination: () => {
        const form = f();
        const dest = destinationSheet(core, form);
        if (dest) {
          dest.sh.formUrl = null;
          if (dest.ss.formUrl === publishedUrl(form) || dest.ss.formUrl === editUrl(form)) dest.ss.formUrl = null;
        }
        form.destination = null;
        return proxy;
      },
      getResponses: (since?: GoogleAppsScript.Base.Date) =>
        env.arr(
          f()
            .responses.filter((r) => !since || Date.parse(r.timestamp) >= since.getTime())
            .map((r) => responseFacade(id, r)),
        ),
      getResponse: (responseId: string) => {
        const r = f().responses.find((x) => x.id === String(responseId));
        if (!r) throw err(FORM_NOT_FOUND);
        return responseFacade(id, r);
      },
      deleteAllResponses: () => {
        f().responses = [];
        return proxy;
      },
    };
    const proxy: object = env.metered('Form', self, { default: FORM_COST, setDestination: 1500 });
    return proxy;
  }

  const app = {
    create: (title: string) => {
      core.requireAuth('FormApp.create');
      return formFacade(newFormState(core, String(title)).id);
    },
    openById: (id: string) => {
      core.requireAuth('FormApp.openById');
      live(String(id));
      return formFacade(String(id));
    },
    openByUrl: (url: string) => {
      core.requireAuth('FormApp.openByUrl');
      const u = String(url);
      let id = /\/forms\/d\/(?!e\/)([^/?#]+)/.exec(u)?.[1];
      if (!id) {
        const pub = /\/forms\/d\/e\/([^/?#]+)/.exec(u)?.[1];
        id = [...core.forms.values()].find((x) => x.publishedId === pub)?.id;
      }
      if (!id) throw err(FORM_NOT_FOUND);
      live(id);
      return formFacade(id);
    },
    getActiveForm: () => null,
    ItemType,
    DestinationType,
    EmailCollectionType,
    Alignment: env.enumOf('FormApp.Alignment', ['LEFT', 'CENTER', 'RIGHT']),
    PageNavigationType: env.enumOf('FormApp.PageNavigationType', ['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT']),
  };
  return {
    FormApp: env.metered('FormApp', app, { default: FORM_COST, create: 1000 }),
    formIdOf: (x: unknown) =>
      x && typeof x === 'object' ? ((x as Record<symbol, { formId?: string }>)[MODEL]?.formId ?? null) : null,
  };
}

/** setDestination: a new "Form Responses N" sheet (first tab) with Timestamp, [Email Address], question titles. */
export function linkDestination(core: SimCore, f: FormState, ss: SpreadsheetState): void {
  let n = 1;
  while (findSheet(ss, `Form Responses ${n}`)) n++;
  const sh = newSheet(nextSheetId(ss), `Form Responses ${n}`);
  ss.sheets.unshift(sh);
  f.destination = { spreadsheetId: ss.id, sheetId: sh.id, headers: {} };
  const headers = [
    'Timestamp',
    ...(f.collectEmail ? ['Email Address'] : []),
    ...f.items.filter(isQuestion).map((i) => i.title),
  ];
  if (headers.length > sh.maxCols) sh.maxCols = headers.length;
  headers.forEach((h, j) => (ensureCell(sh, 1, j + 1).v = h));
  for (const i of f.items.filter(isQuestion)) f.destination.headers[i.id] = i.title;
  sh.frozenRows = 1;
  sh.formUrl = publishedUrl(f);
  ss.formUrl = publishedUrl(f);
  for (const r of f.responses) writeResponseRow(core, f, r);
}
