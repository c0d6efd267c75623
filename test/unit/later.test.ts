import { describe, expect, it } from 'vitest';
import { laterModules } from '../../main/features/later.js';
import { loadedOnFirstUse } from '../../main/policy/select-source.js';
import { emptyRaw, type PolicySource } from '../../main/policy/source.js';

// Code left for after the tray (main/features/later.ts, main/policy/select-source.ts): loaded once, by the first
// use or by the app right after the tray, and a failure to load is told once, to whoever asked for them all.
describe('code loaded after the tray', () => {
  it('loads once, whoever asks first, and is there to read synchronously once loaded', async () => {
    const { later, loadAll } = laterModules();
    let loads = 0;
    const code = later(async () => ({ n: ++loads }));
    expect(code.ready()).toBeUndefined();
    const [a, b] = await Promise.all([code.get(), code.get()]);
    await loadAll();
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(code.ready()).toBe(a);
  });

  it('tells a failure to load to the one who loads them all; a use waiting for it is not a second report', async () => {
    const { later, loadAll } = laterModules();
    const ok = later(async () => 'fine');
    const broken = later<string>(() => Promise.reject(new Error('the chunk is missing')));
    const used: string[] = [];
    broken.whenLoaded((value) => used.push(value));
    ok.whenLoaded((value) => used.push(value));
    await expect(loadAll()).rejects.toThrow('the chunk is missing');
    await expect(broken.get()).rejects.toThrow('the chunk is missing');
    expect(used).toEqual(['fine']);
  });
});

describe('a policy reader loaded on first use', () => {
  function reader() {
    const watching: (() => void)[] = [];
    let loads = 0;
    const source = loadedOnFirstUse(async () => {
      loads += 1;
      return {
        read: async () => emptyRaw(['/etc/umeet-tray/policy.json']),
        watch: (onChange) => {
          watching.push(onChange);
          return () => watching.splice(watching.indexOf(onChange), 1);
        },
      } satisfies PolicySource;
    });
    return { source, watching, loads: () => loads };
  }

  it('loads its module with the first read, once, and sets its watch once loaded', async () => {
    const { source, watching, loads } = reader();
    const read = source.read();
    const unwatch = source.watch!(() => undefined);
    expect(watching).toHaveLength(0);
    expect((await read).sources).toEqual(['/etc/umeet-tray/policy.json']);
    await source.loaded();
    expect(loads()).toBe(1);
    expect(watching).toHaveLength(1);
    unwatch();
    expect(watching).toHaveLength(0);
  });

  it('never sets a watch stopped before the module loaded', async () => {
    const { source, watching } = reader();
    source.watch!(() => undefined)();
    await source.loaded();
    expect(watching).toHaveLength(0);
  });
});
