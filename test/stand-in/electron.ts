/**
 * Electron, stood in for under plain Node: the one stand-in that every test and the bench use.
 * Vitest swaps it in with `vi.mock('electron', () => import('../stand-in/electron.js'))`; the bench
 * loads the built main process with `import 'electron'` resolved to its bundled copy
 * (out/tools/electron-stand-in.js, see bench/stand-in-loader.mjs).
 *
 * It is at least as strict as Electron: each rule of Electron's that the app relies on is enforced
 * here, next to the code it concerns, with where Electron documents it (a docs/api page, the
 * source of the pinned version's release line, or an issue). Where the docs are unclear it takes the
 * harsher reading, and says so. Everything the app asks of Electron is recorded in `control`, and
 * `control` also plays the user and the OS (a second launch, a dialog's answer, a refused login item).
 *
 * To teach it a new rule: enforce it where the API is stood in, cite the source, and add a test in
 * test/unit/stand-in.test.ts that shows the rule bites.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Handler = (...args: never[]) => unknown;
type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

class StandInError extends Error {
  override name = 'ElectronStandInError';
}

/** What the app did, and what the test says the user and the OS do. */
export const control = {
  /** Electron's 'ready': false until whenReady() has been asked for and a turn of the event loop has passed. */
  ready: false,
  /** Hold 'ready' back until `becomeReady()` (the bench's import timing, start-up failure tests). */
  holdReady: false,
  paths: { userData: '', logs: '', temp: tmpdir(), home: tmpdir(), appData: '' } as Record<string, string>,
  languages: ['en-US'] as string[],
  isPackaged: false,
  /** safeStorage: the backend Electron chose (Linux), and whether encryption works. */
  backend: 'gnome_libsecret' as StorageBackend,
  encryptionAvailable: true,

  trays: [] as TrayStandIn[],
  windows: [] as BrowserWindowStandIn[],
  notifications: [] as NotificationStandIn[],
  errorBoxes: [] as { title: string; content: string }[],
  messageBoxes: [] as Record<string, unknown>[],
  /** The answer the next message boxes give (button index). */
  messageBoxResponse: 0,
  saveDialogPath: undefined as string | undefined,
  openDialogPath: undefined as string | undefined,
  opened: [] as string[],
  openedPaths: [] as string[],
  clipboard: [] as string[],
  /** Makes clipboard.writeText throw (a Wayland session without a focused surface, a locked clipboard). */
  clipboardFails: false,
  /** ipcMain.handle's handlers, by channel. */
  ipc: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  /** Every channel anything registered on ipcMain, by any of its methods. */
  ipcRegistered: [] as string[],
  protocols: new Map<string, (request: Request) => Promise<Response>>(),
  privilegedSchemes: [] as unknown[],
  shortcuts: new Map<string, () => void>(),
  /** Accelerators other apps hold: register() answers false for them. */
  takenShortcuts: new Set<string>(),
  loginItem: { openAtLogin: false, refuse: undefined as string | undefined },
  userTasks: [] as unknown[],
  quits: 0,
  exitCode: undefined as number | undefined,
  lockHeld: false,
  lockReleased: 0,
  singleInstanceData: undefined as unknown,
  appEvents: new EventEmitter(),

  becomeReady(): void {
    if (control.ready) return;
    control.ready = true;
    control.appEvents.emit('ready');
    resolveReady();
  },
  /** A second launch, as Electron delivers it to the first instance ('second-instance', app.md). */
  secondInstance(argv: string[], additionalData?: unknown): void {
    control.appEvents.emit('second-instance', { preventDefault() {} }, argv, process.cwd(), additionalData);
  },
  /** The last tray's menu as its template (what setContextMenu got last). */
  menu(): MenuItemTemplate[] {
    return control.trays.at(-1)?.menu?.template ?? [];
  },
};

let resolveReady: () => void = () => undefined;
const readyPromise = new Promise<void>((resolve) => {
  resolveReady = resolve;
});

/** Rule: what Electron allows only after 'ready'. Each caller cites where Electron says so. */
function afterReady(what: string): void {
  if (!control.ready) throw new StandInError(what);
}

// ---------------------------------------------------------------------------------------------
// app (docs/api/app.md)

const appPaths = [
  'home',
  'appData',
  'userData',
  'sessionData',
  'temp',
  'exe',
  'module',
  'desktop',
  'documents',
  'downloads',
  'music',
  'pictures',
  'videos',
  'recent',
  'logs',
  'crashDumps',
];

