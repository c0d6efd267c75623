import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBinary, parse } from 'plist';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { validatePolicy } from '../../common/policy.js';
import { linuxFileSource } from '../../main/policy/linux-file.js';
import { macPlistSource } from '../../main/policy/macos-plist.js';
import { BUNDLE_ID } from '../../main/policy/select-source.js';

// The macOS profile against Apple's published schema (github.com/apple/device-management, carried verbatim with its
// licence in test/fixtures/apple-device-management/): the top level, the keys every payload has, and the documented
// managed-preferences payload, com.apple.ManagedClient.preferences, whose Forced mcx_preference_settings macOS writes
// to /Library/Managed Preferences/<bundle id>.plist, the file the macOS reader reads.
const root = join(import.meta.dirname, '..', '..');
const schemaOf = (name: string) =>
  YAML.parse(readFileSync(join(root, 'test', 'fixtures', 'apple-device-management', `${name}.yaml`), 'utf8')) as {
    payloadkeys: SchemaKey[];
  };
const PROFILE = 'policy/macos/cn.umeet.tray.mobileconfig';
const MANAGED_CLIENT = 'com.apple.ManagedClient.preferences';

/** One key of Apple's schema YAML: its type in angle brackets, whether it must be there, what it holds. */
interface SchemaKey {
  key: string;
  type: string;
  presence?: 'required' | 'optional';
  rangelist?: unknown[];
  subkeys?: SchemaKey[];
}

const isDictionary = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !Buffer.isBuffer(value);

const TYPES: Record<string, (value: unknown) => boolean> = {
  '<string>': (value) => typeof value === 'string',
  '<integer>': (value) => Number.isInteger(value),
  '<real>': (value) => typeof value === 'number',
  '<boolean>': (value) => typeof value === 'boolean',
  '<date>': (value) => value instanceof Date,
  '<data>': (value) => Buffer.isBuffer(value),
  '<array>': Array.isArray,
  '<dictionary>': isDictionary,
  '<any>': () => true,
};

/** What the schema says is wrong with a value, as `path: problem` lines (none: it conforms). */
function conform(value: unknown, spec: SchemaKey, path: string): string[] {
  const typeOk = TYPES[spec.type];
  if (!typeOk) return [`${path}: the schema's type ${spec.type} is not one this check knows`];
  if (!typeOk(value)) return [`${path}: expected ${spec.type}`];
  if (spec.rangelist && !spec.rangelist.includes(value)) return [`${path}: ${String(value)} is not one of ${spec.rangelist.join(', ')}`];
  if (Array.isArray(value) && spec.subkeys?.[0])
    return value.flatMap((item, index) => conform(item, spec.subkeys![0]!, `${path}[${index}]`));
  if (isDictionary(value) && spec.subkeys) return conformDictionary(value, spec.subkeys, path);
  return [];
}

/** A dictionary: each required key there, each key named by the schema (or allowed by its `ANY`), each value conforming. */
function conformDictionary(value: Record<string, unknown>, keys: SchemaKey[], path: string): string[] {
  const any = keys.find((key) => key.key === 'ANY');
  const problems = keys
    .filter((key) => key.key !== 'ANY' && key.presence === 'required' && !(key.key in value))
    .map((key) => `${path}.${key.key}: required`);
  for (const [name, item] of Object.entries(value)) {
    const spec = keys.find((key) => key.key === name) ?? any;
    if (!spec) problems.push(`${path}.${name}: not a key of this payload`);
    else problems.push(...conform(item, spec, `${path}.${name}`));
  }
  return problems;
}

