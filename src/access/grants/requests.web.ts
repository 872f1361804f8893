/** The access-request pages: the form, the requester's list and detail, the deciders' queue and decisions. */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.js';
import { formatter } from '../../web/format.js';
import type { RouteContext } from '../routes-context.js';
import { addDays, cityCalendar } from './dates.js';
import { formBody, pageTools } from './page-helpers.js';
import { requestProblem } from './request-words.js';
import { MyRequestsPage, RequestFormPage, RequestPage } from './requests.pages.js';
import type { RequestStatus } from './requests.schema.js';
import type { RequestsService } from './requests.service.js';
import { StaffQueuePage, StaffRequestPage } from './requests.staff-pages.js';

const HIDDEN = { schema: { hide: true } } as const;
const STATUSES = ['pending', 'approved', 'denied', 'withdrawn'] as const;

const problemsOf = (error: unknown) =>
  error instanceof AppError && error.status === 422
    ? ((error.details?.problems ?? []) as { field: string; message: string }[])
    : undefined;

export function requestPages(app: FastifyInstance, requests: RequestsService, ctx: RouteContext): void {
  const tools = pageTools(ctx);
  const format = formatter(ctx.config.timeZone);
  const calendar = cityCalendar(ctx.config.timeZone);

  app.get<{ Querystring: { dataset?: string; tier?: string } }>(
    '/access/request',
    HIDDEN,
    async (request, reply) => {
      if (!tools.signedIn(request, reply)) return reply;
      const actor = tools.actor(request);
      try {
        const target = await requests.describeTarget(actor, {
          dataset: request.query.dataset?.trim() || undefined,
          tier: request.query.tier?.trim() || undefined,
        });
        return tools.send(reply, RequestFormPage(await formModel(request, reply, target, {}, [])));
      } catch (error) {
        return tools.localizedError(reply, request, error);
      }
    },
  );

  async function formModel(
    request: Parameters<typeof tools.site>[0],
    reply: Parameters<typeof tools.csrf>[1],
    target: Awaited<ReturnType<RequestsService['describeTarget']>>,
    values: { purpose?: string; intended_use?: string },
    problems: { field: string; message: string }[],
  ) {
    const principal = ctx.guards.principal(request);
    const site = tools.publicSite(request);
    return {
      site,
      csrf: tools.csrf(request, reply),
      ...(target.dataset
        ? {
            dataset: {
              id: target.dataset.id,
              title: target.dataset.title,
              department: target.dataset.department.name,
            },
          }
        : {}),
      ...(target.tier ? { tier: target.tier } : {}),
      ...(target.pending ? { pending: target.pending } : {}),
      currentTier: principal.tier,
      values,
      problems: problems.map((p) => requestProblem(p, site)),
    };
  }

  app.post('/access/request', HIDDEN, async (request, reply) => {
    if (!tools.signedIn(request, reply)) return reply;
    const actor = tools.actor(request);
    const body = formBody(request);
    const input = {
      ...(body.dataset ? { dataset: body.dataset } : {}),
      ...(body.tier ? { tier: body.tier } : {}),
      purpose: body.purpose ?? '',
      intended_use: body.intended_use ?? '',
    };
    try {
      const created = await requests.create(actor, input);
      return reply.redirect(`/access/requests/${created.id}?sent=1`, 303);
    } catch (error) {
      const problems = problemsOf(error);
      if (!problems || !(body.dataset || body.tier)) return tools.localizedError(reply, request, error);
      try {
        const target = await requests.describeTarget(actor, { dataset: body.dataset, tier: body.tier });
        const model = await formModel(request, reply, target, input, problems);
        return tools.send(reply, RequestFormPage(model), 422);
      } catch (inner) {
        return tools.localizedError(reply, request, inner);
      }
    }
  });

  app.get('/access/requests', HIDDEN, async (request, reply) => {
    if (!tools.signedIn(request, reply)) return reply;
    const mine = await requests.mine(tools.actor(request));
    const site = tools.publicSite(request);
    return tools.send(reply, MyRequestsPage({ site, requests: mine, format: site.format }));
  });

  app.get<{ Params: { id: string }; Querystring: { sent?: string; withdrawn?: string } }>(
    '/access/requests/:id',
    HIDDEN,
    async (request, reply) => {
      if (!tools.signedIn(request, reply)) return reply;
      try {
        const found = await requests.getOwn(tools.actor(request), request.params.id);
        const site = tools.publicSite(request);
        const t = site.t.account;
        const notice =
          request.query.sent !== undefined
            ? t.reqSentTo(found.department?.name)
            : request.query.withdrawn !== undefined
              ? t.reqWithdrew
              : undefined;
        return tools.send(
          reply,
          RequestPage({
            site,
            request: found,
            csrf: tools.csrf(request, reply),
            format: site.format,
            ...(notice ? { notice } : {}),
          }),
        );
      } catch (error) {
        return tools.localizedError(reply, request, error);
      }
    },
  );

  app.post<{ Params: { id: string } }>('/access/requests/:id/withdraw', HIDDEN, async (request, reply) => {
    if (!tools.signedIn(request, reply)) return reply;
    try {
      await requests.withdraw(tools.actor(request), request.params.id);
      return reply.redirect(`/access/requests/${encodeURIComponent(request.params.id)}?withdrawn=1`, 303);
    } catch (error) {
      return tools.localizedError(reply, request, error);
    }
  });

  app.get<{ Querystring: { status?: string } }>('/staff/access-requests', HIDDEN, async (request, reply) => {
    if (!tools.stewards(request, reply)) return reply;
    const asked = request.query.status;
    const status: RequestStatus | 'all' =
      asked === 'all'
        ? 'all'
        : (STATUSES as readonly string[]).includes(asked ?? '')
          ? (asked as RequestStatus)
          : 'pending';
    const queue = await requests.queue(tools.actor(request), status === 'all' ? undefined : status);
    return tools.send(reply, StaffQueuePage({ site: tools.site(request), requests: queue, status, format }));
  });

  const staffPage = async (
    request: Parameters<typeof tools.site>[0],
    reply: Parameters<typeof tools.csrf>[1],
    id: string,
    extra: {
      problems?: { field: string; message: string }[];
      values?: Record<string, string | undefined>;
      notice?: string;
    },
    status = 200,
  ) => {
    const found = await requests.getForStaff(tools.actor(request), id);
    return tools.send(
      reply,
      StaffRequestPage({
        site: tools.site(request),
        request: found,
        csrf: tools.csrf(request, reply),
        format,
        firstUntil: addDays(calendar.dayOf(new Date()), 1),
        problems: extra.problems ?? [],
        values: extra.values ?? {},
        ...(extra.notice ? { notice: extra.notice } : {}),
      }),
      status,
    );
  };

  app.get<{ Params: { id: string }; Querystring: { decided?: string } }>(
    '/staff/access-requests/:id',
    HIDDEN,
    async (request, reply) => {
      if (!tools.stewards(request, reply)) return reply;
      try {
        return await staffPage(request, reply, request.params.id, {
          ...(request.query.decided !== undefined
            ? { notice: 'Decision recorded; the requester has been told by email.' }
            : {}),
        });
      } catch (error) {
        return tools.error(reply, request, error);
      }
    },
  );

  app.post<{ Params: { id: string } }>(
    '/staff/access-requests/:id/decision',
    HIDDEN,
    async (request, reply) => {
      if (!tools.stewards(request, reply)) return reply;
      const body = formBody(request);
      const decision = body.decision === 'deny' ? 'deny' : 'approve';
      try {
        await requests.decide(tools.actor(request), request.params.id, {
          decision,
          ...(body.reason ? { reason: body.reason } : {}),
          ...(body.until ? { until: body.until } : {}),
          ...(body.tier ? { tier: body.tier } : {}),
        });
        return reply.redirect(
          `/staff/access-requests/${encodeURIComponent(request.params.id)}?decided=1`,
          303,
        );
      } catch (error) {
        const problems = problemsOf(error);
        try {
          if (problems)
            return await staffPage(request, reply, request.params.id, { problems, values: body }, 422);
          return tools.error(reply, request, error);
        } catch (inner) {
          return tools.error(reply, request, inner);
        }
      }
    },
  );
}
