import { displayAccelerator } from '../../common/accelerator.js';
import type { Command } from '../../common/commands.js';
import type { Translate } from '../../common/i18n/index.js';
import type { Notify } from '../ports.js';
import { followShortcut } from './os-integration.js';

/**
 * The global shortcut as the settings say (held back while the window records a new one): pressed, it starts the
 * default preset; taken by another app, or registered where it may fire only in our window (Wayland), the user is
 * told once, with the launcher command a desktop shortcut of their own can run instead.
 */
export function followShortcutSetting(
  app: {
    shortcutPaused: () => boolean;
    state: () => { settings: { globalShortcut: string | null } };
    runAndForget: (command: Command) => void;
    t: () => Translate;
  },
  notify: Notify,
  launcherCommand: string,
): () => void {
  const t = () => app.t();
  const shown = (accelerator: string) => displayAccelerator(accelerator, process.platform);
  return followShortcut(
    () => (app.shortcutPaused() ? null : app.state().settings.globalShortcut),
    () => app.runAndForget({ type: 'start-default' }),
    (accelerator) => notify({ title: t()('shortcut.takenTitle'), body: t()('shortcut.takenBody', { accelerator: shown(accelerator) }) }),
    (accelerator) =>
      notify({
        title: t()('shortcut.uncertainTitle'),
        body: t()('shortcut.uncertainBody', { accelerator: shown(accelerator), command: launcherCommand }),
      }),
  );
}
