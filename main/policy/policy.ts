import { noPolicy, validatePolicy, type Policy } from '../../common/policy.js';
import type { Logger } from '../../core/log.js';
import type { PolicySource } from './source.js';

/** How often the menu or the window opening may read the policy again (all that tells of a change on Windows). */
export const CHECK_INTERVAL_MS = 30_000;

/**
 * The company policy in force: read at start (without holding the tray up: `ready()` is awaited only by a
 * start that comes before the first read ended), again when the source says it changed (a watched folder),
 * and when the menu or the window opens, at most every 30 s: the only notice on Windows, and the safety net
 * where a watch could not be set (a policy folder IT creates later). No timer: idle means idle. A change tells the
 * listeners, which redraw the tray and the window; nothing is ever shown as a dialog.
 */
export function createPolicy(deps: {
  source?: PolicySource | undefined;
  username: string;
  log?: Logger | undefined;
  now?: () => number;
  checkIntervalMs?: number;
}) {
  const now = deps.now ?? Date.now;
  let policy: Policy = noPolicy();
  let text = JSON.stringify(policy);
  const listeners = new Set<() => void>();

  async function reload(): Promise<boolean> {
    if (!deps.source) return false;
    let next: Policy;
    try {
      next = validatePolicy(await deps.source.read(), { username: deps.username });
    } catch (error) {
      deps.log?.error('policy: reading failed unexpectedly', { error: String(error) });
      return false;
    }
    const nextText = JSON.stringify(next);
    if (nextText === text) return false;
    policy = next;
    text = nextText;
    deps.log?.info('policy: in force', { sources: next.sources, locked: Object.keys(next.locked), defaults: Object.keys(next.defaults) });
    for (const ignored of next.ignored) deps.log?.warn('policy: a key was ignored', ignored);
    listeners.forEach((listener) => listener());
    return true;
  }

  const first = reload();
  const unwatch = deps.source?.watch?.(() => void reload());
  let lastCheck = now();

  return {
    current: (): Policy => policy,
    /** Resolves once the first read ended. */
    ready: (): Promise<void> => first.then(() => undefined),
    reload,
    /** The menu or the window opens: read it again (at most every 30 s). */
    check(): void {
      if (!deps.source) return;
      if (now() - lastCheck < (deps.checkIntervalMs ?? CHECK_INTERVAL_MS)) return;
      lastCheck = now();
      void reload();
    },
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: () => unwatch?.(),
  };
}
export type PolicyControl = ReturnType<typeof createPolicy>;
