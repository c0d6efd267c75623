import { readFileSync } from 'node:fs';
import { app } from 'electron';
import { chromiumLangOf } from '../platform/chromium-lang.js';
import { storePathOf } from '../store/store-file.js';

/** Before `ready`: Chromium in the language the user chose for the app (main/platform/chromium-lang.ts). */
export function applyChromiumLanguage(): void {
  if (app.commandLine.hasSwitch('lang')) return;
  let text: string | undefined;
  try {
    text = readFileSync(storePathOf(app.getPath('userData')), 'utf8');
  } catch {
    return;
  }
  const lang = chromiumLangOf(text);
  if (lang) app.commandLine.appendSwitch('lang', lang);
}
