import type { z } from 'zod';
import { issueText } from '../../common/result.js';
import { CredentialRecord, ProxySecretRecord } from '../../common/credentials.js';
import { COMPANY_PRESET_PREFIX } from '../../common/policy.js';
import { MAX_PRESETS, Preset } from '../../common/preset.js';
import { RECENT_LIMIT, RecentMeeting } from '../../common/recent.js';
import { BOOKED_LIMIT, BookedMeeting, ServiceFacts } from '../../common/scheduled.js';
import { Settings } from '../../common/settings.js';
import { QuarantinedEntry, STORE_SCHEMA_VERSION, StoreDocument } from '../../common/store-document.js';

/**
 * Validates a migrated store entry by entry. Whatever fails its schema goes to the quarantine
 * list with the reason, and everything else loads: one bad preset never costs the others, and
 * nothing the user had is dropped without a trace.
 */

/** The entries a store file of this version has; anything else in a file is quarantined, not dropped. */
const knownEntries = new Set([
  'schemaVersion',
  'settings',
  'presets',
  'defaultPresetId',
  'recent',
  'credentials',
  'proxyPassword',
  'booked',
  'serviceFacts',
  'quarantine',
  'changedSettings',
]);

/** A quarantined value is kept in the file up to this size; a larger one only in the copy kept aside. */
const QUARANTINE_VALUE_MAX_BYTES = 64 * 1024;

