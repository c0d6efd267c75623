import { translator } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';
import { saveProblemText } from '../store/notice-text.js';
import type { MeetingsService } from '../meetings/meetings-service.js';
import type { AppStore } from '../store/app-store.js';
import type { Vault } from '../vault/vault.js';
import type { TrayState } from './menu-model.js';

/** Gathers the menu's state from the services (the single source of truth is main's). */
export function collectTrayState(deps: {
  locale: Locale;
  now: Date;
  store: Pick<AppStore, 'presets' | 'defaultPresetId' | 'recent' | 'saveProblem'>;
  vault: Pick<Vault, 'status'>;
  meetings: Pick<MeetingsService, 'busy' | 'pendingChecks' | 'lastError'>;
  startAtLogin: boolean;
}): TrayState {
  const status = deps.vault.status();
  const saveProblem = deps.store.saveProblem();
  return {
    locale: deps.locale,
    now: deps.now,
    credentials: status.locked ? 'locked' : status.configured ? 'ok' : 'missing',
    presets: deps.store.presets(),
    defaultPresetId: deps.store.defaultPresetId(),
    busy: deps.meetings.busy(),
    recent: deps.store.recent(),
    pendingChecks: deps.meetings.pendingChecks(),
    startAtLogin: deps.startAtLogin,
    lastError: deps.meetings.lastError(),
    saveProblem: saveProblem ? saveProblemText(saveProblem, translator(deps.locale)) : undefined,
  };
}
