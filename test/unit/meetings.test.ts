import { describe, expect, it } from 'vitest';
import type { Preset } from '../../common/preset.js';
import { groupMeetingId } from '../../common/format.js';
import { invitationText } from '../../core/meetings/invitation.js';
import { presetToInstant } from '../../main/meetings/preset-to-instant.js';
import { meetingsHarness } from './support/meetings-harness.js';
import { startSandbox } from '../../sandbox/server.js';
import { useSandbox } from './support/sandbox.js';

const sandbox = useSandbox({ licence: { 10: 30, 25: 30, 50: 1 } });

const weekly: Omit<Preset, 'id'> = {
  name: 'Weekly',
  topic: 'Weekly {date} {time}',
  capacity: 25,
  duration: 60,
  muteOnEntry: true,
  afterCreate: { open: 'join', copy: 'invitation' },
};

const instantRequests = () => sandbox().requests.filter((r) => r.path === '/umeeting/share/instant').length;

describe('pure pieces', () => {
  it('groups meeting IDs in a three and fours', () => {
    expect(groupMeetingId('1591620888')).toBe('159 162 0888');
    expect(groupMeetingId('15464648254')).toBe('154 6464 8254');
    expect(groupMeetingId('abc-uuid')).toBe('abc-uuid');
  });

  it('maps a preset to the instant parameters, expanding the topic and leaving unset options out', () => {
    const at = new Date(2026, 10, 25, 14, 5);
    const input = presetToInstant({ id: 'p', ...weekly }, at, 'default-user');
    expect(input).toEqual({
      topic: 'Weekly 2026-11-25 14:05',
      meeting_capacity: 25,
      duration: 60,
      mute_upon_entry: true,
      user_key: 'default-user',
    });
  });

  it('writes the invitation in both languages, never with the host key', () => {
    const facts = {
      topic: '周会',
      startedAt: new Date(2026, 10, 25, 14, 5),
      meetingId: '1591620888',
      joinUrl: 'https://u.systeccloud.com/j/1591620888',
    };
    const zh = invitationText(facts, 'zh-CN');
    expect(zh).toBe(
      '邀请您参加会议：周会\n时间：2026-11-25 14:05（即时会议，已开始）\n会议号：159 162 0888\n入会链接：https://u.systeccloud.com/j/1591620888',
    );
    expect(invitationText(facts, 'en')).toContain('Meeting ID: 159 162 0888');
  });
});

