import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built main process (out/main, what Electron runs), read as text: every way a bundled library
// could answer the window over IPC goes through `ipcMain`, which only main/electron/ipc.ts may
// touch (each of its channels checks its sender in handle()). electron-log's main flavour and
// electron-store used to register channels that answered any sender; this fails if they, or
// anything like them, come back.
const outMain = new URL('../../out/main/', import.meta.url).pathname;

describe('the IPC surface of the built main process', () => {
  const bundle = readdirSync(outMain)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, code: readFileSync(join(outMain, name), 'utf8') }));

  it('was built (npm test builds before the unit tests)', () => {
    expect(bundle.length).toBeGreaterThan(0);
  });

  it('reaches ipcMain in exactly one place: the registration of the contract’s channels', () => {
    // The bundle is minified with its top-level names kept (main-output.config.ts): one line, `ipcMain` as itself.
    // Every mention but the import of it from Electron is a use; each is read with the text around it.
    const importFromElectron = /import\s*\{[^}]*\}\s*from\s*["'`]electron["'`];?/g;
    const uses = bundle.flatMap(({ name, code }) => {
      const text = code.replace(importFromElectron, '');
      return [...text.matchAll(/\bipcMain\b/g)].map((m) => ({
        where: `${name}:${m.index}`,
        around: text.slice(m.index - 160, m.index + 80),
      }));
    });
    expect(uses).toHaveLength(1);
    expect(uses[0]!.around).toMatch(/function registerIpc\(\w+\)\{.*for\(let (\w+) of channels\)ipcMain\.handle\(channelPrefix\+\1,/);
  });

  it('loads Electron by import, never by a require a library could hide; electron-updater’s own, each member reviewed', () => {
    for (const { name, code } of bundle) {
      expect(code).not.toContain('__ELECTRON_LOG__');
      expect(code).not.toContain('electron-store-get-data');
      const requires = code.match(/require\(["'`]electron["'`]\)/g) ?? [];
      if (!name.startsWith('updater-')) {
        expect(requires, name).toEqual([]);
        continue;
      }
      // electron-updater (CommonJS, bundled into the lazy updater chunk) requires Electron where it uses it.
      // Each use names its member, and each member is one the updater needs: none reaches ipcMain.
      const members = [...code.matchAll(/require\(["'`]electron["'`]\)\)?\.(\w+)/g)].map((m) => m[1]);
      expect(members).toHaveLength(requires.length);
      expect([...new Set(members)].sort()).toEqual(['Notification', 'app', 'autoUpdater', 'net', 'session', 'shell']);
    }
  });
});
