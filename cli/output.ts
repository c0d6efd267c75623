import { localDate, localTime } from '../common/format.js';
import { localMinuteIn, zoneName, zoneOfTimes } from '../common/schedule-words.js';
import { translator, type Translate } from '../common/i18n/index.js';
import type { ApiFailure, MeetingInfo } from '../common/umeet-api.js';
import { saysNoFreeRoom } from '../core/meetings/failure-text.js';
import { parseServiceTime, stateFromInfo } from '../core/meetings/meeting-state.js';
import type { ParticipantList } from './participants.js';
import type { RoomSlot, SizeAvailability } from './rooms.js';
import { table } from './table.js';

/** Fields that are credentials: printed only with --reveal-secrets. */
const secretFields = new Set(['start_url', 'token']);

/** The answer as printed with --json: API field names, ids already strings, secrets left out unless revealed. */
export function publicFields(value: unknown, reveal: boolean): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key, item]) => item !== undefined && (reveal || !secretFields.has(key))));
}

export interface FailureContext {
  /** The API server as `host[:port]`, named in network and timeout errors. */
  server: string;
  /** The option or argument a person typed for an API field (`meeting_capacity` -> `--capacity`). */
  spelled?: (field: string) => string;
  /** Where the proxy was named (`--proxy`, `HTTPS_PROXY`…), said in proxy errors: that is where to fix it. */
  proxySource?: string;
  /** The app's catalogue in the user's language (cli/locale.ts), for the refusals the app knows; English when absent. */
  t?: Translate;
}

/** The app's own words for a refusal it knows, then the service's, on one line. */
const ourWords = (t: Translate, ours: Parameters<Translate>[0], theirs: string) =>
  theirs.trim() ? t('cli.error.serviceSaid', { ours: t(ours), theirs }) : t(ours);

function networkText(code: string, server: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return `cannot connect to ${server} (${code})`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot find the host of ${server} (${code})`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return `cannot reach ${server} (${code})`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return `the connection to ${server} was cut (${code})`;
    default:
      return `the connection to ${server} failed (${code})`;
  }
}

/**
 * A proxy that failed, before anything reached the server. Named by host:port and where it was set,
 * never by its user name or password (the failure holds neither).
 */
function proxyText(failure: Extract<ApiFailure, { kind: 'proxy' }>, server: string, source: string | undefined): string {
  const status = failure.status ? `HTTP ${failure.status}` : (failure.code ?? 'failed');
  const proxy = `the proxy ${failure.proxy}${source ? ` given by ${source}` : ''}`;
  switch (failure.reason) {
    case 'unreachable':
      return `cannot reach ${proxy} (${status})`;
    case 'refused':
      // 502, 503, 504: the proxy tried and the server did not answer it; 403 and the like: its rules said no.
      return failure.status !== undefined && failure.status >= 500
        ? `${proxy} could not reach ${server} (${status})`
        : `${proxy} refused to connect to ${server} (${status})`;
    case 'auth-required':
      return `${proxy} asks for a user name and password (${status}): put them in the proxy URL, http://user:password@host:port`;
    case 'auth-refused':
      return `${proxy} refused the user name or password (${status})`;
  }
}

/** A certificate the handshake refused: nothing was sent. */
function certificateText(failure: Extract<ApiFailure, { kind: 'certificate' }>): string {
  const what = {
    untrusted: 'is not trusted',
    expired: 'has expired or is not valid yet',
    'wrong-host': 'is for another host',
    other: 'was refused',
  }[failure.reason];
  const hint = failure.reason === 'untrusted' ? '; behind a company proxy, add its CA certificate with UMEET_CA_FILE=/path/to/ca.pem' : '';
  return `the certificate of ${failure.host} ${what} (${failure.code})${hint}`;
}

/**
 * One line for stderr after `umeet: `: the kind (always English: scripts read it), then what a person needs. The
 * service's own message is quoted verbatim for auth and rejected; for the refusals the app knows (the credentials,
 * no free room) the app's own words come first, in the user's language, the service's in brackets. The body of
 * other answers is never shown.
 */
export function describeFailure(failure: ApiFailure, context: FailureContext): string {
  const reached = '; the request may have reached the server';
  const t = context.t ?? translator('en');
  switch (failure.kind) {
    case 'invalid-input':
      return `invalid-input: ${context.spelled?.(failure.field) ?? failure.field}: ${failure.message}`;
    case 'auth':
      return `auth: ${ourWords(t, 'cli.error.auth', failure.message)}`;
    case 'rejected':
      return `rejected: ${saysNoFreeRoom(failure) ? ourWords(t, 'cli.error.noFreeRoom', failure.message) : failure.message}`;
    case 'http':
      return `http: ${context.server} answered HTTP ${failure.httpStatus}`;
    case 'protocol':
      return `protocol: ${failure.detail}`;
    case 'network':
      return `network: ${networkText(failure.code, context.server)}${failure.mayHaveReachedServer ? reached : ''}`;
    case 'proxy':
      return `proxy: ${proxyText(failure, context.server, context.proxySource)}`;
    case 'certificate':
      return `certificate: ${certificateText(failure)}`;
    case 'timeout':
      return `timeout: no complete answer from ${context.server} within ${failure.timeoutMs} ms (while ${
        failure.phase === 'connect' ? 'connecting' : failure.phase === 'headers' ? 'waiting for the answer' : 'reading the answer'
      })${failure.mayHaveReachedServer ? reached : ''}`;
  }
}

