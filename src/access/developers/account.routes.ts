/**
 * The developer's account pages: /account (profile, tier, keys), and per key /account/keys/{id} (usage by day),
 * rename, rotate and revoke (with a confirmation step). Forms post with the session's CSRF token; the secret of
 * a new or rotated key is on the answer to that post only.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { mqttEndpoints } from '../../standards/sensorthings/server-settings.js';
import { csrfToken } from '../sessions/sessions.service.js';
import { renderAccountSections } from './account-sections.js';
import { allowanceOf, DEVELOPER_TIERS } from './allowance.js';
import { pageDeveloper } from './developer-guard.js';
import type { Actor } from './developer-keys.service.js';
import type { DevelopersContext } from './developers-context.js';
import { installPageErrors } from './page-errors.js';
import { AccountPage, type Notice } from './pages/account-page.js';
import { KeyPage, KeySecretPage, RevokeKeyPage, type Endpoints } from './pages/key-pages.js';
import { developerErrorText } from './pages/problems.js';

const USAGE_DAYS = 30;

/** Notices after an action, by the `done` parameter of the page it redirects to. */
const NOTICES = {
  verified: 'noticeVerified',
  sent: 'noticeSent',
  revoked: 'noticeRevoked',
  renamed: 'noticeRenamed',
} as const;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const form = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;
const isCode = (error: unknown, ...codes: string[]) =>
  error instanceof AppError && codes.includes(error.code);

type KeyRequest = FastifyRequest<{ Params: { id: string } }>;

