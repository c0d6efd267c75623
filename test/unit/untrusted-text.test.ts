import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneLine } from '../../common/display-text.js';
import { Preset } from '../../common/preset.js';
import { HeldMeeting } from '../../common/usage.js';
import { createUmeetClient } from '../../core/api/client.js';
import { buildMenuModel, type MenuEntry } from '../../main/tray/menu-model.js';
import { trayStateOf } from '../../main/tray/tray-state.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { appUnderTest } from './support/app-under-test.js';
import { chinaTimeOf, momentOf, nthWeekday, nextYear } from './support/dates.js';
import { sandboxClient } from './support/sandbox-client.js';
import { umeet } from './support/umeet-cli.js';

// Text from outside — what the service, a company policy or an import says — is shown as one readable line of
// bounded length, with control and direction-override characters neutralised, wherever it is shown: the tray,
// notifications, the window, the CLI and the log. It is neutralised where it is parsed (common/display-text.ts,
// common/lenient.ts optionalLine), so each surface gets the same line. "Trojan Source" (CVE-2021-42574) is what a
// right-to-left override does to a line: "季度复盘\u202Egnp.exe" reads as "季度复盘exe.png".

const RLO = '\u202E';
const hostile = `季度复盘${RLO}gnp.exe\n\u0007第二行\u2066\u200F\r\n`;
/** Anything a line must not hold: C0/C1 controls, line and paragraph separators, bidi embeddings, overrides, isolates and marks. */
// eslint-disable-next-line no-control-regex -- exactly what is looked for
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

describe('oneLine', () => {
  it('neutralises controls and direction overrides, keeps the words, bounds the length by characters', () => {
    expect(oneLine(hostile)).toBe('季度复盘gnp.exe 第二行');
    expect(oneLine('a\tb\u2028c')).toBe('a b c');
    // Code points, not UTF-16 units: an emoji or a CJK character is never cut in half.
    const long = '会'.repeat(150) + '😀'.repeat(100);
    const cut = oneLine(long, 200);
    expect([...cut]).toHaveLength(200);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('a preset from an import or a company policy', () => {
  it('is one line: its name and topic neutralised; a name of nothing but controls is refused as blank', () => {
    const preset = Preset.parse({
      id: 'p1',
      name: `Team${RLO}\nsync`,
      topic: `Weekly\r\n{date}${RLO}`,
      capacity: 10,
      afterCreate: { open: 'start', copy: 'join-link' },
    });
    expect(preset.name).toBe('Team sync');
    expect(preset.name).not.toMatch(unsafe);
    expect(preset.topic).toBe('Weekly {date}');
    const blank = Preset.safeParse({
      id: 'p2',
      name: `${RLO}\u2066`,
      topic: 't',
      capacity: 10,
      afterCreate: { open: 'none', copy: 'none' },
    });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]?.path).toEqual(['name']);
  });
});

describe('a room name in the usage records', () => {
  it('is one line for the window, the CSV and umeet usage alike', () => {
    const held = HeldMeeting.parse({ host_id: `room${RLO}\n7`, start_time: '2030-01-07 09:00:00' });
    expect(held.host_id).toBe('room 7');
  });
});

describe('what the service says', () => {
  let sandbox: Sandbox;
  let id = '';
  beforeAll(async () => {
    sandbox = await startSandbox();
    // A meeting booked in the web console (or by anyone with the key) with a hostile topic.
    const day = nthWeekday(nextYear(), 3, 2, 'tue')!;
    const start = chinaTimeOf(momentOf('Asia/Shanghai', day, '14:00'));
    const booked = await sandboxClient(sandbox).post<Record<string, unknown>>('/umeeting/share/schedule', {
      topic: hostile,
      meeting_capacity: '10',
      duration: '60',
      start_time: start,
    });
    expect(booked.status).toBe(200);
    // The schedule answer names the meeting as the instant one does (docs/umeet-api.md).
    id = String(booked.data!.id ?? booked.data!.meeting_id);
  });
  afterAll(() => sandbox.close());

  it('the window, the tray and the log get the topic as one line', async () => {
    const lines: string[] = [];
    const app = await appUnderTest({ sandbox, credentials: true, onLog: (line) => lines.push(JSON.stringify(line)) });
    try {
      const upcoming = await app.ipc.upcoming();
      expect(upcoming.ok).toBe(true);
      const listed = upcoming.ok ? upcoming.value.find((meeting) => meeting.meetingId === id) : undefined;
      expect(listed?.topic).toBe('季度复盘gnp.exe 第二行');
      const snapshot = app.ipc.snapshot();
      expect(JSON.stringify(snapshot)).toContain('季度复盘gnp.exe 第二行');
      const labels = (entries: readonly MenuEntry[]): string[] =>
        entries.flatMap((entry) =>
          entry.kind === 'separator' ? [] : entry.kind === 'submenu' ? [entry.label, ...labels(entry.entries)] : [entry.label],
        );
      expect(labels(buildMenuModel(trayStateOf(app.state(), new Date()))).length).toBeGreaterThan(3);
      for (const label of labels(buildMenuModel(trayStateOf(app.state(), new Date())))) expect(label).not.toMatch(unsafe);
      for (const line of lines) expect(line).not.toContain(RLO);
    } finally {
      await app.close();
    }
  });

  it('umeet prints it as one line, in its tables and in --json', async () => {
    const human = await umeet(sandbox, ['upcoming']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('季度复盘gnp.exe 第二行');
    // eslint-disable-next-line no-control-regex -- the BEL the topic carried must not reach the terminal
    expect(human.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0007]/);
    const json = JSON.parse((await umeet(sandbox, ['info', id, '--json'])).stdout) as { topic: string };
    expect(json.topic).toBe('季度复盘gnp.exe 第二行');
  });

  it("the service's message in a refusal is one line too", async () => {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ status: 3000, message: `参数错误${RLO}\n请联系管理员\u0000`, data: null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const client = createUmeetClient({ baseUrl, credentials: () => sandbox.credentials });
      const answer = await client.licensing();
      expect(answer.ok).toBe(false);
      const text = JSON.stringify(answer.ok ? {} : answer.failure);
      expect(text).toContain('参数错误 请联系管理员');
      expect(text).not.toMatch(/\\u202e|\\n|\\u0000/i);
    } finally {
      server.close();
    }
  });
});

describe('a presets file from someone else', () => {
  it('imports names and topics as one line each', async () => {
    const sandbox = await startSandbox();
    const folder = mkdtempSync(join(tmpdir(), 'umeet-import-'));
    const file = join(folder, 'presets.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'umeet-tray-presets',
        version: 1,
        presets: [{ name: `全员大会${RLO}\n`, topic: `全员\u0007大会`, capacity: 25, afterCreate: { open: 'start', copy: 'none' } }],
      }),
    );
    const app = await appUnderTest({
      sandbox,
      ports: { files: { chooseImportFile: async () => file, chooseExportPath: async () => undefined } as never },
    });
    try {
      const imported = await app.ipc.importPresets();
      expect(imported).toMatchObject({ ok: true, value: { added: 1 } });
      const preset = app.state().presets.find((p) => p.name.startsWith('全员大会'));
      expect(preset?.name).toBe('全员大会');
      expect(preset?.topic).toBe('全员 大会');
    } finally {
      await app.close();
      await sandbox.close();
    }
  });
});
