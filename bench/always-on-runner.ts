import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Runs bench/always-on.ts once per mode, each in a fresh process with --expose-gc and the Electron
 * stand-in, against one sandbox in a process of its own (so that its memory and sockets are not
 * counted as the app's), and gathers what each prints.
 */
export async function measureAlwaysOn(root: string) {
  const tools = join(root, 'out', 'tools');
  const sandbox = spawn(process.execPath, [join(tools, 'sandbox.js'), '--port', '0', '--rooms', '1000000', '--keep-alive', '3000'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      sandbox.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = /listening on (http:\/\/\S+)/.exec(output);
        if (found) resolve(found[1]!);
      });
      sandbox.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before it listened:\n${output}`)));
    });
    const run = (mode: string): Record<string, unknown> => {
      const output = execFileSync(
        process.execPath,
        [
          '--expose-gc',
          '--import',
          join(root, 'bench/stand-in-loader.mjs'),
          join(tools, 'always-on.js'),
          mode,
          join(root, 'out/main/index.js'),
          url,
        ],
        { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 256 * 1024 * 1024 },
      );
      // The app logs to stdout too (electron-log's console transport): the figures are on their own line.
      const line = output.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) throw new Error(`always-on ${mode} printed no result:\n${output.slice(-4000)}`);
      return JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
    };
    const idle = run('idle');
    const real = run('idle-real');
    const soak = run('soak');
    const memory = run('startup');
    return { idle: { ...idle, real }, soak, memory };
  } finally {
    sandbox.kill('SIGTERM');
  }
}
