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

export function newPreset(name: string, licence: Licence | undefined): PresetInput {
  return {
    name,
    topic: `${name} {date} {time}`,
    capacity: licensedSizes(licence)[0]?.size ?? 10,
    duration: 60,
    afterCreate: { open: 'start', copy: 'invitation' },
  };
}

export const triStateFields = ['joinBeforeHost', 'muteOnEntry', 'hostVideo', 'participantsVideo', 'usePmi', 'liveStreaming'] as const;

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
