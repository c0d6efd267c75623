import { app, session } from 'electron';
import type { Logger } from '../../core/log.js';
import { hardenSession, hardenWebContents } from '../security/window-policy.js';

/**
 * App-wide protections, whoever creates a webContents or asks for a permission: no navigation,
 * no new windows, no <webview>, every permission denied. Called once, before `ready`; the session
 * part runs when the app is ready.
 */
export function hardenApp(log: Logger): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));
  void app.whenReady().then(() => hardenSession(session.defaultSession));
}