function keepable(value: unknown): unknown {
  let size: number;
  try {
    size = Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return '[not serialisable]';
  }
  return size <= QUARANTINE_VALUE_MAX_BYTES
    ? value
    : `[${size} bytes: too large to keep here; the file as it was is kept beside the store]`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const absent = (value: unknown) => value === undefined || value === null;

/** A list entry of the file: an array, or nothing; anything else is set aside whole. */
function listOf(raw: Record<string, unknown>, key: string, aside: (where: string, reason: string, value: unknown) => void): unknown[] {
  const value = raw[key];
  if (Array.isArray(value)) return value;
  if (!absent(value)) aside(key, 'expected a list', value);
  return [];
}

export function loadEntries(raw: Record<string, unknown>, now: string): { document: StoreDocument; quarantined: QuarantinedEntry[] } {
  const quarantined: QuarantinedEntry[] = [];
  const aside = (where: string, reason: string, value: unknown) => quarantined.push({ where, reason, value: keepable(value), at: now });

  for (const [key, value] of Object.entries(raw)) {
    if (!knownEntries.has(key)) aside(key, 'unknown entry', value);
  }

  // Settings: field by field, so one bad value falls back to its default alone.
  if (!absent(raw.settings) && !isRecord(raw.settings)) aside('settings', 'expected an object', raw.settings);
  const rawSettings = isRecord(raw.settings) ? raw.settings : {};
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rawSettings)) {
    const schema = (Settings.shape as Record<string, z.ZodType>)[key];
    if (!schema) {
      aside(`settings.${key}`, 'unknown setting', value);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) fields[key] = parsed.data;
    else aside(`settings.${key}`, issueText(parsed.error), value);
  }
  const settings = Settings.parse(fields);

  const presets: StoreDocument['presets'] = [];
  listOf(raw, 'presets', aside).forEach((value, index) => {
    const parsed = Preset.safeParse(value);
    if (!parsed.success) aside(`presets[${index}]`, issueText(parsed.error), value);
    else if (presets.some((p) => p.id === parsed.data.id)) aside(`presets[${index}]`, 'duplicate id', value);
    else if (presets.length >= MAX_PRESETS) aside(`presets[${index}]`, `more than ${MAX_PRESETS} presets`, value);
    else presets.push(parsed.data);
  });

  let defaultPresetId: string | undefined;
  // A company preset's id is kept too: the policy, read after the store, says whether it is still one (policed-store.ts).
  if (
    typeof raw.defaultPresetId === 'string' &&
    (raw.defaultPresetId.startsWith(COMPANY_PRESET_PREFIX) || presets.some((p) => p.id === raw.defaultPresetId))
  ) {
    defaultPresetId = raw.defaultPresetId;
  } else if (raw.defaultPresetId !== undefined && raw.defaultPresetId !== null) {
    aside('defaultPresetId', 'no preset has this id', raw.defaultPresetId);
  }

  const recent: StoreDocument['recent'] = [];
  listOf(raw, 'recent', aside).forEach((value, index) => {
    const parsed = RecentMeeting.safeParse(value);
    if (!parsed.success) aside(`recent[${index}]`, issueText(parsed.error), value);
    else if (recent.length >= RECENT_LIMIT) aside(`recent[${index}]`, `more than ${RECENT_LIMIT} recent meetings`, value);
    else recent.push(parsed.data);
  });

  let credentials: StoreDocument['credentials'];
  if (!absent(raw.credentials)) {
    const parsed = CredentialRecord.safeParse(raw.credentials);
    // A verdict this build cannot read costs only the verdict (the pair reads as unchecked and is
    // checked again), never the saved credentials.
    const { verification, ...withoutVerdict } = isRecord(raw.credentials) ? raw.credentials : {};
    const salvaged = parsed.success || verification === undefined ? undefined : CredentialRecord.safeParse(withoutVerdict);
    if (parsed.success) credentials = parsed.data;
    else if (salvaged?.success) {
      credentials = salvaged.data;
      aside('credentials.verification', issueText(parsed.error), verification);
    } else aside('credentials', issueText(parsed.error), raw.credentials);
  }

  let proxyPassword: StoreDocument['proxyPassword'];
  if (!absent(raw.proxyPassword)) {
    const parsed = ProxySecretRecord.safeParse(raw.proxyPassword);
    if (parsed.success) proxyPassword = parsed.data;
    else aside('proxyPassword', issueText(parsed.error), raw.proxyPassword);
  }

  let changedSettings: string[] | undefined;
  if (!absent(raw.changedSettings)) {
    const parsed = StoreDocument.shape.changedSettings.safeParse(raw.changedSettings);
    if (parsed.success) changedSettings = parsed.data;
    else aside('changedSettings', issueText(parsed.error), raw.changedSettings);
  }

  // Bookings one by one, as recent meetings: one that fails its schema is kept aside alone.
  const booked: BookedMeeting[] = [];
  listOf(raw, 'booked', aside).forEach((value, index) => {
    const parsed = BookedMeeting.safeParse(value);
    if (!parsed.success) aside(`booked[${index}]`, issueText(parsed.error), value);
    else if (booked.length >= BOOKED_LIMIT) aside(`booked[${index}]`, `more than ${BOOKED_LIMIT} booked meetings`, value);
    else booked.push(parsed.data);
  });

  let serviceFacts: StoreDocument['serviceFacts'];
  if (!absent(raw.serviceFacts)) {
    const parsed = ServiceFacts.safeParse(raw.serviceFacts);
    if (parsed.success) serviceFacts = parsed.data;
    else aside('serviceFacts', issueText(parsed.error), raw.serviceFacts);
  }

  // Earlier quarantine survives, so a later load never loses what an earlier one set aside.
  const previous = listOf(raw, 'quarantine', aside).map((value) => {
    const parsed = QuarantinedEntry.safeParse(value);
    return parsed.success ? parsed.data : { where: 'quarantine', reason: 'unreadable entry', value: keepable(value), at: now };
  });

  return {
    document: {
      schemaVersion: STORE_SCHEMA_VERSION,
      settings,
      presets,
      ...(defaultPresetId ? { defaultPresetId } : {}),
      recent,
      ...(credentials ? { credentials } : {}),
      ...(proxyPassword ? { proxyPassword } : {}),
      ...(booked.length ? { booked } : {}),
      ...(serviceFacts ? { serviceFacts } : {}),
      quarantine: [...previous, ...quarantined],
      ...(changedSettings?.length ? { changedSettings } : {}),
    },
    quarantined,
  };
}
