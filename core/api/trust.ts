import * as tls from 'node:tls';

/**
 * The certificates the API client trusts: Node's bundled roots, the OS's store where this Node can
 * read it (`tls.getCACertificates('system')`, Node 22.15 / 23.5 and later, so Electron 45's main
 * process), and any given here (the CLI's UMEET_CA_FILE; tests' own CA). A company whose proxy
 * inspects TLS installs its certificate in the OS store, which the app then trusts:
 * NODE_EXTRA_CA_CERTS is switched off in packaged builds (the Electron fuses).
 */
export type TrustOptions = { secureContext: tls.SecureContext } | Record<string, never>;

type CaReader = (type: 'system') => string[];

/** The OS store's certificates (PEM), or none where this Node cannot read it or the read fails. */
export function systemCertificates(): string[] {
  const read = (tls as unknown as { getCACertificates?: CaReader }).getCACertificates;
  if (typeof read !== 'function') return [];
  try {
    return read('system');
  } catch {
    return [];
  }
}

const contexts = new Map<string, TrustOptions>();

/**
 * TLS options for every connection: one secure context made once (a context per connection would
 * parse hundreds of certificates each time), or nothing at all when nothing is added to Node's own.
 */
export function trustOptions(extra: readonly string[] = [], system: () => string[] = systemCertificates): TrustOptions {
  const key = extra.join('\n');
  const known = contexts.get(key);
  if (known) return known;
  const added = [...new Set([...system(), ...extra])].filter((pem) => !tls.rootCertificates.includes(pem));
  const options: TrustOptions = added.length ? { secureContext: tls.createSecureContext({ ca: [...tls.rootCertificates, ...added] }) } : {};
  contexts.set(key, options);
  return options;
}
