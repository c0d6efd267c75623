import { createUmeetClient, type Credentials, type UmeetClient } from '../api/client.js';
import type { Logger } from '../log.js';

/**
 * The API clients for the current settings: one for clicks and one for background reads (status
 * refresh, "was it created?" checks), each on its own kept-alive connection, so a slow background
 * read never queues in front of a click. Rebuilt when the server or the timeout changes.
 */
export function createApiClients(options: {
  settings: () => { apiBaseUrl: string; requestTimeoutMs: number };
  credentials: () => Promise<Credentials | undefined>;
  log?: Logger;
}) {
  let key = '';
  let clients: { click: UmeetClient; background: UmeetClient } | undefined;

  const current = () => {
    const { apiBaseUrl, requestTimeoutMs } = options.settings();
    const next = `${apiBaseUrl} ${requestTimeoutMs}`;
    if (!clients || key !== next) {
      if (clients) void Promise.all([clients.click.close(), clients.background.close()]);
      const make = () =>
        createUmeetClient({
          baseUrl: apiBaseUrl,
          timeoutMs: requestTimeoutMs,
          credentials: async () => (await options.credentials()) ?? { apiKey: '', apiSecret: '' },
          ...(options.log ? { log: options.log } : {}),
        });
      clients = { click: make(), background: make() };
      key = next;
    }
    return clients;
  };

  return {
    click: () => current().click,
    background: () => current().background,
    async close() {
      if (clients) await Promise.all([clients.click.close(), clients.background.close()]);
      clients = undefined;
    },
  };
}
export type ApiClients = ReturnType<typeof createApiClients>;
