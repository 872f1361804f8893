/**
 * Accounts: staff (with roles) and developers (with a rate-limit tier). Sign-in flows live in
 * src/access/accounts; this is the record and the rules about it.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import { hashPassword, passwordProblem } from '../passwords.js';
import { highestTier, ROLES, TIERS, type Role, type Tier, type UserKind } from '../principal.js';
import type { UserRow, UsersRepo } from './users.repo.js';

export interface RoleAssignment {
  role: Role;
  /** Required for stewards: the department they speak for. */
  department?: string;
}

export interface NewUser {
  email: string;
  name?: string;
  kind: UserKind;
  password?: string;
  roles?: readonly RoleAssignment[];
  /** The address is known to work (created by an admin, or confirmed by the identity provider). */
  verified?: boolean;
  termsVersion?: string;
  oidcSubject?: string;
  tier?: Tier;
}

/** An account as the APIs show it: never a hash. */
export interface User {
  id: string;
  email: string;
  name: string;
  kind: UserKind;
  roles: RoleAssignment[];
  tier: Tier;
  status: 'active' | 'suspended' | 'revoked';
  statusReason: string | null;
  statusUntil: string | null;
  emailVerified: boolean;
  termsAcceptedAt: string | null;
  createdAt: string;
  lastLoginAt: string | null;
}

/** What a user may do right now: roles, stewarded departments, granted datasets and effective tier. */
export interface Standing {
  roles: Role[];
  departments: string[];
  grants: Set<string>;
  tier: Tier;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const userErrors = {
  notFound: (id: string) => new AppError('user.not_found', 404, `No account "${id}".`, { id }),
  emailTaken: (email: string) =>
    new AppError(
      'user.email_taken',
      409,
      `An account with the email ${email} already exists; sign in instead.`,
      {
        email,
      },
    ),
  invalid: (field: string, message: string) =>
    new AppError('user.invalid', 422, `${field}: ${message}.`, { problems: [{ field, message }] }),
};

export function presentUser(row: UserRow, roles: readonly { role: string; department_id: string }[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    kind: row.kind as UserKind,
    roles: roles.map((r) => ({
      role: r.role as Role,
      ...(r.department_id ? { department: r.department_id } : {}),
    })),
    tier: row.tier as Tier,
    status: row.status as User['status'],
    statusReason: row.status_reason,
    statusUntil: row.status_until,
    emailVerified: row.email_verified_at !== null,
    termsAcceptedAt: row.terms_accepted_at,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

export function usersService({
  repo,
  departmentExists,
  now = () => new Date(),
}: {
  repo: UsersRepo;
  departmentExists: (id: string) => Promise<boolean>;
  now?: () => Date;
}) {
  async function checkRoles(kind: UserKind, roles: readonly RoleAssignment[]): Promise<void> {
    if (kind === 'developer' && roles.length)
      throw userErrors.invalid('roles', 'developer accounts have no staff roles');
    for (const r of roles) {
      if (!ROLES.includes(r.role)) throw userErrors.invalid('role', `use one of ${ROLES.join(', ')}`);
      if (r.role === 'steward' && !r.department)
        throw userErrors.invalid('department', 'a steward needs the department they speak for');
      if (r.role !== 'steward' && r.department)
        throw userErrors.invalid('department', `only stewards are scoped to a department, not ${r.role}s`);
      if (r.department && !(await departmentExists(r.department)))
        throw userErrors.invalid('department', `no department "${r.department}"; see /api/v1/departments`);
    }
  }

  const roleRows = (userId: string, roles: readonly RoleAssignment[]) =>
    roles.map((r) => ({ user_id: userId, role: r.role, department_id: r.department ?? '' }));

  async function get(id: string): Promise<User> {
    const row = await repo.find(id);
    if (!row) throw userErrors.notFound(id);
    return presentUser(row, await repo.roles(id));
  }

  return {
    async create(input: NewUser): Promise<User> {
      const email = input.email.trim().toLowerCase();
      if (!EMAIL.test(email) || email.length > 254)
        throw userErrors.invalid('email', 'give a valid email address');
      if (input.password !== undefined) {
        const problem = passwordProblem(input.password, email);
        if (problem) throw userErrors.invalid('password', problem);
      }
      const roles = input.roles ?? [];
      await checkRoles(input.kind, roles);
      if (input.tier !== undefined && !TIERS.includes(input.tier))
        throw userErrors.invalid('tier', 'unknown tier');
      if (await repo.findByEmail(email)) throw userErrors.emailTaken(email);
      const at = now().toISOString();
      const id = randomUUID();
      await repo.insert(
        {
          id,
          email,
          name: (input.name ?? '').trim().slice(0, 200),
          kind: input.kind,
          password_hash: input.password !== undefined ? await hashPassword(input.password) : null,
          oidc_subject: input.oidcSubject ?? null,
          email_verified_at: input.verified ? at : null,
          terms_accepted_at: input.termsVersion ? at : null,
          terms_version: input.termsVersion ?? null,
          tier: input.tier ?? 'standard',
          status: 'active',
          status_reason: null,
          status_until: null,
          failed_logins: 0,
          locked_until: null,
          last_login_at: null,
          created_at: at,
          updated_at: at,
        },
        roleRows(id, roles),
      );
      return get(id);
    },

    get,

    async findByEmail(email: string): Promise<User | undefined> {
      const row = await repo.findByEmail(email.trim());
      return row ? presentUser(row, await repo.roles(row.id)) : undefined;
    },

    async list(kind?: UserKind): Promise<User[]> {
      const [rows, roles] = await Promise.all([repo.list(kind), repo.allRoles()]);
      return rows.map((row) =>
        presentUser(
          row,
          roles.filter((r) => r.user_id === row.id),
        ),
      );
    },

    async setRoles(id: string, roles: readonly RoleAssignment[]): Promise<User> {
      const user = await get(id);
      await checkRoles(user.kind, roles);
      await repo.setRoles(id, roleRows(id, roles));
      await repo.update(id, { updated_at: now().toISOString() });
      return get(id);
    },

    async setPassword(id: string, password: string): Promise<void> {
      const user = await get(id);
      const problem = passwordProblem(password, user.email);
      if (problem) throw userErrors.invalid('password', problem);
      await repo.update(id, {
        password_hash: await hashPassword(password),
        failed_logins: 0,
        locked_until: null,
        updated_at: now().toISOString(),
      });
    },

    /**
     * What the account may do now, or undefined when it may do nothing: revoked, or suspended (a suspension
     * with an end date lapses by itself).
     */
    async standing(id: string): Promise<Standing | undefined> {
      const row = await repo.find(id);
      if (!row || !isActive(row, now())) return undefined;
      const at = now().toISOString();
      const [roles, grants] = await Promise.all([repo.roles(id), repo.activeGrants(id, at)]);
      return {
        roles: [...new Set(roles.map((r) => r.role as Role))],
        departments: roles.filter((r) => r.role === 'steward').map((r) => r.department_id),
        grants: new Set(grants.flatMap((g) => (g.dataset_id ? [g.dataset_id] : []))),
        tier: highestTier(row.tier as Tier, ...grants.flatMap((g) => (g.tier ? [g.tier as Tier] : []))),
      };
    },
  };
}

/** Whether an account may act at an instant. */
export function isActive(row: Pick<UserRow, 'status' | 'status_until'>, at: Date): boolean {
  if (row.status === 'active') return true;
  if (row.status === 'suspended' && row.status_until !== null) return row.status_until <= at.toISOString();
  return false;
}

export type UsersService = ReturnType<typeof usersService>;
