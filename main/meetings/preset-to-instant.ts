import { expandTopic } from '../../common/format.js';
import { PRESET_SWITCHES, type Preset, type PresetSwitch } from '../../common/preset.js';
import type { InstantInput } from '../../common/umeet-api.js';

/**
 * A preset as the instant call's parameters: `{date}`/`{time}` expanded, and options the preset
 * leaves unset not sent at all. The settings' default user_key fills in for a preset without one.
 */
export function presetToInstant(preset: Preset, at: Date, defaultUserKey?: string): InstantInput {
  const userKey = preset.userKey ?? defaultUserKey;
  const input: InstantInput = {
    topic: expandTopic(preset.topic, at),
    meeting_capacity: preset.capacity,
    duration: preset.duration,
    recording: preset.recording,
    user_key: userKey === '' ? undefined : userKey,
  };
  for (const [name, field] of Object.entries(PRESET_SWITCHES) as [PresetSwitch, (typeof PRESET_SWITCHES)[PresetSwitch]][])
    input[field] = preset[name];
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as InstantInput;
}
