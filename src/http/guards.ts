import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../catalog/catalog.service.js';
import { anonymous, hasRole, isStaff, viewerOf, type Principal, type Role } from '../access/principal.js';
import { errors } from '../errors.js';

type PreHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export interface Guards {
  /** preHandler: admins only (the admin role, or the automation token). */
  admin: PreHandler;
  /** preHandler: staff with one of these roles (admins always pass). */
  staff(...roles: Role[]): PreHandler;
  /** preHandler: any signed-in account (session or API key). */
  signedIn: PreHandler;
  /** Who is asking, for visibility rules. */
  viewer(request: FastifyRequest): Viewer;
  /** Who is asking, as authentication resolved it. */
  principal(request: FastifyRequest): Principal;
}

const principalOf = (request: FastifyRequest): Principal => request.principal ?? anonymous(request.ip);

const requireSignIn = (request: FastifyRequest) =>
  errors.unauthorized(
    request.headers.authorization
      ? 'The token is not valid: sign in, send an API key as "X-Api-Key", or the admin token as "Authorization: Bearer <token>".'
      : 'Sign in, or send an API key as "X-Api-Key" (or the admin token as "Authorization: Bearer <token>").',
  );

/**
 * Authorization on top of src/access/authenticate.ts, which resolves request.principal before any handler.
 * `adminTokenEnabled` only shapes the error an anonymous caller of the admin API gets.
 */
export function createGuards(options: { adminTokenEnabled?: boolean } = {}): Guards {
  const staff =
    (...roles: Role[]): PreHandler =>
    async (request) => {
      const principal = principalOf(request);
      if (principal.via === 'anonymous') throw requireSignIn(request);
      if (hasRole(principal, 'admin')) return;
      if (isStaff(principal) && (roles.length === 0 || hasRole(principal, ...roles))) return;
      throw errors.forbidden(
        roles.length
          ? `This needs one of the staff roles: ${['admin', ...roles].join(', ')}.`
          : 'This is for city staff.',
      );
    };
  return {
    async admin(request) {
      const principal = principalOf(request);
      if (principal.via === 'anonymous') {
        if (request.headers.authorization && !options.adminTokenEnabled) throw errors.adminDisabled();
        if (request.headers.authorization) throw errors.forbidden('The admin token is not valid.');
        throw requireSignIn(request);
      }
      if (!hasRole(principal, 'admin')) throw errors.forbidden('This needs the admin role.');
    },
    staff,
    async signedIn(request) {
      if (principalOf(request).via === 'anonymous') throw requireSignIn(request);
    },
    viewer: (request) => viewerOf(principalOf(request)),
    principal: principalOf,
  };
}
