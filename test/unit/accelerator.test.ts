import { describe, expect, it } from 'vitest';
import { acceleratorOf, displayAccelerator, displayModifiers, readKeys, type KeyPress } from '../../common/accelerator.js';
import { Accelerator } from '../../common/settings.js';

/** A keydown as Chromium reports it: `key` is what the layout types, `code` the physical key. */
const press = (
  code: string,
  held: Partial<Pick<KeyPress, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>> = {},
  key?: string,
): KeyPress => ({
  key: key ?? (code.startsWith('Key') ? code.slice(3).toLowerCase() : code.startsWith('Digit') ? code.slice(5) : code),
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...held,
});

describe('displayAccelerator', () => {
  it.each([
    ['darwin', '⌥⌘M'],
    ['win32', 'Ctrl+Alt+M'],
    ['linux', 'Ctrl+Alt+M'],
    ['freebsd', 'Ctrl+Alt+M'],
  ])('writes CommandOrControl+Alt+M the %s way: %s', (platform, shown) => {
    expect(displayAccelerator('CommandOrControl+Alt+M', platform)).toBe(shown);
  });

  it.each([
    // Every spelling Electron accepts, alone with a key, on each platform.
    ['CommandOrControl', '⌘K', 'Ctrl+K', 'Ctrl+K'],
    ['CmdOrCtrl', '⌘K', 'Ctrl+K', 'Ctrl+K'],
    ['Command', '⌘K', 'Command+K', 'Command+K'],
    ['Cmd', '⌘K', 'Cmd+K', 'Cmd+K'],
    ['Control', '⌃K', 'Ctrl+K', 'Ctrl+K'],
    ['Ctrl', '⌃K', 'Ctrl+K', 'Ctrl+K'],
    ['Alt', '⌥K', 'Alt+K', 'Alt+K'],
    ['Option', '⌥K', 'Alt+K', 'Alt+K'],
    ['AltGr', '⌥K', 'AltGr+K', 'AltGr+K'],
    ['Shift', '⇧K', 'Shift+K', 'Shift+K'],
    ['Super', '⌘K', 'Win+K', 'Super+K'],
    ['Meta', '⌘K', 'Win+K', 'Super+K'],
  ])('%s: macOS %s, Windows %s, Linux %s', (modifier, mac, windows, linux) => {
    const accelerator = `${modifier}+K`;
    expect(displayAccelerator(accelerator, 'darwin')).toBe(mac);
    // "Command" means nothing off macOS (Electron ignores it there): shown as written, not turned into Ctrl.
    if (modifier === 'Command' || modifier === 'Cmd') return;
    expect(displayAccelerator(accelerator, 'win32')).toBe(windows);
    expect(displayAccelerator(accelerator, 'linux')).toBe(linux);
  });

  it('puts the modifiers in each OS’s order, whatever the stored order', () => {
    expect(displayAccelerator('Shift+Command+Alt+Control+K', 'darwin')).toBe('⌃⌥⇧⌘K');
    expect(displayAccelerator('Shift+Super+Alt+CommandOrControl+K', 'win32')).toBe('Win+Ctrl+Alt+Shift+K');
    expect(displayAccelerator('Shift+Super+Alt+CommandOrControl+K', 'linux')).toBe('Super+Ctrl+Alt+Shift+K');
    // On macOS CommandOrControl and Control are two keys, ⌘ and ⌃.
    expect(displayAccelerator('CommandOrControl+Control+K', 'darwin')).toBe('⌃⌘K');
  });

  it('writes arrows as arrows, Space as Space, function keys, digits and letters as printed on the keys', () => {
    expect(['Up', 'Down', 'Left', 'Right'].map((key) => displayAccelerator(`Alt+${key}`, 'darwin'))).toEqual(['⌥↑', '⌥↓', '⌥←', '⌥→']);
    expect(displayAccelerator('CommandOrControl+Up', 'win32')).toBe('Ctrl+↑');
    expect(displayAccelerator('CommandOrControl+Shift+Space', 'darwin')).toBe('⇧⌘Space');
    expect(displayAccelerator('CommandOrControl+Shift+Space', 'linux')).toBe('Ctrl+Shift+Space');
    expect(displayAccelerator('Alt+F12', 'darwin')).toBe('⌥F12');
    expect(displayAccelerator('Alt+F12', 'win32')).toBe('Alt+F12');
    expect(displayAccelerator('Control+7', 'linux')).toBe('Ctrl+7');
    expect(displayAccelerator('Control+m', 'linux')).toBe('Ctrl+M');
  });

  it('shows held modifiers before the key is pressed', () => {
    expect(displayModifiers(['CommandOrControl', 'Alt'], 'darwin')).toBe('⌥⌘…');
    expect(displayModifiers(['CommandOrControl', 'Alt'], 'linux')).toBe('Ctrl+Alt+…');
    expect(displayModifiers([], 'win32')).toBe('');
  });
});

