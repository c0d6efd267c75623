import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

/**
 * The composition root (main/index.ts) when start-up fails before the tray exists: the user is
 * told in a native dialog what happened and where the log is, and the app quits, releasing the
 * single-instance lock so the next launch starts. Electron stood in, with `protocol.handle`
 * throwing as Electron does when a scheme is already handled (protocol.md: "handle(scheme,
 * handler)" throws if the scheme already has a handler).
 */
const stand = vi.hoisted(() => ({
  userData: '',
  errorBoxes: [] as { title: string; content: string }[],
  quit: 0,
  released: 0,
  trays: 0,
  processHandlers: new Map<string, (error: unknown) => void>(),
}));

vi.mock('electron', () => ({
  app: {
    on: () => undefined,
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => true,
    releaseSingleInstanceLock: () => void (stand.released += 1),
    quit: () => void (stand.quit += 1),
    exit: () => undefined,
    getPath: () => stand.userData,
    setPath: () => undefined,
    getName: () => 'Umeet Tray',
    getVersion: () => '0.1.0',
    getPreferredSystemLanguages: () => ['zh-CN'],
    getAppPath: () => process.cwd(),
    isPackaged: false,
    dock: undefined,
  },
  dialog: { showErrorBox: (title: string, content: string) => void stand.errorBoxes.push({ title, content }) },
  protocol: {
    registerSchemesAsPrivileged: () => undefined,
    handle: () => {
      throw new Error('The scheme has been registered');
    },
  },
  session: { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
  Tray: class {
    constructor() {
      stand.trays += 1;
    }
  },
  Notification: class {
    static isSupported = () => true;
  },
  safeStorage: {},
}));

describe('start-up that fails before the tray', () => {
  it('says what happened and where the log is, in the system language, and quits releasing the lock', async () => {
    stand.userData = mkdtempSync(join(tmpdir(), 'umeet-fail-'));
    const on = process.on.bind(process);
    const spy = vi.spyOn(process, 'on').mockImplementation((event, handler) => {
      if (event === 'unhandledRejection' || event === 'uncaughtException') stand.processHandlers.set(String(event), handler as (e: unknown) => void);
      else on(event, handler);
      return process;
    });
    process.argv = [process.argv[0]!, '.'];
    await import('../../main/index.js');
    spy.mockRestore();

    await vi.waitFor(() => expect(stand.errorBoxes).toHaveLength(1));
    expect(stand.errorBoxes[0]).toEqual({
      title: 'Umeet 托盘无法启动',
      content: expect.stringContaining('启动时出错：The scheme has been registered'),
    });
    expect(stand.errorBoxes[0]?.content).toContain(stand.userData);
    expect(stand.trays).toBe(0);
    expect(stand.released).toBe(1);
    expect(stand.quit).toBe(1);

    // Unhandled rejections and exceptions are caught by main, not left to Electron's default (a warning).
    expect([...stand.processHandlers.keys()].sort()).toEqual(['uncaughtException', 'unhandledRejection']);
    stand.processHandlers.get('unhandledRejection')!(new Error('later failure'));
    expect(stand.errorBoxes).toHaveLength(2);
  });
});
