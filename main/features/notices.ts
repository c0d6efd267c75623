import type { Command } from '../../common/commands.js';
import type { Logger } from '../../core/log.js';
import type { CommandNotify, Notify } from '../ports.js';
import type { Feature } from './feature.js';

/**
 * Notifications, for every feature: a notification the OS refuses (macOS, an unsigned app) is not lost,
 * its text becomes the tray's `lastEvent` line; and a notification's click is one more surface for
 * commands (`commandNotify`), like a tray item.
 */
export function notices(deps: { notify: Notify; log: Logger; changed: () => void; run: (command: Command) => void }) {
  let lastEvent: string | undefined;
  const notify: Notify = (notice) =>
    deps.notify({
      ...notice,
      onFailed: (reason) => {
        deps.log.warn('a notification could not be shown', { reason });
        lastEvent = `${notice.title}: ${notice.body}`;
        deps.changed();
      },
    });
  const commandNotify: CommandNotify = ({ command, ...notice }) =>
    notify({ ...notice, ...(command ? { onClick: () => deps.run(command) } : {}) });
  return {
    notify,
    commandNotify,
    feature: { state: () => ({ lastEvent }) } satisfies Feature<'lastEvent'>,
  };
}
