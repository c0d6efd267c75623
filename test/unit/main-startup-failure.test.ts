import { describe, expect, it, vi } from 'vitest';
import { control, freshUserData } from '../stand-in/electron.js';

/**
 * The composition root (main/index.ts) when start-up fails before the tray exists: the user is
 * told in a native dialog what happened and where the log is, and the app quits, releasing the
 * single-instance lock so the next launch starts. The one Electron stand-in makes it fail the way
 * Electron would: the `app` scheme is already handled, so `protocol.handle` throws.
 */
vi.mock('electron', () => import('../stand-in/electron.js'));

describe('start-up that fails before the tray', () => {
  it('says what happened and where the log is, in the system language, and quits releasing the lock', async () => {
    const userData = freshUserData();
    control.languages = ['zh-CN'];
    control.protocols.set('app', async () => new Response(null));
    const handlers = new Map<string, (error: unknown) => void>();
    const on = process.on.bind(process);
    const spy = vi.spyOn(process, 'on').mockImplementation((event, handler) => {
      if (event === 'unhandledRejection' || event === 'uncaughtException') handlers.set(String(event), handler as (e: unknown) => void);
      else on(event, handler);
      return process;
    });
    process.argv = [process.argv[0]!, '.'];
    await import('../../main/index.js');
    spy.mockRestore();

    await vi.waitFor(() => expect(control.errorBoxes).toHaveLength(1));
    expect(control.errorBoxes[0]).toEqual({
      title: 'Umeet 托盘无法启动',
      content: expect.stringContaining('启动时出错：The scheme has been registered: app'),
    });
    expect(control.errorBoxes[0]?.content).toContain(userData);
    expect(control.trays).toHaveLength(0);
    expect(control.lockReleased).toBe(1);
    expect(control.quits).toBe(1);

    // Unhandled rejections and exceptions are caught by main, not left to Electron's default (a warning).
    expect([...handlers.keys()].sort()).toEqual(['uncaughtException', 'unhandledRejection']);
    handlers.get('unhandledRejection')!(new Error('later failure'));
    expect(control.errorBoxes).toHaveLength(2);
  });
});
