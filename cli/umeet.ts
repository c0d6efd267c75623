// `umeet`: the Umeet API from a terminal or a script, over the same client as the app.
// Its output is a public interface: --json prints one JSON object on stdout; every error is one
// line `umeet: <kind>: <message>` on stderr; exit codes: 0 success, 1 failure, 2 bad input or usage
// (nothing was sent).
import { Command, CommanderError } from 'commander';
import { version } from '../package.json';
// The HTTP client (undici), the public-suffix list (tldts) and the calendar libraries load when a command
// needs them, not on every start: `umeet --version` and `--help` start about as fast as Node itself.
import type { UmeetClient } from '../core/api/client.js';
import { DEFAULT_API_BASE, DEFAULT_TIMEOUT_MS } from '../common/api-defaults.js';
import { DIRECT } from '../common/proxy.js';
import {
  Duration,
  type ApiFailure,
  type ApiResult,
  type InstantInput,
  type Licence,
  type MeetingInfo,
  type MeetingPage,
  type ScheduledMeeting,
} from '../common/umeet-api.js';
import { readCaFile } from './ca-file.js';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { localDate, localTime } from '../common/format.js';
import { isoFromService, parseLocalMinute } from './local-time.js';
import { cliTranslator } from './locale.js';
import { allParticipants, type ParticipantList } from './participants.js';
import { chooseProxy, fixedNetwork, parseProxyUrl, type ProxyChoice } from './proxy-env.js';
import { availability, type RoomSlot, type SizeAvailability } from './rooms.js';
import { usageLines, usagePeriod } from './usage.js';
import type { UsageReport } from '../common/usage.js';
import { daysCsv } from '../core/usage/csv.js';
import { readHeld, usageReport } from '../core/usage/read-usage.js';
// The scheduling commands load their modules (and the calendar libraries) when run, not on every start.
import type { Booked, ScheduleOptions, Upcoming } from './schedule.js';
import type { ScheduleRequest } from '../common/schedule.js';
import {
  createdLines,
  describeFailure,
  licenceLines,
  meetingLines,
  meetingListLines,
  participantsLines,
  publicFields,
  roomsLines,
} from './output.js';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;
/** `umeet rooms` without --duration: an hour (the command's documented default). */
const DEFAULT_SLOT_MINUTES = 60;

/**
 * Where one run of `umeet` reads its environment and writes its output. The entry (cli/start.ts) gives the
 * process's own; the tests give their own and run the program in theirs (test/unit/support/umeet-cli.ts).
 */
export interface UmeetIo {
  /** The environment variables the program reads (UMEET_*, the proxy variables, LC_ALL/LC_MESSAGES/LANG). */
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The terminal's width, when stdout is one: --help wraps to it (as commander does by itself). */
  columns?: number;
}

/** What one run works with: its I/O and the options given before or after the command (`--proxy`). */
interface Context {
  io: UmeetIo;
  /** Set by the root's preAction hook. */
  options: { proxy?: string };
}

/** Ends the command with an exit code and, unless it is already written, its one line for stderr. */
class CliExit extends Error {
  constructor(
    readonly code: number,
    readonly line?: string,
  ) {
    super(`exit ${code}`);
  }
}

/** Ends the command with its one error line (written to stderr by runUmeet, after whatever came before it). */
function die(kind: string, message: string, code: number): never {
  throw new CliExit(code, `umeet: ${kind}: ${message}\n`);
}

/** What the user typed for each API field, so an error names it (`--capacity`, not `meeting_capacity`). */
const typed: Record<string, string> = {
  topic: '--topic',
  meeting_capacity: '--capacity',
  duration: '--duration',
  user_key: '--user-key',
  recording: '--recording',
  meeting_id: '<meeting-id>',
  id: '<meeting-id>',
  start_time: '--start',
  password: '--password',
  host_name: '--host-name',
};

