/**
 * Staff accounts and signing in: the sign-in and password reset pages, the identity provider's flow (when
 * configured), the session API and the staff account API.
 */
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../routes-context.js';
import { createAccounts, type AccountsOptions } from './accounts.js';
import { oidcRoutes } from './oidc.routes.js';
import { sessionRoutes } from './session.routes.js';
import { signInRoutes } from './signin.routes.js';
import { usersRoutes } from './users.routes.js';

export function accountsRoutes(app: FastifyInstance, ctx: RouteContext, options: AccountsOptions = {}): void {
  const accounts = createAccounts(
    { config: ctx.config, db: ctx.services.db, access: ctx.services.access },
    options,
  );
  signInRoutes(app, ctx, accounts);
  if (accounts.oidc) oidcRoutes(app, ctx, accounts.oidc);
  sessionRoutes(app, ctx, accounts);
  usersRoutes(app, ctx, accounts);
}
