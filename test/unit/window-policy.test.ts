import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents, type SessionLike, type WebContentsLike } from '../../main/security/window-policy.js';
import { recordingLogger } from './support/recording-logger.js';

/** Records what the policy registers on a webContents, so each handler can be called as Electron would. */
function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void; url: string }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents: WebContentsLike = {
    on: (event: string, listener: (event: { preventDefault(): void; url: string }) => void) => {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    },
  };
  const fire = (name: string, url = 'https://evil.example/') => {
    let prevented = false;
    listeners.get(name)?.({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('window policy', () => {
  it('prevents every navigation and redirect, even to our own origin', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, recordingLogger());
    expect(fire('will-navigate')).toBe(true);
    expect(fire('will-navigate', 'app://umeet/index.html')).toBe(true);
    expect(fire('will-redirect')).toBe(true);
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('denies window.open', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(contents, recordingLogger());
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<SessionLike['setPermissionCheckHandler']>[0] | undefined;
    hardenSession({
      setPermissionRequestHandler: (handler) => (request = handler),
      setPermissionCheckHandler: (handler) => (check = handler),
    });
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      let granted: boolean | undefined;
      request?.(null, permission, (answer) => (granted = answer));
      expect(granted).toBe(false);
      expect(check?.(null, permission)).toBe(false);
    }
  });
});
