import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSandbox } from './support/sandbox.js';
import { clockEnv, umeet as runUmeet, type Run, type UmeetOptions } from './support/umeet-cli.js';

// The program in this process (cli/umeet.ts runUmeet) by default; the built CLI (out/tools/umeet.js, bundled by
// the global setup from the current sources) as a process where the process is what is tested: the --version
// answered by the entry, --help, exit codes and bytes as a shell sees them, a network failure, npx.
const sandbox = useSandbox({ licence: { 10: 20, 25: 20 } });

const umeet = (args: string[], env: Record<string, string> = {}, options: UmeetOptions = {}): Promise<Run> =>
  runUmeet(sandbox(), args, env, options);
const PROCESS = { process: true };

describe('umeet CLI', () => {
  it('instant --json prints the meeting with a join_url, without start_url or token', async () => {
    const run = await umeet(['instant', '--topic', '周会', '--capacity', '25', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const meeting = JSON.parse(run.stdout);
    expect(meeting.meeting_id).toMatch(/^\d+$/);
    expect(meeting.join_url).toBe(`${sandbox().url}/j/${meeting.meeting_id}`);
    expect(meeting.host_key).toMatch(/^\d{6}$/);
    expect(meeting).not.toHaveProperty('start_url');
    expect(meeting).not.toHaveProperty('token');
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('--reveal-secrets adds start_url and token', async () => {
    const run = await umeet(['instant', '--topic', 't', '--capacity', '10', '--json', '--reveal-secrets']);
    const meeting = JSON.parse(run.stdout);
    expect(meeting.start_url).toContain('zak=');
    expect(meeting.token).toBeTruthy();
  });

  it('a flag sends "true", its --no- form "false", an absent one nothing', async () => {
    const run = await umeet([
      'instant',
      '--topic',
      'flags',
      '--capacity',
      '10',
      '--duration',
      '45',
      '--user-key',
      '张三',
      '--join-before-host',
      '--no-mute-on-entry',
      '--recording',
      'none',
      '--no-live-streaming',
    ]);
    expect(run.code).toBe(0);
    const { api_key: _k, api_secret: _s, ...fields } = sandbox().requests.at(-1)?.fields ?? {};
    expect(fields).toEqual({
      topic: 'flags',
      meeting_capacity: '10',
      duration: '45',
      user_key: '张三',
      option_jbh: 'true',
      mute_upon_entry: 'false',
      recording: 'none',
      allow_live_streaming: 'false',
    });
    expect(run.stdout).toMatch(/^Meeting ID: \d+$/m);
    expect(run.stdout).toMatch(/^Join link: http/m);
    expect(run.stdout).not.toContain('zak=');
  });

  it.each([
    [['instant', '--topic', '   ', '--capacity', '10'], /^umeet: invalid-input: --topic: must not be blank\n$/],
    [['instant', '--topic', 'x', '--capacity', '10', '--duration', '30'], /^umeet: invalid-input: --duration: /],
    [['instant', '--topic', 'x', '--capacity', 'ten'], /^umeet: invalid-input: --capacity: must be a whole number, not "ten"\n$/],
    [['instant', '--capacity', 'abc', '--topic', 't'], /^umeet: invalid-input: --capacity: /],
    [['instant', '--topic', 'x', '--capacity', '0'], /^umeet: invalid-input: --capacity: must be positive\n$/],
    [['instant', '--topic', 'x', '--capacity', '10', '--user-key', '键'.repeat(67)], /^umeet: invalid-input: --user-key: /],
    [
      ['instant', '--topic', 'x', '--capacity', '10', '--recording', 'tape'],
      /^umeet: invalid-input: --recording: must be one of cloud, none, not "tape"\n$/,
    ],
    [['instant', '--topic', 'x', '--capacity', '10', '--open', 'both'], /^umeet: invalid-input: --open: /],
    [['instant', '--capacity', '10'], /^umeet: usage: required option '--topic <topic>' not specified \(see umeet instant --help\)\n$/],
    [['instant', '--topic', 'x', '--capacity', '10', '--frob'], /^umeet: usage: unknown option '--frob' \(see umeet instant --help\)\n$/],
    [['instant', '--topic'], /^umeet: usage: option '--topic <topic>' argument missing/],
    [['bogus'], /^umeet: usage: unknown command 'bogus' \(see umeet --help\)\n$/],
    [['info'], /^umeet: usage: missing required argument 'meeting-id'/],
    [['info', 'x y'], /^umeet: invalid-input: <meeting-id>: must be a meeting number or uuid\n$/],
  ])('exits 2 on invalid input or usage, with one line and nothing sent: %j', async (args, stderr) => {
    const before = sandbox().requests.length;
    const run = await umeet(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(stderr);
    expect(run.stdout).toBe('');
    expect(sandbox().requests.length).toBe(before);
  });

  it('exits 2 when credentials are missing, sending nothing', async () => {
    const before = sandbox().requests.length;
    const run = await umeet(['licence'], { UMEET_API_SECRET: '' });
    expect(run).toMatchObject({ code: 2, stderr: 'umeet: invalid-input: UMEET_API_SECRET is not set\n' });
    expect(sandbox().requests.length).toBe(before);
  });

  it('exits 1 on an auth failure with the service message verbatim on one stderr line', async () => {
    const run = await umeet(['licence', '--json'], { UMEET_API_SECRET: 'not-the-secret' });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'umeet: auth: the service refused the API key or secret (api_key 或 api_secret 错误)\n',
    });
  });

  it('exits 1 on a timeout, naming the kind', async () => {
    sandbox().inject({ kind: 'no-answer', path: '/umeeting/share/instant' });
    const run = await umeet(['instant', '--topic', 'slow', '--capacity', '10'], { UMEET_TIMEOUT_MS: '500' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^umeet: timeout: no complete answer from ${new URL(sandbox().url).host} within 500 ms .*may have reached the server\\n$`),
    );
    expect(run.stdout).toBe('');
  });

  it('info, list, end and licence work, each with --json', async () => {
    const created = JSON.parse(
      (await umeet(['instant', '--topic', 'lifecycle', '--capacity', '10', '--user-key', 'cli-u', '--json'])).stdout,
    );
    const info = JSON.parse((await umeet(['info', created.meeting_id, '--json'])).stdout);
    expect(info).toMatchObject({ id: created.meeting_id, topic: 'lifecycle', status: 0 });
    const list = JSON.parse((await umeet(['list', '--user-key', 'cli-u', '--json'])).stdout);
    expect(list.meetings.map((m: { id: string }) => m.id)).toEqual([created.meeting_id]);
    expect(await umeet(['end', created.meeting_id, '--json'])).toMatchObject({ code: 0, stdout: '{"ok":true}\n' });
    const again = await umeet(['end', created.meeting_id]);
    expect(again).toMatchObject({ code: 1, stderr: 'umeet: rejected: 会议不存在或已结束\n' });
    const licence = JSON.parse((await umeet(['licence', '--json'])).stdout);
    expect(licence.capacity).toEqual({ 10: 20, 25: 20 });
    expect((await umeet(['licence'])).stdout).toContain('25 people: 20 rooms');
    // Several runs of the CLI, each a Node process: seconds on a loaded 2-core machine (the suite's bound, 60 s).
  });

  it('--open opens a trusted link with the browser, and refuses an untrusted one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'umeet-open-'));
    const record = join(dir, 'opened.txt');
    const browser = join(dir, 'browser.sh');
    writeFileSync(browser, `#!/bin/sh\nprintf '%s' "$1" > '${record}'\n`);
    chmodSync(browser, 0o755);

    const opened = await umeet(['instant', '--topic', 'open me', '--capacity', '10', '--open', 'join', '--json'], {
      UMEET_OPEN_WITH: browser,
    });
    expect(opened.code).toBe(0);
    const meeting = JSON.parse(opened.stdout);
    await expect
      .poll(() => {
        try {
          return readFileSync(record, 'utf8');
        } catch {
          return '';
        }
      })
      .toBe(meeting.join_url);

    sandbox().inject({ kind: 'insecure-join-url' });
    const refused = await umeet(['instant', '--topic', 'hostile', '--capacity', '10', '--open', 'join', '--json'], {
      UMEET_OPEN_WITH: browser,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('umeet: not opened: untrusted link to meeting.systeccloud.com (scheme)\n');
    // The meeting itself was created and is still reported, so nothing is lost.
    expect(JSON.parse(refused.stdout).join_url).toMatch(/^http:\/\/meeting\.systeccloud\.com\//);
  });

  it('--open says "not opened" when the opener fails or is missing, and still prints the meeting', async () => {
    for (const [opener, why] of [
      ['/bin/false', /^umeet: not opened: \/bin\/false exited with code 1\n$/],
      ['/nonexistent/browser', /^umeet: not opened: cannot run \/nonexistent\/browser \(ENOENT\)\n$/],
    ] as const) {
      const run = await umeet(['instant', '--topic', 'no browser', '--capacity', '10', '--open', 'join', '--json'], {
        UMEET_OPEN_WITH: opener,
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(why);
      const meeting = JSON.parse(run.stdout);
      expect(sandbox().state.find(meeting.meeting_id)?.topic).toBe('no browser');
    }
  });

  it('a network failure names the server it tried', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const run = await umeet(['licence'], { UMEET_API_BASE: `http://127.0.0.1:${port}` }, PROCESS);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `umeet: network: cannot connect to 127.0.0.1:${port} (ECONNREFUSED)\n` });
  });

  it('info speaks of the state in words and of times in the local time zone, raw numbers only in --json', async () => {
    const created = JSON.parse((await umeet(['instant', '--topic', 'in words', '--capacity', '10', '--json'])).stdout);
    // The start the service recorded (not the time the test reads after it: a minute may have turned in between).
    const startedAt = sandbox().state.meetings.get(created.meeting_id)!.start;
    const shown = await umeet(['info', created.meeting_id], { TZ: 'America/New_York' });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^State: waiting for participants$/m);
    const local = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'America/New_York',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .format(new Date(startedAt))
      .replace(', ', ' ');
    expect(shown.stdout).toMatch(new RegExp(`^Starts: ${local} \\(America/New_York, UTC−[45]\\)$`, 'm'));
    expect(shown.stdout).not.toMatch(/del_flag|status|^Status/im);
    expect(shown.stdout).toMatch(/^Room size: 10 people$/m);

    sandbox().join(created.meeting_id);
    expect((await umeet(['info', created.meeting_id])).stdout).toMatch(/^State: in progress$/m);
    const json = JSON.parse((await umeet(['info', created.meeting_id, '--json'])).stdout);
    expect(json).toMatchObject({ status: 1, del_flag: 0 });
    await umeet(['end', created.meeting_id]);
    expect((await umeet(['info', created.meeting_id])).stdout).toMatch(/^State: ended$/m);
  });

  it('--version prints the version of package.json; --help lists every option of a command', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(await umeet(['--version'], {}, PROCESS)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    // Answered before the program loads (cli/start.ts), the short flag too; with more arguments the program answers,
    // the same way (commander prints the version as soon as it reads the flag).
    expect(await umeet(['-V'], {}, PROCESS)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await umeet(['--version', 'instant'], {}, PROCESS)).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await umeet(['--version', 'instant'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    const root = await umeet(['--help'], {}, PROCESS);
    expect(root.code).toBe(0);
    for (const name of ['instant', 'info', 'list', 'end', 'licence', 'UMEET_API_KEY', 'UMEET_OPEN_WITH', 'Exit codes'])
      expect(root.stdout).toContain(name);
    const help = await umeet(['instant', '--help']);
    expect(help.code).toBe(0);
    const flags = [
      '--topic',
      '--capacity',
      '--duration',
      '--user-key',
      '--recording',
      '--open',
      '--json',
      '--reveal-secrets',
      ...['join-before-host', 'mute-on-entry', 'host-video', 'participants-video', 'use-pmi', 'live-streaming'].flatMap((f) => [
        `--${f}`,
        `--no-${f}`,
      ]),
    ];
    for (const flag of flags) expect(help.stdout).toMatch(new RegExp(`^\\s+${flag}\\b`, 'm'));
    for (const command of ['info', 'list', 'end', 'licence']) {
      const run = await umeet([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('--json');
    }
  });

  it('npx umeet runs from the checkout, and --json output is the only thing on stdout', async () => {
    const root = new URL('../..', import.meta.url).pathname;
    const run = await new Promise<Run>((resolve) =>
      execFile(
        'npx',
        ['--no-install', 'umeet', 'licence', '--json'],
        {
          cwd: root,
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            // npx runs the checkout's `prepare` (a rebuild of out/tools) the first time it meets it (a clean
            // ~/.npm/_npx, as on CI), which would empty out/tools under the other files running the CLI.
            npm_config_ignore_scripts: 'true',
            ...clockEnv(),
            UMEET_API_BASE: sandbox().url,
            UMEET_API_KEY: sandbox().credentials.apiKey,
            UMEET_API_SECRET: sandbox().credentials.apiSecret,
          },
          timeout: 30_000,
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
      ),
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ capacity: { 10: 20, 25: 20 } });
  });
});

describe('the program in this process and the CLI as a process', () => {
  // The tests run the program in their own process (test/unit/support/umeet-cli.ts); a shell runs the bundle through
  // its entry (cli/start.ts). Both must print the same bytes and end with the same code.
  it.each([
    [['bogus'], {}],
    [['--help'], {}],
    [['info', '--help'], {}],
    [['instant', '--topic', 'x', '--capacity', 'ten'], {}],
    [['licence', '--json'], {}],
    [['licence'], { UMEET_API_SECRET: 'not-the-secret', LANG: 'zh_CN.UTF-8' }],
    [['rooms', '--at', '2020-01-01 10:00'], { TZ: 'America/New_York' }],
  ] as [string[], Record<string, string>][])('%j %j: the same stdout, stderr and exit code', async (args, env) => {
    // The clock's minute, which a message may name ("now 2026-12-06 19:49"), may turn between the two runs.
    const minuteless = (run: Run) => ({ ...run, stderr: run.stderr.replace(/\(now \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)/, '(now …)') });
    const here = await umeet(args, env);
    expect(minuteless(await umeet(args, env, PROCESS))).toEqual(minuteless(here));
    expect(here.stdout + here.stderr).not.toBe('');
  });

  it('a run closes what it opened: no connection left to the server, nothing left active in this process', async () => {
    // A process's exit closed whatever umeet left open; a run in this process must close it itself. Kept-alive
    // connections (the sandbox keeps them 65 s), a proxy's tunnel, a timed-out request's timer: after each run,
    // the sandbox has no connection open and this process has what it had before.
    const proxied = createServer();
    let tunnels = 0;
    proxied.on('connect', (_request, socket) => {
      tunnels += 1;
      const target = new URL(sandbox().url);
      import('node:net').then(({ connect }) => {
        const upstream = connect(Number(target.port), target.hostname, () => {
          socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
          upstream.pipe(socket);
          socket.pipe(upstream);
        });
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
      });
    });
    await new Promise<void>((resolve) => proxied.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxied.address() as AddressInfo).port}`;
    try {
      await umeet(['licence', '--json']); // the modules loaded once, before the baseline
      await expect.poll(() => sandbox().openConnections).toBe(0);
      const baseline = process.getActiveResourcesInfo();
      const created = JSON.parse((await umeet(['instant', '--topic', 'left open?', '--capacity', '10', '--json'])).stdout);
      const runs = [
        await umeet(['info', created.meeting_id, '--json']),
        await umeet(['rooms', '--json']),
        await umeet(['participants', created.meeting_id, '--json']),
        await (async () => {
          sandbox().inject({ kind: 'no-answer', path: '/umeeting/licensing' });
          return umeet(['licence'], { UMEET_TIMEOUT_MS: '300' });
        })(),
        await umeet(['list', '--json'], { http_proxy: proxyUrl }),
        await umeet(['end', created.meeting_id]),
      ];
      expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 1, 0, 0]);
      expect(runs[3]!.stderr).toMatch(/^umeet: timeout: /);
      expect(tunnels).toBe(1);
      await expect.poll(() => sandbox().openConnections).toBe(0);
      // The server's and the tunnel's sides close a moment later. The poll's own timers are active while it runs, so
      // it waits for everything else; then the timers are compared too, the poll's gone. Something of the test's own
      // may have ended meanwhile: what counts is that nothing is left that was not there before.
      const added = (timers: boolean) => {
        const left = process.getActiveResourcesInfo().filter((resource) => timers || resource !== 'Timeout');
        for (const resource of baseline) {
          const at = left.indexOf(resource);
          if (at >= 0) left.splice(at, 1);
        }
        return left;
      };
      await expect.poll(() => added(false)).toEqual([]);
      expect(added(true)).toEqual([]);
    } finally {
      proxied.closeAllConnections();
      await new Promise((resolve) => proxied.close(resolve));
    }
  });
});
