import { Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import { buildMenuModel, toMenuTemplate, type TrayAction, type TrayState } from '../tray/menu-model.js';

/** macOS wants a template image (the OS tints it for light/dark menu bars); elsewhere a colour icon. */
export function trayIconPath(iconDir: string, platform: NodeJS.Platform): string {
  return join(iconDir, platform === 'darwin' ? 'trayTemplate.png' : 'tray.png');
}

export interface TrayControllerOptions {
  iconDir: string;
  tooltip: (state: TrayState) => string;
  dispatch: (action: TrayAction) => void;
}

/**
 * Owns the Tray. Every state change rebuilds the menu from the pure model and sets it again:
 * Linux's AppIndicator only picks up a changed menu through a new `setContextMenu` call.
 */
export function createTrayController(initial: TrayState, options: TrayControllerOptions) {
  const image = nativeImage.createFromPath(trayIconPath(options.iconDir, process.platform));
  const tray = new Tray(image);
  let state = initial;

  const render = () => {
    tray.setToolTip(options.tooltip(state));
    tray.setContextMenu(Menu.buildFromTemplate(toMenuTemplate(buildMenuModel(state), options.dispatch)));
  };
  // Windows shows the context menu on right-click only; a left-click should open it too.
  if (process.platform === 'win32') tray.on('click', () => tray.popUpContextMenu());
  render();

  return {
    tray,
    get state(): TrayState {
      return state;
    },
    update(next: Partial<TrayState>): void {
      state = { ...state, ...next };
      render();
    },
  };
}
