import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../common/i18n/en.js';
import { zhCN } from '../../common/i18n/zh-CN.js';
import { windowFailuresEn, windowFailuresZhCN } from '../../common/i18n/window-failures.js';
import { appUnderTest, fromAppWindow, type AppUnderTest } from './support/app-under-test.js';
import { useSandbox } from './support/sandbox.js';

/**
 * The window's words come from main (`messages`, and with its first answers, `opening`): the window bundles no catalogue (docs/performance.md, "The
 * window"). Main answers in its own language, the one its snapshot names: the settings' language, or the OS's.
 */
const sandbox = useSandbox();
let app: AppUnderTest | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const ask = (main: AppUnderTest, payload: unknown) => main.listeners.messages(fromAppWindow, payload);

describe('the window’s words (messages)', () => {
  it.each([
    [['zh-Hant-TW', 'en-US'], 'zh-CN', zhCN],
    [['en-GB', 'zh-CN'], 'en', en],
    [['fr-FR'], 'en', en],
  ] as const)(
    'follows the OS’s languages %j while the settings say “system”: %s, the whole catalogue',
    async (languages, locale, words) => {
      app = await appUnderTest({ sandbox: sandbox(), preferredLanguages: [...languages] });
      const answer = await ask(app, {});
      expect(answer).toEqual({ ok: true, value: { locale, messages: words } });
      const snapshot = await app.listeners.snapshot(fromAppWindow, undefined);
      expect(snapshot.ok && snapshot.value.locale).toBe(locale);
    },
  );

  it('follows the settings’ language over the OS’s, and changes with it', async () => {
    app = await appUnderTest({ sandbox: sandbox(), preferredLanguages: ['en-US'] });
    expect(await app.ipc.updateSettings({ language: 'zh-CN' })).toMatchObject({ ok: true });
    expect(await ask(app, {})).toEqual({ ok: true, value: { locale: 'zh-CN', messages: zhCN } });
    expect(await app.ipc.updateSettings({ language: 'system' })).toMatchObject({ ok: true });
    expect(await ask(app, {})).toEqual({ ok: true, value: { locale: 'en', messages: en } });
  });

  it('answers the language asked for (the one a new snapshot names), whatever main’s is', async () => {
    app = await appUnderTest({ sandbox: sandbox(), preferredLanguages: ['en-US'] });
    expect(await ask(app, { locale: 'zh-CN' })).toEqual({ ok: true, value: { locale: 'zh-CN', messages: zhCN } });
    expect(await ask(app, { locale: 'en' })).toEqual({ ok: true, value: { locale: 'en', messages: en } });
  });

  it.each([[{ locale: 'fr' }], [{ locale: 'zh-cn' }], [{ languages: ['en-US'] }], [undefined], [{ locale: 'en', extra: 1 }]])(
    'refuses %j, in main’s language, naming the field',
    async (payload) => {
      app = await appUnderTest({ sandbox: sandbox(), preferredLanguages: ['zh-CN'] });
      const answer = await ask(app, payload);
      expect(answer).toMatchObject({ ok: false, error: { kind: 'invalid', message: expect.stringMatching(/^请求被拒绝：/) } });
    },
  );

  it('opening: the first answers in one, each as its own channel answers it', async () => {
    app = await appUnderTest({ sandbox: sandbox(), preferredLanguages: ['zh-CN'] });
    await app.ipc.windowState({ ui: { section: 'settings', view: {}, drafts: { presets: {} } } });
    const value = async (channel: 'snapshot' | 'savedUi' | 'appInfo') => {
      const answer = await (app!.listeners[channel] as (e: unknown, p: unknown) => Promise<{ ok: boolean; value?: unknown }>)(
        fromAppWindow,
        undefined,
      );
      return answer.value;
    };
    const opening = await app.listeners.opening(fromAppWindow, undefined);
    expect(opening).toEqual({
      ok: true,
      value: {
        messages: { locale: 'zh-CN', messages: zhCN },
        snapshot: { ok: true, value: await value('snapshot') },
        savedUi: await value('savedUi'),
        appInfo: await value('appInfo'),
      },
    });
    expect(opening.ok && opening.value.savedUi?.section).toBe('settings');
    expect(await app.listeners.opening(fromAppWindow, {})).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('holds the texts the window bundles (it says them without main) exactly as the catalogues do', () => {
    for (const [built, whole] of [
      [windowFailuresEn, en],
      [windowFailuresZhCN, zhCN],
    ] as const) {
      for (const [key, text] of Object.entries(built)) expect(whole[key as keyof typeof whole]).toBe(text);
    }
    expect(Object.keys(windowFailuresZhCN).sort()).toEqual(Object.keys(windowFailuresEn).sort());
  });
});
