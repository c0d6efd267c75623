import type { Translate } from '../../common/i18n/index.js';
import type { ErrorFix, LastError } from '../../common/window-state.js';
import { isAmbiguous } from '../../core/meetings/failure-text.js';
import { startFailureText, type FailureRecord, type StartFailure } from './meetings-service.js';

/** Where the user can fix a failed start (common/window-state.ts, ErrorFix); nothing when there is nothing to fix. */
function fixFor(failure: StartFailure, checkPending: boolean): ErrorFix | undefined {
  switch (failure.kind) {
    case 'no-credentials':
    case 'locked':
      return 'credentials';
    case 'unknown-preset':
    case 'internal':
      return undefined;
    case 'api':
      switch (failure.failure.kind) {
        case 'auth':
          return 'credentials';
        case 'invalid-input':
        case 'rejected':
          return 'preset';
        // An answer no Umeet server gives: most likely the API server setting (unless the create may have happened).
        case 'http':
        case 'protocol':
          if (isAmbiguous(failure.failure)) return checkPending ? 'check' : undefined;
          return 'settings';
        case 'proxy':
          return 'proxy';
        // A certificate for another host: most likely the API server setting; an untrusted one is for IT to install.
        case 'certificate':
          return failure.failure.reason === 'wrong-host' ? 'settings' : undefined;
        case 'network':
        case 'timeout':
          // It may have reached the service: the check says whether the meeting exists; once done, nothing is left to fix.
          if (isAmbiguous(failure.failure)) return checkPending ? 'check' : undefined;
          return 'settings';
      }
  }
}

/**
 * The last failed start as the tray and the window show it, rendered now: in the current language
 * (a language switch changes it), with the preset's current name if it still exists, and the
 * check only while it is still pending.
 */
export function describeLastError(
  record: FailureRecord,
  context: { t: Translate; pendingCheckIds: ReadonlySet<string>; presetName: (id: string) => string | undefined },
): LastError {
  const checkPending = record.checkId !== undefined && context.pendingCheckIds.has(record.checkId);
  const fix = fixFor(record.failure, checkPending);
  const presetName = (record.presetId && context.presetName(record.presetId)) ?? record.presetName;
  return {
    at: record.at,
    ...(record.presetId ? { presetId: record.presetId } : {}),
    ...(presetName ? { presetName } : {}),
    message: startFailureText(record.failure, context.t),
    ...(fix ? { fix } : {}),
    ...(fix === 'check' && record.checkId ? { checkId: record.checkId } : {}),
    ...(record.offer && record.presetId ? { offer: record.offer } : {}),
  };
}
