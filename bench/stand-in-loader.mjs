// `node --import ./bench/stand-in-loader.mjs …`: makes `import 'electron'` load the one Electron
// stand-in (test/stand-in/electron.ts, bundled by the tools build as out/tools/electron-stand-in.js)
// instead of the npm package, which would try to download Electron's binary.
import { register } from 'node:module';

const standIn = new URL('../out/tools/electron-stand-in.js', import.meta.url).href;
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === 'electron' || specifier.startsWith('electron/')) return { url: ${JSON.stringify(standIn)}, shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url);
