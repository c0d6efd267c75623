import { useCallback } from 'react';
import type { Translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';
import type { Failure, Result } from '../../common/result.js';
import { useToast } from './components/Toast.js';
import { useI18n } from './i18n.js';
import { told, type Message } from './messages.js';

/**
 * Asks main and returns its answer in the one result shape (common/result.ts). Main's messages are
 * already in the user's language; a transport that breaks (the bridge gone) is told the same way.
 */
export async function ask<T>(request: Promise<Result<T>>, t: Translate): Promise<Result<T>> {
  try {
    return await request;
  } catch {
    return { ok: false, error: { kind: 'internal', message: t('ipc.internal') } };
  }
}

/** Main said no: its failure, and the message to show for it. */
export class Refusal extends Error {
  constructor(
    readonly failure: Failure,
    readonly said: Message,
  ) {
    super(failure.message);
  }
}

/**
 * For operations whose failure is only told: the value; undefined when the user cancelled (a
 * dialog); otherwise throws a Refusal with main's message, for the caller to show.
 */
export async function call<T>(request: Promise<Result<T>>, t: Translate, locale: Locale): Promise<T | undefined> {
  const answer = await ask(request, t);
  if (answer.ok) return answer.value;
  if (answer.error.kind === 'cancelled') return undefined;
  throw new Refusal(answer.error, told(answer.error.message, locale));
}

/**
 * `act(request)`: main's value, or undefined after telling the user why not (a toast) or after they
 * cancelled. For the many buttons whose only failure handling is to say what main said.
 */
export function useAct() {
  const { t, locale } = useI18n();
  const toast = useToast();
  return useCallback(
    async <T>(request: Promise<Result<T>>): Promise<T | undefined> => {
      try {
        return await call(request, t, locale);
      } catch (error) {
        toast({ message: error instanceof Refusal ? error.said : told(String(error), locale), tone: 'error' });
        return undefined;
      }
    },
    [t, locale, toast],
  );
}
