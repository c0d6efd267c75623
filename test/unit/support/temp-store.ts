import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import type { Locale } from '../../../common/i18n/locale.js';
import { openAppStore } from '../../../main/store/app-store.js';
import { storeFileOptions, type StoreFile } from '../../../main/store/store-file.js';

/** A fresh temp folder for one test's store files. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'umeet-store-'));

/** conf, the engine under electron-store, with the app's own options: a real file in `dir`. */
export const openConfFile = (dir: string): StoreFile => new Conf(storeFileOptions(dir)) as unknown as StoreFile;

export function openTestStore(dir: string, locale: Locale = 'zh-CN', now?: () => Date) {
  return openAppStore({ dir, openFile: openConfFile, locale, ...(now ? { now } : {}) });
}
