import { createServer } from 'node:net';
import { oneLine } from '../../common/display-text.js';
import { describe, expect, it } from 'vitest';
import { createUmeetClient, type UmeetClientOptions } from '../../core/api/client.js';
import type { ApiFailure, ApiResult } from '../../common/umeet-api.js';
import { chinaTime } from '../../sandbox/china-time.js';
import { useFreshSandbox, useSandbox } from './support/sandbox.js';
import { recordingLogger } from './support/recording-logger.js';

// A licence roomy enough that the tests' meetings never compete for rooms.
const licence = { 10: 40, 25: 40, 50: 1, 100: 5, 200: 0, 300: 0, 500: 0 };
const sandbox = useSandbox({ licence });

function client(overrides: Partial<UmeetClientOptions> = {}) {
  const s = sandbox();
  return createUmeetClient({ baseUrl: s.url, credentials: () => s.credentials, ...overrides });
}

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

function failure<T>(result: ApiResult<T>): ApiFailure {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.failure;
}

/**
 * Runs a request beside a plain timer of its deadline, started at the same moment, and says how long after that
 * timer the request ended. On a busy machine (npm test shares two cores) both are late alike, so this measures the
 * client's own lateness: "within the deadline plus a second" held on an idle machine only when timed against the
 * wall clock. A request that ends before its deadline counts as late by a negative amount.
 */
async function againstTimer<T>(deadlineMs: number, request: () => Promise<T>): Promise<{ result: T; lateMs: number }> {
  let timerAt = Number.NaN;
  const timer = new Promise<void>((resolve) =>
    setTimeout(() => {
      timerAt = performance.now();
      resolve();
    }, deadlineMs),
  );
  const result = await request();
  const endedAt = performance.now();
  await timer;
  return { result, lateMs: endedAt - timerAt };
}

const apiRequests = (path: string) => sandbox().requests.filter((r) => r.path === path).length;

describe('instant', () => {
  it('sends all 13 parameters as the seed names them, booleans as "true"/"false"', async () => {
    const api = client();
    const meeting = value(
      await api.instant({
        topic: '周会',
        meeting_capacity: 25,
        option_jbh: true,
        user_key: '张三@bj',
        duration: 45,
        mute_upon_entry: false,
        use_pmi: false,
        option_host_video: true,
        option_participants_video: false,
        recording: 'cloud',
        allow_live_streaming: true,
      }),
    );
    expect(meeting.meeting_id).toMatch(/^\d{10}$/);
    expect(meeting.join_url).toBe(`${sandbox().url}/j/${meeting.meeting_id}`);
    expect(meeting.watch_url).toBeTruthy();
    expect(sandbox().requests.at(-1)?.fields).toEqual({
      api_key: sandbox().credentials.apiKey,
      api_secret: sandbox().credentials.apiSecret,
      topic: '周会',
      meeting_capacity: '25',
      option_jbh: 'true',
      user_key: '张三@bj',
      duration: '45',
      mute_upon_entry: 'false',
      use_pmi: 'false',
      option_host_video: 'true',
      option_participants_video: 'false',
      recording: 'cloud',
      allow_live_streaming: 'true',
    });
    await api.close();
  });

  it('does not send options the caller did not set', async () => {
    const api = client();
    value(await api.instant({ topic: 'x', meeting_capacity: 10, mute_upon_entry: true }));
    expect(Object.keys(sandbox().requests.at(-1)?.fields ?? {}).sort()).toEqual(
      ['api_key', 'api_secret', 'meeting_capacity', 'mute_upon_entry', 'topic'].sort(),
    );
    await api.close();
  });

  it.each([
    '周会 · 产品评审',
    'a&b=c',
    '1+1=2 %20 %zz 100%',
    '#hash ?q=1&x',
    '表情 😀👍🏽 and ZWJ 👩‍💻',
    'line one\nline two\r\nline three',
    '  spaces kept  ',
    '"quotes" \'single\' <b>tags</b> \\ back',
  ])('sends a hostile topic exactly, and reads it back as the one line it is shown as: %j', async (topic) => {
    const api = client();
    const meeting = value(await api.instant({ topic, meeting_capacity: 10 }));
    expect(sandbox().requests.at(-1)?.fields.topic).toBe(topic);
    // What the service says is shown as one line (common/display-text.ts): line breaks are spaces, ends trimmed.
    expect(value(await api.get(meeting.meeting_id)).topic).toBe(oneLine(topic));
    value(await api.end(meeting.meeting_id));
    await api.close();
  });
});

