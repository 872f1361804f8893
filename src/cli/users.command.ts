/** `plaza users`: staff accounts from the command line, starting with the first admin. */
import { randomBytes } from 'node:crypto';
import { createAccounts } from '../access/accounts/accounts.js';
import type { Actor } from '../access/accounts/reset.service.js';
import { ROLES, type Role } from '../access/principal.js';
import type { RoleAssignment, User } from '../access/users/users.service.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { createServices } from '../services.js';
import type { Command } from './command.js';

const USAGE = `Usage: plaza users <action> [options]

Staff accounts and their roles (${ROLES.join(', ')}). The first admin is created here; admins create the
others here or with the admin API (/api/v1/users). Every change is written to the audit log as "cli".

  plaza users create --email <address> --name <name> --role <role> [--department <id>]... [--password-stdin]
      Creates a staff account. Stewards need a --department (repeat it for several). Without --password-stdin a
      strong password is generated and printed once; with it, the password is read from standard input
      (passwords never go on the command line, where other users of the machine can see them).
  plaza users list [--json]
      Lists every account (staff and developers) with roles and status.
  plaza users roles <email> --role <role>... [--department <id>]...
      Replaces the roles of a staff account. It takes effect within seconds, also on running servers.
  plaza users reset-password <email>
      Prints a one-time link to choose a new password (valid one hour); nothing is emailed.`;

const ACTIONS = ['create', 'list', 'roles', 'reset-password'] as const;
type Action = (typeof ACTIONS)[number];

const CLI: Actor = { actorId: null, actor: 'cli' };

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string',
  );

/** --role and --department as role rows: each steward role once per department. */
export function roleAssignments(roles: string[], departments: string[]): RoleAssignment[] | string {
  if (roles.length === 0) return `give at least one --role (${ROLES.join(', ')})`;
  const unknown = roles.find((r) => !ROLES.includes(r as Role));
  if (unknown) return `unknown role "${unknown}"; use one of ${ROLES.join(', ')}`;
  const stewards = roles.includes('steward');
  if (stewards && departments.length === 0)
    return 'a steward needs --department <id> (see /api/v1/departments)';
  if (!stewards && departments.length > 0) return 'only stewards take --department';
  return [...new Set(roles)].flatMap((role) =>
    role === 'steward'
      ? [...new Set(departments)].map((department) => ({ role: 'steward' as const, department }))
      : [{ role: role as Role }],
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is the end of the line, not part of the password (echo, printf '%s\n').
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const describeRoles = (user: User) =>
  user.roles.map((r) => (r.department ? `${r.role}:${r.department}` : r.role)).join(',') || '-';

function table(users: User[]): string {
  const rows = [
    ['EMAIL', 'KIND', 'ROLES', 'STATUS', 'LAST SIGN-IN'],
    ...users.map((u) => [u.email, u.kind, describeRoles(u), u.status, u.lastLoginAt ?? 'never']),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export const usersCommand: Command = {
  usage: USAGE,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', multiple: true },
    department: { type: 'string', multiple: true },
    'password-stdin': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run({ config, values, positionals }) {
    const [action, target] = positionals as [Action | undefined, string | undefined];
    if (!action || !ACTIONS.includes(action)) {
      console.error(USAGE);
      return 2;
    }
    const fail = (message: string) => {
      console.error(`plaza users ${action}: ${message}`);
      return 2;
    };
    const roles =
      action === 'create' || action === 'roles'
        ? roleAssignments(strings(values.role), strings(values.department))
        : [];
    if (typeof roles === 'string') return fail(roles);
    if (action === 'create' && (typeof values.email !== 'string' || typeof values.name !== 'string'))
      return fail('give --email <address> and --name <name>');
    if ((action === 'roles' || action === 'reset-password') && !target)
      return fail('give the email address of the account');

    let password: string | undefined;
    let generated = false;
    if (action === 'create') {
      if (values['password-stdin']) password = await readStdin();
      else {
        password = randomBytes(18).toString('base64url');
        generated = true;
      }
    }

    const db = openDatabase(config);
    try {
      await migrateToLatest(db);
      const services = createServices(config, db);
      const accounts = createAccounts({ config, db, access: services.access });
      const users = services.access.users;
      const print = (value: unknown) => console.log(JSON.stringify(value, null, 2));
      switch (action) {
        case 'create': {
          const user = await accounts.staff.create(
            { email: values.email as string, name: values.name as string, roles, password },
            CLI,
          );
          print(user);
          if (generated)
            console.log(`\npassword (shown once; hand it over safely and have it changed):\n${password}`);
          break;
        }
        case 'list': {
          const all = await users.list();
          console.log(values.json ? JSON.stringify(all, null, 2) : table(all));
          break;
        }
        case 'roles': {
          const user = await users.findByEmail(target!);
          if (!user) throw new AppError('user.not_found', 404, `No account with the email ${target}.`);
          print(await accounts.staff.setRoles(user.id, roles, CLI));
          break;
        }
        case 'reset-password': {
          const { user, link, expiresAt } = await accounts.reset.linkFor(target!, CLI);
          console.log(
            `One-time link for ${user.email} to choose a new password (works once, until ${expiresAt}):\n${link}`,
          );
          break;
        }
      }
      return 0;
    } catch (error) {
      if (error instanceof AppError) {
        console.error(`plaza users ${action}: ${error.message}`);
        return 1;
      }
      throw error;
    } finally {
      await db.close();
    }
  },
};
