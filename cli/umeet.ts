// `umeet`: the Umeet API from a terminal or a script, over the same client as the app.
import { Command, Option } from 'commander';
import open from 'open';
import { createUmeetClient, DEFAULT_API_BASE, DEFAULT_TIMEOUT_MS } from '../main/api/client.js';
import { checkLink } from '../main/platform/link-allowlist.js';
import type { ApiFailure, ApiResult, InstantInput } from '../common/umeet-api.js';
import { describeFailure, friendlyLines, publicFields } from './output.js';

/** Exit codes: 0 success; 2 invalid input or missing credentials (nothing sent); 1 any other failure. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function environment() {
  const apiKey = process.env.UMEET_API_KEY ?? '';
  const apiSecret = process.env.UMEET_API_SECRET ?? '';
  const baseUrl = process.env.UMEET_API_BASE || DEFAULT_API_BASE;
  const timeoutText = process.env.UMEET_TIMEOUT_MS;
  const timeoutMs = timeoutText ? Number(timeoutText) : DEFAULT_TIMEOUT_MS;
  const problems: string[] = [];
  if (!apiKey.trim()) problems.push('UMEET_API_KEY is not set');
  if (!apiSecret.trim()) problems.push('UMEET_API_SECRET is not set');
  if (!(Number.isInteger(timeoutMs) && timeoutMs > 0)) problems.push('UMEET_TIMEOUT_MS must be a positive integer');
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push('UMEET_API_BASE must be an http(s) URL');
  } catch {
    problems.push('UMEET_API_BASE is not a URL');
  }
  if (problems.length) {
    process.stderr.write(`umeet: invalid-input: ${problems.join('; ')}\n`);
    throw new CliExit(EXIT_USAGE);
  }
  return { apiKey, apiSecret, baseUrl, timeoutMs };
}

async function run<T>(
  json: boolean,
  reveal: boolean,
  perform: (client: ReturnType<typeof createUmeetClient>) => Promise<ApiResult<T>>,
  after?: (value: T, baseUrl: string) => Promise<void>,
): Promise<void> {
  const env = environment();
  const client = createUmeetClient({
    baseUrl: env.baseUrl,
    timeoutMs: env.timeoutMs,
    credentials: () => ({ apiKey: env.apiKey, apiSecret: env.apiSecret }),
    userAgent: 'umeet-cli',
  });
  try {
    const result = await perform(client);
    if (!result.ok) fail(result.failure);
    const value = result.value;
    if (json) process.stdout.write(`${JSON.stringify(publicFields(value ?? { ok: true }, reveal))}\n`);
    else process.stdout.write(friendlyLines(value, reveal));
    await after?.(value, env.baseUrl);
  } finally {
    await client.close();
  }
}

function fail(failure: ApiFailure): never {
  process.stderr.write(`umeet: ${describeFailure(failure)}\n`);
  throw new CliExit(failure.kind === 'invalid-input' ? EXIT_USAGE : EXIT_FAILURE);
}

function integer(name: string) {
  return (text: string) => {
    if (!/^-?\d+$/.test(text.trim())) {
      process.stderr.write(`umeet: invalid-input: ${name}: must be a whole number\n`);
      throw new CliExit(EXIT_USAGE);
    }
    return Number(text);
  };
}

/** A flag with a --no- twin: present sends "true", --no- sends "false", absent sends nothing. */
function toggle(command: Command, flag: string, description: string): Command {
  return command.option(`--${flag}`, description).option(`--no-${flag}`);
}

function program(): Command {
  const root = new Command('umeet')
    .description('Start and manage Umeet shared-room meetings.\nCredentials: UMEET_API_KEY, UMEET_API_SECRET; server: UMEET_API_BASE; timeout: UMEET_TIMEOUT_MS.')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const instant = root
    .command('instant')
    .description('start an instant meeting now')
    .requiredOption('--topic <topic>', 'meeting topic')
    .requiredOption('--capacity <n>', 'room size (number of parties)', integer('meeting_capacity'))
    .option('--duration <minutes>', 'duration in minutes, greater than 30', integer('duration'))
    .option('--user-key <key>', 'your identity for later filtering, at most 200 bytes')
    .addOption(new Option('--recording <mode>', 'cloud recording').choices(['cloud', 'none']))
    .addOption(new Option('--open <link>', 'open the meeting in the browser').choices(['join', 'start']))
    .option('--json', 'print one JSON object')
    .option('--reveal-secrets', 'include start_url and token in the output');
  toggle(instant, 'join-before-host', 'let participants join before the host');
  toggle(instant, 'mute-on-entry', 'mute participants on entry');
  toggle(instant, 'host-video', 'host video on at start');
  toggle(instant, 'participants-video', 'participants’ video on at start');
  toggle(instant, 'use-pmi', 'use the personal meeting ID');
  toggle(instant, 'live-streaming', 'enable live-stream push');
  instant.action(async (o) => {
    const input: InstantInput = {
      topic: o.topic,
      meeting_capacity: o.capacity,
      duration: o.duration,
      user_key: o.userKey,
      recording: o.recording,
      option_jbh: o.joinBeforeHost,
      mute_upon_entry: o.muteOnEntry,
      option_host_video: o.hostVideo,
      option_participants_video: o.participantsVideo,
      use_pmi: o.usePmi,
      allow_live_streaming: o.liveStreaming,
    };
    await run(Boolean(o.json), Boolean(o.revealSecrets), (client) => client.instant(input), async (meeting, baseUrl) => {
      if (!o.open) return;
      const link = o.open === 'start' ? meeting.start_url : meeting.join_url;
      if (!link) {
        process.stderr.write(`umeet: not opened: the answer has no ${o.open}_url\n`);
        throw new CliExit(EXIT_FAILURE);
      }
      const verdict = checkLink(link, { apiBaseUrl: baseUrl });
      if (!verdict.ok) {
        process.stderr.write(`umeet: not opened: untrusted link to ${verdict.host || 'an invalid address'} (${verdict.reason})\n`);
        throw new CliExit(EXIT_FAILURE);
      }
      const browser = process.env.UMEET_OPEN_WITH;
      await open(verdict.url, browser ? { app: { name: browser } } : {});
    });
  });

  const withJson = (command: Command) => command.option('--json', 'print one JSON object');
  withJson(root.command('info').argument('<meeting-id>').description('show a meeting')).action(async (id, o) =>
    run(Boolean(o.json), false, (client) => client.get(id)),
  );
  withJson(root.command('list').option('--user-key <key>', 'only meetings booked with this user key'))
    .description('list online meetings')
    .action(async (o) => run(Boolean(o.json), false, (client) => client.list({ user_key: o.userKey })));
  withJson(root.command('end').argument('<meeting-id>').description('end a meeting now and free its room')).action(
    async (id, o) => run(Boolean(o.json), false, (client) => client.end(id)),
  );
  withJson(root.command('licence').alias('license').description('show the licence: room sizes and counts')).action(
    async (o) => run(Boolean(o.json), false, (client) => client.licensing()),
  );
  return root;
}

try {
  await program().parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliExit) process.exitCode = error.code;
  else if (error && typeof error === 'object' && 'exitCode' in error && typeof error.exitCode === 'number') {
    // commander's own usage errors (unknown option, missing argument) and --help.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  } else {
    process.stderr.write(`umeet: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_FAILURE;
  }
}
