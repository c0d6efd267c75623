import { protocol } from 'electron';
import { appScheme } from '../security/app-origin.js';
import { appSchemePrivileges, createAppRequestHandler } from '../security/app-protocol.js';

/** Must run before `app` is ready: privileged schemes are fixed at start-up. */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
}

/** Serves `app://umeet/…` from the built renderer folder. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, createAppRequestHandler(rendererDir));
}
