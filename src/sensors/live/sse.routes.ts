/** The live feed over Server-Sent Events: GET /api/v1/live. */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { Guards } from '../../http/guards.js';
import { liveErrors, type LiveAccess } from './live-access.js';
import { MAX_STREAMS, type LiveStreams } from './sse-streams.js';

/** The most datastreams one stream may follow (a whole dataset is one `dataset` parameter). */
export const MAX_DATASTREAMS = 1000;

const LiveQuery = Type.Object(
  {
    dataset: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        maxItems: 20,
        description: 'A dataset id: every datastream of its Things. May be repeated (up to 20).',
      }),
    ),
    datastream: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1 }), {
        maxItems: MAX_DATASTREAMS,
        description: `A datastream id. May be repeated (up to ${MAX_DATASTREAMS}).`,
      }),
    ),
    lastEventId: Type.Optional(
      Type.String({
        maxLength: 32,
        description:
          'Resume after this event id, for clients that cannot send the Last-Event-ID header (the header wins).',
      }),
    ),
  },
  { additionalProperties: false },
);

export function liveRoutes(
  http: FastifyInstance,
  { access, streams, guards }: { access: LiveAccess; streams: LiveStreams; guards: Guards },
): void {
  http.get(
    '/api/v1/live',
    {
      config: { limit: 'live' },
      schema: {
        tags: ['sensors'],
        summary: 'Follow committed observations live (Server-Sent Events)',
        description:
          'A `text/event-stream` of `observation` events (`id` = sequence number, `data` = `{"id", "datastream", "dataset", "thing", "phenomenonTime", "resultTime", "result", "resultQuality"}`) for the datasets and datastreams named. Sends `ready` first, a comment every 15 s, `reset` when a resume is impossible (the events after that id are no longer kept, or the server restarted), and `end` before it closes the stream (too slow a client, access withdrawn, shutdown). Resume with the `Last-Event-ID` header, which browsers send by themselves on reconnect.',
        querystring: LiveQuery,
        response: {
          200: {
            description: 'The event stream.',
            content: { 'text/event-stream': { schema: { type: 'string' } } },
          },
          400: { $ref: 'Error#' },
          403: { $ref: 'Error#' },
          404: { $ref: 'Error#' },
          503: { $ref: 'Error#' },
        },
      },
    },
    async (request, reply) => {
      const query = request.query as Static<typeof LiveQuery>;
      const viewer = guards.viewer(request);
      const filter = await access.resolve(
        { datasets: query.dataset ?? [], datastreams: query.datastream ?? [] },
        viewer,
      );
      if (streams.count >= MAX_STREAMS) throw liveErrors.busy(MAX_STREAMS);
      const header = request.headers['last-event-id'];
      const lastEventId = (Array.isArray(header) ? header[0] : header) || query.lastEventId;
      // The key or account behind the stream: enforcement closes it when they are suspended or revoked.
      const principal = guards.principal(request);
      const holder = { keyId: principal.keyId, userId: principal.user?.id };
      reply.hijack();
      streams.open({ res: reply.raw, filter, viewer, lastEventId, holder });
    },
  );
}
