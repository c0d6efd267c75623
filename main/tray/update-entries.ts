import type { Translate } from '../../common/i18n/index.js';
import type { UpdateStatus } from '../updates/update-service.js';
import type { MenuEntry } from './menu-model.js';

/** What the menu needs to know of updates: the service's status and the running version. */
export interface UpdatesView {
  status: UpdateStatus;
  version: string;
}

/**
 * The menu's update entries, above Quit: a greyed line that says where things are (nothing before
 * the first check), then "Check for updates…" — or, once a download is ready, "Restart to update to
 * v…". A development run shows none: it has no feed to check. An unsigned macOS build says it cannot
 * update itself rather than failing each time.
 */
export function updateEntries(view: UpdatesView, t: Translate, shorten: (text: string) => string): MenuEntry[] {
  const { status } = view;
  if (status.state === 'unsupported' && status.reason === 'unpackaged') return [];
  const line = (label: string): MenuEntry => ({ kind: 'item', id: 'update-status', label, enabled: false });
  const check: MenuEntry = {
    kind: 'item',
    id: 'check-for-updates',
    label: t('tray.checkForUpdates'),
    enabled: status.state !== 'checking' && status.state !== 'downloading',
    action: { type: 'check-for-updates' },
  };
  switch (status.state) {
    case 'idle':
      return status.upToDate ? [line(t('tray.update.upToDate', { version: view.version })), check] : [check];
    case 'checking':
      return [line(t('tray.update.checking')), check];
    case 'available':
      return [line(t('tray.update.available', { version: status.version })), check];
    case 'downloading':
      return [line(t('tray.update.downloading', { version: status.version })), check];
    case 'error':
      return [line(shorten(t('tray.update.failed', { error: status.message }))), check];
    case 'unsupported':
      return [line(t('tray.update.unsigned'))];
    case 'ready':
      return [
        {
          kind: 'item',
          id: 'restart-to-update',
          label: t('tray.restartToUpdate', { version: status.version }),
          enabled: true,
          action: { type: 'restart-to-update' },
        },
      ];
  }
}
