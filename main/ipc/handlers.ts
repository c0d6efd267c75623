import { readFile, writeFile } from 'node:fs/promises';
import { channels, type Channel } from '../../common/ipc-channels.js';
import type { AppInfo } from '../../common/app-info.js';
import { translator, type Translate } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';
import type { ApiResult, Licence } from '../../common/umeet-api.js';
import type { WindowSnapshot } from '../../common/window-state.js';
import type { Logger } from '../log.js';
import { failureText } from '../meetings/failure-text.js';
import type { MeetingsService } from '../meetings/meetings-service.js';
import type { AppStore } from '../store/app-store.js';
import { saveProblemText } from '../store/notice-text.js';
import { exportPresets, planImport, uniqueName } from '../store/presets-io.js';
import type { Vault } from '../vault/vault.js';
import { handle, type Handler, type IpcListener } from './handle.js';

/** Native file and confirmation dialogs, opened by main (the window never touches files). */
export interface Dialogs {
  chooseExportPath(defaultName: string): Promise<string | undefined>;
  chooseImportFile(): Promise<string | undefined>;
  confirm(question: { title: string; message: string; detail: string; confirm: string }): Promise<boolean>;
}

/** What the handlers need from the rest of main. */
export interface HandlerDeps {
  appInfo: () => AppInfo;
  store: AppStore;
  vault: Vault;
  meetings: MeetingsService;
  /** `licensing`, for "Verify". */
  verify: () => Promise<ApiResult<Licence>>;
  licence: { current(): Licence | undefined; remember(licence: Licence): void };
  dialogs: Dialogs;
  setStartAtLogin: (enabled: boolean) => Promise<void>;
  openLogFolder: () => void;
  locale: () => Locale;
  t: () => Translate;
  now?: () => Date;
}

export type Handlers = { [C in Channel]: Handler<C> };
export type Listeners = { [C in Channel]: IpcListener<C> };

export function windowSnapshot(deps: Pick<HandlerDeps, 'store' | 'vault' | 'meetings' | 'licence' | 'locale'>): WindowSnapshot {
  const { store, vault, meetings } = deps;
  const licence = deps.licence.current();
  const lastError = meetings.lastError();
  const defaultPresetId = store.defaultPresetId();
  const saveProblem = store.saveProblem();
  return {
    locale: deps.locale(),
    presets: [...store.presets()],
    ...(defaultPresetId ? { defaultPresetId } : {}),
    settings: store.settings(),
    credentials: vault.status(),
    recent: [...store.recent()],
    busy: [...meetings.busy()],
    ...(lastError ? { lastError } : {}),
    ...(licence ? { licence } : {}),
    pendingChecks: meetings.pendingChecks().map(({ id, topic }) => ({ id, topic })),
    quarantined: store.quarantine().length,
    ...(saveProblem ? { saveProblem: saveProblemText(saveProblem, translator(deps.locale())) } : {}),
  };
}

