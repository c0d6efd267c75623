import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Arch, Platform, build } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { parseLaunchArgs } from '../../main/platform/launch-args.js';

/**
 * The .desktop files electron-builder really writes for the Linux targets, computed offline by its
 * own build pipeline: `build()` from app-builder-lib with the project's electron-builder.yml and
 * package.json, `prepackaged` (an empty stand-in for linux-unpacked, so Electron's binary is not
 * needed) and `effectiveOptionComputed`, the hook its targets call with what they computed just
 * before running the packaging tool (appimagetool, fpm); answering true stops there. The AppImage
 * target passes `{ desktop, desktopFileName }` (out/targets/appimage/AppImageTarget.js), the deb
 * target `[fpmArgs, desktopFilePath]`, the args mapping that file to
 * `/usr/share/applications/<name>.desktop` (out/targets/FpmTarget.js); both render the entry with
 * LinuxTargetHelper.computeDesktopEntry (out/targets/LinuxTargetHelper.js).
 */
const projectDir = new URL('../..', import.meta.url).pathname;

interface ComputedDesktopFile {
  /** The name the .desktop file is installed under. */
  fileName: string;
  text: string;
}

async function computeDesktopFile(target: string): Promise<ComputedDesktopFile> {
  const scratch = await mkdtemp(join(tmpdir(), 'umeet-desktop-entry-'));
  const prepackaged = join(scratch, 'linux-unpacked');
  await mkdir(join(prepackaged, 'resources'), { recursive: true });
  let computed: ComputedDesktopFile | undefined;
  try {
    await build({
      projectDir,
      targets: Platform.LINUX.createTarget([target], Arch.x64),
      prepackaged,
      publish: 'never',
      // Merged over electron-builder.yml: only where the (never written) artifacts would go.
      config: { directories: { output: join(scratch, 'dist') } },
      effectiveOptionComputed: async (options: unknown) => {
        if (Array.isArray(options)) {
          const [args, desktopFilePath] = options as [string[], string];
          const installed = args.find((arg) => arg.startsWith(`${desktopFilePath}=`))?.slice(desktopFilePath.length + 1);
          if (!installed?.startsWith('/usr/share/applications/')) throw new Error(`the deb does not install ${desktopFilePath}`);
          computed = { fileName: installed.slice('/usr/share/applications/'.length), text: await readFile(desktopFilePath, 'utf8') };
        } else {
          const { desktop, desktopFileName } = options as { desktop: string; desktopFileName: string };
          computed = { fileName: desktopFileName, text: desktop };
        }
        return true;
      },
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (!computed) throw new Error(`electron-builder computed no desktop entry for ${target}`);
  return computed;
}

/** Groups of key=value lines, as the Desktop Entry Specification lays a file out. */
function parseDesktopFile(text: string): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  let group: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      if (groups.has(header[1]!)) throw new Error(`group [${header[1]}] twice`);
      groups.set(header[1]!, (group = new Map()));
      continue;
    }
    const eq = line.indexOf('=');
    if (!group || eq < 1) throw new Error(`not a desktop entry line: ${line}`);
    const key = line.slice(0, eq).trim();
    if (group.has(key)) throw new Error(`key ${key} twice in a group`);
    group.set(key, line.slice(eq + 1).trim());
  }
  return groups;
}

/**
 * Splits an Exec value into arguments by the Desktop Entry Specification's rules ("The Exec
 * key"): an argument with a reserved character is double-quoted, and inside the quotes `"`, `` ` ``,
 * `$` and `\` are backslash-escaped. Anything else is not a valid Exec, and throws.
 */
