import { translator } from '../../common/i18n/index.js';
import type { Locale } from '../../common/i18n/locale.js';

/** What a tray item does when clicked; the controller maps each to a service call. */
export type TrayAction = { type: 'open-window' } | { type: 'quit' };

export type MenuEntry =
  | { kind: 'item'; id: string; label: string; enabled: boolean; action: TrayAction }
  | { kind: 'separator' };

/** Everything the menu depends on. The menu is a pure function of it. */
export interface TrayState {
  locale: Locale;
}

export function buildMenuModel(state: TrayState): MenuEntry[] {
  const t = translator(state.locale);
  return [
    { kind: 'item', id: 'open-window', label: t('tray.openWindow'), enabled: true, action: { type: 'open-window' } },
    { kind: 'separator' },
    { kind: 'item', id: 'quit', label: t('tray.quit'), enabled: true, action: { type: 'quit' } },
  ];
}

/**
 * The subset of Electron's `MenuItemConstructorOptions` the model produces, declared here so this
 * folder stays free of Electron; Electron's type accepts it structurally.
 */
export interface MenuTemplateItem {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator';
  enabled?: boolean;
  click?: () => void;
}

/** Turns the model into a menu template whose clicks dispatch the model's actions. */
export function toMenuTemplate(model: readonly MenuEntry[], dispatch: (action: TrayAction) => void): MenuTemplateItem[] {
  return model.map((entry) =>
    entry.kind === 'separator'
      ? { type: 'separator' }
      : { id: entry.id, label: entry.label, enabled: entry.enabled, click: () => dispatch(entry.action) },
  );
}
