import { z } from 'zod';
import { PresetId } from './preset.js';
import { sectionNames } from './sections.js';
import { MeetingCapacity, MeetingId } from './umeet-api.js';

/**
 * Everything a user can ask of the app, from any surface: a tray item, a button in the window (the
 * `run` IPC channel), a launcher or a second launch (`--start=…`), the global shortcut. Each is one
 * `Command`; one `run(command)` in main/app.ts carries it out. To add one: add a member here, and
 * the exhaustive switch in `run` (and the typecheck) shows what else must know about it.
 */

/** The window's sections; a command can open the window on one (e.g. "Set up credentials…" on settings). */
export const Section = z.enum(sectionNames);
export type Section = z.infer<typeof Section>;

/** What can be copied of a recent meeting. */
export const CopyWhat = z.enum(['join-link', 'meeting-id', 'host-key', 'invitation']);
export type CopyWhat = z.infer<typeof CopyWhat>;

/** What can be done with a meeting booked for later. */
export const ScheduledAction = z.enum(['open-host', 'copy-invitation', 'add-to-calendar', 'save-ics', 'cancel']);
export type ScheduledAction = z.infer<typeof ScheduledAction>;

/** A create that may or may not have happened, waiting for the user to ask the service. */
export const CheckId = z.string().regex(/^check-\d{1,9}$/, 'must be a pending check');

export const Command = z.discriminatedUnion('type', [
  /** Start a meeting from a preset (the click path); `capacity`: in a room of that size instead of the preset's. */
  z.strictObject({ type: z.literal('start'), presetId: PresetId, capacity: MeetingCapacity.optional() }),
  /** Start the default preset (global shortcut, left click, launchers). */
  z.strictObject({ type: z.literal('start-default') }),
  /** After an ambiguous failure: ask the service whether the meeting was created. */
  z.strictObject({ type: z.literal('check-created'), checkId: CheckId }),
  /** Open a recent meeting in the browser, as participant (its join link) or as host (a fresh host link). */
  z.strictObject({ type: z.literal('open-meeting'), meetingId: MeetingId, as: z.enum(['participant', 'host']) }),
  z.strictObject({ type: z.literal('copy'), meetingId: MeetingId, what: CopyWhat }),
  z.strictObject({ type: z.literal('open-live'), meetingId: MeetingId }),
  /** End a recent meeting for everyone, after a confirmation. */
  z.strictObject({ type: z.literal('end-meeting'), meetingId: MeetingId }),
  /** A recent meeting in a room of another size: the service may refuse (no room of that size free). */
  z.strictObject({ type: z.literal('resize-meeting'), meetingId: MeetingId, capacity: MeetingCapacity }),
  /**
   * A meeting booked for later (the Upcoming list, the tray's today and tomorrow): open it as host (a fresh
   * link; refused before the early-join window), copy its invitation, add it to the calendar (the OS's
   * calendar app), save its .ics (the save dialog), or cancel it (after a confirmation).
   */
  z.strictObject({ type: z.literal('scheduled'), meetingId: MeetingId, action: ScheduledAction }),
  z.strictObject({ type: z.literal('open-window'), section: Section.optional() }),
  /** Start at login, on or off: the OS's login item is the one truth. */
  z.strictObject({ type: z.literal('set-start-at-login'), enabled: z.boolean() }),
  z.strictObject({ type: z.literal('open-log-folder') }),
  /** The user closed the last error (the window's banner); the tray's warning line goes with it. */
  z.strictObject({ type: z.literal('dismiss-error') }),
  z.strictObject({ type: z.literal('quit') }),
  /** Ask the release feed now (the tray's "Check for updates…"), whether or not automatic checks are on. */
  z.strictObject({ type: z.literal('check-for-updates') }),
  /** Quit and install the downloaded update ("Restart to update to v…", or its notification). */
  z.strictObject({ type: z.literal('restart-to-update') }),
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];

/** What a command gives back beyond success: the meeting it started or adopted, if any. */
export const CommandValue = z.object({
  meetingId: z.string().optional(),
  /** For `check-created`: whether the service had the meeting. */
  found: z.boolean().optional(),
});
export type CommandValue = z.infer<typeof CommandValue>;
