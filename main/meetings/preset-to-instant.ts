import type { Preset } from '../../common/preset.js';
import type { InstantInput } from '../../common/umeet-api.js';
import { expandTopic } from '../../common/format.js';

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
    option_jbh: preset.joinBeforeHost,
    mute_upon_entry: preset.muteOnEntry,
    option_host_video: preset.hostVideo,
    option_participants_video: preset.participantsVideo,
    use_pmi: preset.usePmi,
    recording: preset.recording,
    allow_live_streaming: preset.liveStreaming,
    user_key: userKey === '' ? undefined : userKey,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as InstantInput;
}
