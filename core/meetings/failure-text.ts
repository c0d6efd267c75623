import type { Translate } from '../../common/i18n/index.js';
import type { ApiFailure } from '../../common/umeet-api.js';

/**
 * True when the request may have reached the service: the meeting may exist, and must not be sent
 * again. A 5xx answer too: it came from the service or a gateway in front of it after the request
 * got there, and the create may have happened before the failure.
 */
export const isAmbiguous = (failure: ApiFailure): boolean =>
  ((failure.kind === 'network' || failure.kind === 'timeout') && failure.mayHaveReachedServer) ||
  (failure.kind === 'http' && failure.httpStatus >= 500);

/**
 * A refusal that says no room of the size is free: the service's status 3001 or its wording (the sandbox's
 * 3001 and `当前没有空闲的 25 方会议室`; the service documents no codes, so the words count too).
 */
export const saysNoFreeRoom = (failure: ApiFailure): boolean =>
  failure.kind === 'rejected' && (failure.status === 3001 || /空闲|no free|not free/i.test(failure.message));

/** What went wrong, in the user's language. Built from the failure's fields only, which never hold a secret. */
export function failureText(failure: ApiFailure, t: Translate): string {
  switch (failure.kind) {
    case 'invalid-input':
      return t('meeting.error.invalid-input', { field: failure.field, message: failure.message });
    case 'auth':
      return t('meeting.error.auth', { message: failure.message });
    case 'rejected':
      return t('meeting.error.rejected', { message: failure.message });
    case 'http':
      return t('meeting.error.http', { status: failure.httpStatus });
    case 'protocol':
      return t('meeting.error.protocol');
    case 'network':
      return t(failure.mayHaveReachedServer ? 'meeting.error.network-sent' : 'meeting.error.network', { code: failure.code });
    case 'timeout':
      return t(failure.mayHaveReachedServer ? 'meeting.error.timeout-sent' : 'meeting.error.timeout', {
        seconds: Math.round(failure.timeoutMs / 1000),
      });
    case 'proxy':
      return t(`meeting.error.proxy-${failure.reason}`, {
        proxy: failure.proxy,
        detail: failure.status ? `HTTP ${failure.status}` : (failure.code ?? ''),
      });
    case 'certificate':
      return t(`meeting.error.certificate-${failure.reason}`, { host: failure.host, code: failure.code });
  }
}

/**
 * Why credentials could not be checked, in the user's language. A check is a read, so a timeout
 * or a broken connection is told as such, never as "the meeting may have been created".
 */
export function checkFailureText(failure: ApiFailure, t: Translate): string {
  if (failure.kind === 'auth') return t('credentials.refusedReason');
  const reason =
    failure.kind === 'network' || failure.kind === 'timeout'
      ? failureText({ ...failure, mayHaveReachedServer: false }, t)
      : failureText(failure, t);
  return t('credentials.notChecked', { reason });
}
