import { describe, expect, it } from 'vitest';
import { pickLocale, translator } from '../../common/i18n/index.js';
import { en } from '../../common/i18n/en.js';
import { zhCN } from '../../common/i18n/zh-CN.js';
import { describeApp } from '../../main/platform/app-identity.js';

describe('pickLocale', () => {
  it.each([
    [['zh-CN'], 'zh-CN'],
    [['zh-Hans-CN', 'en-US'], 'zh-CN'],
    [['zh_TW'], 'zh-CN'],
    [['en-GB', 'zh-CN'], 'en'],
    [['fr-FR', 'zh-CN'], 'zh-CN'],
    [['fr-FR'], 'en'],
    [[], 'en'],
  ] as const)('%j -> %s', (preferred, expected) => {
    expect(pickLocale(preferred)).toBe(expected);
  });
});

describe('catalogues', () => {
  it('have the same keys and no empty message', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const message of [...Object.values(en), ...Object.values(zhCN)]) expect(message.trim()).not.toBe('');
  });

  it('use the same parameters in both languages', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(params(zhCN[key])).toEqual(params(en[key]));
  });

  it('fill parameters, and leave unknown ones visible', () => {
    expect(translator('en')('presets.saved', { name: 'x' })).toBe('Saved “x”.');
    expect(translator('zh-CN')('presets.saved', { name: 'x' })).toBe('已保存“x”。');
    expect(translator('en')('editor.topicHint')).toBe('{date} and {time} are replaced when the meeting starts.');
  });
});

describe('describeApp', () => {
  it('maps the platform and chooses the language', () => {
    expect(describeApp({ name: 'U', version: '1', platform: 'freebsd', preferredLanguages: ['zh-CN'] })).toEqual({
      name: 'U',
      version: '1',
      platform: 'other',
      locale: 'zh-CN',
    });
    expect(describeApp({ name: 'U', version: '1', platform: 'darwin', preferredLanguages: ['en-US'] }).platform).toBe('darwin');
  });
});
