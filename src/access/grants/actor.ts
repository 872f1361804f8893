import { hasRole, type Principal } from '../principal.js';

/** Who acts on requests and agreements, as the services need to know it (they never see the HTTP request). */
export interface Actor {
  /** The account, or null for the automation token and the scheduler. */
  userId: string | null;
  /** Who, in words, for the audit log and notices: an email, `admin token`, `system`. */
  label: string;
  /** A name to show the other side ("Public Works steward Sam Lee" reads better than an email). */
  name: string;
  kind: 'staff' | 'developer' | 'system';
  admin: boolean;
  /** Departments this actor stewards. */
  departments: readonly string[];
  ip: string | null;
}

export const SYSTEM: Actor = {
  userId: null,
  label: 'system',
  name: 'the portal',
  kind: 'system',
  admin: true,
  departments: [],
  ip: null,
};

export function actorOf(principal: Principal, ip: string): Actor {
  const admin = hasRole(principal, 'admin');
  if (!principal.user)
    return { ...SYSTEM, label: principal.via === 'admin_token' ? 'admin token' : 'anonymous', admin, ip };
  return {
    userId: principal.user.id,
    label: principal.user.email,
    name: principal.user.name || principal.user.email,
    kind: principal.user.kind,
    admin,
    departments: principal.user.kind === 'staff' ? principal.departments : [],
    ip,
  };
}

/** Whether an actor decides for a department (admins decide for all, and alone for tiers: department null). */
export const decidesFor = (actor: Actor, departmentId: string | null) =>
  actor.admin || (departmentId !== null && actor.departments.includes(departmentId));
