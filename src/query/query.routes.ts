/**
 * The native query endpoint: `GET|POST /api/v1/datasets/{id}/query` (JSON pages with `next`), and `.csv` and
 * `.geojson` variants that stream the whole result.
 */
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import type { Guards } from '../http/guards.js';
import { notModified } from '../http/conditional.js';
import { csvChunks, geojsonChunks, geometryColumn } from './output/formats.js';
import type { PreparedQuery, QueryService } from './query.service.js';
import {
  nextUrl,
  OPTION_PARAMETERS,
  readQueryRequest,
  SOQL_PARAMETERS,
  type QueryRequest,
} from './request.js';

const ErrorResponse = { $ref: 'Error#' } as const;
const IdParams = Type.Object({ id: Type.String() });

const PARAMETER_DOCS: Record<string, string> = {
  $select: 'Columns and expressions to return, with AS aliases: `category, count(*) AS n`.',
  $where: "Filter rows: `amount > 1000 AND issued >= '2024-01-01'`.",
  $order: 'Sort: `issued DESC, :id`. Default: row order (`:id`).',
  $group: 'Group rows for aggregates in $select.',
  $having: 'Filter groups: `count(*) > 10`.',
  $q: 'Full-text search: every word must appear in a text column.',
  $query:
    'A whole statement: `SELECT ... WHERE ... GROUP BY ... ORDER BY ... LIMIT ... OFFSET ...`; not combined with the other $ parameters.',
  $limit: 'Rows per page: default 1000, at most 50000 (CSV and GeoJSON: all rows unless given).',
  $offset: 'Rows to skip.',
  $$count: 'true adds `total`, the number of rows in the whole result.',
  $$cursor: 'The token of a `next` link (opaque).',
  $$app_token: 'An application token (accepted for compatibility).',
  $$bom: 'CSV: true adds a byte-order mark for spreadsheets.',
};

const QueryString = Type.Object(
  Object.fromEntries(
    [...SOQL_PARAMETERS, ...OPTION_PARAMETERS].map((name) => [
      name,
      Type.Optional(Type.String({ description: PARAMETER_DOCS[name] })),
    ]),
  ),
  {
    additionalProperties: Type.String({ description: 'A column name: rows where it equals the value.' }),
    description: 'SoQL parameters (see the query language guide); other names filter a column by equality.',
  },
);

const Row = Type.Record(Type.String(), Type.Unknown());
const QueryResponse = Type.Object({
  columns: Type.Array(Type.Object({ name: Type.String(), type: Type.String() })),
  rows: Type.Array(Row),
  next: Type.Union([Type.String(), Type.Null()], {
    description: 'URL of the next page, or null at the end.',
  }),
  total: Type.Optional(Type.Integer()),
});

type Format = 'json' | 'csv' | 'geojson';

const MEDIA: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  geojson: 'application/geo+json; charset=utf-8',
};

/** Sets validators and cache headers; true when the client's copy is current (answer 304). */
export function cacheHeaders(
  request: FastifyRequest,
  reply: FastifyReply,
  prepared: PreparedQuery,
  etag: string,
): boolean {
  const lastModified = new Date(prepared.target.dataUpdatedAt);
  reply
    .header('ETag', etag)
    .header('Last-Modified', lastModified.toUTCString())
    .header(
      'Cache-Control',
      prepared.dataset.access_level === 'public' ? 'public, max-age=0, must-revalidate' : 'private, no-store',
    )
    .header('Vary', 'Authorization');
  return notModified(request, etag, lastModified);
}

