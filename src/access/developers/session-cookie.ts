import type { FastifyReply, FastifyRequest } from 'fastify';
import { setSessionCookie } from '../accounts/cookies.js';
import type { Session, SessionsService } from '../sessions/sessions.service.js';

/**
 * Signs a browser in after it confirmed its address: a new session (never the one it came with, which ends),
 * in the same cookie the sign-in page sets.
 */
export async function startSession(
  request: FastifyRequest,
  reply: FastifyReply,
  { sessions, publicUrl, userId }: { sessions: SessionsService; publicUrl: string; userId: string },
): Promise<Session> {
  if (request.session) await sessions.end(request.session.id);
  const agent = request.headers['user-agent'];
  const { cookie, session } = await sessions.start(userId, {
    ip: request.ip,
    ...(agent ? { userAgent: agent } : {}),
  });
  setSessionCookie(reply, cookie, publicUrl);
  return session;
}
