// `umeet`'s entry: Node's compile cache first (the V8 code of the bundle and its chunks, kept in the OS's temp
// folder, as npm and tsc do), then the command line. Scripts run `umeet` in loops; from the second run on, Node
// reads the compiled code instead of compiling it again. It must be switched on before the CLI's modules load,
// hence this file and a dynamic import. NODE_DISABLE_COMPILE_CACHE=1 switches it off; a temp folder that cannot
// be written leaves it off, silently.
import * as nodeModule from 'node:module';

// Node 22.1 and later (the project's @types/node is 20's).
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import('./umeet.js');
