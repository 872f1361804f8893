/**
 * Staff accounts as administrators manage them (the admin API and `plaza users`): creating an account, with an
 * invitation to choose a password when none is given, and changing roles. Role changes take effect on the next
 * request on every node (the credential caches are told to forget the account), and the last active admin
 * keeps the admin role.
 */
import type { AuditService } from '../audit/audit.service.js';
import type { ForgetMessage } from '../authenticate.js';
import type { RoleAssignment, User, UsersService } from '../users/users.service.js';
import { accountErrors } from './accounts.errors.js';
import type { AccountsRepo } from './accounts.repo.js';
import type { Actor, ResetService } from './reset.service.js';

export interface NewStaff {
  email: string;
  name: string;
  roles: readonly RoleAssignment[];
  /** Without one, the account gets an email with a link to choose it (or the CLI prints one). */
  password?: string;
}

export interface StaffDeps {
  users: Pick<UsersService, 'create' | 'get' | 'setRoles'>;
  repo: Pick<AccountsRepo, 'activeAdmins'>;
  audit: Pick<AuditService, 'record'>;
  reset: Pick<ResetService, 'invite'>;
  forget(message: ForgetMessage): void;
}

const describeRoles = (roles: readonly RoleAssignment[]) =>
  roles.map((r) => (r.department ? `${r.role}:${r.department}` : r.role));

export function staffService({ users, repo, audit, reset, forget }: StaffDeps) {
  return {
    /** Creates a staff account; `invite` mails a password link when no password was given. */
    async create(input: NewStaff, by: Actor, options: { invite?: boolean } = {}): Promise<User> {
      const user = await users.create({
        email: input.email,
        name: input.name,
        kind: 'staff',
        password: input.password,
        roles: input.roles,
        verified: true,
      });
      await audit.record({
        action: 'user.create',
        ...by,
        targetType: 'user',
        targetId: user.id,
        details: { email: user.email, kind: 'staff', roles: describeRoles(user.roles) },
      });
      if (input.password === undefined && options.invite) await reset.invite(user, by);
      return user;
    },

    /** Replaces the roles of a staff account. */
    async setRoles(userId: string, roles: readonly RoleAssignment[], by: Actor): Promise<User> {
      const before = await users.get(userId);
      const wasAdmin = before.roles.some((r) => r.role === 'admin');
      if (wasAdmin && !roles.some((r) => r.role === 'admin')) {
        const admins = await repo.activeAdmins();
        if (admins.length <= 1 && admins.includes(userId)) throw accountErrors.lastAdmin();
      }
      const after = await users.setRoles(userId, roles);
      forget({ userId });
      await audit.record({
        action: 'user.roles',
        ...by,
        targetType: 'user',
        targetId: userId,
        details: {
          email: after.email,
          before: describeRoles(before.roles),
          after: describeRoles(after.roles),
        },
      });
      return after;
    },
  };
}

export type StaffService = ReturnType<typeof staffService>;