export const app = {
  on(event: string, listener: Handler) {
    control.appEvents.on(event, listener as (...args: unknown[]) => void);
    return app;
  },
  once(event: string, listener: Handler) {
    control.appEvents.once(event, listener as (...args: unknown[]) => void);
    return app;
  },
  off(event: string, listener: Handler) {
    control.appEvents.off(event, listener as (...args: unknown[]) => void);
    return app;
  },
  emit: (event: string, ...args: unknown[]) => control.appEvents.emit(event, ...args),
  isReady: () => control.ready,
  /** 'ready' comes after the main script's first turn, never during it (app.md, Event: 'ready'). */
  whenReady(): Promise<void> {
    if (!control.ready && !control.holdReady) setImmediate(() => control.becomeReady());
    return readyPromise;
  },
  requestSingleInstanceLock(additionalData?: unknown): boolean {
    control.singleInstanceData = additionalData;
    control.lockHeld = true;
    return true;
  },
  releaseSingleInstanceLock(): void {
    control.lockHeld = false;
    control.lockReleased += 1;
  },
  quit(): void {
    control.quits += 1;
    control.appEvents.emit('before-quit', { preventDefault() {} });
  },
  exit(code = 0): void {
    control.exitCode = code;
  },
  /** app.md, getPath: an unknown name throws ("Failed to get 'x' path"). */
  getPath(name: string): string {
    if (!appPaths.includes(name)) throw new StandInError(`Failed to get '${name}' path`);
    const path = control.paths[name] || (name === 'logs' ? join(control.paths.userData || tmpdir(), 'logs') : control.paths.userData);
    if (!path) throw new StandInError(`getPath('${name}'): the test set no path`);
    return path;
  },
  setPath(name: string, path: string): void {
    control.paths[name] = path;
  },
  getName: () => 'Umeet Tray',
  getVersion: () => '0.1.0',
  getPreferredSystemLanguages: () => [...control.languages],
  /** app.md: "This API must be called after the ready event is emitted." */
  getLocale(): string {
    afterReady('app.getLocale() must be called after the ready event (app.md)');
    return control.languages[0] ?? 'en-US';
  },
  getAppPath: () => process.cwd(),
  get isPackaged() {
    return control.isPackaged;
  },
  // Platform-specific members are absent elsewhere, as in Electron (app.md: `app.dock` is macOS-only;
  // setAppUserModelId, setUserTasks: Windows; login item settings: macOS and Windows).
  dock: process.platform === 'darwin' ? { hide: () => undefined, show: async () => undefined, setMenu: () => undefined } : undefined,
  ...(process.platform === 'win32'
    ? { setAppUserModelId: () => undefined, setUserTasks: (tasks: unknown[]) => void (control.userTasks = tasks) }
    : {}),
  ...(process.platform === 'darwin' || process.platform === 'win32'
    ? {
        getLoginItemSettings: () => ({ openAtLogin: control.loginItem.openAtLogin }),
        setLoginItemSettings: ({ openAtLogin }: { openAtLogin: boolean }) => {
          if (control.loginItem.refuse) throw new StandInError(control.loginItem.refuse);
          control.loginItem.openAtLogin = openAtLogin;
        },
      }
    : {}),
};

// ---------------------------------------------------------------------------------------------
// Tray, Menu, nativeImage

export interface MenuItemTemplate {
  id?: string;
  label?: string;
  type?: string;
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuItemTemplate[];
  click?: () => void;
}

class MenuStandIn extends EventEmitter {
  constructor(readonly template: MenuItemTemplate[]) {
    super();
  }
}

export const Menu = {
  buildFromTemplate(template: MenuItemTemplate[]): MenuStandIn {
    // menu.md: every item needs a label, a role, a type 'separator', or a submenu.
    const check = (items: MenuItemTemplate[]) => {
      for (const item of items) {
        if (item.type !== 'separator' && typeof item.label !== 'string' && !item.submenu)
          throw new StandInError('Invalid template for MenuItem: must have at least one of label, role or type');
        if (item.submenu) check(item.submenu);
      }
    };
    check(template);
    return new MenuStandIn(template);
  },
  setApplicationMenu: () => undefined,
};

export const nativeImage = { createFromPath: (path: string) => ({ path, isEmpty: () => false }) };

