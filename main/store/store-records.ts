import type { CredentialRecord, ProxySecretRecord } from '../../common/credentials.js';
import { RECENT_LIMIT, RecentMeeting } from '../../common/recent.js';
import { checkedParse, type Checked } from '../../common/result.js';
import { BOOKED_LIMIT, BookedMeeting, type ServiceFacts } from '../../common/scheduled.js';
import type { StoreWriter } from './store-writer.js';

/** The store's records of what happened: recent meetings, the secrets' ciphertexts, bookings, the service's ways. */
export function recordsOf(writer: Pick<StoreWriter, 'state' | 'change'>) {
  const { change } = writer;
  return {
    recent: (): readonly RecentMeeting[] => writer.state().recent,
    credentialRecord: (): CredentialRecord | undefined => writer.state().credentials,

    /** Records a started meeting at the top of the list; the list keeps the last ten. */
    addRecent(input: unknown): Checked<RecentMeeting> {
      const parsed = checkedParse(RecentMeeting, input);
      if (!parsed.ok) return parsed;
      const recent = [parsed.value, ...writer.state().recent.filter((m) => m.meetingId !== parsed.value.meetingId)].slice(0, RECENT_LIMIT);
      change({ ...writer.state(), recent });
      return parsed;
    },

    updateRecent(meetingId: string, patch: Partial<RecentMeeting>): Checked<RecentMeeting> {
      const current = writer.state().recent.find((m) => m.meetingId === meetingId);
      if (!current) return { ok: false, fields: [{ field: 'meetingId', message: 'not in the recent list' }] };
      const parsed = checkedParse(RecentMeeting, { ...current, ...patch, meetingId });
      if (parsed.ok)
        change({ ...writer.state(), recent: writer.state().recent.map((m) => (m.meetingId === meetingId ? parsed.value : m)) });
      return parsed;
    },

    setCredentialRecord(record: CredentialRecord | undefined): void {
      const { credentials: _old, ...rest } = writer.state();
      change({ ...rest, ...(record ? { credentials: record } : {}) });
    },

    proxySecretRecord: (): ProxySecretRecord | undefined => writer.state().proxyPassword,
    setProxySecretRecord(record: ProxySecretRecord | undefined): void {
      const { proxyPassword: _old, ...rest } = writer.state();
      change({ ...rest, ...(record ? { proxyPassword: record } : {}) });
    },

    /** The meetings this app booked, newest first. */
    booked: (): readonly BookedMeeting[] => writer.state().booked ?? [],
    /** Keeps a booking (or replaces the one with its id) at the top; the last 50 are kept. Never with a password. */
    keepBooked(input: unknown): Checked<BookedMeeting> {
      const parsed = checkedParse(BookedMeeting, input);
      if (!parsed.ok) return parsed;
      const booked = [parsed.value, ...(writer.state().booked ?? []).filter((b) => b.meetingId !== parsed.value.meetingId)].slice(
        0,
        BOOKED_LIMIT,
      );
      change({ ...writer.state(), booked });
      return parsed;
    },
    forgetBooked(meetingId: string): void {
      const booked = (writer.state().booked ?? []).filter((b) => b.meetingId !== meetingId);
      if (booked.length === (writer.state().booked ?? []).length) return;
      const { booked: _old, ...rest } = writer.state();
      change({ ...rest, ...(booked.length ? { booked } : {}) });
    },
    serviceFacts: (): ServiceFacts => writer.state().serviceFacts ?? {},
    setServiceFacts(facts: ServiceFacts): void {
      change({ ...writer.state(), serviceFacts: { ...writer.state().serviceFacts, ...facts } });
    },
  };
}
