// A Families issue's drafts per family language, made after its English draft: the email translated in a few
// LanguageApp calls per language (never one per win), each draft made exactly once (recorded on the issue's row as
// it is made; looked for in Gmail first when a run was cut off), the English edition when a translation fails; and
// deleted with the issue when it is cancelled.
import { createIssueDraft, DraftRequest, findIssueDraft, removeDraft, updateDraft } from '../adapters/mail-draft';
import { updateIssue } from '../adapters/newsletters-sheet';
import { translateHtml } from '../adapters/translate';
import { draftMark } from '../domain/draft-identity';
import {
  fittedNote,
  formatLanguageDrafts,
  languageChoice,
  languageDraftsNote,
  languageName,
  parseLanguageDrafts,
} from '../domain/family-languages';
import type { NewsletterModel } from '../domain/newsletter';
import type { Issue } from '../domain/newsletter-issues';
import { failureReason } from '../domain/newsletter-messages';
import { draftAddresses } from '../domain/newsletter-plan';
import { withAttention } from '../domain/newsletter-recheck';
import { emailOutline, renderEdition } from '../domain/newsletter-render';
import type { NewsletterSettings } from '../domain/settings';
import {
  fitTranslatedEmail,
  planTranslation,
  readTranslation,
  TranslationOutcome,
  TranslationPlan,
} from '../domain/translation';
import type { Win } from '../domain/win';
import { note, Run } from './newsletter-state';

/** Whether a Families issue still lacks a draft for one of the settings' family languages. */
export function languagesPending(settings: NewsletterSettings, issue: Issue): boolean {
  if (issue.audience !== 'Families') return false;
  const done = parseLanguageDrafts(issue.languageDrafts ?? '');
  return settings.familyLanguages.some((l) => !done.some((d) => d.code === l.code));
}

/** How many of the issue's drafts may share its English subject: the English one and each family language's. */
export function sameSubjectDrafts(settings: NewsletterSettings, issue: Pick<Issue, 'audience'>): number {
  return issue.audience === 'Families' ? 1 + settings.familyLanguages.length : 1;
}

/** What never goes through translation: the school's and the sender's names, and the names of the wins' people. */
function protectedTerms(settings: NewsletterSettings, wins: readonly Win[]): string[] {
  return [settings.schoolName, settings.senderName, ...wins.map((w) => w.name)].filter(Boolean);
}

function translate(plan: TranslationPlan, code: string): TranslationOutcome {
  let answers: string[];
  try {
    answers = translateHtml(plan.chunks, code);
  } catch (err) {
    return { ok: false, reason: `Google Translate answered: ${failureReason(err)}` };
  }
  return readTranslation(plan, answers);
}

interface LanguageEdition {
  request: DraftRequest;
  /** Why the translation failed ('' when it did not): the request is then the English edition. */
  failure: string;
  /** What was cut to stay under Gmail's clipping size ('' when nothing). */
  cut: string;
}

/** The English edition translated once per language: the plan of calls shared by every language of the issue. */
function planFor(settings: NewsletterSettings, model: NewsletterModel, wins: readonly Win[], english: DraftRequest) {
  // The edition as the English list gets it (its outline with the stories cut as in its email).
  return planTranslation({
    outline: renderEdition(model).outline,
    subject: english.subject,
    protect: protectedTerms(settings, wins),
  });
}

/** One language's email: translated, or the English edition (to that language's recipients) when that failed. */
function languageEdition(
  plan: TranslationPlan,
  model: NewsletterModel,
  english: DraftRequest,
  code: string,
  recipients: string[],
): LanguageEdition {
  const request: DraftRequest = { ...english, ...draftAddresses('Families', recipients) };
  const choice = languageChoice(code);
  const outcome = translate(plan, code);
  if (!outcome.ok || !choice)
    return { request, failure: outcome.ok ? 'the language is unknown' : outcome.reason, cut: '' };
  const email = fitTranslatedEmail({
    code: choice.code,
    rtl: choice.rtl,
    translated: outcome.translated,
    englishAt: (maxChars) => emailOutline(model, { maxChars }),
  });
  Object.assign(request, { subject: outcome.translated.subject, html: email.html, text: email.text });
  return {
    request,
    failure: '',
    cut: fittedNote(choice.code, email.englishMaxChars, email.translatedMaxChars, email.fits, email.bytes),
  };
}

/**
 * The issue's draft per family language not made yet: translated (or the English edition, when the translation
 * failed), each recorded on the issue's row as soon as it exists. `english` is the English draft's request. On a
 * resumed issue (`resumed`: an earlier run may have made some of them), the drafts already recorded are rewritten from
 * the same edition too, and a draft not recorded is looked for in Gmail before one is made.
 */
