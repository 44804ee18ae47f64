// The LanguageApp fake: translate(text, sourceLanguage, targetLanguage, advancedArgs) as the reference defines it
// (contentType 'text' by default or 'html'; an empty source language is detected), with a deterministic fake
// translation that keeps HTML tags, entities and `translate="no"` spans and visibly changes every other letter, the
// daily quota, and for tests: failures and altered answers on demand, and every call recorded.
import type { ServiceEnv, SimCore } from './core';
import { takeFault, type FaultState } from './documents';

/** Translate calls a user may make per day (the quotas page: 5,000 for consumer accounts, 20,000 for Workspace). */
export const TRANSLATE_DAILY_QUOTA = 20_000;
/** What Apps Script throws past a daily quota ("Service invoked too many times for one day: <service>."). */
export const TRANSLATE_QUOTA_MESSAGE = 'Service invoked too many times for one day: translate.';

/** Codes Google Translate accepts (the language list its reference links to), the ones the simulator knows. */
const KNOWN_CODES = new Set(
  (
    'af am ar az be bg bn bs ca ceb co cs cy da de el en eo es et eu fa fi fr fy ga gd gl gu ha haw he hi hmn hr ht ' +
    'hu hy id ig is it iw ja jw ka kk km kn ko ku ky la lb lo lt lv mg mi mk ml mn mr ms mt my ne nl no ny or pa pl ' +
    'ps pt ro ru rw sd si sk sl sm sn so sq sr st su sv sw ta te tg th tk tl tr tt ug uk ur uz vi xh yi yo zh zh-CN ' +
    'zh-TW zu'
  ).split(' '),
);

export interface TranslateCall {
  user: string;
  text: string;
  source: string;
  target: string;
  contentType: 'text' | 'html';
  /** Characters sent. */
  chars: number;
  ok: boolean;
}

interface LanguageState {
  calls: TranslateCall[];
  faults: Record<string, FaultState>;
  /** Per user: when the day's quota window began (ms) and the calls made in it. */
  quota: Record<string, { since: number; used: number }>;
}

const STATE = 'language';

function languageState(core: SimCore): LanguageState {
  if (!(STATE in core.extensions))
    core.extensions[STATE] = { calls: [], faults: {}, quota: {} } satisfies LanguageState;
  return core.extensions[STATE] as LanguageState;
}

/** Edits of the next answers, set by tests (functions: kept out of the saved state). */
const EDITS = new WeakMap<SimCore, Array<(translated: string) => string>>();

// ---- The fake translation --------------------------------------------------------------------------------

/** Each target's letters: ASCII letters are mapped onto them, so a translation is visible and sized like one. */
function alphabet(target: string): string | null {
  const base = target.toLowerCase().split('-')[0];
  if (['ar', 'fa', 'ur', 'ps', 'sd', 'ug'].includes(base)) return 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  if (['he', 'iw', 'yi'].includes(base)) return 'אבגדהוזחטיכלמנסעפצקרשת';
  if (['zh', 'ja'].includes(base)) return '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年';
  if (base === 'ko') return '가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노';
  if (['ru', 'uk', 'be', 'bg', 'mk', 'sr', 'kk', 'ky', 'mn', 'tg', 'tt'].includes(base))
    return 'абвгдежзийклмнопрстуфхцчшщыэюя';
  if (base === 'bn') return 'অআইঈউঊঋএঐওঔকখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহ';
  if (['hi', 'mr', 'ne'].includes(base)) return 'अआइईउऊएऐओऔकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह';
  return null;
}

/** Targets written in characters for syllables or words: a word of n letters becomes about n / 3 characters. */
const DENSE = ['zh', 'ja', 'ko'];

/**
 * Letters rotated by 13 places (Latin targets) or mapped onto the target's script (for Chinese, Japanese and Korean a
 * character per three letters, so sizes stay realistic); anything else kept.
 */
function fakeText(text: string, target: string): string {
  const script = alphabet(target);
  const letters = script ? Array.from(script) : null;
  if (letters && DENSE.includes(target.toLowerCase().split('-')[0]))
    return text.replace(/[A-Za-z]+/g, (word) =>
      Array.from({ length: Math.ceil(word.length / 3) }, (_, i) => {
        const code = word.toLowerCase().charCodeAt(i * 3) - 97;
        return letters[(code + i) % letters.length];
      }).join(''),
    );
  return text.replace(/[A-Za-z]/g, (c) => {
    const lower = c.toLowerCase();
    const i = lower.charCodeAt(0) - 97;
    if (letters) return letters[i % letters.length];
    const rotated = String.fromCharCode(((i + 13) % 26) + 97);
    return c === lower ? rotated : rotated.toUpperCase();
  });
}

