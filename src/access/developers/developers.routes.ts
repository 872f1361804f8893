/**
 * Developer accounts: sign-up with email confirmation, the account pages and the JSON API for API keys.
 * Other parts of the access module add sections to the account page with `addAccountSection`.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../routes-context.js';
import { accountRoutes } from './account.routes.js';
import { developersContext } from './developers-context.js';
import { keysApiRoutes } from './keys-api.routes.js';
import { signUpRoutes } from './signup.routes.js';

export { addAccountSection, type AccountSection, type AccountSectionContext } from './account-sections.js';

export function developersRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const dc = developersContext(ctx);
  signUpRoutes(app, dc);
  accountRoutes(app, dc);
  keysApiRoutes(app, dc);
}
