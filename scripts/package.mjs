// `npm run package`: electron-builder, with its own command line (electron-builder's yargs setup, its checks and its
// `build`), and one change to how it builds the Linux targets.
//
// The AppImage and the deb are built from the same linux-unpacked folder. The deb target writes resources/package-type
// = "deb" into it (app-builder-lib, targets/FpmTarget.js); the AppImage target packs the folder as it finds it
// (targets/appimage/appImageUtil.js); and electron-updater picks its DebUpdater whenever that file exists
// (electron-updater, out/main.js), so an AppImage with it would "update" with `pkexec dpkg -i`. app-builder-lib 26.17
// happens to build the deb after the AppImage within a run (FpmTarget is not "async supported", and
// PlatformPackager.packageInDistributableFormat builds those last), but a folder that already holds a marker (packing
// again with --prepackaged) went into the AppImage as it was. Here the AppImage is built first by rule, with any marker
// removed, and each other Linux target after it: still one electron-builder run, so latest-linux.yml lists the
// AppImage and the deb together, as electron-updater's two Linux updaters each need (test/unit/appimage-marker.test.ts).
import { createRequire } from 'node:module';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { LinuxPackager, MacPackager, WinPackager, Platform } = require('app-builder-lib');

/** electron-builder's Linux packager, building its targets one after the other, the AppImage first and clean. */
export class AppImageFirstLinuxPackager extends LinuxPackager {
  packageInDistributableFormat(appOutDir, arch, targets, taskManager) {
    const ordered = [...targets].sort((a, b) => Number(b.name === 'appImage') - Number(a.name === 'appImage'));
    taskManager.add(async () => {
      for (const target of ordered) {
        if (this.info.cancellationToken.cancelled) return;
        // A folder left by an earlier run (or given as --prepackaged) may hold a deb's marker already.
        if (target.name === 'appImage') await rm(join(this.getResourcesDir(appOutDir), 'package-type'), { force: true });
        await target.build(appOutDir, arch);
      }
    });
  }
}

/** For app-builder-lib's `platformPackagerFactory`: its own packagers, the Linux one in the order above. */
export function platformPackagerFactory(info, platform) {
  if (platform === Platform.LINUX) return new AppImageFirstLinuxPackager(info);
  if (platform === Platform.MAC) return new MacPackager(info);
  if (platform === Platform.WINDOWS) return new WinPackager(info);
  throw new Error(`no packager for ${platform.name}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const builder = require('electron-builder/out/builder.js');
  const { wrap } = require('electron-builder/out/cli/cli-util.js');
  // electron-builder's CLI, with its options and checks, and the packager factory above.
  const args = builder.configureBuildCommand(builder.createYargs()).strict().parseSync(process.argv.slice(2));
  await wrap((options) => builder.build({ ...options, platformPackagerFactory }))(args);
}
