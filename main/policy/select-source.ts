import { userInfo } from 'node:os';
import { linuxFileSource } from './linux-file.js';
import { macPlistSource } from './macos-plist.js';
import type { PolicySource } from './source.js';
import { windowsRegistrySource } from './windows-registry.js';
import { regExportPort } from './reg-export-port.js';

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

/** The policy reader of this OS (main/index.ts). Nothing is read here; the library of each is imported on first read. */
export function policySourceFor(platform: NodeJS.Platform, options: { bundleId: string }): PolicySource | undefined {
  switch (platform) {
    case 'win32':
      return windowsRegistrySource(regExportPort());
    case 'darwin':
      return macPlistSource({ bundleId: options.bundleId, user: osUserName() });
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return linuxFileSource();
    default:
      return undefined;
  }
}
