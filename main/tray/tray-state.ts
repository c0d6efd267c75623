import type { AppState } from '../app.js';
import type { TrayState } from './menu-model.js';

/** The menu's state, from the app's (main's one source of truth), at a moment. */
export function trayStateOf(state: AppState, now: Date): TrayState {
  const { credentials } = state;
  return {
    locale: state.locale,
    now,
    credentials: credentials.locked
      ? 'locked'
      : !credentials.configured
        ? 'missing'
        : credentials.verification.state === 'refused'
          ? 'refused'
          : 'ok',
    presets: state.presets,
    defaultPresetId: state.defaultPresetId,
    busy: new Set(state.busy),
    recent: state.recent,
    pendingChecks: state.pendingChecks,
    startAtLogin: state.startAtLogin,
    lastError: state.lastError?.message,
    lastEvent: state.lastEvent,
    saveProblem: state.saveProblem,
    roomsFree: state.roomsFree,
    offer:
      state.lastError?.offer && state.lastError.presetId
        ? { presetId: state.lastError.presetId, presetName: state.lastError.presetName ?? '', capacity: state.lastError.offer.capacity }
        : undefined,
    companyPresetIds: new Set(state.policy.companyPresetIds),
    updates: state.updates,
    upcoming: state.upcoming,
    nextMeeting: state.nextMeeting,
    sizes: Object.entries(state.licence?.capacity ?? {})
      .filter(([size, rooms]) => Number(size) > 0 && rooms > 0)
      .map(([size]) => Number(size))
      .sort((a, b) => a - b),
  };
}
