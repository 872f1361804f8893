/** Who is working on the desk, as the desk sees them: the signed-in member of staff with their roles. */
import type { FastifyRequest } from 'fastify';
import { errors } from '../../errors.js';
import { deskViewerOf } from '../records/records.viewer.js';
import type { DeskViewer, RequestSummary } from '../records/records.types.js';
import type { Guards } from '../../http/guards.js';

export type StaffViewer = Extract<DeskViewer, { kind: 'staff' }>;

/** The desk's viewer of a request that passed the staff pages' guard. */
export function staffViewerOf(guards: Guards, request: FastifyRequest): StaffViewer {
  const viewer = deskViewerOf(guards.principal(request), request.ip);
  if (viewer.kind !== 'staff') throw errors.forbidden('The records desk is for city staff.');
  return viewer;
}

/** The Clerk and admins see and do everything; department staff work on their departments' requests. */
export const seesAll = (viewer: StaffViewer) => viewer.clerk || viewer.admin;

/** Whether reminders of a request are paused (the detail says so; a summary may, when the desk adds it). */
export const isPaused = (request: RequestSummary): boolean =>
  (request as RequestSummary & { paused?: boolean }).paused === true;
