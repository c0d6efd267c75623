/**
 * The names of the IPC channels, one per operation the window may ask of main, and of the events
 * main sends the window.
 *
 * Kept apart from the zod contract (`ipc-contract.ts`) so the sandboxed preload can list them
 * without bundling zod; the contract is typed against these lists, so a name without a route, or
 * a route without a name, fails typecheck. A channel's name is also its method on `window.umeet`;
 * an event `x` is subscribed to with `window.umeet.onX(callback)`.
 */
export const channels = [
  'appInfo',
  /** The window's words: one language's catalogue (main's language, or the one asked for), so the window bundles none. */
  'messages',
  /** A window's first answers in one (its words, its state, its saved layout, the app's facts): one round trip. */
  'opening',
  'snapshot',
  'savePreset',
  'deletePreset',
  'restorePreset',
  'movePreset',
  'duplicatePreset',
  'setDefaultPreset',
  'updateSettings',
  /** Checks the typed credentials with the service before storing them (or stores them unchecked, when asked). */
  'saveCredentials',
  /** The proxy's password (null removes it): kept in the vault like the API secret, never shown back. */
  'setProxyPassword',
  'clearCredentials',
  'verifyCredentials',
  'exportPresets',
  'importPresets',
  /** Any `Command` (common/commands.ts): what the tray's items do, the window does through this one channel. */
  'run',
  /**
   * What the window is in the middle of, that main must respect: the sections holding edits not saved
   * yet (quitting asks before it drops them), and recording a shortcut (the global one is let go meanwhile).
   */
  'windowState',
  /** What `windowState` last kept of the window's own state: a window made afresh opens as the last one was. */
  'savedUi',
  /** Who is (or was) in a recent meeting: shown on request, never stored or logged (personal data). */
  'participants',
  /** Free rooms of a size for a slot (the schedule form, as the slot or the size changes). */
  'freeSlot',
  /** Whether the service's repeat would book a series as asked (the schedule form, as the series changes); nothing is sent. */
  'planSeries',
  /** Book a meeting for later, or change one (`meetingId`): sent once, never resent by itself. */
  'schedule',
  /** After a booking whose series differs from the one asked for: send it again with the other numbering of days. */
  'fixSeries',
  /** The scheduled meetings not started yet (every page of the service's list), read now. */
  'upcoming',
  /** What the app kept of a meeting it booked (the form's values for Edit), without the password. */
  'booking',
  /** What the company's rooms were used for in a period of local dates (the Usage section), read now. */
  'usage',
  /** The same period's figures saved as a CSV file the user chooses (UTF-8 with a byte-order mark, for Excel). */
  'exportUsage',
  /** A form's values checked with the schema main enforces when they are saved (the window runs no zod). */
  'check',
] as const;
export type Channel = (typeof channels)[number];

export const events = ['stateChanged', 'navigate'] as const;
export type EventName = (typeof events)[number];

/** Prefix on the wire, so our channels never collide with Electron's or a library's. */
export const channelPrefix = 'umeet:';
