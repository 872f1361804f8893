/**
 * The access signals over Redis pub/sub: a credential change (a key revoked, a user suspended) reaches the
 * caches of every node at once instead of after their few seconds of life.
 *
 * The node that publishes tells its own listeners first, synchronously, then the others through Redis; it
 * ignores its own message coming back. A message published while Redis is away is sent when it is back (it
 * waits in the connection's queue); a node that was cut off misses what was sent meanwhile, and its caches
 * then forget by themselves within seconds.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { AccessSignals, ForgetMessage } from '../authenticate.js';
import type { StoreLog } from './redis-store.js';

export const SIGNALS_CHANNEL = 'plaza:access:forget';

export interface ClosableSignals extends AccessSignals {
  /** Resolves true once this node listens to the other nodes (false when Redis could not be reached). */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

/** The message a node sent, or undefined when it is not one of ours. */
function parse(text: string): { origin: string; message: ForgetMessage } | undefined {
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value.origin !== 'string') return undefined;
    const message: ForgetMessage = {};
    if (typeof value.userId === 'string') message.userId = value.userId;
    if (typeof value.keyId === 'string') message.keyId = value.keyId;
    return message.userId || message.keyId ? { origin: value.origin, message } : undefined;
  } catch {
    return undefined;
  }
}

export function redisSignals(url: string, { log }: { log?: StoreLog } = {}): ClosableSignals {
  const origin = randomUUID();
  const listeners = new Set<(message: ForgetMessage) => void>();
  const options = {
    connectTimeout: 2_000,
    retryStrategy: (attempt: number) => Math.min(attempt * 250, 5_000),
  };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, options);
  let lastWarning = 0;
  const warn = (error: unknown) => {
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    log?.warn(
      { err: error instanceof Error ? { message: error.message } : error },
      'Redis cannot be reached: credential changes reach the other nodes when their caches expire',
    );
  };
  publisher.on('error', warn);
  subscriber.on('error', warn);

  const deliver = (message: ForgetMessage) => {
    for (const listener of listeners) listener(message);
  };
  subscriber.on('message', (channel: string, text: string) => {
    if (channel !== SIGNALS_CHANNEL) return;
    const received = parse(text);
    if (received && received.origin !== origin) deliver(received.message);
  });
  // ioredis subscribes again by itself after a reconnection.
  const listening = subscriber.subscribe(SIGNALS_CHANNEL).then(
    () => true,
    (error: unknown) => {
      warn(error);
      return false;
    },
  );

  return {
    publish(message) {
      deliver(message);
      publisher.publish(SIGNALS_CHANNEL, JSON.stringify({ origin, ...message })).catch(warn);
    },
    subscribe(listener) {
      listeners.add(listener);
    },
    ready: () => listening,
    async close() {
      listeners.clear();
      await Promise.all(
        [publisher, subscriber].map((connection) =>
          connection.status === 'ready'
            ? connection.quit().then(
                () => undefined,
                () => connection.disconnect(),
              )
            : connection.disconnect(),
        ),
      );
    },
  };
}
