import { describe, expect, it } from 'vitest';
import { chromiumLangOf } from '../../main/platform/chromium-lang.js';

// Issue 29, item 7: the date and time inputs drew `12/21/2026` and `10:00 AM` in the Chinese window, because Chromium
// formats them in the locale it starts with. Started in the language the user chose, they follow the app.
describe('the --lang Chromium starts with', () => {
  it('is the language chosen in the settings', () => {
    expect(chromiumLangOf(JSON.stringify({ settings: { language: 'zh-CN' } }))).toBe('zh-CN');
    expect(chromiumLangOf(JSON.stringify({ settings: { language: 'en' } }))).toBe('en-US');
  });

  it('is left to the OS when the app follows the OS, or nothing can be read', () => {
    expect(chromiumLangOf(JSON.stringify({ settings: { language: 'system' } }))).toBeUndefined();
    expect(chromiumLangOf(JSON.stringify({ settings: {} }))).toBeUndefined();
    expect(chromiumLangOf('{ not json')).toBeUndefined();
    expect(chromiumLangOf(undefined)).toBeUndefined();
    expect(chromiumLangOf(JSON.stringify({ settings: { language: 'fr' } }))).toBeUndefined();
  });
});
