/**
 * The developer account JSON API: the profile, and the account's API keys (list, create, rename, rotate,
 * revoke, usage by day). Authenticated by a browser session (unsafe methods need its X-CSRF-Token) or by one of
 * the account's own keys. Another account's key answers 404 on every route.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiDeveloper } from './developer-guard.js';
import type { DevelopersContext } from './developers-context.js';
import {
  AccountSchema,
  Accepted,
  IssuedKeySchema,
  KeyListSchema,
  KeyNameBody,
  KeyParams,
  KeySchema,
  UsageQuery,
  UsageSchema,
} from './developers.schema.js';
import { presentAccount, presentKey } from './present.js';

const ErrorResponse = { $ref: 'Error#' } as const;
const errors = { 401: ErrorResponse, 403: ErrorResponse };
const keyErrors = { ...errors, 404: ErrorResponse };
const AUTH =
  ' Send one of this account’s API keys as X-Api-Key, or use a signed-in session (with X-CSRF-Token on writes).';

export function keysApiRoutes(app: FastifyInstance, dc: DevelopersContext): void {
  const { config, services } = dc;
  const tags = ['Account'];
  const security: Record<string, string[]>[] = [{ apiKey: [] }, { session: [] }];
  // Who is asking is checked before the body is: an anonymous caller learns to sign in, not what to send.
  const onRequest = async (request: FastifyRequest) => void apiDeveloper(request);

  app.get(
    '/api/v1/account',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Your developer account: profile, tier and what it allows',
        description: `The account behind the request.${AUTH}`,
        response: { 200: AccountSchema, ...errors },
      },
    },
    async (request) => {
      const actor = apiDeveloper(request);
      const user = await services.access.users.get(actor.userId);
      return presentAccount(user, request.principal.tier, config.limits);
    },
  );

  app.post(
    '/api/v1/account/verification',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Send the email confirmation link again (at most once a minute)',
        description: `Retires earlier links. 429 account.verify_wait within a minute of the last one.${AUTH}`,
        response: { 202: Accepted, 409: ErrorResponse, 429: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const actor = apiDeveloper(request);
      await dc.verification.resend(actor.userId);
      return reply.status(202).send({ message: 'A new confirmation link is on its way.' });
    },
  );

  app.get(
    '/api/v1/account/keys',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'List your API keys (never their secrets)',
        description: `Every key of the account, revoked ones included, newest first.${AUTH}`,
        response: { 200: KeyListSchema, ...errors },
      },
    },
    async (request) => ({ keys: (await dc.keys.list(apiDeveloper(request))).map(presentKey) }),
  );

  app.post<{ Body: KeyNameBody }>(
    '/api/v1/account/keys',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Create an API key; its secret is in this answer only',
        description: `Needs a confirmed email address (403 account.unverified). At most 10 keys that are not revoked.${AUTH}`,
        body: KeyNameBody,
        response: {
          201: IssuedKeySchema,
          400: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { key, secret } = await dc.keys.create(apiDeveloper(request), request.body.name);
      return reply.status(201).send({ key: presentKey(key), secret });
    },
  );

  app.get<{ Params: KeyParams }>(
    '/api/v1/account/keys/:id',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'One of your API keys',
        params: KeyParams,
        response: { 200: KeySchema, ...keyErrors },
      },
    },
    async (request) => presentKey(await dc.keys.get(apiDeveloper(request), request.params.id)),
  );

  app.patch<{ Params: KeyParams; Body: KeyNameBody }>(
    '/api/v1/account/keys/:id',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Rename one of your API keys',
        params: KeyParams,
        body: KeyNameBody,
        response: { 200: KeySchema, 400: ErrorResponse, 422: ErrorResponse, ...keyErrors },
      },
    },
    async (request) =>
      presentKey(await dc.keys.rename(apiDeveloper(request), request.params.id, request.body.name)),
  );

  app.post<{ Params: KeyParams }>(
    '/api/v1/account/keys/:id/rotate',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Give one of your API keys a new secret; the old one stops at once',
        description: `Same id, name and usage; the new secret is in this answer only.${AUTH}`,
        params: KeyParams,
        response: { 201: IssuedKeySchema, ...keyErrors },
      },
    },
    async (request, reply) => {
      const { key, secret } = await dc.keys.rotate(apiDeveloper(request), request.params.id);
      return reply.status(201).send({ key: presentKey(key), secret });
    },
  );

  app.delete<{ Params: KeyParams }>(
    '/api/v1/account/keys/:id',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Revoke one of your API keys, for good',
        description: `Requests with it are refused at once (401 auth.key_revoked). Revoking twice changes nothing.${AUTH}`,
        params: KeyParams,
        response: { 200: KeySchema, ...keyErrors },
      },
    },
    async (request) => presentKey(await dc.keys.revoke(apiDeveloper(request), request.params.id)),
  );

  app.get<{ Params: KeyParams; Querystring: UsageQuery }>(
    '/api/v1/account/keys/:id/usage',
    {
      onRequest,
      schema: {
        tags,
        security,
        summary: 'Requests per day made with one of your API keys',
        description: `Every day of the period (city-local calendar days), days without use as zeros.${AUTH}`,
        params: KeyParams,
        querystring: UsageQuery,
        response: { 200: UsageSchema, 400: ErrorResponse, ...keyErrors },
      },
    },
    async (request) => ({
      ...(await dc.keys.usage(apiDeveloper(request), request.params.id, request.query.days)),
      timeZone: config.timeZone,
    }),
  );
}
