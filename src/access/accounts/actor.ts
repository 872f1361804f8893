/** Who did something, for the audit log, and where the request came from. */
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../principal.js';
import type { Actor } from './reset.service.js';

export function actorOf(principal: Principal, ip?: string): Actor {
  const where = ip === undefined ? {} : { ip };
  if (principal.user) return { actorId: principal.user.id, actor: principal.user.email, ...where };
  if (principal.via === 'admin_token') return { actorId: null, actor: 'admin token', ...where };
  return { actorId: null, actor: 'anonymous', ...where };
}

/** The client's address and browser, as sessions record them. */
export function clientMeta(request: FastifyRequest): { ip: string; userAgent?: string } {
  const agent = request.headers['user-agent'];
  return { ip: request.ip, ...(agent ? { userAgent: agent } : {}) };
}