/** A service time (China time, no zone) in the local time zone, with the zone and its offset then named. */
export function localServiceTime(text: string | undefined): string | undefined {
  const at = parseServiceTime(text);
  return at ? `${localDate(at)} ${localTime(at)} (${zoneName(at)})` : undefined;
}

const stateWords = {
  waiting: 'waiting for participants',
  'in-progress': 'in progress',
  ended: 'ended',
  released: 'released (nobody joined in time)',
  unknown: 'unknown',
} as const;

const lines = (rows: [string, unknown][]) =>
  `${rows
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([label, value]) => `${label}: ${String(value)}`)
    .join('\n')}\n`;

/** `umeet info`: the meeting as the app speaks of it; raw status numbers only in --json. */
export function meetingLines(info: MeetingInfo): string {
  return lines([
    ['Meeting ID', info.id],
    ['Topic', info.topic],
    ['State', stateWords[stateFromInfo(info)]],
    ['Starts', localServiceTime(info.start_time) ?? info.start_time],
    ['Duration', info.duration === undefined ? undefined : `${info.duration} minutes`],
    ['Room size', info.meeting_capacity === undefined ? undefined : `${info.meeting_capacity} people`],
    ['User key', info.user_key],
    ['Join link', info.join_url],
    ['Live streaming', info.allow_live_streaming === undefined ? undefined : info.allow_live_streaming ? 'on' : 'off'],
    ['Live page', info.watch_url],
    ['Live stream', info.play_addr],
  ]);
}

/** `umeet instant`: the new meeting; the host link and token only with --reveal-secrets. */
export function createdLines(meeting: Record<string, unknown>, reveal: boolean): string {
  const shown = publicFields(meeting, reveal) as Record<string, string | undefined>;
  return lines([
    ['Meeting ID', shown.meeting_id],
    ['Join link', shown.join_url],
    ['Host key', shown.host_key],
    ['Started', localServiceTime(shown.start_time) ?? shown.start_time],
    ['Host link', shown.start_url],
    ['Token', shown.token],
    ['Live page', shown.watch_url],
    ['Live stream', shown.play_addr],
  ]);
}

/**
 * `umeet list`: one line per meeting: ID, local start, state, topic, join link; then the zone of the times (each
 * time with its own offset when they do not share one: zoneOfTimes).
 */
export function meetingListLines(
  meetings: readonly { id: string; topic?: string; start_time?: string; status?: number; join_url?: string }[],
): string {
  if (!meetings.length) return 'No online meetings.\n';
  const starts = meetings.map((m) => parseServiceTime(m.start_time));
  const known = starts.filter((at): at is Date => at !== undefined);
  const { zone, eachOffset } = zoneOfTimes(known);
  return `${meetings
    .map((m, i) => {
      const at = starts[i];
      const when = at ? localMinuteIn(at, eachOffset) : '';
      const state = m.status === 1 ? stateWords['in-progress'] : m.status === 0 ? stateWords.waiting : '';
      return [m.id, when, state, m.topic ?? '', m.join_url ?? ''].filter(Boolean).join('  ');
    })
    .join('\n')}\n${known.length ? `(times in ${zone})\n` : ''}`;
}

/** `umeet licence`: room sizes and how many rooms of each. */
export function licenceLines(licence: { capacity: Record<string, number>; expire_date?: string }): string {
  const rooms = Object.entries(licence.capacity)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([size, count]) => `  ${size} people: ${count} room${count === 1 ? '' : 's'}`)
    .join('\n');
  return `Licence${licence.expire_date ? ` (expires ${licence.expire_date})` : ''}:\n${rooms}\n`;
}

const localMinute = (at: Date) => `${localDate(at)} ${localTime(at)}`;

/** `umeet rooms`: each licensed size, its rooms and how many are free, for the slot in the user's own time. */
export function roomsLines(rows: readonly SizeAvailability[], slot: RoomSlot): string {
  const head = `Free rooms from ${localMinute(slot.from)} for ${slot.minutes} minutes (${zoneName(slot.from)}):\n`;
  if (!rows.length) return `${head}The licence has no rooms.\n`;
  const cells = rows.map((r) => [String(r.capacity), String(r.total), String(r.free)]);
  return head + table(['Size', 'Rooms', 'Free'], cells, ['right', 'right', 'right']);
}

/**
 * `umeet participants`: who joined and when, in the user's time zone, named in the header (each time with its own
 * offset when they do not share one: zoneOfTimes); the address column only when asked for.
 */
export function participantsLines(list: ParticipantList): string {
  const { meeting_id: id, count, participants } = list;
  if (!participants.length) return `Meeting ${id}: nobody has joined.\n`;
  const withAddresses = participants.some((p) => 'address' in p);
  const times = participants.flatMap((p) => [p.joined_at, p.left_at]).flatMap((iso) => (iso ? [new Date(iso)] : []));
  const { zone, eachOffset } = zoneOfTimes(times);
  const when = (iso: string | null) => (iso ? localMinuteIn(new Date(iso), eachOffset) : '');
  const header = ['Name', 'Device', 'Joined', 'Left', ...(withAddresses ? ['Address'] : [])];
  const rows = participants.map((p) => [
    p.name ?? '',
    p.device ?? '',
    when(p.joined_at),
    p.left_at ? when(p.left_at) : 'still in',
    ...(withAddresses ? [p.address ?? ''] : []),
  ]);
  return `Meeting ${id}: ${count} participant${count === 1 ? '' : 's'} (times in ${zone}):\n${table(header, rows)}`;
}
