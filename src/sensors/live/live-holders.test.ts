import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { liveHolders } from './live-holders.js';
import type { StreamHolder } from './sse-streams.js';

const NOW = new Date('2026-03-01T12:00:00Z');

/** Streams and broker that record what was closed. */
function fakes(open: StreamHolder[]) {
  const ended: { holder: StreamHolder; reason: string }[] = [];
  const mqtt: { holder: StreamHolder; code: string }[] = [];
  const streams = {
    holders: () => open.filter((h) => !ended.some((e) => e.holder === h)),
    endHeld(match: (h: StreamHolder) => boolean, reason: string) {
      let n = 0;
      for (const h of open) {
        if (!match(h) || ended.some((e) => e.holder === h)) continue;
        ended.push({ holder: h, reason });
        n++;
      }
      return n;
    },
  };
  const broker = {
    disconnect(holder: StreamHolder, why: { code: string }) {
      mqtt.push({ holder, code: why.code });
      return 0;
    },
  };
  return { streams, broker, ended, mqtt };
}

const key = (status: string, statusUntil: string | null = null) => ({ status, statusUntil });

function holders(
  open: StreamHolder[],
  keys: Record<string, { status: string; statusUntil: string | null }>,
  users: Record<string, { status: string; statusUntil: string | null }>,
) {
  const f = fakes(open);
  const errors: unknown[] = [];
  const watcher = liveHolders({
    streams: f.streams,
    mqtt: f.broker,
    keys: { get: async (id: string) => keys[id] as never },
    users: {
      get: async (id: string) => {
        if (!users[id]) throw new AppError('user.not_found', 404, 'no');
        return users[id] as never;
      },
    },
    onError: (e) => errors.push(e),
    now: () => NOW,
  });
  return { ...f, watcher, errors };
}

describe('live holders', () => {
  it('ends the streams of a suspended key, and only those', async () => {
    const a = { keyId: 'k1', userId: 'u1' };
    const b = { keyId: 'k2', userId: 'u1' };
    const h = holders([a, b], { k1: key('suspended'), k2: key('active') }, { u1: key('active') });
    await h.watcher.sweep();
    expect(h.ended).toEqual([{ holder: a, reason: 'key_suspended' }]);
    expect(h.mqtt).toEqual([{ holder: { keyId: 'k1' }, code: 'auth.key_suspended' }]);
    h.watcher.close();
  });

  it('leaves a key whose suspension has ended, and closes a revoked or deleted one', async () => {
    const lapsed = { keyId: 'k1' };
    const revoked = { keyId: 'k2' };
    const gone = { keyId: 'k3' };
    const h = holders(
      [lapsed, revoked, gone],
      { k1: key('suspended', '2026-03-01T11:00:00.000Z'), k2: key('revoked') },
      {},
    );
    await h.watcher.sweep();
    expect(h.ended.map((e) => [e.holder, e.reason])).toEqual([
      [revoked, 'key_revoked'],
      [gone, 'key_revoked'],
    ]);
    h.watcher.close();
  });

  it('ends every stream of a suspended or closed account, sessions included', async () => {
    const byKey = { keyId: 'k1', userId: 'u1' };
    const bySession = { userId: 'u1' };
    const closed = { userId: 'u2' };
    const other = { userId: 'u3' };
    const h = holders(
      [byKey, bySession, closed, other],
      { k1: key('active') },
      { u1: key('suspended', '2026-04-01T00:00:00.000Z'), u2: key('revoked'), u3: key('active') },
    );
    h.watcher.onForget({ userId: 'u1' });
    h.watcher.onForget({ userId: 'u2' });
    h.watcher.onForget({ userId: 'u3' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(h.ended.map((e) => [e.holder, e.reason])).toEqual([
      [byKey, 'account_suspended'],
      [bySession, 'account_suspended'],
      [closed, 'account_revoked'],
    ]);
    expect(h.errors).toEqual([]);
    h.watcher.close();
  });

  it('asks nothing about a change that concerns no open stream', async () => {
    let asked = 0;
    const f = fakes([{ keyId: 'k1' }]);
    const watcher = liveHolders({
      streams: f.streams,
      mqtt: undefined,
      keys: {
        get: async () => {
          asked++;
          return undefined;
        },
      },
      users: {
        get: async () => {
          asked++;
          return key('active') as never;
        },
      },
      onError: () => undefined,
    });
    watcher.onForget({ keyId: 'k9', userId: 'u9' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked).toBe(0);
    watcher.close();
  });
});
