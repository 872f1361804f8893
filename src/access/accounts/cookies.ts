/** The cookies of signing in: the session cookie, and the OpenID Connect flow's short-lived state. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { secureCookies } from '../form-token.js';
import { SESSION_COOKIE } from '../sessions/sessions.service.js';
import type { PendingSignIn } from './oidc.client.js';

export const OIDC_COOKIE = 'plaza_oidc';
const OIDC_PATH = '/signin/oidc';
/** How long a browser may spend at the identity provider. */
const OIDC_MAX_AGE_S = 600;

/** HttpOnly, SameSite=Lax (sent when following a link from elsewhere, not with cross-site posts), Secure on TLS. */
export function setSessionCookie(reply: FastifyReply, value: string, publicUrl: string): void {
  reply.setCookie(SESSION_COOKIE, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(publicUrl),
  });
}

export function clearSessionCookie(reply: FastifyReply, publicUrl: string): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(publicUrl),
  });
}

/** Lax, so that the browser sends it back on the provider's redirect to the callback. */
export function setPendingCookie(reply: FastifyReply, pending: PendingSignIn, publicUrl: string): void {
  reply.setCookie(OIDC_COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
    path: OIDC_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(publicUrl),
    maxAge: OIDC_MAX_AGE_S,
  });
}

export function clearPendingCookie(reply: FastifyReply, publicUrl: string): void {
  reply.clearCookie(OIDC_COOKIE, {
    path: OIDC_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(publicUrl),
  });
}

/** The pending sign-in the browser brought back, or undefined when it has none or it is malformed. */
export function pendingOf(request: FastifyRequest): PendingSignIn | undefined {
  const raw = request.cookies?.[OIDC_COOKIE];
  if (!raw || raw.length > 2000) return undefined;
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<PendingSignIn>;
    const ok = [value.state, value.nonce, value.verifier].every((v) => typeof v === 'string' && v.length > 0);
    if (!ok) return undefined;
    return {
      state: value.state!,
      nonce: value.nonce!,
      verifier: value.verifier!,
      ...(typeof value.next === 'string' ? { next: value.next } : {}),
    };
  } catch {
    return undefined;
  }
}
