import type { Preset } from '../../../common/preset.js';
import type { Licence } from '../../../common/umeet-api.js';
import type { PresetInput } from '../../../common/window-state.js';

/** Room sizes the licence has rooms of, smallest first. */
export function licensedSizes(licence: Licence | undefined): { size: number; rooms: number }[] {
  if (!licence) return [];
  return Object.entries(licence.capacity)
    .map(([size, rooms]) => ({ size: Number(size), rooms }))
    .filter((tier) => Number.isInteger(tier.size) && tier.size > 0 && tier.rooms > 0)
    .sort((a, b) => a.size - b.size);
}

/**
 * The topic a preset gets from its name. While a preset's topic is exactly this, it follows the name
 * as the name is edited (a new preset renamed "周会" sends "周会 2026-03-02 09:30", not "New preset …").
 */
export const topicFor = (name: string) => `${name.trim()} {date} {time}`;

/** Durations people pick; anything else (more than 30 minutes) is "custom". */
export const DURATION_CHOICES = [45, 60, 90, 120] as const;

export function newPreset(name: string, licence: Licence | undefined): PresetInput {
  return {
    name,
    topic: topicFor(name),
    capacity: licensedSizes(licence)[0]?.size ?? 10,
    duration: 60,
    afterCreate: { open: 'start', copy: 'invitation' },
  };
}

export const triStateFields = ['muteOnEntry', 'hostVideo', 'participantsVideo', 'joinBeforeHost', 'usePmi', 'liveStreaming'] as const;
export type TriStateField = (typeof triStateFields)[number];

/** The form holds text, as inputs do; this turns it into a preset for the schema to check. */
export type PresetFormValues = Record<string, unknown> & { afterCreate?: { open?: string; copy?: string } };

const number = (value: unknown) => (value === '' || value === null || value === undefined ? undefined : Number(value));
const triState = (value: unknown) => (value === 'true' || value === true ? true : value === 'false' || value === false ? false : undefined);
const text = (value: unknown) => (value === '' || value === undefined || value === null ? undefined : String(value));

export function fromFormValues(values: PresetFormValues): PresetInput {
  const preset: Record<string, unknown> = {
    ...(values.id ? { id: values.id } : {}),
    name: values.name ?? '',
    topic: values.topic ?? '',
    capacity: number(values.capacity),
    duration: number(values.duration),
    recording: text(values.recording),
    userKey: text(values.userKey),
    afterCreate: values.afterCreate,
  };
  for (const field of triStateFields) preset[field] = triState(values[field]);
  return Object.fromEntries(Object.entries(preset).filter(([, v]) => v !== undefined)) as PresetInput;
}

/** A tri-state option as the select shows it. */
const triStateValue = (value: boolean | undefined) => (value === undefined ? '' : String(value));

/** The preset as the form holds it: tri-state booleans become select values. */
export function toFormValues(preset: Preset | PresetInput): PresetFormValues {
  return {
    ...preset,
    joinBeforeHost: triStateValue(preset.joinBeforeHost),
    muteOnEntry: triStateValue(preset.muteOnEntry),
    hostVideo: triStateValue(preset.hostVideo),
    participantsVideo: triStateValue(preset.participantsVideo),
    usePmi: triStateValue(preset.usePmi),
    liveStreaming: triStateValue(preset.liveStreaming),
    recording: preset.recording ?? '',
    capacity: String(preset.capacity),
    duration: preset.duration === undefined ? '' : String(preset.duration),
    userKey: preset.userKey ?? '',
  };
}

/** JSON with object keys in one order, so equal content gives equal text. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  ) ?? '';

/** Whether two values of one form field are the same (nested ones, such as afterCreate, by content). */
export const sameField = (a: unknown, b: unknown) => canonical(a ?? '') === canonical(b ?? '');

/** Whether two sets of form values make the same preset: what saving them would store. */
export const sameValues = (a: PresetFormValues, b: PresetFormValues): boolean =>
  canonical(fromFormValues(a)) === canonical(fromFormValues(b));
