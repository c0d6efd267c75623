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
import { existsSync, mkdtempSync } from 'node:fs';
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
  /** The OS Electron runs on, for what differs by platform (the dock, mnemonics in menus). */
  platform: process.platform as NodeJS.Platform,
  paths: { userData: '', logs: '', temp: tmpdir(), home: tmpdir(), appData: '' } as Record<string, string>,
  languages: ['en-US'] as string[],
  isPackaged: false,
  /** safeStorage: the backend Electron chose (Linux), and whether encryption works. */
  backend: 'gnome_libsecret' as StorageBackend,
  encryptionAvailable: true,
  /**
   * Whether the keyring really gave Chromium a key. Electron picks the backend from the desktop, without
   * probing (safe-storage.md, getSelectedStorageBackend); with no working Secret Service Chromium falls back
   * to a fixed key, and its ciphertext starts `v10` instead of `v11` (Chromium os_crypt_linux.cc).
   */
  keyringWorks: true,
  /**
   * Whether a StatusNotifier host (the thing that draws tray icons) runs. Without one, `new Tray()` does not
   * throw (electron#5872: GTK does not report it): the tray exists and nobody sees it (`TrayStandIn.shown`).
   */
  statusNotifierHost: true,
  /**
   * A Wayland session: `'xwayland'` (the app under XWayland, `--ozone-platform=x11`) or `'native'`. In both, what
   * reaches the compositor without a focused window of the app's is dropped, unseen by the app:
   * - a clipboard write. Native: Chromium's ui/ozone/platform/wayland/host/wayland_clipboard.cc offers its data
   *   source even without an input serial, and the compositor ignores it; ui/base/clipboard/clipboard_ozone.cc
   *   then answers a read from its own copy while it believes it owns the selection. XWayland: KWin takes an X11
   *   selection only while an X11 window is active (KDE/kwin src/xwayland/clipboard.cpp, doHandleXfixesNotify:
   *   "clipboard is only allowed to be acquired when Xwayland has focus"), and Chromium's X11 clipboard reads
   *   back its own data while the X server says it owns the selection. The harsher reading: every compositor.
   * - a global shortcut. Under XWayland it is an X11 key grab, and Xwayland gets keys only while one of its
   *   windows has focus (global-shortcut.md, "Usage on Linux": on X11 keys are grabbed from the X server;
   *   CopyQ#1843, cherry-studio#20524). Natively it goes through the GlobalShortcuts portal, which
   *   xdg-desktop-portal-wlr (sway) does not implement and GNOME grants only after a consent dialog; the
   *   harsher reading: not delivered without focus either.
   * - focus itself: `show()` and `focus()` do not focus a window (xdg-activation needs a token the app does not
   *   have; GNOME says "… is ready" instead); only the user gives focus (`control.userFocuses`).
   */
  wayland: false as false | 'xwayland' | 'native',
  /** The window that has keyboard focus, if any (`BrowserWindow.getFocusedWindow()`). */
  focusedWindow: null as BrowserWindowStandIn | null,
  /** Switches the app appended with `app.commandLine.appendSwitch` (before 'ready': after it, Chromium has read them). */
  switches: {} as Record<string, string>,
  /** The dock's menu (macOS: `app.dock.setMenu`), as shown. */
  dockMenu: [] as MenuItemTemplate[],
  /** Windows' own proxy settings ("Use a proxy server", per protocol), as Chromium reads them; see resolveProxy. */
  windowsProxyRules: undefined as string | undefined,
  /** Makes every notification fail to show (macOS refuses unsigned apps: notification.md, Event: 'failed'). */
  notificationsFail: undefined as string | undefined,
  /** What `Menu.setApplicationMenu` got: 'default' until it is called (Electron then shows its own, with Reload). */
  applicationMenu: 'default' as 'default' | null | MenuItemTemplate[],
  /** Set by `app.relaunch()`: the arguments the next instance gets. */
  relaunched: undefined as string[] | undefined,
  /** Whether a quit went through: 'before-quit' was not prevented (app.md, Event: 'before-quit'). */
  quitDone: 0,
  /** The dock's visibility on macOS, and when it was last asked to change. */
  dock: { visible: true, lastCall: Number.NEGATIVE_INFINITY, ignored: 0 },
  trays: [] as TrayStandIn[],
  windows: [] as BrowserWindowStandIn[],
  /** Every notification made: what it said, and the object itself only if something still holds it. */
  notifications: [] as { title: string; body: string; shown: boolean; failed?: string; object: WeakRef<NotificationStandIn> }[],
  errorBoxes: [] as { title: string; content: string }[],
  messageBoxes: [] as Record<string, unknown>[],
  /** The answer the next message boxes give (button index). */
  messageBoxResponse: 0,
  saveDialogPath: undefined as string | undefined,
  openDialogPath: undefined as string | undefined,
  opened: [] as string[],
  openedPaths: [] as string[],
  /** Makes shell.openPath fail with this message (no app for the file's type): it resolves with it, as Electron does. */
  openPathFails: undefined as string | undefined,
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
  /** What `session.defaultSession.resolveProxy(url)` answers, PAC-style (the OS's proxy settings, a PAC script). */
  proxyAnswer: 'DIRECT',
  /** URLs `resolveProxy` was asked about, in order. */
  proxyQueries: [] as string[],
  /** powerMonitor's events ('resume', 'unlock-screen'…), for a test to emit. */
  powerEvents: new EventEmitter(),

  becomeReady(): void {
    if (control.ready) return;
    // Chromium picks the Linux password store when it starts: `--password-store` overrides the desktop's
    // choice (components/os_crypt/sync/key_storage_util_linux.cc, SelectBackend: "Explicitly requesting a store
    // overrides other production logic"); on a desktop it does not know (sway, i3, Hyprland: DESKTOP_ENVIRONMENT_
    // OTHER) it is BASIC_TEXT. `control.backend` is the desktop's choice.
    const store = control.switches['password-store'];
    if (store) control.backend = passwordStores[store] ?? 'basic_text';
    control.ready = true;
    control.appEvents.emit('ready');
    resolveReady();
  },
  /**
   * A second launch, as Electron delivers it to the first instance (app.md, Event: 'second-instance'):
   * "argv … may be reordered and extended": Chromium puts switches first and positional values last, and
   * appends switches of its own (electron#20322, #32933). `additionalData` is what the second instance passed
   * to requestSingleInstanceLock().
   */
  secondInstance(argv: string[], additionalData?: unknown): void {
    const [program = 'electron', ...rest] = argv;
    const switches = rest.filter((arg) => arg.startsWith('-'));
    const positional = rest.filter((arg) => !arg.startsWith('-'));
    const delivered = [
      program,
      ...switches,
      '--allow-file-access-from-files',
      '--original-process-start-time=13370000000000000',
      ...positional,
    ];
    control.appEvents.emit('second-instance', { preventDefault() {} }, delivered, process.cwd(), additionalData);
  },
  /** macOS: the user opened the app again from Finder, Spotlight or the Dock (app.md, Event: 'activate'). */
  activate(hasVisibleWindows = false): void {
    control.appEvents.emit('activate', { preventDefault() {} }, hasVisibleWindows);
  },
  /**
   * The user clicks notification `index`. Electron keeps no reference to a shown Notification: once
   * nothing in the app holds it, it may be garbage-collected and its 'click' never comes (electron#12690,
   * #16922). So a forced collection runs first (the test process must run with --expose-gc), and the click
   * reaches only an object the app still holds. Returns whether it did.
   */
  clickNotification(index: number): boolean {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new StandInError('clickNotification needs the test process to run with --expose-gc');
    gc();
    const notification = control.notifications.at(index)?.object.deref();
    notification?.click();
    return Boolean(notification);
  },
  /** The user clicks into a window: it gets focus, whatever the compositor (see `wayland`). */
  userFocuses(window: BrowserWindowStandIn): void {
    window.takeFocus();
  },
  /**
   * The user presses a global shortcut. Returns whether it reached the app: not in a Wayland session while no
   * window of the app's has focus (see `wayland`).
   */
  pressShortcut(accelerator: string): boolean {
    const callback = control.shortcuts.get(accelerator);
    if (!callback || (control.wayland && !control.focusedWindow)) return false;
    callback();
    return true;
  },
  /**
   * Windows: the user clicks a toast in the Action Center. Toasts stay there after the app quits and starts
   * again, and a click reaches `Notification.handleActivation` "regardless of whether the original Notification
   * object is still in memory", after a restart too (notification.md, handleActivation). So `actionCenter`
   * outlives reset(), and a click delivers the toast's `launch` argument to the handler of the app running now.
   */
  clickToast(index: number): boolean {
    const launch = actionCenter.at(index);
    const handler = NotificationStandIn.activationHandler;
    if (launch === undefined || !handler) return false;
    handler({ type: 'click', arguments: launch });
    return true;
  },
  /** The toasts in Windows' Action Center, oldest first: their `launch` arguments. Kept across reset() (a restart). */
  actionCenter: (): readonly string[] => actionCenter,
  /**
   * macOS: Quit from the Dock's menu (or the OS quitting the app for an update): NSApp terminates, which is
   * 'before-quit' and, unless prevented, the end (app.md, Event: 'before-quit').
   */
  dockQuit(): void {
    app.quit();
  },
  /**
   * Logging out, restarting or shutting down: powerMonitor 'shutdown' (power-monitor.md, Linux and macOS),
   * then the quit. (On Windows, 'before-quit' is not even emitted then: app.md.)
   */
  osShutdown(): void {
    control.powerEvents.emit('shutdown', quitEvent());
    app.quit();
  },
  /** The last tray's menu as its template (what setContextMenu got last). */
  menu(): MenuItemTemplate[] {
    return control.trays.at(-1)?.menu?.template ?? [];
  },
  reset: (): void => reset(),
};

