/**
 * Enforcement, the audit log's tools and mail delivery, installed together: the admin API of developers and
 * their keys (suspend, revoke, reinstate), the staff pages under /staff/developers, /staff/audit and
 * /staff/mailbox, and the SMTP mailer when PLAZA_SMTP_URL is set.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatter } from '../../web/format.js';
import { actorOf } from '../audit/actor.js';
import { auditQuery } from '../audit/audit-query.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { mailboxRoutes } from '../mail/mailbox.routes.js';
import { startMailer } from '../mail/mailer.js';
import type { RouteContext } from '../routes-context.js';
import { enforcementPageRoutes } from './enforcement-pages.routes.js';
import { enforcementRepo } from './enforcement.repo.js';
import {
  DeveloperListQuery,
  DeveloperListSchema,
  DeveloperSchema,
  EnforcedKeySchema,
  IdParams,
  ReinstateBody,
  RevokeBody,
  SuspendBody,
} from './enforcement.schema.js';
import { enforcementService, type EnforcementService } from './enforcement.service.js';
import type { Category } from './enforcement-notice.js';

const ErrorResponse = { $ref: 'Error#' } as const;
const errorResponses = { 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** A reinstatement's body is optional: none is an empty one. */
async function emptyBody(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}

export function createEnforcement(ctx: RouteContext): EnforcementService {
  const { access, db } = ctx.services;
  const format = formatter(ctx.config.timeZone);
  return enforcementService({
    repo: enforcementRepo(db),
    keys: access.keys,
    sessions: access.sessions,
    audit: access.audit,
    outbox: access.outbox,
    forget: (message) => access.forget(message),
    config: ctx.config,
    formatTime: (iso) => format.dateTime(iso),
  });
}

export function enforcementRoutes(http: FastifyInstance, ctx: RouteContext): void {
  const enforcement = createEnforcement(ctx);
  const { guards } = ctx;
  const actor = (request: FastifyRequest) => actorOf(guards.principal(request), request.ip);

  /** The actions on each kind of holder, with what they answer. */
  const targets = {
    keys: {
      response: EnforcedKeySchema,
      suspend: enforcement.suspendKey,
      revoke: enforcement.revokeKey,
      reinstate: enforcement.reinstateKey,
    },
    users: {
      response: DeveloperSchema,
      suspend: enforcement.suspendUser,
      revoke: enforcement.revokeUser,
      reinstate: enforcement.reinstateUser,
    },
  } as const;

  const enforce = (
    target: keyof typeof targets,
    action: 'suspend' | 'revoke' | 'reinstate',
    summary: string,
    description: string,
    body: typeof SuspendBody | typeof RevokeBody | typeof ReinstateBody,
  ) =>
    http.post<{ Params: { id: string }; Body: Record<string, string | undefined> }>(
      `/api/v1/admin/${target}/:id/${action}`,
      {
        onRequest: guards.admin,
        preValidation: action === 'reinstate' ? emptyBody : undefined,
        schema: {
          tags: ['Enforcement'],
          summary,
          description,
          security: [{ adminToken: [] }],
          params: IdParams,
          body,
          response: { 200: targets[target].response, 422: ErrorResponse, ...errorResponses },
        },
      },
      async (request) => {
        const b = request.body ?? {};
        const on = targets[target];
        const who = actor(request);
        const id = request.params.id;
        const category = b.category as Category;
        switch (action) {
          case 'suspend':
            return on.suspend(who, id, { category, reason: b.reason ?? '', until: b.until });
          case 'revoke':
            return on.revoke(who, id, { category, reason: b.reason ?? '' });
          case 'reinstate':
            return on.reinstate(who, id, { reason: b.reason });
        }
      },
    );

  const notice =
    ' The holder is sent a notice (mail kind `enforcement`) with the reason, the end date if any, and how to ask for a review; the decision is recorded in the audit log.';
  enforce(
    'keys',
    'suspend',
    'Suspend an API key (admin)',
    'From the next request on, on every node, the key is refused with 403 `auth.key_suspended`, and live feeds (SSE, MQTT) opened with it are closed. Give `until` for a suspension that ends by itself.' +
      notice,
    SuspendBody,
  );
  enforce(
    'keys',
    'revoke',
    'Revoke an API key (admin)',
    'The key stops working at once (401 `auth.key_revoked`) and for good; live feeds opened with it are closed.' +
      notice,
    RevokeBody,
  );
  enforce(
    'keys',
    'reinstate',
    'Lift the suspension of an API key (admin)',
    'The key works again from the next request. 409 `enforcement.not_suspended` when it is not suspended; a revoked key cannot be reinstated.' +
      notice,
    ReinstateBody,
  );
  enforce(
    'users',
    'suspend',
    'Suspend a developer account (admin)',
    'The account is signed out everywhere and cannot sign in; requests with any of its keys are refused with 403 `auth.account_suspended`, and its live feeds are closed. Give `until` for a suspension that ends by itself.' +
      notice,
    SuspendBody,
  );
  enforce(
    'users',
    'revoke',
    'Close a developer account (admin)',
    'For good: the account can no longer sign in, and every key it holds is revoked.' + notice,
    RevokeBody,
  );
  enforce(
    'users',
    'reinstate',
    'Lift the suspension of a developer account (admin)',
    'The account can sign in again and its keys work as before (a key suspended or revoked on its own stays so).' +
      notice,
    ReinstateBody,
  );

  http.get<{ Querystring: DeveloperListQuery }>(
    '/api/v1/admin/developers',
    {
      onRequest: guards.admin,
      schema: {
        tags: ['Enforcement'],
        summary: 'List developer accounts with their keys (admin)',
        description:
          'By email, a page at a time (pass `next` as `cursor`). `status` is the status as it applies now: a suspension whose end has passed counts as active.',
        security: [{ adminToken: [] }],
        querystring: DeveloperListQuery,
        response: { 200: DeveloperListSchema, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) =>
      enforcement.listDevelopers({
        text: request.query.q,
        status: request.query.status,
        cursor: request.query.cursor,
        limit: request.query.limit,
      }),
  );

  http.get<{ Params: { id: string } }>(
    '/api/v1/admin/developers/:id',
    {
      onRequest: guards.admin,
      schema: {
        tags: ['Enforcement'],
        summary: 'One developer account with its keys (admin)',
        security: [{ adminToken: [] }],
        params: IdParams,
        response: { 200: DeveloperSchema, ...errorResponses },
      },
    },
    async (request) => enforcement.developer(request.params.id),
  );

  enforcementPageRoutes(http, ctx, { enforcement, audit: auditQuery(ctx.services.db) });
  auditRoutes(http, ctx);
  mailboxRoutes(http, ctx);
  startMailer(http, {
    smtpUrl: ctx.config.smtpUrl,
    mailFrom: ctx.config.mailFrom,
    publicUrl: ctx.config.publicUrl,
    outbox: ctx.services.access.outbox,
  });
}
