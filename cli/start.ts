// `umeet`'s entry. Scripts run `umeet` in loops, so what runs before the command line is parsed is kept small:
// - `umeet --version` (or -V) alone is answered here, as commander would answer it (the version, a newline, exit
//   0), without loading the program: the same line, at about the cost of starting Node.
// - Node's compile cache is switched on (the V8 code of the bundle and its chunks, kept in the OS's temp folder,
//   as npm and tsc do): from the second run on, Node reads the compiled code instead of compiling it again. It
//   must be on before the CLI's modules load, hence this file and a dynamic import. NODE_DISABLE_COMPILE_CACHE=1
//   switches it off; a temp folder that cannot be written leaves it off, silently.
import * as nodeModule from 'node:module';
import { version } from '../package.json';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${version}\n`);
} else {
  // Node 22.1 and later (the project's @types/node is 20's).
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  await import('./umeet.js');
}
