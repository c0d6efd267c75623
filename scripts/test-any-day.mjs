// `npm run test:any-day`: the unit suite on the days that break tests which depend on today's date or on
// another test having run first (issue 24), one setting after another:
//   1. New York, 01:30 on the night its clocks go back, at least a year after today;
//   2. Shanghai, the next 29 February at least a year after today;
//   3. the real clock, the tests in a shuffled order (a printed seed).
// The first two run under libfaketime (`faketime -m`): every process the suite starts shares the faked
// clock, and the clock runs on from the faked moment (timers fire). Extra arguments go to vitest, e.g.
// `npm run test:any-day -- test/unit/cli.test.ts`. Not part of `npm test`: it runs the suite three times.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';

const extra = process.argv.slice(2);
const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
const DAY_MS = 86_400_000;

function onPath(command) {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(folder, command), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

if (!onPath('faketime')) {
  process.stderr.write(
    'test:any-day: `faketime` (libfaketime) is not installed; on Debian or Ubuntu: `sudo apt-get install faketime`, then run `npm run test:any-day` again.\n',
  );
  process.exit(1);
}

/** The zone's offset from UTC in minutes at a moment, read with Intl whatever this process's TZ is. */
function offsetMinutes(zone, moment) {
  const fields = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(moment))
      .map((part) => [part.type, part.value]),
  );
  const wall = Date.UTC(+fields.year, +fields.month - 1, +fields.day, +fields.hour, +fields.minute);
  return Math.round((wall - Math.floor(moment / 60_000) * 60_000) / 60_000);
}

/** A year after today (the real clock), at 00:00 UTC: every date the suite picks lies beyond it. */
function aYearOn() {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate());
}

/** The moment of a local wall time in a zone, given the zone's offset then. */
const wallToMoment = (utcDay, hour, minute, offset) => utcDay + (hour * 60 + minute - offset) * 60_000;

/** 01:30 (summer time, the first of the two) on the first night, a year on or later, when the zone's clocks go back. */
function fallBackNight(zone) {
  for (let d = aYearOn(); d < aYearOn() + 2 * 366 * DAY_MS; d += DAY_MS) {
    // The offset at the local day's first minute and at its noon: the change happens in between.
    const before = offsetMinutes(zone, wallToMoment(d, 0, 0, offsetMinutes(zone, d)));
    const after = offsetMinutes(zone, wallToMoment(d, 12, 0, before));
    if (after < before) return wallToMoment(d, 1, 30, before);
  }
  throw new Error(`no change back from summer time in ${zone} within two years`);
}

/** 00:30 local on the first 29 February a year on or later (still the 28th in UTC). */
function leapDay(zone) {
  for (let year = new Date(aYearOn()).getUTCFullYear(); ; year += 1) {
    const d = Date.UTC(year, 1, 29);
    if (new Date(d).getUTCMonth() === 1 && d >= aYearOn()) return wallToMoment(d, 0, 30, offsetMinutes(zone, d));
  }
}

/** "2028-11-05 01:30 (UTC-4, America/New_York)". */
function wallIn(zone, moment) {
  const offset = offsetMinutes(zone, moment);
  const wall = new Date(moment + offset * 60_000).toISOString().slice(0, 16).replace('T', ' ');
  return `${wall} (UTC${offset < 0 ? '-' : '+'}${Math.abs(offset) / 60}, ${zone})`;
}

const seedGiven = extra.some((arg) => arg.startsWith('--sequence.seed'));
const seed = Math.floor(Math.random() * 1_000_000) + 1;

const settings = [
  { zone: 'America/New_York', moment: fallBackNight('America/New_York'), what: 'New York, the night its clocks go back' },
  { zone: 'Asia/Shanghai', moment: leapDay('Asia/Shanghai'), what: 'Shanghai, 29 February' },
  {
    what: seedGiven ? 'the real clock, shuffled (the seed given)' : `the real clock, shuffled with seed ${seed}`,
    args: ['--sequence.shuffle', ...(seedGiven ? [] : [`--sequence.seed=${seed}`])],
  },
].map((setting) => {
  const faked = setting.moment === undefined ? [] : ['faketime', '-m', `@${setting.moment / 1000}`];
  const env = setting.zone ? { TZ: setting.zone } : {};
  const vitestArgs = ['run', ...(setting.args ?? []), ...extra];
  const label = setting.moment === undefined ? setting.what : `${setting.what}: ${wallIn(setting.zone, setting.moment)}`;
  const rerun = [...Object.entries(env).map(([name, value]) => `${name}=${value}`), ...faked, 'npx', 'vitest', ...vitestArgs]
    .map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word}'`))
    .join(' ');
  return { label, faked, env, vitestArgs, rerun };
});

/**
 * The faked clock must run on, not stand still, or no timer in the suite would fire: a probe under the
 * same setting waits on a timer and reads the clock before and after.
 */
function clockRuns(setting) {
  const probe = 'const a = Date.now(); setTimeout(() => { const b = Date.now(); process.stdout.write(JSON.stringify({ a, b })); }, 200);';
  const run = spawnSync(setting.faked[0], [...setting.faked.slice(1), process.execPath, '-e', probe], {
    env: { ...process.env, ...setting.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (run.error?.code === 'ETIMEDOUT') return 'a timer under the faked clock never fired: the clock stands still';
  try {
    const { a, b } = JSON.parse(run.stdout);
    const expected = Number(setting.faked[2].slice(1)) * 1000;
    if (Math.abs(a - expected) > 60_000) return `the clock reads ${new Date(a).toISOString()}, not ${new Date(expected).toISOString()}`;
    if (b <= a) return 'the faked clock stands still (a timer fired, the time did not move)';
    return undefined;
  } catch {
    return `faketime did not run node (${(run.stderr || run.error?.message || `exit ${run.status}`).trim()})`;
  }
}

const results = [];
for (const [index, setting] of settings.entries()) {
  process.stdout.write(`\n── test:any-day ${index + 1}/${settings.length}: ${setting.label}\n   ${setting.rerun}\n\n`);
  const broken = setting.faked.length ? clockRuns(setting) : undefined;
  if (broken) {
    results.push({ setting, passed: false, why: broken });
    continue;
  }
  const command = [...setting.faked, process.execPath, vitest, ...setting.vitestArgs];
  const run = spawnSync(command[0], command.slice(1), { env: { ...process.env, ...setting.env }, stdio: 'inherit' });
  results.push({ setting, passed: run.status === 0, why: run.error?.message ?? (run.signal ? `killed by ${run.signal}` : undefined) });
}

process.stdout.write('\n── test:any-day\n');
for (const { setting, passed, why } of results) {
  process.stdout.write(`${passed ? '  passed' : '  FAILED'}  ${setting.label}${why ? ` (${why})` : ''}\n`);
  if (!passed) process.stdout.write(`          re-run: ${setting.rerun}\n`);
}
process.exit(results.every((result) => result.passed) ? 0 : 1);
