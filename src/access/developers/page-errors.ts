/**
 * Errors of the account pages as pages: a person with a browser gets a page that says what happened and where
 * to go next, with the error's status; anything that is not an AppError goes to the app's error handler.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import type { PageContext } from '../../web/page-context.js';
import { MessagePage, type PageLink } from './pages/message-page.js';

function titleOf(error: AppError): string {
  if (error.code === 'auth.csrf') return 'The form has expired';
  if (error.code.startsWith('account.verify_')) return 'This link cannot be used';
  if (error.status === 404) return 'Not found';
  if (error.status === 429) return 'Please wait a moment';
  if (error.status === 401 || error.status === 403) return 'Not allowed';
  return 'Something needs fixing';
}

export function installPageErrors(scope: FastifyInstance, pages: PageContext): void {
  scope.setErrorHandler((error, request, reply) => {
    if (!(error instanceof AppError)) throw error;
    const signedIn = request.session !== undefined;
    const links: PageLink[] = signedIn
      ? [{ href: '/account', label: 'Your account' }]
      : [
          { href: '/signin', label: 'Sign in' },
          { href: '/developers/signup', label: 'Create a developer account' },
        ];
    const retry = error.details?.retryAfter;
    if (typeof retry === 'number') void reply.header('Retry-After', String(retry));
    return pages.send(
      reply,
      MessagePage({
        site: pages.site(request),
        title: titleOf(error),
        message: error.message,
        tone: 'error',
        links,
      }),
      error.status,
    );
  });
}
