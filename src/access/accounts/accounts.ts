/**
 * Sign-in and staff accounts, wired once from the access services: used by the HTTP routes and by
 * `plaza users`. The slow-down lives in this process's memory; one set of accounts per app.
 */
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Access } from '../access.js';
import { usersRepo } from '../users/users.repo.js';
import { accountsRepo } from './accounts.repo.js';
import { emailTokensRepo } from '../users/email-tokens.repo.js';
import { oidcClient } from './oidc.client.js';
import { oidcAccounts } from './oidc.service.js';
import { resetService } from './reset.service.js';
import { signInService } from './signin.service.js';
import { staffService } from './staff.service.js';
import { slowDown, unknownAccountLockout, type SlowDown } from './throttle.js';

export interface AccountsOptions {
  slowDown?: SlowDown;
  now?: () => Date;
}

export function createAccounts(
  {
    config,
    db,
    access,
  }: {
    config: Pick<Config, 'publicUrl' | 'cityName' | 'oidc'>;
    db: Pick<Database, 'kysely'>;
    access: Pick<Access, 'users' | 'sessions' | 'audit' | 'outbox' | 'forget'>;
  },
  options: AccountsOptions = {},
) {
  const now = options.now ?? (() => new Date());
  const repo = accountsRepo(db);
  const users = usersRepo(db);
  const signIn = signInService({
    users: access.users,
    usersRepo: users,
    sessions: access.sessions,
    audit: access.audit,
    repo,
    slowDown: options.slowDown ?? slowDown(),
    unknown: unknownAccountLockout({ now: () => now().getTime() }),
    now,
  });
  const reset = resetService({
    users: access.users,
    usersRepo: users,
    sessions: access.sessions,
    audit: access.audit,
    outbox: access.outbox,
    repo: emailTokensRepo(db),
    publicUrl: config.publicUrl,
    cityName: config.cityName,
    now,
  });
  const staff = staffService({
    users: access.users,
    repo,
    audit: access.audit,
    reset,
    forget: (message) => access.forget(message),
  });
  const oidc = config.oidc && {
    label: config.oidc.label,
    client: oidcClient(config.oidc, `${config.publicUrl}/signin/oidc/callback`),
    accounts: oidcAccounts({
      users: access.users,
      usersRepo: users,
      repo,
      audit: access.audit,
      signIn,
      defaultRole: config.oidc.defaultRole,
      now,
    }),
  };
  return { signIn, reset, staff, oidc };
}

export type Accounts = ReturnType<typeof createAccounts>;
