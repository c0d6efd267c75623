import { describe, expect, it } from 'vitest';
import { appUnderTest, fromAppWindow } from './support/app-under-test.js';
import { useSandbox } from './support/sandbox.js';

/**
 * One whole flow through main's IPC handlers, as the window drives it: credentials set and
 * verified, meetings started (one opening as host with a start_url), a fresh host link, an
 * invitation copied, a refused secret, a timeout, a meeting ended. Everything that leaves main
 * other than the link handed to the browser is recorded, and none of it may hold the api_secret,
 * a zak, or a token.
 */
const sandbox = useSandbox();

describe('secrets never leak', () => {
  it('through logs, notifications, IPC responses, the clipboard or the store files', async () => {
    const s = sandbox();
    const main = await appUnderTest({ sandbox: s, requestTimeoutMs: 3_000 });
    const responses: unknown[] = [];
    const ipc = async (channel: keyof typeof main.listeners, payload?: unknown) => {
      const answer = await (main.listeners[channel] as (e: unknown, p: unknown) => Promise<unknown>)(fromAppWindow, payload);
      responses.push(answer);
      return answer as { ok: boolean; value?: Record<string, unknown> };
    };

    await ipc('saveCredentials', { apiKey: s.credentials.apiKey, apiSecret: s.credentials.apiSecret });
    await ipc('verifyCredentials');
    await ipc('updateSettings', { defaultUserKey: 'leak-test' });
    const host = await ipc('savePreset', {
      name: 'Host',
      topic: 'Host {time}',
      capacity: 10,
      afterCreate: { open: 'start', copy: 'invitation' },
    });
    const started = await ipc('run', { type: 'start', presetId: (host.value as { id: string }).id });
    const meetingId = (started.value as { meetingId: string }).meetingId;
    await ipc('run', { type: 'start', presetId: 'quick-meeting' });
    await ipc('run', { type: 'open-meeting', meetingId, as: 'host' });
    await ipc('run', { type: 'copy', meetingId, what: 'invitation' });
    await ipc('run', { type: 'copy', meetingId, what: 'join-link' });
    await ipc('snapshot');

    // A timeout after the request was sent, then the check that adopts the meeting.
    s.inject({ kind: 'no-answer', path: '/umeeting/share/instant' });
    await ipc('run', { type: 'start', presetId: 'quick-meeting' });
    const snapshot = (await ipc('snapshot')).value as { pendingChecks: { id: string }[] };
    for (const check of snapshot.pendingChecks) await ipc('run', { type: 'check-created', checkId: check.id });

    await ipc('run', { type: 'end-meeting', meetingId });

    // A refused secret, last, so the failure is what the snapshot reports: refused when checked (on a
    // client of its own, whose log lines are recorded too), then saved without checking, verified and
    // clicked, so the service's refusal is kept with the record and told.
    const wrongSecret = 'wrong-secret-value-4f2a9c';
    expect(await ipc('saveCredentials', { apiKey: s.credentials.apiKey, apiSecret: wrongSecret })).toMatchObject({
      ok: true,
      value: { outcome: 'refused' },
    });
    await ipc('saveCredentials', { apiKey: s.credentials.apiKey, apiSecret: wrongSecret, check: false });
    await ipc('verifyCredentials');
    await ipc('run', { type: 'start', presetId: 'quick-meeting' });
    await ipc('snapshot');

    // The flow really happened, and really carried secrets.
    expect(s.issued.zaks.length).toBeGreaterThanOrEqual(3);
    expect(s.issued.tokens.length).toBeGreaterThanOrEqual(2);
    expect(main.opened.filter((url) => url.includes('zak=')).length).toBeGreaterThanOrEqual(2);
    expect(main.notices.some((n) => /refused/.test(n.body))).toBe(true);
    expect(main.state().credentials.verification).toMatchObject({ state: 'refused', serviceMessage: 'api_key 或 api_secret 错误' });
    expect(main.notices.some((n) => /may have been created/.test(n.body))).toBe(true);
    expect(main.clipboard.length).toBeGreaterThanOrEqual(3);

    const recorded = {
      log: JSON.stringify(main.log.lines),
      notifications: JSON.stringify(main.notices),
      ipcResponses: JSON.stringify(responses),
      clipboard: JSON.stringify(main.clipboard),
      storeFiles: await main.storeFiles(),
    };
    const secrets = [s.credentials.apiSecret, wrongSecret, ...s.issued.zaks, ...s.issued.tokens];
    for (const [where, text] of Object.entries(recorded)) {
      for (const secret of secrets) expect(text.includes(secret), `${where} holds a secret`).toBe(false);
      expect(text, where).not.toMatch(/zak=(?!\[redacted\])/);
    }
    await main.close();
  });
});
