import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  autostartEntry,
  autostartPath,
  disableAutostart,
  enableAutostart,
  isAutostartEnabled,
  quoteExecArg,
} from '../../main/platform/autostart-linux.js';
import { x11Relaunch } from '../../main/platform/display-server.js';
import { forwardedLaunch, parseLaunchArgs, resolvePreset } from '../../main/platform/launch-args.js';
import { uiLocale } from '../../main/platform/ui-locale.js';
import { tempDir } from './support/temp-store.js';

describe('Linux autostart entry', () => {
  it('writes a .desktop file that starts the app hidden, and removes it', async () => {
    const target = { configHome: tempDir(), fileName: 'umeet-tray', appName: 'Umeet Tray', execPath: '/opt/Umeet Tray/umeet-tray' };
    expect(await isAutostartEnabled(target)).toBe(false);
    await enableAutostart(target);
    const content = readFileSync(autostartPath(target), 'utf8');
    expect(content).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Umeet Tray',
        'Comment=Start Umeet meetings from the tray',
        'Exec="/opt/Umeet Tray/umeet-tray" --ozone-platform=x11 --hidden',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    expect(await isAutostartEnabled(target)).toBe(true);
    await disableAutostart(target);
    expect(existsSync(autostartPath(target))).toBe(false);
    await disableAutostart(target); // already gone: no error
  });

  it('points at the AppImage file when running as one', () => {
    const entry = autostartEntry({
      configHome: '/x',
      fileName: 'umeet-tray',
      appName: 'Umeet Tray',
      execPath: '/tmp/.mount_UmeetXYZ/umeet-tray',
      appImage: '/home/张三/Applications/Umeet Tray-0.1.0.AppImage',
    });
    expect(entry).toContain('Exec="/home/张三/Applications/Umeet Tray-0.1.0.AppImage" --ozone-platform=x11 --hidden\n');
    expect(entry).not.toContain('.mount_');
  });

  it('passes the app folder in development, and escapes what the spec reserves', () => {
    const entry = autostartEntry({
      configHome: '/x',
      fileName: 'u',
      appName: 'U',
      execPath: '/usr/bin/electron',
      appArgs: ['/home/me/my app'],
    });
    expect(entry).toContain('Exec=/usr/bin/electron "/home/me/my app" --ozone-platform=x11 --hidden\n');
    expect(quoteExecArg('/a/$HOME/"q"/`x`/back\\slash/100%')).toBe('"/a/\\$HOME/\\"q\\"/\\`x\\`/back\\\\slash/100%%"');
    expect(quoteExecArg('/plain/path')).toBe('/plain/path');
  });
});

describe('launch arguments', () => {
  it.each([
    [['/app/umeet-tray'], { hidden: false }],
    [['/app/umeet-tray', '--hidden'], { hidden: true }],
    [['/app/umeet-tray', '--start', '周会'], { hidden: false, start: { preset: '周会' } }],
    [['electron', '.', '--start=weekly'], { hidden: false, start: { preset: 'weekly' } }],
    [['/app/umeet-tray', '--start-default'], { hidden: false, start: { default: true } }],
    [['/app/umeet-tray', '--start'], { hidden: false }],
    [['/app/umeet-tray', '--start', '--hidden'], { hidden: true }],
    // As a second launch's argv arrives: switches first, positional values last, Chromium's own added.
    [
      ['/app/umeet-tray', '--start', '--allow-file-access-from-files', '--original-process-start-time=1', '周会'],
      { hidden: false, start: { preset: '周会' } },
    ],
  ])('%j', (argv, expected) => {
    expect(parseLaunchArgs(argv)).toEqual(expected);
  });

  it('in development, the app folder is never the preset (two positional values to skip)', () => {
    expect(parseLaunchArgs(['electron', '--start', '--allow-file-access-from-files', '.', '周会'], 2)).toEqual({
      hidden: false,
      start: { preset: '周会' },
    });
    expect(parseLaunchArgs(['electron', '--start', '--allow-file-access-from-files', '.'], 2)).toEqual({ hidden: false });
  });

  it('prefers the launch a second instance sent as additional data, exactly, over its argv', () => {
    const argv = ['/app/umeet-tray', '--unrelated'];
    expect(forwardedLaunch(argv, { launch: { start: { preset: 'weekly' }, hidden: false } })).toEqual({
      hidden: false,
      start: { preset: 'weekly' },
    });
    // Anything else (an older version, a stranger) is not trusted as a launch: the argv is read instead.
    expect(forwardedLaunch(['/app/umeet-tray', '--start-default'], { launch: { start: { preset: '' } } })).toEqual({
      hidden: false,
      start: { default: true },
    });
  });

  it('resolves a preset by id, then exact name, then name ignoring case', () => {
    const presets = [
      { id: 'a', name: 'Weekly' },
      { id: 'weekly', name: 'Other' },
      { id: 'c', name: '周会' },
    ];
    expect(resolvePreset(presets, 'weekly')?.id).toBe('weekly');
    expect(resolvePreset(presets, 'Weekly')?.id).toBe('a');
    expect(resolvePreset(presets, 'WEEKLY')?.id).toBe('a');
    expect(resolvePreset(presets, '周会')?.id).toBe('c');
    expect(resolvePreset(presets, 'nope')).toBeUndefined();
  });
});

describe('UI language', () => {
  it('follows the setting, or the OS on "system"', () => {
    expect(uiLocale('system', ['zh-CN'])).toBe('zh-CN');
    expect(uiLocale('en', ['zh-CN'])).toBe('en');
    expect(uiLocale('zh-CN', ['en-US'])).toBe('zh-CN');
  });
});

describe('Wayland: XWayland by default', () => {
  const facts = (env: Record<string, string>, args: string[] = ['--hidden'], hasOzoneSwitch = false) => ({
    platform: 'linux' as const,
    env,
    args,
    hasOzoneSwitch,
  });
  it('starts again under X11 in a Wayland session that has XWayland, keeping its arguments', () => {
    expect(x11Relaunch(facts({ WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }))).toEqual(['--hidden', '--ozone-platform=x11']);
    expect(x11Relaunch(facts({ XDG_SESSION_TYPE: 'wayland', DISPLAY: ':1' }, []))).toEqual(['--ozone-platform=x11']);
  });
  it('does not when a launcher or the user chose, when opted out, on X11, without XWayland, or off Linux', () => {
    expect(x11Relaunch(facts({ WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, ['--ozone-platform=x11'], true))).toBeUndefined();
    expect(x11Relaunch(facts({ WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0', UMEET_TRAY_WAYLAND: 'native' }))).toBeUndefined();
    expect(x11Relaunch(facts({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }))).toBeUndefined();
    expect(x11Relaunch(facts({ WAYLAND_DISPLAY: 'wayland-0' }))).toBeUndefined();
    expect(x11Relaunch({ ...facts({ WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }), platform: 'darwin' })).toBeUndefined();
  });
});
