/**
 * The staff account API for administrators: list accounts, create a staff account (with an emailed link to
 * choose a password), read one, and replace its roles. Everyone may read their own account.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { errors } from '../../errors.js';
import { hasRole } from '../principal.js';
import type { RouteContext } from '../routes-context.js';
import type { Accounts } from './accounts.js';
import { actorOf } from './actor.js';
import { NewStaffBody, RolesBody, UserListQuery, UserListSchema, UserSchema } from './accounts.schema.js';

const ErrorResponse = { $ref: 'Error#' } as const;
const IdParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
/** An admin's browser session (with X-CSRF-Token on changes), or the automation token. */
const security: Record<string, string[]>[] = [{ session: [] }, { adminToken: [] }];

export function usersRoutes(app: FastifyInstance, ctx: RouteContext, accounts: Accounts): void {
  const { guards, services } = ctx;
  const users = services.access.users;

  app.get<{ Querystring: UserListQuery }>(
    '/api/v1/users',
    {
      onRequest: guards.admin,
      schema: {
        tags: ['Staff accounts'],
        summary: 'List accounts, staff and developers (admin)',
        security,
        querystring: UserListQuery,
        response: { 200: UserListSchema, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => ({ users: await users.list(request.query.kind) }),
  );

  app.post<{ Body: NewStaffBody }>(
    '/api/v1/users',
    {
      onRequest: guards.admin,
      schema: {
        tags: ['Staff accounts', 'admin'],
        summary:
          'Create a staff account (admin); without a password, the person is emailed a link to choose one',
        security,
        body: NewStaffBody,
        response: {
          201: UserSchema,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { email, name, roles, password } = request.body;
      const user = await accounts.staff.create(
        { email, name, roles, ...(password !== undefined ? { password } : {}) },
        actorOf(request.principal, request.ip),
        { invite: true },
      );
      return reply.status(201).send(user);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/users/:id',
    {
      onRequest: guards.signedIn,
      schema: {
        tags: ['Staff accounts'],
        summary: 'One account (admin, or the account itself)',
        security: [{ session: [] }, { apiKey: [] }, { adminToken: [] }],
        params: IdParams,
        response: { 200: UserSchema, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => {
      const principal = request.principal;
      if (!hasRole(principal, 'admin') && principal.user?.id !== request.params.id)
        throw errors.forbidden('Only admins see other people’s accounts.');
      return users.get(request.params.id);
    },
  );

  app.put<{ Params: { id: string }; Body: RolesBody }>(
    '/api/v1/users/:id/roles',
    {
      onRequest: guards.admin,
      schema: {
        tags: ['Staff accounts', 'admin'],
        summary: 'Replace the roles of a staff account (admin); takes effect on its next request',
        security,
        params: IdParams,
        body: RolesBody,
        response: {
          200: UserSchema,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request) =>
      accounts.staff.setRoles(request.params.id, request.body.roles, actorOf(request.principal, request.ip)),
  );
}