function environment(ctx: Context) {
  const vars = ctx.io.env;
  const apiKey = vars.UMEET_API_KEY ?? '';
  const apiSecret = vars.UMEET_API_SECRET ?? '';
  const baseUrl = vars.UMEET_API_BASE || DEFAULT_API_BASE;
  const timeoutText = vars.UMEET_TIMEOUT_MS;
  const timeoutMs = timeoutText ? Number(timeoutText) : DEFAULT_TIMEOUT_MS;
  const problems: string[] = [];
  if (!apiKey.trim()) problems.push('UMEET_API_KEY is not set');
  if (!apiSecret.trim()) problems.push('UMEET_API_SECRET is not set');
  if (!(Number.isInteger(timeoutMs) && timeoutMs > 0)) problems.push('UMEET_TIMEOUT_MS must be a positive integer');
  let server = '';
  let proxy: ProxyChoice = { ok: true, route: DIRECT };
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') problems.push('UMEET_API_BASE must be an http(s) URL');
    server = url.host;
    proxy = chooseProxy({ option: ctx.options.proxy, env: vars, apiUrl: url });
    // A bad --proxy was refused while parsing; a bad variable is a bad environment value, like UMEET_TIMEOUT_MS.
    if (!proxy.ok) problems.push(`${proxy.source} ${proxy.problem}`);
  } catch {
    problems.push('UMEET_API_BASE is not a URL');
  }
  // Certificates to trust beyond Node's and the OS's: a company's TLS-inspecting proxy, a private
  // deployment. NODE_EXTRA_CA_CERTS works for the CLI too, but this one is checked and told.
  const caFile = vars.UMEET_CA_FILE;
  const ca = caFile ? readCaFile(caFile) : { ok: true as const, pems: [] };
  if (!ca.ok) problems.push(`UMEET_CA_FILE must be a readable PEM file of certificates: ${ca.problem}`);
  if (problems.length || !proxy.ok || !ca.ok) die('invalid-input', problems.join('; '), EXIT_USAGE);
  return { apiKey, apiSecret, baseUrl, timeoutMs, server, proxy, caPems: ca.pems, t: cliTranslator(vars) };
}

type Env = ReturnType<typeof environment>;

/**
 * Runs one call: the answer printed (JSON or for people), or its failure as one line. `asJson` is the answer as
 * --json prints it, when that differs (the service's China times as ISO-8601 with the local offset).
 */
async function run<T>(
  ctx: Context,
  json: boolean,
  perform: (client: UmeetClient) => Promise<ApiResult<T>>,
  print: (value: T) => string,
  after?: (value: T, env: Env) => Promise<void>,
  reveal = false,
  asJson: (value: T) => unknown = (value) => value,
): Promise<void> {
  const env = environment(ctx);
  const [{ createUmeetClient }, { trustOptions }] = await Promise.all([import('../core/api/client.js'), import('../core/api/trust.js')]);
  const client = createUmeetClient({
    baseUrl: env.baseUrl,
    timeoutMs: env.timeoutMs,
    credentials: () => ({ apiKey: env.apiKey, apiSecret: env.apiSecret }),
    userAgent: 'umeet-cli',
    network: fixedNetwork(env.proxy.route, env.proxy.auth),
    // TLS only to an https:// server or through an https:// proxy: over plain HTTP (a LAN gateway, the sandbox)
    // the OS's certificate store is not read at all (about 35 of a short command's 250 ms of CPU).
    trust: new URL(env.baseUrl).protocol === 'https:' || env.proxy.route.kind === 'https' ? trustOptions(env.caPems) : {},
  });
  try {
    const result = await perform(client);
    if (!result.ok) fail(result.failure, env);
    const value = result.value;
    ctx.io.stdout(json ? `${JSON.stringify(publicFields(asJson(value) ?? { ok: true }, reveal))}\n` : print(value));
    await after?.(value, env);
  } finally {
    await client.close();
  }
}

/** The failure's one line; `note` (what it means here) goes after the kind, before the message. */
function fail(failure: ApiFailure, env: Env, note?: string): never {
  const context = {
    server: env.server,
    spelled: (field: string) => typed[field] ?? field,
    proxySource: env.proxy.source,
    t: env.t,
  };
  const line = describeFailure(failure, context);
  throw new CliExit(
    failure.kind === 'invalid-input' ? EXIT_USAGE : EXIT_FAILURE,
    `umeet: ${note ? line.replace(/^([a-z-]+): /, `$1: ${note}: `) : line}\n`,
  );
}

/** A whole-number option, refused with the option's own name. */
function integer(option: string) {
  return (text: string) => {
    if (!/^-?\d+$/.test(text.trim())) die('invalid-input', `${option}: must be a whole number, not ${JSON.stringify(text)}`, EXIT_USAGE);
    return Number(text);
  };
}

/** Minutes as the service takes them (over 30), refused with the option's own name before anything is sent. */
function minutes(option: string) {
  return (text: string) => {
    const value = integer(option)(text);
    const checked = Duration.safeParse(value);
    if (!checked.success) die('invalid-input', `${option}: ${checked.error.issues[0]?.message ?? 'invalid'}`, EXIT_USAGE);
    return value;
  };
}

/** `--at`: the user's own clock; converted to the service's China time when the request is made. */
function localMinute(option: string) {
  return (text: string) => {
    const parsed = parseLocalMinute(text);
    if (!parsed.ok) die('invalid-input', `${option}: ${parsed.problem}`, EXIT_USAGE);
    return parsed.at;
  };
}

