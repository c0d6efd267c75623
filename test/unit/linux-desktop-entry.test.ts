import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Arch, Platform, build } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';

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
});
