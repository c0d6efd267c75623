import type { MeetingDetail } from '../../common/umeet-api.js';
import type { ParticipantsView } from '../../common/window-state.js';
import { parseServiceTime } from '../../core/meetings/meeting-state.js';

const iso = (text: string | undefined) => parseServiceTime(text)?.toISOString();

/**
 * Who is in a meeting, for the window: names, devices and times. Never the IP address or the city (the
 * window does not need them), and nothing here is kept or logged: it goes to the window that asked.
 */
export function participantsView(detail: MeetingDetail): ParticipantsView {
  const participants = detail.participants.map((p) => {
    const joinedAt = iso(p.join_time);
    const leftAt = iso(p.leave_time);
    return {
      name: (p.user_name ?? '').slice(0, 200),
      ...(p.device ? { device: p.device.slice(0, 100) } : {}),
      ...(joinedAt ? { joinedAt } : {}),
      ...(leftAt ? { leftAt } : {}),
    };
  });
  return { count: detail.participants_count ?? participants.length, participants };
}
