/** The development mailbox for admins: /staff/mailbox (recent messages) and /staff/mailbox/{id} (one). */
import type { FastifyInstance } from 'fastify';
import { formatter } from '../../web/format.js';
import { adminPage, errorPage, staffInfo } from '../enforcement/admin-page.js';
import type { RouteContext } from '../routes-context.js';
import { MailboxPage, MailPage } from './mailbox.pages.js';

const RECENT = 100;

export function mailboxRoutes(http: FastifyInstance, ctx: RouteContext): void {
  const { outbox } = ctx.services.access;
  const format = formatter(ctx.config.timeZone);
  const delivering = ctx.config.smtpUrl !== undefined;
  const page = adminPage(ctx);

  http.get<{ Querystring: { to?: string } }>(
    '/staff/mailbox',
    { schema: { hide: true }, preHandler: page },
    async (request, reply) => {
      const to = typeof request.query.to === 'string' ? request.query.to.trim().slice(0, 254) : '';
      const messages = await outbox.list({ ...(to ? { to } : {}), limit: RECENT });
      return ctx.pages.send(
        reply,
        MailboxPage({
          staff: staffInfo(ctx, request, reply, '/staff/mailbox'),
          messages,
          to,
          delivering,
          format,
        }),
      );
    },
  );

  http.get<{ Params: { id: string } }>(
    '/staff/mailbox/:id',
    { schema: { hide: true }, preHandler: page },
    async (request, reply) => {
      const mail = await outbox.get(request.params.id);
      if (!mail)
        return errorPage(
          ctx,
          request,
          reply,
          404,
          'Message not found',
          'There is no such message in the outbox.',
        );
      return ctx.pages.send(
        reply,
        MailPage({ staff: staffInfo(ctx, request, reply, '/staff/mailbox'), mail, delivering, format }),
      );
    },
  );
}
