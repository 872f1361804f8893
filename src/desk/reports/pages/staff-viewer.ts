/** Who is working on quality reports, as the desk sees them: the signed-in member of staff and their departments. */
import type { FastifyRequest } from 'fastify';
import { hasRole, isStaff } from '../../../access/principal.js';
import { errors } from '../../../errors.js';
import type { Guards } from '../../../http/guards.js';
import type { ReportViewer } from '../reports.types.js';

export type ReportStaffViewer = Extract<ReportViewer, { kind: 'staff' }>;

/** The desk's viewer of a request that passed the staff pages' guard. */
export function reportStaffViewerOf(guards: Guards, request: FastifyRequest): ReportStaffViewer {
  const principal = guards.principal(request);
  if (!isStaff(principal)) throw errors.forbidden('Quality reports are worked on by city staff.');
  return {
    kind: 'staff',
    userId: principal.user?.id ?? '',
    name: principal.user?.name || principal.user?.email || 'admin token',
    admin: hasRole(principal, 'admin'),
    departments: [...principal.departments],
    ip: request.ip,
  };
}
