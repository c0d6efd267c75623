import { translator } from '../common/i18n/index.js';
import { createApiClients } from '../main/meetings/api-clients.js';
import { createMeetingsService } from '../main/meetings/meetings-service.js';
import { openAppStore } from '../main/store/app-store.js';
import { createVault } from '../main/vault/vault.js';
import { startSandbox } from '../sandbox/server.js';
import { openConfFile, tempDir } from '../test/unit/support/temp-store.js';
import { testCipher } from '../test/unit/support/test-cipher.js';
import { round } from './stats.js';

/**
 * New TCP connections the server sees per click: after the menu-open warm-up on the app's kept
 * agent, and on a cold agent (a fresh client per click, warm-up disabled), counted by the sandbox.
 */
export async function measureConnections(clicks: number) {
  const sandbox = await startSandbox({ licence: { 25: 1_000_000 } });
  const store = openAppStore({ dir: tempDir(), openFile: openConfFile, locale: 'en' });
  store.updateSettings({ apiBaseUrl: sandbox.url });
  const preset = store.savePreset({ name: 'Bench', topic: 'Bench', capacity: 25, afterCreate: { open: 'start', copy: 'none' } });
  if (!preset.ok) throw new Error('preset');
  const vault = createVault({ cipher: testCipher(), store });
  await vault.set(sandbox.credentials);
  const service = (api: ReturnType<typeof createApiClients>) =>
    createMeetingsService({
      store,
      vault,
      api,
      openLink: async () => undefined,
      clipboard: { writeText: () => undefined },
      notify: () => undefined,
      confirm: async () => true,
      locale: () => 'en',
      t: () => translator('en'),
      refreshDelaysMs: [3_600_000],
    });

  const kept = createApiClients({ settings: () => store.settings(), credentials: () => vault.get() });
  const warmService = service(kept);
  let warmNew = 0;
  for (let i = 0; i < clicks; i++) {
    await kept.click().warm(); // the menu opens
    const before = sandbox.connections;
    const outcome = await warmService.start(preset.value.id);
    if (!outcome.ok) throw new Error(outcome.message);
    warmNew += sandbox.connections - before;
  }
  warmService.stop();
  await kept.close();

  let coldNew = 0;
  for (let i = 0; i < clicks; i++) {
    const cold = createApiClients({ settings: () => store.settings(), credentials: () => vault.get() });
    const coldService = service(cold);
    const before = sandbox.connections;
    const outcome = await coldService.start(preset.value.id);
    if (!outcome.ok) throw new Error(outcome.message);
    coldNew += sandbox.connections - before;
    coldService.stop();
    await cold.close();
  }
  await sandbox.close();
  return { clicks, warm_new_per_click: round(warmNew / clicks), cold_new_per_click: round(coldNew / clicks) };
}
