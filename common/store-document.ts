import { z } from 'zod';
import { CredentialRecord } from './credentials.js';
import { Preset } from './preset.js';
import { RecentMeeting } from './recent.js';
import { Settings } from './settings.js';

/** The version of the store file this build writes; migrations bring older files up to it. */
export const STORE_SCHEMA_VERSION = 2;

/** An entry that failed its schema on load: kept, with the reason, rather than dropped. */
export const QuarantinedEntry = z.object({
  /** Where it was, e.g. `presets[3]` or `settings.apiBaseUrl`. */
  where: z.string(),
  reason: z.string(),
  value: z.unknown(),
  at: z.iso.datetime({ offset: true }),
});
export type QuarantinedEntry = z.infer<typeof QuarantinedEntry>;

/** The whole store file, as this build writes it. */
export const StoreDocument = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  settings: Settings,
  presets: z.array(Preset),
  defaultPresetId: z.string().optional(),
  recent: z.array(RecentMeeting),
  credentials: CredentialRecord.optional(),
  quarantine: z.array(QuarantinedEntry),
});
export type StoreDocument = z.infer<typeof StoreDocument>;
