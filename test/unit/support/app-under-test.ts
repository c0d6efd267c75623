import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StorageBackend } from '../../../common/credentials.js';
import { createApp, type AppKnobs, type AppPorts } from '../../../main/app.js';
import { createListeners, type Handlers, type IpcSenderEvent } from '../../../main/ipc/handle.js';
import type { Notice } from '../../../main/ports.js';
import { backupPathOf, storePathOf } from '../../../main/store/store-file.js';
import type { Sandbox } from '../../../sandbox/server.js';
import { recordingLogger, type LogLine } from './recording-logger.js';
import { tempDir } from './temp-store.js';
import { testCipher } from './test-cipher.js';

export interface AppOptions {
  sandbox: Sandbox;
  /** The store's folder; a fresh temp folder when absent. */
  dir?: string;
  /** The OS's preferred languages, as Electron would report them. */
  preferredLanguages?: string[];
  /** The safeStorage backend the test cipher reports (Linux without a keyring: basic_text). */
  backend?: StorageBackend;
  /**
   * Save the sandbox's credentials first: `true` as "Save without checking" does (no request, the
   * pair unchecked), `'verified'` as "Save and verify" does (one licensing request; verified).
   */
  credentials?: boolean | 'verified';
  requestTimeoutMs?: number;
  /** The OS main reports (`process.platform`), for what the window writes the OS's way; this machine's when absent. */
  platform?: NodeJS.Platform;
  /** Replace ports (e.g. a clipboard that throws), or set the test knobs (the clock, timers…). */
  ports?: Partial<AppPorts> & AppKnobs;
  /** Replace what some IPC channels run (e.g. one that throws), behind the real handle(). */
  override?: Partial<Handlers>;
  /** Sees every line main logs, as it is logged (`npm run dev:renderer` prints them). */
  onLog?: (line: LogLine) => void;
}

/** The nearest package.json upward: this file also runs bundled, from out/tools/ (`npm run dev:renderer`). */
function nearestPackageVersion(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** What a frame of the app's own window looks like to handle(). */
export const fromAppWindow: IpcSenderEvent = { senderFrame: { url: 'app://umeet/index.html', parent: null } };

/**
 * The app as main/app.ts builds it (createApp), from real parts: a store file in a temp dir, the
 * vault behind a real test cipher, the API client against the sandbox, and the IPC listeners as
 * Electron gets them. Only what would leave the app is recorded instead of done: links opened,
 * clipboard writes, notifications, native dialogs, the window, the OS login item. The renderer
 * suite, the security tests and `npm run dev:renderer` all drive this.
 */
export async function appUnderTest(options: AppOptions) {
  const { sandbox } = options;
  const dir = options.dir ?? tempDir();
  const log = Object.assign(recordingLogger(options.onLog), { folder: () => join(dir, 'logs') });
  const opened: string[] = [];
  const clipboard: string[] = [];
  const notices: Notice[] = [];
  const shown: { section: string | undefined; title: string }[] = [];
  const dialogs: {
    exportPath?: string;
    importPath?: string;
    calendarPath?: string;
    csvPath?: string;
    confirm: boolean;
    asked: { title: string; defaultName?: string }[];
  } = {
    confirm: true,
    asked: [],
  };
  const loginItem = { enabled: false, refuse: undefined as string | undefined };
  const quits: Date[] = [];
  const openedPaths: string[] = [];
  let openPathFails: string | undefined;
  const { now, timers, refreshDelaysMs, extraCertificates, ...portsGiven } = options.ports ?? {};
  const knobs: AppKnobs = {
    ...(now ? { now } : {}),
    ...(timers ? { timers } : {}),
    ...(refreshDelaysMs ? { refreshDelaysMs } : {}),
    ...(extraCertificates ? { extraCertificates } : {}),
  };
  const app = createApp(
    {
      dir,
      systemLanguages: options.preferredLanguages ?? ['en-US'],
      facts: { name: 'Umeet Tray', version: nearestPackageVersion(import.meta.dirname), platform: options.platform ?? process.platform },
      cipher: testCipher(options.backend ?? 'gnome_libsecret'),
      openLink: async (url) => void opened.push(url),
      openFolder: () => undefined,
      clipboard: { writeText: async (text) => void clipboard.push(text), readText: async () => clipboard.at(-1) ?? '' },
      notify: (notice) => void notices.push(notice),
      confirm: async (question) => {
        dialogs.asked.push({ title: question.message });
        return dialogs.confirm;
      },
      files: {
        chooseExportPath: async () => dialogs.exportPath,
        chooseImportFile: async () => dialogs.importPath,
        chooseCalendarPath: async (options) => {
          dialogs.asked.push(options);
          return dialogs.calendarPath;
        },
        chooseCsvPath: async (options) => {
          dialogs.asked.push(options);
          return dialogs.csvPath;
        },
      },
      // Electron's shell.openPath, as the stand-in plays it: '' once opened, else the error's message, never a rejection.
      openPath: async (path) => {
        if (!existsSync(path)) return `Failed to open path: ${path}`;
        if (openPathFails) return openPathFails;
        openedPaths.push(path);
        return '';
      },
      tempDir: join(dir, 'temp'),
      loginItem: {
        get: async () => loginItem.enabled,
        set: async (enabled) => {
          if (loginItem.refuse) throw new Error(loginItem.refuse);
          loginItem.enabled = enabled;
        },
      },
      window: { show: (section, title) => void shown.push({ section, title }) },
      quit: () => void quits.push(new Date()),
      log,
      // The OS as a test machine has it: straight to the API, no company policy, no updater (a development run).
      resolveProxy: async () => 'DIRECT',
      policy: undefined,
      userName: 'tester',
      updater: { packaged: false, load: () => Promise.reject(new Error('no updater in this build')) },
      ...portsGiven,
    },
    knobs,
  );
  await app.ipc.updateSettings({
    apiBaseUrl: sandbox.url,
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  });
  if (options.credentials) await app.ipc.saveCredentials({ ...sandbox.credentials, check: options.credentials === 'verified' });
  const listeners = createListeners({ ...app.ipc, ...options.override } as Handlers, log, app.t);
  const storeFile = storePathOf(dir);
  return {
    ...app,
    dir,
    storeFile,
    listeners,
    log,
    opened,
    clipboard,
    notices,
    shown,
    dialogs,
    loginItem,
    /** When the app was told to quit. */
    quits,
    /** Files opened with the OS's app for them (shell.openPath). */
    openedPaths,
    /** The OS has no app for the file's type: shell.openPath answers this message. */
    failOpenPath: (message: string | undefined) => void (openPathFails = message),
    /** Every file the store keeps (the store and its backup), as text, after writing what is pending. */
    async storeFiles(): Promise<string> {
      app.flush();
      const files = await Promise.all([storeFile, backupPathOf(dir)].map((f) => readFile(f, 'utf8').catch(() => '')));
      return files.join('\n');
    },
    readStoreFile(): unknown {
      app.flush();
      return JSON.parse(readFileSync(storeFile, 'utf8'));
    },
    close: () => app.stop(),
  };
}
export type AppUnderTest = Awaited<ReturnType<typeof appUnderTest>>;
