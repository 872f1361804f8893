import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../catalog/catalog.service.js';
import { errors } from '../errors.js';

export interface Guards {
  /** preHandler: only the bootstrap admin token passes. */
  admin(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** Who is asking, for visibility rules. */
  viewer(request: FastifyRequest): Viewer;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(header);
  return match?.[1]?.trim();
}

/**
 * Authorization until staff accounts exist: a bootstrap admin token, compared in constant time.
 * Without a configured token the admin API is closed.
 */
export function createGuards(adminToken: string | undefined): Guards {
  const expected = adminToken ? digest(adminToken) : undefined;
  const isAdmin = (request: FastifyRequest) => {
    const token = bearer(request);
    return expected !== undefined && token !== undefined && timingSafeEqual(digest(token), expected);
  };
  return {
    async admin(request) {
      if (!expected) throw errors.adminDisabled();
      if (!bearer(request)) throw errors.unauthorized();
      if (!isAdmin(request)) throw errors.forbidden('The admin token is not valid.');
    },
    viewer: (request) => ({ admin: isAdmin(request) }),
  };
}
