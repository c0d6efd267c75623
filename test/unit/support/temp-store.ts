import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locale } from '../../../common/i18n/locale.js';
import { openAppStore } from '../../../main/store/app-store.js';

/** A fresh temp folder for one test's store files. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'umeet-store-'));

/** The app's store on real files in `dir`, as main opens it. */
export function openTestStore(dir: string, locale: Locale = 'zh-CN', now?: () => Date) {
  return openAppStore({ dir, locale, ...(now ? { now } : {}) });
}
