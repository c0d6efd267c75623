import { translator } from '../../../common/i18n/index.js';
import type { Locale } from '../../../common/i18n/locale.js';
import type { Preset } from '../../../common/preset.js';
import { createApiClients } from '../../../main/meetings/api-clients.js';
import { createMeetingsService } from '../../../main/meetings/meetings-service.js';
import type { CommandNotify, Timers } from '../../../main/ports.js';
import { createVault } from '../../../main/vault/vault.js';
import type { Sandbox } from '../../../sandbox/server.js';
import { recordingLogger } from './recording-logger.js';
import { openTestStore, tempDir } from './temp-store.js';
import { testCipher } from './test-cipher.js';

export type Event =
  | { type: 'open'; url: string }
  | { type: 'copy'; text: string }
  | { type: 'notify'; notice: Parameters<CommandNotify>[0] }
  | { type: 'record'; meetingId: string };

/** Timers that count what is running, over real ones. */
export function countingTimers(): Timers & { active: () => number } {
  const live = new Set<NodeJS.Timeout>();
  return {
    setTimeout(callback, ms) {
      const handle = setTimeout(() => {
        live.delete(handle);
        callback();
      }, ms);
      live.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      live.delete(handle as NodeJS.Timeout);
      clearTimeout(handle as NodeJS.Timeout);
    },
    active: () => live.size,
  };
}

/**
 * The meetings service with real parts (store files in a temp dir, the vault behind a test
 * cipher, the API client against the sandbox) and recorders standing in for the OS: links
 * opened, clipboard writes, notifications, in the order they happened.
 */
export async function meetingsHarness(
  sandbox: Sandbox,
  options: { locale?: Locale; credentials?: boolean; refreshDelaysMs?: number[]; timeoutMs?: number } = {},
) {
  const locale = options.locale ?? 'en';
  const events: Event[] = [];
  const dir = tempDir();
  const store = openTestStore(dir, locale);
  store.updateSettings({ apiBaseUrl: sandbox.url, ...(options.timeoutMs ? { requestTimeoutMs: options.timeoutMs } : {}) });
  const addRecent = store.addRecent.bind(store);
  store.addRecent = (input) => {
    const result = addRecent(input);
    if (result.ok) events.push({ type: 'record', meetingId: result.value.meetingId });
    return result;
  };
  const vault = createVault({ cipher: testCipher(), store });
  if (options.credentials !== false) await vault.set(sandbox.credentials);
  const log = recordingLogger();
  const api = createApiClients({ settings: () => store.settings(), credentials: () => vault.get(), log });
  const timers = countingTimers();
  let confirmAnswer = true;
  const meetings = createMeetingsService({
    store,
    vault,
    api,
    openLink: async (url) => void events.push({ type: 'open', url }),
    clipboard: {
      writeText: async (text) => void events.push({ type: 'copy', text }),
      readText: async () => events.flatMap((e) => (e.type === 'copy' ? [e.text] : [])).at(-1) ?? '',
    },
    notify: (notice) => void events.push({ type: 'notify', notice }),
    confirm: async () => confirmAnswer,
    locale: () => locale,
    t: () => translator(locale),
    log,
    timers,
    refreshDelaysMs: options.refreshDelaysMs ?? [60_000],
  });
  const addPreset = (preset: Omit<Preset, 'id'>) => {
    const saved = store.savePreset(preset);
    if (!saved.ok) throw new Error(JSON.stringify(saved.fields));
    return saved.value;
  };
  return {
    /** The store's folder: its file is what the app finds at its next start. */
    dir,
    store,
    vault,
    api,
    meetings,
    events,
    log,
    timers,
    addPreset,
    setConfirm: (answer: boolean) => {
      confirmAnswer = answer;
    },
    async close() {
      meetings.stop();
      await api.close();
    },
  };
}
