import { describe, expect, it } from 'vitest';
import { toWire } from '../renderer/window-server.js';

// The renderer suite's IPC stand-in carries main's answers to the page as JSON text (window-server.ts). It must
// never change an answer on the way: what JSON cannot carry as it is, it refuses.
describe('the harness’s IPC answers', () => {
  it('carry plain values whole, and leave out object properties that are undefined', () => {
    const answer = { ok: true, id: 'p1', list: [1, 'two', null, { nested: ['深圳'] }], empty: {}, gone: undefined };
    expect(JSON.parse(toWire(answer)!)).toEqual({ ok: true, id: 'p1', list: [1, 'two', null, { nested: ['深圳'] }], empty: {} });
    expect(toWire(undefined)).toBeUndefined();
    expect(JSON.parse(toWire(null)!)).toBeNull();
    expect(JSON.parse(toWire('text')!)).toBe('text');
    expect(JSON.parse(toWire(Object.assign(Object.create(null) as object, { a: 1 }))!)).toEqual({ a: 1 });
  });

  it.each([
    ['a Date', { at: new Date(0) }, /cannot carry an instance of Date at "at"/],
    ['a Map', { m: new Map() }, /an instance of Map at "m"/],
    ['a Set', [new Set()], /an instance of Set at "0"/],
    ['a typed array', { bytes: new Uint8Array(2) }, /an instance of Uint8Array/],
    ['a class instance', { error: new Error('x') }, /an instance of Error/],
    ['a BigInt', { n: 1n }, /a bigint/],
    ['a function', { f: () => 1 }, /a function/],
    ['NaN', { n: Number.NaN }, /cannot carry NaN/],
    ['Infinity', [Infinity], /cannot carry Infinity/],
    ['undefined in an array', [1, undefined], /undefined in an array/],
    ['a Date as the whole answer', new Date(0), /an instance of Date at ""/],
  ])('refuses %s rather than change it', (_, value, message) => {
    expect(() => toWire(value)).toThrow(message);
  });
});
