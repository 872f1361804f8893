/**
 * CSRF tokens for every form. A signed-in browser's forms carry its session's token (checked by the
 * authentication hook). Forms used before signing in (sign-in, sign-up, password reset) use a double-submit
 * token: a random value in a SameSite=Strict, HttpOnly cookie that the form must echo; the route checks it with
 * `checkFormToken`.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authErrors } from './authenticate.js';
import { csrfMatches, csrfToken } from './sessions/sessions.service.js';

export const FORM_COOKIE = 'plaza_form';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Whether cookies should be marked Secure: behind TLS (the public URL is https). */
export const secureCookies = (publicUrl: string) => publicUrl.startsWith('https://');

/** The token a form rendered for this request must carry as `_csrf`. */
export function formToken(request: FastifyRequest, reply: FastifyReply, publicUrl: string): string {
  if (request.session) return csrfToken(request.session);
  const existing = request.cookies?.[FORM_COOKIE];
  if (existing && TOKEN_SHAPE.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(FORM_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookies(publicUrl),
    maxAge: 2 * 3600,
  });
  return token;
}

/** Throws auth.csrf unless the form's token matches the session's or the form cookie. */
export function checkFormToken(request: FastifyRequest, token: string | undefined): void {
  if (request.session) {
    if (!csrfMatches(request.session, token)) throw authErrors.csrf();
    return;
  }
  const cookie = request.cookies?.[FORM_COOKIE];
  if (!cookie || !token || !TOKEN_SHAPE.test(cookie)) throw authErrors.csrf();
  const a = Buffer.from(cookie);
  const b = Buffer.from(token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw authErrors.csrf();
}
