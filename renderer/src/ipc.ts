import type { Translate } from '../../common/i18n/index.js';
import type { Result } from '../../common/result.js';

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

/**
 * For operations whose failure is only told: the value; undefined when the user cancelled (a
 * dialog); otherwise throws an Error with main's message, for the caller to show.
 */
export async function call<T>(request: Promise<Result<T>>, t: Translate): Promise<T | undefined> {
  const answer = await ask(request, t);
  if (answer.ok) return answer.value;
  if (answer.error.kind === 'cancelled') return undefined;
  throw new Error(answer.error.message);
}
