import type { Command } from '../../common/commands.js';
import { buildMenuModel, findEntry, type TrayState } from '../tray/menu-model.js';

/**
 * Test-only hooks for the Playwright Electron suite, which cannot click a native tray menu
 * (as Mattermost Desktop does in src/main/e2e/): read the menu model, click its items (which runs
 * their commands), and point the app at the sandbox. Installed only in an unpackaged app run with
 * NODE_ENV=test.
 */
export interface E2eDeps {
  tray: { isDestroyed(): boolean };
  state: () => TrayState;
  app: {
    runAndForget: (command: Command) => void;
    ipc: {
      updateSettings: (patch: { apiBaseUrl: string }) => unknown;
      saveCredentials: (request: { apiKey: string; apiSecret: string; check: boolean }) => unknown;
    };
  };
}

export function installE2eHooks(deps: E2eDeps): void {
  const hooks = {
    trayAlive: () => !deps.tray.isDestroyed(),
    menu: () => buildMenuModel(deps.state()),
    click: (id: string) => {
      const entry = findEntry(buildMenuModel(deps.state()), id);
      if (!entry || (entry.kind !== 'item' && entry.kind !== 'checkbox') || !entry.action) throw new Error(`no clickable tray item ${id}`);
      deps.app.runAndForget(entry.action);
    },
    // Points the app at the sandbox, as "Save without checking" stores credentials: the suite's own requests are
    // the first the sandbox sees.
    configure: async ({ apiBaseUrl, apiKey, apiSecret }: { apiBaseUrl: string; apiKey: string; apiSecret: string }) => {
      await deps.app.ipc.updateSettings({ apiBaseUrl });
      await deps.app.ipc.saveCredentials({ apiKey, apiSecret, check: false });
    },
  };
  (globalThis as { __umeetE2E?: typeof hooks }).__umeetE2E = hooks;
}