/**
 * The handler table: one entry per channel of the contract. The requests arrive validated by
 * handle(); the store and the vault validate again with the same schemas, which is the real
 * check (the window's own validation is for display only).
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { store, vault, meetings } = deps;
  const now = deps.now ?? (() => new Date());
  /** A change the window made waits for its write, so the reply can say if it did not reach the disk. */
  const written = async <T extends { ok: boolean }>(answer: T): Promise<T & { notSaved?: string }> => {
    if (!answer.ok) return answer;
    const problem = await store.saved();
    return problem ? { ...answer, notSaved: saveProblemText(problem, deps.t()) } : answer;
  };
  return {
    appInfo: () => deps.appInfo(),
    snapshot: () => windowSnapshot(deps),

    savePreset: (input) => written(store.savePreset(input)),
    deletePreset: ({ id }) => {
      const index = store.presets().findIndex((p) => p.id === id);
      const preset = store.deletePreset(id);
      return preset ? { ok: true, removed: { preset, index } } : { ok: false };
    },
    restorePreset: ({ preset, index }) => written(store.restorePreset(preset, index)),
    movePreset: ({ id, toIndex }) => ({ ok: store.movePreset(id, toIndex) }),
    duplicatePreset: ({ id }) => {
      const original = store.preset(id);
      if (!original) return { ok: false, error: { field: 'id', message: 'no such preset' } };
      const { id: _id, ...copy } = original;
      const name = uniqueName(`${original.name}${deps.t()('preset.copySuffix')}`, new Set(store.presets().map((p) => p.name)));
      const saved = store.savePreset({ ...copy, name });
      if (saved.ok) store.movePreset(saved.value.id, store.presets().findIndex((p) => p.id === id) + 1);
      return written(saved);
    },
    setDefaultPreset: ({ id }) => ({ ok: store.setDefaultPreset(id ?? undefined) }),
    startPreset: async ({ id }) => {
      const outcome = await meetings.start(id);
      return outcome.ok ? { ok: true, meetingId: outcome.meeting.meetingId } : { ok: false, message: outcome.message };
    },

    updateSettings: async (patch) => {
      const before = store.settings();
      const result = store.updateSettings(patch);
      if (!result.ok) return result;
      if (patch.startAtLogin !== undefined && patch.startAtLogin !== before.startAtLogin) {
        await deps.setStartAtLogin(patch.startAtLogin);
      }
      if (patch.allowWeakCredentialStorage !== undefined && patch.allowWeakCredentialStorage !== before.allowWeakCredentialStorage) {
        await vault.applyPolicy();
      }
      return written(result);
    },

    setCredentials: async (input) => written(await vault.set(input)),
    clearCredentials: () => {
      vault.clear();
      return vault.status();
    },
    verifyCredentials: async () => {
      const answer = await deps.verify();
      if (!answer.ok) return { ok: false, kind: answer.failure.kind, message: failureText(answer.failure, deps.t()) };
      deps.licence.remember(answer.value);
      store.adoptLicence(answer.value);
      return { ok: true, licence: answer.value };
    },

    exportPresets: async () => {
      const path = await deps.dialogs.chooseExportPath('umeet-presets.json');
      if (!path) return { ok: false, reason: 'cancelled' };
      try {
        await writeFile(path, exportPresets(store.presets(), now()), { mode: 0o600 });
        return { ok: true, path, count: store.presets().length };
      } catch {
        return { ok: false, reason: 'failed' };
      }
    },
    importPresets: async () => {
      const path = await deps.dialogs.chooseImportFile();
      if (!path) return { ok: false, reason: 'cancelled' };
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        return { ok: false, reason: 'failed' };
      }
      const result = planImport(store.presets(), text);
      if (!result.ok) return { ok: false, reason: result.reason };
      const { plan } = result;
      const t = deps.t();
      const confirmed = await deps.dialogs.confirm({
        title: t('import.confirmTitle'),
        message: t('import.confirmMessage', { count: plan.toAdd.length }),
        detail: [
          plan.renamed.length ? t('import.confirmRenamed', { list: plan.renamed.map((r) => `${r.from} → ${r.to}`).join(', ') }) : '',
          plan.invalid.length ? t('import.confirmInvalid', { count: plan.invalid.length }) : '',
        ]
          .filter(Boolean)
          .join('\n'),
        confirm: t('import.confirmButton'),
      });
      if (!confirmed) return { ok: false, reason: 'declined' };
      const added = store.appendPresets(plan.toAdd);
      return { ok: true, added: added.length, renamed: plan.renamed, invalid: plan.invalid };
    },

    recentAction: async ({ meetingId, action }) => {
      switch (action) {
        case 'open-participant':
          return { ok: meetings.openAsParticipant(meetingId) === 'opened' };
        case 'open-host':
          return { ok: (await meetings.openAsHost(meetingId)) === 'opened' };
        case 'open-live':
          return { ok: meetings.openLive(meetingId) === 'opened' };
        case 'end':
          return { ok: (await meetings.end(meetingId)) === 'ended' };
        default:
          return { ok: meetings.copy(meetingId, action.slice('copy-'.length) as Parameters<MeetingsService['copy']>[1]) };
      }
    },
    checkCreated: async ({ id }) => ({ result: await meetings.check(id) }),
    openLogFolder: () => {
      deps.openLogFolder();
      return { ok: true };
    },
  };
}

/**
 * Every handler wrapped by `handle()`. This is what Electron's `ipcMain.handle` receives in the
 * app and what the Playwright binding calls in the renderer tests: the same objects.
 */
export function createListeners(deps: HandlerDeps, log: Logger): Listeners {
  const handlers = createHandlers(deps);
  return Object.fromEntries(
    channels.map((channel) => [channel, handle(channel, handlers[channel] as Handler<typeof channel>, log)]),
  ) as Listeners;
}
