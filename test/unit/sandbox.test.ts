import { describe, expect, it } from 'vitest';
import { createUmeetClient } from '../../core/api/client.js';
import { chinaTime } from '../../sandbox/china-time.js';
import { createSandboxClock } from '../../sandbox/clock.js';
import { startSandbox } from '../../sandbox/server.js';
import { useSandbox } from './support/sandbox.js';

const sandbox = useSandbox();
const api = () => createUmeetClient({ baseUrl: sandbox().url, credentials: () => sandbox().credentials });

async function create(topic: string, capacity = 10) {
  const result = await api().instant({ topic, meeting_capacity: capacity });
  if (!result.ok) throw new Error(JSON.stringify(result.failure));
  return result.value.meeting_id;
}

describe('sandbox state', () => {
  it('free rooms fall while meetings run and come back when they end', async () => {
    const rooms = async () => {
      // The slot from now: a meeting created now holds its room then.
      const r = await api().freeRooms({ meeting_capacity: 10, start_time: chinaTime(sandbox().clock.now()), duration: 60 });
      if (!r.ok) throw new Error('freeRooms failed');
      return r.value;
    };
    expect(await rooms()).toEqual({ total: 2, free: 2 });
    const a = await create('a');
    const b = await create('b');
    expect(await rooms()).toEqual({ total: 2, free: 0 });
    const third = await api().instant({ topic: 'c', meeting_capacity: 10 });
    expect(third).toMatchObject({ ok: false, failure: { kind: 'rejected', status: 3001 } });
    await api().end(a);
    expect(await rooms()).toEqual({ total: 2, free: 1 });
    await api().end(b);
  });

  it('releases a meeting nobody joined 30 minutes after it started', async () => {
    const id = await create('nobody comes');
    sandbox().clock.advance(29 * 60_000);
    expect(await api().get(id)).toMatchObject({ ok: true, value: { status: 0, del_flag: 0 } });
    sandbox().clock.advance(2 * 60_000);
    expect(await api().get(id)).toMatchObject({ ok: true, value: { status: 0, del_flag: 1 } });
    const listed = await api().list();
    expect(listed.ok && listed.value.meetings.some((m) => m.id === id)).toBe(false);
    expect(await api().getStartUrl(id)).toMatchObject({ ok: false, failure: { kind: 'rejected' } });
  });

  it('keeps a joined meeting, which then runs for its duration', async () => {
    const created = await api().instant({ topic: 'joined', meeting_capacity: 10, duration: 45 });
    if (!created.ok) throw new Error('create failed');
    const id = created.value.meeting_id;
    // Opening the join page is joining.
    const page = await fetch(`${sandbox().url}/j/${id}`);
    expect(await page.text()).toContain('<h1>joined</h1>');
    sandbox().clock.advance(31 * 60_000);
    expect(await api().get(id)).toMatchObject({ ok: true, value: { status: 1, del_flag: 0 } });
    sandbox().clock.advance(15 * 60_000);
    expect(await api().get(id)).toMatchObject({ ok: true, value: { status: 3 } });
  });

  it('serves join and start pages that name the meeting, escaping its topic', async () => {
    const id = await create('<script>x</script> 周会');
    const join = await (await fetch(`${sandbox().url}/j/${id}`)).text();
    expect(join).toContain('&lt;script&gt;x&lt;/script&gt; 周会');
    expect(join).toContain(id);
    const start = await api().getStartUrl(id);
    if (!start.ok) throw new Error('no start url');
    expect(await (await fetch(start.value.start_url)).text()).toContain('主持人');
    expect((await fetch(`${sandbox().url}/j/999`)).status).toBe(404);
    await api().end(id);
  });

  it('a fault applies to the next matching request only, unless told otherwise', async () => {
    sandbox().inject({ kind: 'http-502-html', path: '/umeeting/licensing' });
    expect(await api().list()).toMatchObject({ ok: true });
    expect(await api().licensing()).toMatchObject({ ok: false, failure: { kind: 'http', httpStatus: 502 } });
    expect(await api().licensing()).toMatchObject({ ok: true });
  });
});

describe('the sandbox clock', () => {
  it('runs with real time, faster when asked, jumps when told, and may start at a moment of the test’s choosing', () => {
    let real = Date.parse('2026-12-06T12:00:00Z');
    const plain = createSandboxClock(1, () => real);
    const fast = createSandboxClock(60, () => real);
    const chosen = Date.parse('2029-12-03T09:00:00+08:00');
    const started = createSandboxClock(1, () => real, chosen);
    expect(started.now()).toBe(chosen);
    real += 1_000;
    expect(plain.now()).toBe(real);
    expect(fast.now()).toBe(real - 1_000 + 60_000);
    expect(started.now()).toBe(chosen + 1_000);
    started.advance(31 * 60_000);
    expect(started.now()).toBe(chosen + 1_000 + 31 * 60_000);
  });

  it('clockStart: a sandbox books against the moment it was given, not the real date', async () => {
    const at = Date.parse('2020-01-06T09:00:00+08:00');
    const past = await startSandbox({ licence: { 25: 1 }, clockStart: at });
    try {
      const client = createUmeetClient({ baseUrl: past.url, credentials: () => past.credentials });
      // A week after its clock: still to come for it, though long gone for the real one.
      const booked = await client.schedule({ topic: 't', meeting_capacity: 25, start_time: '2020-01-13 09:00:00', duration: 60 });
      expect(booked).toMatchObject({ ok: true });
    } finally {
      await past.close();
    }
  });
});
