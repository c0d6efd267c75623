import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { holdMeetings } from './support/held-meetings.js';
import { sandboxClient } from './support/sandbox-client.js';

// The sandbox's usage calls (docs/umeet-api.md, "Usage"): `summary` per room and `detail` per meeting,
// from the meetings it held; China's dates; past a month, the last month alone (as the service's
// documentation says); paged. Through the real client, and raw where the answer's loose types matter.

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

/** 2 March 2030, 09:00 in Beijing (the sandbox's clock starts there). */
const START = Date.parse('2030-03-02T09:00:00+08:00');
const H = 3_600_000;
const MARCH = { from: '2030-03-01', to: '2030-03-31' };

async function sandboxWith(licence: Record<string, number>, extraRooms = false) {
  const sandbox = await startSandbox({ licence, clockStart: START, extraRooms });
  started.push(sandbox);
  return { sandbox, ...sandboxClient(sandbox) };
}

describe('summary and detail', () => {
  it('each room’s meetings, participants, minutes and calls; each meeting with its room, times and is_extra', async () => {
    const { sandbox, api, value, post } = await sandboxWith({ 10: 1, 25: 1 }, true);
    // Two at once in the one room of 10: the second is given a room beyond the licence.
    const [first, second] = holdMeetings(sandbox, START, [
      { minutes: 45, people: 3, phone: 1 },
      { minutes: 60, people: 2 },
    ]);
    holdMeetings(sandbox, START + 24 * H, [{ capacity: 25, minutes: 90, people: 5, phone: 2 }]);
    // Created, nobody joined: released, never held.
    sandbox.state.create({ topic: 'nobody', meeting_capacity: '10', duration: '60' });
    sandbox.clock.advance(2 * H);

    const summary = value(await api.summary(MARCH));
    expect(summary).toMatchObject({
      from: '2030-03-01',
      to: '2030-03-31',
      total_meetings: 3,
      total_participants: 10,
      total_meeting_minutes: 195,
    });
    expect(summary.rooms).toEqual([
      {
        host_id: 'room-10-1',
        is_extra: false,
        meetings: 1,
        participants: 3,
        meeting_minutes: 45,
        audio_participants: 1,
        audio_total_duration: 45,
        total_fee: 6.75,
      },
      {
        host_id: 'room-10-2',
        is_extra: true,
        meetings: 1,
        participants: 2,
        meeting_minutes: 60,
        audio_participants: 0,
        audio_total_duration: 0,
        total_fee: 0,
      },
      {
        host_id: 'room-25-1',
        is_extra: false,
        meetings: 1,
        participants: 5,
        meeting_minutes: 90,
        audio_participants: 2,
        audio_total_duration: 180,
        total_fee: 27,
      },
    ]);
    const detail = value(await api.detail({ ...MARCH, show_participants: true, show_telephony_usage: true }));
    expect(detail.meetings).toEqual([
      expect.objectContaining({
        meeting_id: first,
        host_id: 'room-10-1',
        start_time: '2030-03-02 09:00:00',
        end_time: '2030-03-02 09:45:00',
        duration: 45,
        is_extra: false,
        participants: { count: 3, minutes: 0, fee: 0 },
        telephony_usage: { count: 1, minutes: 45, fee: 6.75 },
      }),
      expect.objectContaining({ meeting_id: second, host_id: 'room-10-2', end_time: '2030-03-02 10:00:00', is_extra: true }),
      expect.objectContaining({
        host_id: 'room-25-1',
        start_time: '2030-03-03 09:00:00',
        telephony_usage: { count: 2, minutes: 180, fee: 27 },
      }),
    ]);
    // Without asking for them, neither who joined nor the calls.
    const plain = value(await api.detail(MARCH)).meetings[0]!;
    expect([plain.participants, plain.telephony_usage]).toEqual([undefined, undefined]);
    // A period is the meetings that started on its China dates.
    expect(value(await api.detail({ from: '2030-03-03', to: '2030-03-03' })).meetings.map((m) => m.host_id)).toEqual(['room-25-1']);
    // Today (China's: the clock is on 3 March now) by default.
    expect(await post('/umeeting/share/summary')).toMatchObject({ data: { from: '2030-03-03', to: '2030-03-03', total_meetings: 1 } });
  });

  it('past a month, the last month alone, without a word (31 March: from 1 March); an end before the start is refused', async () => {
    const { sandbox, api, value, post } = await sandboxWith({ 10: 2 });
    holdMeetings(sandbox, Date.parse('2030-03-20T10:00:00+08:00'), [{ minutes: 40 }]);
    holdMeetings(sandbox, Date.parse('2030-04-08T10:00:00+08:00'), [{ minutes: 40 }]);
    // Asked for four months: April alone is answered; March's meeting is missing, and nothing says so but `from`.
    const wide = value(await api.detail({ from: '2030-01-01', to: '2030-04-30' }));
    expect(wide).toMatchObject({ from: '2030-04-01', to: '2030-04-30', total_record: 1 });
    expect(value(await api.summary({ from: '2030-03-01', to: '2030-03-31' }))).toMatchObject({ from: '2030-03-01', to: '2030-03-31' });
    expect(value(await api.summary({ from: '2030-02-28', to: '2030-03-31' }))).toMatchObject({ from: '2030-03-01' });
    expect(await post('/umeeting/share/detail', { from: '2030-03-02', to: '2030-03-01' })).toMatchObject({ status: 3000 });
    expect(await post('/umeeting/share/detail', { from: '2030-02-30' })).toMatchObject({ status: 3000 });
    // The docs' own example writes a date unpadded.
    expect(await post('/umeeting/share/summary', { from: '2030-4-6', to: '2030-4-7' })).toMatchObject({
      status: 200,
      data: { from: '2030-04-06' },
    });
  });

  it('paged: page_size at most 100, has_next_page until the last, every meeting once', async () => {
    const { sandbox, api, value, post } = await sandboxWith({ 10: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(...holdMeetings(sandbox, START + i * H, [{ minutes: 31 }, { minutes: 40 }]));
    const pages = [];
    for (let page = 1; page <= 5; page++) {
      const answer = value(await api.detail({ ...MARCH, page_size: 4, page_number: page }));
      pages.push(answer);
      if (!answer.has_next_page) break;
    }
    expect(pages.map((p) => p.meetings.length)).toEqual([4, 4, 4, 2]);
    expect(pages[0]).toMatchObject({ total_record: 14, total_page: 4, page_number: 1 });
    expect(pages.flatMap((p) => p.meetings.map((m) => m.meeting_id)).sort()).toEqual([...ids].sort());
    expect(value(await api.summary({ ...MARCH, page_size: 2 }))).toMatchObject({ total_record: 2, total_page: 1, has_next_page: false });
    expect((await post<{ page_size: string }>('/umeeting/share/detail', { ...MARCH, page_size: '500' })).data?.page_size).toBe('100');
  });
});