describe('reads', () => {
  it('get tolerates numeric strings and numeric ids, returning ids as strings', async () => {
    const api = client();
    const { meeting_id } = value(await api.instant({ topic: 'types', meeting_capacity: 25, duration: 60 }));
    const info = value(await api.get(meeting_id));
    // The sandbox answers id as a number, capacity and del_flag as strings, as the docs' examples do.
    expect(info).toMatchObject({ id: meeting_id, meeting_capacity: 25, duration: 60, status: 0, del_flag: 0 });
    expect(typeof info.id).toBe('string');
    expect(info.password).toBeUndefined();
    value(await api.end(meeting_id));
    await api.close();
  });

  it('list filters by user_key and pages, with host keys as strings', async () => {
    const api = client();
    const mine = [];
    for (const topic of ['a', 'b', 'c']) {
      mine.push(value(await api.instant({ topic, meeting_capacity: 10, user_key: 'list-user' })).meeting_id);
    }
    value(await api.instant({ topic: 'other', meeting_capacity: 25, user_key: 'someone-else' }));
    const page1 = value(await api.list({ user_key: 'list-user', page_size: 1, page_number: 1 }));
    expect(page1).toMatchObject({ total_record: 3, total_page: 3, has_next_page: true, has_previous_page: false });
    expect(page1.meetings).toHaveLength(1);
    expect(typeof page1.meetings[0]?.host_key).toBe('string');
    const all = value(await api.list({ user_key: 'list-user' }));
    expect(all.meetings.map((m) => m.id).sort()).toEqual(mine.sort());
    for (const id of mine) value(await api.end(id));
    await api.close();
  });

  it('end frees the room; a second end is rejected with the service message verbatim', async () => {
    const api = client();
    // The slot from now, which the new meeting holds.
    const slot = { meeting_capacity: 50, start_time: chinaTime(sandbox().clock.now()), duration: 60 };
    const before = value(await api.freeRooms(slot));
    const { meeting_id } = value(await api.instant({ topic: 'end me', meeting_capacity: 50 }));
    const during = value(await api.freeRooms(slot));
    expect(during.free).toBe(before.free - 1);
    expect(value(await api.end(meeting_id))).toBeUndefined();
    expect(value(await api.get(meeting_id)).status).toBe(3);
    expect(failure(await api.end(meeting_id))).toEqual({ kind: 'rejected', status: 3004, message: '会议不存在或已结束' });
    await api.close();
  });

  it('getStartUrl returns a fresh host link; licensing returns the tiers as numbers', async () => {
    const api = client();
    const { meeting_id } = value(await api.instant({ topic: 'host', meeting_capacity: 10 }));
    const first = value(await api.getStartUrl(meeting_id)).start_url;
    const second = value(await api.getStartUrl(meeting_id)).start_url;
    expect(first).toContain(`/s/${meeting_id}?zak=`);
    expect(first).not.toBe(second);
    const answer = value(await api.licensing());
    // The sandbox sends every other count as a string; all come back as numbers.
    expect(answer.capacity).toEqual(licence);
    expect(answer.expire_date).toBeUndefined();
    value(await api.delete(meeting_id));
    expect(failure(await api.get(meeting_id)).kind).toBe('rejected');
    await api.close();
  });
});

describe('invalid input: refused with the field named, nothing sent', () => {
  it.each([
    ['topic', { topic: '   ', meeting_capacity: 10 }],
    ['topic', { topic: undefined, meeting_capacity: 10 }],
    ['meeting_capacity', { topic: 'x', meeting_capacity: 0 }],
    ['meeting_capacity', { topic: 'x', meeting_capacity: 2.5 }],
    ['duration', { topic: 'x', meeting_capacity: 10, duration: 30 }],
    ['duration', { topic: 'x', meeting_capacity: 10, duration: 45.5 }],
    ['user_key', { topic: 'x', meeting_capacity: 10, user_key: '中'.repeat(67) }],
    ['recording', { topic: 'x', meeting_capacity: 10, recording: 'local' }],
    ['', { topic: 'x', meeting_capacity: 10, surprise: true }],
  ])('%s', async (field, input) => {
    const api = client();
    const before = sandbox().requests.length;
    const connections = sandbox().connections;
    const result = failure(await api.instant(input as never));
    expect(result.kind).toBe('invalid-input');
    if (field) expect(result).toMatchObject({ field });
    expect(sandbox().requests.length).toBe(before);
    expect(sandbox().connections).toBe(connections);
    await api.close();
  });

  it('accepts a user_key of exactly 200 bytes', async () => {
    const api = client();
    const key = '中'.repeat(66) + 'ab'; // 198 + 2 bytes
    value(await api.list({ user_key: key }));
    await api.close();
  });

  it('missing credentials are invalid input and send nothing', async () => {
    const before = sandbox().requests.length;
    const api = client({ credentials: () => ({ apiKey: 'k', apiSecret: '' }) });
    expect(failure(await api.licensing())).toMatchObject({ kind: 'invalid-input', field: 'api_secret' });
    expect(sandbox().requests.length).toBe(before);
    await api.close();
  });
});

