import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { buildRelease, removeRelease, type ReleaseBuild } from './support/release-build.js';

/**
 * electron-updater chooses its Linux updater by resources/package-type (electron-updater, out/main.js): none is the
 * AppImageUpdater, "deb" the DebUpdater, which installs with `pkexec dpkg -i`. electron-builder's deb target writes
 * that file into the linux-unpacked folder it shares with the AppImage target (app-builder-lib,
 * targets/FpmTarget.js). In app-builder-lib 26.17 the deb target is built after the AppImage within one run (it is
 * not "async supported", and PlatformPackager.packageInDistributableFormat builds those last), and a fresh run
 * unpacks Electron into an emptied folder; but a folder that already holds a deb's marker (`--prepackaged
 * dist/linux-unpacked` after a build, the usual way to pack again without unpacking Electron) went into the AppImage
 * as it was. `npm run package` (scripts/package.mjs) builds the AppImage first and removes the marker before it.
 * Here electron-builder's Linux build runs as `npm run package` runs it (support/release-build.ts), and what the
 * AppImage packs is read at the moment its packing tool would copy the folder, after any deb building alongside has
 * written its marker.
 */
let release: ReleaseBuild;
let again: ReleaseBuild;

beforeAll(async () => {
  release = await buildRelease('linux', '0.2.0');
  again = await buildRelease('linux', '0.2.0', { debMarker: true });
}, 60_000);
afterAll(async () => {
  if (release) await removeRelease(release);
  if (again) await removeRelease(again);
});

describe('the Linux packages and the updater each one gets', () => {
  it('the AppImage packs no package-type, so electron-updater gives it the AppImageUpdater', () => {
    expect(release.files).toContain('Umeet-Tray-0.2.0-x86_64.AppImage');
    expect(release.appImagePackedMarker).toBeUndefined();
  });

  it('not even from a folder an earlier deb build left its marker in (packing again with --prepackaged)', async () => {
    expect(again.files).toContain('Umeet-Tray-0.2.0-x86_64.AppImage');
    expect(again.appImagePackedMarker).toBeUndefined();
    // The deb built after it writes its marker again.
    expect((await readFile(join(again.app, 'resources', 'package-type'), 'utf8')).trim()).toBe('deb');
  });

  it('the deb carries package-type "deb" and the feed (app-update.yml), so it gets the DebUpdater', async () => {
    expect(release.files).toContain('umeet-tray_0.2.0_amd64.deb');
    expect((await readFile(join(release.app, 'resources', 'package-type'), 'utf8')).trim()).toBe('deb');
    expect(YAML.parse(await readFile(join(release.app, 'resources', 'app-update.yml'), 'utf8'))).toMatchObject({ provider: 'github' });
  });

  it('one latest-linux.yml lists both, as each updater picks its own file from it', async () => {
    const feed = YAML.parse(await readFile(join(release.dist, 'latest-linux.yml'), 'utf8')) as { files: { url: string }[] };
    expect(feed.files.map((file) => file.url).sort()).toEqual(['Umeet-Tray-0.2.0-x86_64.AppImage', 'umeet-tray_0.2.0_amd64.deb']);
  });
});
