import { Notification } from 'electron';
import { randomBytes } from 'node:crypto';
import type { Notice, Notify } from '../ports.js';

/**
 * System notifications that can be clicked. Electron keeps no reference to a shown Notification:
 * once nothing in the app holds it, it may be garbage-collected, and its 'click' never comes
 * (electron#12690, #16922). So a notice with a click action stays referenced until it is clicked,
 * closed or fails, the last KEPT_CLICKABLE of them at most (an app that runs for weeks must not hold
 * every notice it ever showed; the OS has long moved the old ones aside). A notice without one is held
 * only until it shows or fails, so that a refusal is still heard.
 * - 'failed' (macOS refuses notifications from unsigned apps, notification.md): the notice's
 *   `onFailed` hears why, so the app can show the text elsewhere.
 * - Windows: a click on a toast in the Action Center can come after this process let the object go,
 *   or after a restart; `Notification.handleActivation` (notification.md, Windows) receives it, and
 *   the toast's `launch` argument says which notice it was: `umeet-notice:<run>:<n>`, where `<run>` is
 *   drawn afresh at each start, since `n` counts from 1 again. A toast of another run, or one whose notice
 *   is no longer held, runs nothing of this run's: it opens the window (`onStale`).
 */
/** Clickable notices kept for their click, newest first: the oldest beyond this are let go. */
export const KEPT_CLICKABLE = 20;

export function createNotifier(platform: NodeJS.Platform = process.platform, onStale: () => void = () => undefined): Notify {
  /** The notices held, by id, oldest first (a Map keeps insertion order). */
  const shown = new Map<string, Notification>();
  const clicks = new Map<string, () => void>();
  /** This run's mark on its toasts. */
  const run = randomBytes(8).toString('hex');
  /** Notices of this run already clicked: a click also reaches handleActivation ("in addition to instance events"). */
  const clicked = new Set<string>();
  let sequence = 0;
  if (platform === 'win32' && typeof Notification.handleActivation === 'function') {
    Notification.handleActivation((details) => {
      const [, toastRun, id] = /^umeet-notice:([0-9a-f]+):(\d+)$/.exec(details.arguments) ?? [];
      if (toastRun === run && id !== undefined) {
        if (clicked.has(id)) return;
        const click = clicks.get(id);
        if (click) return click();
      }
      onStale();
    });
  }
  return (notice: Notice) => {
    if (!Notification.isSupported()) return notice.onFailed?.('notifications are not supported on this system');
    const id = String(++sequence);
    const notification = new Notification({
      title: notice.title,
      body: notice.body,
      silent: false,
      ...(platform === 'win32' ? { toastXml: toastXml(notice, `${run}:${id}`) } : {}),
    });
    const release = () => {
      shown.delete(id);
      clicks.delete(id);
    };
    if (notice.onClick) {
      const onClick = notice.onClick;
      clicks.set(id, () => {
        release();
        clicked.add(id);
        if (clicked.size > KEPT_CLICKABLE * 5) clicked.delete(clicked.values().next().value!);
        onClick();
      });
      notification.on('click', () => clicks.get(id)?.());
    } else {
      notification.on('show', release);
    }
    notification.on('close', release);
    notification.on('failed', (_event, error) => {
      release();
      notice.onFailed?.(error);
    });
    shown.set(id, notification);
    // The oldest clickable notice beyond the bound is let go (an unclickable one is let go once shown).
    for (const [oldest] of shown) {
      if (clicks.size <= KEPT_CLICKABLE) break;
      if (clicks.has(oldest)) {
        shown.delete(oldest);
        clicks.delete(oldest);
      }
    }
    notification.show();
  };
}

const xmlEscape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain toast whose activation names the notice, so a click that outlives the object still finds it. */
function toastXml(notice: Notice, id: string): string {
  return `<toast launch="umeet-notice:${id}"><visual><binding template="ToastGeneric"><text>${xmlEscape(notice.title)}</text><text>${xmlEscape(notice.body)}</text></binding></visual></toast>`;
}
