// Everything main needs once the tray is up, loaded by main/index.ts through a dynamic import so
// that none of it (the HTTP client, the link allowlist's suffix list, the IPC contract, the window)
// is read from disk or evaluated before the tray shows. It wires main/electron/ adapters, but
// imports no Electron itself.
import { join } from 'node:path';
import type { Translate } from '../common/i18n/index.js';
import type { Locale } from '../common/i18n/locale.js';
import { createDialogs } from './electron/dialogs.js';
import { installE2eHooks } from './electron/e2e-hooks.js';
import { registerIpc, sendEvent } from './electron/ipc.js';
import { createMainWindowController } from './electron/main-window.js';
import { confirmWithDialog, openFolder, openLink, registerShortcut, systemClipboard, updateLaunchers } from './electron/os-integration.js';
import { createListeners } from './ipc/handlers.js';
import type { Logger } from './log.js';
import { createApiClients } from './meetings/api-clients.js';
import { createLicenceCache } from './meetings/licence-cache.js';
import { createMeetingsService } from './meetings/meetings-service.js';
import type { AppInfo } from '../common/app-info.js';
import { resolvePreset, type LaunchArgs } from './platform/launch-args.js';
import type { Notify } from './ports.js';
import type { AppStore } from './store/app-store.js';
import type { TrayAction, TrayState } from './tray/menu-model.js';
import type { Vault } from './vault/vault.js';

export interface ServicesContext {
  info: AppInfo;
  store: AppStore;
  vault: Vault;
  log: Logger & { folder(): string };
  notify: Notify;
  locale: () => Locale;
  t: () => Translate;
  startAtLogin: { get(): boolean; set(enabled: boolean): Promise<void> };
  tray: { tray: { isDestroyed(): boolean }; render(): void; state(): TrayState };
  quit: () => void;
  testMode: boolean;
}

export function startServices(ctx: ServicesContext) {
  const { store, vault, log, notify, locale, t } = ctx;
  const api = createApiClients({ settings: () => store.settings(), credentials: () => vault.get(), log });
  const meetings = createMeetingsService({ store, vault, api, openLink, clipboard: systemClipboard, notify, confirm: confirmWithDialog, locale, t, log });
  const licence = createLicenceCache();
  const mainWindow = createMainWindowController({
    preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
    title: () => t()('window.title'),
  });

  registerIpc(
    createListeners(
      {
        appInfo: () => ({ ...ctx.info, locale: locale() }),
        store,
        vault,
        meetings,
        verify: () => api.background().licensing(),
        licence,
        dialogs: createDialogs(t),
        setStartAtLogin: ctx.startAtLogin.set,
        openLogFolder: () => openFolder(log.folder()),
        locale,
        t,
      },
      log,
    ),
  );

  const startPreset = (presetId: string) => void meetings.start(presetId);
  const dispatch = (action: TrayAction): void => {
    switch (action.type) {
      case 'start':
        return startPreset(action.presetId);
      case 'set-up-credentials':
        return mainWindow.show('settings');
      case 'open-window':
        return mainWindow.show();
      case 'check':
        return void meetings.check(action.checkId);
      case 'recent':
        switch (action.action) {
          case 'open-participant':
            return void meetings.openAsParticipant(action.meetingId);
          case 'open-host':
            return void meetings.openAsHost(action.meetingId);
          case 'open-live':
            return void meetings.openLive(action.meetingId);
          case 'end':
            return void meetings.end(action.meetingId);
          default:
            meetings.copy(action.meetingId, action.action.replace('copy-', '') as Parameters<typeof meetings.copy>[1]);
            return;
        }
      case 'toggle-start-at-login':
        return void ctx.startAtLogin.set(!ctx.startAtLogin.get()).catch((error: unknown) => {
          log.error('start at login could not be changed', { error: String(error) });
          ctx.tray.render();
        });
      case 'open-log-folder':
        return openFolder(log.folder());
      case 'quit':
        return ctx.quit();
    }
  };

  // One rebuild per change of state, whoever changed it; the window re-reads its snapshot.
  const refresh = () => {
    ctx.tray.render();
    updateLaunchers(store.presets(), startPreset);
    sendEvent(mainWindow.current?.webContents, 'stateChanged', undefined);
  };
  store.onChange(refresh);
  vault.onChange(refresh);
  meetings.onChange(refresh);
  licence.onChange(refresh);
  refresh();
  meetings.resume();

  // With the tray up, learn the licence (for the capacity choices and the seed preset's size).
  void vault.get().then(async (credentials) => {
    if (!credentials) return;
    const answer = await api.background().licensing();
    if (!answer.ok) return;
    licence.remember(answer.value);
    store.adoptLicence(answer.value);
  });

  let shortcut: string | null = null;
  const applyShortcut = () => {
    const wanted = store.settings().globalShortcut;
    if (wanted === shortcut) return;
    shortcut = wanted;
    const registered = registerShortcut(wanted, () => {
      const id = store.defaultPresetId();
      if (id) startPreset(id);
    });
    if (!registered && wanted) notify({ title: t()('shortcut.takenTitle'), body: t()('shortcut.takenBody', { accelerator: wanted }) });
  };
  applyShortcut();
  store.onChange(applyShortcut);

  if (ctx.testMode) {
    installE2eHooks({
      tray: ctx.tray.tray,
      state: ctx.tray.state,
      dispatch,
      recent: () => store.recent(),
      configure: async ({ apiBaseUrl, apiKey, apiSecret }) => {
        store.updateSettings({ apiBaseUrl });
        await vault.set({ apiKey, apiSecret });
      },
    });
  }

  return {
    meetings,
    dispatch,
    warm: () => void api.click().warm(),

    /** `--start …` from a launch; without it, a second launch shows the window and a login launch nothing. */
    handleLaunch(args: LaunchArgs, secondInstance: boolean): void {
      if (args.start) {
        const preset = 'default' in args.start ? store.preset(store.defaultPresetId() ?? '') : resolvePreset(store.presets(), args.start.preset);
        if (preset) return startPreset(preset.id);
        log.warn('launch: no preset matches --start');
      }
      if (secondInstance && !args.hidden) mainWindow.show();
    },

    async stop(): Promise<void> {
      meetings.stop();
      await api.close();
    },
  };
}
export type Services = ReturnType<typeof startServices>;
