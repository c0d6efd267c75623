/**
 * Builds the object the preload exposes as `window.umeet`: one named method per channel, each
 * forwarding its single argument to `invoke`. Nothing else is exposed: no `ipcRenderer`, no
 * generic `invoke` or `send`, so the page can only ask main for what the contract names.
 *
 * Self-contained on purpose (no imports, no closures over module state): the renderer tests
 * inject this very function into Chromium with `toString()`, so they exercise the real preload
 * logic with only Electron's IPC transport stood in for.
 */
export function buildApi(
  names: readonly string[],
  invoke: (channel: string, payload: unknown) => Promise<unknown>,
): Readonly<Record<string, (payload?: unknown) => Promise<unknown>>> {
  const api: Record<string, (payload?: unknown) => Promise<unknown>> = {};
  for (const name of names) {
    api[name] = (payload?: unknown) => invoke(name, payload);
  }
  return Object.freeze(api);
}
