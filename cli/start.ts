// `umeet`'s entry: the process around the program (cli/umeet.ts runUmeet, which runs in the tests' own process
// too). Scripts run `umeet` in loops, so what runs before the command line is parsed is kept small:
// - `umeet --version` (or -V) alone is answered here, as commander would answer it (the version, a newline, exit
//   0), without loading the program: the same line, at about the cost of starting Node.
// - Node's compile cache is switched on (the V8 code of the bundle and its chunks, kept in the OS's temp folder,
//   as npm and tsc do): from the second run on, Node reads the compiled code instead of compiling it again. It
//   must be on before the CLI's modules load, hence this file and a dynamic import. NODE_DISABLE_COMPILE_CACHE=1
//   switches it off; a temp folder that cannot be written leaves it off, silently.
// - What is the whole process's (Node's warnings, the exit code) is set here, not in the program.
import * as nodeModule from 'node:module';
import { version } from '../package.json';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${version}\n`);
} else {
  // Node 22.1 and later (the project's @types/node is 20's).
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  // stderr carries umeet's own one-line errors, which scripts read. Node's deprecation notices are
  // about our internals, not the user's input, and one comes on every run through an https:// proxy
  // named by its IP address (DEP0123: undici gives TLS the proxy's address as the server name).
  process.noDeprecation = true;
  // Likewise undici's notice that its SOCKS5 client is experimental, printed on each run through one.
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if ((type === 'ExperimentalWarning' || (warning instanceof Error && warning.name === 'ExperimentalWarning')) && /SOCKS5/.test(text))
      return;
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
  const { runUmeet } = await import('./umeet.js');
  process.exitCode = await runUmeet(args, {
    env: process.env,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  });
}
