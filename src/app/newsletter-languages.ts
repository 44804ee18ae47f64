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
  LanguageDraft,
  parseLanguageDrafts,
} from '../domain/family-languages';
import type { NewsletterModel } from '../domain/newsletter';
import type { Issue } from '../domain/newsletter-issues';
import { failureReason } from '../domain/newsletter-messages';
import { draftAddresses } from '../domain/newsletter-plan';
import { withAttention } from '../domain/newsletter-recheck';
import { emailOutline, fitEmailHtml } from '../domain/newsletter-render';
import type { NewsletterSettings } from '../domain/settings';
import { fitTranslatedEmail, planTranslation, readTranslation, TranslationOutcome } from '../domain/translation';
import type { Win } from '../domain/win';
import { note, Run } from './newsletter-state';

/** Whether a Families issue still lacks a draft for one of the settings' family languages. */
export function languagesPending(settings: NewsletterSettings, issue: Issue): boolean {
  if (issue.audience !== 'Families') return false;
  const done = parseLanguageDrafts(issue.languageDrafts ?? '');
  return settings.familyLanguages.some((l) => !done.some((d) => d.code === l.code));
}

/** What never goes through translation: the school's and the sender's names, and the names of the wins' people. */
function protectedTerms(settings: NewsletterSettings, wins: readonly Win[]): string[] {
  return [settings.schoolName, settings.senderName, ...wins.map((w) => w.name)].filter(Boolean);
}

function translate(plan: ReturnType<typeof planTranslation>, code: string): TranslationOutcome {
  let answers: string[];
  try {
    answers = translateHtml(plan.chunks, code);
  } catch (err) {
    return { ok: false, reason: `Google Translate answered: ${failureReason(err)}` };
  }
  return readTranslation(plan, answers);
}

/**
 * The issue's draft per family language not made yet: translated (or the English edition, when the translation
 * failed), each recorded on the issue's row as soon as it exists. `english` is the English draft's request.
 */
export function draftLanguageEditions(
  run: Run,
  issue: Issue,
  model: NewsletterModel,
  wins: readonly Win[],
  english: DraftRequest,
  lookFirst: boolean,
  leftOut: boolean,
): void {
  const done = parseLanguageDrafts(issue.languageDrafts ?? '');
  const todo = run.settings.familyLanguages.filter((l) => !done.some((d) => d.code === l.code));
  if (!todo.length) return;
  // The English edition as the English list gets it (stories cut as in its email), translated once per language.
  const fitted = fitEmailHtml(model);
  const plan = planTranslation({
    outline: emailOutline(model, { maxChars: fitted.maxChars }),
    subject: english.subject,
    protect: protectedTerms(run.settings, wins),
  });
  const translated: string[] = [];
  const failed: Array<{ code: string; reason: string }> = [];
  for (const lang of todo) {
    const choice = languageChoice(lang.code);
    if (!choice) continue;
    const outcome = translate(plan, lang.code);
    const request: DraftRequest = { ...english, ...draftAddresses('Families', lang.recipients) };
    if (outcome.ok) {
      const email = fitTranslatedEmail({
        code: choice.code,
        rtl: choice.rtl,
        translated: outcome.translated,
        englishAt: (maxChars) => emailOutline(model, { maxChars }),
      });
      Object.assign(request, { subject: outcome.translated.subject, html: email.html, text: email.text });
      const cut = fittedNote(choice.code, email.englishMaxChars, email.translatedMaxChars, email.fits, email.bytes);
      if (cut) note(issue, cut);
      translated.push(lang.code);
    } else failed.push({ code: lang.code, reason: outcome.reason });
    const recorded: LanguageDraft = {
      code: lang.code,
      draftId: languageDraft(run, issue, request, lang.code, lookFirst, leftOut),
      english: !outcome.ok,
    };
    done.push(recorded);
    issue.languageDrafts = formatLanguageDrafts(done);
    updateIssue(run.issues, issue);
  }
  const text = languageDraftsNote(translated, failed);
  if (text) note(issue, text);
  if (failed.length) issue.attention = withAttention(issue.attention, languageDraftsNote([], failed));
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

/** One language's draft: found again when an earlier run may have made it, otherwise created (exactly once). */
function languageDraft(
  run: Run,
  issue: Issue,
  request: DraftRequest,
  code: string,
  lookFirst: boolean,
  leftOut: boolean,
): string {
  const identity = { mark: draftMark(issue, code), recordedForOthers: recordedElsewhere(run, issue, code) };
  if (lookFirst) {
    const found = findIssueDraft(request.subject, identity);
    if (found) {
      if (leftOut) updateDraft(found, request, identity.mark);
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
