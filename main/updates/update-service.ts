import type { Logger } from '../../core/log.js';
import type { CommandNotify, Timers } from '../ports.js';
import type { Translate } from '../../common/i18n/index.js';

/**
 * Updates from the release feed (GitHub releases, electron-builder's `publish` config), behind a
 * small port so that everything here runs under Node: main/electron/updater.ts wraps
 * electron-updater's `autoUpdater`; the tests give it a client of a feed served on 127.0.0.1.
 *
 * When it checks: once after the tray shows, then every 12 hours while the app runs, on ONE timer
 * (the app holds no other timer when idle), only while "Check for updates automatically" is on. A
 * manual "Check for updates…" works whatever that setting says. Never in an unpackaged run (there
 * is no feed for a development build), and never on macOS for an unsigned build, which Squirrel.Mac
 * cannot update: the menu says so instead of failing. A failed or offline check is quiet: logged,
 * and shown on the menu's update line, never in a dialog.
 */

/** The release the feed offers, as the port reads it (its `latest*.yml`). */
export interface FeedRelease {
  version: string;
}

/** What the service needs of an updater (electron-updater's autoUpdater, or a test's feed client). */
export interface UpdaterPort {
  /** Whether this build can update itself: 'unsigned' on macOS without a Developer ID signature. */
  support(): Promise<'ok' | 'unsigned'>;
  /** Reads the feed: the release it offers, or undefined when it offers none. Rejects when the feed cannot be read. */
  check(): Promise<FeedRelease | undefined>;
  /**
   * Downloads the release the last check found (and verifies its sha512); resolves once it is ready to install.
   * `onProgress` gets the share done so far, 0–100 (electron-updater's `download-progress`), as often as it comes.
   */
  download(onProgress?: (percent: number) => void): Promise<void>;
  /** Quits the app and installs what was downloaded; the app starts again. */
  quitAndInstall(): void;
}

export type UpdateStatus =
  /** Nothing going on; `upToDate` once a check found nothing newer. */
  | { state: 'idle'; upToDate: boolean }
  | { state: 'checking' }
  | { state: 'available'; version: string }
  /** `percent`: whole percents done, once the download has said any (the tray's and the window's line show it). */
  | { state: 'downloading'; version: string; percent?: number }
  | { state: 'ready'; version: string }
  | { state: 'error'; message: string }
  /** `unpackaged`: a development run; `unsigned`: a macOS build without a signature, which cannot update itself. */
  | { state: 'unsupported'; reason: 'unpackaged' | 'unsigned' };

/** Twelve hours: releases are not that frequent, and a check is a request to GitHub. */
export const UPDATE_INTERVAL_MS = 12 * 60 * 60 * 1000;
/** The menu's line is short; the log has the whole message. */
const MESSAGE_MAX = 80;

/** A network failure is said as one: offline is the common case, not a bug. */
const OFFLINE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|CONNECTION_REFUSED|NETWORK_CHANGED|TIMED_OUT|ADDRESS_UNREACHABLE)/;

export function describeUpdateError(error: unknown, t: Translate): string {
  const text = error instanceof Error ? error.message : String(error);
  // Node's fetch says "fetch failed" and puts the socket's error (ECONNREFUSED…) in its cause.
  for (let cause: unknown = error, depth = 0; cause && depth < 4; cause = (cause as { cause?: unknown }).cause, depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if ((typeof code === 'string' && OFFLINE.test(code)) || (typeof message === 'string' && OFFLINE.test(message)))
      return t('update.offline');
  }
  // electron-updater's HttpError puts the status on the first line and the headers and body below it.
  const first = (text.split('\n').find((line) => line.trim()) ?? text).trim();
  return first.length > MESSAGE_MAX ? `${first.slice(0, MESSAGE_MAX - 1)}…` : first || t('update.unknownError');
}

export interface UpdateServiceOptions {
  /** `app.isPackaged`: a development run has no feed. */
  packaged: boolean;
  /** The running version (package.json's, `app.getVersion()`). */
  currentVersion: string;
  /** Loads the updater when first needed (main/index.ts imports electron-updater lazily, after the tray). */
  load: () => Promise<UpdaterPort>;
  /** The setting "Check for updates automatically". */
  automatic: () => boolean;
  timers: Timers;
  notify: CommandNotify;
  t: () => Translate;
  log: Logger;
  onChange: () => void;
}

