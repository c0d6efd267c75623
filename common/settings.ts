import { z } from 'zod';
import { ProxySetting } from './proxy.js';
import { UserKey } from './umeet-api.js';

import { DEFAULT_API_BASE, DEFAULT_TIMEOUT_MS } from './api-defaults.js';

export { DEFAULT_API_BASE };
/** Longer URLs are not addresses people type; browsers and proxies cap them near here too. */
export const URL_MAX = 2048;

const loopback = (host: string) => host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

/** The API server: https only, except plain http on loopback for the local sandbox. */
export const ApiBaseUrl = z
  .string()
  .max(URL_MAX, `at most ${URL_MAX} characters`)
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        if (url.username || url.password || url.search || url.hash) return false;
        return url.protocol === 'https:' || (url.protocol === 'http:' && loopback(url.hostname));
      } catch {
        return false;
      }
    },
    { message: 'must be an https:// URL (http:// only on this computer, for the sandbox)' },
  );

/**
 * The host in what people paste for a trusted host: a whole link (`https://meet.example.com/j/1?x=1`
 * → `meet.example.com`), a host with a path or port, `*.example.com` (subdomains are trusted anyway), a
 * trailing dot, capitals. Anything else is returned as it is, for the check to refuse.
 */
export function hostOf(text: string): string {
  let host = text.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return host;
    }
  }
  host = host
    .replace(/^\*\./, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  return host.toLowerCase();
}

/** A host name the user trusts for links, e.g. `meet.example.com` (its subdomains are trusted too). */
export const TrustedHost = z
  .string()
  .max(URL_MAX, `at most ${URL_MAX} characters`)
  .transform(hostOf)
  .pipe(
    z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'must be a host name such as meet.example.com'),
  );

/** An Electron accelerator such as `CommandOrControl+Alt+M`; checked for real when it is registered. */
export const Accelerator = z
  .string()
  .max(64, 'at most 64 characters')
  .regex(
    /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+[A-Za-z0-9]$|^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+(F\d{1,2}|Space|Up|Down|Left|Right)$/,
    'must be modifiers and a key, such as CommandOrControl+Alt+M',
  );

export const Language = z.enum(['system', 'zh-CN', 'en']);
export type Language = z.infer<typeof Language>;

/** Each setting's schema, without its default: what a change may carry. */
const settingFields = {
  apiBaseUrl: ApiBaseUrl,
  language: Language,
  /** What a left click on the tray icon does (Windows and macOS; Linux trays always show the menu). */
  trayLeftClick: z.enum(['menu', 'start-default']),
  /** Starts the default preset from anywhere; off (null) unless the user records one. */
  globalShortcut: Accelerator.nullable(),
  requestTimeoutMs: z.number().int().min(3_000).max(60_000),
  trustedLinkHosts: z.array(TrustedHost).max(50),
  /** Sent as `user_key` by presets that set none, so `list` can find this user's meetings. */
  defaultUserKey: UserKey,
  /**
   * Linux without a keyring only: the user accepted that the credentials are stored with
   * Electron's `basic_text` backend, which any program running as the user can read.
   */
  allowWeakCredentialStorage: z.boolean(),
  /** How the API is reached: the OS's proxy (system settings, PAC), none, or one the user names. */
  proxy: ProxySetting,
  /**
   * How long the closed window stays ready (it reopens instantly meanwhile) before it is let go, which
   * frees its renderer process; opened again, it comes back as it was. 0: let go at once.
   */
  keepClosedWindowMinutes: z.number().int().min(0).max(60),
  /**
   * When the service refuses a start because no room of the preset's size is free: offer the next size
   * up with a free room (ask), or take it at once. Only after such a definite refusal, never after a
   * failure that may have reached the service.
   */
  whenNoRoom: z.enum(['ask', 'next-size-up']),
  /**
   * Check the release feed at start and every 12 hours, and download a newer version in the
   * background (main/updates/). "Check for updates…" in the tray works either way.
   */
  checkForUpdates: z.boolean(),
  /**
   * Minutes before each meeting in Upcoming at which a reminder is shown (main/features/reminders.ts);
   * 0: no reminders. Never earlier than the service lets the host open it (its `ready_time`).
   */
  meetingReminderMinutes: z.union([z.literal(0), z.literal(1), z.literal(5), z.literal(10), z.literal(15)]),
};

export const Settings = z.object({
  apiBaseUrl: settingFields.apiBaseUrl.default(DEFAULT_API_BASE),
  language: settingFields.language.default('system'),
  trayLeftClick: settingFields.trayLeftClick.default('menu'),
  globalShortcut: settingFields.globalShortcut.default(null),
  requestTimeoutMs: settingFields.requestTimeoutMs.default(DEFAULT_TIMEOUT_MS),
  trustedLinkHosts: settingFields.trustedLinkHosts.default([]),
  defaultUserKey: settingFields.defaultUserKey.optional(),
  allowWeakCredentialStorage: settingFields.allowWeakCredentialStorage.default(false),
  proxy: settingFields.proxy.default({ mode: 'system' }),
  keepClosedWindowMinutes: settingFields.keepClosedWindowMinutes.default(5),
  whenNoRoom: settingFields.whenNoRoom.default('ask'),
  checkForUpdates: settingFields.checkForUpdates.default(true),
  meetingReminderMinutes: settingFields.meetingReminderMinutes.default(5),
});
/** A change to some settings: only the fields it names, no defaults filled in. */
export const SettingsPatch = z.object(settingFields).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;
export type Settings = z.infer<typeof Settings>;

export const defaultSettings = (): Settings => Settings.parse({});
