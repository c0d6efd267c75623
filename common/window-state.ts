import { z } from 'zod';
import { VaultStatus } from './credentials.js';
import { Locale } from './i18n/locale.js';
import { Preset, PresetId } from './preset.js';
import { RecentMeeting } from './recent.js';
import { Settings } from './settings.js';
import { Licence } from './umeet-api.js';

/** Everything the window shows, read from main in one call and again after every change. */
export const WindowSnapshot = z.object({
  /** The UI language in effect (the setting, or the OS's on "system"). */
  locale: Locale,
  presets: z.array(Preset),
  defaultPresetId: z.string().optional(),
  settings: Settings,
  credentials: VaultStatus,
  recent: z.array(RecentMeeting),
  busy: z.array(z.string()),
  lastError: z.string().optional(),
  /** The licence as last verified, for the capacity choices. */
  licence: Licence.optional(),
  pendingChecks: z.array(z.object({ id: z.string(), topic: z.string() })),
  /** Entries set aside when the store was loaded (they are kept in the file). */
  quarantined: z.number().int().nonnegative(),
  /** Why changes are not being saved to disk right now, in the user's language (they are kept in memory). */
  saveProblem: z.string().optional(),
});
export type WindowSnapshot = z.infer<typeof WindowSnapshot>;

/** A refusal with the field it is about, as main's validation gives it. */
export const FieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;

/**
 * A change main checked: refused with the field named, or made. A change that was made but could
 * not be written to disk says why in `notSaved` (it stays in memory and is written later).
 */
export const checked = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value, notSaved: z.string().optional() }),
    z.object({ ok: z.literal(false), error: FieldError }),
  ]);

/** A preset as the editor sends it: without an id it is new. */
export const PresetInput = Preset.extend({ id: PresetId.optional() });
export type PresetInput = z.input<typeof PresetInput>;

export const RecentAction = z.enum([
  'open-participant',
  'open-host',
  'copy-join-link',
  'copy-meeting-id',
  'copy-host-key',
  'copy-invitation',
  'open-live',
  'end',
]);

/** The window's sections; main can ask the window to show one (e.g. "Set up credentials…"). */
export const Section = z.enum(['presets', 'recent', 'settings']);
export type Section = z.infer<typeof Section>;