describe('meetings.start against the sandbox', () => {
  it('opens, then copies, then notifies, then records, in that order', async () => {
    const h = await meetingsHarness(sandbox());
    const preset = h.addPreset(weekly);
    const outcome = await h.meetings.start(preset.id);
    expect(outcome).toMatchObject({ ok: true, opened: 'opened' });
    if (!outcome.ok) return;
    const id = outcome.meeting.meetingId;
    expect(h.events.map((e) => e.type)).toEqual(['open', 'copy', 'notify', 'record']);
    expect(h.events[0]).toEqual({ type: 'open', url: `${sandbox().url}/j/${id}` });
    const copied = h.events[1]?.type === 'copy' ? h.events[1].text : '';
    expect(copied).toContain(`Meeting ID: ${groupMeetingId(id)}`);
    expect(copied).not.toContain(outcome.meeting.hostKey ?? 'no host key');
    expect(h.store.recent()[0]).toMatchObject({ meetingId: id, state: 'waiting', presetId: preset.id });
    expect(JSON.stringify(h.store.recent())).not.toContain('zak');
    await h.close();
  });

  it('opens as host with the start_url when the preset says so, and copies the join link', async () => {
    const h = await meetingsHarness(sandbox());
    const preset = h.addPreset({ ...weekly, afterCreate: { open: 'start', copy: 'join-link' } });
    const outcome = await h.meetings.start(preset.id);
    expect(h.events[0]).toMatchObject({ type: 'open', url: expect.stringContaining('/s/') });
    expect(h.events[1]).toMatchObject({ type: 'copy', text: expect.stringMatching(/\/j\/\d+$/) });
    expect(outcome.ok).toBe(true);
    await h.close();
  });

  it('a double click sends one request and both clicks get the same outcome', async () => {
    const h = await meetingsHarness(sandbox());
    const preset = h.addPreset(weekly);
    const before = instantRequests();
    const first = h.meetings.start(preset.id);
    expect(h.meetings.busy().has(preset.id)).toBe(true);
    const second = h.meetings.start(preset.id);
    expect(second).toBe(first);
    await Promise.all([first, second]);
    expect(instantRequests()).toBe(before + 1);
    expect(h.meetings.busy().size).toBe(0);
    expect(h.events.filter((e) => e.type === 'open')).toHaveLength(1);
    await h.close();
  });

  it.each([
    ['auth', { kind: 'bad-credentials' } as const, /API key or secret was refused: api_key 或 api_secret 错误/],
    ['rejected', { kind: 'no-free-room' } as const, /The service refused: 当前没有空闲的会议室/],
    ['protocol', { kind: 'non-json-200' } as const, /does not understand/],
  ])('%s: says what went wrong and opens nothing', async (kind, fault, message) => {
    const h = await meetingsHarness(sandbox());
    const preset = h.addPreset(weekly);
    sandbox().inject({ ...fault, path: '/umeeting/share/instant' });
    const outcome = await h.meetings.start(preset.id);
    expect(outcome.ok).toBe(false);
    expect(h.events.map((e) => e.type)).toEqual(['notify']);
    const notice = h.events[0]?.type === 'notify' ? h.events[0].notice : undefined;
    expect(notice?.title).toBe('Could not start “Weekly”');
    expect(notice?.body).toMatch(message);
    expect(notice?.command).toBeUndefined();
    // Kept as data, for the tray and the window to say in the language of the moment (main/meetings/last-error.ts).
    expect(h.meetings.lastFailure()).toMatchObject({
      presetId: preset.id,
      presetName: 'Weekly',
      failure: { kind: 'api', failure: { kind } },
    });
    await h.close();
  });

  it('a 5xx answer to the create: it may have happened, so the check is offered and nothing is sent again', async () => {
    const h = await meetingsHarness(sandbox());
    const preset = h.addPreset(weekly);
    const before = sandbox().requests.filter((r) => r.path === '/umeeting/share/instant').length;
    sandbox().inject({ kind: 'http-502-html', path: '/umeeting/share/instant' });
    const outcome = await h.meetings.start(preset.id);
    expect(outcome.ok).toBe(false);
    const notice = h.events[0]?.type === 'notify' ? h.events[0].notice : undefined;
    expect(notice?.body).toMatch(/answered with an error \(HTTP 502\)/);
    expect(notice?.command).toMatchObject({ type: 'check-created' });
    expect(h.meetings.pendingChecks()).toHaveLength(1);
    expect(sandbox().requests.filter((r) => r.path === '/umeeting/share/instant').length).toBe(before + 1);
    await h.close();
  });

  it('network down: says so, sends nothing and offers no check', async () => {
    const h = await meetingsHarness(sandbox());
    h.store.updateSettings({ apiBaseUrl: 'http://127.0.0.1:9' });
    const preset = h.addPreset(weekly);
    const outcome = await h.meetings.start(preset.id);
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'api', failure: { kind: 'network', mayHaveReachedServer: false } } });
    expect(h.meetings.pendingChecks()).toEqual([]);
    expect(h.events.map((e) => e.type)).toEqual(['notify']);
    await h.close();
  });

  it('no credentials: asks for them and sends nothing', async () => {
    const h = await meetingsHarness(sandbox(), { credentials: false, locale: 'zh-CN' });
    const preset = h.addPreset(weekly);
    const before = sandbox().requests.length;
    const outcome = await h.meetings.start(preset.id);
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'no-credentials' }, message: '尚未设置 API 凭据。请打开设置输入。' });
    expect(sandbox().requests.length).toBe(before);
    await h.close();
  });

  it('refuses a non-https join_url everywhere: not opened, not copied, not stored; the user is told how to trust it', async () => {
    const h = await meetingsHarness(sandbox());
    const preset = h.addPreset({ ...weekly, afterCreate: { open: 'join', copy: 'join-link' } });
    sandbox().inject({ kind: 'insecure-join-url' });
    const outcome = await h.meetings.start(preset.id);
    expect(outcome).toMatchObject({ ok: true, opened: 'refused' });
    expect(h.events.some((e) => e.type === 'open')).toBe(false);
    expect(h.events.some((e) => e.type === 'copy')).toBe(false);
    const refusal = h.events.find((e) => e.type === 'notify' && e.notice.body.includes('not a trusted host'));
    expect(refusal?.type === 'notify' && refusal.notice.body).toContain('meeting.systeccloud.com');
    expect(refusal?.type === 'notify' && refusal.notice.body).toContain('Trusted link hosts');
    expect(refusal?.type === 'notify' && refusal.notice.command).toBeUndefined();
    // Recorded (the meeting exists), without the link.
    const recorded = h.store.recent().find((m) => outcome.ok && m.meetingId === outcome.meeting.meetingId);
    expect(recorded).toBeDefined();
    expect(recorded?.joinUrl).toBeUndefined();
    expect(JSON.stringify(h.store.recent())).not.toContain('http://meeting.systeccloud.com');

    // An invitation leaves the refused link out, too.
    const inviting = h.addPreset({ ...weekly, name: 'Inviting', afterCreate: { open: 'none', copy: 'invitation' } });
    sandbox().inject({ kind: 'insecure-join-url' });
    await h.meetings.start(inviting.id);
    const invitation = h.events.filter((e) => e.type === 'copy').at(-1);
    expect(invitation?.type === 'copy' && invitation.text).toContain('Meeting ID');
    expect(invitation?.type === 'copy' && invitation.text).not.toContain('http://meeting.systeccloud.com');
    await h.close();
  });

  it('after an ambiguous timeout, the check finds the meeting and adopts it; nothing was sent twice', async () => {
    const h = await meetingsHarness(sandbox(), { timeoutMs: 3_000 });
    const preset = h.addPreset({ ...weekly, userKey: 'ambiguous-user' });
    sandbox().inject({ kind: 'no-answer', path: '/umeeting/share/instant' });
    const before = instantRequests();
    const outcome = await h.meetings.start(preset.id);
    expect(outcome).toMatchObject({ ok: false, failure: { failure: { kind: 'timeout', mayHaveReachedServer: true } } });
    expect(instantRequests()).toBe(before + 1);
    const notice = h.events.at(-1);
    expect(notice?.type === 'notify' && notice.notice.body).toMatch(/may have been created[\s\S]*check whether it was created/);
    // Clicking it runs the same command as the tray's "Check whether … was created".
    expect(notice?.type === 'notify' && notice.notice.command).toEqual({
      type: 'check-created',
      checkId: h.meetings.pendingChecks()[0]?.id,
    });

    const [pending] = h.meetings.pendingChecks();
    expect(pending?.userKey).toBe('ambiguous-user');
    expect(await h.meetings.check(pending!.id)).toEqual({ ok: true, value: { found: true } });
    expect(h.store.recent()[0]).toMatchObject({ presetId: preset.id, userKey: 'ambiguous-user', state: 'waiting' });
    expect(h.meetings.pendingChecks()).toEqual([]);
    expect(instantRequests()).toBe(before + 1);
    await h.close();
  });

  it('after an ambiguous reset where nothing was created, the check says so', async () => {
    const h = await meetingsHarness(sandbox());
    const preset = h.addPreset({ ...weekly, topic: 'never created {time}', userKey: 'nobody' });
    // Reset before the service acts: the sandbox processes then resets, so use a topic the list will not have.
    sandbox().inject({ kind: 'reset', path: '/umeeting/share/instant' });
    await h.meetings.start(preset.id);
    const [pending] = h.meetings.pendingChecks();
    // The sandbox did create it: end it, so the check finds nothing online.
    const background = await h.api.background();
    const listed = await background.list({ user_key: 'nobody' });
    for (const m of listed.ok ? listed.value.meetings : []) await background.end(m.id);
    expect(await h.meetings.check(pending!.id)).toEqual({ ok: true, value: { found: false } });
    expect(h.events.at(-1)).toMatchObject({ type: 'notify', notice: { title: 'The meeting was not created' } });
    await h.close();
  });
});

