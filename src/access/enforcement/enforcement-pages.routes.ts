/**
 * The admins' pages of developers: /staff/developers (list), /staff/developers/{id} (one account, its keys and
 * history), and the forms /staff/developers/{id}/{action} and /staff/developers/{id}/keys/{keyId}/{action}
 * (suspend, revoke, reinstate). A decision redirects back to the account with a confirmation.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { formatter } from '../../web/format.js';
import { actorOf } from '../audit/actor.js';
import type { AuditQuery } from '../audit/audit-query.js';
import type { RouteContext } from '../routes-context.js';
import { adminPage, errorPage, staffInfo } from './admin-page.js';
import type { Category } from './enforcement-notice.js';
import type { DeveloperStatusFilter } from './enforcement.repo.js';
import { EnforcementFormPage, type FormValues } from './enforcement-form.page.js';
import { DeveloperPage, DevelopersPage, type Action } from './enforcement.pages.js';
import type { Developer, EnforcementService } from './enforcement.service.js';

const ACTIONS: readonly Action[] = ['suspend', 'revoke', 'reinstate'];
const STATUSES: readonly DeveloperStatusFilter[] = ['active', 'suspended', 'revoked'];

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function enforcementPageRoutes(
  http: FastifyInstance,
  ctx: RouteContext,
  { enforcement, audit }: { enforcement: EnforcementService; audit: AuditQuery },
): void {
  const page = adminPage(ctx);
  const format = formatter(ctx.config.timeZone);
  const hidden = { schema: { hide: true }, preHandler: page };

  /** The developer account, or undefined (also for staff accounts, which are not managed here). */
  async function find(id: string): Promise<Developer | undefined> {
    try {
      return await enforcement.developer(id);
    } catch (error) {
      if (error instanceof AppError && (error.status === 404 || error.status === 409)) return undefined;
      throw error;
    }
  }
  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    errorPage(
      ctx,
      request,
      reply,
      404,
      'Not found',
      'There is no such developer account, key or action here.',
    );

  http.get<{ Querystring: Record<string, string | undefined> }>(
    '/staff/developers',
    hidden,
    async (request, reply) => {
      const q = (text(request.query.q) ?? '').trim().slice(0, 200);
      const status = STATUSES.find((s) => s === request.query.status);
      const result = await enforcement.listDevelopers({
        text: q,
        status,
        cursor: text(request.query.cursor)?.slice(0, 300),
      });
      return ctx.pages.send(
        reply,
        DevelopersPage({
          staff: staffInfo(ctx, request, reply, '/staff/developers'),
          q,
          status: status ?? '',
          format,
          ...result,
        }),
      );
    },
  );

  http.get<{ Params: { id: string }; Querystring: { done?: string } }>(
    '/staff/developers/:id',
    hidden,
    async (request, reply) => {
      const developer = await find(request.params.id);
      if (!developer) return notFound(request, reply);
      const history = await audit.history([
        { type: 'user', id: developer.id },
        ...developer.keys.map((k) => ({ type: 'api_key', id: k.id })),
      ]);
      return ctx.pages.send(
        reply,
        DeveloperPage({
          staff: staffInfo(ctx, request, reply, '/staff/developers'),
          developer,
          history,
          done: text(request.query.done),
          format,
        }),
      );
    },
  );

  /** The form of an action on the account (no keyId) or one of its keys. */
  async function form(
    request: FastifyRequest<{ Params: { id: string; keyId?: string; action: string } }>,
    reply: FastifyReply,
    values: FormValues,
    error?: { field?: string; message: string },
    status = 200,
  ): Promise<FastifyReply> {
    const action = ACTIONS.find((a) => a === request.params.action);
    const developer = await find(request.params.id);
    const key = request.params.keyId ? developer?.keys.find((k) => k.id === request.params.keyId) : undefined;
    if (!developer || !action || (request.params.keyId && !key)) return notFound(request, reply);
    return ctx.pages.send(
      reply,
      EnforcementFormPage({
        staff: staffInfo(ctx, request, reply, '/staff/developers'),
        action,
        target: key ? { type: 'key', key } : { type: 'account' },
        developer,
        values,
        error,
        format,
      }),
      status,
    );
  }

  async function decide(
    request: FastifyRequest<{ Params: { id: string; keyId?: string; action: string }; Body: unknown }>,
    reply: FastifyReply,
  ): Promise<FastifyReply> {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: FormValues = {
      category: text(body.category),
      reason: text(body.reason),
      until: text(body.until),
    };
    const action = ACTIONS.find((a) => a === request.params.action);
    const developer = await find(request.params.id);
    const { keyId } = request.params;
    if (!developer || !action || (keyId && !developer.keys.some((k) => k.id === keyId)))
      return notFound(request, reply);
    const actor = actorOf(ctx.guards.principal(request), request.ip);
    const decision = {
      category: (values.category ?? '') as Category,
      reason: values.reason ?? '',
      until: values.until,
    };
    try {
      if (keyId) {
        if (action === 'suspend') await enforcement.suspendKey(actor, keyId, decision);
        if (action === 'revoke') await enforcement.revokeKey(actor, keyId, decision);
        if (action === 'reinstate') await enforcement.reinstateKey(actor, keyId, { reason: values.reason });
      } else {
        if (action === 'suspend') await enforcement.suspendUser(actor, developer.id, decision);
        if (action === 'revoke') await enforcement.revokeUser(actor, developer.id, decision);
        if (action === 'reinstate')
          await enforcement.reinstateUser(actor, developer.id, { reason: values.reason });
      }
    } catch (error) {
      if (!(error instanceof AppError) || (error.status !== 422 && error.status !== 409)) throw error;
      const field = (error.details?.problems as { field: string }[] | undefined)?.[0]?.field;
      return form(request, reply, values, { field, message: error.message }, error.status);
    }
    const done = `${keyId ? 'key' : 'account'}-${action}`;
    return reply.redirect(`/staff/developers/${encodeURIComponent(developer.id)}?done=${done}`, 303);
  }

  http.get<{ Params: { id: string; action: string } }>(
    '/staff/developers/:id/:action',
    hidden,
    (request, reply) => form(request, reply, {}),
  );
  http.post<{ Params: { id: string; action: string }; Body: unknown }>(
    '/staff/developers/:id/:action',
    hidden,
    decide,
  );
  http.get<{ Params: { id: string; keyId: string; action: string } }>(
    '/staff/developers/:id/keys/:keyId/:action',
    hidden,
    (request, reply) => form(request, reply, {}),
  );
  http.post<{ Params: { id: string; keyId: string; action: string }; Body: unknown }>(
    '/staff/developers/:id/keys/:keyId/:action',
    hidden,
    decide,
  );
}
