import type { z } from 'zod';
import { Envelope, type ApiResult } from '../../common/umeet-api.js';
import { redactText } from './redact.js';

/**
 * How the service says "your credentials are wrong" when its envelope status is not 401/403.
 * The documentation lists no error codes, so the message is matched, in both languages.
 * Not 授权: it also means "licence", as in "no licence for rooms of that size".
 */
const credentialsMessage = /api[_\s-]?key|api[_\s-]?secret|apikey|apisecret|credential|unauthori[sz]ed|authenticat|密钥|认证|鉴权|签名/i;

const isSuccessHttp = (status: number) => status >= 200 && status < 300;

/**
 * Reads one answer into a result. Three distinct failures are kept apart (docs/umeet-api.md, "Reading an answer"):
 * a non-2xx HTTP answer without an envelope (`http`, body never shown), a body that is not the
 * envelope (`protocol`), and an envelope whose status is not 200 (`auth` or `rejected`, with the
 * service's message). Details never quote the body: it may carry a start_url or a token.
 */
export function interpretAnswer<T extends z.ZodType>(
  httpStatus: number,
  body: Buffer,
  dataSchema: T,
  knownSecrets: readonly string[],
): ApiResult<z.output<T>> {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return isSuccessHttp(httpStatus)
      ? { ok: false, failure: { kind: 'protocol', detail: 'the answer is not JSON' } }
      : { ok: false, failure: { kind: 'http', httpStatus } };
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success) {
    return isSuccessHttp(httpStatus)
      ? { ok: false, failure: { kind: 'protocol', detail: 'the answer is not the {status, message, data} envelope' } }
      : { ok: false, failure: { kind: 'http', httpStatus } };
  }
  const { status, message, data } = envelope.data;
  if (status !== 200) {
    const text = redactText(message ?? '', knownSecrets);
    const kind = status === 401 || status === 403 || credentialsMessage.test(text) ? 'auth' : 'rejected';
    return { ok: false, failure: { kind, status, message: text } };
  }
  if (!isSuccessHttp(httpStatus)) return { ok: false, failure: { kind: 'http', httpStatus } };
  let parsed = dataSchema.safeParse(data);
  let at: (string | number)[] = [];
  // The documentation prints an array of one meeting where the call answers one (meetingdetail's example,
  // test/fixtures/umeet-docs): for any call, a one-item array the schema refuses is read as its item.
  // Two items or none are not guessed at.
  if (!parsed.success && Array.isArray(data) && data.length === 1) {
    parsed = dataSchema.safeParse(data[0]);
    at = [0];
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = [...at, ...(issue?.path ?? [])].map(String);
    const where = path.length ? `data.${path.join('.')}` : 'data';
    return { ok: false, failure: { kind: 'protocol', detail: `unexpected ${where}: ${issue?.message ?? 'invalid'}` } };
  }
  return { ok: true, value: parsed.data };
}
