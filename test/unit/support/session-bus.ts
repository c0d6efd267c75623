import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/**
 * A real D-Bus session bus for a test (Debian's `dbus-daemon --session`), with the services a desktop would have,
 * played by a small GLib program (python3-gi's Gio): the StatusNotifierWatcher with or without a host registered,
 * a Secret Service name. The app asks it with `gdbus`, as on a desktop. `unavailable` says why it cannot run here.
 */
export interface SessionBus {
  address: string;
  close(): Promise<void>;
}

const PYTHON = '/usr/bin/python3';

/** Why a session bus cannot be had here, or undefined when it can. */
export function sessionBusUnavailable(): string | undefined {
  for (const [program, args, pkg] of [
    ['dbus-daemon', ['--version'], 'dbus-daemon'],
    ['gdbus', ['help'], 'libglib2.0-bin'],
    [PYTHON, ['-c', 'import gi; gi.require_version("Gio", "2.0"); from gi.repository import Gio'], 'python3-gi'],
  ] as const) {
    const run = spawnSync(program, [...args], { stdio: 'ignore', timeout: 10_000 });
    if (run.error || run.status !== 0) return `${program} is not usable here (apt-get install ${pkg}); .ci/run installs it`;
  }
  return undefined;
}

// The services, as a desktop runs them: org.kde.StatusNotifierWatcher at /StatusNotifierWatcher with its
// IsStatusNotifierHostRegistered property, and a connection that owns org.freedesktop.secrets.
const SERVICES = `
import sys
from gi.repository import Gio, GLib
address, host, secrets = sys.argv[1], sys.argv[2] == "1", sys.argv[3] == "1"
conn = Gio.DBusConnection.new_for_address_sync(address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION, None, None)
xml = """<node><interface name="org.kde.StatusNotifierWatcher">
<property name="IsStatusNotifierHostRegistered" type="b" access="read"/>
<property name="ProtocolVersion" type="i" access="read"/>
</interface></node>"""
info = Gio.DBusNodeInfo.new_for_xml(xml).interfaces[0]
def get_property(connection, sender, path, iface, name):
    return GLib.Variant("b", host) if name == "IsStatusNotifierHostRegistered" else GLib.Variant("i", 0)
conn.register_object("/StatusNotifierWatcher", info, None, get_property, None)
def own(name):
    reply = conn.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus", "RequestName",
                           GLib.Variant("(su)", (name, 4)), None, Gio.DBusCallFlags.NONE, -1, None)
own("org.kde.StatusNotifierWatcher")
if secrets:
    own("org.freedesktop.secrets")
print("ready", flush=True)
GLib.MainLoop().run()
`;

export async function startSessionBus(options: { statusNotifierHost: boolean; secretService: boolean }): Promise<SessionBus> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    }
  };
  try {
    const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--nopidfile', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(daemon);
    const [address] = (await once(createInterface({ input: daemon.stdout! }), 'line')) as [string];
    const services = spawn(PYTHON, ['-c', SERVICES, address, options.statusNotifierHost ? '1' : '0', options.secretService ? '1' : '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(services);
    const [line] = (await once(createInterface({ input: services.stdout! }), 'line')) as [string];
    if (line !== 'ready') throw new Error(`the bus's services did not start: ${line}`);
    return { address: address.trim(), close: stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
