import { connect, createServer, type Socket } from 'node:net';

/**
 * A real SOCKS4 proxy on 127.0.0.1 (CONNECT only): the 8-byte request with an IPv4 address and a user id ended by
 * NUL, the 8-byte reply (0x5A granted, 0x5B refused), then bytes both ways. As strict as a server: anything else
 * (a SOCKS5 greeting, a SOCKS4a name) is refused.
 */
export interface TestSocks4 {
  address: string;
  port: number;
  /** CONNECTs let through. */
  readonly connects: number;
  close(): Promise<void>;
}

export async function startTestSocks4(options: { refuse?: boolean } = {}): Promise<TestSocks4> {
  const sockets = new Set<Socket>();
  let connects = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf(0, 8);
      if (buffer.length < 9 || end < 0) return;
      socket.off('data', onData);
      const refuse = (code = 0x5b) => {
        socket.end(Buffer.from([0x00, code, 0, 0, 0, 0, 0, 0]));
      };
      // Version 4, CONNECT, and a real address (0.0.0.x would be SOCKS4a, a name for the proxy to resolve).
      if (buffer[0] !== 0x04 || buffer[1] !== 0x01 || (buffer[4] === 0 && buffer[5] === 0 && buffer[6] === 0)) return refuse();
      if (options.refuse) return refuse();
      const port = buffer.readUInt16BE(2);
      const host = [...buffer.subarray(4, 8)].join('.');
      const rest = buffer.subarray(end + 1);
      const upstream = connect({ host, port }, () => {
        connects += 1;
        socket.write(Buffer.from([0x00, 0x5a, 0, 0, 0, 0, 0, 0]));
        if (rest.length) upstream.write(rest);
        socket.pipe(upstream);
        upstream.pipe(socket);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => refuse(0x5b));
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('socks4: no address');
  return {
    address: `127.0.0.1:${address.port}`,
    port: address.port,
    get connects() {
      return connects;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
