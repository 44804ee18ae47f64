// The intake Form: created or reopened by ID, its questions kept in step with the spec and the Goals
// sheet, published, linked to this spreadsheet, with plain-text response columns.
import {
  FORM_CONFIRMATION,
  FORM_DESCRIPTION,
  FORM_TITLE,
  IntakeField,
  QUESTIONS,
  QuestionSpec,
} from '../domain/form-spec';
import type { FormConsent } from '../domain/consent-record';
import { Goal } from '../domain/goals';
import { cellString } from '../domain/text';
import type { QuestionMap } from '../domain/intake';
import type { StoredConfig } from './store';

type Form = GoogleAppsScript.Forms.Form;
type Item = GoogleAppsScript.Forms.Item;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface FormSync {
  form: Form;
  formId: string;
  url: string;
  questionMap: QuestionMap;
  itemFields: Record<string, IntakeField>;
  changes: string[];
  /** The sheet the Form's responses land in (looked up once per Set up), or null when there is none. */
  responseSheet: GoogleAppsScript.Spreadsheet.Sheet | null;
}

/** A Form item with its ID and title, each read once. */
interface KnownItem {
  item: Item;
  id: string;
  title: string;
}

/** Choices Small Wins reads back by value: kept exactly as the spec says. Goals follow the Goals sheet. */
const MANAGED_CHOICES: ReadonlySet<IntakeField> = new Set<IntakeField>(['kind', 'consent', 'namesStudents', 'goals']);

function openStoredForm(formId: string | undefined): Form | null {
  if (!formId) return null;
  try {
    return FormApp.openById(formId);
  } catch (err) {
    return null;
  }
}

/** What every kind of question item shares while it is being set up. */
interface NewQuestion {
  setTitle(title: string): NewQuestion;
  setHelpText(text: string): NewQuestion;
  setRequired(required: boolean): NewQuestion;
  getId(): number;
}

const ADD_QUESTION: Record<QuestionSpec['type'], (form: Form) => NewQuestion> = {
  TEXT: (form) => form.addTextItem(),
  PARAGRAPH_TEXT: (form) => form.addParagraphTextItem(),
  MULTIPLE_CHOICE: (form) => form.addMultipleChoiceItem(),
  CHECKBOX: (form) => form.addCheckboxItem(),
  LIST: (form) => form.addListItem(),
};

/** Adds a question and returns it as a generic Item (typed items have no as*Item conversions). */
function addItem(form: Form, q: QuestionSpec): KnownItem {
  const id = ADD_QUESTION[q.type](form).setTitle(q.title).setHelpText(q.help).setRequired(q.required).getId();
  return { item: form.getItemById(id), id: String(id), title: q.title };
}

type ChoiceItem =
  GoogleAppsScript.Forms.CheckboxItem | GoogleAppsScript.Forms.MultipleChoiceItem | GoogleAppsScript.Forms.ListItem;

function asChoiceItem(item: Item, type: string): ChoiceItem | null {
  if (type === 'CHECKBOX') return item.asCheckboxItem();
  if (type === 'MULTIPLE_CHOICE') return item.asMultipleChoiceItem();
  if (type === 'LIST') return item.asListItem();
  return null;
}

/**
 * The question's choices, as the spec's type first (no getType call); a question a school turned into another kind
 * of choice (a dropdown, checkboxes) is converted by the type it has now.
 */
function setChoices(item: Item, q: QuestionSpec, choices: string[]): void {
  let choice: ChoiceItem | null;
  try {
    choice = asChoiceItem(item, q.type);
  } catch {
    // "Invalid conversion for item type": the school changed the question's type.
    choice = asChoiceItem(item, String(item.getType()));
  }
  if (!choice)
    throw new Error(`The Form question "${q.title}" has changed type; delete it and run Set up to recreate it.`);
  choice.setChoiceValues(choices);
}

function choicesFor(q: QuestionSpec, goals: readonly Goal[]): string[] {
  if (q.field === 'goals') {
    const names = goals.filter((g) => g.active).map((g) => g.name);
    return names.length ? names : ['Other'];
  }
  return (q.choices ?? []).slice();
}

/**
 * Creates the Form or brings an existing one back in line; never touches wording a school changed. `onCreated` gets a
 * new Form's ID at once (before its questions) to keep with `formUnfinished`, so a Set up stopped halfway is finished,
 * not repeated, by the next: a Form still unfinished is set up as a new one would be.
 */
