import type { FastifyInstance } from 'fastify';
import type { WebContext } from '../web-context.js';

export function departmentRoutes(_app: FastifyInstance, _ctx: WebContext): void {
  // Installed by its own work; see the portal's web issue.
}
