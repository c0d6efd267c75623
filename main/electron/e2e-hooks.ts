import { buildMenuModel, type TrayAction, type TrayState } from '../tray/menu-model.js';

/**
 * Test-only hooks for the Playwright Electron suite, which cannot click a native tray menu:
 * it reads the menu model and clicks its items through these. Installed only in an unpackaged
 * app started with UMEET_E2E=1, so a shipped build never has them.
 */
export function installE2eHooks(
  tray: { isDestroyed(): boolean },
  getState: () => TrayState,
  dispatch: (action: TrayAction) => void,
): void {
  const hooks = {
    trayAlive: () => !tray.isDestroyed(),
    menu: () => buildMenuModel(getState()),
    click: (id: string) => {
      const entry = buildMenuModel(getState()).find((item) => item.kind === 'item' && item.id === id);
      if (!entry || entry.kind !== 'item') throw new Error(`no tray item ${id}`);
      dispatch(entry.action);
    },
  };
  (globalThis as { __umeetE2E?: typeof hooks }).__umeetE2E = hooks;
}
