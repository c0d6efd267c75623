import type { Hive, RegistryPort, RegistryValue } from './windows-registry.js';

/**
 * The registry through `winreg` (imported on first use, on Windows only): a small pure-JavaScript package that
 * runs Windows' own `reg.exe query` and parses its output, so it bundles with the app and needs no native
 * module, no compiler and no rebuild for Electron. Each read is one short `reg.exe` run, off the main thread.
 * "The system was unable to find the specified registry key" (exit code 1) means no policy there.
 */
export function winregPort(): RegistryPort {
  return {
    async values(hive: Hive, key: string): Promise<RegistryValue[] | undefined> {
      const { default: Winreg } = await import('winreg');
      const registry = new Winreg({ hive: hive === 'HKLM' ? Winreg.HKLM : Winreg.HKCU, key });
      return new Promise((resolve, reject) => {
        registry.values((error, items) => {
          if (error) {
            if ((error as Error & { code?: number }).code === 1) resolve(undefined);
            else reject(error);
            return;
          }
          resolve(items.map((item) => ({ name: item.name, type: item.type, value: item.value })));
        });
      });
    },
  };
}