describe('failure kinds', () => {
  it('auth: wrong credentials, with the service message', async () => {
    const api = client({ credentials: () => ({ apiKey: sandbox().credentials.apiKey, apiSecret: 'wrong-secret-123' }) });
    expect(failure(await api.licensing())).toEqual({ kind: 'auth', status: 10001, message: 'api_key 或 api_secret 错误' });
    await api.close();
  });

  it('auth: an envelope status of 401', async () => {
    sandbox().inject({ kind: 'bad-credentials', status: 401 });
    const api = client();
    expect(failure(await api.licensing())).toMatchObject({ kind: 'auth', status: 401 });
    await api.close();
  });

  it('rejected: no free room, message verbatim', async () => {
    sandbox().inject({ kind: 'no-free-room' });
    const api = client();
    expect(failure(await api.instant({ topic: 'x', meeting_capacity: 10 }))).toEqual({
      kind: 'rejected',
      status: 3001,
      message: '当前没有空闲的会议室',
    });
    await api.close();
  });

  it('rejected: a size the licence has no room of', async () => {
    const api = client();
    expect(failure(await api.instant({ topic: 'x', meeting_capacity: 150 }))).toMatchObject({
      kind: 'rejected',
      message: '没有 150 方的会议室授权',
    });
    await api.close();
  });

  it('http: a 502 HTML page, whose body is not shown', async () => {
    sandbox().inject({ kind: 'http-502-html' });
    const api = client();
    const result = failure(await api.licensing());
    expect(result).toEqual({ kind: 'http', httpStatus: 502 });
    await api.close();
  });

  it('protocol: a 200 that is not JSON', async () => {
    sandbox().inject({ kind: 'non-json-200' });
    const api = client();
    expect(failure(await api.licensing())).toEqual({ kind: 'protocol', detail: 'the answer is not JSON' });
    await api.close();
  });

  it('protocol: an answer over 1 MiB is cut off', async () => {
    sandbox().inject({ kind: 'oversized' });
    const api = client();
    expect(failure(await api.licensing())).toEqual({ kind: 'protocol', detail: 'the answer is larger than 1048576 bytes' });
    await api.close();
  });

  it('network: connection refused, nothing reached the server', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const api = createUmeetClient({ baseUrl: `http://127.0.0.1:${port}`, credentials: () => sandbox().credentials });
    expect(failure(await api.instant({ topic: 'x', meeting_capacity: 10 }))).toEqual({
      kind: 'network',
      code: 'ECONNREFUSED',
      mayHaveReachedServer: false,
    });
    await api.close();
  });

  it('network: a create reset after it was sent arrives exactly once and is not retried', async () => {
    sandbox().inject({ kind: 'reset', path: '/umeeting/share/instant', times: 5 });
    const api = client();
    const before = apiRequests('/umeeting/share/instant');
    expect(failure(await api.instant({ topic: 'reset', meeting_capacity: 100 }))).toMatchObject({
      kind: 'network',
      mayHaveReachedServer: true,
    });
    expect(apiRequests('/umeeting/share/instant')).toBe(before + 1);
    // …and the service did create it: the ambiguity is real.
    const listed = value(await api.list());
    expect(listed.meetings.some((m) => m.topic === 'reset')).toBe(true);
    for (const m of listed.meetings.filter((m) => m.topic === 'reset')) value(await api.end(m.id));
    await api.close();
  });

  it('a read reset once is retried once and succeeds', async () => {
    sandbox().inject({ kind: 'reset', path: '/umeeting/licensing', times: 1 });
    const api = client();
    const before = apiRequests('/umeeting/licensing');
    value(await api.licensing());
    expect(apiRequests('/umeeting/licensing')).toBe(before + 2);
    await api.close();
  });

  it('timeout: a create with no answer fails within the deadline plus one second, sent once', async () => {
    sandbox().inject({ kind: 'no-answer', path: '/umeeting/share/instant' });
    const api = client({ timeoutMs: 800 });
    const before = apiRequests('/umeeting/share/instant');
    const { result, lateMs } = await againstTimer(800, () => api.instant({ topic: 'silent', meeting_capacity: 10 }));
    expect(failure(result)).toEqual({ kind: 'timeout', phase: 'headers', timeoutMs: 800, mayHaveReachedServer: true });
    expect(lateMs).toBeLessThan(1000);
    expect(apiRequests('/umeeting/share/instant')).toBe(before + 1);
    await api.close();
  });

  it('timeout: a body that trickles forever fails within the deadline plus one second', async () => {
    sandbox().inject({ kind: 'trickle' });
    const api = client({ timeoutMs: 800 });
    const { result, lateMs } = await againstTimer(800, () => api.licensing());
    expect(failure(result)).toMatchObject({ kind: 'timeout', phase: 'body' });
    expect(lateMs).toBeLessThan(1000);
    await api.close();
  });

  it('timeout: a server that accepts the connection but never reads or answers', async () => {
    const sockets: import('node:net').Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const api = createUmeetClient({ baseUrl: `http://127.0.0.1:${port}`, credentials: () => sandbox().credentials, timeoutMs: 500 });
    const { result, lateMs } = await againstTimer(500, () => api.licensing());
    expect(failure(result)).toMatchObject({ kind: 'timeout', mayHaveReachedServer: true });
    expect(lateMs).toBeLessThan(1000);
    await api.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });
});

