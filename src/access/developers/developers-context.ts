/** The developer module's services, built once from the access module's, and what its routes share. */
import { usersRepo } from '../users/users.repo.js';
import { localDay } from '../access.js';
import type { RouteContext } from '../routes-context.js';
import { developerKeysService } from './developer-keys.service.js';
import { emailTokensRepo } from '../users/email-tokens.repo.js';
import { signUpService } from './signup.service.js';
import { verificationService } from './verification.service.js';

export function developersContext(ctx: RouteContext) {
  const { config, services } = ctx;
  const access = services.access;
  const site = { publicUrl: config.publicUrl, cityName: config.cityName };
  const verification = verificationService({
    tokens: emailTokensRepo(services.db),
    users: access.users,
    usersRepo: usersRepo(services.db),
    outbox: access.outbox,
    audit: access.audit,
    site,
  });
  const signUp = signUpService({
    users: access.users,
    verification,
    outbox: access.outbox,
    audit: access.audit,
    site,
    termsVersion: config.termsVersion,
  });
  const keys = developerKeysService({
    keys: access.keys,
    users: access.users,
    audit: access.audit,
    forget: (message) => access.forget(message),
    dayOf: localDay(config.timeZone),
  });
  return { ...ctx, verification, signUp, keys };
}

export type DevelopersContext = ReturnType<typeof developersContext>;
