import type { Translate } from '../../common/i18n/index.js';
import type { UpdateStatus } from '../updates/update-service.js';
import type { MenuEntry } from './menu-model.js';

/** What the menu needs to know of updates: the service's status and the running version. */
export interface UpdatesView {
  status: UpdateStatus;
  version: string;
}

/**
 * Where updates are, in one line of the user's language: the tray's greyed line and the window's update setting say
 * the same. Undefined when there is nothing to say (a development run, before the first check, once a download is
 * ready, where the tray shows "Restart to update" instead).
 */
export function updateLine(view: UpdatesView, t: Translate): string | undefined {
  const { status } = view;
  switch (status.state) {
    case 'idle':
      return status.upToDate ? t('tray.update.upToDate', { version: view.version }) : undefined;
    case 'checking':
      return t('tray.update.checking');
    case 'available':
      return t('tray.update.available', { version: status.version });
    case 'downloading':
      return status.percent === undefined
        ? t('tray.update.downloading', { version: status.version })
        : t('tray.update.downloadingPercent', { version: status.version, percent: String(status.percent) });
    case 'error':
      return t('tray.update.failed', { error: status.message });
    case 'unsupported':
      return status.reason === 'unsigned' ? t('tray.update.unsigned') : undefined;
    case 'ready':
      return undefined;
  }
}

/** The window snapshot's `updateLine`, when there is one. */
export const withUpdateLine = (view: UpdatesView, t: Translate): { updateLine?: string } => {
  const line = updateLine(view, t);
  return line ? { updateLine: line } : {};
};

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
  const text = updateLine(view, t);
  switch (status.state) {
    case 'idle':
    case 'checking':
    case 'available':
    case 'downloading':
      return text ? [line(text), check] : [check];
    case 'error':
      return [line(shorten(text!)), check];
    case 'unsupported':
      return [line(text!)];
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