export function draftLanguageEditions(
  run: Run,
  issue: Issue,
  model: NewsletterModel,
  wins: readonly Win[],
  english: DraftRequest,
  resumed: boolean,
): void {
  const done = parseLanguageDrafts(issue.languageDrafts ?? '');
  const todo = run.settings.familyLanguages.filter((l) => resumed || !done.some((d) => d.code === l.code));
  const dropped = resumed ? done.filter((d) => !run.settings.familyLanguages.some((l) => l.code === d.code)) : [];
  if (dropped.length) {
    const names = dropped.map((d) => languageName(d.code)).join(', ');
    const text = `The drafts in ${names} were made by an earlier run, and the language is no longer in Settings, so they could not be brought up to date: check them before sending.`;
    note(issue, text);
    issue.attention = withAttention(issue.attention, text);
  }
  if (!todo.length) return;
  const plan = planFor(run.settings, model, wins, english);
  const translated: string[] = [];
  const failed: Array<{ code: string; reason: string }> = [];
  for (const lang of todo) {
    const edition = languageEdition(plan, model, english, lang.code, lang.recipients);
    if (edition.failure) failed.push({ code: lang.code, reason: edition.failure });
    else translated.push(lang.code);
    if (edition.cut) note(issue, edition.cut);
    const recorded = done.find((d) => d.code === lang.code);
    const mark = draftMark(issue, lang.code);
    if (recorded && updateDraft(recorded.draftId, edition.request, mark)) {
      recorded.english = Boolean(edition.failure);
    } else {
      // Recorded but gone (sent or deleted by hand between the runs): told, never made again.
      if (recorded) {
        const text = `The draft in ${languageName(lang.code)} was no longer in your Gmail drafts (sent or deleted) when a later run finished the issue, so it could not be brought up to date: check what went out.`;
        note(issue, text);
        issue.attention = withAttention(issue.attention, text);
        continue;
      }
      done.push({
        code: lang.code,
        draftId: languageDraft(run, issue, edition.request, lang.code, resumed, english.subject),
        english: Boolean(edition.failure),
      });
    }
    issue.languageDrafts = formatLanguageDrafts(done);
    updateIssue(run.issues, issue);
  }
  const text = languageDraftsNote(translated, failed);
  if (text) note(issue, text);
  if (failed.length) issue.attention = withAttention(issue.attention, languageDraftsNote([], failed));
}

/**
 * Rebuilds an issue's waiting drafts per language from its rebuilt English edition (the wins that still qualify):
 * each translated again (or the English edition when that fails) into the same draft. A sentence for the result.
 */
export function rebuildLanguageDrafts(
  settings: NewsletterSettings,
  issue: Issue,
  model: NewsletterModel,
  wins: readonly Win[],
  english: DraftRequest,
): string {
  const drafts = parseLanguageDrafts(issue.languageDrafts ?? '');
  if (!drafts.length) return '';
  const plan = planFor(settings, model, wins, english);
  const rebuilt: string[] = [];
  const gone: string[] = [];
  for (const d of drafts) {
    const recipients = settings.familyLanguages.find((l) => l.code === d.code)?.recipients;
    if (!recipients) {
      gone.push(languageName(d.code));
      continue;
    }
    const edition = languageEdition(plan, model, english, d.code, recipients);
    if (updateDraft(d.draftId, edition.request, draftMark(issue, d.code))) rebuilt.push(languageName(d.code));
    else gone.push(languageName(d.code));
  }
  return [
    rebuilt.length ? `Its drafts in ${rebuilt.join(', ')} were rebuilt too.` : '',
    gone.length
      ? `The drafts in ${gone.join(', ')} could not be rebuilt (sent, deleted, or the language was removed in Settings): check them before sending.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Every draft ID recorded on the Newsletters sheet except this language's own: never taken for this one. */
function recordedElsewhere(run: Run, issue: Issue, code: string): Set<string> {
  const ids = new Set<string>();
  for (const i of run.issues.issues) {
    if (i.draftId) ids.add(i.draftId);
    for (const d of parseLanguageDrafts(i.languageDrafts ?? '')) if (i.key !== issue.key) ids.add(d.draftId);
  }
  if (issue.draftId) ids.add(issue.draftId);
  for (const d of parseLanguageDrafts(issue.languageDrafts ?? '')) if (d.code !== code) ids.add(d.draftId);
  return ids;
}

/**
 * One language's draft: found again when an earlier run may have made it, otherwise created (exactly once). The
 * earlier run may have had the translation fail (the English subject) where this one translates, or the other way
 * round: the draft is looked for under this edition's subject, then under the English one (a list call and at most
 * one get each, on a rerun only). A found draft is rewritten from this edition.
 */
function languageDraft(
  run: Run,
  issue: Issue,
  request: DraftRequest,
  code: string,
  lookFirst: boolean,
  englishSubject: string,
): string {
  const identity = {
    mark: draftMark(issue, code),
    recordedForOthers: recordedElsewhere(run, issue, code),
    checks: sameSubjectDrafts(run.settings, issue),
  };
  if (lookFirst) {
    const found =
      findIssueDraft(request.subject, identity) ??
      (englishSubject !== request.subject ? findIssueDraft(englishSubject, identity) : null);
    if (found) {
      updateDraft(found, request, identity.mark);
      return found;
    }
  }
  return createIssueDraft(request, identity, false);
}

/** Deletes a cancelled issue's drafts per language; a sentence for the result ('' when there were none). */
export function removeLanguageDrafts(issue: Issue): string {
  const drafts = parseLanguageDrafts(issue.languageDrafts ?? '');
  const removed = drafts.filter((d) => removeDraft(d.draftId));
  if (!removed.length) return '';
  const names = removed.map((d) => languageName(d.code));
  return `Its ${names.length === 1 ? `${names[0]} draft was` : `drafts in ${names.join(', ')} were`} deleted.`;
}
