import { seriousViolations } from './axe.js';
import type { Page } from '@playwright/test';
import { DEFAULT_API_BASE } from '../../common/settings.js';
import { companyFile, testPolicy } from '../unit/support/test-policy.js';
import { expect, test } from './harness.js';

// A company policy in the window (docs/admin-guide.md): locked controls disabled and saying who set them,
// the company's presets first and read-only, the keys the policy had that the app ignored, in both languages.

const words = {
  en: {
    languages: ['en-US'],
    locked: 'Set by your organisation',
    badge: 'From your organisation',
    settings: 'Settings',
    managed: 'Managed by your organisation',
    board: 'Board meeting',
    copy: 'Board meeting (copy)',
    duplicate: 'Duplicate',
    delete: 'Delete',
    import: 'Import…',
    makeDefault: 'Make default',
    unsetDefault: 'No longer the default',
    unknownKey: /^requestTimeout: not a setting this version knows$/,
    startOnly: 'Provided by your organisation: it can be started, not changed or duplicated.',
    notDeleted: '“Board meeting” is provided by your organisation and cannot be deleted.',
  },
  'zh-CN': {
    languages: ['zh-CN'],
    locked: '由贵单位设置',
    badge: '贵单位提供',
    settings: '设置',
    managed: '由贵单位管理',
    board: '董事会',
    copy: '董事会 副本',
    duplicate: '复制',
    delete: '删除',
    import: '导入…',
    makeDefault: '设为默认',
    unsetDefault: '取消默认',
    unknownKey: /^requestTimeout：?:? ?此版本不认识的设置$/,
    startOnly: '由贵单位提供：可以启动，不能修改或复制。',
    notDeleted: '“董事会”由贵单位提供，不能删除。',
  },
} as const;

const screenshotsDir = process.env.UMEET_SCREENSHOTS_DIR || 'test-results/screenshots';

/** A policy that locks some settings, sets a default, ships a company preset, and has two keys the app ignores. */
const lockingPolicy = (apiServer: string, board: string) => ({
  apiServer,
  requestTimeoutSeconds: 20,
  proxyMode: 'none',
  startAtLogin: true,
  trayLeftClick: 'start-default',
  allowPresetImport: false,
  companyPresets: companyFile(board),
  requestTimeout: 30,
  trustedLinkHosts: ['not a host'],
  Recommended: { defaultUserKey: 'corp-{username}' },
});

async function openSettings(page: Page, name: string) {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await page.locator('details.advanced summary').click();
}

