import { createUmeetClient } from '../../../core/api/client.js';
import type { ApiResult } from '../../../common/umeet-api.js';
import type { Sandbox } from '../../../sandbox/server.js';

/** A sandbox's answer envelope, raw. */
export interface RawEnvelope<D = unknown> {
  status: number;
  message: string;
  data?: D;
}

/**
 * The real client pointed at a sandbox, `value` to unwrap a success (a failure throws, named), and `post`
 * for a form post as the service receives it (bad input the client would refuse to send), answered raw.
 */
export function sandboxClient(sandbox: Sandbox) {
  const api = createUmeetClient({ baseUrl: sandbox.url, credentials: () => sandbox.credentials });
  const value = <T>(result: ApiResult<T>): T => {
    if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.failure)}`);
    return result.value;
  };
  const post = async <D = unknown>(path: string, fields: Record<string, string> = {}): Promise<RawEnvelope<D>> => {
    const body = new URLSearchParams({ api_key: sandbox.credentials.apiKey, api_secret: sandbox.credentials.apiSecret, ...fields });
    const answer = await fetch(`${sandbox.url}${path}`, { method: 'POST', body });
    return (await answer.json()) as RawEnvelope<D>;
  };
  return { api, value, post };
}
