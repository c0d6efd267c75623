import { z } from 'zod';
import {
  FreeRooms,
  FreeRoomsInput,
  MeetingDetail,
  MeetingDetailInput,
  ResizeInput,
  Rooms,
  ScheduledMeeting,
  ScheduleInput,
  UpdateInput,
  GetInput,
  InstantInput,
  InstantMeeting,
  Licence,
  ListInput,
  MeetingInfo,
  MeetingPage,
  MeetingRefInput,
  StartUrl,
  type ApiFailure,
  type ApiResult,
} from '../../common/umeet-api.js';
import { fieldErrors } from '../../common/result.js';
import { DetailInput, DetailPage, SummaryInput, SummaryPage } from '../../common/usage.js';
import type { Logger } from '../log.js';
import { encodeForm, toFormFields, type FieldValue } from './form-body.js';
import { interpretAnswer } from './interpret.js';
import { redact } from './redact.js';
import { routeLabel, type Route } from '../../common/proxy.js';
import { createDispatchers, directNetwork, type Network } from './routes.js';
import { postForm, type PostOptions, type TransportError } from './transport.js';
import type { TrustOptions } from './trust.js';

// The trusted certificates are read with the HTTP client (after the tray shows), not at start-up.
export { trustOptions } from './trust.js';

import { DEFAULT_API_BASE, DEFAULT_TIMEOUT_MS } from '../../common/api-defaults.js';

export { DEFAULT_API_BASE, DEFAULT_TIMEOUT_MS };
export const MAX_ANSWER_BYTES = 1024 * 1024;

export interface Credentials {
  apiKey: string;
  apiSecret: string;
}

export interface UmeetClientOptions {
  baseUrl: string;
  /** Asked once per call; the app's vault answers from memory after the first decryption. */
  credentials: () => Credentials | Promise<Credentials>;
  timeoutMs?: number;
  maxAnswerBytes?: number;
  log?: Logger;
  userAgent?: string;
  /** The routes to the service (proxies, PAC); straight when absent. */
  network?: Network;
  /** Certificates trusted beyond Node's bundled ones (core/api/trust.ts). */
  trust?: TrustOptions;
}

/**
 * Whether a failed attempt may be sent again within the same deadline.
 * - `connect-only`: creates and deletes (`instant`, `end`, `delete`). The API has no idempotency
 *   key, so once the request may have been written it is never sent twice; a failure to connect,
 *   where nothing left the machine, is retried once.
 * - `reads`: read-only calls also retry once after a reset (a kept-alive connection the server
 *   had just closed), since sending them twice changes nothing.
 */
type RetryPolicy = 'connect-only' | 'reads';

const noData = z.unknown().transform(() => undefined);

function transportFailure(error: TransportError, timeoutMs: number): ApiFailure {
  switch (error.type) {
    case 'timeout':
      return { kind: 'timeout', phase: error.phase, timeoutMs, mayHaveReachedServer: error.mayHaveReachedServer };
    case 'network':
      return { kind: 'network', code: error.code, mayHaveReachedServer: error.mayHaveReachedServer };
    case 'too-large':
      return { kind: 'protocol', detail: `the answer is larger than ${error.limit} bytes` };
    case 'proxy': {
      const { type: _type, ...rest } = error;
      return { kind: 'proxy', ...rest };
    }
    case 'certificate':
      return { kind: 'certificate', reason: error.reason, code: error.code, host: error.host };
  }
}

/**
 * Whether the next route may be tried: this one failed before anything was sent, in a way another
 * route can avoid (the proxy is down or would not open the tunnel; straight, the connection failed).
 * A proxy asking for a password is not avoided: the user is told. A certificate is no route's fault.
 */
function routeFailed(error: TransportError, route: Route): boolean {
  if (error.type === 'proxy') return error.reason === 'unreachable' || error.reason === 'refused';
  return route.kind === 'direct' && error.type === 'network' && !error.mayHaveReachedServer;
}

function mayRetry(error: TransportError, policy: RetryPolicy): boolean {
  if (error.type !== 'network') return false;
  return !error.mayHaveReachedServer || policy === 'reads';
}

function inputFailure(error: z.ZodError): ApiFailure {
  const [first] = fieldErrors(error);
  return { kind: 'invalid-input', field: first?.field ?? '(input)', message: first?.message ?? 'invalid' };
}