export function queryRoutes(
  app: FastifyInstance,
  queries: QueryService,
  guards: Guards,
  publicUrl: string,
): void {
  async function answer(
    format: Format,
    input: Record<string, unknown>,
    request: FastifyRequest,
    reply: FastifyReply,
  ) {
    const { id } = request.params as { id: string };
    const req: QueryRequest = readQueryRequest(input);
    const prepared = await queries.prepare(id, req.query, guards.viewer(request), req.filters);
    const variant = `${format}-${req.count ? 'c' : ''}${req.bom ? 'b' : ''}-${req.cursor ?? ''}`;
    const etag = `${prepared.etag.slice(0, -1)}-${Buffer.from(variant).toString('base64url')}"`;
    if (cacheHeaders(request, reply, prepared, etag)) return reply.status(304).send();

    if (format !== 'json') {
      if (format === 'geojson' && geometryColumn(prepared.plan.columns) < 0) {
        throw errors.badRequest(
          'query.no_geometry',
          'GeoJSON needs a geometry column in the result: select one, or ask for .json or .csv.',
        );
      }
      const columns = prepared.plan.columns.map((c) => ({ name: c.name, type: c.type }));
      const batches = () => queries.stream(prepared);
      reply
        .header('Content-Type', MEDIA[format])
        .header('Content-Disposition', `attachment; filename="${prepared.dataset.id}-query.${format}"`);
      const chunks =
        format === 'csv'
          ? csvChunks(columns, batches, { bom: req.bom, lines: queries.csvLines(prepared) })
          : geojsonChunks(columns, batches(), { name: prepared.dataset.id });
      return reply.send(Readable.from(chunks, { objectMode: false }));
    }

    const result = await queries.page(prepared, { cursor: req.cursor, count: req.count });
    const base = `${publicUrl}/api/v1/datasets/${encodeURIComponent(prepared.dataset.id)}/query`;
    const next = result.next ? nextUrl(base, req.raw, result.next) : null;
    if (next) reply.header('Link', `<${next}>; rel="next"`);
    if (result.capped) reply.header('X-Plaza-Limit-Capped', String(result.rows.length));
    const names = result.columns.map((c) => c.name);
    const rows = result.rows.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
    reply.header('Content-Type', MEDIA.json);
    return {
      columns: result.columns,
      rows,
      next,
      ...(result.total !== undefined && { total: result.total }),
    };
  }

  const responses = {
    304: { description: 'Not modified.', type: 'null' },
    400: ErrorResponse,
    403: ErrorResponse,
    404: ErrorResponse,
    409: ErrorResponse,
    504: ErrorResponse,
  };

  app.get(
    '/api/v1/datasets/:id/query',
    {
      schema: {
        tags: ['query'],
        summary: 'Query a dataset with SoQL',
        description:
          'Filter, aggregate and search a dataset. Pages of at most 50,000 rows; `next` continues, fast at any depth. See the query language guide at /docs/query-language.',
        params: IdParams,
        querystring: QueryString,
        response: { 200: QueryResponse, ...responses },
      },
    },
    (request, reply) => answer('json', request.query as Record<string, unknown>, request, reply),
  );
  app.post(
    '/api/v1/datasets/:id/query',
    {
      // Reads only: a signed-in browser needs no CSRF token to ask a question.
      config: { csrf: 'read-only' },
      schema: {
        tags: ['query'],
        summary: 'Query a dataset with SoQL (parameters in the body)',
        description: 'The same as GET, for queries too long for a URL: a JSON object of the same parameters.',
        params: IdParams,
        body: QueryString,
        response: { 200: QueryResponse, ...responses },
      },
    },
    (request, reply) => answer('json', request.body as Record<string, unknown>, request, reply),
  );
  for (const format of ['csv', 'geojson'] as const) {
    app.get(
      `/api/v1/datasets/:id/query.${format}`,
      {
        config: { limit: 'download' },
        schema: {
          tags: ['query'],
          summary: `Query a dataset, the whole result as ${format.toUpperCase()}`,
          description: 'Streams every row of the result ($limit and $offset apply when given).',
          params: IdParams,
          querystring: QueryString,
          response: {
            200: {
              description: 'The result, streamed.',
              content: { [MEDIA[format].split(';')[0]!]: { schema: { type: 'string' } } },
            },
            ...responses,
          },
        },
      },
      (request, reply) => answer(format, request.query as Record<string, unknown>, request, reply),
    );
  }
}
