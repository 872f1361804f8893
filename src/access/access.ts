/**
 * The access module's services, wired once: accounts, sessions, API keys, the authenticator that turns
 * credentials into principals, the audit log and the mail outbox.
 */
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { auditService } from './audit/audit.service.js';
import { createAuthenticator, localSignals, type AccessSignals } from './authenticate.js';
import { keysRepo } from './keys/keys.repo.js';
import { keysService } from './keys/keys.service.js';
import { outboxService } from './mail/outbox.service.js';
import { sessionsService } from './sessions/sessions.service.js';
import { usersRepo } from './users/users.repo.js';
import { usersService } from './users/users.service.js';

/** The city-local calendar day (YYYY-MM-DD) of an instant. */
export function localDay(timeZone: string): (at: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  // Every request made with a key asks, and formatting costs microseconds. Zone offsets are whole minutes
  // (for any date since the 1970s), so a local day never changes within a UTC minute: one answer a minute.
  let minute = Number.NaN;
  let day = '';
  return (at) => {
    const m = Math.floor(at.getTime() / 60_000);
    if (m !== minute) {
      minute = m;
      day = format.format(at);
    }
    return day;
  };
}

export function createAccess({
  config,
  db,
  departmentExists,
  signals = localSignals(),
}: {
  config: Pick<Config, 'timeZone'>;
  db: Database;
  departmentExists: (id: string) => Promise<boolean>;
  /** Closed with the access services when it can be (Redis connections). */
  signals?: AccessSignals & { close?(): Promise<void> };
}) {
  const users = usersService({ repo: usersRepo(db), departmentExists });
  const sessions = sessionsService({ db });
  const keys = keysService({ repo: keysRepo(db), dayOf: localDay(config.timeZone) });
  const authenticator = createAuthenticator({ users, keys });
  signals.subscribe((message) => authenticator.forget(message));
  const audit = auditService({ db });
  const outbox = outboxService({ db });
  return {
    users,
    sessions,
    keys,
    authenticator,
    audit,
    outbox,
    signals,
    /** Drops cached credentials of a user or key on every node (after a suspension, revocation, role change). */
    forget(message: { userId?: string; keyId?: string }): void {
      signals.publish(message);
    },
    async close(): Promise<void> {
      await keys.close();
      await signals.close?.();
    },
  };
}

export type Access = ReturnType<typeof createAccess>;
