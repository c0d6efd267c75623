import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUmeetClient, type UmeetClient } from '../../core/api/client.js';
import { interpretAnswer } from '../../core/api/interpret.js';
import { MeetingPage, type ApiResult } from '../../common/umeet-api.js';
import { chinaTimeOf, momentOf, nextYear, nthWeekday } from './support/dates.js';
import { docManifest, FIXTURES, repaired, verbatim, type DocExample } from './support/doc-examples.js';
import { umeet } from './support/umeet-cli.js';

// The service's own documented example answers (test/fixtures/umeet-docs/), served byte for byte from a real
// HTTP server on 127.0.0.1 to the app's API client and to the `umeet` CLI. As printed, none is JSON (every
// page writes `//` comments in its examples): the client refuses each cleanly, as `protocol`. Read with the
// repairs the manifest lists (a missing comma, a bracket never closed…), each is an answer the client reads,
// with its key fields. Nothing here is the sandbox's invention: these are the service's words.

/** A server that answers every POST with the body it is given, and remembers the paths asked. */
function docServer() {
  let body: Buffer | string = '';
  const paths: string[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(request.url ?? '');
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
      response.end(body);
    });
  });
  return {
    paths,
    answer: (next: Buffer | string) => void (body = next),
    start: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const server = docServer();
const credentials = { apiKey: 'doc-key-1', apiSecret: 'doc-secret-2b7e9c' };
let client: UmeetClient;
beforeAll(async () => {
  await server.start();
  client = createUmeetClient({ baseUrl: server.url(), credentials: () => credentials });
});
afterAll(async () => {
  await client.close();
  await server.close();
});

const manifest = docManifest();
const examples = manifest.examples;
const read = examples.filter((e): e is DocExample & { client: string } => e.client !== null);

/** A future China time, as the service's calls take it. */
const later = chinaTimeOf(momentOf('Asia/Shanghai', nthWeekday(nextYear(), 1, 2, 'tue')!, '10:00'));

/** Each client method, called as the app calls it; any argument will do: the server answers the example whatever was asked. */
const calls: Record<string, (api: UmeetClient) => Promise<ApiResult<unknown>>> = {
  instant: (api) => api.instant({ topic: 'Weekly sync', meeting_capacity: 25 }),
  get: (api) => api.get('1574054185'),
  list: (api) => api.list(),
  end: (api) => api.end('1360671085'),
  delete: (api) => api.delete('1360671085'),
  getStartUrl: (api) => api.getStartUrl('15455452'),
  licensing: (api) => api.licensing(),
  freeRooms: (api) => api.freeRooms({ meeting_capacity: 25, start_time: later, duration: 60 }),
  meetingDetail: (api) => api.meetingDetail('1390480983'),
  schedule: (api) => api.schedule({ topic: 'Weekly sync', meeting_capacity: 25, start_time: later, duration: 60 }),
  update: (api) => api.update({ id: '1770498237', start_time: later, duration: 60 }),
  resize: (api) => api.resize('1370845021', 25),
  rooms: (api) => api.rooms(),
  summary: (api) => api.summary({ from: '2017-08-31', to: '2017-09-01' }),
  detail: (api) => api.detail({ from: '2017-08-31', to: '2017-09-01', show_participants: true, show_telephony_usage: true }),
};

/** What the client must make of each example: its key fields. */
const expected: Record<string, unknown> = {
  'instant.txt': {
    meeting_id: '1591620888',
    host_key: '765418',
    join_url: 'https://**/j/1591620888',
    host_id: 'mueyYP0sQp-',
    token: '9AYkPEIrxUzZmU2ZWIQXVvaVlTM3M9',
    start_url: expect.stringMatching(/^https:\/\/u\.systeccloud\.com\/s\/1890181373\?zak=eyJ[\w.-]+$/),
    play_addr: 'http://p2.weizan.cn/79555295/132312377802785197/live.m3u8',
    watch_url: 'https://wx.vzan.com/live/tvchat-1590377657?ver=637223897808876626',
  },
  'get.txt': {
    id: '1574054185',
    topic: '王者荣耀世界大战',
    duration: 50,
    start_time: '2018-04-26 15:00:00',
    meeting_capacity: 25,
    status: 0,
    del_flag: 0,
    allow_live_streaming: true,
    play_addr: 'http://p2.weizan.cn/79555295/132312361257166751/live.m3u8',
  },
  'get-unlisted-page.txt': { id: '1360671085', topic: 'HelloWorld!', duration: 20, status: 1, meeting_capacity: 10 },
  'list.txt': {
    page_num: 1,
    page_size: 30,
    total_record: 1,
    has_next_page: false,
    meetings: [
      { id: '1360671085', topic: 'HelloWorld!', duration: 20, start_time: '2017-08-15 00:00:00', status: 1, host_key: '030488', type: 2 },
    ],
  },
  'end.txt': undefined,
  'delete.txt': undefined,
  'update.txt': undefined,
  'resetCapacity.txt': undefined,
  'getStartUrl.txt': { start_url: 'https://demosso.systeccloud.com/s/15455452?zak=eyJ6bV9V9vMm0iLCJhbGci.....' },
  'licensing.txt': { payType: '1', capacity: { 10: 11, 25: 5, 50: 55, 100: 3, 200: 1, 300: 0, 500: 0 } },
  'freeRooms.txt': { total: 8, free: 8 },
  'meetingdetail.txt': {
    id: '1390480983',
    uuid: 'qHu12qI/==',
    host: '测试8 ',
    start_time: '2018-08-13T09:46:53Z',
    participants_count: 1,
    page_count: 1,
    page_size: 100,
    participants: [
      {
        user_name: '叶大红的 iPhone',
        device: 'iOS',
        ip_address: '183.61.126.78',
        city: 'Guangzhou',
        network_type: 'Wifi',
        join_time: '2018-08-13T09:46:53Z',
      },
    ],
  },
  'meetingdetail-by-uuid.txt': {
    id: '1806697677',
    uuid: 'Ov8vv4PiR/mYW3Px8NuJVg==',
    host: '富力',
    duration: 45,
    participants_count: 3,
    start_time: '2018-04-02 10:32:33',
    end_time: '2018-04-02 11:17:04',
    participants: [
      { join_time: '2018-08-13 16:18:41', leave_time: '2018-08-13 17:30:22' },
      { join_time: '2018-08-13 16:35:41', leave_time: '2018-08-13 17:19:45' },
      { join_time: '2018-08-13 16:55:51', leave_time: '2018-08-13 17:29:26' },
    ],
  },
  'schedule.txt': {
    meeting_id: '1770498237',
    host_key: '030488',
    ready_time: 15,
    live_id: '12345663',
    start_url: expect.stringMatching(/^https:\/\/u\.systeccloud\.com\/s\/1890181373\?zak=eyJ[\w.-]+$/),
    occurrences: [
      { start_time: '2020-05-18 10:00:00', uuid: '2d3l1sotx4rky8vcipkrku==' },
      { start_time: '2020-05-19 10:00:00', uuid: '9fqqv0gx57zgj83wy2pzra==' },
      { start_time: '2020-05-20 10:00:00', uuid: '1cyrs8qs2bxtq9gp115e6x==' },
    ],
  },
  'rooms.txt': [
    {
      id: '2-Vhs-ODRFS3AvstEXupxQ',
      first_name: '3',
      meeting_capacity: 25,
      meetings: [{ id: '1370845021', topic: '王者荣耀世界大战', start_time: '2018-04-26 15:00:00', duration: 50, status: 0, type: 2 }],
    },
  ],
  'summary.txt': {
    from: '2017-8-31',
    to: '2017-09-01',
    total_meetings: 7,
    total_participants: 17,
    total_meeting_minutes: 160,
    rooms: [
      {
        host_id: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        is_extra: false,
        meetings: 10,
        participants: 55,
        meeting_minutes: 10,
        audio_participants: 10,
        audio_total_duration: 120,
        total_fee: 1.2,
      },
    ],
  },
  // Who joined and the calls are read as counts and sums: the names and the telephone numbers are dropped.
  'detail.txt': {
    has_next_page: false,
    meetings: [
      {
        uuid: 'dgvOvqWVRUWjrEOS2YI2ig==',
        host_id: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
        meeting_id: '1790001234',
        start_time: '2017-08-31 00:00:00',
        duration: 120,
        end_time: '2017-08-31 01:00:00',
        is_extra: false,
        participants: { count: 1, minutes: 0, fee: 0 },
        telephony_usage: { count: 1, minutes: 2, fee: 0.12 },
      },
    ],
  },
};

describe('the manifest', () => {
  it('names each fixture once, with its page, the commit it came from and the API path', () => {
    const files = readdirSync(FIXTURES).filter((f) => f !== 'manifest.json');
    expect(examples.map((e) => e.file).sort()).toEqual(files.sort());
    for (const e of examples) {
      expect(e.page).toMatch(/^[\w-]+\/[\w-]+\.md$/);
      expect(e.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(e.api_path).toMatch(/^\/umeeting\/[\w/{}]+$/);
      expect(e.file).toMatch(/\.txt$/);
    }
  });

  it('covers every call the client has', () => {
    const methods = Object.keys(client).filter((name) => name !== 'warm' && name !== 'close');
    expect(new Set(read.map((e) => e.client))).toEqual(new Set(methods));
    expect(Object.keys(calls).sort()).toEqual(methods.sort());
  });

  it.each(examples.map((e) => [e.file, e] as const))('%s: not JSON as printed (so kept as .txt), JSON once repaired', (_, e) => {
    expect(e.json).toBe(false);
    expect(() => JSON.parse(verbatim(e).toString('utf8'))).toThrow(SyntaxError);
    expect(e.not_json_because).toMatch(/`\/\/` comments/);
    expect(JSON.parse(repaired(e))).toMatchObject({ status: 200, message: 'OK' });
  });
});

describe('the API client reads each documented example', () => {
  it.each(read.map((e) => [e.file, e] as const))(
    '%s, served verbatim: a clean protocol failure (not JSON), nothing thrown',
    async (_, e) => {
      server.answer(verbatim(e));
      const asked = server.paths.length;
      const result = await calls[e.client]!(client);
      expect(result).toEqual({ ok: false, failure: { kind: 'protocol', detail: 'the answer is not JSON' } });
      // Sent once, to the documented path (resetCapacity with the meeting in it).
      expect(server.paths.slice(asked)).toEqual([e.api_path.replace('{meetingId}', '1370845021')]);
    },
  );

  it.each(read.map((e) => [e.file, e] as const))('%s, repaired: read, with its key fields', async (_, e) => {
    server.answer(repaired(e));
    const result = await calls[e.client]!(client);
    if (!result.ok) throw new Error(`${e.file}: ${JSON.stringify(result.failure)}`);
    const want = expected[e.file];
    if (want === undefined) expect(result.value).toBeUndefined();
    else expect(result.value).toMatchObject(want as object);
  });

  it('history.txt: list’s shape, read as the client reads every answer (the client has no history call yet)', () => {
    const history = examples.find((e) => e.file === 'history.txt')!;
    const result = interpretAnswer(200, Buffer.from(repaired(history)), MeetingPage, []);
    expect(result).toMatchObject({
      ok: true,
      value: { total_record: 1, meetings: [{ id: '1360671085', status: 1, type: 2, host_key: '030488' }] },
    });
  });
});

describe('a one-item array where an object is expected', () => {
  const envelope = (data: unknown) => JSON.stringify({ status: 200, message: 'OK', data });

  it('is read as its item, for any call', async () => {
    server.answer(envelope([{ start_url: 'https://meeting.systeccloud.com/s/1?zak=x' }]));
    expect(await client.getStartUrl('1')).toEqual({ ok: true, value: { start_url: 'https://meeting.systeccloud.com/s/1?zak=x' } });
    server.answer(envelope([{ total: '3', free: 1 }]));
    expect(await client.freeRooms({ meeting_capacity: 25, start_time: later, duration: 60 })).toEqual({
      ok: true,
      value: { total: 3, free: 1 },
    });
  });

  it('is still an array where an array is expected', async () => {
    server.answer(envelope([{ id: 'r1', first_name: '1', meeting_capacity: '10', meetings: [] }]));
    expect(await client.rooms()).toMatchObject({ ok: true, value: [{ id: 'r1', meeting_capacity: 10 }] });
  });

  it('two items, or none, are refused as protocol: which one was meant is not guessed', async () => {
    server.answer(envelope([{ id: '1' }, { id: '2' }]));
    expect(await client.get('1')).toMatchObject({
      ok: false,
      failure: { kind: 'protocol', detail: expect.stringMatching(/^unexpected data: /) },
    });
    server.answer(envelope([]));
    expect(await client.get('1')).toMatchObject({ ok: false, failure: { kind: 'protocol' } });
  });

  it('an item that does not fit is named by its place', async () => {
    server.answer(envelope([{ topic: 'no id' }]));
    expect(await client.get('1')).toMatchObject({
      ok: false,
      failure: { kind: 'protocol', detail: expect.stringMatching(/^unexpected data\.0\.id: /) },
    });
  });
});

describe('the umeet CLI reads the documented answers', () => {
  const fixture = (file: string) => examples.find((e) => e.file === file)!;
  const run = (args: string[], env: Record<string, string> = {}) =>
    umeet({ url: server.url(), credentials }, args, { TZ: 'Asia/Shanghai', ...env });

  it('info: the get example, in words and as JSON', async () => {
    server.answer(repaired(fixture('get.txt')));
    const human = await run(['info', '1574054185']);
    expect(human).toMatchObject({ code: 0, stderr: '' });
    expect(human.stdout).toContain('Meeting ID: 1574054185\nTopic: 王者荣耀世界大战\nState: waiting for participants\n');
    expect(human.stdout).toContain('Room size: 25 people');
    const json = await run(['info', '1574054185', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: '1574054185', status: 0, del_flag: 0, meeting_capacity: 25, duration: 50 });
  });

  it('list: the list example', async () => {
    server.answer(repaired(fixture('list.txt')));
    const human = await run(['list']);
    expect(human).toMatchObject({ code: 0, stderr: '' });
    expect(human.stdout).toMatch(/^1360671085 {2}2017-08-15 00:00 {2}in progress {2}HelloWorld!\n/);
    const json = JSON.parse((await run(['list', '--json'])).stdout);
    expect(json).toMatchObject({ total_record: 1, meetings: [{ id: '1360671085', type: 2, status: 1, host_key: '030488' }] });
  });

  it('participants: the meetingdetail example, whose data is an array of one meeting', async () => {
    server.answer(repaired(fixture('meetingdetail.txt')));
    const json = await run(['participants', '1390480983', '--json']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(json.stdout)).toEqual({
      meeting_id: '1390480983',
      count: 1,
      participants: [{ name: '叶大红的 iPhone', device: 'iOS', joined_at: '2018-08-13T09:46:53.000Z', left_at: null }],
    });
    const human = await run(['participants', '1390480983']);
    expect(human.stdout).toContain('叶大红的 iPhone  iOS     2018-08-13 17:46  still in');
  });

  it('schedule: the schedule example (its start_time "7" is not trusted: the start is the one sent)', async () => {
    server.answer(repaired(fixture('schedule.txt')));
    const start = nthWeekday(nextYear(), 1, 2, 'tue')!;
    const args = ['schedule', '--topic', 'Weekly sync', '--capacity', '25', '--start', `${start} 10:00`, '--duration', '60', '--json'];
    const json = await run(args);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(json.stdout)).toEqual({
      meeting_id: '1770498237',
      topic: 'Weekly sync',
      join_url: 'https://**/j/1770498237',
      start: `${start}T10:00:00+08:00`,
      duration: 60,
      host_key: '030488',
    });
  });

  it.each(['get.txt', 'list.txt', 'meetingdetail.txt', 'schedule.txt'])('%s verbatim: one protocol line, exit 1', async (file) => {
    server.answer(verbatim(fixture(file)));
    const start = nthWeekday(nextYear(), 1, 2, 'tue')!;
    const args = {
      'get.txt': ['info', '1574054185'],
      'list.txt': ['list'],
      'meetingdetail.txt': ['participants', '1390480983'],
      'schedule.txt': ['schedule', '--topic', 'T', '--capacity', '25', '--start', `${start} 10:00`, '--duration', '60'],
    }[file]!;
    expect(await run(args)).toEqual({ code: 1, stdout: '', stderr: 'umeet: protocol: the answer is not JSON\n' });
  });
});