export class TrayStandIn extends EventEmitter {
  image: unknown;
  tooltip = '';
  menu: MenuStandIn | null = null;
  destroyed = false;
  constructor(image: unknown) {
    super();
    // Not stated in tray.md, whose every example creates the tray in whenReady(); the harsher reading: it throws.
    afterReady('Cannot create Tray before app is ready (tray.md: created in app.whenReady())');
    this.image = image;
    control.trays.push(this);
  }
  setImage(image: unknown) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  /** tray.md: on Linux the menu must be set again for a change to show (libappindicator). */
  setContextMenu(menu: MenuStandIn | null) {
    this.menu = menu;
  }
  popUpContextMenu() {}
  isDestroyed = () => this.destroyed;
  destroy() {
    this.destroyed = true;
  }
}
export { TrayStandIn as Tray };

// ---------------------------------------------------------------------------------------------
// Notification (docs/api/notification.md)

export class NotificationStandIn extends EventEmitter {
  static isSupported = () => true;
  shown = false;
  constructor(readonly options: { title: string; body: string; silent?: boolean }) {
    super();
    // shell/browser/api/electron_api_notification.cc: "Cannot create Notification before app is ready".
    afterReady('Cannot create Notification before app is ready');
    control.notifications.push(this);
  }
  get title() {
    return this.options.title;
  }
  get body() {
    return this.options.body;
  }
  show() {
    this.shown = true;
  }
  /** What the user does: clicks it. */
  click() {
    this.emit('click', { preventDefault() {} });
  }
}
export { NotificationStandIn as Notification };

// ---------------------------------------------------------------------------------------------
// BrowserWindow, webContents (docs/api/browser-window.md: "This module cannot be used until the ready event")

