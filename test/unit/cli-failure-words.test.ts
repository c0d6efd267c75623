import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { umeet } from './support/umeet-cli.js';

// The service refuses in Chinese. For the refusals the app knows (the credentials, no free room) `umeet` puts
// its own words first, in the language LC_ALL, LC_MESSAGES or LANG chooses, then the service's; still one line,
// the kind in English, exit 1. Any other refusal is the service's words alone.

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});
async function sandbox(licence: Record<string, number> = { 25: 1 }) {
  const s = await startSandbox({ licence });
  started.push(s);
  return s;
}

const ENGLISH_AUTH = 'umeet: auth: the service refused the API key or secret (api_key 或 api_secret 错误)\n';
const CHINESE_AUTH = 'umeet: auth: 服务拒绝了 API 密钥或密码（api_key 或 api_secret 错误）\n';

describe('a refused API key or secret', () => {
  it.each([
    [{}, ENGLISH_AUTH],
    [{ LANG: 'en_US.UTF-8' }, ENGLISH_AUTH],
    [{ LANG: 'zh_CN.UTF-8' }, CHINESE_AUTH],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }, CHINESE_AUTH],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }, ENGLISH_AUTH],
    [{ LC_ALL: 'zh_TW.UTF-8' }, CHINESE_AUTH],
  ])('with %j: the app’s words, then the service’s, one line, exit 1', async (locale, line) => {
    const s = await sandbox();
    const run = await umeet(s, ['licence', '--json'], { ...locale, UMEET_API_SECRET: 'not-the-secret' });
    expect(run).toEqual({ code: 1, stdout: '', stderr: line });
  });
});

describe('no free room of that size', () => {
  async function full() {
    const s = await sandbox();
    const taken = s.state.create({ topic: 'first', meeting_capacity: '25' });
    expect(taken.ok).toBe(true);
    return s;
  }

  it('instant: the app’s words in English, then the service’s', async () => {
    const s = await full();
    const run = await umeet(s, ['instant', '--topic', 'second', '--capacity', '25']);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'umeet: rejected: no room of that size is free for that time (当前没有空闲的 25 方会议室)\n',
    });
  });

  it('instant, LANG=zh_CN.UTF-8: in Chinese, the kind still English', async () => {
    const s = await full();
    const run = await umeet(s, ['instant', '--topic', 'second', '--capacity', '25'], { LANG: 'zh_CN.UTF-8' });
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'umeet: rejected: 该时段没有这个大小的空闲会议室（当前没有空闲的 25 方会议室）\n' });
  });

  it('status 3001 with other words is told so too', async () => {
    const s = await sandbox();
    s.inject({ kind: 'no-free-room', path: '/umeeting/share/instant' });
    const run = await umeet(s, ['instant', '--topic', 't', '--capacity', '25']);
    expect(run.stderr).toBe('umeet: rejected: no room of that size is free for that time (当前没有空闲的会议室)\n');
  });
});

describe('a refusal the app does not know', () => {
  it('is the service’s words alone, in any language', async () => {
    const s = await sandbox();
    for (const env of [{}, { LANG: 'zh_CN.UTF-8' }] as Record<string, string>[]) {
      expect(await umeet(s, ['info', '42'], env)).toEqual({ code: 1, stdout: '', stderr: 'umeet: rejected: 会议不存在\n' });
    }
  });
});