export function accountRoutes(app: FastifyInstance, dc: DevelopersContext): void {
  const { config, pages, services } = dc;
  const site = (request: FastifyRequest) => pages.site(request, { localized: true });
  /** The notice of a `done` parameter, in the visitor's language. */
  const doneNotice = (request: FastifyRequest, value: unknown): Notice | undefined => {
    const done = text(value);
    if (!Object.hasOwn(NOTICES, done)) return undefined;
    return { tone: 'ok', message: site(request).t.account[NOTICES[done as keyof typeof NOTICES]] };
  };
  /** A service's refusal as a notice, in the visitor's language. */
  const refusal = (request: FastifyRequest, error: AppError, tone: Notice['tone']): Notice => {
    const words = developerErrorText(error, site(request));
    return { tone, message: words.text, ...(words.lang ? { lang: words.lang } : {}) };
  };
  const endpoints: Endpoints = {
    publicUrl: config.publicUrl,
    mqtt: config.mqtt === 'embedded' ? mqttEndpoints(config.publicUrl, config.mqttPort) : [],
  };
  const csrfOf = (request: FastifyRequest) => csrfToken(request.session!);

  async function accountPage(
    request: FastifyRequest,
    reply: FastifyReply,
    actor: Actor,
    extra: { notice?: Notice; create?: { name: string; error: string } } = {},
    status = 200,
  ) {
    const user = await services.access.users.get(actor.userId);
    const csrf = csrfOf(request);
    const info = site(request);
    const page = AccountPage({
      site: info,
      csrf,
      user,
      effectiveTier: request.principal.tier,
      allowances: DEVELOPER_TIERS.map((tier) => allowanceOf(config.limits, tier)),
      keys: await dc.keys.list(actor),
      format: info.format,
      ...extra,
      sections: await renderAccountSections(app, { request, reply, user, csrf }),
    });
    return pages.send(reply, page, status);
  }

  async function keyPage(
    request: KeyRequest,
    reply: FastifyReply,
    actor: Actor,
    extra: { notice?: Notice; rename?: { name: string; error: string } } = {},
    status = 200,
  ) {
    const apiKey = await dc.keys.get(actor, request.params.id);
    const usage = await dc.keys.usage(actor, apiKey.id, USAGE_DAYS);
    const info = site(request);
    const page = KeyPage({
      site: info,
      csrf: csrfOf(request),
      apiKey,
      usage,
      timeZone: config.timeZone,
      format: info.format,
      ...extra,
    });
    return pages.send(reply, page, status);
  }

  app.register(async (scope) => {
    installPageErrors(scope, pages);
    const hide = { schema: { hide: true } };

    scope.get<{ Querystring: { done?: string } }>('/account', hide, async (request, reply) => {
      const actor = pageDeveloper(request, reply);
      if (!actor) return reply;
      const notice = doneNotice(request, request.query.done);
      return accountPage(request, reply, actor, notice ? { notice } : {});
    });

    scope.post('/account/verification', hide, async (request, reply) => {
      const actor = pageDeveloper(request, reply);
      if (!actor) return reply;
      try {
        await dc.verification.resend(actor.userId);
      } catch (error) {
        if (!isCode(error, 'account.verify_wait', 'account.already_verified')) throw error;
        const status = (error as AppError).status;
        const notice = refusal(request, error as AppError, 'warn');
        return accountPage(request, reply, actor, { notice }, status);
      }
      return reply.redirect('/account?done=sent', 303);
    });

    scope.post('/account/keys', hide, async (request, reply) => {
      const actor = pageDeveloper(request, reply);
      if (!actor) return reply;
      const name = text(form(request).name);
      try {
        const { key, secret } = await dc.keys.create(actor, name);
        const page = KeySecretPage({
          site: site(request),
          apiKey: key,
          secret,
          rotated: false,
          endpoints,
        });
        return pages.send(reply, page, 201);
      } catch (error) {
        if (!isCode(error, 'api_key.invalid', 'api_key.limit', 'account.unverified')) throw error;
        const e = error as AppError;
        const extra =
          e.code === 'account.unverified'
            ? { notice: refusal(request, e, 'error') }
            : { create: { name, error: developerErrorText(e, site(request)).text } };
        return accountPage(request, reply, actor, extra, e.status);
      }
    });

    scope.get<{ Params: { id: string } }>('/account/keys/:id', hide, async (request, reply) => {
      const actor = pageDeveloper(request, reply);
      if (!actor) return reply;
      const notice = doneNotice(request, (request.query as { done?: string }).done);
      return keyPage(request, reply, actor, notice ? { notice } : {});
    });

    scope.post<{ Params: { id: string } }>('/account/keys/:id/rename', hide, async (request, reply) => {
      const actor = pageDeveloper(request, reply);
      if (!actor) return reply;
      const name = text(form(request).name);
      try {
        await dc.keys.rename(actor, request.params.id, name);
      } catch (error) {
        if (!isCode(error, 'api_key.invalid')) throw error;
        const words = developerErrorText(error as AppError, site(request));
        return keyPage(request, reply, actor, { rename: { name, error: words.text } }, 422);
      }
      return reply.redirect(`/account/keys/${encodeURIComponent(request.params.id)}?done=renamed`, 303);
    });

    scope.post<{ Params: { id: string } }>('/account/keys/:id/rotate', hide, async (request, reply) => {
      const actor = pageDeveloper(request, reply);
      if (!actor) return reply;
      const { key, secret } = await dc.keys.rotate(actor, request.params.id);
      const page = KeySecretPage({
        site: site(request),
        apiKey: key,
        secret,
        rotated: true,
        endpoints,
      });
      return pages.send(reply, page);
    });

    scope.get<{ Params: { id: string } }>('/account/keys/:id/revoke', hide, async (request, reply) => {
      const actor = pageDeveloper(request, reply);
      if (!actor) return reply;
      const apiKey = await dc.keys.get(actor, request.params.id);
      if (apiKey.status === 'revoked')
        return reply.redirect(`/account/keys/${encodeURIComponent(apiKey.id)}`, 303);
      return pages.send(reply, RevokeKeyPage({ site: site(request), csrf: csrfOf(request), apiKey }));
    });

    scope.post<{ Params: { id: string } }>('/account/keys/:id/revoke', hide, async (request, reply) => {
      const actor = pageDeveloper(request, reply);
      if (!actor) return reply;
      await dc.keys.revoke(actor, request.params.id);
      return reply.redirect('/account?done=revoked', 303);
    });
  });
}