class WebContentsStandIn extends EventEmitter {
  sent: unknown[][] = [];
  destroyed = false;
  windowOpenHandler?: (details: { url: string }) => unknown;
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  isDestroyed = () => this.destroyed;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindowStandIn extends EventEmitter {
  static getAllWindows = () => control.windows.filter((w) => !w.destroyed);
  static getFocusedWindow = () => null;
  webContents = new WebContentsStandIn();
  urls: string[] = [];
  title: string;
  visible = false;
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    // shell/browser/api/electron_api_browser_window.cc: "Cannot create BrowserWindow before app is ready".
    afterReady('Cannot create BrowserWindow before app is ready');
    this.title = String(options.title ?? '');
    control.windows.push(this);
    control.appEvents.emit('web-contents-created', { preventDefault() {} }, this.webContents);
  }
  loadURL(url: string) {
    this.urls.push(url);
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  setTitle(title: string) {
    this.title = title;
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  isVisible = () => this.visible;
  show() {
    this.visible = true;
    this.emit('show');
  }
  hide() {
    this.visible = false;
    this.emit('hide');
  }
  focus() {}
  restore() {}
  /** What the user does: closes it (the app may prevent it, as it does to hide instead). */
  close() {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
  destroy() {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}
export { BrowserWindowStandIn as BrowserWindow };

// ---------------------------------------------------------------------------------------------
// ipcMain (docs/api/ipc-main.md; lib/browser/ipc-main-impl.ts)

export const ipcMain = {
  handle(channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) {
    // lib/browser/ipc-main-impl.ts: a second handler for one channel throws.
    if (control.ipc.has(channel)) throw new StandInError(`Attempted to register a second handler for '${channel}'`);
    control.ipcRegistered.push(channel);
    control.ipc.set(channel, listener);
  },
  handleOnce: (channel: string) => void control.ipcRegistered.push(channel),
  on: (channel: string) => void control.ipcRegistered.push(channel),
  once: (channel: string) => void control.ipcRegistered.push(channel),
  addListener: (channel: string) => void control.ipcRegistered.push(channel),
  removeHandler: (channel: string) => void control.ipc.delete(channel),
};

// ---------------------------------------------------------------------------------------------
// protocol, session (protocol.md: "All methods unless specified can only be used after the ready
// event"; registerSchemesAsPrivileged only before it, once. session.md: defaultSession "available
// after app.whenReady is called")

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    if (control.ready) throw new StandInError('protocol.registerSchemesAsPrivileged can only be used before the ready event (protocol.md)');
    if (control.privilegedSchemes.length)
      throw new StandInError('protocol.registerSchemesAsPrivileged can be called only once (protocol.md)');
    control.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    afterReady('protocol.handle can only be used after the ready event (protocol.md)');
    if (control.protocols.has(scheme)) throw new StandInError(`The scheme has been registered: ${scheme}`);
    control.protocols.set(scheme, handler);
  },
  isProtocolHandled: (scheme: string) => control.protocols.has(scheme),
};

const permissionHandlers = {
  request: undefined as undefined | ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  check: undefined as undefined | ((webContents: unknown, permission: string) => boolean),
};
export const sessions = { permissionHandlers };

export const session = {
  get defaultSession() {
    afterReady('session.defaultSession is available after app.whenReady (session.md)');
    return {
      setPermissionRequestHandler: (handler: typeof permissionHandlers.request) => void (permissionHandlers.request = handler),
      setPermissionCheckHandler: (handler: typeof permissionHandlers.check) => void (permissionHandlers.check = handler),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// safeStorage (docs/api/safe-storage.md)

export const safeStorage = {
  /** safe-storage.md: "unknown - When the function is called before app has emitted the ready event." */
  getSelectedStorageBackend: (): StorageBackend => (control.ready ? control.backend : 'unknown'),
  /** safe-storage.md: on Linux, true only after 'ready' and with the secret key available. */
  isAsyncEncryptionAvailable: async () => control.ready && control.encryptionAvailable,
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (!control.ready || !control.encryptionAvailable)
      throw new StandInError('Error while encrypting the text provided to safeStorage.encryptStringAsync. Encryption is not available.');
    // Chromium's OSCrypt prefixes its ciphertext with the key's version; the stand-in's is reversible, not secret.
    return Buffer.concat([Buffer.from('v11'), Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a)]);
  },
  async decryptStringAsync(cipherText: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    if (!control.ready || !control.encryptionAvailable)
      throw new StandInError(
        'Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync. Decryption is not available.',
      );
    if (cipherText.subarray(0, 3).toString() !== 'v11')
      throw new StandInError('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.');
    return { result: Buffer.from(cipherText.subarray(3).map((b) => b ^ 0x5a)).toString('utf8'), shouldReEncrypt: false };
  },
};

// ---------------------------------------------------------------------------------------------
// shell, clipboard, dialog, globalShortcut

export const shell = {
  async openExternal(url: string) {
    control.opened.push(url);
  },
  async openPath(path: string) {
    control.openedPaths.push(path);
    return '';
  },
};

export const clipboard = {
  writeText(text: string) {
    if (typeof text !== 'string') throw new TypeError('Insufficient number of arguments.');
    if (control.clipboardFails) throw new StandInError('the clipboard could not be written');
    control.clipboard.push(text);
  },
  readText: () => control.clipboard.at(-1) ?? '',
};

export const dialog = {
  /** dialog.md: "This API can be called safely before the ready event". */
  showErrorBox(title: string, content: string) {
    control.errorBoxes.push({ title, content });
  },
  // lib/browser/api/dialog.ts: every other method throws before ready.
  async showMessageBox(...args: unknown[]) {
    afterReady('dialog module can only be used after app is ready');
    control.messageBoxes.push(args.at(-1) as Record<string, unknown>);
    return { response: control.messageBoxResponse, checkboxChecked: false };
  },
  async showSaveDialog() {
    afterReady('dialog module can only be used after app is ready');
    return control.saveDialogPath ? { canceled: false, filePath: control.saveDialogPath } : { canceled: true, filePath: '' };
  },
  async showOpenDialog() {
    afterReady('dialog module can only be used after app is ready');
    return control.openDialogPath ? { canceled: false, filePaths: [control.openDialogPath] } : { canceled: true, filePaths: [] };
  },
};

export const globalShortcut = {
  // shell/browser/api/electron_api_global_shortcut.cc: "globalShortcut cannot be used before the app is ready".
  register(accelerator: string, callback: () => void): boolean {
    afterReady('globalShortcut cannot be used before the app is ready');
    // global-shortcut.md: "When the accelerator is already taken by other applications, this call will silently fail" (false).
    if (control.takenShortcuts.has(accelerator)) return false;
    control.shortcuts.set(accelerator, callback);
    return true;
  },
  unregisterAll() {
    afterReady('globalShortcut cannot be used before the app is ready');
    control.shortcuts.clear();
  },
  isRegistered: (accelerator: string) => control.shortcuts.has(accelerator),
};

/** A fresh folder for a test's user data and logs. */
export function freshUserData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'umeet-stand-in-'));
  control.paths.userData = dir;
  return dir;
}

const electron = {
  app,
  BrowserWindow: BrowserWindowStandIn,
  Tray: TrayStandIn,
  Menu,
  nativeImage,
  Notification: NotificationStandIn,
  ipcMain,
  protocol,
  session,
  safeStorage,
  shell,
  clipboard,
  dialog,
  globalShortcut,
};
export default electron;
