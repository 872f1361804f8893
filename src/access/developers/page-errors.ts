/**
 * Errors of the account pages as pages: a person with a browser gets a page that says what happened and where
 * to go next, in their language, with the error's status; anything that is not an AppError goes to the app's
 * error handler.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import type { T } from '../../web/i18n/index.js';
import type { PageContext } from '../../web/page-context.js';
import { MessagePage, type PageLink } from './pages/message-page.js';
import { developerErrorText } from './pages/problems.js';

function titleOf(error: AppError, t: T['account']): string {
  if (error.code === 'auth.csrf') return t.errFormExpired;
  if (error.code.startsWith('account.verify_')) return t.errLinkUnusable;
  if (error.status === 404) return t.errNotFound;
  if (error.status === 429) return t.errWait;
  if (error.status === 401 || error.status === 403) return t.errNotAllowed;
  return t.errNeedsFixing;
}

export function installPageErrors(scope: FastifyInstance, pages: PageContext): void {
  scope.setErrorHandler((error, request, reply) => {
    if (!(error instanceof AppError)) throw error;
    const site = pages.site(request, { localized: true });
    const t = site.t.account;
    const signedIn = request.session !== undefined;
    const links: PageLink[] = signedIn
      ? [{ href: '/account', label: t.accountTitle }]
      : [
          { href: '/signin', label: t.signInLink },
          { href: '/developers/signup', label: t.signUpTitle },
        ];
    const retry = error.details?.retryAfter;
    if (typeof retry === 'number') void reply.header('Retry-After', String(retry));
    const message = developerErrorText(error, site);
    return pages.send(
      reply,
      MessagePage({
        site,
        title: titleOf(error, t),
        message: message.text,
        ...(message.lang ? { messageLang: message.lang } : {}),
        tone: 'error',
        links,
      }),
      error.status,
    );
  });
}
