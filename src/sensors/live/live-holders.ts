/**
 * Live connections held by an API key or an account that may no longer be used. When the access module says a
 * key or account changed (its signals reach every node: a suspension, a revocation), the SSE streams it holds
 * are checked against the database and those of a suspended or revoked key or account end with a final `end`
 * event saying why; MQTT clients connected with such a key are disconnected. A sweep every minute catches a
 * change whose signal this node missed (Redis away).
 */
import type { KeysService } from '../../access/keys/keys.service.js';
import type { UsersService } from '../../access/users/users.service.js';
import { AppError } from '../../errors.js';
import type { MqttBroker } from './mqtt-broker.js';
import type { LiveStreams, StreamHolder } from './sse-streams.js';

export const SWEEP_MS = 60_000;

export type HolderStop = 'key_suspended' | 'key_revoked' | 'account_suspended' | 'account_revoked';

export const STOP_MESSAGES: Record<HolderStop, string> = {
  key_suspended:
    'The API key of this stream was suspended. The notice sent to its holder says why and how to ask for a review.',
  key_revoked: 'The API key of this stream was revoked.',
  account_suspended:
    'The account of this stream was suspended. The notice sent to its holder says why and how to ask for a review.',
  account_revoked: 'The account of this stream was closed.',
};

/** Whether a status stops use at an instant (a suspension whose end has passed does not). */
function stopped(
  row: { status: string; statusUntil: string | null },
  at: Date,
): 'suspended' | 'revoked' | undefined {
  if (row.status === 'revoked') return 'revoked';
  if (row.status !== 'suspended') return undefined;
  return row.statusUntil !== null && row.statusUntil <= at.toISOString() ? undefined : 'suspended';
}

export function liveHolders({
  streams,
  mqtt,
  keys,
  users,
  onError,
  sweepMs = SWEEP_MS,
  now = () => new Date(),
}: {
  streams: Pick<LiveStreams, 'holders' | 'endHeld'>;
  mqtt: Pick<MqttBroker, 'disconnect'> | undefined;
  keys: Pick<KeysService, 'get'>;
  users: Pick<UsersService, 'get'>;
  onError: (error: unknown) => void;
  sweepMs?: number;
  now?: () => Date;
}) {
  async function keyStop(keyId: string): Promise<HolderStop | undefined> {
    const key = await keys.get(keyId);
    if (!key) return 'key_revoked';
    const why = stopped(key, now());
    return why && `key_${why}`;
  }

  async function accountStop(userId: string): Promise<HolderStop | undefined> {
    let user;
    try {
      user = await users.get(userId);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return 'account_revoked';
      throw error;
    }
    const why = stopped(user, now());
    return why && `account_${why}`;
  }

  /** Closes every live connection of a key, or of any key of an account, and of its sessions. */
  function disconnect(holder: StreamHolder, why: HolderStop): number {
    const message = STOP_MESSAGES[why];
    const matches = (h: StreamHolder) =>
      (holder.keyId !== undefined && h.keyId === holder.keyId) ||
      (holder.userId !== undefined && h.userId === holder.userId);
    const ended = streams.endHeld(matches, why, message);
    return ended + (mqtt?.disconnect(holder, { code: `auth.${why}`, message }) ?? 0);
  }

  /** Checks the key and account of a change, when they hold open streams. */
  async function check(changed: StreamHolder): Promise<void> {
    const held = streams.holders();
    if (changed.keyId && held.some((h) => h.keyId === changed.keyId)) {
      const why = await keyStop(changed.keyId);
      if (why) disconnect({ keyId: changed.keyId }, why);
    }
    if (changed.userId && held.some((h) => h.userId === changed.userId)) {
      const why = await accountStop(changed.userId);
      if (why) disconnect({ userId: changed.userId }, why);
    }
  }

  async function sweep(): Promise<void> {
    const held = streams.holders();
    for (const keyId of new Set(held.flatMap((h) => (h.keyId ? [h.keyId] : [])))) await check({ keyId });
    for (const userId of new Set(held.flatMap((h) => (h.userId ? [h.userId] : [])))) await check({ userId });
  }

  const timer = setInterval(() => void sweep().catch(onError), sweepMs);
  timer.unref();

  return {
    /** The listener of the access signals. */
    onForget(message: StreamHolder): void {
      void check(message).catch(onError);
    },
    disconnect,
    sweep,
    close(): void {
      clearInterval(timer);
    },
  };
}

export type LiveHolders = ReturnType<typeof liveHolders>;