/**
 * HTML as the service translates it: tags (with their attributes) and character references kept as they are, the
 * text of elements marked translate="no" (or class "notranslate") kept, the rest of the text translated.
 */
function fakeHtml(html: string, target: string): string {
  const out: string[] = [];
  const keep: boolean[] = [];
  const re = /<!--[\s\S]*?-->|<\/?([A-Za-z][A-Za-z0-9-]*)\b[^>]*>|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);/g;
  let last = 0;
  const text = (t: string) => out.push(keep.includes(true) ? t : fakeText(t, target));
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m.index > last) text(html.slice(last, m.index));
    const tag = m[0];
    out.push(tag);
    if (m[1] && !/\/>$/.test(tag) && !/^(br|img|hr|meta|input|wbr)$/i.test(m[1])) {
      if (tag.startsWith('</')) keep.pop();
      else keep.push(/\btranslate\s*=\s*["']?no\b|\bclass\s*=\s*["'][^"']*\bnotranslate\b/i.test(tag));
    }
    last = m.index + tag.length;
  }
  if (last < html.length) text(html.slice(last));
  return out.join('');
}

// ---- The service ------------------------------------------------------------------------------------------

export function languageService(env: ServiceEnv): unknown {
  const { core } = env;
  const state = () => languageState(core);
  const LanguageApp = {
    translate(
      text: string,
      sourceLanguage: string,
      targetLanguage: string,
      advancedArgs?: GoogleAppsScript.Language.LanguageAdvancedParameters,
    ): string {
      const st = state();
      const user = core.exec.user;
      const contentType = advancedArgs?.contentType ?? 'text';
      const body = String(text ?? '');
      const call: TranslateCall = {
        user,
        text: body,
        source: String(sourceLanguage ?? ''),
        target: String(targetLanguage ?? ''),
        contentType: contentType === 'html' ? 'html' : 'text',
        chars: body.length,
        ok: false,
      };
      st.calls.push(call);
      if (contentType !== 'text' && contentType !== 'html')
        throw env.error(`Simulator: LanguageApp.translate takes contentType 'text' or 'html', not '${contentType}'`);
      for (const [what, code] of [
        ['source', call.source],
        ['target', call.target],
      ] as const) {
        if ((what === 'target' || code !== '') && !KNOWN_CODES.has(code))
          throw env.error(
            `Simulator: LanguageApp.translate: "${code}" is not a ${what} language code Google Translate knows (the real error text is not documented)`,
          );
      }
      const now = core.clock.nowMs();
      const q = (st.quota[user] ??= { since: now, used: 0 });
      if (now - q.since >= 24 * 3600_000) Object.assign(q, { since: now, used: 0 });
      if (q.used >= TRANSLATE_DAILY_QUOTA) throw env.error(TRANSLATE_QUOTA_MESSAGE);
      q.used++;
      takeFault(st.faults, ['LanguageApp.translate'], env.error);
      let out =
        call.source === call.target
          ? body
          : call.contentType === 'html'
            ? fakeHtml(body, call.target)
            : fakeText(body, call.target);
      const edits = EDITS.get(core);
      const edit = edits?.shift();
      if (edit) out = edit(out);
      call.ok = true;
      return out;
    },
  };
  return env.metered('LanguageApp', LanguageApp, { default: 200 });
}

// ---- Test and playground access ----------------------------------------------------------------------------

export function simLanguage(sim: { core: SimCore }) {
  const st = () => languageState(sim.core);
  return {
    /** Every translate call, oldest first (failed ones with ok false). */
    calls(): TranslateCall[] {
      return st().calls;
    },
    /** The fake translation of `text` (what translate would answer), e.g. to look for it in a draft. */
    translation(text: string, target: string, contentType: 'text' | 'html' = 'text'): string {
      return contentType === 'html' ? fakeHtml(text, target) : fakeText(text, target);
    },
    /** The next `times` calls throw `message` (default: the daily quota's error). */
    failNext(times = 1, message = TRANSLATE_QUOTA_MESSAGE): void {
      st().faults['LanguageApp.translate'] = { times, message };
    },
    /** The next successful answer goes through `edit` first (a translation that mangled something). */
    alterNext(edit: (translated: string) => string): void {
      const list = EDITS.get(sim.core) ?? [];
      list.push(edit);
      EDITS.set(sim.core, list);
    },
    /** The next successful answer loses the first occurrence of `text` (e.g. a placeholder the service dropped). */
    dropNext(text: string): void {
      this.alterNext((t) => {
        const i = t.indexOf(text);
        return i < 0 ? t : t.slice(0, i) + t.slice(i + text.length);
      });
    },
  };
}
