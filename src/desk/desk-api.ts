/**
 * What every desk's JSON API (records requests, quality reports) does the same way: its error responses, the
 * staff security of its documentation, answers that must never be cached, and the one shape of a staff action
 * (a POST on one item under the staff guard, answered with the item as it is now).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const ErrorResponse = { $ref: 'Error#' } as const;
/** Staff: a signed-in session (with its CSRF token on writes) or the admin token. */
export const STAFF_SECURITY: Record<string, string[]>[] = [{ session: [] }, { adminToken: [] }];

/** The documented error answers for these statuses. */
export const errorsOf = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, ErrorResponse])) as Record<number, typeof ErrorResponse>;

/** Sends an answer for one viewer only: never kept by a shared cache or the browser. */
export function sendPrivate(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.header('Cache-Control', 'private, no-store').send(body);
}

/** Where a desk's staff actions live and what guards and answers them. */
export interface StaffActionsSpec<K extends string> {
  /** The items' address (`/api/v1/...`); an action is `{base}/:{param}/{path}`. */
  base: string;
  /** The name of the item's parameter in the address, and its schema. */
  param: K;
  params: object;
  onRequest: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  tags: string[];
  /** The schema of the item the action answers with, and the documented error answers. */
  item: object;
  errors: Record<number, typeof ErrorResponse>;
}

/** The request of a staff action: its item's parameter and its body. */
export type ActionRequest<K extends string, B> = FastifyRequest<{ Params: Record<K, string>; Body: B }>;

/** Returns the desk's `action(path, summary, body schema, run, description?)`, which adds one staff action. */
export function staffActions<K extends string>(app: FastifyInstance, spec: StaffActionsSpec<K>) {
  return function action<B>(
    path: string,
    summary: string,
    body: object,
    run: (key: string, request: ActionRequest<K, B>) => Promise<unknown>,
    description?: string,
  ): void {
    app.post<{ Params: Record<K, string>; Body: B }>(
      `${spec.base}/:${spec.param}/${path}`,
      {
        onRequest: spec.onRequest,
        schema: {
          tags: spec.tags,
          security: STAFF_SECURITY,
          summary,
          ...(description && { description }),
          params: spec.params,
          body,
          response: { 200: spec.item, ...spec.errors },
        },
      },
      async (request) => run((request.params as Record<K, string>)[spec.param], request),
    );
  };
}
