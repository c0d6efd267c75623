// `npm run sandbox [-- --port N] [--speed X] [--delay MS]`: a local Umeet API for development and demos.
import { parseArgs } from 'node:util';
import { startSandbox } from './server.js';
import { stopWithNpm } from './stop-with-npm.js';

const usage = 'usage: npm run sandbox -- [--port N] [--speed X] [--delay MS] [--rooms N] [--keep-alive MS]';

/** One line on stderr with what to do about it, and a non-zero exit: never a stack trace. */
function refuse(problem: string): never {
  process.stderr.write(`sandbox: ${problem}\n`);
  process.exit(2);
}

function readOptions() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '8787' },
        speed: { type: 'string', default: '1' },
        delay: { type: 'string', default: '0' },
        rooms: { type: 'string' },
        'keep-alive': { type: 'string', default: '65000' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    // node:util says e.g. "Unknown option '--prot'. To specify a positional argument starting…": keep its first sentence.
    const message = error instanceof Error ? error.message.split(/\n|\. /)[0]!.replace(/\.$/, '') : String(error);
    refuse(`${message}; ${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}
  --port N     the port on 127.0.0.1 (default 8787; 0 picks a free one)
  --speed X    run the sandbox's clock X times faster than real time (default 1), e.g. 60 to see a meeting released in 30 s
  --delay MS   wait MS milliseconds before every API answer (default 0)
  --rooms N    N rooms of every size (default: the demo licence, a few of each), e.g. for load runs
  --keep-alive MS  keep idle connections MS milliseconds, announced to clients (default 65000)
`);
    process.exit(0);
  }
  const number = (name: string, text: string, ok: (n: number) => boolean, hint: string) => {
    const n = /^\s*\d+(\.\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
    if (!ok(n)) refuse(`--${name} ${JSON.stringify(text)} is not ${hint}; ${usage}`);
    return n;
  };
  return {
    port: number('port', String(values.port), (n) => Number.isInteger(n) && n >= 0 && n <= 65535, 'a port number from 0 to 65535'),
    clockSpeed: number(
      'speed',
      String(values.speed),
      (n) => n > 0 && n <= 10_000,
      'a number greater than 0 (e.g. 1, or 60 for a minute per second)',
    ),
    delayMs: number('delay', String(values.delay), (n) => Number.isInteger(n) && n <= 600_000, 'a whole number of milliseconds'),
    ...(values.rooms === undefined
      ? {}
      : {
          licence: Object.fromEntries(
            [10, 25, 50, 100, 200, 300, 500].map((size) => [
              size,
              number('rooms', String(values.rooms), (n) => Number.isInteger(n) && n >= 0 && n <= 10_000_000, 'a whole number of rooms'),
            ]),
          ),
        }),
    keepAliveMs: number(
      'keep-alive',
      String(values['keep-alive']),
      (n) => Number.isInteger(n) && n >= 1 && n <= 600_000,
      'a whole number of milliseconds from 1',
    ),
  };
}

const options = readOptions();
let sandbox: Awaited<ReturnType<typeof startSandbox>>;
try {
  sandbox = await startSandbox(options);
} catch (error) {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE')
    refuse(
      `port ${options.port} is already in use (another sandbox?); stop that one, or pick another port: npm run sandbox -- --port ${options.port + 1}`,
    );
  if (code === 'EACCES') refuse(`port ${options.port} may not be used by this user; pick one above 1023: npm run sandbox -- --port 8787`);
  refuse(`could not start: ${error instanceof Error ? error.message : String(error)}`);
}

// Lines a shell takes as they are: paste them into the terminal that runs `umeet` or the app.
console.log(`Umeet sandbox listening on ${sandbox.url}
export UMEET_API_BASE=${sandbox.url}
export UMEET_API_KEY=${sandbox.credentials.apiKey}
export UMEET_API_SECRET=${sandbox.credentials.apiSecret}
# Demo credentials only: this is a local stand-in, not the service. Ctrl+C stops it.`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void sandbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
process.on('SIGHUP', stop);

stopWithNpm(stop);
