/** Who is asking, as the desk sees them: staff with their roles and departments, or the public. */
import { hasRole, isStaff, type Principal } from '../../access/principal.js';
import type { DeskViewer } from './records.types.js';

/**
 * The desk's viewer of a principal: the Clerk and admins run the whole desk, stewards their departments'
 * requests; anyone else (developers, anonymous callers) is the public. The admin token acts with no account
 * (an empty user id: the audit log records it as the token).
 */
export function deskViewerOf(principal: Principal, ip: string | null = null): DeskViewer {
  if (!isStaff(principal)) return { kind: 'public' };
  return {
    kind: 'staff',
    userId: principal.user?.id ?? '',
    name: principal.user?.name || principal.user?.email || 'admin token',
    clerk: hasRole(principal, 'clerk'),
    admin: hasRole(principal, 'admin'),
    departments: [...principal.departments],
    ip,
  };
}
