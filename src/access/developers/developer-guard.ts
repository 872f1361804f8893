/**
 * Who may use the self-service account routes: a developer, signed in (pages: a browser session only; the JSON
 * API: a session with its CSRF header, or one of the account's own API keys).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isStaff } from '../principal.js';
import { developerErrors } from './developer-errors.js';
import type { Actor } from './developer-keys.service.js';

const actorOf = (request: FastifyRequest): Actor => ({
  userId: request.principal.user!.id,
  email: request.principal.user!.email,
  ip: request.ip,
});

/** The developer behind a JSON request; auth.required or account.developers_only otherwise. */
export function apiDeveloper(request: FastifyRequest): Actor {
  const p = request.principal;
  if (p.via === 'anonymous') throw developerErrors.signInRequired();
  if ((p.via !== 'session' && p.via !== 'api_key') || p.user?.kind !== 'developer' || isStaff(p))
    throw developerErrors.developersOnly();
  return actorOf(request);
}

/**
 * The developer behind a page request, or undefined after sending them elsewhere: to the sign-in page when no
 * browser session is signed in, to the staff console when it is a member of staff.
 */
export function pageDeveloper(request: FastifyRequest, reply: FastifyReply): Actor | undefined {
  const p = request.principal;
  if (!request.session || p.via !== 'session' || !p.user) {
    void reply.redirect(`/signin?next=${encodeURIComponent(request.url.split('?')[0] ?? '/account')}`, 303);
    return undefined;
  }
  if (p.user.kind !== 'developer' || isStaff(p)) {
    void reply.redirect('/staff', 303);
    return undefined;
  }
  return actorOf(request);
}