function splitExec(exec: string): string[] {
  const args: string[] = [];
  let i = 0;
  while (i < exec.length) {
    if (exec[i] === ' ') {
      i++;
      continue;
    }
    let arg = '';
    if (exec[i] === '"') {
      for (i++; exec[i] !== '"'; i++) {
        if (i >= exec.length) throw new Error(`unterminated quote in Exec=${exec}`);
        if (exec[i] === '\\' && /["`$\\]/.test(exec[i + 1] ?? '')) i++;
        arg += exec[i];
      }
      i++;
      if (i < exec.length && exec[i] !== ' ') throw new Error(`text right after a quoted argument in Exec=${exec}`);
    } else {
      for (; i < exec.length && exec[i] !== ' '; i++) {
        if (/[\t\n"'\\><~|&;$*?#()`]/.test(exec[i]!)) throw new Error(`unquoted reserved character ${exec[i]} in Exec=${exec}`);
        arg += exec[i];
      }
    }
    args.push(arg);
  }
  return args;
}

/** %f %F %u %U (and the deprecated codes): the launcher fills them in; they are not the app's arguments. */
const withoutFieldCodes = (args: readonly string[]) => args.filter((arg) => !/^%[a-zA-Z]$/.test(arg));

const actionGroups = (entry: Map<string, Map<string, string>>) =>
  [...entry.keys()].filter((group) => group.startsWith('Desktop Action ')).map((group) => group.slice('Desktop Action '.length));

let config: Configuration;
const entries = new Map<string, ComputedDesktopFile>();

beforeAll(async () => {
  config = await getConfig(projectDir, null, null);
}, 30_000);

describe.each(['AppImage', 'deb'])('the %s target’s .desktop file, as electron-builder writes it', (target) => {
  beforeAll(async () => {
    entries.set(target, await computeDesktopFile(target));
  }, 60_000);

  it('is computed for a Linux target of electron-builder.yml: an application with a valid Exec', () => {
    expect(config.linux?.target).toContain(target);
    const main = parseDesktopFile(entries.get(target)!.text).get('Desktop Entry');
    expect(main?.get('Type')).toBe('Application');
    expect(splitExec(main?.get('Exec') ?? '')[0]).toBeTruthy();
  });

  it('lists every launcher action in Actions=, without which launchers must ignore it (Desktop Entry spec, “Additional applications actions”)', () => {
    const entry = parseDesktopFile(entries.get(target)!.text);
    const actions = actionGroups(entry);
    expect(actions).toEqual(['StartDefault']);
    expect(entry.get('Desktop Entry')?.get('Actions')).toBe(`${actions.join(';')};`);
  });

  it('runs each action with the program and arguments of the main Exec, plus one unambiguous --start argument', () => {
    const entry = parseDesktopFile(entries.get(target)!.text);
    const [program, ...mainArgs] = splitExec(entry.get('Desktop Entry')!.get('Exec')!);
    // The deb's Exec is the installed executable, /opt/<productName>/<executableName>; the AppImage's
    // is AppRun, which AppImage integration (libappimage's DesktopEntryEditor::setExecPaths, Gear
    // Lever) replaces with the AppImage's own path: in the main Exec and in the Exec of every action
    // listed in Actions=, keeping the arguments after it. A bare `umeet-tray` is on no PATH there.
    if (target === 'deb') expect(program).toBe(`/opt/${config.productName}/${config.linux?.executableName}`);
    else expect(program).toBe('AppRun');
    for (const action of actionGroups(entry)) {
      const group = entry.get(`Desktop Action ${action}`)!;
      expect(group.get('Name'), action).toBeTruthy();
      const [actionProgram, ...actionArgs] = splitExec(group.get('Exec')!);
      expect(actionProgram, action).toBe(program);
      expect(actionArgs.slice(0, withoutFieldCodes(mainArgs).length), action).toEqual(withoutFieldCodes(mainArgs));
      // Then one launch argument, in a form that cannot take the next argument for its value:
      // `--start-default` or `--start=<id>`, never `--start <id>`.
      const launch = actionArgs.slice(withoutFieldCodes(mainArgs).length);
      expect(launch, action).toHaveLength(1);
      expect(launch[0], action).toMatch(/^--start(-default|=\S+)$/);
    }
    const startDefault = splitExec(entry.get('Desktop Action StartDefault')!.get('Exec')!).slice(1);
    expect(parseLaunchArgs(startDefault)).toEqual({ hidden: false, start: { default: true } });
  });

  it('starts the app under XWayland: --ozone-platform=x11 in the main Exec and in every action', () => {
    // Chromium picks its ozone platform before any of the app's code runs (electron/electron#35630),
    // so only a command-line switch does it; electron-builder adds linux.executableArgs to the main
    // Exec only, so each action repeats them.
    const entry = parseDesktopFile(entries.get(target)!.text);
    const mainArgs = splitExec(entry.get('Desktop Entry')!.get('Exec')!).slice(1);
    expect(mainArgs).toContain('--ozone-platform=x11');
    // Any linux.executableArgs replace electron-builder's AppImage default, --no-sandbox, unless kept.
    if (target === 'AppImage') expect(mainArgs).toContain('--no-sandbox');
    for (const action of actionGroups(entry)) {
      expect(splitExec(entry.get(`Desktop Action ${action}`)!.get('Exec')!), action).toContain('--ozone-platform=x11');
    }
  });

  it('is installed as <desktopName from package.json>, a reverse-DNS id that StartupWMClass repeats', async () => {
    // Electron takes its Linux identity from desktopName: the Wayland app_id and X11 WM_CLASS, and the
    // app id portals such as GlobalShortcuts check against an installed .desktop file of that name
    // (App.setDesktopName in node_modules/electron/electron.d.ts).
    const { desktopName } = JSON.parse(await readFile(join(projectDir, 'package.json'), 'utf8')) as { desktopName?: string };
    const id = desktopName?.replace(/\.desktop$/, '');
    // Desktop Entry spec, “File naming”: a desktop file ID is reverse DNS, with D-Bus well-known name rules.
    expect(id).toMatch(/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)+$/);
    expect(id).toBe(config.appId);
    const { fileName, text } = entries.get(target)!;
    expect(fileName).toBe(`${id}.desktop`);
    expect(parseDesktopFile(text).get('Desktop Entry')?.get('StartupWMClass')).toBe(id);
  });
});
