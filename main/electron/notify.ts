import { Notification } from 'electron';
import type { Notice, Notify } from '../ports.js';

/**
 * System notifications that can be clicked. Electron keeps no reference to a shown Notification:
 * once nothing in the app holds it, it may be garbage-collected, and its 'click' never comes
 * (electron#12690, #16922). So each stays referenced until it is clicked, closed, or fails.
 * - 'failed' (macOS refuses notifications from unsigned apps, notification.md): the notice's
 *   `onFailed` hears why, so the app can show the text elsewhere.
 * - Windows: a click on a toast in the Action Center can come after this process let the object go,
 *   or after a restart; `Notification.handleActivation` (notification.md, Windows) receives it, and
 *   the toast's `launch` argument says which notice it was.
 */
export function createNotifier(platform: NodeJS.Platform = process.platform): Notify {
  const shown = new Set<Notification>();
  const clicks = new Map<string, () => void>();
  let sequence = 0;
  if (platform === 'win32' && typeof Notification.handleActivation === 'function') {
    Notification.handleActivation((details) => {
      const id = /^umeet-notice:(\d+)$/.exec(details.arguments)?.[1];
      if (id) clicks.get(id)?.();
    });
  }
  return (notice: Notice) => {
    if (!Notification.isSupported()) return notice.onFailed?.('notifications are not supported on this system');
    const id = String(++sequence);
    const notification = new Notification({
      title: notice.title,
      body: notice.body,
      silent: false,
      ...(platform === 'win32' ? { toastXml: toastXml(notice, id) } : {}),
    });
    const release = () => {
      shown.delete(notification);
      clicks.delete(id);
    };
    if (notice.onClick) {
      const onClick = notice.onClick;
      clicks.set(id, () => {
        release();
        onClick();
      });
      notification.on('click', () => clicks.get(id)?.());
    }
    notification.on('close', release);
    notification.on('failed', (_event, error) => {
      release();
      notice.onFailed?.(error);
    });
    shown.add(notification);
    notification.show();
  };
}

const xmlEscape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain toast whose activation names the notice, so a click that outlives the object still finds it. */
function toastXml(notice: Notice, id: string): string {
  return `<toast launch="umeet-notice:${id}"><visual><binding template="ToastGeneric"><text>${xmlEscape(notice.title)}</text><text>${xmlEscape(notice.body)}</text></binding></visual></toast>`;
}
