import type { UmeetClient } from '../core/api/client.js';
import type { ApiResult, Participant } from '../common/umeet-api.js';
import { parseServiceTime } from '../core/meetings/meeting-state.js';

/**
 * `umeet participants`: every page of a meeting's participants, in the shape scripts read. Names and
 * addresses are personal data: printed for the user who asked, never logged; the address only when
 * asked for with --with-addresses.
 */

/** As many as the client lets one page hold: fewer requests for a big meeting. */
const PAGE_SIZE = 300;
/** A bound, so that a service that keeps saying "more" cannot keep the command running: 30,000 participants. */
const MAX_PAGES = 100;

export interface ParticipantRow {
  name: string | null;
  device: string | null;
  /** ISO-8601, UTC. */
  joined_at: string | null;
  /** ISO-8601, UTC; null while the participant is still in the meeting. */
  left_at: string | null;
  /** Only with --with-addresses. */
  address?: string | null;
}

export interface ParticipantList {
  meeting_id: string;
  count: number;
  participants: ParticipantRow[];
}

/** A time of the service's, in either of its forms (China time without a zone, or ISO-8601), as ISO-8601 UTC. */
export const isoTime = (text: string | undefined): string | null => parseServiceTime(text)?.toISOString() ?? null;

function row(p: Participant, withAddresses: boolean): ParticipantRow {
  return {
    name: p.user_name ?? null,
    device: p.device ?? null,
    joined_at: isoTime(p.join_time),
    left_at: isoTime(p.leave_time),
    ...(withAddresses ? { address: p.ip_address ?? null } : {}),
  };
}

/**
 * Asks for page after page until the service's page count (or its participant count, or a short page)
 * says there is no more. `count` is the service's own count when it gives one.
 */
export async function allParticipants(
  client: Pick<UmeetClient, 'meetingDetail'>,
  meetingId: string,
  when: 'online' | 'past',
  withAddresses: boolean,
): Promise<ApiResult<ParticipantList>> {
  const all: Participant[] = [];
  let count: number | undefined;
  for (let number = 1; number <= MAX_PAGES; number += 1) {
    const page = await client.meetingDetail(meetingId, when, { size: PAGE_SIZE, number });
    if (!page.ok) return page;
    const { participants, page_count: pages, participants_count: total, page_size: size } = page.value;
    all.push(...participants);
    count ??= total;
    const more =
      pages !== undefined ? number < pages : total !== undefined ? all.length < total : participants.length >= (size ?? PAGE_SIZE);
    if (!more || participants.length === 0) break;
  }
  return {
    ok: true,
    value: { meeting_id: meetingId.trim(), count: count ?? all.length, participants: all.map((p) => row(p, withAddresses)) },
  };
}
