import type { Translate } from '../../common/i18n/index.js';
import type { StartAtLogin } from '../../common/window-state.js';
import type { Logger } from '../../core/log.js';

/** The OS's login item (macOS and Windows login items, Linux XDG autostart): main/electron/login-item.ts. */
export interface LoginItemPort {
  get(): Promise<boolean>;
  set(enabled: boolean): Promise<void>;
}

/**
 * Start at login, with the OS as the one truth: read at start and after every change, never
 * copied into the settings. When the OS refuses a change (a policy, a read-only autostart folder),
 * the state shows what the OS now says and why the change did not happen.
 */
export function createStartAtLogin(port: LoginItemPort, deps: { log?: Logger; t: () => Translate }) {
  let state: StartAtLogin = { enabled: false };
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((listener) => listener());

  async function read(): Promise<boolean> {
    try {
      return await port.get();
    } catch (error) {
      deps.log?.warn('start at login: the OS state could not be read', { error: String(error) });
      return state.enabled;
    }
  }

  return {
    state: (): StartAtLogin => state,
    async refresh(): Promise<StartAtLogin> {
      state = { enabled: await read() };
      changed();
      return state;
    },
    async set(enabled: boolean): Promise<StartAtLogin> {
      let refused: string | undefined;
      try {
        await port.set(enabled);
      } catch (error) {
        deps.log?.error('start at login could not be changed', { enabled, error: String(error) });
        refused = String(error instanceof Error ? error.message : error).slice(0, 200);
      }
      const now = await read();
      if (!refused && now !== enabled) refused = deps.t()('startAtLogin.notApplied');
      state = refused ? { enabled: now, error: deps.t()('startAtLogin.refused', { reason: refused }) } : { enabled: now };
      changed();
      return state;
    },
    onChange(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type StartAtLoginControl = ReturnType<typeof createStartAtLogin>;
