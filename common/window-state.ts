import { z } from 'zod';
import { CheckId } from './commands.js';
import { ProxyPasswordState, VaultStatus } from './credentials.js';
import { Locale } from './i18n/locale.js';
import { PolicyView } from './policy.js';
import { Preset, PresetId } from './preset.js';
import { RecentMeeting } from './recent.js';
import { Settings } from './settings.js';
import { Section } from './commands.js';
import { Licence } from './umeet-api.js';
import { UpcomingMeeting } from './scheduled.js';
import { UpdatesView } from './updates.js';

/** Start at login as the OS reports it, and why the last change was refused, if it was. */
export const StartAtLogin = z.object({ enabled: z.boolean(), error: z.string().optional() });
export type StartAtLogin = z.infer<typeof StartAtLogin>;

/**
 * Where the user can fix what made the last start fail: the credentials (none, unreadable,
 * refused), the preset (a value the service or the app refused), the settings (the API server or
 * the timeout: the service could not be reached, or answered as no Umeet server does), or the
 * "was it created?" check (the request may have reached the service; `checkId` names the check).
 */
export const ErrorFix = z.enum(['credentials', 'preset', 'settings', 'proxy', 'check']);
export type ErrorFix = z.infer<typeof ErrorFix>;

/** The last failed start, as the tray and the window show it: rendered from data each time, in the current language. */
export const LastError = z.object({
  at: z.iso.datetime({ offset: true }),
  presetId: z.string().optional(),
  presetName: z.string().optional(),
  message: z.string(),
  fix: ErrorFix.optional(),
  /** No room of the preset's size was free: the next size up with one, to start it there instead. */
  offer: z.object({ capacity: z.number().int().positive(), from: z.number().int().positive() }).optional(),
  checkId: CheckId.optional(),
});
export type LastError = z.infer<typeof LastError>;

/** Free rooms of the size the service would give a preset, for its length starting now (main/meetings/availability.ts). */
export const FreeRooms = z.object({
  capacity: z.number().int().positive(),
  total: z.number().int().nonnegative(),
  free: z.number().int().nonnegative(),
});
export type FreeRooms = z.infer<typeof FreeRooms>;

/**
 * Everything the tray and the window show: main's one state (`app.state()`), of which each feature
 * (main/features/) gives its part. The window's snapshot is this less what only the tray shows; the
 * tray's state is computed from it (main/tray/tray-state.ts). Not parsed at run time (it is built on
 * every change, the click's included): the schema is its type, and the IPC contract parses the snapshot.
 */
export const AppState = z.object({
  /** The UI language in effect (the setting, or the OS's on "system"). */
  locale: Locale,
  // Read-only: the store hands out the same list while it is unchanged, and followers compare by identity.
  presets: z.array(Preset).readonly(),
  defaultPresetId: z.string().optional(),
  settings: Settings,
  startAtLogin: StartAtLogin,
  credentials: VaultStatus,
  recent: z.array(RecentMeeting).readonly(),
  /** The presets being started (a second click joins the first). */
  busy: z.array(z.string()),
  /** Until the next successful start, or until the user dismisses it (`dismiss-error`). */
  lastError: LastError.optional(),
  /** The text of the last notification the OS would not show (the tray shows it instead). */
  lastEvent: z.string().optional(),
  /** The licence as last verified, for the capacity choices. */
  licence: Licence.optional(),
  pendingChecks: z.array(z.object({ id: z.string(), topic: z.string() })),
  /** Entries set aside when the store was loaded (they are kept in the file). */
  quarantined: z.number().int().nonnegative(),
  /** Why changes are not being saved to disk right now, in the user's language (they are kept in memory). */
  saveProblem: z.string().optional(),
  /** Where updates are, in the user's language, as the tray's line says it ("Downloading v0.2.0… 45%"); absent when it says nothing. */
  updateLine: z.string().max(300).optional(),
  /** Whether a proxy password is set, and where it is kept; never the password. */
  proxyPassword: ProxyPasswordState,
  /** What the company policy locks, which presets are the company's (listed first), which keys it ignored and why. */
  policy: PolicyView,
  /** Free rooms for each preset starting now (by preset id), from the last read when the tray menu opened. */
  roomsFree: z.record(z.string(), FreeRooms),
  /** Updates: where the check or download is, and the running version. */
  updates: UpdatesView,
  /** The meetings booked for later, not started yet, from the last read of the Upcoming list. */
  upcoming: z.array(UpcomingMeeting).readonly(),
  /** The meeting starting within 15 minutes, for the tray's top line (main/features/reminders.ts); the tray's own. */
  nextMeeting: z.object({ meetingId: z.string(), topic: z.string(), start: z.iso.datetime({ offset: true }) }).optional(),
});
export type AppState = z.infer<typeof AppState>;

/** Everything the window shows, read from main in one call and again after every change: the app's state but the tray's own lines. */
export const WindowSnapshot = AppState.omit({ lastEvent: true, nextMeeting: true });
export type WindowSnapshot = z.infer<typeof WindowSnapshot>;

/** A form's values as its inputs hold them. */
const FormValues = z.record(z.string().max(64), z.unknown());

/** The most a window's kept state may weigh: drafts of every preset at once fit many times over. */
export const WINDOW_UI_MAX_BYTES = 512 * 1024;

/**
 * The window's own state, which main keeps for it while it lives and after it is let go (closed for a
 * while: main/electron/main-window.ts): where the user was, what was unfolded and scrolled to, and
 * every unsaved edit. In memory only; never a secret (the credentials' and the proxy password's inputs
 * are not drafts).
 */
export const WindowUi = z
  .object({
    section: Section,
    selectedPresetId: z.string().max(64).optional(),
    /**
     * Unsaved form values by section, as the inputs hold them: each preset's form by its id ("new" for one not
     * saved yet), the settings form, the schedule form (Upcoming).
     */
    drafts: z.object({
      presets: z.record(z.string().max(64), FormValues),
      settings: FormValues.optional(),
      upcoming: FormValues.optional(),
    }),
    /** Small facts of the view: scroll positions, what is unfolded, which pane a narrow window shows. */
    view: z.record(z.string().max(100), z.union([z.string().max(200), z.number(), z.boolean()])),
  })
  .refine((ui) => JSON.stringify(ui).length <= WINDOW_UI_MAX_BYTES, { message: `at most ${WINDOW_UI_MAX_BYTES} bytes` });
export type WindowUi = z.infer<typeof WindowUi>;

/** Who is in a meeting, as the window shows it on request: names and devices, never addresses. */
export const ParticipantsView = z.object({
  count: z.number().int().nonnegative(),
  participants: z.array(
    z.object({
      name: z.string().max(200),
      device: z.string().max(100).optional(),
      joinedAt: z.iso.datetime({ offset: true }).optional(),
      /** Absent while they are still in it. */
      leftAt: z.iso.datetime({ offset: true }).optional(),
    }),
  ),
});
export type ParticipantsView = z.infer<typeof ParticipantsView>;

/** A preset as the editor sends it: without an id it is new. */
export const PresetInput = Preset.extend({ id: PresetId.optional() });
export type PresetInput = z.input<typeof PresetInput>;
