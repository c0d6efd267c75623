import { connect, createServer, type Socket } from 'node:net';

/**
 * A real SOCKS5 proxy on 127.0.0.1 (RFC 1928, CONNECT only), with the user name and password
 * sign-in of RFC 1929 when asked for: enough of the protocol for a client to be tested against, and
 * strict about it (a client that does not offer the sign-in the proxy wants is turned away).
 */
export interface TestSocks {
  url: string;
  address: string;
  /** CONNECTs let through. */
  readonly connects: number;
  close(): Promise<void>;
}

export async function startTestSocks(options: { username?: string; password?: string } = {}): Promise<TestSocks> {
  const sockets = new Set<Socket>();
  let connects = 0;
  const wantsSignIn = options.username !== undefined;

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    let stage: 'greeting' | 'sign-in' | 'request' | 'open' = 'greeting';
    const take = (length: number): Buffer | undefined => {
      if (buffer.length < length) return undefined;
      const head = buffer.subarray(0, length);
      buffer = buffer.subarray(length);
      return head;
    };
    // The refusal, then the connection closed (RFC 1929 says the server must), once the client has read it.
    const fail = (reply: Buffer) => {
      socket.write(reply);
      stage = 'open';
      setTimeout(() => socket.end(), 50).unref();
    };

    socket.on('data', (chunk: Buffer) => {
      if (stage === 'open') return;
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (stage === 'greeting') {
          if (buffer.length < 2 || buffer.length < 2 + buffer[1]!) return;
          const methods = [...take(2 + buffer[1]!)!.subarray(2)];
          const method = wantsSignIn ? 0x02 : 0x00;
          if (!methods.includes(method)) return fail(Buffer.from([0x05, 0xff]));
          socket.write(Buffer.from([0x05, method]));
          stage = wantsSignIn ? 'sign-in' : 'request';
        } else if (stage === 'sign-in') {
          if (buffer.length < 2) return;
          const userLength = buffer[1]!;
          if (buffer.length < 3 + userLength || buffer.length < 3 + userLength + buffer[2 + userLength]!) return;
          const passLength = buffer[2 + userLength]!;
          const record = take(3 + userLength + passLength)!;
          const username = record.subarray(2, 2 + userLength).toString('utf8');
          const password = record.subarray(3 + userLength).toString('utf8');
          if (username !== options.username || password !== (options.password ?? '')) return fail(Buffer.from([0x01, 0x01]));
          socket.write(Buffer.from([0x01, 0x00]));
          stage = 'request';
        } else if (stage === 'request') {
          if (buffer.length < 5) return;
          const type = buffer[3]!;
          const addressLength = type === 0x01 ? 4 : type === 0x04 ? 16 : 1 + buffer[4]!;
          if (buffer.length < 4 + addressLength + 2) return;
          const request = take(4 + addressLength + 2)!;
          const raw = request.subarray(4, 4 + addressLength);
          const host =
            type === 0x01
              ? [...raw].join('.')
              : type === 0x03
                ? raw.subarray(1).toString('utf8')
                : (raw.toString('hex').match(/.{4}/g) ?? []).join(':');
          const port = request.readUInt16BE(4 + addressLength);
          if (request[1] !== 0x01) return fail(Buffer.from([0x05, 0x07, 0x00, 0x01, 0, 0, 0, 0, 0, 0]));
          const target = connect({ host, port }, () => {
            connects += 1;
            socket.write(Buffer.from([0x05, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0]));
            stage = 'open';
            if (buffer.length) target.write(buffer);
            socket.pipe(target).pipe(socket);
          });
          target.on('error', () => fail(Buffer.from([0x05, 0x05, 0x00, 0x01, 0, 0, 0, 0, 0, 0])));
          sockets.add(target);
          target.on('close', () => sockets.delete(target));
          return;
        } else return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('socks: no address');
  return {
    url: `socks5://127.0.0.1:${address.port}`,
    address: `127.0.0.1:${address.port}`,
    get connects() {
      return connects;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