describe('recent meetings', () => {
  it('detects a release on the sandbox clock, then stops every timer', async () => {
    // A sandbox of its own: its clock moves half an hour on, which the other tests' checks ("created in the
    // last two minutes") must not see.
    const own = await startSandbox({ licence: { 25: 1 } });
    const h = await meetingsHarness(own, { refreshDelaysMs: [30, 60] });
    try {
      const preset = h.addPreset(weekly);
      const outcome = await h.meetings.start(preset.id);
      if (!outcome.ok) throw new Error(outcome.message);
      expect(h.timers.active()).toBe(1);
      own.clock.advance(31 * 60_000);
      await expect.poll(() => h.store.recent()[0]?.state).toBe('released');
      expect(h.timers.active()).toBe(0);
      expect(h.meetings.runningTimers()).toBe(0);
    } finally {
      await h.close();
      await own.close();
    }
  });

  it('follows a joined meeting to in progress, ends it after confirmation, and stops', async () => {
    const h = await meetingsHarness(sandbox(), { refreshDelaysMs: [30, 60] });
    const preset = h.addPreset(weekly);
    const outcome = await h.meetings.start(preset.id);
    if (!outcome.ok) throw new Error(outcome.message);
    const id = outcome.meeting.meetingId;
    sandbox().join(id);
    await expect.poll(() => h.store.recent()[0]?.state).toBe('in-progress');
    // Still watched: its next status check is pending (polled, because a check that is on the wire right now has
    // its timer fired and the next one not yet set, every 30–60 ms here, which a busy machine's poll can land on).
    await expect.poll(() => h.timers.active()).toBe(1);

    h.setConfirm(false);
    expect(await h.meetings.end(id)).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(sandbox().requests.filter((r) => r.path === '/umeeting/share/end' && r.fields.id === id)).toHaveLength(0);
    h.setConfirm(true);
    expect(await h.meetings.end(id)).toEqual({ ok: true, value: {} });
    expect(h.store.recent()[0]?.state).toBe('ended');
    expect(h.timers.active()).toBe(0);
    await h.close();
  });

  it('opens as host with a fresh link, copies what is asked, and opens the live page', async () => {
    const h = await meetingsHarness(sandbox());
    const preset = h.addPreset({ ...weekly, liveStreaming: true, afterCreate: { open: 'none', copy: 'none' } });
    const outcome = await h.meetings.start(preset.id);
    if (!outcome.ok) throw new Error(outcome.message);
    const id = outcome.meeting.meetingId;
    h.events.length = 0;
    expect(await h.meetings.open(id, 'host')).toEqual({ ok: true, value: {} });
    expect(await h.meetings.open(id, 'host')).toEqual({ ok: true, value: {} });
    const hostLinks = h.events.flatMap((e) => (e.type === 'open' ? [e.url] : []));
    expect(hostLinks).toHaveLength(2);
    expect(hostLinks[0]).not.toBe(hostLinks[1]);
    expect(await h.meetings.open(id, 'participant')).toEqual({ ok: true, value: {} });
    expect(await h.meetings.openLive(id)).toEqual({ ok: true, value: {} });
    for (const what of ['join-link', 'meeting-id', 'host-key', 'invitation'] as const)
      expect(await h.meetings.copy(id, what)).toEqual({ ok: true, value: {} });
    const copies = h.events.flatMap((e) => (e.type === 'copy' ? [e.text] : []));
    expect(copies.slice(0, 3)).toEqual([`${sandbox().url}/j/${id}`, id, outcome.meeting.hostKey]);
    expect(copies[3]).toContain(groupMeetingId(id));
    await h.close();
  });

  it('never lets a secret reach a notification, the clipboard, the store or the log', async () => {
    const h = await meetingsHarness(sandbox());
    const preset = h.addPreset({ ...weekly, afterCreate: { open: 'start', copy: 'invitation' } });
    const outcome = await h.meetings.start(preset.id);
    if (!outcome.ok) throw new Error(outcome.message);
    await h.meetings.open(outcome.meeting.meetingId, 'host');
    h.store.flush();
    const opened = h.events.flatMap((e) => (e.type === 'open' ? [e.url] : []));
    const zaks = opened.map((url) => new URL(url).searchParams.get('zak')).filter(Boolean) as string[];
    expect(zaks).toHaveLength(2);
    const elsewhere = JSON.stringify({
      notices: h.events.filter((e) => e.type !== 'open'),
      recent: h.store.recent(),
      log: h.log.lines,
    });
    for (const secret of [...zaks, sandbox().credentials.apiSecret]) expect(elsewhere).not.toContain(secret);
    await h.close();
  });
});
