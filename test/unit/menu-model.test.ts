import { describe, expect, it, vi } from 'vitest';
import { buildMenuModel, toMenuTemplate, type MenuEntry } from '../../main/tray/menu-model.js';

const labels = (model: MenuEntry[]) => model.map((entry) => (entry.kind === 'item' ? entry.label : '---'));

describe('tray menu model', () => {
  it('lists "Presets & settings…", a separator and "Quit" in English', () => {
    expect(labels(buildMenuModel({ locale: 'en' }))).toEqual(['Presets & settings…', '---', 'Quit']);
  });

  it('speaks Chinese for zh-CN', () => {
    expect(labels(buildMenuModel({ locale: 'zh-CN' }))).toEqual(['预设与设置…', '---', '退出']);
  });

  it('is a pure function of state: same state, same model; a new locale, new labels', () => {
    expect(buildMenuModel({ locale: 'en' })).toEqual(buildMenuModel({ locale: 'en' }));
    expect(buildMenuModel({ locale: 'en' })).not.toEqual(buildMenuModel({ locale: 'zh-CN' }));
  });

  it('dispatches the right action when each template item is clicked', () => {
    const dispatch = vi.fn();
    const template = toMenuTemplate(buildMenuModel({ locale: 'en' }), dispatch);
    expect(template.map((item) => item.type ?? 'normal')).toEqual(['normal', 'separator', 'normal']);

    template.find((item) => item.id === 'open-window')?.click?.();
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'open-window' });

    template.find((item) => item.id === 'quit')?.click?.();
    expect(dispatch).toHaveBeenLastCalledWith({ type: 'quit' });
    expect(dispatch).toHaveBeenCalledTimes(2);
    expect(template[1]?.click).toBeUndefined();
  });
});
