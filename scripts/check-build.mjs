// Checks what `npm run build` produced, so a bundler or config change that breaks the app's shape
// fails the build instead of the app: main must parse as an ES module, the preload must be
// CommonJS (Electron's sandbox cannot load an ES-module preload), the renderer must have its page.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const out = join(import.meta.dirname, '..', 'out');
const failures = [];
const need = (file) => {
  if (!existsSync(join(out, file))) failures.push(`missing out/${file}`);
  return existsSync(join(out, file));
};

if (need('main/index.js')) {
  try {
    execFileSync(process.execPath, ['--check', join(out, 'main/index.js')], { stdio: 'pipe' });
  } catch (error) {
    failures.push(`node --check out/main/index.js failed:\n${error.stderr}`);
  }
}
if (need('preload/index.cjs')) {
  const preload = readFileSync(join(out, 'preload/index.cjs'), 'utf8');
  if (/^\s*(import|export)\s/m.test(preload)) failures.push('out/preload/index.cjs has ES module syntax');
  if (!preload.includes('require("electron")')) failures.push('out/preload/index.cjs does not require electron');
}
need('renderer/index.html');
// The window runs no zod: main checks its forms (the `check` channel, common/form-check.ts). zod was a quarter of
// the window's bytes (issue 30); a value import of a schema module from renderer/src would bring it back unseen.
// Every zod 4 schema and error keeps its internals under `_zod`, which no minifier renames (a property name).
const rendererAssets = join(out, 'renderer', 'assets');
if (existsSync(rendererAssets))
  for (const file of readdirSync(rendererAssets).filter((name) => name.endsWith('.js')))
    if (/\b_zod\b|\$ZodType|ZodError/.test(readFileSync(join(rendererAssets, file), 'utf8')))
      failures.push(`out/renderer/assets/${file} has zod in it: the window imports a schema module (use \`import type\`, or ask main)`);

if (failures.length) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log('build output checked: out/main (ESM, node --check ok), out/preload (CommonJS), out/renderer (no zod)');
