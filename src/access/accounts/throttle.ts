/**
 * Brakes on guessing passwords, kept in memory on each node:
 *
 * - per client address, a slow-down: after {@link SlowDownOptions.freeFailures} failed sign-ins within the
 *   window, every further attempt from that address waits before it is looked at, twice as long each time, up to a
 *   cap. Attempts still running count as failures, so that a burst of parallel guesses is slowed down too.
 * - per unknown email address, the same lockout rule that accounts have in the database (five failures, fifteen
 *   minutes), so that the lockout answer does not tell which addresses have an account.
 *
 * Clocks and the sleep are injected so that the tests can drive them.
 */

/** Consecutive failed sign-ins that lock an account, and for how long. */
export const LOCKOUT = { after: 5, ms: 15 * 60_000 } as const;

export interface SlowDownOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Failures older than this are forgotten. */
  windowMs?: number;
  /** Failures within the window that cost nothing. */
  freeFailures?: number;
  /** The wait after the first failure beyond the free ones; it doubles with every further failure. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Addresses remembered at most; the least recently seen are forgotten first. */
  maxClients?: number;
}

const DEFAULTS = {
  windowMs: 15 * 60_000,
  freeFailures: 3,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  maxClients: 10_000,
} satisfies Omit<Required<SlowDownOptions>, 'now' | 'sleep'>;

/** The wait before an attempt, given the failures (and attempts in flight) counted against the address. */
export function delayAfter(
  failures: number,
  options: Pick<SlowDownOptions, 'freeFailures' | 'baseDelayMs' | 'maxDelayMs'> = {},
): number {
  const { freeFailures, baseDelayMs, maxDelayMs } = { ...DEFAULTS, ...options };
  if (failures < freeFailures) return 0;
  // 2 ** 30 is far past any cap; stopping there keeps the arithmetic finite.
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(30, failures - freeFailures));
}

export interface Attempt {
  /** How long the attempt waited before it went ahead, in milliseconds. */
  waited: number;
  /** Counts the attempt as a failure of its address. */
  failed(): void;
  /** Ends the attempt; call once, whatever the outcome (a `finally`). */
  done(): void;
}

interface Client {
  failures: number[];
  pending: number;
}

export function slowDown(options: SlowDownOptions = {}) {
  const { windowMs, maxClients } = { ...DEFAULTS, ...options };
  const now = options.now ?? Date.now;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref()));
  const clients = new Map<string, Client>();

  function client(address: string): Client {
    const since = now() - windowMs;
    let entry = clients.get(address);
    if (entry) {
      clients.delete(address);
      entry.failures = entry.failures.filter((at) => at > since);
    } else {
      entry = { failures: [], pending: 0 };
    }
    // Re-inserted: the map's order is the order in which addresses were last seen.
    clients.set(address, entry);
    for (const [key, other] of clients) {
      if (clients.size <= maxClients) break;
      if (other.pending === 0) clients.delete(key);
    }
    return entry;
  }

  return {
    /** The wait the next attempt from an address would get, in milliseconds. */
    delayFor(address: string): number {
      const entry = client(address);
      return delayAfter(entry.failures.length + entry.pending, options);
    },

    /** Waits as long as the address has earned, then lets the attempt go ahead. */
    async attempt(address: string): Promise<Attempt> {
      const entry = client(address);
      const waited = delayAfter(entry.failures.length + entry.pending, options);
      entry.pending += 1;
      let open = true;
      try {
        if (waited > 0) await sleep(waited);
      } catch (error) {
        entry.pending -= 1;
        throw error;
      }
      return {
        waited,
        failed: () => void client(address).failures.push(now()),
        done() {
          if (!open) return;
          open = false;
          entry.pending -= 1;
        },
      };
    },

    /** Forgets every address (tests). */
    clear: () => clients.clear(),
  };
}

export type SlowDown = ReturnType<typeof slowDown>;

/**
 * The lockout rule for addresses that have no account: the same count and the same pause as a real account's,
 * so that a locked answer says nothing about whether the account exists.
 */
export function unknownAccountLockout(options: { now?: () => number; maxAddresses?: number } = {}) {
  const now = options.now ?? Date.now;
  const maxAddresses = options.maxAddresses ?? 10_000;
  const entries = new Map<string, { failures: number; lockedUntil: number }>();

  function entry(email: string) {
    const found = entries.get(email);
    if (found && found.lockedUntil !== 0 && found.lockedUntil <= now()) {
      entries.delete(email);
      return undefined;
    }
    return found;
  }

  return {
    /** When the address is locked now: until when (ISO 8601). */
    lockedUntil(email: string): string | undefined {
      const found = entry(email);
      return found && found.lockedUntil > now() ? new Date(found.lockedUntil).toISOString() : undefined;
    },

    /** Counts a failure; returns the end of the lock when this failure locked the address. */
    failed(email: string): string | undefined {
      const found = entry(email) ?? { failures: 0, lockedUntil: 0 };
      entries.delete(email);
      found.failures += 1;
      if (found.failures >= LOCKOUT.after) found.lockedUntil = now() + LOCKOUT.ms;
      entries.set(email, found);
      if (entries.size > maxAddresses) entries.delete(entries.keys().next().value!);
      return found.lockedUntil ? new Date(found.lockedUntil).toISOString() : undefined;
    },
  };
}

export type UnknownAccountLockout = ReturnType<typeof unknownAccountLockout>;
