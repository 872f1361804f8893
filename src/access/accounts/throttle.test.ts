import { describe, expect, it } from 'vitest';
import { delayAfter, LOCKOUT, slowDown, unknownAccountLockout } from './throttle.js';

describe('delayAfter', () => {
  it('is free for the first three failures, then doubles from a quarter second up to four seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 50, 10_000].map((n) => delayAfter(n))).toEqual([
      0, 0, 0, 250, 500, 1000, 2000, 4000, 4000, 4000, 4000,
    ]);
  });

  it('follows its options', () => {
    expect(delayAfter(1, { freeFailures: 1, baseDelayMs: 10, maxDelayMs: 35 })).toBe(10);
    expect(delayAfter(3, { freeFailures: 1, baseDelayMs: 10, maxDelayMs: 35 })).toBe(35);
  });
});

function clock(start = 1_000_000) {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    advance: (ms: number) => void (t += ms),
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
  };
}

describe('slowDown', () => {
  it('slows an address down after three failures within fifteen minutes, and forgets old failures', async () => {
    const c = clock();
    const throttle = slowDown({ now: c.now, sleep: c.sleep });
    for (let i = 0; i < 6; i++) {
      const attempt = await throttle.attempt('203.0.113.7');
      attempt.failed();
      attempt.done();
    }
    expect(c.slept).toEqual([250, 500, 1000]);
    expect(throttle.delayFor('203.0.113.7')).toBe(2000);
    expect(throttle.delayFor('198.51.100.1')).toBe(0);
    c.advance(15 * 60_000);
    expect(throttle.delayFor('203.0.113.7')).toBe(0);
  });

  it('does not count successes, but counts attempts still running', async () => {
    const c = clock();
    let release: () => void = () => undefined;
    const throttle = slowDown({
      now: c.now,
      sleep: (ms) => {
        c.slept.push(ms);
        return new Promise<void>((resolve) => (release = resolve));
      },
    });
    const first = await throttle.attempt('a');
    first.done();
    expect(throttle.delayFor('a')).toBe(0);
    // Three guesses sent at once, none finished: the fourth waits as if they had failed.
    const running = [await throttle.attempt('a'), await throttle.attempt('a'), await throttle.attempt('a')];
    expect(throttle.delayFor('a')).toBe(250);
    const fourth = throttle.attempt('a');
    expect(c.slept).toEqual([250]);
    release();
    (await fourth).done();
    running.forEach((attempt) => attempt.done());
    expect(throttle.delayFor('a')).toBe(0);
  });

  it('remembers a bounded number of addresses, dropping the least recently seen', async () => {
    const c = clock();
    const throttle = slowDown({ now: c.now, sleep: c.sleep, maxClients: 2, freeFailures: 1 });
    for (const address of ['a', 'b', 'c']) {
      const attempt = await throttle.attempt(address);
      attempt.failed();
      attempt.done();
    }
    expect(throttle.delayFor('c')).toBe(250);
    expect(throttle.delayFor('a')).toBe(0);
  });
});

describe('unknownAccountLockout', () => {
  it('locks an unknown address after five failures for fifteen minutes, like an account', () => {
    let t = 0;
    const lockout = unknownAccountLockout({ now: () => t });
    for (let i = 1; i < LOCKOUT.after; i++) expect(lockout.failed('x@example.org')).toBeUndefined();
    expect(lockout.lockedUntil('x@example.org')).toBeUndefined();
    expect(lockout.failed('x@example.org')).toBe(new Date(LOCKOUT.ms).toISOString());
    expect(lockout.lockedUntil('x@example.org')).toBe(new Date(LOCKOUT.ms).toISOString());
    expect(lockout.lockedUntil('y@example.org')).toBeUndefined();
    t = LOCKOUT.ms;
    expect(lockout.lockedUntil('x@example.org')).toBeUndefined();
    expect(lockout.failed('x@example.org')).toBeUndefined();
  });
});
