import type { ApiFailure } from '../common/umeet-api.js';

/** Fields that are credentials: printed only with --reveal-secrets. */
const secretFields = new Set(['start_url', 'token']);

/** The answer as printed: API field names, ids already strings, secrets left out unless revealed. */
export function publicFields(value: unknown, reveal: boolean): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).filter(([key, item]) => item !== undefined && (reveal || !secretFields.has(key))),
  );
}

/** One line for stderr: the kind, then what a person needs (the service's message verbatim for auth/rejected). */
export function describeFailure(failure: ApiFailure): string {
  switch (failure.kind) {
    case 'invalid-input':
      return `invalid-input: ${failure.field}: ${failure.message}`;
    case 'auth':
      return `auth: ${failure.message}`;
    case 'rejected':
      return `rejected: ${failure.message}`;
    case 'http':
      return `http: the server answered HTTP ${failure.httpStatus}`;
    case 'protocol':
      return `protocol: ${failure.detail}`;
    case 'network':
      return `network: ${failure.code}${failure.mayHaveReachedServer ? ' (the request may have reached the server)' : ''}`;
    case 'timeout':
      return `timeout: no complete answer within ${failure.timeoutMs} ms (while ${
        failure.phase === 'connect' ? 'connecting' : failure.phase === 'headers' ? 'waiting for the answer' : 'reading the answer'
      })${failure.mayHaveReachedServer ? '; the request may have reached the server' : ''}`;
  }
}

const labels: Record<string, string> = {
  meeting_id: 'Meeting ID',
  id: 'Meeting ID',
  topic: 'Topic',
  join_url: 'Join link',
  host_key: 'Host key',
  start_url: 'Host link',
  token: 'Token',
  watch_url: 'Live page',
  play_addr: 'Live stream',
  status: 'Status',
  duration: 'Duration (min)',
  meeting_capacity: 'Capacity',
  host_id: 'Host ID',
  start_time: 'Started',
  user_key: 'User key',
  expire_date: 'Expires',
  payType: 'Pay type',
};

/** Friendly output for people: one "Label: value" per line; lists as one line per meeting. */
export function friendlyLines(value: unknown, reveal: boolean): string {
  if (value === undefined) return 'Done.\n';
  const shown = publicFields(value, reveal) as Record<string, unknown>;
  if (Array.isArray(shown.meetings)) {
    const meetings = shown.meetings as Record<string, unknown>[];
    if (!meetings.length) return 'No online meetings.\n';
    return meetings.map((m) => `${m.id}  ${m.topic ?? ''}  ${m.join_url ?? ''}`.trimEnd()).join('\n') + '\n';
  }
  if (shown.capacity && typeof shown.capacity === 'object') {
    const rooms = Object.entries(shown.capacity as Record<string, number>)
      .map(([size, count]) => `  ${size} people: ${count} room${count === 1 ? '' : 's'}`)
      .join('\n');
    return `Licence${shown.expire_date ? ` (expires ${shown.expire_date})` : ''}:\n${rooms}\n`;
  }
  return Object.entries(shown)
    .filter(([, item]) => item !== '' && item !== null)
    .map(([key, item]) => `${labels[key] ?? key}: ${String(item)}`)
    .join('\n') + '\n';
}