// Electron sets process.resourcesPath in every process (process.md); a packaged app finds its resources there.
if (!('resourcesPath' in process))
  Object.defineProperty(process, 'resourcesPath', { value: join(tmpdir(), 'umeet-stand-in-resources'), configurable: true });

let resolveReady: () => void = () => undefined;
let readyPromise = new Promise<void>((resolve) => {
  resolveReady = resolve;
});
/** The objects and methods of `control` that reset() empties or keeps, rather than copying them afresh. */
const kept = new Set([
  'appEvents',
  'powerEvents',
  'ipc',
  'protocols',
  'shortcuts',
  'takenShortcuts',
  'becomeReady',
  'secondInstance',
  'activate',
  'clickNotification',
  'userFocuses',
  'pressShortcut',
  'clickToast',
  'actionCenter',
  'dockQuit',
  'osShutdown',
  'menu',
  'reset',
]);
const initial = structuredClone(Object.fromEntries(Object.entries(control).filter(([key]) => !kept.has(key))));

/**
 * Electron as it is when a process starts: not ready, nothing registered, nothing recorded. Tests that
 * start the composition root more than once in one file call this first (Vitest keeps a mocked module).
 * Every other field goes back to its first value, `undefined` too (a refusal a test set, a dialog's answer).
 */
