import { request, type Dispatcher } from 'undici';
import type { Preset } from '../common/preset.js';
import { encodeForm, toFormFields, type FieldValue } from '../core/api/form-body.js';
import type { createMeetingsService } from '../main/meetings/meetings-service.js';
import { presetToInstant } from '../main/meetings/preset-to-instant.js';
import type { Sandbox } from '../sandbox/server.js';
import { median, p95, round } from './stats.js';

/** The pieces every click-path benchmark times: ours (to the link being opened) and the bare floor beside it. */

/** The preset the click benchmarks start: a 25-party room, an hour, opened as host, the invitation copied. */
export const BENCH_PRESET: Omit<Preset, 'id'> = {
  name: 'Bench',
  topic: 'Bench {date} {time}',
  capacity: 25,
  duration: 60,
  muteOnEntry: true,
  afterCreate: { open: 'start', copy: 'invitation' },
};

/** The create's form body, as the app sends it for `preset`, for the bare request. */
export const instantBody = (sandbox: Sandbox, preset: Preset) =>
  encodeForm([
    ['api_key', sandbox.credentials.apiKey],
    ['api_secret', sandbox.credentials.apiSecret],
    ...toFormFields(presetToInstant(preset, new Date()) as Record<string, FieldValue>),
  ]);

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' };

/**
 * Our click: `meetings.start` to the `OpenLink` call. `meetings` must open links through `opened`
 * (make it with `app.meetings(api, async () => opened.now?.())`).
 */
export function oursClick(meetings: ReturnType<typeof createMeetingsService>, preset: Preset, opened: { now?: () => void }) {
  return async (): Promise<number> => {
    const start = performance.now();
    const link = new Promise<number>((resolve) => (opened.now = () => resolve(performance.now())));
    const outcome = await meetings.start(preset.id);
    if (!outcome.ok) throw new Error(outcome.message);
    return (await link) - start;
  };
}

/** The floor: an undici request of the same form body on a kept-alive dispatcher, and JSON.parse. */
export function bareClick(sandbox: Sandbox, preset: Preset, dispatcher: Dispatcher) {
  const url = `${sandbox.url}/umeeting/share/instant`;
  return async (): Promise<number> => {
    const start = performance.now();
    const response = await request(url, { method: 'POST', body: instantBody(sandbox, preset), headers: formHeaders, dispatcher });
    const answer = JSON.parse(await response.body.text()) as { status: number };
    if (answer.status !== 200) throw new Error('bare failed');
    return performance.now() - start;
  };
}

/** Work one sample leaves behind (a deferred disk write, a process exiting) must not land in the next sample's time. */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 2));
}

/** Ours beside the floor: medians, 95th percentiles and their ratio, as results.json has them. */
export function oursBeside(times: { ours: number[]; bare: number[] }) {
  const ours = median(times.ours);
  const bare = median(times.bare);
  return {
    ours_median_ms: round(ours),
    ours_p95_ms: round(p95(times.ours)),
    bare_median_ms: round(bare),
    bare_p95_ms: round(p95(times.bare)),
    ratio_ours_bare: round(ours / bare),
  };
}
