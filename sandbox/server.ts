import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { chinaTime, parseChinaTime } from './china-time.js';
import { detailRecordsView, summaryView } from './usage.js';
import { createSandboxClock } from './clock.js';
import { deviceFromUserAgent, type JoinOptions } from './participants.js';
import { slotOf } from './rooms.js';
import { checkFlags, checkPassword, planOf, type FirstWeekday } from './schedule.js';
import { createSandboxState, fakeZak, READY_MINUTES, RELEASE_AFTER_MS, type BookingRequest, type SandboxMeeting } from './state.js';
import { DEFAULT_PAGE_SIZE, detailView, roomsView } from './views.js';

/**
 * A local stand-in for the Umeet API on 127.0.0.1: the calls the app uses, with state behind them,
 * the quirks docs/umeet-api.md lists (mixed number/string types), join and start pages, and
 * fault injection for tests. For development, demos and tests only: it is not the service.
 */

export type FaultKind =
  | 'bad-credentials' // the service refuses the credentials
  | 'no-free-room' // status 3001, whatever the licence says
  | 'http-502-html' // a proxy's HTML error page
  | 'non-json-200' // HTTP 200 with an HTML body
  | 'no-answer' // the request is processed, the answer never comes
  | 'trickle' // headers, then one byte every 100 ms, forever
  | 'reset' // the request is processed, then the connection is reset
  | 'oversized' // a 2 MiB answer
  | 'insecure-join-url' // instant answers with an http:// join_url
  | 'late-answer'; // the request is processed at once, its answer sent `ms` later (a slow way back)

export interface Fault {
  kind: FaultKind;
  /**
   * Only requests to this API path (e.g. '/umeeting/share/instant'); any API path when absent.
   * `resetCapacity` carries the meeting in its path: '/umeeting/share/resetCapacity' matches it for any
   * meeting, '/umeeting/share/resetCapacity/<id>' for that one only.
   */
  path?: string;
  /** How many matching requests it applies to; 1 when absent. */
  times?: number;
  /** For bad-credentials: the envelope status to answer with (default 10001, a message-only refusal). */
  status?: number;
  /** For late-answer: how long the answer, made at once, waits before it is sent (default 1,000 ms). */
  ms?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  fields: Record<string, string>;
  at: number;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** How much faster than real time the sandbox's clock runs. */
  clockSpeed?: number;
  /**
   * The moment (epoch ms) the sandbox's clock starts at, instead of now; it runs on from there. For tests
   * that book fixed dates: with the clock before them, they are in the future whatever day the test runs.
   */
  clockStart?: number;
  credentials?: { apiKey: string; apiSecret: string };
  licence?: Record<string, number>;
  /** Added before every API answer, for latency benchmarks. */
  delayMs?: number;
  /** Serve over HTTPS with this key and certificate (PEM), as the real service does: for certificate and proxy tests. */
  tls?: { key: string; cert: string };
  /** How long an idle connection is kept (announced as `Keep-Alive: timeout=…`, which clients follow); 65 s by default. */
  keepAliveMs?: number;
  /**
   * Which day `weekly_days` and `monthly_week_day` number 1: Sunday (the app's reading, the default) or
   * Monday (the documentation's other possible reading): to test what the app does when they disagree.
   */
  firstWeekday?: FirstWeekday;
  /** When no room of a size is free, make one beyond the licence (reported as `is_extra`) instead of refusing. */
  extraRooms?: boolean;
}

export const DEMO_CREDENTIALS = { apiKey: 'demo-key-1a2b', apiSecret: 'demo-secret-5f3c9e7d1b' };
export const DEMO_LICENCE: Record<string, number> = { 10: 2, 25: 3, 50: 1, 100: 1, 200: 0, 300: 0, 500: 0 };

const MAX_REQUEST_BYTES = 64 * 1024;

