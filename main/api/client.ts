import { z } from 'zod';
import type { Dispatcher } from 'undici';
import {
  FreeRooms,
  FreeRoomsInput,
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
import type { Logger } from '../log.js';
import { encodeForm, toFormFields, type FieldValue } from './form-body.js';
import { interpretAnswer } from './interpret.js';
import { redact } from './redact.js';
import { createKeptAliveAgent, postForm, type TransportError } from './transport.js';

export const DEFAULT_API_BASE = 'https://api.systeccloud.com';
export const DEFAULT_TIMEOUT_MS = 15_000;
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
  }
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
  const agent: Dispatcher = createKeptAliveAgent({ timeoutMs });
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

    let attempt = 0;
    for (;;) {
      attempt += 1;
      const outcome = await postForm(agent, origin, { path: basePath + path, body, headers, deadline, maxBodyBytes: maxAnswerBytes });
      if (!outcome.ok) {
        if (attempt === 1 && mayRetry(outcome.error, policy) && performance.now() < deadline) {
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

    /**
     * Opens (or keeps open) the kept-alive connection ahead of a click with a `GET /` whose
     * answer is read and dropped: the TCP and TLS handshakes then happen while the user reads the
     * menu, not after the click. (Not HEAD: servers tend to close the connection after one.)
     * Concurrent calls share one request, and none is sent within 5 s of the connection last
     * answering; failures are ignored (the click will report them).
     */
    warm(): Promise<void> {
      if (performance.now() - lastAlive < WARM_AGAIN_AFTER_MS) return Promise.resolve();
      warming ??= postForm(agent, origin, {
        path: basePath + '/',
        body: '',
        headers: { 'user-agent': headers['user-agent'] },
        deadline: performance.now() + timeoutMs,
        maxBodyBytes: 64 * 1024,
        method: 'GET',
      }).then((outcome) => {
        if (outcome.ok) lastAlive = performance.now();
        warming = undefined;
      });
      return warming;
    },

    close: () => agent.close(),
  };
}

export type UmeetClient = ReturnType<typeof createUmeetClient>;