/** The Umeet API client: every call validated before sending, every answer parsed, never throws. */
export function createUmeetClient(options: UmeetClientOptions) {
  const base = new URL(options.baseUrl);
  const origin = base.origin;
  const basePath = base.pathname.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxAnswerBytes = options.maxAnswerBytes ?? MAX_ANSWER_BYTES;
  const network = options.network ?? directNetwork;
  const dispatchers = createDispatchers({ timeoutMs, trust: options.trust ?? {} });
  const log = options.log;
  const headers = {
    'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
    accept: 'application/json',
    'user-agent': options.userAgent ?? 'UmeetTray',
  };

  async function call<I extends z.ZodType, D extends z.ZodType>(
    name: string,
    path: string,
    inputSchema: I,
    input: unknown,
    dataSchema: D,
    policy: RetryPolicy,
  ): Promise<ApiResult<z.output<D>>> {
    const started = performance.now();
    const deadline = started + timeoutMs;
    const parsed = inputSchema.safeParse(input);
    if (!parsed.success) return { ok: false, failure: inputFailure(parsed.error) };

    let credentials: Credentials;
    try {
      credentials = await options.credentials();
    } catch {
      return { ok: false, failure: { kind: 'invalid-input', field: 'api_key', message: 'no credentials are set' } };
    }
    for (const [field, value] of [
      ['api_key', credentials.apiKey],
      ['api_secret', credentials.apiSecret],
    ] as const) {
      if (!value?.trim()) return { ok: false, failure: { kind: 'invalid-input', field, message: 'is not set' } };
    }
    const secrets = [credentials.apiSecret];
    const body = encodeForm([
      ['api_key', credentials.apiKey],
      ['api_secret', credentials.apiSecret],
      ...toFormFields(parsed.data as Record<string, FieldValue>),
    ]);

    const routes = await network.routes();
    const auth = await network.proxyAuth();
    if (auth) secrets.push(auth.password);
    let routeIndex = 0;
    let retried = false;
    for (;;) {
      const route = routes[routeIndex] ?? routes[0]!;
      const outcome = await send(route, auth, { path: basePath + path, body, headers, deadline, maxBodyBytes: maxAnswerBytes });
      if (!outcome.ok) {
        const failedRoute = routeFailed(outcome.error, route);
        if (failedRoute) network.failed(route);
        // PAC's "PROXY a:1; DIRECT": the next route, within the same deadline, only when nothing was sent.
        const next = routes[routeIndex + 1];
        if (failedRoute && next && performance.now() < deadline) {
          log?.warn(`api ${name}: ${routeLabel(route)} failed; trying ${routeLabel(next)}`, redact(outcome.error, secrets));
          routeIndex += 1;
          continue;
        }
        if (!retried && mayRetry(outcome.error, policy) && performance.now() < deadline) {
          retried = true;
          log?.warn(`api ${name}: retrying once`, redact(outcome.error, secrets));
          continue;
        }
        const failure = transportFailure(outcome.error, timeoutMs);
        log?.warn(`api ${name}: ${failure.kind}`, redact(failure, secrets), { ms: Math.round(performance.now() - started) });
        return { ok: false, failure };
      }
      lastAlive = performance.now();
      const result = interpretAnswer(outcome.httpStatus, outcome.body, dataSchema, secrets);
      if (result.ok) log?.info(`api ${name}: ok`, { ms: Math.round(performance.now() - started) });
      else log?.warn(`api ${name}: ${result.failure.kind}`, redact(result.failure, secrets));
      return result;
    }
  }

  /** One request on a route, through that route's kept-alive dispatcher. */
  const send = (route: Route, auth: Awaited<ReturnType<Network['proxyAuth']>>, request: Omit<PostOptions, 'via'>) =>
    postForm(dispatchers.get(route, auth), origin, { ...request, via: { route, proxyAuth: Boolean(auth) } });

  let warming: Promise<void> | undefined;
  /** When the connection was last known to be alive; hovering the tray icon should not mean a request each time. */
  let lastAlive = Number.NEGATIVE_INFINITY;
  const WARM_AGAIN_AFTER_MS = 5_000;

  return {
    /** `POST /umeeting/share/instant`. Never retried once the request may have been written. */
    instant: (input: InstantInput) => call('instant', '/umeeting/share/instant', InstantInput, input, InstantMeeting, 'connect-only'),
    get: (meetingId: string) => call('get', '/umeeting/share/get', GetInput, { meeting_id: meetingId }, MeetingInfo, 'reads'),
    list: (input: z.input<typeof ListInput> = {}) => call('list', '/umeeting/share/list', ListInput, input, MeetingPage, 'reads'),
    end: (id: string) => call('end', '/umeeting/share/end', MeetingRefInput, { id }, noData, 'connect-only'),
    delete: (id: string) => call('delete', '/umeeting/share/delete', MeetingRefInput, { id }, noData, 'connect-only'),
    getStartUrl: (id: string) => call('getStartUrl', '/umeeting/share/getStartUrl', MeetingRefInput, { id }, StartUrl, 'reads'),
    licensing: () => call('licensing', '/umeeting/licensing', z.strictObject({}), {}, Licence, 'reads'),
    freeRooms: (input: z.input<typeof FreeRoomsInput>) =>
      call('freeRooms', '/umeeting/share/freeRooms', FreeRoomsInput, input, FreeRooms, 'reads'),
    /** `POST /umeeting/share/schedule`: a meeting booked for later. A create: never retried once it may have been sent. */
    schedule: (input: ScheduleInput) =>
      call('schedule', '/umeeting/share/schedule', ScheduleInput, input, ScheduledMeeting, 'connect-only'),
    /** `POST /umeeting/share/update`: a booked meeting (a series as a whole) changed. Never retried once sent. */
    update: (input: UpdateInput) => call('update', '/umeeting/share/update', UpdateInput, input, noData, 'connect-only'),
    /** Every licensed room with what is booked or running in it: the free rooms of every size, in one call. */
    rooms: () => call('rooms', '/umeeting/share/rooms', z.strictObject({}), {}, Rooms, 'reads'),
    /**
     * `POST /umeeting/share/resetCapacity/{id}`: a bigger or smaller room for a meeting. The service may
     * refuse (no room of that size free): its message is the answer. Never retried once it may have been sent.
     */
    resize: (meetingId: string, capacity: number) => {
      // Checked as a named field, so a refusal names it (`meeting_id`) as every other call's does.
      const id = GetInput.safeParse({ meeting_id: meetingId });
      if (!id.success) return Promise.resolve({ ok: false as const, failure: inputFailure(id.error) });
      return call(
        'resize',
        `/umeeting/share/resetCapacity/${encodeURIComponent(id.data.meeting_id)}`,
        ResizeInput,
        { meeting_capacity: capacity },
        noData,
        'connect-only',
      );
    },
    /** `POST /umeeting/share/summary`: each room's use over China's dates, at most a month (past that, the last month alone), paged. */
    summary: (input: z.input<typeof SummaryInput>) => call('summary', '/umeeting/share/summary', SummaryInput, input, SummaryPage, 'reads'),
    /** `POST /umeeting/share/detail`: each meeting held over China's dates, at most a month, paged; participants and calls as counts. */
    detail: (input: z.input<typeof DetailInput>) => call('detail', '/umeeting/share/detail', DetailInput, input, DetailPage, 'reads'),
    /** A meeting and who is in it (`online`) or was (`past`). Personal data: the caller shows it, never logs or stores it. */
    meetingDetail: (meetingId: string, when: 'online' | 'past' = 'online', page?: { size?: number; number?: number }) =>
      call(
        'meetingDetail',
        '/umeeting/share/meetingdetail',
        MeetingDetailInput,
        {
          meeting_id: meetingId,
          type: when === 'online' ? '1' : '2',
          ...(page?.size ? { page_size: page.size } : {}),
          ...(page?.number ? { page_number: page.number } : {}),
        },
        MeetingDetail,
        'reads',
      ),

    /**
     * Opens (or keeps open) the kept-alive connection ahead of a click with a `GET /` whose
     * answer is read and dropped: the TCP and TLS handshakes then happen while the user reads the
     * menu, not after the click. (Not HEAD: servers tend to close the connection after one.)
     * Concurrent calls share one request, and none is sent within 5 s of the connection last
     * answering; failures are ignored (the click will report them).
     */
    warm(): Promise<void> {
      if (performance.now() - lastAlive < WARM_AGAIN_AFTER_MS) return Promise.resolve();
      warming ??= (async () => {
        // The route the next click takes first: its connection (or tunnel) is the one to open.
        const [route] = await network.routes();
        const outcome = await send(route!, await network.proxyAuth(), {
          path: basePath + '/',
          body: '',
          headers: { 'user-agent': headers['user-agent'] },
          deadline: performance.now() + timeoutMs,
          maxBodyBytes: 64 * 1024,
          method: 'GET',
        });
        if (outcome.ok) lastAlive = performance.now();
        else if (routeFailed(outcome.error, route!)) network.failed(route!);
      })()
        .catch(() => undefined)
        .finally(() => {
          warming = undefined;
        });
      return warming;
    },

    close: () => dispatchers.close(),
  };
}

export type UmeetClient = ReturnType<typeof createUmeetClient>;