function reset(): void {
  const fresh = structuredClone(initial) as Record<string, unknown>;
  for (const [key, value] of Object.entries(fresh)) (control as Record<string, unknown>)[key] = value;
  control.appEvents.removeAllListeners();
  control.powerEvents.removeAllListeners();
  control.ipc.clear();
  control.protocols.clear();
  control.shortcuts.clear();
  control.takenShortcuts.clear();
  readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  lastWritten = undefined;
  permissionHandlers.request = undefined;
  permissionHandlers.check = undefined;
  NotificationStandIn.activationHandler = undefined;
}

/** Toasts in Windows' Action Center: they outlive the process (and so reset()). */
const actionCenter: string[] = [];

/** An Electron Event (electron.d.ts: `preventDefault()` and `defaultPrevented`). */
function quitEvent(): { preventDefault(): void; readonly defaultPrevented: boolean } {
  let prevented = false;
  return {
    preventDefault: () => void (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
}

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
  /** app.md, Event: 'before-quit': "Calling event.preventDefault() will prevent the default behavior, which is terminating the application." */
  quit(): void {
    control.quits += 1;
    const event = quitEvent();
    control.appEvents.emit('before-quit', event);
    if (!event.defaultPrevented) control.quitDone += 1;
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
  /** app.md: `app.name`, the productName of package.json. */
  name: 'Umeet Tray',
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
  /**
   * app.md, relaunch: the new instance starts "when the current instance exits". Electron starts it through a
   * helper that is the running executable (shell/browser/relauncher.cc: "Use the currently-running application's
   * helper process"), and it waits for this process to end. In an AppImage that executable is inside the
   * AppImage's mount (/tmp/.mount_*), which is unmounted when this process exits: the relaunch never starts, with
   * or without `execPath` (electron-builder#1727, #4650). So in an AppImage session (APPIMAGE set) it is fatal.
   */
  relaunch(options: { args?: string[]; execPath?: string } = {}): void {
    if (process.env.APPIMAGE)
      throw new StandInError('app.relaunch() in an AppImage: the relauncher runs from the mount, which is gone once this process exits');
    control.relaunched = options.args ?? process.argv.slice(1);
  },
  /**
   * The switches this process was started with (command-line.md); appendSwitch adds to them. command-line-switches.md:
   * append them "in your app's main script before the ready event"; after it Chromium has read them, and the
   * stand-in throws rather than ignore one silently (the harsher reading).
   */
  commandLine: {
    hasSwitch: (name: string) =>
      name in control.switches || process.argv.some((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`)),
    getSwitchValue: (name: string) =>
      control.switches[name] ?? process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? '',
    appendSwitch(name: string, value = ''): void {
      if (control.ready)
        throw new StandInError(`app.commandLine.appendSwitch('${name}') after ready: Chromium has already read its switches`);
      control.switches[name] = value;
    },
  },
  // Platform-specific members are absent elsewhere, as in Electron (app.md: `app.dock` is macOS-only;
  // setAppUserModelId, setUserTasks: Windows; login item settings: macOS and Windows).
  get dock() {
    return control.platform === 'darwin' ? dock : undefined;
  },
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

/**
 * macOS's dock. electron.d.ts (Dock.hide): "Known issue: Calling dock.hide() within one second of a
 * previous call will have no effect." Unclear whether "a previous call" means of hide() alone; the harsher
 * reading: of any call that changes the dock (hide or show).
 */
const dock = {
  hide(): void {
    const now = Date.now();
    if (now - control.dock.lastCall < 1000) control.dock.ignored += 1;
    else control.dock.visible = false;
    control.dock.lastCall = now;
  },
  async show(): Promise<void> {
    control.dock.visible = true;
    control.dock.lastCall = Date.now();
  },
  isVisible: () => control.dock.visible,
  setMenu: (menu: MenuStandIn) => void (control.dockMenu = menu.template),
};

/** `--password-store` values (command-line-switches.md) and the backend each gives (safe-storage.md). */
const passwordStores: Record<string, StorageBackend> = {
  basic: 'basic_text',
  'gnome-libsecret': 'gnome_libsecret',
  kwallet: 'kwallet',
  kwallet5: 'kwallet5',
  kwallet6: 'kwallet6',
};

// ---------------------------------------------------------------------------------------------
// Tray, Menu, nativeImage

export interface MenuItemTemplate {
  id?: string;
  role?: string;
  label?: string;
  /** What the user sees: `&` marks a mnemonic and `&&` is a literal `&`, on every platform (see Menu.buildFromTemplate). */
  shown?: string;
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
        if (item.type !== 'separator' && typeof item.label !== 'string' && !item.submenu && !item.role)
          throw new StandInError('Invalid template for MenuItem: must have at least one of label, role or type');
        if (item.submenu) check(item.submenu);
      }
    };
    check(template);
    const shown = (items: MenuItemTemplate[]): MenuItemTemplate[] =>
      items.map((item) => ({
        ...item,
        // `&` marks a mnemonic and `&&` is a literal `&` on Windows and Linux (menu.md), and on macOS too: Electron
        // runs every label through l10n_util::FixUpWindowsStyleLabel (shell/browser/ui/cocoa/electron_menu_controller.mm),
        // which drops a single `&` and turns `&&` into `&`. So "R&D" shows as "RD" in the tray and the dock menu.
        ...(item.label !== undefined ? { shown: item.label.replace(/&(&?)/g, (_all, literal: string) => literal) } : {}),
        ...(item.submenu ? { submenu: shown(item.submenu) } : {}),
      }));
    return new MenuStandIn(shown(template));
  },
  setApplicationMenu(menu: MenuStandIn | null): void {
    control.applicationMenu = menu ? menu.template : null;
  },
};

export const nativeImage = { createFromPath: (path: string) => ({ path, isEmpty: () => false }) };

export class TrayStandIn extends EventEmitter {
  image: unknown;
  tooltip = '';
  menu: MenuStandIn | null = null;
  destroyed = false;
  /** Whether anyone can see it: not without a StatusNotifier host, and nothing tells the app (electron#5872). */
  readonly shown: boolean;
  constructor(image: unknown) {
    super();
    // Not stated in tray.md, whose every example creates the tray in whenReady(); the harsher reading: it throws.
    afterReady('Cannot create Tray before app is ready (tray.md: created in app.whenReady())');
    this.shown = control.statusNotifierHost;
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
  /** notification.md (handleActivation, Windows): activations that arrive after the object is gone go here. */
  static activationHandler: ((details: { type: string; arguments: string }) => void) | undefined;
  static handleActivation(callback: (details: { type: string; arguments: string }) => void): void {
    NotificationStandIn.activationHandler = callback;
  }
  private record: (typeof control.notifications)[number];
  constructor(readonly options: { title: string; body: string; silent?: boolean; toastXml?: string }) {
    super();
    // shell/browser/api/electron_api_notification.cc: "Cannot create Notification before app is ready".
    afterReady('Cannot create Notification before app is ready');
    this.record = { title: options.title, body: options.body, shown: false, object: new WeakRef(this) };
    control.notifications.push(this.record);
    // Windows: the toast, with its launch argument, goes to the Action Center and stays there (see clickToast).
    const launch = options.toastXml && /<toast[^>]*\slaunch="([^"]*)"/.exec(options.toastXml)?.[1];
    if (launch !== undefined && launch !== '')
      actionCenter.push(launch.replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code))));
  }
  show() {
    this.record.shown = true;
    const failure = control.notificationsFail;
    if (failure) {
      this.record.failed = failure;
      setImmediate(() => this.emit('failed', { preventDefault() {} }, failure));
    } else {
      setImmediate(() => this.emit('show', { preventDefault() {} }));
    }
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
  static getFocusedWindow = () => (control.focusedWindow && !control.focusedWindow.destroyed ? control.focusedWindow : null);
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
  /**
   * A destroyed window's methods throw "Object has been destroyed" (Electron's gin wrappers; browser-window.md,
   * win.destroy: "the window is destroyed" and only isDestroyed() may still be asked).
   */
  private alive(): void {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
  }
  loadURL(url: string) {
    this.alive();
    this.urls.push(url);
    // A window destroyed before its page was ready never says it is.
    setImmediate(() => !this.destroyed && this.emit('ready-to-show'));
    return Promise.resolve();
  }
  setTitle(title: string) {
    this.alive();
    this.title = title;
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => {
    this.alive();
    return false;
  };
  isVisible = () => {
    this.alive();
    return this.visible;
  };
  show() {
    this.alive();
    this.visible = true;
    this.emit('show');
    // Outside Wayland a shown window takes focus; in a Wayland session only the user gives it (see control.wayland).
    if (!control.wayland) this.takeFocus();
  }
  hide() {
    this.alive();
    this.visible = false;
    this.blur();
    this.emit('hide');
  }
  focus() {
    this.alive();
    if (!control.wayland && this.visible) this.takeFocus();
  }
  isFocused = () => control.focusedWindow === this;
  /** Focus arrives ('focus', browser-window.md); the window that had it loses it ('blur'). */
  takeFocus() {
    if (this.destroyed || !this.visible || control.focusedWindow === this) return;
    control.focusedWindow?.blur();
    control.focusedWindow = this;
    this.emit('focus');
    // app.md, Event: 'browser-window-focus'.
    control.appEvents.emit('browser-window-focus', quitEvent(), this);
  }
  private blur() {
    if (control.focusedWindow !== this) return;
    control.focusedWindow = null;
    this.emit('blur');
  }
  restore() {
    this.alive();
  }
  /** What the user does: closes it (the app may prevent it, as it does to hide instead). */
  close() {
    this.alive();
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
  destroy() {
    if (this.destroyed) return;
    this.blur();
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
      /** session.md, ses.resolveProxy: a promise of the PAC-style answer for the URL. */
      async resolveProxy(url: string): Promise<string> {
        control.proxyQueries.push(url);
        return control.windowsProxyRules === undefined ? control.proxyAnswer : pacOfWindowsRules(control.windowsProxyRules, url);
      },
    };
  },
};

/**
 * Windows' manual proxy settings ("http=a:80;https=b:443;socks=c:1080", or one "host:port" for all) as
 * `resolveProxy` answers them. Chromium: net/proxy_resolution/proxy_config.cc, ProxyRules::ParseFromString: "Note
 * that here 'socks' is understood to be SOCKS4" (`socks=` is the fallback for every scheme without its own
 * entry), and a SOCKS4 server is written `SOCKS host:port` in a PAC answer (net/base/proxy_string_util.cc).
 */
function pacOfWindowsRules(rules: string, url: string): string {
  const scheme = new URL(url).protocol.replace(':', '');
  const entries = rules.split(';').map((entry) => entry.trim().split('='));
  if (entries.length === 1 && entries[0]!.length === 1) return `PROXY ${entries[0]![0]}`;
  const own = entries.find(([key]) => key === scheme)?.[1];
  if (own) return `PROXY ${own}`;
  const socks = entries.find(([key]) => key === 'socks')?.[1];
  return socks ? `SOCKS ${socks}` : 'DIRECT';
}

/**
 * powerMonitor (power-monitor.md). Electron starts its native event source on the first listener
 * and only once the app is ready (lib/browser/api/power-monitor.ts); the docs are silent on earlier
 * use, so the harsher reading: a listener before 'ready' throws.
 */
export const powerMonitor = {
  on(event: string, listener: (...args: unknown[]) => void) {
    afterReady('powerMonitor cannot be used before the app is ready (lib/browser/api/power-monitor.ts)');
    control.powerEvents.on(event, listener);
    return powerMonitor;
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
    // Chromium's OSCrypt prefixes its ciphertext with the key's version: v11 a key from the keyring, v10 the
    // fixed fallback key (os_crypt_linux.cc). The stand-in's encryption is reversible, not secret.
    const version = control.backend === 'basic_text' || !control.keyringWorks ? 'v10' : 'v11';
    return Buffer.concat([Buffer.from(version), Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a)]);
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
  /**
   * shell.md, `shell.openPath(path)`: "Returns Promise<string> - Resolves with a string containing the error
   * message corresponding to the failure if a failure occurred, otherwise ''". It does not reject for a file it
   * cannot open: the caller must read the string. A path that is not there fails (the harsher reading: the
   * OS has nothing to open), as does every path while `control.openPathFails` says the OS has no app for it.
   */
  async openPath(path: string): Promise<string> {
    if (typeof path !== 'string') throw new TypeError(`Error processing argument at index 0, conversion failure from ${String(path)}`);
    if (!existsSync(path)) return `Failed to open path: ${path}`;
    if (control.openPathFails) return control.openPathFails;
    control.openedPaths.push(path);
    return '';
  },
};

/** What Chromium last wrote and believes it still owns: what its own reads answer (see control.wayland). */
let lastWritten: string | undefined;

/**
 * Electron 45's clipboard is asynchronous, as the W3C one (electron.d.ts, Clipboard: readText and writeText return
 * promises). `control.clipboard` is what other apps would paste. In a Wayland session a write while no window of the
 * app's has focus never gets there, and reading back still answers it (see control.wayland): a read-back proves nothing.
 */
export const clipboard = {
  async writeText(text: string): Promise<void> {
    if (typeof text !== 'string') throw new TypeError('Insufficient number of arguments.');
    if (control.clipboardFails) throw new StandInError('the clipboard could not be written');
    lastWritten = text;
    if (control.wayland && !BrowserWindowStandIn.getFocusedWindow()) return;
    control.clipboard.push(text);
  },
  readText: async (): Promise<string> => lastWritten ?? control.clipboard.at(-1) ?? '',
};

export const dialog = {
  /** dialog.md: "This API can be called safely before the ready event". */
  showErrorBox(title: string, content: string) {
    control.errorBoxes.push({ title, content });
  },
  // lib/browser/api/dialog.ts: every other method throws before ready.
  async showMessageBox(...args: unknown[]) {
    afterReady('dialog module can only be used after app is ready');
    const parent = args.length > 1 ? (args[0] as BrowserWindowStandIn | null | undefined) : undefined;
    const record = args.at(-1) as Record<string, unknown>;
    control.messageBoxes.push(record);
    // macOS: given a parent, the asynchronous box is a sheet on it whether or not it is visible
    // (shell/browser/ui/message_box_mac.mm, ShowMessageBox: `beginSheetModalForWindow` whenever there is a parent;
    // only the synchronous path checks IsVisible, electron#22671). On a hidden window nobody sees it: it never answers.
    if (control.platform === 'darwin' && parent && !parent.isVisible()) {
      record.sheetOnHiddenWindow = true;
      return new Promise<never>(() => undefined);
    }
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
  powerMonitor,
  safeStorage,
  shell,
  clipboard,
  dialog,
  globalShortcut,
};
export default electron;
