import type { Locale } from '../../common/i18n/locale.js';
import type { Catalogue } from '../../common/i18n/translate.js';
import type { Result } from '../../common/result.js';
import { takeFirst } from './first-answers.js';

/** One language's words, as main sent them. */
export interface Words {
  locale: Locale;
  messages: Catalogue;
}

/**
 * The catalogues main sent (`messages`): the window bundles none (docs/performance.md, "The window"). The first is
 * main's own language, asked for with the first answers; another is asked for when main's state names another
 * language (a switch in Settings), and the state is drawn only once its words are here: no frame mixes languages.
 */
const held = new Map<Locale, Words>();
/** Asked for and not answered yet: asked once however many states name the language meanwhile. */
const asking = new Map<Locale, Promise<Result<Words>>>();
let first: Promise<Result<Words>> | undefined;

function keep(answer: Result<Words>): Result<Words> {
  if (answer.ok) held.set(answer.value.locale, answer.value);
  return answer;
}

/** Main's language and its words: asked once (with the first answers), the same answer after. */
export function firstWords(): Promise<Result<Words>> {
  first ??= (takeFirst('messages') ?? window.umeet.messages({})).then(keep);
  return first;
}

/** The words of `locale`, once here: kept, or asked for (after the first answer, which may be that language). */
export async function wordsFor(locale: Locale): Promise<Result<Words>> {
  await firstWords().catch(() => undefined);
  const kept = held.get(locale);
  if (kept) return { ok: true, value: kept };
  let asked = asking.get(locale);
  if (!asked) {
    asked = window.umeet.messages({ locale }).then(keep);
    asking.set(locale, asked);
    void asked.finally(() => asking.delete(locale)).catch(() => undefined);
  }
  return asked;
}

/** The words of `locale` if they are here already (a snapshot is drawn only once they are: `wordsFor`). */
export const heldWords = (locale: Locale): Words | undefined => held.get(locale);
