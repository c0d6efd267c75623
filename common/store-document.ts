import { z } from 'zod';
import { CredentialRecord, ProxySecretRecord } from './credentials.js';
import { MAX_PRESETS, Preset } from './preset.js';
import { RECENT_LIMIT, RecentMeeting } from './recent.js';
import { BOOKED_LIMIT, BookedMeeting, ServiceFacts } from './scheduled.js';
import { Settings } from './settings.js';

/** The version of the store file this build writes; migrations bring older files up to it. */
export const STORE_SCHEMA_VERSION = 4;

/** An entry that failed its schema on load: kept, with the reason, rather than dropped. */
export const QuarantinedEntry = z.object({
  /** Where it was, e.g. `presets[3]` or `settings.apiBaseUrl`. */
  where: z.string().max(200),
  reason: z.string().max(1000),
  value: z.unknown(),
  at: z.iso.datetime({ offset: true }),
});
export type QuarantinedEntry = z.infer<typeof QuarantinedEntry>;

/** The whole store file, as this build writes it. */
export const StoreDocument = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  settings: Settings,
  presets: z.array(Preset).max(MAX_PRESETS),
  defaultPresetId: z.string().optional(),
  recent: z.array(RecentMeeting).max(RECENT_LIMIT),
  credentials: CredentialRecord.optional(),
  /** The proxy's password (Settings → Advanced → Proxy), encrypted as the credentials are. */
  proxyPassword: ProxySecretRecord.optional(),
  /**
   * The meetings this app booked for later, newest first (the last 50), without their passwords. Optional,
   * without a new version (as `credentials.verification`): a file from before it loads unchanged, and an
   * older build keeps it aside as "not understood" rather than losing it.
   */
  booked: z.array(BookedMeeting).max(BOOKED_LIMIT).optional(),
  /** What a "Fix the series" proved of the service (how it numbers days); optional, as `booked`. */
  serviceFacts: ServiceFacts.optional(),
  quarantine: z.array(QuarantinedEntry),
  /**
   * The settings the user changed in the app (names as in main/policy/effective.ts: `proxy.mode` for a part):
   * their choice beats a company policy's default (docs/admin-guide.md). Optional: older files have none.
   */
  changedSettings: z.array(z.string().max(100)).max(100).optional(),
});
export type StoreDocument = z.infer<typeof StoreDocument>;
