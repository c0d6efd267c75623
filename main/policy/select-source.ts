import { userInfo } from 'node:os';
import type { PolicySource } from './source.js';

/** The app's bundle id on macOS (electron-builder.yml's appId): the managed preferences' file name. */
export const BUNDLE_ID = 'cn.umeet.tray';

/** The OS user's name, for `{username}` in the default user key; empty if the OS will not say. */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

/**
 * The policy reader of this OS (main/index.ts). Nothing is read here: the reader's module (and the library it
 * uses) is imported on the first read, which the app starts as it is made and which ends after the tray shows
 * (docs/architecture.md, "Start-up").
 */
export function policySourceFor(platform: NodeJS.Platform, options: { bundleId: string }): LoadedOnFirstUse | undefined {
  switch (platform) {
    case 'win32':
      return loadedOnFirstUse(async () =>
        (await import('./windows-registry.js')).windowsRegistrySource((await import('./reg-export-port.js')).regExportPort()),
      );
    case 'darwin': {
      const user = osUserName();
      return loadedOnFirstUse(async () => (await import('./macos-plist.js')).macPlistSource({ bundleId: options.bundleId, user }));
    }
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return loadedOnFirstUse(async () => (await import('./linux-file.js')).linuxFileSource());
    default:
      return undefined;
  }
}

/** A reader whose module loads on first use; `loaded` says whether it could (a module that cannot is a failed start). */
export type LoadedOnFirstUse = PolicySource & { loaded(): Promise<unknown> };

/**
 * A reader whose module loads on the first `read` or `watch`. Its `watch` is set once the module has loaded
 * (the first read, asked before it, starts first, as with the reader itself); one stopped before that is never set.
 */
export function loadedOnFirstUse(load: () => Promise<PolicySource>): LoadedOnFirstUse {
  let source: Promise<PolicySource> | undefined;
  const get = () => (source ??= load());
  return {
    loaded: get,
    read: async () => (await get()).read(),
    watch(onChange) {
      let stop: (() => void) | undefined;
      let stopped = false;
      // A module that cannot load is told by `loaded`'s caller (main/index.ts), once.
      get().then(
        (loaded) => {
          if (!stopped) stop = loaded.watch?.(onChange);
        },
        () => undefined,
      );
      return () => {
        stopped = true;
        stop?.();
      };
    },
  };
}