/** The profile against TopLevel, and each payload against the common keys plus its own type's. */
function profileProblems(profile: unknown): string[] {
  const topLevel = schemaOf('TopLevel').payloadkeys;
  const common = schemaOf('CommonPayloadKeys').payloadkeys;
  const ofType: Record<string, SchemaKey[]> = { [MANAGED_CLIENT]: schemaOf(MANAGED_CLIENT).payloadkeys };
  if (!isDictionary(profile)) return ['profile: expected <dictionary>'];
  const problems = conformDictionary(profile, topLevel, 'profile');
  const payloads = Array.isArray(profile.PayloadContent) ? profile.PayloadContent : [];
  payloads.forEach((payload, index) => {
    const type = isDictionary(payload) ? String(payload.PayloadType) : '';
    const own = ofType[type];
    if (!own)
      problems.push(
        `payload[${index}]: ${type} is not a payload type Apple documents for this (checked: ${Object.keys(ofType).join(', ')})`,
      );
    else problems.push(...conformDictionary(payload as Record<string, unknown>, [...common, ...own], `payload[${index}]`));
  });
  return problems;
}

const readProfile = () => parse(readFileSync(join(root, PROFILE), 'utf8')) as { PayloadContent: Record<string, unknown>[] };

describe('the .mobileconfig against Apple’s device-management schema', () => {
  it('conforms: TopLevel, the common payload keys, com.apple.ManagedClient.preferences', () => {
    expect(profileProblems(readProfile())).toEqual([]);
  });

  it('the check refuses what Apple’s schema refuses (so it can fail): the custom-settings form it first shipped, a missing key, a wrong type', () => {
    const profile = readProfile();
    const payload = profile.PayloadContent[0]!;
    const settings = (payload.PayloadContent as Record<string, { Forced: { mcx_preference_settings: Record<string, unknown> }[] }>)[
      BUNDLE_ID
    ]!.Forced[0]!.mcx_preference_settings;
    const { PayloadContent: _content, ...payloadKeys } = payload;
    // The first sample: the bundle id as the payload type, the settings beside the Payload keys.
    const customForm = { ...profile, PayloadContent: [{ ...payloadKeys, PayloadType: BUNDLE_ID, ...settings }] };
    expect(profileProblems(customForm)).toEqual([expect.stringContaining(`${BUNDLE_ID} is not a payload type`)]);
    const { PayloadUUID: _uuid, ...noUuid } = payload;
    expect(profileProblems({ ...profile, PayloadContent: [noUuid] })).toEqual(['payload[0].PayloadUUID: required']);
    expect(profileProblems({ ...profile, PayloadVersion: '1' })).toEqual(['profile.PayloadVersion: expected <integer>']);
    const forcedAsDictionary = { ...payload, PayloadContent: { [BUNDLE_ID]: { Forced: { mcx_preference_settings: settings } } } };
    expect(profileProblems({ ...profile, PayloadContent: [forcedAsDictionary] })).toEqual([
      `payload[0].PayloadContent.${BUNDLE_ID}.Forced: expected <array>`,
    ]);
  });

  it('what macOS writes from it for the bundle id, read by the macOS reader, is the same policy as policy.json', async () => {
    const payload = readProfile().PayloadContent.find((content) => content.PayloadType === MANAGED_CLIENT)!;
    const domains = payload.PayloadContent as Record<string, { Forced: { mcx_preference_settings: Record<string, unknown> }[] }>;
    expect(Object.keys(domains)).toEqual([BUNDLE_ID]);
    // macOS writes the Forced settings of a domain as /Library/Managed Preferences/<domain>.plist, in binary.
    const managed = mkdtempSync(join(tmpdir(), 'umeet-managed-'));
    mkdirSync(join(managed, 'someone'));
    writeFileSync(join(managed, `${BUNDLE_ID}.plist`), buildBinary(domains[BUNDLE_ID]!.Forced[0]!.mcx_preference_settings as never));
    const raw = await macPlistSource({ bundleId: BUNDLE_ID, user: 'someone', root: managed }).read();
    const fromProfile = validatePolicy(raw, { username: 'u' });
    const fromJson = validatePolicy(await linuxFileSource({ path: join(root, 'policy/linux/policy.json') }).read(), { username: 'u' });
    expect(fromProfile.ignored).toEqual([]);
    expect({ ...fromProfile, sources: [] }).toEqual({ ...fromJson, sources: [] });
    expect(fromProfile.companyPresets[0]!.name).toBe('全员大会 All hands');
  });
});
