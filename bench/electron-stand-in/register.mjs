// `node --import ./bench/electron-stand-in/register.mjs …`: makes `import 'electron'` and
// `require('electron')` load the stand-in instead of the npm package (which would try to
// download Electron's binary).
import { register, createRequire } from 'node:module';
import Module from 'node:module';

register('./loader.mjs', import.meta.url);

const require = createRequire(import.meta.url);
const resolved = require.resolve('./electron.cjs');
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron' || request.startsWith('electron/')) return resolved;
  return original.call(this, request, ...rest);
};
