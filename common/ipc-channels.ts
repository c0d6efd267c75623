/**
 * The names of the IPC channels, one per operation the window may ask of main.
 *
 * Kept apart from the zod contract (`ipc-contract.ts`) so the sandboxed preload can list the
 * channels without bundling zod; the contract is typed `Record<Channel, Route>`, so a name added
 * here without a route, or a route without a name, fails typecheck. The name is also the
 * method name on `window.umeet`.
 */
export const channels = ['appInfo'] as const;
export type Channel = (typeof channels)[number];

/** Prefix on the wire, so our channels never collide with Electron's or a library's. */
export const channelPrefix = 'umeet:';
