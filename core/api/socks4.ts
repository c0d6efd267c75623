import { lookup } from 'node:dns/promises';
import { connect as connectTcp, isIPv4, type Socket } from 'node:net';
import { buildConnector } from 'undici';
import type { TrustOptions } from './trust.js';

/**
 * A SOCKS4 proxy, as Chromium uses one: Windows' proxy settings write a SOCKS server as `socks=host:port`, which
 * Chromium takes as SOCKS4 (net/proxy_resolution/proxy_config.cc: "here 'socks' is understood to be SOCKS4"),
 * and a PAC script's `SOCKS host:port` is SOCKS4 too (net/base/proxy_string_util.cc). undici has a SOCKS5 client
 * only, so this is the connector of the same kept-alive Agent: a TCP connection to the proxy, the SOCKS4 CONNECT
 * (RFC-less, "SOCKS 4 protocol" by Ying-Da Lee), then TLS to the service inside it, with the same trust as straight.
 * As Chromium's net/socket/socks_client_socket.cc: the service's name is resolved here, to IPv4 only (SOCKS4 carries
 * an IPv4 address), and the user id is empty.
 */
export class Socks4Error extends Error {
  constructor(
    readonly code: 'UND_ERR_SOCKS4_REJECTED' | 'UND_ERR_SOCKS4_IDENT' | 'UND_ERR_SOCKS4_BAD_REPLY' | 'UND_ERR_SOCKS4_CLOSED',
    message: string,
  ) {
    super(message);
    this.name = 'Socks4Error';
  }
}

/** The CONNECT request: version 4, command 1, the port and the IPv4 address, an empty user id. */
export function socks4Request(ipv4: string, port: number): Buffer {
  const request = Buffer.alloc(9);
  request[0] = 0x04;
  request[1] = 0x01;
  request.writeUInt16BE(port, 2);
  ipv4.split('.').forEach((part, index) => (request[4 + index] = Number(part)));
  request[8] = 0x00;
  return request;
}

/** What the proxy's 8-byte answer means: undefined when it granted the request (0x5A). */
export function socks4Refusal(reply: Buffer): Socks4Error | undefined {
  if (reply[0] !== 0x00) return new Socks4Error('UND_ERR_SOCKS4_BAD_REPLY', 'the proxy did not answer as a SOCKS4 server');
  if (reply[1] === 0x5a) return undefined;
  if (reply[1] === 0x5c || reply[1] === 0x5d)
    return new Socks4Error('UND_ERR_SOCKS4_IDENT', `the SOCKS4 proxy refused the connection (identd, code ${reply[1]})`);
  return new Socks4Error('UND_ERR_SOCKS4_REJECTED', `the SOCKS4 proxy refused the connection (code ${reply[1]})`);
}

function handshake(socket: Socket, request: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    let reply = Buffer.alloc(0);
    const done = (error?: Error) => {
      socket.off('data', onData);
      socket.off('error', done);
      socket.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onClose = () => done(new Socks4Error('UND_ERR_SOCKS4_CLOSED', 'the SOCKS4 proxy closed the connection'));
    const onData = (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk]);
      if (reply.length < 8) return;
      // Nothing may follow the reply before the client speaks (TLS starts with the client's hello).
      done(
        reply.length > 8 ? new Socks4Error('UND_ERR_SOCKS4_BAD_REPLY', 'the proxy sent more than a SOCKS4 reply') : socks4Refusal(reply),
      );
    };
    socket.on('data', onData);
    socket.once('error', done);
    socket.once('close', onClose);
    socket.write(request);
  });
}

/** undici's `connect` option for an Agent whose connections go through the SOCKS4 proxy `host:port`. */
export function socks4Connector(proxy: { host: string; port: number }, options: { timeoutMs: number; trust?: TrustOptions }) {
  const tls = buildConnector({ timeout: options.timeoutMs, ...options.trust });
  const connector: buildConnector.connector = (opts, callback) => {
    let socket: Socket | undefined;
    const timer = setTimeout(
      () => socket?.destroy(Object.assign(new Error('SOCKS4 connect timeout'), { code: 'UND_ERR_CONNECT_TIMEOUT' })),
      options.timeoutMs,
    );
    timer.unref?.();
    void (async () => {
      const port = Number(opts.port) || (opts.protocol === 'https:' ? 443 : 80);
      const address = isIPv4(opts.hostname) ? opts.hostname : (await lookup(opts.hostname, { family: 4 })).address;
      socket = connectTcp({ host: proxy.host, port: proxy.port });
      socket.setNoDelay(true);
      await handshake(socket, socks4Request(address, port));
      clearTimeout(timer);
      if (opts.protocol === 'https:') tls({ ...opts, httpSocket: socket }, callback);
      else callback(null, socket);
    })().catch((error: unknown) => {
      clearTimeout(timer);
      socket?.destroy();
      callback(error instanceof Error ? error : new Error(String(error)), null);
    });
  };
  return connector;
}