describe('recording a key press', () => {
  it('on macOS: ⌘ records as CommandOrControl, ⌃ as Control, ⌥ as Alt, ⇧ as Shift', () => {
    // With ⌥ held macOS types "µ" for M: the physical key is what counts.
    expect(acceleratorOf(press('KeyM', { metaKey: true, altKey: true }, 'µ'), 'darwin')).toBe('CommandOrControl+Alt+M');
    expect(acceleratorOf(press('KeyM', { ctrlKey: true, altKey: true }), 'darwin')).toBe('Control+Alt+M');
    expect(acceleratorOf(press('KeyM', { ctrlKey: true, metaKey: true, altKey: true, shiftKey: true }), 'darwin')).toBe(
      'CommandOrControl+Control+Alt+Shift+M',
    );
  });

  it.each(['win32', 'linux'])('on %s: Ctrl records as CommandOrControl, the Windows/Super key as Super', (platform) => {
    expect(acceleratorOf(press('KeyM', { ctrlKey: true, altKey: true }), platform)).toBe('CommandOrControl+Alt+M');
    expect(acceleratorOf(press('KeyM', { metaKey: true, shiftKey: true }), platform)).toBe('Shift+Super+M');
    expect(acceleratorOf(press('KeyM', { ctrlKey: true, metaKey: true, altKey: true, shiftKey: true }), platform)).toBe(
      'CommandOrControl+Alt+Shift+Super+M',
    );
  });

  it('shows each OS the keys that were pressed', () => {
    const keys = press('KeyM', { ctrlKey: true, altKey: true });
    expect(displayAccelerator(acceleratorOf(keys, 'linux')!, 'linux')).toBe('Ctrl+Alt+M');
    expect(displayAccelerator(acceleratorOf(keys, 'win32')!, 'win32')).toBe('Ctrl+Alt+M');
    expect(displayAccelerator(acceleratorOf(keys, 'darwin')!, 'darwin')).toBe('⌃⌥M');
    const command = press('KeyM', { metaKey: true, altKey: true });
    expect(displayAccelerator(acceleratorOf(command, 'darwin')!, 'darwin')).toBe('⌥⌘M');
    expect(displayAccelerator(acceleratorOf(command, 'win32')!, 'win32')).toBe('Win+Alt+M');
    expect(displayAccelerator(acceleratorOf(command, 'linux')!, 'linux')).toBe('Super+Alt+M');
  });

  it('reads digits, function keys, Space and arrows by their place, whatever Shift types', () => {
    expect(acceleratorOf(press('Digit1', { ctrlKey: true, shiftKey: true }, '!'), 'linux')).toBe('CommandOrControl+Shift+1');
    expect(acceleratorOf(press('F5', { altKey: true }), 'win32')).toBe('Alt+F5');
    expect(acceleratorOf(press('F24', { altKey: true }), 'win32')).toBe('Alt+F24');
    expect(acceleratorOf(press('Space', { ctrlKey: true }, ' '), 'linux')).toBe('CommandOrControl+Space');
    expect(acceleratorOf(press('ArrowLeft', { altKey: true }), 'darwin')).toBe('Alt+Left');
  });

  it('waits while only modifiers are down, and says which', () => {
    expect(readKeys(press('AltLeft', { altKey: true, ctrlKey: true }, 'Alt'), 'linux')).toEqual({
      kind: 'modifiers',
      modifiers: ['CommandOrControl', 'Alt'],
    });
    expect(readKeys(press('MetaLeft', { metaKey: true }, 'Meta'), 'darwin')).toEqual({
      kind: 'modifiers',
      modifiers: ['CommandOrControl'],
    });
  });

  it('refuses a key without Ctrl, Alt, ⌘ or the Windows key: it would be taken from every app', () => {
    expect(readKeys(press('KeyM'), 'linux')).toEqual({ kind: 'needs-modifier' });
    expect(readKeys(press('KeyM', { shiftKey: true }, 'M'), 'win32')).toEqual({ kind: 'needs-modifier' });
    expect(readKeys(press('F5'), 'darwin')).toEqual({ kind: 'needs-modifier' });
  });

  it('refuses keys an accelerator here cannot name', () => {
    for (const code of ['Enter', 'Minus', 'Numpad5', 'Backquote', 'F25']) {
      expect(readKeys(press(code, { ctrlKey: true, altKey: true }, code === 'Minus' ? '-' : code), 'linux')).toEqual({
        kind: 'unsupported-key',
      });
    }
  });

  it('records only what the settings accept, for every combination of modifiers on every platform', () => {
    const codes = ['KeyA', 'KeyZ', 'Digit0', 'Digit9', 'F1', 'F12', 'Space', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];
    let recorded = 0;
    for (const platform of ['darwin', 'win32', 'linux']) {
      for (let mask = 0; mask < 16; mask++) {
        const held = { ctrlKey: Boolean(mask & 1), metaKey: Boolean(mask & 2), altKey: Boolean(mask & 4), shiftKey: Boolean(mask & 8) };
        for (const code of codes) {
          const accelerator = acceleratorOf(press(code, held), platform);
          if (accelerator === undefined) continue;
          recorded++;
          expect(Accelerator.safeParse(accelerator).success, accelerator).toBe(true);
        }
      }
    }
    // Every combination but none and Shift alone: 14 of 16, for each key and platform.
    expect(recorded).toBe(3 * 14 * codes.length);
  });
});