describe('connections', () => {
  // A sandbox for each test: they count its connections, and a client of an earlier test (a retry on its way, say)
  // could still open one on the file's shared sandbox (a shuffled run found one more than counted).
  const own = useFreshSandbox({ licence });
  const ownClient = () => {
    const s = own();
    return createUmeetClient({ baseUrl: s.url, credentials: () => s.credentials });
  };
  it('warm() opens the connection ahead, and the click then opens none', async () => {
    const api = ownClient();
    const before = own().connections;
    await api.warm();
    expect(own().connections).toBe(before + 1);
    const { meeting_id } = value(await api.instant({ topic: 'warm', meeting_capacity: 10 }));
    value(await api.get(meeting_id));
    value(await api.end(meeting_id));
    expect(own().connections).toBe(before + 1);
    await api.close();
  });

  it('does not warm again while the connection has just answered (hovering is not a request each time)', async () => {
    const api = ownClient();
    const before = own().rootRequests;
    await Promise.all([api.warm(), api.warm()]);
    expect(own().rootRequests).toBe(before + 1);
    value(await api.licensing());
    await api.warm();
    expect(own().rootRequests).toBe(before + 1);
    await api.close();
  });
});

describe('secrets', () => {
  it('never reach failures or logs', async () => {
    const log = recordingLogger();
    const api = client({ log });
    const meeting = value(await api.instant({ topic: 'secret check', meeting_capacity: 10 }));
    expect(meeting.start_url).toContain('zak=');
    const zak = new URL(meeting.start_url ?? '').searchParams.get('zak') ?? '';
    const token = meeting.token ?? '';
    const failures: ApiFailure[] = [];
    for (const kind of ['http-502-html', 'non-json-200', 'oversized', 'reset', 'bad-credentials'] as const) {
      sandbox().inject({ kind });
      const result = await api.licensing();
      if (!result.ok) failures.push(result.failure);
    }
    const wrong = createUmeetClient({
      baseUrl: sandbox().url,
      credentials: () => ({ apiKey: 'k', apiSecret: 'a-wrong-secret-value' }),
      log,
    });
    const refused = await wrong.licensing();
    if (!refused.ok) failures.push(refused.failure);
    const everything = JSON.stringify({ failures, log: log.lines });
    for (const secret of [sandbox().credentials.apiSecret, 'a-wrong-secret-value', zak, token]) {
      expect(secret.length).toBeGreaterThan(5);
      expect(everything).not.toContain(secret);
    }
    expect(log.lines.length).toBeGreaterThan(3);
    value(await api.end(meeting.meeting_id));
    await api.close();
    await wrong.close();
  });
});
