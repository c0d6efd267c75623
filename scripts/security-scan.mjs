// Electronegativity over the app's own code (main/, preload/, renderer/) and the build output
// (out/, without the command-line tools), scanned together so its global checks (the CSP) see the whole app. The tool exits 0 even
// with findings, so this reads its report and fails on any HIGH or MEDIUM finding that the reviewed
// allowlist (security/electronegativity-allowlist.json) does not name, with a reason. An entry
// that no longer matches anything fails too, so the list cannot go stale.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAst } from 'rolldown/parseAst';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');

if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
  console.error('security scan: out/ is missing; run `npm run build` first (npm test does).');
  process.exit(1);
}

const input = mkdtempSync(join(tmpdir(), 'umeet-scan-'));
// The app as it ships: its sources and its build (out/main, out/preload, out/renderer). out/tools (the CLI,
// the sandbox, the bench) is plain Node, never loaded by Electron, and bundles its npm dependencies whole.
for (const dir of ['main', 'core', 'preload', 'renderer', 'out/main', 'out/preload', 'out/renderer']) {
  cpSync(join(root, dir), join(input, dir), { recursive: true });
}
// The main bundle is minified (main-output.config.ts): the minifier writes strings as template literals
// (`Auxclick`) and true and false as !0 and !1, and the tool's checks read an option's value from a literal only
// (one stopped at a template literal with "Cannot read properties of undefined"; others took `contextIsolation:
// !0` for an option not set). The copy scanned has each template literal with no expression and no tag as the
// string literal it is ("Auxclick"), and !0 and !1 as true and false; nothing else in it changes.
for (const name of readdirSync(join(input, 'out/main')).filter((f) => f.endsWith('.js'))) {
  const file = join(input, 'out/main', name);
  const code = readFileSync(file, 'utf8');
  const plain = [];
  (function walk(node, parent) {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, parent));
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'TemplateLiteral' && !node.expressions.length && parent?.type !== 'TaggedTemplateExpression')
      plain.push({ ...node, text: JSON.stringify(node.quasis[0].value.cooked) });
    if (
      node.type === 'UnaryExpression' &&
      node.operator === '!' &&
      node.argument.type === 'Literal' &&
      [0, 1].includes(node.argument.value)
    )
      return plain.push({ ...node, text: node.argument.value === 0 ? 'true' : 'false' });
    for (const [key, value] of Object.entries(node)) if (key !== 'parent' && value && typeof value === 'object') walk(value, node);
  })(parseAst(code, { sourceType: 'module' }), undefined);
  let text = code;
  for (const node of plain.sort((a, b) => b.start - a.start)) text = text.slice(0, node.start) + node.text + text.slice(node.end);
  writeFileSync(file, text);
}
const sarif = join(input, 'findings.sarif');
// The tool also goes online for two extras: fresh translations of its own messages, and Electron's
// release list (to flag a pinned version with later security fixes). Offline, as on the build
// machines, both fail with alarming lines ("No connectivity?") although every code check ran.
// Its chatter is collected, and those two lines are replaced by one that says what they mean.
// eslint-disable-next-line no-control-regex -- chalk's colour codes start with ESC
const ansiColour = /\u001b\[[0-9;]*m/g;
const chatter = [];
const print = console.log;
console.log = (...args) => chatter.push(args.map(String).join(' ').replace(ansiColour, ''));
const offlineLine = /No connectivity\?|Could not retrieve updated translations/;
// Its HTTP client, got 11, has a retry timer that offline can fire after the request has already failed, and then
// throws from p-cancelable, from the timer: "The `onCancel` handler was attached after the promise settled" (got
// #1489, open; #1187). On Node 24 it ended the scan, after the failure itself had been handled (the offline line
// above). The same retry can also re-raise the request's own network error (a RequestError, getaddrinfo ENOTFOUND
// for the translations' host) after the tool caught it. Those errors from got, for the tool's two online extras
// only, are let pass; any other uncaught error still ends the scan, as it would have.
const onlineExtras = new Set([
  new URL(JSON.parse(readFileSync(join(root, 'node_modules/@doyensec/electronegativity/package.json'), 'utf8')).i18nSource).host,
  'raw.githubusercontent.com',
]);
process.on('uncaughtException', (error) => {
  const fromGot = /got[\\/]dist[\\/]source/.test(error?.stack ?? '');
  const gotRetry = fromGot && error?.message === 'The `onCancel` handler was attached after the promise settled.';
  const offlineExtra =
    fromGot && error?.name === 'RequestError' && onlineExtras.has(String(error?.options?.url?.host ?? error?.hostname ?? ''));
  if (gotRetry || offlineExtra) return;
  console.error(error);
  process.exit(1);
});
const result = await run({
  input,
  output: sarif,
  isSarif: true,
  customScan: [],
  excludeFromScan: [],
  isRelative: true,
  isVerbose: false,
  // The pinned Electron; the tool would otherwise look for it online.
  electronVersionOverride: JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version,
  // The bundles are modern ES modules.
  parserPlugins: [
    'importMeta',
    'topLevelAwait',
    'classProperties',
    'classPrivateProperties',
    'classPrivateMethods',
    'optionalChaining',
    'nullishCoalescingOperator',
    'logicalAssignment',
    'numericSeparator',
  ],
}).finally(() => {
  console.log = print;
});
if (chatter.some((line) => offlineLine.test(line))) {
  console.log(
    'Electronegativity ran offline: it skipped its online extras (its message translations and the check of Electron releases for later security fixes); every code check ran.',
  );
}
for (const line of chatter.filter((line) => !offlineLine.test(line))) console.log(line);

// The tool exits 0 whatever it finds, so its report file is what counts. Its CSV writer races its
// own header (two unawaited fs.writeFile calls, one truncating), so the SARIF report, written in
// one piece, is read instead; it is complete once it parses and holds every finding returned.
const byId = new Map(result.issues.map((issue) => [issue.id, issue]));
let report;
for (let waited = 0; ; waited += 50) {
  try {
    report = JSON.parse(readFileSync(sarif, 'utf8'));
    if (report.runs[0].results.length === result.issues.length) break;
  } catch {
    // not written yet
  }
  if (waited > 10_000) {
    console.error('security scan: the report file never held all the findings');
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
const findings = report.runs[0].results
  .map((r, i) => {
    const issue = result.issues[i];
    const location = r.locations[0].physicalLocation;
    return {
      check: r.ruleId,
      severity: issue?.severity?.name ?? byId.get(r.ruleId)?.severity?.name,
      file: location.artifactLocation.uri,
      location: `${location.region.startLine}:${location.region.startColumn}`,
      description: r.message.text,
    };
  })
  .filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
rmSync(input, { recursive: true, force: true });

const { findings: allowlist, unparsed: unparsedAllowed } = JSON.parse(
  readFileSync(join(root, 'security/electronegativity-allowlist.json'), 'utf8'),
);
// A file the tool could not parse is a file it did not check: each must be named, with a reason.
const unparsed = result.errors
  .filter((e) => !e.tolerable)
  .map((e) => ({ file: e.file.slice(input.length + 1), message: String(e.message).slice(0, 120) }));
const unparsedUnlisted = unparsed.filter((u) => !unparsedAllowed.some((a) => new RegExp(a.pattern).test(u.file)));
const allowed = (f) => allowlist.find((a) => a.check === f.check && a.file === f.file);
const unlisted = findings.filter((f) => !allowed(f));
const stale = allowlist.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file));

console.log(`Electronegativity: ${findings.length} HIGH/MEDIUM findings, ${findings.length - unlisted.length} reviewed in the allowlist.`);
for (const f of findings) {
  const entry = allowed(f);
  console.log(
    `  ${entry ? 'allowed' : 'NEW    '} ${f.severity} ${f.check} ${f.file}:${f.location}${entry ? ` — ${entry.reason}` : ` — ${f.description}`}`,
  );
}
for (const a of stale) console.log(`  STALE allowlist entry (matches nothing now, remove it): ${a.check} ${a.file}`);
for (const u of unparsed) {
  console.log(`  ${unparsedUnlisted.includes(u) ? 'UNPARSED' : 'not parsed (reviewed)'} ${u.file}: ${u.message}`);
}
if (unlisted.length || stale.length || unparsedUnlisted.length) process.exit(1);
