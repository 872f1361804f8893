import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';

const Health = Type.Object({ status: Type.String() });
const Ready = Type.Object({ status: Type.String(), database: Type.String() });

/** Liveness says the process answers; readiness says it can reach its database. */
export function healthRoutes(app: FastifyInstance, db: Database): void {
  app.get('/healthz', { schema: { tags: ['operations'], response: { 200: Health } } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/readyz',
    { schema: { tags: ['operations'], response: { 200: Ready, 503: Ready } } },
    async (_request, reply) => {
      try {
        await sql`SELECT 1`.execute(db.kysely);
        return { status: 'ready', database: db.adapter.name };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: db.adapter.name });
      }
    },
  );
}
