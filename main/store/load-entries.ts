import type { z } from 'zod';
import { CredentialRecord } from '../../common/credentials.js';
import { Preset } from '../../common/preset.js';
import { RecentMeeting } from '../../common/recent.js';
import { Settings } from '../../common/settings.js';
import { QuarantinedEntry, STORE_SCHEMA_VERSION, type StoreDocument } from '../../common/store-document.js';

/**
 * Validates a migrated store entry by entry. Whatever fails its schema goes to the quarantine
 * list with the reason, and everything else loads: one bad preset never costs the others, and
 * nothing the user had is dropped without a trace.
 */

function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

export function loadEntries(raw: Record<string, unknown>, now: string): { document: StoreDocument; quarantined: QuarantinedEntry[] } {
  const quarantined: QuarantinedEntry[] = [];
  const aside = (where: string, reason: string, value: unknown) => quarantined.push({ where, reason, value, at: now });

  // Settings: field by field, so one bad value falls back to its default alone.
  const rawSettings = (typeof raw.settings === 'object' && raw.settings !== null ? raw.settings : {}) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rawSettings)) {
    const schema = (Settings.shape as Record<string, z.ZodType>)[key];
    if (!schema) {
      aside(`settings.${key}`, 'unknown setting', value);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) fields[key] = parsed.data;
    else aside(`settings.${key}`, reasonOf(parsed.error), value);
  }
  const settings = Settings.parse(fields);

  const presets: StoreDocument['presets'] = [];
  (Array.isArray(raw.presets) ? raw.presets : []).forEach((value, index) => {
    const parsed = Preset.safeParse(value);
    if (!parsed.success) aside(`presets[${index}]`, reasonOf(parsed.error), value);
    else if (presets.some((p) => p.id === parsed.data.id)) aside(`presets[${index}]`, 'duplicate id', value);
    else presets.push(parsed.data);
  });

  let defaultPresetId: string | undefined;
  if (typeof raw.defaultPresetId === 'string' && presets.some((p) => p.id === raw.defaultPresetId)) {
    defaultPresetId = raw.defaultPresetId;
  } else if (raw.defaultPresetId !== undefined && raw.defaultPresetId !== null) {
    aside('defaultPresetId', 'no preset has this id', raw.defaultPresetId);
  }

  const recent: StoreDocument['recent'] = [];
  (Array.isArray(raw.recent) ? raw.recent : []).forEach((value, index) => {
    const parsed = RecentMeeting.safeParse(value);
    if (parsed.success) recent.push(parsed.data);
    else aside(`recent[${index}]`, reasonOf(parsed.error), value);
  });

  let credentials: StoreDocument['credentials'];
  if (raw.credentials !== undefined && raw.credentials !== null) {
    const parsed = CredentialRecord.safeParse(raw.credentials);
    if (parsed.success) credentials = parsed.data;
    else aside('credentials', reasonOf(parsed.error), raw.credentials);
  }

  // Earlier quarantine survives, so a later load never loses what an earlier one set aside.
  const previous = (Array.isArray(raw.quarantine) ? raw.quarantine : []).map((value) => {
    const parsed = QuarantinedEntry.safeParse(value);
    return parsed.success ? parsed.data : { where: 'quarantine', reason: 'unreadable entry', value, at: now };
  });

  return {
    document: {
      schemaVersion: STORE_SCHEMA_VERSION,
      settings,
      presets,
      ...(defaultPresetId ? { defaultPresetId } : {}),
      recent,
      ...(credentials ? { credentials } : {}),
      quarantine: [...previous, ...quarantined],
    },
    quarantined,
  };
}
