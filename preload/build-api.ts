/**
 * Builds the object the preload exposes as `window.umeet`: one named method per channel, each
 * forwarding its single argument to `invoke`, and one `onX(listener)` per event, returning its
 * unsubscribe function. Nothing else is exposed: no `ipcRenderer`, no generic `invoke` or `send`,
 * so the page can only ask main for what the contract names.
 *
 * Self-contained on purpose (no imports, no closures over module state): the renderer tests
 * inject this very function into Chromium with `toString()`, so they exercise the real preload
 * logic with only Electron's IPC transport stood in for.
 */
export function buildApi(
  names: readonly string[],
  eventNames: readonly string[],
  invoke: (channel: string, payload: unknown) => Promise<unknown>,
  subscribe: (event: string, listener: (payload: unknown) => void) => () => void,
): Readonly<Record<string, (...args: never[]) => unknown>> {
  const api: Record<string, (...args: never[]) => unknown> = {};
  for (const name of names) {
    api[name] = (payload?: unknown) => invoke(name, payload);
  }
  for (const event of eventNames) {
    const method = `on${event.charAt(0).toUpperCase()}${event.slice(1)}`;
    api[method] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${method} needs a function`);
      return subscribe(event, listener);
    };
  }
  return Object.freeze(api);
}