/** A request's body as text, refused past `maxBytes` (the connection is cut, nothing more is read). */
export function readBody(req: IncomingMessage, maxBytes = MAX_REQUEST_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><meta charset="utf-8"><title>${escapeHtml(title)}</title><body>${body}</body>`);
}

/** The one call whose path carries an argument: `/umeeting/share/resetCapacity/{meetingId}`. */
const RESIZE_PATH = '/umeeting/share/resetCapacity';

/** The call a path names: the path itself, or for resetCapacity the path without its meeting id. */
const callOf = (path: string) => (path.startsWith(`${RESIZE_PATH}/`) ? RESIZE_PATH : path);

/** A whole number of at least 1 from a form field, or undefined. */
const positive = (text: string | undefined) => (/^\d+$/.test(text ?? '') && Number(text) > 0 ? Number(text) : undefined);

/** The fields of a control request's body a participant is made of; anything else is ignored. */
function joinOptions(body: Record<string, unknown>): JoinOptions {
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : undefined);
  return { name: text('name'), device: text('device'), ip: text('ip'), city: text('city'), network: text('network') };
}

export async function startSandbox(options: SandboxOptions = {}) {
  const host = options.host ?? '127.0.0.1';
  const credentials = options.credentials ?? DEMO_CREDENTIALS;
  const clock = createSandboxClock(options.clockSpeed ?? 1, Date.now, options.clockStart);
  const state = createSandboxState(clock, options.licence ?? DEMO_LICENCE, { extraRooms: options.extraRooms ?? false });
  const faults: Fault[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let connections = 0;
  /** `GET /` requests: what a client's warm-up sends. */
  let rootRequests = 0;
  let delayMs = options.delayMs ?? 0;
  let base = '';
  /** Every start-link token and SDK token handed out, so tests can look for them where they must not be. */
  const issued = { zaks: [] as string[], tokens: [] as string[] };
  const zak = () => {
    const value = fakeZak();
    issued.zaks.push(value);
    return value;
  };

  const takeFault = (path: string): Fault | undefined => {
    const index = faults.findIndex((f) => !f.path || f.path === path || f.path === callOf(path));
    if (index < 0) return undefined;
    const fault = faults[index]!;
    const remaining = (fault.times ?? 1) - 1;
    if (remaining <= 0) faults.splice(index, 1);
    else faults[index] = { ...fault, times: remaining };
    return fault;
  };

  const meetingView = (m: SandboxMeeting) => {
    const status = m.state === 'in-progress' ? 1 : m.state === 'ended' ? 3 : 0;
    return {
      // Types deliberately mixed, as in the documentation's own examples.
      id: Number(m.id),
      topic: m.topic,
      duration: m.duration ?? '',
      start_time: chinaTime(m.start),
      meeting_capacity: String(m.capacity),
      password: null,
      user_key: m.userKey ?? '',
      join_url: `${base}/j/${m.id}`,
      status,
      del_flag: m.state === 'released' ? '1' : '0',
      allow_live_streaming: m.liveStreaming ? 'true' : 'false',
      play_addr: m.liveStreaming ? `http://127.0.0.1/live/${m.id}.m3u8` : null,
      watch_url: m.liveStreaming ? `${base}/live/${m.id}` : '',
    };
  };

  type Envelope = { status: number; message: string; data?: unknown };
  const ok = (data?: unknown): Envelope => ({ status: 200, message: 'OK', data });

  /** The instant answer's fields, as the schedule answer has them too. */
  const createdView = (m: SandboxMeeting) => ({
    host_key: m.hostKey,
    join_url: `${base}/j/${m.id}`,
    meeting_id: m.id,
    start_time: '',
    host_id: `host-${randomBytes(4).toString('hex')}`,
    token: (() => {
      const token = randomBytes(18).toString('base64url');
      issued.tokens.push(token);
      return token;
    })(),
    start_url: `${base}/s/${m.id}?zak=${zak()}`,
    ...(m.liveStreaming ? { play_addr: `http://127.0.0.1/live/${m.id}.m3u8`, watch_url: `${base}/live/${m.id}` } : {}),
  });

  /** The instant call's own checks, which schedule makes too. */
  function instantChecks(fields: Record<string, string>): Envelope | undefined {
    if (!fields.topic?.trim()) return { status: 3000, message: 'topic 不能为空' };
    if (!/^\d+$/.test(fields.meeting_capacity ?? '')) return { status: 3000, message: 'meeting_capacity 无效' };
    if (fields.duration !== undefined && !(Number(fields.duration) > 30)) {
      return { status: 3000, message: 'duration 必须大于30' };
    }
    return undefined;
  }

  const refused = (outcome: { status: number; message: string }): Envelope => ({ status: outcome.status, message: outcome.message });

  function api(path: string, fields: Record<string, string>): Envelope | undefined {
    switch (callOf(path)) {
      case '/umeeting/share/instant': {
        const invalid = instantChecks(fields);
        if (invalid) return invalid;
        const created = state.create(fields);
        return created.ok ? ok(createdView(created.value)) : refused(created);
      }
      case '/umeeting/share/schedule': {
        const invalid = instantChecks(fields);
        if (invalid) return invalid;
        const flags = checkFlags(fields, ['waiting_room']);
        if (!flags.ok) return refused(flags);
        const password = checkPassword(fields);
        if (!password.ok) return refused(password);
        const plan = planOf(fields, clock.now(), undefined, options.firstWeekday);
        if (!plan.ok) return refused(plan);
        const booked = state.schedule(fields, plan.value);
        if (!booked.ok) return refused(booked);
        const m = booked.value;
        return ok({
          ...createdView(m),
          // The documentation's example, kept as a quirk: clients must keep the start_time they sent.
          start_time: '7',
          ready_time: READY_MINUTES,
          live_id: m.liveStreaming ? `live-${m.id}` : '',
          ...(plan.value.rule ? { occurrences: (m.series ?? []).map((o) => ({ start_time: chinaTime(o.start), uuid: o.uuid })) } : {}),
        });
      }
      case '/umeeting/share/update': {
        if (!fields.id) return { status: 3000, message: 'id 不能为空' };
        if (fields.topic !== undefined && !fields.topic.trim()) return { status: 3000, message: 'topic 不能为空' };
        const flags = checkFlags(fields, ['waiting_room', 'mute_upon_entry', 'allow_live_streaming']);
        if (!flags.ok) return refused(flags);
        const password = checkPassword(fields);
        if (!password.ok) return refused(password);
        const updated = state.update(fields.id, fields, (m) =>
          planOf(fields, clock.now(), { rule: m.rule, end: m.end }, options.firstWeekday),
        );
        return updated.ok ? { status: 200, message: 'OK' } : refused(updated);
      }
      case '/umeeting/share/get': {
        const m = state.find(fields.meeting_id ?? '');
        return m ? ok(meetingView(m)) : { status: 3004, message: '会议不存在' };
      }
      case '/umeeting/share/list': {
        const all = state.online(fields.user_key);
        const size = Number(fields.page_size) || 30;
        const number = Number(fields.page_number) || 1;
        const total = Math.max(1, Math.ceil(all.length / size));
        return ok({
          page_num: number,
          page_size: String(size),
          total_record: all.length,
          total_page: total,
          has_previous_page: number > 1,
          has_next_page: number < total,
          meetings: all.slice((number - 1) * size, number * size).map((m) => ({
            id: m.id,
            topic: m.topic,
            duration: m.duration ?? null,
            start_time: chinaTime(m.start),
            join_url: `${base}/j/${m.id}`,
            status: String(m.state === 'in-progress' ? 1 : 0),
            host_key: Number(m.hostKey),
            type: m.kind === 'instant' ? 1 : 2,
            // Not in the docs' list of fields: the sandbox adds it so a resize shows in the list as in `get`.
            meeting_capacity: m.capacity,
          })),
        });
      }
      case '/umeeting/share/end': {
        const ended = state.end(fields.id ?? '');
        return ended.ok ? { status: 200, message: 'OK' } : { status: ended.status, message: ended.message };
      }
      case '/umeeting/share/delete': {
        const removed = state.remove(fields.id ?? '');
        return removed.ok ? { status: 200, message: 'OK' } : { status: removed.status, message: removed.message };
      }
      case '/umeeting/share/getStartUrl': {
        const m = state.find(fields.id ?? '');
        if (!m || (m.state !== 'waiting' && m.state !== 'in-progress')) {
          return { status: 3004, message: '会议不存在或已结束' };
        }
        const opens = state.opensAt(m);
        if (opens !== undefined && clock.now() < opens) {
          return { status: 3006, message: `会议尚未到可入会时间（${chinaTime(opens)} 起可入会）` };
        }
        return ok({ start_url: `${base}/s/${m.id}?zak=${zak()}` });
      }
      case '/umeeting/licensing': {
        const capacity = Object.fromEntries(
          Object.entries(state.licence()).map(([tier, rooms], i) => [tier, i % 2 ? String(rooms) : rooms]),
        );
        return ok({ payType: '1', expire_date: null, capacity });
      }
      case '/umeeting/share/freeRooms': {
        const capacity = positive(fields.meeting_capacity);
        if (capacity === undefined) return { status: 3000, message: 'meeting_capacity 无效' };
        // start_time is China time, as every time the service reads.
        const start = parseChinaTime(fields.start_time);
        if (start === undefined) return { status: 3000, message: 'start_time 格式应为 yyyy-MM-dd HH:mm:ss' };
        const duration = positive(fields.duration);
        if (duration === undefined || duration <= 30) return { status: 3000, message: 'duration 必须大于30' };
        return ok(state.rooms(capacity, slotOf(start, duration)));
      }
      case '/umeeting/share/rooms':
        return ok(roomsView(state));
      case '/umeeting/share/summary':
        return summaryView(state, fields, clock.now());
      case '/umeeting/share/detail':
        return detailRecordsView(state, fields, clock.now());
      case RESIZE_PATH: {
        let id = path.slice(RESIZE_PATH.length + 1);
        try {
          id = decodeURIComponent(id);
        } catch {
          // A broken %-escape names no meeting: refused below as unknown.
        }
        const capacity = positive(fields.meeting_capacity);
        if (capacity === undefined) return { status: 3000, message: 'meeting_capacity 无效' };
        const resized = state.resize(id, capacity);
        return resized.ok ? { status: 200, message: 'OK', data: null } : { status: resized.status, message: resized.message };
      }
      case '/umeeting/share/meetingdetail': {
        const m = state.find(fields.meeting_id ?? '');
        if (!m) return { status: 3004, message: '会议不存在' };
        if (fields.type !== '1' && fields.type !== '2') return { status: 3000, message: 'type 无效' };
        const isOnline = m.state === 'waiting' || m.state === 'in-progress';
        // type 1 asks about a meeting in progress (or waiting), type 2 about one that is over.
        if (fields.type === '1' && !isOnline) return { status: 3004, message: '会议不存在或已结束' };
        if (fields.type === '2' && isOnline) return { status: 3005, message: '会议尚未结束' };
        const page = { size: positive(fields.page_size) ?? DEFAULT_PAGE_SIZE, number: positive(fields.page_number) ?? 1 };
        return ok(detailView(m, page));
      }
      default:
        return undefined;
    }
  }

  const later = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const fields = Object.fromEntries(new URLSearchParams(await readBody(req)));
    requests.push({ method: req.method ?? '', path, fields, at: Date.now() });
    if (delayMs > 0) await later(delayMs);
    const fault = takeFault(path);

    const send = (envelope: Envelope, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(envelope));
    };

    switch (fault?.kind) {
      case 'bad-credentials':
        return send({ status: fault.status ?? 10001, message: 'api_key 或 api_secret 错误' });
      case 'no-free-room':
        return send({ status: 3001, message: '当前没有空闲的会议室' });
      case 'http-502-html':
        return page(res, 502, 'Bad Gateway', '<h1>502 Bad Gateway</h1><p>nginx</p>');
      case 'non-json-200':
        return page(res, 200, '维护中', '<p>系统维护中</p>');
      case 'oversized': {
        const filler = 'x'.repeat(2 * 1024 * 1024);
        return send({ ...ok({ meeting_id: '1', filler }) });
      }
      default:
        break;
    }

    if (fields.api_key !== credentials.apiKey || fields.api_secret !== credentials.apiSecret) {
      return send({ status: 10001, message: 'api_key 或 api_secret 错误' });
    }
    const envelope = api(path, fields);
    if (!envelope) return send({ status: 404, message: `未知接口 ${path}` }, 404);

    switch (fault?.kind) {
      case 'no-answer':
        return; // processed, never answered: the socket stays open until the client gives up
      case 'reset':
        req.socket.resetAndDestroy();
        return;
      case 'trickle': {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.write('{"status":200,"message":"OK","data":{"meeting_id":"1","x":"');
        const drip = setInterval(() => {
          if (res.destroyed) clearInterval(drip);
          else res.write('x');
        }, 100);
        res.on('close', () => clearInterval(drip));
        // Bounded: a forgotten trickle stops by itself.
        const stop = setTimeout(() => clearInterval(drip), 120_000);
        stop.unref();
        return;
      }
      case 'late-answer':
        // What the service answered when the request came, even if something has changed by the time it is sent.
        await later(fault.ms ?? 1_000);
        return send(envelope);
      case 'insecure-join-url':
        if (envelope.data && typeof envelope.data === 'object' && 'join_url' in envelope.data) {
          const data = envelope.data as { join_url: string; meeting_id: string };
          data.join_url = `http://meeting.systeccloud.com/j/${data.meeting_id}`;
        }
        return send(envelope);
      default:
        return send(envelope);
    }
  }

  /** Opening the page is joining: as one more guest, or as the host, on the device the browser says. */
  function meetingPage(req: IncomingMessage, res: ServerResponse, id: string, asHost: boolean): void {
    const device = deviceFromUserAgent(req.headers['user-agent']);
    const meeting = state.join(id, { device, ...(asHost ? { name: '主持人' } : {}) });
    if (!meeting) return page(res, 404, '会议不存在', `<h1>会议 ${escapeHtml(id)} 不存在</h1>`);
    const role = asHost ? '主持人' : '参会者';
    page(
      res,
      200,
      `${meeting.topic} · ${meeting.id}`,
      `<h1>${escapeHtml(meeting.topic)}</h1><p>会议号 <b id="meeting-id">${meeting.id}</b> · ${role}</p>`,
    );
  }

  /** Test and demo controls, on the same port (never part of the real API). */
  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const json = (value: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : {};
    if (path === '/_sandbox/faults') {
      faults.push(...(Array.isArray(body) ? body : [body]));
      return json({ faults });
    }
    if (path === '/_sandbox/delay') {
      delayMs = Number(body.ms) || 0;
      return json({ delayMs });
    }
    if (path === '/_sandbox/advance') {
      clock.advance(Number(body.minutes) * 60_000);
      return json({ now: clock.now() });
    }
    if (path === '/_sandbox/stats') return json({ connections, requests: requests.length });
    // Who joins and leaves, and bookings for later, for a sandbox in a process of its own; the answers
    // say only whether it worked, never a participant's name.
    if (path === '/_sandbox/join') return json({ joined: Boolean(state.join(String(body.meeting_id), joinOptions(body))) });
    if (path === '/_sandbox/leave') return json({ left: state.leave(String(body.meeting_id), String(body.name)) });
    if (path === '/_sandbox/book') {
      const booked = state.book({
        topic: typeof body.topic === 'string' ? body.topic : undefined,
        capacity: Number(body.capacity),
        start: parseChinaTime(body.start_time) ?? clock.now(),
        duration: body.duration === undefined ? undefined : Number(body.duration),
      });
      return json(booked.ok ? { meeting_id: booked.value.id } : { status: booked.status, message: booked.message });
    }
    res.writeHead(404).end();
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const path = url.pathname;
    const failed = (error: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain' });
      res.end(String(error));
    };
    if (req.method === 'POST' && (path.startsWith('/umeeting/') || path.startsWith('/umeeting'))) {
      handleApi(req, res, path).catch(failed);
    } else if (path.startsWith('/_sandbox/')) {
      control(req, res, path).catch(failed);
    } else if (req.method === 'GET' && /^\/j\/\d+$/.test(path)) {
      meetingPage(req, res, path.slice(3), false);
    } else if (req.method === 'GET' && /^\/s\/\d+$/.test(path)) {
      meetingPage(req, res, path.slice(3), true);
    } else if (req.method === 'GET' && /^\/live\/\d+$/.test(path)) {
      page(res, 200, '直播', `<h1>直播 ${escapeHtml(path.slice(6))}</h1>`);
    } else if (req.method === 'GET' && path === '/') {
      rootRequests += 1;
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Umeet sandbox\n');
    } else {
      res.writeHead(404).end();
    }
  };
  const server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createServer(listener);
  // Like a real front end: keep idle connections open a while, so clients can reuse them.
  server.keepAliveTimeout = options.keepAliveMs ?? 65_000;
  server.on('connection', (socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('sandbox: no address');
  base = `${options.tls ? 'https' : 'http'}://${host}:${address.port}`;

  return {
    url: base,
    credentials,
    clock,
    state,
    releaseAfterMs: RELEASE_AFTER_MS,
    issued,
    /** Every API request received, in order, with its form fields. */
    requests,
    get connections() {
      return connections;
    },
    /** Connections open right now (a client that never closes its own keeps one open). */
    get openConnections() {
      return sockets.size;
    },
    get rootRequests() {
      return rootRequests;
    },
    inject(...added: Fault[]) {
      faults.push(...added);
    },
    clearFaults() {
      faults.length = 0;
    },
    setDelay(ms: number) {
      delayMs = ms;
    },
    /**
     * One more participant, as opening the join page adds one: a numbered guest unless `who` names
     * them, with the device and address given. A waiting meeting is then in progress.
     */
    join: (id: string, who?: JoinOptions) => state.join(id, who),
    /** The first participant of that name still in the meeting leaves; false if there is none. */
    leave: (id: string, name: string) => state.leave(id, name),
    /** Books a room for later (a scheduled meeting): what `freeRooms` and `rooms` must then count. */
    book: (request: BookingRequest) => state.book(request),
    /**
     * A meeting booked with the schedule call, as the sandbox planned it: each meeting's start (China
     * time and epoch ms) and the room it holds; undefined for an unknown meeting or one not scheduled so.
     */
    scheduled(id: string) {
      const series = state.find(id)?.series;
      return series?.map((o) => ({ start_time: chinaTime(o.start), start: o.start, room: o.room, uuid: o.uuid }));
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
