import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errors, type ErrorBody } from '../errors.js';

export function errorBody(error: AppError, requestId: string): ErrorBody {
  return { error: { code: error.code, message: error.message, details: error.details, requestId } };
}

/** Answers an unknown address with a page (for browsers), or null to leave it to the JSON error. */
export type NotFoundPage = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;

const notFoundPages = new WeakMap<FastifyInstance, NotFoundPage>();

/** Lets the portal answer browsers' unknown addresses with a page; installed after the error handler. */
export function setNotFoundPage(app: FastifyInstance, page: NotFoundPage): void {
  notFoundPages.set(app, page);
}

/** The one place where errors become responses: catalogue errors as they are, others as a plain 500. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) return reply.status(error.status).send(errorBody(error, request.id));
    if (error.validation) {
      const unknown = error.validation
        .filter((v) => v.keyword === 'additionalProperties' && error.validationContext === 'querystring')
        .map((v) => String((v.params as { additionalProperty?: string }).additionalProperty));
      if (unknown.length > 0) {
        const allowed = Object.keys(
          (request.routeOptions.schema?.querystring as { properties?: object } | undefined)?.properties ?? {},
        );
        return reply.status(400).send(errorBody(errors.unknownParameter(unknown, allowed), request.id));
      }
      const first = error.validation[0];
      const where = first?.instancePath ? `${error.validationContext ?? 'request'}${first.instancePath}` : '';
      const field =
        (first?.params as
          { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown[] } | undefined) ??
        {};
      const name = field.missingProperty ?? field.additionalProperty ?? field.allowedValues?.join(', ');
      const message = `Invalid ${error.validationContext ?? 'request'}: ${where ? `${where} ` : ''}${first?.message ?? 'is invalid'}${name ? ` (${name})` : ''}.`;
      const body: ErrorBody = {
        error: {
          code: 'request.invalid',
          message,
          details: { problems: error.validation.map((v) => ({ path: v.instancePath, message: v.message })) },
          requestId: request.id,
        },
      };
      return reply.status(400).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        status === 413
          ? 'request.too_large'
          : status === 415
            ? 'request.unsupported_media_type'
            : 'request.invalid';
      const body: ErrorBody = { error: { code, message: error.message, requestId: request.id } };
      return reply.status(status).send(body);
    }
    request.log.error({ err: error }, 'unhandled error');
    const body: ErrorBody = {
      error: {
        code: 'internal',
        message: `Something went wrong on our side. Quote request id ${request.id} when you report it.`,
        requestId: request.id,
      },
    };
    return reply.status(500).send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    const page = notFoundPages.get(app)?.(request, reply);
    if (page) return page;
    const body: ErrorBody = {
      error: {
        code: 'route.not_found',
        message: `Nothing at ${request.method} ${request.url.split('?')[0]}. The API is described at /api/docs.`,
        requestId: request.id,
      },
    };
    return reply.status(404).send(body);
  });
}
