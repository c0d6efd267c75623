import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as StandIn from '../stand-in/electron.js';
import { waitFor } from './support/wait.js';

/**
 * The composition root (main/index.ts) when start-up fails before the tray exists: the user is
 * told in a native dialog what happened and where the log is, and the app quits, releasing the
 * single-instance lock so the next launch starts. The one Electron stand-in makes it fail the way
 * Electron would: the `app` scheme is already handled, so `protocol.handle` throws.
 */
vi.mock('electron', () => import('../stand-in/electron.js'));

describe('start-up that fails before the tray', () => {
  it('says what happened and where the log is, in the system language, and quits releasing the lock', async () => {
    // A fresh main process and stand-in, whichever test ran before (each imports main/index.ts once).
    vi.resetModules();
    const { control, freshUserData } = (await import('electron')) as unknown as typeof StandIn;
    control.reset();
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

    await waitFor(() => expect(control.errorBoxes).toHaveLength(1));
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

  it('says so in the same dialog when code loaded after the tray cannot load (main/features/later.ts), and quits', async () => {
    // A fresh main process whose scheduling code (a chunk of its own, loaded once the tray shows) fails to load.
    vi.resetModules();
    vi.doMock('../../main/meetings/scheduling.js', () => {
      throw new Error('the chunk is missing');
    });
    const standIn = (await import('electron')) as unknown as typeof StandIn;
    const fresh = standIn.control;
    fresh.reset();
    standIn.freshUserData();
    fresh.languages = ['en-US'];
    const on = process.on.bind(process);
    const spy = vi.spyOn(process, 'on').mockImplementation((event, handler) => {
      if (event !== 'unhandledRejection' && event !== 'uncaughtException') on(event, handler);
      return process;
    });
    process.argv = [process.argv[0]!, '.'];
    await import('../../main/index.js');
    spy.mockRestore();

    await waitFor(() => expect(fresh.errorBoxes).toHaveLength(1));
    // The tray had shown; the start failed all the same, as when this code was loaded with the entry.
    expect(fresh.trays).toHaveLength(1);
    // (Vitest words the failed import its own way; the app shows whatever the import's error says.)
    expect(fresh.errorBoxes[0]).toEqual({
      title: 'Umeet Tray could not start',
      content: expect.stringContaining('Something went wrong while starting: [vitest] There was an error when mocking a module.'),
    });
    // It is in the log before the dialog, after the tray's line.
    const log = readFileSync(join(fresh.paths.userData!, 'logs', 'main.log'), 'utf8');
    expect(log.indexOf('start-up failed')).toBeGreaterThan(log.indexOf('tray ready'));
    expect(log.indexOf('tray ready')).toBeGreaterThanOrEqual(0);
    expect(fresh.lockReleased).toBe(1);
    expect(fresh.quits).toBe(1);
    vi.doUnmock('../../main/meetings/scheduling.js');
    // The policy's reader, whose loading the start began, finishes before the test's environment goes.
    await import('../../main/policy/linux-file.js');
  });
});
