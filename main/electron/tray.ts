import { Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { Command } from '../../common/commands.js';
import { buildMenuModel, toMenuTemplate, tooltipText, trayIconVariant, type TrayIconVariant, type TrayState } from '../tray/menu-model.js';

/** macOS wants template images (the OS tints them for light and dark menu bars); elsewhere colour icons. */
export function trayIconPath(iconDir: string, platform: NodeJS.Platform, variant: TrayIconVariant = 'idle'): string {
  const name = variant === 'idle' ? '' : variant === 'busy' ? 'Busy' : 'Error';
  return join(iconDir, platform === 'darwin' ? `tray${name}Template.png` : `tray${name}.png`);
}

export interface TrayControllerOptions {
  iconDir: string;
  state: () => TrayState;
  /** Runs what a clicked item (or a left click) asks. */
  run: (command: Command) => void;
  /** What a left click does on macOS and Windows (Linux trays only ever show the menu). */
  leftClick: () => 'menu' | 'start-default';
  /** The user is about to use the menu: open the API connection now (docs/architecture.md, "The click path"). */
  warm: () => void;
}

/**
 * Owns the Tray. `render()` rebuilds the menu from the pure model and sets it again: Linux's
 * AppIndicator only picks up a changed menu through a new `setContextMenu` call.
 */
export function createTrayController(options: TrayControllerOptions) {
  const images = new Map<TrayIconVariant, Electron.NativeImage>();
  const image = (variant: TrayIconVariant) => {
    let cached = images.get(variant);
    if (!cached) {
      cached = nativeImage.createFromPath(trayIconPath(options.iconDir, process.platform, variant));
      images.set(variant, cached);
    }
    return cached;
  };
  const tray = new Tray(image('idle'));
  let variant: TrayIconVariant = 'idle';
  let menu: Electron.Menu | undefined;

  const render = () => {
    const state = options.state();
    const nextVariant = trayIconVariant(state);
    if (nextVariant !== variant) {
      tray.setImage(image(nextVariant));
      variant = nextVariant;
    }
    tray.setToolTip(tooltipText(state));
    menu = Menu.buildFromTemplate(toMenuTemplate(buildMenuModel(state), options.run));
    menu.on('menu-will-show', options.warm);
    // On macOS a context menu opens on any click; to let a left click start the default preset,
    // the menu moves to the right click instead.
    tray.setContextMenu(macStartsOnClick() ? null : menu);
  };
  const macStartsOnClick = () => process.platform === 'darwin' && options.leftClick() === 'start-default';

  if (process.platform !== 'linux') {
    // The pointer on the icon comes a moment before the click: warm up then.
    tray.on('mouse-enter', options.warm);
    tray.on('right-click', () => {
      if (macStartsOnClick() && menu) tray.popUpContextMenu(menu);
    });
    tray.on('click', () => {
      if (options.leftClick() === 'start-default') {
        const { defaultPresetId } = options.state();
        if (defaultPresetId) return options.run({ type: 'start', presetId: defaultPresetId });
      }
      // macOS opens the context menu on click by itself; Windows only on right-click.
      if (process.platform === 'win32') {
        options.warm();
        tray.popUpContextMenu();
      }
    });
  }
  render();
  return { tray, render };
}
