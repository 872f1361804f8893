import type { Principal } from '../principal.js';

/** Who acted, as the audit log records it. */
export interface Actor {
  actorId: string | null;
  actor: string;
  ip: string | null;
}

/** The audit log's actor for a request's principal: the account (by id and email) or the automation token. */
export function actorOf(principal: Principal, ip: string | null): Actor {
  if (principal.user) return { actorId: principal.user.id, actor: principal.user.email, ip };
  if (principal.via === 'admin_token') return { actorId: null, actor: 'admin token', ip };
  return { actorId: null, actor: 'anonymous', ip };
}

/** The actor of work done by Plaza itself (the command line, scheduled jobs). */
export const SYSTEM_ACTOR: Actor = { actorId: null, actor: 'system', ip: null };
