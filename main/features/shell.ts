import type { AppInfo } from '../../common/app-info.js';
import type { Command, Section } from '../../common/commands.js';
import { catalogue, type Locale } from '../../common/i18n/index.js';
import { fail, ok, type Result } from '../../common/result.js';
import type { WindowSnapshot, WindowUi } from '../../common/window-state.js';
import { describeApp, type AppFacts } from '../platform/app-identity.js';
import { resolvePreset, type LaunchArgs } from '../platform/launch-args.js';
import type { Confirm, WindowPort } from '../ports.js';
import type { AppContext, Feature } from './feature.js';

/** How long recording a shortcut may hold the global one back, if the window never says it stopped. */
const RECORDING_PAUSE_MS = 60_000;

/**
 * The app's shell: the window (shown on a section; what it is in the middle of; its own state kept while
 * it is let go), the log folder, quitting (which never drops an unsaved edit unasked), launches, and the
 * window's channels that reach the whole app (`snapshot`, `run`).
 */
export function shellFeature(
  ctx: AppContext,
  deps: {
    window: WindowPort;
    confirm: Confirm;
    quit: () => void;
    openFolder: (path: string) => void;
    facts: { name: string; version: string; platform: string; desktop?: AppFacts['desktop'] };
    systemLanguages: readonly string[];
    /** The merged app: its state for the window, and every command. */
    snapshot: () => WindowSnapshot;
    runAndForget: (command: Command) => void;
  },
) {
  const { t, log } = ctx;
  /** The sections holding edits not saved yet, as the window last said (`windowState`). */
  let unsaved: readonly Section[] = [];
  /** The window's own state (windowState's `ui`), kept for a window made afresh: in memory only. */
  let windowUi: WindowUi | undefined;

  /** Whether quitting may go on: unless the window holds unsaved edits; then it shows them and the user chooses. */
  async function mayQuit(): Promise<boolean> {
    const [where] = unsaved;
    if (!where) return true;
    const words = t();
    deps.window.show(where, words('window.title'));
    return deps.confirm({
      title: words('quit.unsavedTitle'),
      message: words('quit.unsavedMessage'),
      detail: words('quit.unsavedDetail'),
      confirm: words('quit.discardAndQuit'),
      cancel: words('quit.keepEditing'),
    });
  }

  /**
   * While the window records a shortcut, the global one is let go: pressing it would start a meeting
   * instead of being recorded. A window that never says it stopped (it crashed) gets it back in a minute.
   */
  let recording: ReturnType<typeof setTimeout> | undefined;
  function recordShortcut(active: boolean): void {
    if (recording) clearTimeout(recording);
    const was = recording !== undefined;
    recording = active ? setTimeout(() => recordShortcut(false), RECORDING_PAUSE_MS) : undefined;
    recording?.unref?.();
    if (was !== active) ctx.changed();
  }

  const appInfo = (): AppInfo => ({ ...describeApp({ ...deps.facts, preferredLanguages: deps.systemLanguages }), locale: ctx.locale() });
  /** The window's words: one language's whole catalogue (main's own when not asked for another). */
  const words = (asked?: Locale) => {
    const locale = asked ?? ctx.locale();
    return { locale, messages: catalogue(locale) };
  };

  /** The state for `opening`, in a result of its own: a failure is told as handle() tells the `snapshot` channel's. */
  const snapshotResult = (): Result<WindowSnapshot> => {
    try {
      return ok(deps.snapshot());
    } catch (error) {
      log.error('ipc opening: the snapshot failed', error);
      return fail('internal', t()('ipc.internal'));
    }
  };

  const feature = {
    commands: {
      'open-window': (command) => {
        ctx.policy.check();
        deps.window.show(command.section, t()('window.title'));
        return ok({});
      },
      'open-log-folder': () => {
        deps.openFolder(log.folder());
        return ok({});
      },
      quit: async () => ((await mayQuit()) ? (deps.quit(), ok({})) : fail('cancelled', t()('quit.kept'))),
    },
    ipc: {
      appInfo: (): Result<AppInfo> => ok(appInfo()),
      // The window bundles no catalogue: it draws in the language main answers (its own, as the snapshot names it).
      messages: (request) => ok(words(request.locale)),
      // A window's first answers in one round trip (docs/performance.md, "The window").
      opening: () => ok({ messages: words(), snapshot: snapshotResult(), savedUi: windowUi ?? null, appInfo: appInfo() }),
      snapshot: (): Result<WindowSnapshot> => ok(deps.snapshot()),
      run: (command) => ctx.run(command),
      savedUi: (): Result<WindowUi | null> => ok(windowUi ?? null),
      windowState: (request): Result<Record<string, never>> => {
        if (request.unsaved) unsaved = [...new Set(request.unsaved)];
        if (request.ui) windowUi = request.ui;
        if (request.recordingShortcut !== undefined) recordShortcut(request.recordingShortcut);
        return ok({});
      },
    },
    // Opening the menu reads the policy again where no watch could tell of a change (at most every 30 s).
    warm: () => ctx.policy.check(),
    stop: () => {
      if (recording) clearTimeout(recording);
    },
  } satisfies Feature;

  return {
    feature,
    mayQuit,
    /** Whether the global shortcut is let go (the window is recording a new one). */
    shortcutPaused: () => recording !== undefined,
    /** A launch's arguments as commands: `--start=<preset>` or `--start-default`, else a second launch shows the window. */
    launch(args: LaunchArgs, secondInstance: boolean): void {
      if (args.start) {
        if ('default' in args.start) return deps.runAndForget({ type: 'start-default' });
        const preset = resolvePreset(ctx.store.presets(), args.start.preset);
        if (preset) return deps.runAndForget({ type: 'start', presetId: preset.id });
        log.warn('launch: no preset matches --start');
      }
      if (secondInstance && !args.hidden) deps.runAndForget({ type: 'open-window' });
    },
  };
}
