import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { memoryStore } from './counters.js';

describe('in-process counters', () => {
  let clock = 1_000_000;
  const store = memoryStore({ now: () => clock, sweepMs: 10 });
  afterEach(() => {
    clock += 10 * 60_000;
  });
  afterAll(() => store.close());

  it('opens a subject’s window with its first request and counts within it', () => {
    expect(store.hit('ip:1.1.1.1', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    clock += 15_000;
    expect(store.hit('ip:1.1.1.1', 60_000)).toEqual({ count: 2, resetMs: 45_000 });
    expect(store.hit('ip:2.2.2.2', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    clock += 45_000;
    // The window ended: a new one opens with this request.
    expect(store.hit('ip:1.1.1.1', 60_000)).toEqual({ count: 1, resetMs: 60_000 });
    expect(store.hit('ip:2.2.2.2', 60_000)).toEqual({ count: 2, resetMs: 15_000 });
  });

  it('forgets ended windows', async () => {
    for (let i = 0; i < 100; i++) store.hit(`ip:10.0.0.${i}`, 1_000);
    expect(store.subjects).toBeGreaterThanOrEqual(100);
    clock += 1_000;
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(store.subjects).toBe(0);
  });

  it('drops the window that would end first when it holds too many', async () => {
    const small = memoryStore({ now: () => clock, maxSubjects: 3 });
    small.hit('a', 60_000);
    clock += 1;
    small.hit('b', 60_000);
    clock += 1;
    small.hit('c', 60_000);
    small.hit('a', 60_000);
    clock += 1;
    small.hit('d', 60_000);
    expect(small.subjects).toBe(3);
    // "a" opened first and went; the others keep their counts.
    expect(small.hit('a', 60_000).count).toBe(1);
    expect(small.hit('c', 60_000).count).toBe(2);
    expect(small.hit('d', 60_000).count).toBe(2);
    await small.close();
  });

  it('hands out slots up to the limit and takes them back once', () => {
    const a = store.acquire('download', 'key:k', 2);
    const b = store.acquire('download', 'key:k', 2);
    expect([a.inUse, b.inUse]).toEqual([1, 2]);
    expect(a.lease && b.lease).toBeTruthy();
    const refused = store.acquire('download', 'key:k', 2);
    expect(refused).toEqual({ lease: undefined, inUse: 2 });
    // Another kind and another subject have slots of their own.
    expect(store.acquire('live', 'key:k', 1).lease).toBeDefined();
    expect(store.acquire('download', 'key:other', 1).lease).toBeDefined();
    a.lease!.release();
    a.lease!.release();
    const c = store.acquire('download', 'key:k', 2);
    expect(c.inUse).toBe(2);
    expect(store.acquire('download', 'key:k', 2).lease).toBeUndefined();
    b.lease!.release();
    c.lease!.release();
    expect(store.acquire('download', 'key:k', 2).inUse).toBe(1);
  });

  it('refuses every slot when the limit is zero', () => {
    expect(store.acquire('live', 'ip:9.9.9.9', 0)).toEqual({ lease: undefined, inUse: 0 });
  });
});
