import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { translator } from '../../../common/i18n/index.js';
import type { StorageBackend } from '../../../common/credentials.js';
import { createListeners, type Dialogs, type HandlerDeps } from '../../../main/ipc/handlers.js';
import type { IpcSenderEvent } from '../../../main/ipc/handle.js';
import { createApiClients } from '../../../main/meetings/api-clients.js';
import { createLicenceCache } from '../../../main/meetings/licence-cache.js';
import { createMeetingsService } from '../../../main/meetings/meetings-service.js';
import { describeApp } from '../../../main/platform/app-identity.js';
import { uiLocale } from '../../../main/platform/ui-locale.js';
import type { Notice } from '../../../main/ports.js';
import { storePathOf } from '../../../main/store/store-file.js';
import { createVault } from '../../../main/vault/vault.js';
import type { Sandbox } from '../../../sandbox/server.js';
import { recordingLogger, type LogLine } from './recording-logger.js';
import { openTestStore, tempDir } from './temp-store.js';
import { testCipher } from './test-cipher.js';

export interface MainOptions {
  /** The store's folder; a fresh temp folder when absent. */
  dir?: string;
  sandbox: Sandbox;
  /** The OS's preferred languages, as Electron would report them. */
  preferredLanguages?: string[];
  /** The safeStorage backend the test cipher reports (Linux without a keyring: basic_text). */
  backend?: StorageBackend;
  /** Save the sandbox's credentials first. */
  credentials?: boolean;
  requestTimeoutMs?: number;
  /** Replace handler dependencies (e.g. a throwing one). */
  deps?: Partial<HandlerDeps>;
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
const packageVersion = nearestPackageVersion(import.meta.dirname);

/** What a frame of the app's own window looks like to handle(). */
export const fromAppWindow: IpcSenderEvent = { senderFrame: { url: 'app://umeet/index.html', parent: null } };

/**
 * Main's services and IPC handlers, composed as main/app-services.ts composes them, from real
 * parts: a store file in a temp dir, the vault behind a real test cipher, the API client against
 * the sandbox. Only what would leave the app is recorded instead: links opened, clipboard writes,
 * notifications, native dialogs. The renderer suite and the security tests both drive this.
 */
export async function mainUnderTest(options: MainOptions) {
  const { sandbox } = options;
  const systemLanguages = options.preferredLanguages ?? ['en-US'];
  const dir = options.dir ?? tempDir();
  const store = openTestStore(dir, uiLocale('system', systemLanguages));
  store.updateSettings({ apiBaseUrl: sandbox.url, ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}) });
  const vault = createVault({ cipher: testCipher(options.backend ?? 'gnome_libsecret'), store });
  if (options.credentials) await vault.set(sandbox.credentials);
  const log = recordingLogger(options.onLog);
  const api = createApiClients({ settings: () => store.settings(), credentials: () => vault.get(), log });
  const locale = () => uiLocale(store.settings().language, systemLanguages);
  const t = () => translator(locale());
  const opened: string[] = [];
  const clipboard: string[] = [];
  const notices: Notice[] = [];
  const meetings = createMeetingsService({
    store,
    vault,
    api,
    openLink: async (url) => void opened.push(url),
    clipboard: { writeText: (text) => void clipboard.push(text) },
    notify: (notice) => void notices.push(notice),
    confirm: async () => true,
    locale,
    t,
    log,
  });
  const dialogs: { exportPath?: string; importPath?: string; confirm: boolean } = { confirm: true };
  const dialogStandIn: Dialogs = {
    chooseExportPath: async () => dialogs.exportPath,
    chooseImportFile: async () => dialogs.importPath,
    confirm: async () => dialogs.confirm,
  };
  const licence = createLicenceCache();
  const deps: HandlerDeps = {
    appInfo: () => ({
      ...describeApp({ name: 'Umeet Tray', version: packageVersion, platform: process.platform, preferredLanguages: systemLanguages }),
      locale: locale(),
    }),
    store,
    vault,
    meetings,
    verify: () => api.background().licensing(),
    licence,
    dialogs: dialogStandIn,
    setStartAtLogin: async () => undefined,
    openLogFolder: () => undefined,
    locale,
    t,
    ...options.deps,
  };
  const listeners = createListeners(deps, log);
  const storeFile = storePathOf(dir);
  return {
    dir,
    store,
    storeFile,
    vault,
    api,
    meetings,
    licence,
    listeners,
    log,
    opened,
    clipboard,
    notices,
    dialogs,
    /** Every file the store keeps (the store and its backup), as text. */
    async storeFiles(): Promise<string> {
      store.flush();
      const files = await Promise.all([storeFile, storeFile.replace(/\.json$/, '.backup.json')].map((f) => readFile(f, 'utf8').catch(() => '')));
      return files.join('\n');
    },
    readStoreFile(): unknown {
      store.flush();
      return JSON.parse(readFileSync(storeFile, 'utf8'));
    },
    /** Calls back on any change of main's state, as the app's "stateChanged" event does. */
    onChange(listener: () => void): () => void {
      const offs = [store.onChange(listener), vault.onChange(listener), meetings.onChange(listener), licence.onChange(listener)];
      return () => offs.forEach((off) => off());
    },
    async close() {
      meetings.stop();
      await api.close();
    },
  };
}
export type MainUnderTest = Awaited<ReturnType<typeof mainUnderTest>>;
