import type { Translate } from '../../common/i18n/index.js';
import type { IpcFailure, IpcResult } from '../../common/ipc-result.js';

/** A transport-level refusal (the contract's, not the operation's) in the user's language. */
export function ipcFailureText(error: IpcFailure, t: Translate): string {
  switch (error.kind) {
    case 'invalid-request':
      return t('ipc.invalidRequest', { details: error.issues.map((i) => `${i.path || '·'}: ${i.message}`).join('; ') });
    case 'forbidden':
      return t('ipc.forbidden');
    case 'internal':
      return t('ipc.internal');
  }
}

/** Calls main and returns the answer, or throws an Error whose message is already localized. */
export async function call<T>(request: Promise<IpcResult<T>>, t: Translate): Promise<T> {
  let result: IpcResult<T>;
  try {
    result = await request;
  } catch {
    throw new Error(t('ipc.internal'));
  }
  if (!result.ok) throw new Error(ipcFailureText(result.error, t));
  return result.value;
}
