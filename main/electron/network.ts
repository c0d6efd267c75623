import { powerMonitor, session } from 'electron';

/**
 * How the OS would reach a URL, as Chromium decides it for the app's default session: the system's
 * proxy settings, a PAC script, WPAD (session.md, `ses.resolveProxy`). The answer is PAC-style:
 * "DIRECT", "PROXY host:port; DIRECT"… (common/proxy.ts reads it).
 */
export const resolveProxy = (url: string): Promise<string> => session.defaultSession.resolveProxy(url);

/**
 * Calls `changed` when the network may have become another one: the computer woke up or was
 * unlocked (power-monitor.md; Electron has no network-change event); and `resumed` after a sleep
 * (what time changed: Upcoming, the reminders). Only after `ready`.
 */
export function onNetworkMayHaveChanged(changed: () => void, resumed: () => void = () => undefined): void {
  powerMonitor.on('resume', () => {
    changed();
    resumed();
  });
  // macOS and Windows only (power-monitor.md): a laptop carried from the office is often just unlocked.
  if (process.platform === 'darwin' || process.platform === 'win32') powerMonitor.on('unlock-screen', changed);
}
