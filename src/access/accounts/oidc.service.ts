/**
 * Whose account an identity from the city's provider is: the account linked to its subject; else the account
 * with its email address, linked now when the provider confirmed the address; else a new staff account with
 * the configured default role. Suspended and revoked accounts are refused here as with passwords.
 */
import type { AuditService } from '../audit/audit.service.js';
import { authErrors } from '../authenticate.js';
import type { UsersRepo } from '../users/users.repo.js';
import { isActive, type UsersService } from '../users/users.service.js';
import { accountErrors } from './accounts.errors.js';
import type { AccountsRepo } from './accounts.repo.js';
import type { OidcIdentity } from './oidc.client.js';
import type { ClientMeta, SignedIn, SignInService } from './signin.service.js';

export interface OidcAccountsDeps {
  users: Pick<UsersService, 'create'>;
  usersRepo: Pick<UsersRepo, 'find' | 'findByEmail' | 'findBySubject'>;
  repo: Pick<AccountsRepo, 'linkSubject'>;
  audit: Pick<AuditService, 'record'>;
  signIn: Pick<SignInService, 'startSession'>;
  defaultRole: 'viewer' | 'clerk';
  now?: () => Date;
}

export function oidcAccounts({
  users,
  usersRepo,
  repo,
  audit,
  signIn,
  defaultRole,
  now = () => new Date(),
}: OidcAccountsDeps) {
  /** The account of an identity, linking or creating it. */
  async function accountOf(identity: OidcIdentity, meta: ClientMeta): Promise<string> {
    const linked = await usersRepo.findBySubject(identity.subject);
    if (linked) return linked.id;
    if (!identity.email) throw accountErrors.oidcNoEmail();
    const existing = await usersRepo.findByEmail(identity.email);
    if (existing) {
      if (existing.oidc_subject) throw accountErrors.oidcSubjectConflict(existing.email);
      if (!identity.emailVerified) throw accountErrors.oidcEmailUnverified(existing.email);
      await repo.linkSubject(existing.id, identity.subject, now().toISOString());
      await audit.record({
        action: 'user.oidc_link',
        actorId: existing.id,
        actor: existing.email,
        targetType: 'user',
        targetId: existing.id,
        ip: meta.ip,
        details: { email: existing.email, subject: identity.subject },
      });
      return existing.id;
    }
    const user = await users.create({
      email: identity.email,
      name: identity.name ?? '',
      kind: 'staff',
      roles: [{ role: defaultRole }],
      verified: identity.emailVerified,
      oidcSubject: identity.subject,
    });
    await audit.record({
      action: 'user.create',
      actorId: null,
      actor: 'identity provider',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      details: { email: user.email, kind: 'staff', roles: [defaultRole], subject: identity.subject },
    });
    return user.id;
  }

  return {
    /** Signs in the person the provider vouched for: a new session, as with a password. */
    async signInWith(
      identity: OidcIdentity,
      meta: ClientMeta & { previousSessionId?: string },
    ): Promise<SignedIn> {
      const userId = await accountOf(identity, meta);
      const row = await usersRepo.find(userId);
      if (!row || !isActive(row, now())) {
        await audit.record({
          action: 'user.sign_in_failed',
          actorId: userId,
          actor: row?.email ?? userId,
          targetType: 'user',
          targetId: userId,
          ip: meta.ip,
          details: { method: 'oidc', reason: row?.status ?? 'missing' },
        });
        throw authErrors.accountSuspended(row?.status === 'suspended' ? row.status_until : null);
      }
      return signIn.startSession(userId, meta, 'oidc');
    },
  };
}

export type OidcAccounts = ReturnType<typeof oidcAccounts>;
