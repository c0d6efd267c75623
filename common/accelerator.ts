/**
 * Global shortcuts, between the keys a user presses, the Electron accelerator the settings store
 * (`Accelerator` in settings.ts) and the way the user's OS writes a shortcut.
 *
 * `platform` is main's `process.platform` (or AppInfo's platform): 'darwin' is macOS, 'win32'
 * Windows; anything else is written the Linux way.
 */

/** The parts of a keydown that say which keys are down (a DOM KeyboardEvent has them all). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** What a key press amounts to while recording. */
export type Recording =
  /** A shortcut to keep. */
  | { kind: 'accelerator'; accelerator: string }
  /** Only modifiers are down so far: the accelerator's modifiers, for showing what is held. */
  | { kind: 'modifiers'; modifiers: string[] }
  /** A usable key, but no modifier that makes it safe to take from every other app. */
  | { kind: 'needs-modifier' }
  /** A key an accelerator here cannot name (Enter, punctuation, the numeric keypad…). */
  | { kind: 'unsupported-key' };

const MODIFIER_KEYS = new Set(['Control', 'Alt', 'AltGraph', 'Shift', 'Meta', 'OS', 'Super', 'Hyper', 'Fn', 'CapsLock']);
const ARROWS: Record<string, string> = { ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right' };

/**
 * The accelerator's key for a physical key, or undefined for a key the settings' `Accelerator`
 * does not accept. Letters and digits are read from `code`, the key's place on the keyboard, not
 * from `key`: with Option held macOS types "µ" for M, and with Shift "!" for 1.
 */
function keyOf(press: KeyPress): string | undefined {
  if (/^Key[A-Z]$/.test(press.code)) return press.code.slice(3);
  if (/^Digit\d$/.test(press.code)) return press.code.slice(5);
  if (/^F([1-9]|1\d|2[0-4])$/.test(press.code)) return press.code;
  if (press.code === 'Space') return 'Space';
  return ARROWS[press.code];
}

/**
 * The modifiers held, as the accelerator stores them, always in this order.
 *
 * - macOS: ⌘ is stored as `CommandOrControl` and ⌃ as `Control`. ⌘ is the Mac's shortcut key, and
 *   `CommandOrControl` is what the app has always stored for it, so a settings file carried to
 *   Windows or Linux keeps a shortcut that means the same there (Ctrl). ⌃ must stay `Control`:
 *   `CommandOrControl` would turn it into ⌘ on the Mac itself.
 * - Windows and Linux: Ctrl is stored as `CommandOrControl`, which Electron reads as Ctrl there:
 *   the value the app has always stored, and ⌘ if the file reaches a Mac. The Windows key (Super
 *   on Linux) is `Super`: before, it was recorded as `CommandOrControl`, a different shortcut
 *   from the one pressed.
 */
function modifiersOf(press: KeyPress, platform: string): string[] {
  const mac = platform === 'darwin';
  return [
    (mac ? press.metaKey : press.ctrlKey) ? 'CommandOrControl' : '',
    mac && press.ctrlKey ? 'Control' : '',
    press.altKey ? 'Alt' : '',
    press.shiftKey ? 'Shift' : '',
    !mac && press.metaKey ? 'Super' : '',
  ].filter(Boolean);
}

/** Reads a keydown while the user records a shortcut. */
export function readKeys(press: KeyPress, platform: string): Recording {
  const modifiers = modifiersOf(press, platform);
  if (MODIFIER_KEYS.has(press.key)) return { kind: 'modifiers', modifiers };
  const key = keyOf(press);
  if (!key) return { kind: 'unsupported-key' };
  // A global shortcut takes its keys from every app. Without Ctrl, Alt, ⌘ or the Windows key it
  // would take a plain letter, or Shift with a letter, and the user could no longer type it anywhere.
  if (!modifiers.some((modifier) => modifier !== 'Shift')) return { kind: 'needs-modifier' };
  return { kind: 'accelerator', accelerator: [...modifiers, key].join('+') };
}

/** The Electron accelerator a key press records, or undefined when it records none. */
export function acceleratorOf(press: KeyPress, platform: string): string | undefined {
  const read = readKeys(press, platform);
  return read.kind === 'accelerator' ? read.accelerator : undefined;
}

type Modifier = 'control' | 'option' | 'altgr' | 'shift' | 'command' | 'super';

/** Each spelling Electron accepts, as the key it means on this platform (Electron's accelerator.md). */
function modifierOf(token: string, mac: boolean): Modifier | undefined {
  switch (token.toLowerCase()) {
    case 'commandorcontrol':
    case 'cmdorctrl':
      return mac ? 'command' : 'control';
    case 'command':
    case 'cmd':
      return 'command';
    case 'control':
    case 'ctrl':
      return 'control';
    case 'alt':
    case 'option':
      return 'option';
    case 'altgr':
      return mac ? 'option' : 'altgr';
    case 'shift':
      return 'shift';
    // "Super" and its alias "Meta" are ⌘ on macOS and the Windows key elsewhere.
    case 'super':
    case 'meta':
      return mac ? 'command' : 'super';
    default:
      return undefined;
  }
}

/** Apple's order in menus, ⌃⌥⇧⌘, written without separators (Apple's Human Interface Guidelines, "Keyboards"). */
const MAC: [Modifier, string][] = [
  ['control', '⌃'],
  ['option', '⌥'],
  ['shift', '⇧'],
  ['command', '⌘'],
];

/**
 * Windows and Linux write "Ctrl+Alt+Shift+M". The Windows key comes first, as Microsoft's own
 * lists of shortcuts write it ("Windows logo key + Ctrl + D"), and GNOME and KDE do too.
 */
const PC = (platform: string): [Modifier, string][] => [
  ['super', platform === 'win32' ? 'Win' : 'Super'],
  ['control', 'Ctrl'],
  ['option', 'Alt'],
  ['altgr', 'AltGr'],
  ['shift', 'Shift'],
];

const KEY_NAMES: Record<string, string> = { up: '↑', down: '↓', left: '←', right: '→', space: 'Space' };

/**
 * An accelerator as the OS writes it: `CommandOrControl+Alt+M` is "⌥⌘M" on macOS and
 * "Ctrl+Alt+M" on Windows and Linux. Arrows are ↑↓←→ everywhere: the keys are printed so on
 * every keyboard, in any language.
 */
export function displayAccelerator(accelerator: string, platform: string): string {
  const mac = platform === 'darwin';
  const tokens = accelerator.split('+');
  const held = new Set<Modifier>();
  const keys: string[] = [];
  for (const token of tokens) {
    const modifier = modifierOf(token, mac);
    if (modifier) held.add(modifier);
    else keys.push(KEY_NAMES[token.toLowerCase()] ?? (token.length === 1 ? token.toUpperCase() : token));
  }
  const modifiers = (mac ? MAC : PC(platform)).filter(([modifier]) => held.has(modifier)).map(([, text]) => text);
  return mac ? [...modifiers, ...keys].join('') : [...modifiers, ...keys].join('+');
}

/** Modifiers alone, as shown while the user holds them and before the key: "⌥⌘…", "Ctrl+Alt+…". */
export function displayModifiers(modifiers: readonly string[], platform: string): string {
  if (modifiers.length === 0) return '';
  const shown = displayAccelerator(modifiers.join('+'), platform);
  return platform === 'darwin' ? `${shown}…` : `${shown}+…`;
}
