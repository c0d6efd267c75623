import { execFile } from 'node:child_process';
import { dirname } from 'node:path';

/**
 * Whether a macOS app bundle is signed with a real identity (not ad hoc, not at all). Squirrel.Mac,
 * which electron-updater drives on macOS, installs an update only into an app signed by a
 * certificate, and only with an update signed by the same one (electron's docs/api/auto-updater.md,
 * macOS: "your application needs to be signed for automatic updates on macOS"). electron-builder
 * signs ad hoc when it has no identity (CSC_IDENTITY_AUTO_DISCOVERY=false), which is not enough.
 *
 * Reads what `codesign -dv` prints (on stderr): `Signature=adhoc` or "code object is not signed at
 * all" for the builds CI makes without the secrets; `TeamIdentifier=ABCDE12345` for a signed one.
 */
export function isRealSignature(codesignOutput: string): boolean {
  if (/not signed at all|Signature=adhoc/i.test(codesignOutput)) return false;
  const team = /^TeamIdentifier=(.+)$/m.exec(codesignOutput)?.[1]?.trim();
  return Boolean(team && team !== 'not set');
}

/** The .app bundle of an executable in it: `/Applications/Umeet Tray.app/Contents/MacOS/Umeet Tray` → `/Applications/Umeet Tray.app`. */
export function bundleOf(executable: string): string {
  return dirname(dirname(dirname(executable)));
}

/** Asks codesign about the bundle; anything it cannot say counts as unsigned (the menu then says so). */
export function macBundleIsSigned(executable: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('/usr/bin/codesign', ['-dv', '--verbose=2', bundleOf(executable)], { timeout: 10_000 }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      resolve(isRealSignature(output) && !(error && !/TeamIdentifier=/.test(output)));
    });
  });
}