for (const [locale, w] of Object.entries(words)) {
  test.describe(`a company policy (${locale})`, () => {
    test('locked settings are disabled and say who set them; defaults stay editable; the ignored keys are listed', async ({
      page,
      openWindow,
      sandbox,
    }) => {
      const policy = testPolicy(lockingPolicy(sandbox.url, w.board));
      const app = await openWindow({
        preferredLanguages: [...w.languages],
        credentials: true,
        ports: { policy: policy.source, userName: 'wang.li' },
      });
      await openSettings(page, w.settings);
      for (const id of ['api-base', 'timeout', 'left-click']) {
        await expect(page.locator(`#${id}`)).toBeDisabled();
        await expect(page.locator(`#${id}-hint`)).toContainText(w.locked);
      }
      await expect(page.locator('#timeout')).toHaveValue('20');
      for (const radio of await page.locator('input[name="proxyMode"]').all()) await expect(radio).toBeDisabled();
      await expect(page.locator('#proxy-mode-hint')).toContainText(w.locked);
      await expect(page.locator('#start-at-login-locked')).toContainText(w.locked);
      await expect(page.locator('input[aria-describedby~="start-at-login-locked"]')).toBeDisabled();
      // A default: filled in, and the user's to change.
      await expect(page.locator('#user-key')).toBeEnabled();
      await expect(page.locator('#user-key')).toHaveValue('corp-wang.li');
      await expect(page.locator('#user-key-hint')).not.toContainText(w.locked);
      // Disabled controls are not edits: the form is not marked unsaved.
      await expect(page.locator('nav .dot-unsaved')).toHaveCount(0);

      const section = page.getByTestId('policy-section');
      await expect(section.getByRole('heading')).toHaveText(w.managed);
      await expect(page.getByTestId('policy-ignored').getByRole('listitem')).toHaveText([
        // The reason in the user's language; the key as IT wrote it.
        w.unknownKey,
        /^trustedLinkHosts: /,
      ]);

      // Saving the form with locked controls in it works, and changes what the user may change.
      await page.locator('#user-key').fill('wang');
      await page.locator('.settings-form button[type="submit"]').click();
      await expect.poll(() => app.state().settings.defaultUserKey).toBe('wang');
      expect(app.state().settings.requestTimeoutMs).toBe(20_000);

      // IT unlocks the timeout while the window is open: the control comes back, with the user's own value.
      policy.set({ ...lockingPolicy(sandbox.url, w.board), requestTimeoutSeconds: undefined });
      await app.policy.reload();
      await expect(page.locator('#timeout')).toBeEnabled();
      await expect(page.locator('#timeout')).toHaveValue('15');
    });

    test('company presets come first, marked, and can be started and duplicated but not edited, moved or deleted', async ({
      page,
      openWindow,
      sandbox,
    }) => {
      const policy = testPolicy(lockingPolicy(sandbox.url, w.board));
      await openWindow({ preferredLanguages: [...w.languages], credentials: true, ports: { policy: policy.source } });
      const rows = page.getByRole('listbox').getByRole('option');
      await expect(rows.first()).toContainText(w.board);
      await expect(rows.first().locator('.badge.company')).toHaveText(w.badge);
      await rows.first().click();
      await expect(page.getByTestId('editor').locator('.badge.company')).toHaveText(w.badge);
      await expect(page.locator('#preset-name')).toBeDisabled();
      await expect(page.locator('#preset-topic')).toBeDisabled();
      await expect(page.locator('#preset-save')).toHaveCount(0);
      await expect(page.locator('#preset-start')).toBeEnabled();
      await expect(page.getByRole('button', { name: w.import })).toBeDisabled();
      await page.getByTestId('preset-menu').click();
      await expect(page.getByRole('menuitem', { name: new RegExp(`^${w.delete}`) })).toBeDisabled();
      await page.getByRole('menuitem', { name: w.duplicate }).click();
      await expect(rows.nth(1)).toContainText(w.copy);
      await expect(page.locator('#preset-name')).toBeEnabled();
      await expect(page.locator('#preset-name')).toHaveValue(w.copy);
    });

    test('a company preset can be made the default', async ({ page, openWindow, sandbox }) => {
      const policy = testPolicy(lockingPolicy(sandbox.url, w.board));
      await openWindow({ preferredLanguages: [...w.languages], credentials: true, ports: { policy: policy.source } });
      await page.getByRole('listbox').getByRole('option').first().click();
      await page.getByTestId('preset-menu').click();
      await page.getByRole('menuitem', { name: w.makeDefault }).click();
      await page.getByTestId('preset-menu').click();
      await expect(page.getByRole('menuitem', { name: w.unsetDefault })).toBeEnabled();
    });

    test('without presets of their own: the note says what is allowed, Delete on a company preset answers, no key names for staff', async ({
      page,
      openWindow,
      sandbox,
    }) => {
      const policy = testPolicy({ ...lockingPolicy(sandbox.url, w.board), allowUserPresets: false });
      await openWindow({ preferredLanguages: [...w.languages], credentials: true, ports: { policy: policy.source } });
      const rows = page.getByRole('listbox').getByRole('option');
      await rows.first().click();
      await expect(page.locator('#company-preset-note')).toHaveText(w.startOnly);
      await expect(page.locator('main')).not.toContainText('allowUserPresets');
      await rows.first().focus();
      await page.keyboard.press('Delete');
      await expect(page.getByText(w.notDeleted)).toBeVisible();
      await expect(rows.first()).toContainText(w.board);
    });

    test('a locked segmented control is greyed, not drawn as a live choice', async ({ page, openWindow, sandbox }) => {
      const policy = testPolicy(lockingPolicy(sandbox.url, w.board));
      await openWindow({ preferredLanguages: [...w.languages], credentials: true, ports: { policy: policy.source } });
      await openSettings(page, w.settings);
      // The group's id is on its chosen radio.
      const chosen = page.locator('#proxy-mode:checked + span');
      const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim());
      // Locked (proxyMode is set by the policy): the chosen segment is not drawn in the accent of a live choice.
      const lockedFill = await chosen.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(lockedFill).not.toBe(
        await page.evaluate((c) => {
          const probe = document.createElement('span');
          probe.style.color = c;
          document.body.append(probe);
          const rgb = getComputedStyle(probe).color;
          probe.remove();
          return rgb;
        }, accent),
      );
    });

    for (const theme of ['light', 'dark'] as const) {
      test(`axe finds nothing serious in the settings and presets under a policy (${theme})`, async ({ page, openWindow, sandbox }) => {
        await page.emulateMedia({ colorScheme: theme });
        const policy = testPolicy(lockingPolicy(sandbox.url, w.board));
        await openWindow({
          preferredLanguages: [...w.languages],
          credentials: true,
          backend: 'basic_text',
          ports: { policy: policy.source },
        });
        await page.getByRole('listbox').getByRole('option').first().click();
        const check = async () => {
          expect(await seriousViolations(page)).toEqual([]);
        };
        await check();
        await openSettings(page, w.settings);
        await check();
      });

      test(`screenshots of the settings with locked controls and of the company presets (${locale}, ${theme})`, async ({
        page,
        openWindow,
      }) => {
        await page.clock.setFixedTime(new Date('2026-03-02T09:30:00+08:00'));
        await page.setViewportSize({ width: 860, height: 640 });
        await page.emulateMedia({ colorScheme: theme });
        // The server users would see, not the sandbox's random port: nothing below sends a request.
        const { apiServer: _, ...rest } = lockingPolicy(DEFAULT_API_BASE, w.board);
        const policy = testPolicy({ ...rest, requestTimeout: undefined });
        const app = await openWindow({
          preferredLanguages: [...w.languages],
          credentials: 'verified',
          ports: { policy: policy.source, userName: 'wang.li' },
        });
        // Start at login as the locked policy has made it at start (app.begin(), which would also verify the credentials).
        expect((await app.run({ type: 'set-start-at-login', enabled: true })).ok).toBe(true);
        // Verified against the sandbox; then IT's server is locked in, as users would see it.
        policy.set({ ...rest, requestTimeout: undefined, apiServer: DEFAULT_API_BASE });
        await app.policy.reload();
        const rows = page.getByRole('listbox').getByRole('option');
        await rows.first().click();
        await expect(page.locator('#preset-name')).toBeDisabled();
        await page.screenshot({ path: `${screenshotsDir}/policy-presets-${locale}-${theme}.png` });
        await openSettings(page, w.settings);
        await page.locator('#api-base').evaluate((element) => element.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: `${screenshotsDir}/policy-settings-${locale}-${theme}.png` });
      });
    }
  });
}
