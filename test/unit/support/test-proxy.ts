import { createServer, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { createProxy } from 'proxy';

/**
 * A real HTTP proxy on 127.0.0.1 (the `proxy` package: CONNECT tunnels and plain requests), as an
 * office has: it can ask for a user name and password (407), count the tunnels it opens, refuse
 * tunnels, and go away mid-session.
 */
export interface TestProxy {
  url: string;
  /** host:port, as PAC and error messages name it. */
  address: string;
  port: number;
  /** CONNECT requests seen (each a new tunnel), and those let through. */
  readonly connects: number;
  readonly tunnels: number;
  /** The Proxy-Authorization headers received (to check a password is sent, and only there). */
  readonly authorizations: string[];
  /** Answers every CONNECT with this status instead of opening the tunnel (e.g. 403, 502). */
  refuseWith(status: number | undefined): void;
  /** Stops listening and cuts every connection, open tunnels included. */
  close(): Promise<void>;
}

export async function startTestProxy(options: { username?: string; password?: string } = {}): Promise<TestProxy> {
  const server = createProxy(createServer());
  const sockets = new Set<Socket>();
  let connects = 0;
  let tunnels = 0;
  let refusal: number | undefined;
  const authorizations: string[] = [];
  const expected =
    options.username !== undefined ? `Basic ${Buffer.from(`${options.username}:${options.password ?? ''}`).toString('base64')}` : undefined;

  server.authenticate = (req: IncomingMessage) => {
    const header = req.headers['proxy-authorization'];
    if (header) authorizations.push(header);
    return expected === undefined || header === expected;
  };
  // Each CONNECT is counted, then refused or handed to the proxy package's own handler. Only handed on when let
  // through: a refused tunnel must not reach the target either, as at a real proxy (with the package's handler as a
  // second listener, a refused CONNECT still opened a connection to the sandbox, which a later test counted).
  const tunnel = server.listeners('connect') as ((req: IncomingMessage, socket: Socket, head: Buffer) => void)[];
  if (tunnel.length !== 1) throw new Error(`proxy: expected the package's one CONNECT handler, found ${tunnel.length}`);
  server.removeAllListeners('connect');
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    connects += 1;
    if (refusal !== undefined) {
      socket.end(`HTTP/1.1 ${refusal} Refused\r\n\r\n`);
      return;
    }
    socket.once('data', () => void (tunnels += 1));
    tunnel[0]!.call(server, req, socket, head);
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('proxy: no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    address: `127.0.0.1:${address.port}`,
    port: address.port,
    get connects() {
      return connects;
    },
    get tunnels() {
      return tunnels;
    },
    authorizations,
    refuseWith(status) {
      refusal = status;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
