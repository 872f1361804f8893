/**
 * The requester's private pages: GET /records/follow/{token}, and its two forms: POST .../withdraw (with a
 * confirmation box) and POST .../reconsideration. The token is the key: an unknown one is a 404 page, and the
 * pages are private, never cached, never indexed, and send no Referer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkFormToken, formToken } from '../../access/form-token.js';
import type { RouteContext } from '../../access/routes-context.js';
import { AppError } from '../../errors.js';
import type { DeskViewer, RequestDetail } from '../records/records.types.js';
import { privatePage, sendNotFound } from './public-errors.js';
import { followPath } from './public-form.routes.js';
import { FollowPage, RECONSIDER_REASON_MAX, type FollowModel } from './public-follow-page.js';

type TokenRequest = FastifyRequest<{ Params: { token: string }; Querystring: { done?: string } }>;

const text = (body: unknown, name: string): string => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

/** The desk's refusals a requester can meet, in their words. */
const REFUSALS: Record<string, 'errLate' | 'errClosed' | 'errPending' | 'errNothing'> = {
  'records.nothing_to_reconsider': 'errNothing',
  'records.reconsideration_late': 'errLate',
  'records.closed': 'errClosed',
  'records.reconsideration_pending': 'errPending',
};

export function followRoutes(scope: FastifyInstance, ctx: RouteContext): void {
  const { pages, services, config } = ctx;
  const desk = services.desk;
  const hide = { schema: { hide: true } };
  const viewerOf = (detail: RequestDetail): DeskViewer => ({ kind: 'requester', requestId: detail.id });

  const show = (
    request: TokenRequest,
    reply: FastifyReply,
    detail: RequestDetail,
    extra: Pick<FollowModel, 'done' | 'problems' | 'values'> = {},
    status = 200,
  ) => {
    const token = request.params.token;
    const model: FollowModel = {
      site: pages.site(request, { localized: true }),
      request: detail,
      base: followPath(token),
      csrf: formToken(request, reply, config.publicUrl),
      ...extra,
    };
    return pages.send(privatePage(reply), FollowPage({ model }), status);
  };

  const find = async (request: TokenRequest) => desk.byFollowToken(request.params.token);

  scope.get('/records/follow/:token', hide, async (request: TokenRequest, reply) => {
    const detail = await find(request);
    if (!detail) return sendNotFound(pages, request, privatePage(reply));
    const done = request.query.done;
    return show(request, reply, detail, {
      done: done === 'withdrawn' || done === 'reconsideration' ? done : undefined,
    });
  });

  scope.post('/records/follow/:token/withdraw', hide, async (request: TokenRequest, reply) => {
    checkFormToken(request, text(request.body, '_csrf'));
    const detail = await find(request);
    if (!detail) return sendNotFound(pages, request, privatePage(reply));
    const t = pages.site(request, { localized: true }).t.records;
    if (text(request.body, 'confirm') !== 'yes')
      return show(request, reply, detail, { problems: { withdraw: t.errConfirmWithdraw } }, 422);
    // Sent twice, or after the City closed it: the page says how it stands.
    if (detail.status === 'closed') return reply.redirect(followPath(request.params.token), 303);
    await desk.withdraw(detail.id, viewerOf(detail));
    return reply.redirect(`${followPath(request.params.token)}?done=withdrawn`, 303);
  });

  scope.post('/records/follow/:token/reconsideration', hide, async (request: TokenRequest, reply) => {
    checkFormToken(request, text(request.body, '_csrf'));
    const detail = await find(request);
    if (!detail) return sendNotFound(pages, request, privatePage(reply));
    const site = pages.site(request, { localized: true });
    const t = site.t.records;
    const values = {
      subject: text(request.body, 'subject').trim(),
      reason: text(request.body, 'reason').replace(/\r\n/g, '\n').trim(),
    };
    const problems: NonNullable<FollowModel['problems']> = {};
    if (values.subject !== 'denial' && values.subject !== 'fee') problems.subject = t.errSubject;
    if (values.reason === '') problems.reason = t.errReason;
    else if (values.reason.length > RECONSIDER_REASON_MAX)
      problems.reason = t.errTooLong(site.format.number(RECONSIDER_REASON_MAX));
    if (problems.subject || problems.reason) return show(request, reply, detail, { problems, values }, 422);
    try {
      await desk.askReconsideration(detail.id, viewerOf(detail), {
        subject: values.subject as 'denial' | 'fee',
        reason: values.reason,
      });
    } catch (error) {
      const refusal = error instanceof AppError ? REFUSALS[error.code] : undefined;
      if (!refusal) throw error;
      return show(request, reply, detail, { problems: { reason: t[refusal] }, values }, 409);
    }
    return reply.redirect(`${followPath(request.params.token)}?done=reconsideration`, 303);
  });
}
