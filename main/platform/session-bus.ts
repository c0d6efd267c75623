import { execFile } from 'node:child_process';

/**
 * The desktop's session bus, asked through `gdbus` (GLib's command-line client, there wherever GLib is: GNOME,
 * KDE, sway and Hyprland setups alike), so no D-Bus library is bundled or loaded before the tray. Each question
 * is one short-lived `gdbus call` with a deadline; an answer that cannot be had (no gdbus, no bus, a timeout) is
 * `undefined`, never a guess.
 */
export interface SessionBus {
  /** Whether a connection owns the name now, or the bus could start one for it (D-Bus activation). */
  nameAvailable(name: string): Promise<boolean | undefined>;
  /** A property's value as gdbus prints it (`<true>`), or undefined. */
  property(destination: string, path: string, iface: string, name: string): Promise<string | undefined>;
}

export interface GdbusOptions {
  env: Record<string, string | undefined>;
  /** The gdbus program (tests may name another). */
  program?: string;
  timeoutMs?: number;
}

/** Whether there is a session bus to ask at all: a desktop session always says where it is. */
export const hasSessionBus = (env: Record<string, string | undefined>): boolean => Boolean(env.DBUS_SESSION_BUS_ADDRESS);

export function gdbusSessionBus(options: GdbusOptions): SessionBus {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const call = (destination: string, path: string, method: string, ...args: string[]) =>
    new Promise<string | undefined>((resolve) => {
      execFile(
        options.program ?? 'gdbus',
        [
          'call',
          '--session',
          '--dest',
          destination,
          '--object-path',
          path,
          '--method',
          method,
          '--timeout',
          String(Math.ceil(timeoutMs / 1000)),
          ...args,
        ],
        { env: options.env as NodeJS.ProcessEnv, timeout: timeoutMs + 500, maxBuffer: 64 * 1024 },
        (error, stdout) => resolve(error ? undefined : stdout.trim()),
      );
    });
  const bus = (method: string, ...args: string[]) =>
    call('org.freedesktop.DBus', '/org/freedesktop/DBus', `org.freedesktop.DBus.${method}`, ...args);
  return {
    async nameAvailable(name) {
      const owned = await bus('NameHasOwner', name);
      if (owned === undefined) return undefined;
      if (owned.startsWith('(true')) return true;
      const activatable = await bus('ListActivatableNames');
      return activatable === undefined ? undefined : activatable.includes(`'${name}'`);
    },
    property: (destination, path, iface, name) => call(destination, path, 'org.freedesktop.DBus.Properties.Get', iface, name),
  };
}

/** org.kde.StatusNotifierWatcher: whether something draws StatusNotifier tray icons (a "host" registered with the watcher). */
export async function statusNotifierHost(bus: SessionBus): Promise<boolean | undefined> {
  const watcher = 'org.kde.StatusNotifierWatcher';
  const owned = await bus.nameAvailable(watcher);
  if (owned !== true) return owned;
  const value = await bus.property(watcher, '/StatusNotifierWatcher', watcher, 'IsStatusNotifierHostRegistered');
  if (value === undefined) return undefined;
  return /^\(<true>,?\)$/.test(value);
}

/** org.freedesktop.secrets: a Secret Service (GNOME Keyring, KeePassXC, KWallet 6…) on this session's bus. */
export const secretService = (bus: SessionBus): Promise<boolean | undefined> => bus.nameAvailable('org.freedesktop.secrets');
