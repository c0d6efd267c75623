/**
 * Redaction for everything that formats a request or an answer: log lines, error details, CLI
 * output. The Umeet API puts `api_secret` in every form body and hands back `start_url` (whose
 * `zak` query parameter is a host session token) and `token` (the SDK host token); none of them
 * may reach a log, a notification, the renderer, or a thrown object.
 */
export const REDACTED = '[redacted]';

/** Keys whose values are secrets wherever they appear. */
const secretKeys = new Set(['api_secret', 'apisecret', 'secret', 'token', 'zak', 'start_url', 'starturl', 'password']);

/** `name=value` pairs in form bodies and URL queries, for the same names. */
const secretPairs = /\b(api_secret|zak|token|secret)=([^&\s"'<>]*)/gi;
/** JSON Web Tokens (the `zak` is one), wherever they turn up. */
const jwtLike = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g;

/**
 * Returns `text` with secrets replaced: `api_secret=…`, `zak=…`, `token=…` pairs, anything
 * shaped like a JWT, and every occurrence of each known secret value (raw and percent-encoded).
 */
export function redactText(text: string, knownSecrets: readonly string[] = []): string {
  let out = text.replace(secretPairs, (_whole, name: string) => `${name}=${REDACTED}`).replace(jwtLike, REDACTED);
  for (const secret of knownSecrets) {
    // Short strings would redact innocent text; real secrets are long.
    if (secret.length < 6) continue;
    for (const form of new Set([secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)])) {
      out = out.split(form).join(REDACTED);
    }
  }
  return out;
}

/**
 * A deep copy of `value` that is safe to log: secret-named keys replaced, strings passed through
 * `redactText`, errors reduced to name, code and redacted message (their stack and `cause` may
 * hold request options). Cycles are cut.
 */
export function redact(value: unknown, knownSecrets: readonly string[] = [], seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value, knownSecrets);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[cycle]';
  seen.add(value);
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return {
      name: value.name,
      ...(typeof code === 'string' ? { code } : {}),
      message: redactText(value.message, knownSecrets),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, knownSecrets, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      secretKeys.has(key.toLowerCase()) && item !== undefined && item !== null && item !== '' ? REDACTED : redact(item, knownSecrets, seen);
  }
  return out;
}
