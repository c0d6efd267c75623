// `npm run sandbox [-- --port N] [--speed X]`: a local Umeet API for development and demos.
import { parseArgs } from 'node:util';
import { startSandbox } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    speed: { type: 'string', default: '1' },
    delay: { type: 'string', default: '0' },
  },
});

const sandbox = await startSandbox({
  port: Number(values.port),
  clockSpeed: Number(values.speed),
  delayMs: Number(values.delay),
});

console.log(`Umeet sandbox listening on ${sandbox.url}
  UMEET_API_BASE=${sandbox.url}
  UMEET_API_KEY=${sandbox.credentials.apiKey}
  UMEET_API_SECRET=${sandbox.credentials.apiSecret}
Demo credentials only: this is a local stand-in, not the service. Ctrl+C stops it.`);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