/** One of a few words, refused with the option's own name and the choices. */
function oneOf(option: string, choices: readonly string[]) {
  return (text: string) => {
    if (!choices.includes(text))
      die('invalid-input', `${option}: must be one of ${choices.join(', ')}, not ${JSON.stringify(text)}`, EXIT_USAGE);
    return text;
  };
}

/** A flag with a --no- twin: present sends "true", --no- sends "false", absent sends nothing. */
function toggle(command: Command, flag: string, description: string): Command {
  return command
    .option(`--${flag}`, `${description} (sends "true")`)
    .option(`--no-${flag}`, `sends "false"; without either flag the service decides`);
}

/** The schedule call has no join-before-host option (its page lists no option_jbh): the flags are accepted, not sent. */
const NOT_SENT_JBH = "not sent: the service's schedule call has no such option (accepted for old scripts, with a warning)";

/** `--proxy <url>`: checked as it is parsed, so a bad one is refused before anything else, naming the option. */
function proxyOption(text: string): string {
  if (text.trim() === '') return '';
  const parsed = parseProxyUrl(text);
  if (!parsed.ok) die('invalid-input', `--proxy: ${parsed.problem}`, EXIT_USAGE);
  return text;
}

const environmentHelp = `
Environment:
  UMEET_API_KEY, UMEET_API_SECRET   the credentials (required)
  UMEET_API_BASE                    the API server (default ${DEFAULT_API_BASE})
  UMEET_TIMEOUT_MS                  the deadline of one call in ms (default ${DEFAULT_TIMEOUT_MS})
  UMEET_OPEN_WITH                   the program --open uses (default: the system's browser)
  UMEET_CA_FILE                     a PEM file of CA certificates to trust as well, e.g. a company proxy's
                                    (Node's own and the system's are trusted already where Node can read them)
  https_proxy, HTTPS_PROXY          the proxy for an https:// API server, as curl reads them: the lower-case
                                    form wins; http://[user:password@]host:port, https://… or socks5://…
  http_proxy                        the proxy for an http:// API server (upper-case HTTP_PROXY is not read,
                                    as curl does not: httpoxy)
  all_proxy, ALL_PROXY              the proxy when the one above is not set
  no_proxy, NO_PROXY                servers reached straight: names (with their subdomains), IP addresses,
                                    CIDR ranges, each with an optional :port; * for all. Loopback is not
                                    exempt unless listed. --proxy overrides all of these

Output: --json prints one JSON value on stdout (an object; for rooms and upcoming, an array). Times in --json are
ISO-8601 with an offset: your own (TZ honoured), e.g. 2027-01-12T10:00:00-05:00, or Z where a command says UTC
(participants). A change: list's and info's start_time (and instant's start_time, licence's expire_date when the
service gives one) used to be passed through as the service's China time, without an offset. Errors are one line on
stderr, "umeet: <kind>: <message>". The service's refusals keep its words; for a refused API key or secret (auth)
and no free room (rejected), the app's own words come first, in the language LC_ALL, LC_MESSAGES or LANG says
(Chinese for zh, else English), then the service's in brackets.
Exit codes: 0 success; 1 failure; 2 invalid input or usage (nothing was sent).`;

