import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronAvailability } from './environment.js';
import { storePathOf } from '../../main/store/store-file.js';
import { startSandbox } from '../../sandbox/server.js';

// Issue 29, item 7: Chromium starts in the language chosen in Settings (main/platform/chromium-lang.ts), so what it
// formats itself (its date picker, app.getLocale()) follows the app, not the OS. Only the real app can show it.
const availability = electronAvailability();
if (!availability.ok) console.log(`[electron suite] language: skipped: ${availability.reason}`);

const appDir = join(import.meta.dirname, '..', '..');
const platformArgs = process.platform === 'linux' ? ['--no-sandbox'] : [];
interface Hooks {
  configure(options: { apiBaseUrl: string; apiKey: string; apiSecret: string }): Promise<void>;
}
type HookGlobal = typeof globalThis & { __umeetE2E?: Hooks };

test.describe.serial('Chromium in the language chosen in Settings (Electron)', () => {
  test.skip(!availability.ok, availability.ok ? '' : availability.reason);

  for (const [language, locale] of [
    ['zh-CN', 'zh-CN'],
    ['en', 'en-US'],
  ] as const) {
    test(`app.getLocale() is ${locale} from the start after ${language} was chosen`, async () => {
      const userData = mkdtempSync(join(tmpdir(), 'umeet-e2e-lang-'));
      // The OS's language is the other one, so a locale that followed the OS would not pass.
      const osLang = locale === 'zh-CN' ? 'en_US.UTF-8' : 'zh_CN.UTF-8';
      const env = { ...process.env, NODE_ENV: 'test', UMEET_USER_DATA: userData, LANG: osLang, LANGUAGE: osLang.slice(0, 5) };
      const launch = async () => {
        const app = await electron.launch({
          executablePath: availability.ok ? availability.executable : undefined,
          args: [appDir, ...platformArgs],
          env,
        });
        await expect.poll(() => app.evaluate(() => Boolean((globalThis as HookGlobal).__umeetE2E)), { timeout: 20_000 }).toBe(true);
        return app;
      };
      // A first start writes the store as the app does (credentials saved); the language is then chosen in it.
      const sandbox = await startSandbox();
      try {
        const first = await launch();
        await first.evaluate((_electron, options) => (globalThis as HookGlobal).__umeetE2E!.configure(options), {
          apiBaseUrl: sandbox.url,
          apiKey: sandbox.credentials.apiKey,
          apiSecret: sandbox.credentials.apiSecret,
        });
        await first.close();
      } finally {
        await sandbox.close();
      }
      const file = storePathOf(userData);
      expect(existsSync(file), 'the first start wrote the store').toBe(true);
      const store = JSON.parse(readFileSync(file, 'utf8')) as { settings: { language: string } };
      store.settings.language = language;
      writeFileSync(file, JSON.stringify(store, null, 2));

      const app = await launch();
      try {
        expect(await app.evaluate(({ app: electronApp }) => electronApp.getLocale())).toBe(locale);
      } finally {
        await app.close();
      }
    });
  }
});
