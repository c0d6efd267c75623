import { translator } from '../common/i18n/index.js';
import type { Preset } from '../common/preset.js';
import { createApiClients, type ApiClients } from '../main/meetings/api-clients.js';
import { createAvailability, type Availability } from '../main/meetings/availability.js';
import { createMeetingsService } from '../main/meetings/meetings-service.js';
import type { OpenLink } from '../main/ports.js';
import { openAppStore } from '../main/store/app-store.js';
import { createVault } from '../main/vault/vault.js';
import type { Sandbox } from '../sandbox/server.js';
import { tempDir } from '../test/unit/support/temp-store.js';
import { testCipher } from '../test/unit/support/test-cipher.js';

/**
 * The click path's real parts for the benchmarks: a store file in a temp dir with one preset, the
 * vault behind a test cipher holding the sandbox's credentials, and meetings services over any
 * API clients (the app's kept ones, or a fresh cold one). Nothing leaves the process but HTTP.
 */
export async function benchApp(sandbox: Sandbox, preset: Omit<Preset, 'id'>) {
  const store = openAppStore({ dir: tempDir(), locale: 'en' });
  store.updateSettings({ apiBaseUrl: sandbox.url });
  const saved = store.savePreset(preset);
  if (!saved.ok) throw new Error(`bench preset: ${JSON.stringify(saved.fields)}`);
  const vault = createVault({ cipher: testCipher(), store });
  await vault.set(sandbox.credentials);
  return {
    store,
    vault,
    preset: saved.value,
    /** The app's API clients; `network` routes them as the app would (the OS's proxy answer, a CA to trust). */
    clients: (network: { resolveProxy?: (url: string) => Promise<string>; extraCertificates?: string[] } = {}) =>
      createApiClients({ settings: () => store.settings(), credentials: () => vault.get(), ...network }),
    /** The free rooms, read as the app reads them when the menu opens (on the background connection). */
    availability: (api: ApiClients) =>
      createAvailability({ rooms: async () => (await api.background()).rooms(), now: () => new Date(), onChange: () => undefined }),
    meetings: (api: ApiClients, openLink: OpenLink = async () => undefined, availability?: Availability) =>
      createMeetingsService({
        store,
        vault,
        api,
        ...(availability ? { availability } : {}),
        openLink,
        clipboard: { writeText: async () => undefined, readText: async () => '' },
        notify: () => undefined,
        confirm: async () => true,
        locale: () => 'en',
        t: () => translator('en'),
        // Status refresh is not what is measured; keep its timers out of the way.
        refreshDelaysMs: [3_600_000],
      }),
  };
}