function program(ctx: Context): Command {
  const root = new Command('umeet')
    .description('Start and manage Umeet shared-room meetings.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help (also: umeet <command> --help)')
    .option(
      '--proxy <url>',
      "the proxy to use: http://[user:password@]host:port (or https://, socks5://); '' for none; overrides the environment",
      proxyOption,
    )
    // Before or after the command (`umeet --proxy … info 1`, `umeet info 1 --proxy …`): commander
    // reads a root option on either side; the hook hands it to the command being run.
    .hook('preAction', (root) => {
      ctx.options.proxy = root.opts<{ proxy?: string }>().proxy;
    })
    .addHelpText('after', environmentHelp)
    .showSuggestionAfterError(true)
    .exitOverride()
    // Help and the version go to this run's stdout (each command inherits this); commander's own error messages
    // are turned into one `umeet: usage: …` line below. Help is plain text: there are no colours to keep or strip.
    .configureOutput({
      writeOut: (text) => ctx.io.stdout(text),
      writeErr: () => undefined,
      outputError: () => undefined,
      // undefined when not a terminal, as commander's own default (its type says number).
      getOutHelpWidth: (() => ctx.io.columns) as () => number,
      getOutHasColors: () => false,
    });

  /** A command with --json, its help ending with `notes` (what it prints), then the environment and exit codes. */
  const command = (name: string, description: string, notes = '') =>
    root
      .command(name)
      .description(description)
      .helpOption('-h, --help', 'show this help')
      .configureHelp({ showGlobalOptions: true })
      .option('--json', 'print one JSON object')
      .addHelpText('after', notes + environmentHelp);

  /**
   * The options a new meeting takes, instant or scheduled: --user-key, --recording, the switches, --reveal-secrets.
   * Only an instant meeting sends --[no-]join-before-host and takes --[no-]use-pmi.
   */
  const meetingOptions = (meeting: Command, instant: boolean) => {
    meeting
      .option('--user-key <key>', 'your identity for later filtering, at most 200 bytes')
      .option('--recording <mode>', 'cloud recording: cloud or none', oneOf('--recording', ['cloud', 'none']))
      .option('--reveal-secrets', 'include start_url and token (credentials) in the output');
    if (instant) toggle(meeting, 'join-before-host', 'let participants join before the host');
    else meeting.option('--join-before-host', NOT_SENT_JBH).option('--no-join-before-host', NOT_SENT_JBH);
    toggle(meeting, 'mute-on-entry', 'mute participants on entry');
    toggle(meeting, 'host-video', 'host video on at start');
    toggle(meeting, 'participants-video', 'participants’ video on at start');
    if (instant) toggle(meeting, 'use-pmi', 'use the personal meeting ID');
    toggle(meeting, 'live-streaming', 'enable live-stream push');
    return meeting;
  };

  const instant = command('instant', 'start an instant meeting now')
    .requiredOption('--topic <topic>', 'meeting topic (required)')
    .requiredOption('--capacity <n>', 'room size, in parties (required)', integer('--capacity'))
    .option('--duration <minutes>', 'duration in minutes, greater than 30', integer('--duration'))
    .option(
      '--open <link>',
      'open the meeting in the browser: join (as participant) or start (as host)',
      oneOf('--open', ['join', 'start']),
    );
  meetingOptions(instant, true);
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
    const reveal = Boolean(o.revealSecrets);
    await run(
      ctx,
      Boolean(o.json),
      (client) => client.instant(input),
      (meeting) => createdLines(meeting, reveal),
      async (meeting, env) => {
        if (!o.open) return;
        // The meeting exists and is already printed: whatever happens here, nothing is lost.
        const link = o.open === 'start' ? meeting.start_url : meeting.join_url;
        if (!link) die('not opened', `the answer has no ${o.open}_url`, EXIT_FAILURE);
        const { checkLink } = await import('../core/link-allowlist.js');
        const verdict = checkLink(link, { apiBaseUrl: env.baseUrl });
        if (!verdict.ok) die('not opened', `untrusted link to ${verdict.host || 'an invalid address'} (${verdict.reason})`, EXIT_FAILURE);
        const { openLink } = await import('./open-link.js');
        const outcome = await openLink(verdict.url, ctx.io.env.UMEET_OPEN_WITH || undefined);
        if (!outcome.opened) die('not opened', outcome.why, EXIT_FAILURE);
      },
      reveal,
      (meeting) => ({ ...meeting, start_time: isoFromService(meeting.start_time) }),
    );
  });

  const schedule = command(
    'schedule',
    'book a meeting for later, once or as a series',
    `
--start and --until are read on your own clock (your time zone, TZ honoured) and sent in the service's China
time (UTC+8); a time your clock skips is refused. The days of a series are your days: a series on Mondays at
20:00 in New York runs on Tuesdays in Beijing, and is sent so.
--repeat: daily, weekdays (Monday to Friday), weekly:<days> (mon,tue,wed,thu,fri,sat,sun, e.g. weekly:mon,wed),
monthly:<day> (1–31) or monthly:<nth>-<day> (1st…5th, e.g. monthly:2nd-tue); with --times N (2–50) or
--until YYYY-MM-DD (your last date), not both. --start must be on a day the repeat makes.
The service repeats a series on Beijing's calendar at one Beijing time of day. Where that is not what you
asked — your clock changes for summer time and Beijing's does not, or "the 2nd Tuesday" here is not "the 2nd
Wednesday" there — nothing is sent: one line "umeet: not-as-asked: …" names the first meeting that would
differ and why, exit 2. Then choose: --as-booked-in-beijing books the series as the service would (each
meeting at one Beijing time, on the days its rule makes there), or --one-by-one books each meeting on its
own at your local time on your days (up to 50 meetings, each with its own meeting ID and link; cancel
them with "umeet cancel <id> <id> …"); or choose another --start.
--join-before-host and --no-join-before-host are accepted but not sent: the service's schedule call has no such
option; either prints one line "umeet: warning: --join-before-host is not sent: …" on stderr.
--ics FILE writes a calendar file (RFC 5545) once the meeting is booked; its folder must exist. The
invitation in it is in Chinese when LC_ALL, LC_MESSAGES or LANG says zh, else English.
JSON: {"meeting_id":"…","topic":"…","join_url":"…","start":"<YYYY-MM-DD>T20:00:00-05:00","duration":60,
"host_key":"…"}, and for a series "repeat" (in words), "occurrences" (ISO-8601 with your offset, as the service
booked them) and "occurrences_as_asked" (true only when every meeting is on the day and at the local time you
asked; false, with a warning line on stderr naming the first that is not, when the service booked others:
check them; exit code still 0). "start" is the moment you asked for.
With --one-by-one: "booked_one_by_one":true and "meetings":[{"meeting_id","start","join_url","host_key"}, …]
(the first is also "meeting_id"). If a meeting after the first cannot be booked, those before it stay booked:
they are printed, then one error line names the meeting that was not booked, exit 1, and the JSON says
"complete":false.
A --password the service refuses (a character it does not take) is its refusal: "umeet: rejected: <its message>",
exit 1.
Bad input (a past --start, --duration of 30 or less, a --repeat or --times or --until that does not fit…)
is refused before anything is sent: one line naming the option, exit 2.
`,
  )
    .requiredOption('--topic <topic>', 'meeting topic (required)')
    .requiredOption('--capacity <n>', 'room size, in parties (required)', integer('--capacity'))
    .requiredOption('--start <time>', 'when it starts, "YYYY-MM-DD HH:mm" on your own clock (required)', localMinute('--start'))
    .requiredOption('--duration <minutes>', 'duration in minutes, greater than 30 (required)', minutes('--duration'))
    .option(
      '--password <password>',
      'the meeting password, at most 10 characters, sent as typed (the service refuses what it does not take; letters, digits and @ - _ * are the usual)',
    )
    .option('--waiting-room', 'participants wait until the host admits them')
    .option('--host-name <name>', "the host's display name")
    .option('--repeat <rule>', 'a series: daily, weekdays, weekly:mon,wed, monthly:15 or monthly:2nd-tue')
    .option('--times <n>', 'a series of N meetings (2–50)', integer('--times'))
    .option('--until <date>', 'a series up to this date, YYYY-MM-DD on your own clock')
    .option('--ics <file>', 'write a calendar file (.ics) of the booked meeting')
    .option(
      '--as-booked-in-beijing',
      "a series the service would book other than asked: book it as the service would (Beijing's calendar and clock)",
    )
    .option('--one-by-one', 'a series: book each meeting on its own, at your local time on your days');
  meetingOptions(schedule, false);
  schedule.action(async (o: ScheduleOptions & { json?: boolean; ics?: string; revealSecrets?: boolean }) => {
    const {
      bookedLines,
      bookedView,
      cliLocale,
      notAsAskedText,
      oneByOneRequests,
      oneByOneView,
      planOf,
      scheduleFields,
      scheduleRequest,
      seriesWarning,
    } = await import('./schedule.js');
    const checked = scheduleRequest(o, new Date());
    if (!checked.ok) die('invalid-input', `${checked.option}: ${checked.problem}`, EXIT_USAGE);
    const request = checked.value;
    if (o.asBookedInBeijing && o.oneByOne)
      die('invalid-input', '--one-by-one: give --one-by-one or --as-booked-in-beijing, not both', EXIT_USAGE);
    const how = o.oneByOne ? '--one-by-one' : o.asBookedInBeijing ? '--as-booked-in-beijing' : undefined;
    if (how && !request.recurrence) die('invalid-input', `${how}: only a series is booked so: give --repeat too`, EXIT_USAGE);
    // Before anything is sent: would the service's own repeat book what was asked? If not, the user says how.
    const plan = planOf(request);
    if (plan?.difference && !how) die('not-as-asked', notAsAskedText(plan, request), EXIT_USAGE);
    const ics = o.ics === undefined ? undefined : resolve(o.ics);
    if (ics !== undefined && !(existsSync(dirname(ics)) && statSync(dirname(ics)).isDirectory())) {
      die('invalid-input', `--ics: the folder ${dirname(ics)} does not exist`, EXIT_USAGE);
    }
    if (o.joinBeforeHost !== undefined) {
      const flag = o.joinBeforeHost ? '--join-before-host' : '--no-join-before-host';
      ctx.io.stderr(`umeet: warning: ${flag} is not sent: the service's schedule call has no such option\n`);
    }
    const reveal = Boolean(o.revealSecrets);
    const hidden = (view: Booked): Booked =>
      reveal
        ? view
        : {
            ...view,
            start_url: undefined,
            token: undefined,
            ...(view.meetings ? { meetings: view.meetings.map((m) => ({ ...m, start_url: undefined, token: undefined })) } : {}),
          };
    /** The calendar file: the series (as the service booked it) or each meeting booked one by one. */
    const writeIcs = async (events: { request: ScheduleRequest; answer: ScheduledMeeting }[], beijingClock: boolean) => {
      if (ics === undefined || events.length === 0) return;
      const { calendarFile } = await import('../core/calendar/ics.js');
      const { serviceOccurrences } = await import('../core/calendar/series.js');
      const { groupInvitationText, scheduledInvitationText } = await import('../core/meetings/invitation.js');
      const recurrence = request.recurrence && request.end ? { rule: request.recurrence, end: request.end } : undefined;
      const now = new Date();
      const facts = (one: { request: ScheduleRequest; answer: ScheduledMeeting }) => ({
        topic: request.topic,
        start: new Date(one.request.start),
        duration: request.duration,
        meetingId: one.answer.meeting_id,
        joinUrl: one.answer.join_url,
      });
      const file =
        oneByOne && recurrence
          ? calendarFile(
              events.map((one) => ({
                ...facts(one),
                invitation: groupInvitationText(
                  { topic: request.topic, duration: request.duration, recurrence, meetings: events.map(facts), password: request.password },
                  cliLocale(ctx.io.env),
                ),
                now,
              })),
            )
          : calendarFile({
              ...facts(events[0]!),
              invitation: scheduledInvitationText(
                { ...facts(events[0]!), password: request.password, recurrence, beijingClock },
                cliLocale(ctx.io.env),
              ),
              recurrence,
              occurrences: recurrence ? serviceOccurrences(events[0]!.answer.occurrences) : undefined,
              now,
            });
      try {
        writeFileSync(ics, file);
      } catch (error) {
        die('not written', `${ics}: ${error instanceof Error ? error.message : String(error)}`, EXIT_FAILURE);
      }
    };
    const oneByOne = Boolean(o.oneByOne);
    if (oneByOne) {
      // Each meeting a create of its own, sent once: the first refusal stops the rest; those booked stay booked and are printed.
      const singles = oneByOneRequests(request);
      const booked: { request: ScheduleRequest; answer: ScheduledMeeting }[] = [];
      let stopped: { failure: ApiFailure; index: number } | undefined;
      await run<Booked>(
        ctx,
        Boolean(o.json),
        async (client) => {
          for (const [index, single] of singles.entries()) {
            const answer = await client.schedule(scheduleFields(single));
            if (!answer.ok) {
              if (index === 0) return answer;
              stopped = { failure: answer.failure, index };
              break;
            }
            booked.push({ request: single, answer: answer.value });
          }
          return { ok: true, value: oneByOneView(request, booked, singles.length) };
        },
        (view) => bookedLines(request, hidden(view)),
        async (_view, env) => {
          await writeIcs(booked, false);
          if (stopped) {
            const ids = booked.map((b) => b.answer.meeting_id).join(' ');
            fail(
              stopped.failure,
              env,
              `meeting ${stopped.index + 1} of ${singles.length} not booked; the ${booked.length} before it stay booked (umeet cancel ${ids})`,
            );
          }
        },
        reveal,
      );
      return;
    }
    let answer: ScheduledMeeting | undefined;
    await run<Booked>(
      ctx,
      Boolean(o.json),
      async (client) => {
        const booked = await client.schedule(scheduleFields(request));
        if (!booked.ok) return booked;
        answer = booked.value;
        return { ok: true, value: bookedView(request, booked.value) };
      },
      (view) => bookedLines(request, hidden(view)),
      async (view) => {
        // The meeting is booked and printed: a warning or a file that cannot be written loses nothing.
        const warning = answer && seriesWarning(request, answer);
        if (warning) ctx.io.stderr(`umeet: warning: ${warning}\n`);
        if (answer) await writeIcs([{ request, answer }], view.occurrences_as_asked === false);
      },
      reveal,
    );
  });
  command(
    'upcoming',
    'list the scheduled meetings not yet started, soonest first',
    `
Every page of the service's list; times on your own clock.
JSON: one array: [{"meeting_id":"…","topic":"…","start":"2026-12-01T20:00:00-05:00","duration":60,"join_url":"…"}, …].
`,
  ).action(async (o) => {
    const { upcomingLines, upcomingMeetings } = await import('./schedule.js');
    await run<Upcoming[]>(ctx, Boolean(o.json), upcomingMeetings, upcomingLines);
  });
  command(
    'cancel',
    'cancel scheduled meetings (a series as a whole) and free their rooms',
    `
Several meeting IDs (a series booked --one-by-one) are cancelled one after the other, each once; one that the
service refuses does not stop the others.
JSON: {"meeting_id":"…","cancelled":true}; with several IDs, an array of those, and for one the service refused
{"meeting_id":"…","cancelled":false,"error":"<its message>"}. When the service refuses, one line
"umeet: rejected: <its message>" (with several IDs, naming the meeting), exit 1. A cancel is never sent twice.
`,
  )
    .argument('<meeting-id...>', 'the meeting number(s)')
    .action(async (ids: string[], o) => {
      if (ids.length === 1) {
        const id = ids[0]!;
        return run<{ meeting_id: string; cancelled: true }>(
          ctx,
          Boolean(o.json),
          async (client) => {
            const deleted = await client.delete(id);
            return deleted.ok ? { ok: true, value: { meeting_id: id.trim(), cancelled: true } } : deleted;
          },
          (done) => `Cancelled: meeting ${done.meeting_id}.\n`,
        );
      }
      type Cancelled = { meeting_id: string; cancelled: boolean; error?: string };
      const refusals: { id: string; failure: ApiFailure }[] = [];
      return run<Cancelled[]>(
        ctx,
        Boolean(o.json),
        async (client) => {
          const done: Cancelled[] = [];
          for (const id of ids) {
            // Each delete once; an invalid ID is refused before anything is sent, like a single one.
            const deleted = await client.delete(id);
            if (deleted.ok) done.push({ meeting_id: id.trim(), cancelled: true });
            else if (deleted.failure.kind === 'invalid-input') return deleted;
            else {
              refusals.push({ id: id.trim(), failure: deleted.failure });
              done.push({
                meeting_id: id.trim(),
                cancelled: false,
                error: 'message' in deleted.failure ? deleted.failure.message : deleted.failure.kind,
              });
            }
          }
          return { ok: true, value: done };
        },
        (done) =>
          done
            .map((d) => (d.cancelled ? `Cancelled: meeting ${d.meeting_id}.` : `Not cancelled: meeting ${d.meeting_id}: ${d.error}`))
            .join('\n') + '\n',
        async (_done, env) => {
          const first = refusals[0];
          if (first) fail(first.failure, env, `meeting ${first.id}${refusals.length > 1 ? ` (and ${refusals.length - 1} more)` : ''}`);
        },
      );
    });
  command('info', 'show a meeting: its state, times in your time zone, links')
    .argument('<meeting-id>', 'the meeting number')
    .action(async (id: string, o) =>
      run<MeetingInfo>(
        ctx,
        Boolean(o.json),
        (client) => client.get(id),
        meetingLines,
        undefined,
        false,
        (info) => ({
          ...info,
          start_time: isoFromService(info.start_time),
          ...(info.occurrences ? { occurrences: info.occurrences.map((o) => ({ ...o, start_time: isoFromService(o.start_time) })) } : {}),
        }),
      ),
    );
  command('list', 'list online meetings')
    .option('--user-key <key>', 'only meetings booked with this user key')
    .action(async (o) =>
      run<MeetingPage>(
        ctx,
        Boolean(o.json),
        (client) => client.list({ user_key: o.userKey }),
        (page) => meetingListLines(page.meetings),
        undefined,
        false,
        (page) => ({ ...page, meetings: page.meetings.map((m) => ({ ...m, start_time: isoFromService(m.start_time) })) }),
      ),
    );
  command('end', 'end a meeting now and free its room')
    .argument('<meeting-id>', 'the meeting number')
    .action(async (id: string, o) =>
      run(
        ctx,
        Boolean(o.json),
        (client) => client.end(id),
        () => 'Ended.\n',
      ),
    );
  command('licence', 'show the licence: room sizes and counts')
    .alias('license')
    .action(async (o) =>
      run<Licence>(
        ctx,
        Boolean(o.json),
        (client) => client.licensing(),
        licenceLines,
        undefined,
        false,
        (licence) => ({
          ...licence,
          expire_date: isoFromService(licence.expire_date),
        }),
      ),
    );
  command(
    'rooms',
    'show how many rooms of each licensed size are free for a time slot',
    `
--at is read on your own clock (your time zone) and sent in the service's China time (UTC+8); a time before the
current minute is refused (exit 2), nothing sent.
JSON: one array, smallest size first: [{"capacity":25,"total":5,"free":3}, …].
`,
  )
    .option('--at <time>', 'the slot\'s start, "YYYY-MM-DD HH:mm" in your own time zone (default: now)', localMinute('--at'))
    .option('--duration <minutes>', "the slot's length in minutes, greater than 30 (default 60)", minutes('--duration'))
    .action(async (o) => {
      const now = new Date();
      // A slot that has begun is no question for the service (it answers every room free): refused as a past
      // --start is. The current minute is "now", as it reads on the user's clock.
      if (o.at && o.at.getTime() + 60_000 <= now.getTime()) {
        die(
          'invalid-input',
          `--at: ${localDate(o.at)} ${localTime(o.at)} is in the past (now ${localDate(now)} ${localTime(now)})`,
          EXIT_USAGE,
        );
      }
      const slot: RoomSlot = { from: o.at ?? now, minutes: o.duration ?? DEFAULT_SLOT_MINUTES };
      await run<SizeAvailability[]>(
        ctx,
        Boolean(o.json),
        (client) => availability(client, slot),
        (rows) => roomsLines(rows, slot),
      );
    });
  command(
    'usage',
    "show what the company's rooms were used for: meetings, participants, minutes, audio fees, no room free",
    `
Dates are on your own calendar (your time zone); both are included. The service counts China's dates and answers
at most a month (past that, only the last month): a longer period is read a calendar month at a time, in turn.
JSON: {"from":"YYYY-MM-DD","to":"YYYY-MM-DD","totals":{"meetings","participants","minutes","audio_fee","no_room"},
"rooms":[{"host_id","meetings","participants","minutes","audio_fee","no_room"}],"days":[{"date","meetings","minutes"}]}
(numbers as numbers; audio_fee in yuan; no_room: meetings given a room beyond the licence because none was free).
CSV: one row per day, "date,meetings,minutes", a header first.
`,
  )
    .option('--from <date>', 'the first day, YYYY-MM-DD (default: 29 days before --to)')
    .option('--to <date>', 'the last day, YYYY-MM-DD (default: today)')
    .option('--csv', 'print one CSV row per day instead')
    .action(async (o) => {
      if (o.json && o.csv) die('invalid-input', '--json and --csv: choose one', EXIT_USAGE);
      const period = usagePeriod(o, new Date());
      if (!period.ok) die('invalid-input', period.problem, EXIT_USAGE);
      await run<UsageReport>(
        ctx,
        Boolean(o.json),
        async (client) => {
          const held = await readHeld(client, period);
          return held.ok ? { ok: true, value: usageReport(period, held.value) } : held;
        },
        (report) => (o.csv ? daysCsv(report) : usageLines(report)),
      );
    });
  command(
    'resize',
    'move a meeting to a room of another size (the service may refuse: no room free)',
    `
JSON: {"meeting_id":"…","capacity":N}. When the service refuses, one line "umeet: rejected: <its message>", exit 1.
`,
  )
    .argument('<meeting-id>', 'the meeting number')
    .requiredOption('--capacity <n>', 'the new room size, in parties (required)', integer('--capacity'))
    .action(async (id: string, o) =>
      run<{ meeting_id: string; capacity: number }>(
        ctx,
        Boolean(o.json),
        async (client) => {
          const resized = await client.resize(id, o.capacity);
          return resized.ok ? { ok: true, value: { meeting_id: id.trim(), capacity: o.capacity } } : resized;
        },
        (done) => `Resized: meeting ${done.meeting_id} now has room for ${done.capacity} people.\n`,
      ),
    );
  command(
    'participants',
    'show who joined a meeting and when (every page)',
    `
JSON: {"meeting_id":"…","count":N,"participants":[{"name":"…","device":"…","joined_at":"<ISO-8601>","left_at":null}]}
Times are ISO-8601 in UTC; left_at is null while the participant is in the meeting. Names are personal
data; IP addresses are printed only with --with-addresses (as "address").
`,
  )
    .argument('<meeting-id>', 'the meeting number')
    .option('--past', 'a meeting that is over (default: one waiting or in progress)')
    .option('--with-addresses', "include each participant's IP address (personal data; left out otherwise)")
    .action(async (id: string, o) =>
      run<ParticipantList>(
        ctx,
        Boolean(o.json),
        (client) => allParticipants(client, id, o.past ? 'past' : 'online', Boolean(o.withAddresses)),
        participantsLines,
      ),
    );
  return root;
}

/** Commander's parse errors as one line: `umeet: usage: …` with where to look. */
function usageLine(error: CommanderError, argv: readonly string[]): string {
  const message = error.message
    .replace(/^error: /, '')
    .split('\n')[0]!
    .replace(/\.$/, '');
  const sub = argv.find((arg) => !arg.startsWith('-'));
  const known = [
    'instant',
    'schedule',
    'upcoming',
    'cancel',
    'info',
    'list',
    'end',
    'licence',
    'license',
    'rooms',
    'resize',
    'participants',
    'usage',
  ];
  return `usage: ${message} (see umeet ${sub && known.includes(sub) ? `${sub} ` : ''}--help)`;
}

/**
 * Runs `umeet` once: `argv` is what follows `umeet` on the command line. Resolves with the exit code once
 * everything the run opened (connections, timers) is closed; it never exits the process.
 */
export async function runUmeet(argv: readonly string[], io: UmeetIo): Promise<number> {
  try {
    await program({ io, options: {} }).parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CliExit) {
      if (error.line) io.stderr(error.line);
      return error.code;
    }
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0 and have printed already.
      if (error.exitCode === 0) return 0;
      io.stderr(`umeet: ${usageLine(error, argv)}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`umeet: internal: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}