export function ensureForm(
  ss: Spreadsheet,
  stored: StoredConfig,
  goals: readonly Goal[],
  onCreated: (formId: string) => void = () => undefined,
): FormSync {
  const changes: string[] = [];
  let form = openStoredForm(stored.formId);
  const created = !form || Boolean(stored.formUnfinished);
  if (form && created) changes.push('Finished setting up the intake Form, which an earlier Set up had left halfway.');
  if (!form) {
    form = FormApp.create(FORM_TITLE);
    onCreated(form.getId());
  }
  if (created) {
    form.setDescription(FORM_DESCRIPTION).setConfirmationMessage(FORM_CONFIRMATION).setProgressBar(false);
    try {
      // Verified email collection where the domain allows it; consumer accounts ask for an address.
      form.setCollectEmail(true);
    } catch (err) {
      changes.push('The Form could not be set to collect email addresses; submitters are asked for their name only.');
    }
    if (!stored.formUnfinished)
      changes.push(
        stored.formId
          ? 'The intake Form could not be opened (it may have been deleted), so a new one was made.'
          : 'Created the intake Form.',
      );
  }

  const storedFields = stored.itemFields ?? {};
  // Each item's ID and title are read once and reused below.
  const byId = new Map<string, KnownItem>();
  const byTitle = new Map<string, KnownItem>();
  for (const item of form.getItems()) {
    const known = { item, id: String(item.getId()), title: item.getTitle().trim() };
    byId.set(known.id, known);
    byTitle.set(known.title.toLowerCase(), known);
  }
  const itemForField = new Map<IntakeField, KnownItem>();
  for (const [id, field] of Object.entries(storedFields)) {
    const item = byId.get(id);
    if (item) itemForField.set(field as IntakeField, item);
  }

  const questionMap: QuestionMap = {};
  const itemFields: Record<string, IntakeField> = {};
  for (const q of QUESTIONS) {
    let item =
      itemForField.get(q.field) ?? (created || !stored.itemFields ? byTitle.get(q.title.toLowerCase()) : undefined);
    const added = !item;
    if (!item) {
      item = addItem(form, q);
      if (!created) changes.push(`Re-added the Form question "${q.title}", which was missing.`);
    }
    if (MANAGED_CHOICES.has(q.field) || (q.choices && (created || added)))
      setChoices(item.item, q, choicesFor(q, goals));
    const title = item.title;
    const previous = Object.keys(stored.questionMap ?? {}).find((t) => stored.questionMap?.[t] === q.field);
    if (previous && previous !== title)
      changes.push(`Learned the retitled Form question "${title}" (was "${previous}").`);
    questionMap[title] = q.field;
    itemFields[item.id] = q.field;
  }

  // New forms start unpublished and take no responses until published.
  if (!form.isPublished()) {
    form.setPublished(true);
    if (!created) changes.push('Published the intake Form so it takes responses.');
  }
  if (!form.isAcceptingResponses()) form.setAcceptingResponses(true);

  let linked: boolean;
  try {
    linked = form.getDestinationId() === ss.getId();
  } catch (err) {
    linked = false;
  }
  const formId = form.getId();
  // Read once: the link to share, and how the response sheet names its form.
  const published = form.getPublishedUrl();
  // Linked, but its response sheet was deleted: linking again makes a new one holding every response.
  let responseSheet = linked ? findResponseSheet(ss, formId, published) : null;
  if (!responseSheet) linked = false;
  if (!linked) {
    form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
    if (!created) changes.push('Linked the intake Form to this spreadsheet again.');
    responseSheet = findResponseSheet(ss, formId, published);
  }
  if (responseSheet) keepResponsesAsText(responseSheet);
  let url = published;
  try {
    url = form.shortenFormUrl(url);
  } catch (err) {
    // The long link works as well.
  }
  return { form, formId, url, questionMap, itemFields, changes, responseSheet };
}

/**
 * The response sheet fed by this Form, found by its form URL (people rename sheets). `publishedUrl`, when the caller
 * has it, recognises the sheet without asking Forms.
 */
export function findResponseSheet(
  ss: Spreadsheet,
  formId: string,
  publishedUrl?: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  for (const sheet of ss.getSheets()) {
    const url = sheet.getFormUrl();
    if (!url) continue;
    // The URL may be the edit or the published link; asking Forms which form it is covers both.
    if (url.indexOf(formId) >= 0 || (publishedUrl && url === publishedUrl)) return sheet;
    try {
      if (FormApp.openByUrl(url).getId() === formId) return sheet;
    } catch (err) {
      // A deleted form's old response sheet: not ours.
    }
  }
  return null;
}

/** Answers such as 007 or 3/4 land as typed only when the response columns are plain text. */
function keepResponsesAsText(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const columns = Math.max(sheet.getLastColumn(), 2);
  // Column 1 is the Timestamp, which the Form writes as a date. Written only when a cell is not plain text yet.
  const answers = sheet.getRange(2, 2, Math.max(sheet.getMaxRows() - 1, 1), columns - 1);
  if (answers.getNumberFormats().some((row) => row.some((f) => f !== '@'))) answers.setNumberFormat('@');
}

/**
 * The Form's own responses since `since` (read through FormApp, never from the editable response sheet): when each
 * came, who sent it, and its headline and consent answers, read only for responses `near` says could matter.
 */
export function readFormConsents(
  form: Form,
  itemFields: Record<string, IntakeField>,
  since: Date | null,
  near: (atMs: number) => boolean,
): FormConsent[] {
  const itemFor = (field: IntakeField): Item | null => {
    const id = Object.keys(itemFields).find((k) => itemFields[k] === field);
    if (!id) return null;
    try {
      return form.getItemById(Number(id));
    } catch {
      return null;
    }
  };
  const headlineItem = itemFor('headline');
  const consentItem = itemFor('consent');
  if (!headlineItem || !consentItem) return [];
  const answer = (r: GoogleAppsScript.Forms.FormResponse, item: Item): string => {
    const given = r.getResponseForItem(item);
    return given ? cellString(given.getResponse()) : '';
  };
  const out: FormConsent[] = [];
  for (const r of since ? form.getResponses(since) : form.getResponses()) {
    const at = r.getTimestamp();
    if (!near(at.getTime())) continue;
    out.push({
      at: at.toISOString(),
      email: r.getRespondentEmail(),
      headline: answer(r, headlineItem),
      consent: answer(r, consentItem),
    });
  }
  return out;
}
