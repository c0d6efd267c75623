import type { SwitchOption } from './umeet-api.js';

/**
 * A meeting's on/off options, without zod: the window's forms use these (it runs no zod; main checks its forms),
 * and common/preset.ts and common/schedule.ts re-export them beside their schemas.
 */

/** A preset's on/off options, by the app's name, and the API field each is sent as. */
export const PRESET_SWITCHES = {
  joinBeforeHost: 'option_jbh',
  muteOnEntry: 'mute_upon_entry',
  hostVideo: 'option_host_video',
  participantsVideo: 'option_participants_video',
  usePmi: 'use_pmi',
  liveStreaming: 'allow_live_streaming',
} as const satisfies Record<string, SwitchOption>;
export type PresetSwitch = keyof typeof PRESET_SWITCHES;

/**
 * The on/off options the schedule call takes: a preset's, but not join-before-host. The pages of schedule and
 * update list no `option_jbh` (only the instant page does), so neither the window nor `umeet schedule` sends it.
 */
export const SCHEDULE_SWITCHES = (({ joinBeforeHost: _, ...sent }) => sent)(PRESET_SWITCHES);
export type ScheduleSwitch = keyof typeof SCHEDULE_SWITCHES;