export function createUpdateService(options: UpdateServiceOptions) {
  const { log } = options;
  let status: UpdateStatus = options.packaged ? { state: 'idle', upToDate: false } : { state: 'unsupported', reason: 'unpackaged' };
  let timer: unknown;
  let port: Promise<UpdaterPort | undefined> | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  /** Automatic checks begin once the tray shows; the setting as it was last seen. */
  let begun = false;
  let automatic = options.automatic();

  const set = (next: UpdateStatus) => {
    status = next;
    options.onChange();
  };
  const unschedule = () => {
    if (timer !== undefined) options.timers.clearTimeout(timer);
    timer = undefined;
  };
  /** The one timer: the next automatic check, 12 hours on, while checking automatically still makes sense. */
  const schedule = () => {
    unschedule();
    if (stopped || !options.automatic() || status.state === 'unsupported' || status.state === 'ready') return;
    timer = options.timers.setTimeout(() => {
      timer = undefined;
      void check('automatic');
    }, UPDATE_INTERVAL_MS);
  };

  /** The updater, once: undefined when this build cannot update itself (the status then says why). */
  function updater(): Promise<UpdaterPort | undefined> {
    port ??= (async () => {
      const loaded = await options.load();
      if ((await loaded.support()) === 'unsigned') {
        log.warn('updates: this build is not signed, and macOS updates only a signed app; not checking');
        set({ state: 'unsupported', reason: 'unsigned' });
        return undefined;
      }
      return loaded;
    })().catch((error: unknown) => {
      port = undefined;
      throw error;
    });
    return port;
  }

  async function run(why: 'automatic' | 'manual'): Promise<void> {
    set({ state: 'checking' });
    try {
      const client = await updater();
      if (!client) return set({ state: 'unsupported', reason: 'unsigned' });
      const offered = await client.check();
      // semver is loaded with the first check (after the tray), not at start-up.
      const semver = (await import('semver')).default;
      const version = offered && semver.valid(offered.version);
      if (!version || !semver.gt(version, options.currentVersion)) {
        log.info('updates: up to date', { why, current: options.currentVersion, offered: offered?.version ?? null });
        return set({ state: 'idle', upToDate: true });
      }
      log.info('updates: a newer version', { why, current: options.currentVersion, version });
      set({ state: 'available', version });
      set({ state: 'downloading', version });
      // Progress comes many times a second: the tray and the window change only when the whole percent does.
      await client.download((percent) => {
        const whole = Math.max(0, Math.min(100, Math.floor(percent)));
        if (status.state === 'downloading' && status.version === version && status.percent !== whole)
          set({ state: 'downloading', version, percent: whole });
      });
      log.info('updates: downloaded', { version });
      set({ state: 'ready', version });
      const t = options.t();
      options.notify({ title: t('update.readyTitle'), body: t('update.readyBody', { version }), command: { type: 'restart-to-update' } });
    } catch (error) {
      // Quiet: the log and the menu's line, never a dialog, never a throw.
      log.warn('updates: the check failed', { why, error: error instanceof Error ? error.message : String(error) });
      set({ state: 'error', message: describeUpdateError(error, options.t()) });
    }
  }

  /** One check at a time: a second ask while one runs joins it. */
  function check(why: 'automatic' | 'manual'): Promise<void> {
    if (stopped) return Promise.resolve();
    // A development run, or an unsigned macOS build: the menu says so; asking again changes nothing.
    if (status.state === 'unsupported') return Promise.resolve();
    // Downloaded already: nothing to check until the restart.
    if (status.state === 'ready') return Promise.resolve();
    running ??= run(why).finally(() => {
      running = undefined;
      schedule();
    });
    return running;
  }

  return {
    status: (): UpdateStatus => status,

    /** Once the tray shows: the first automatic check (which schedules the next). */
    begin(): void {
      begun = true;
      automatic = options.automatic();
      if (automatic) void check('automatic');
    },

    /** "Check for updates…": works whether or not checking automatically is on. */
    checkNow: (): Promise<void> => check('manual'),

    /** The setting changed: on, a check now (and every 12 hours); off, the timer goes. */
    settingChanged(): void {
      const was = automatic;
      automatic = options.automatic();
      if (!automatic) return unschedule();
      if (begun && !was && timer === undefined && !running) void check('automatic');
    },

    /** "Restart to update to v…": only once a download is ready. */
    install(): boolean {
      if (status.state !== 'ready') return false;
      void updater().then((client) => client?.quitAndInstall());
      return true;
    },

    /** Quit: the timer goes. */
    stop(): void {
      stopped = true;
      unschedule();
    },
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;
