/**
 * The SODA 2.1-compatible query endpoint: `GET /resource/{id}.json`, `.csv` and `.geojson` (and `/resource/{id}`
 * by the Accept header), answering the way Socrata does so that sodapy, RSocrata, soda-js and dashboards built
 * for Socrata work unchanged: the same SoQL parameters on Plaza's query engine, Socrata's value rendering,
 * headers, default `$limit` of 1000 and error shape.
 */
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import type { Guards } from '../../http/guards.js';
import type { JsonValue } from '../../query/decode.js';
import { csvChunks, geojsonChunks } from '../../query/output/formats.js';
import { cacheHeaders } from '../../query/query.routes.js';
import type { QueryService } from '../../query/query.service.js';
import { nextUrl, OPTION_PARAMETERS, readQueryRequest, SOQL_PARAMETERS } from '../../query/request.js';
import { sodaError, sodaInternalError, type SodaErrorBody } from './errors.js';
import { rowObject, rowRenderer, sodaColumns, sodaHeaders } from './render.js';

export interface SodaOptions {
  /** The city's zone: timestamps are rendered as its wall-clock time, as the engine reads zone-less times. */
  timeZone: string;
}

type Format = 'json' | 'csv' | 'geojson';

/** Rows of a request without `$limit`, as Socrata answers (on every format). */
export const SODA_DEFAULT_LIMIT = 1_000;

const MEDIA: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  // Socrata's type: sodapy accepts only application/json and application/vnd.geo+json for JSON bodies.
  geojson: 'application/vnd.geo+json; charset=utf-8',
};

/** Socrata's `$$` options that change nothing here: accepted, so that clients sending them work. */
const IGNORED_OPTIONS = ['$$exclude_system_fields', '$$version', '$$read_from_nbe'] as const;

const TOKEN_PARAMETER = '$$app_token';

/** The coordinate system member Socrata puts on its FeatureCollections. */
const CRS84 = { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } };

const PARAMETER_DOCS: Record<string, string> = {
  $select: 'Columns and expressions to return: `kind, count(*) AS n`.',
  $where: "Filter rows: `valuation > 1000 AND issued >= '2024-01-01'`.",
  $order: 'Sort: `issued DESC`.',
  $group: 'Group rows for aggregates in $select.',
  $having: 'Filter groups: `count(*) > 10`.',
  $q: 'Full-text search: every word must appear in a text column.',
  $query: 'A whole SoQL statement; not combined with the other $ parameters.',
  $limit:
    'Rows to return: default 1000 on every format; JSON pages hold at most 50000 (see the Link header).',
  $offset: 'Rows to skip: page with $limit and $offset, as with Socrata.',
  $$count: 'true adds X-Plaza-Total, the number of rows in the whole result.',
  $$cursor: 'The token of a Link rel="next" URL (opaque).',
  $$app_token: 'An application token, as Socrata takes it (also as the X-App-Token header); never echoed.',
  $$bom: 'CSV: true adds a byte-order mark for spreadsheets.',
  $$exclude_system_fields: 'Accepted for compatibility; `*` never includes system fields here.',
  $$version: 'Accepted for compatibility (this endpoint speaks SODA 2.1).',
  $$read_from_nbe: 'Accepted for compatibility; ignored.',
};

const QueryString = Type.Object(
  Object.fromEntries(
    [...SOQL_PARAMETERS, ...OPTION_PARAMETERS, ...IGNORED_OPTIONS].map((name) => [
      name,
      Type.Optional(Type.String({ description: PARAMETER_DOCS[name] })),
    ]),
  ),
  {
    additionalProperties: Type.String({ description: 'A column name: rows where it equals the value.' }),
    description:
      'SoQL parameters as SODA 2.1 takes them; other names filter a column by equality (`?kind=Solar`).',
  },
);

const IdParams = Type.Object({ id: Type.String({ description: 'The dataset id (or its slug).' }) });
const AppTokenHeader = Type.Object({
  'x-app-token': Type.Optional(
    Type.String({ description: 'An application token (accepted; never echoed).' }),
  ),
});

const SodaErrorSchema = Type.Object(
  {
    code: Type.String({ description: 'Socrata-style code, such as query.soql.no-such-column or not_found.' }),
    error: Type.Literal(true),
    message: Type.String({ description: 'What went wrong and what to fix.' }),
    errorCode: Type.String({ description: 'The same code, as newer Socrata services name it.' }),
    data: Type.Record(Type.String(), Type.Unknown(), {
      description: "Details: plaza_code (Plaza's own error code), the clause, position and query text.",
    }),
  },
  { description: 'An error, in the shape Socrata answers with.' },
);
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: SodaErrorSchema } },
});
const ERROR_RESPONSES = {
  304: { description: 'Not modified.', type: 'null' },
  400: errorResponse('The query or a parameter is not valid.'),
  403: errorResponse('The rows of this dataset are restricted.'),
  404: errorResponse('No such dataset.'),
  409: errorResponse('A $$cursor from an older version of the data.'),
  504: errorResponse('The query took too long.'),
};

const Row = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'One row: numbers as decimal strings, booleans, floating timestamps such as 2024-01-15T09:30:00.000 ' +
    "(the city's time), GeoJSON geometry; null values are left out.",
});
const CONTENT: Record<Format, { schema: unknown }> = {
  json: { schema: Type.Array(Row) },
  csv: { schema: Type.String({ description: 'RFC 4180 CSV with a header row; geometry as WKT.' }) },
  geojson: {
    schema: Type.Object({}, { additionalProperties: true, description: 'A GeoJSON FeatureCollection.' }),
  },
};
const header = (description: string) => ({ type: 'string', description });
const RESPONSE_HEADERS = {
  'X-SODA2-Fields': header('JSON array of the output column names, in order: ["kind","n"].'),
  'X-SODA2-Types': header(
    'JSON array of their SoQL types: text, number, boolean, floating_timestamp, row_identifier, point, ' +
      'multipoint, line, multiline, polygon, multipolygon (geometry for layers of mixed kinds).',
  ),
  'X-SODA2-Truth-Last-Modified': header('When the data was last changed (HTTP date), as Last-Modified.'),
  ETag: header('Changes with the data and the query; send it back in If-None-Match for a 304.'),
  Link: header('JSON: <URL>; rel="next" when more rows follow this page.'),
  'X-Plaza-Limit-Capped': header('JSON: the rows in this page, when the asked $limit was over 50000.'),
};
const mediaType = (format: Format) => MEDIA[format].split(';')[0]!;

/** The URL as logs may show it: the value of `$$app_token` replaced. */
export function logSafeUrl(url: string): string {
  return url.replace(/((?:^|[?&])(?:%24|\$)(?:%24|\$)app_token=)[^&#]*/gi, '$1[redacted]');
}

/** A request as the logs of these routes show it (Fastify's fields, without the app token). */
function logSafeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: logSafeUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The format an extension-less `/resource/{id}` answers in, from the Accept header, as Socrata negotiates. */
function negotiate(accept: string | undefined): Format {
  const types = (accept ?? '').toLowerCase();
  if (types.includes('text/csv')) return 'csv';
  if (types.includes('application/vnd.geo+json') || types.includes('application/geo+json')) return 'geojson';
  return 'json';
}

async function* mapBatches(
  batches: AsyncIterable<JsonValue[][]>,
  render: (row: JsonValue[]) => JsonValue[],
): AsyncIterable<JsonValue[][]> {
  for await (const batch of batches) yield batch.map(render);
}

function sendError(reply: FastifyReply, status: number, body: SodaErrorBody) {
  return reply
    .status(status)
    .header('Access-Control-Allow-Origin', '*')
    .header('Content-Type', MEDIA.json)
    .send(JSON.stringify(body));
}

/** Errors of the SODA routes in Socrata's shape (the rest of the API keeps Plaza's own). */
function handleError(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const context = { requestId: request.id, parameters: request.query as Record<string, unknown> | undefined };
  if (error instanceof AppError) {
    const { status, body } = sodaError(error, context);
    return sendError(reply, status, body);
  }
  if (error.validation) {
    const first = error.validation[0];
    const where = `${error.validationContext ?? 'request'}${first?.instancePath ?? ''}`;
    const appError = new AppError(
      'request.invalid',
      400,
      `Invalid ${where}: ${first?.message ?? 'is invalid'}.`,
      {
        problems: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
      },
    );
    const { status, body } = sodaError(appError, context);
    return sendError(reply, status, body);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const { body } = sodaError(new AppError('request.invalid', status, error.message), context);
    return sendError(reply, status, body);
  }
  request.log.error({ err: error }, 'unhandled error');
  const { body } = sodaInternalError(request.id);
  return sendError(reply, 500, body);
}

export function sodaRoutes(
  app: FastifyInstance,
  queries: QueryService,
  guards: Guards,
  publicUrl: string,
  options: SodaOptions,
): void {
  async function answer(format: Format, request: FastifyRequest, reply: FastifyReply, negotiated: boolean) {
    const { id } = request.params as { id: string };
    const input: Record<string, unknown> = { ...(request.query as Record<string, unknown>) };
    for (const name of IGNORED_OPTIONS) delete input[name];
    const req = readQueryRequest(input);
    // Socrata answers 1000 rows when no $limit is given, on every format; the streams need it in the plan.
    req.query.limit ??= SODA_DEFAULT_LIMIT;
    const prepared = await queries.prepare(id, req.query, guards.viewer(request), req.filters);

    const columns = sodaColumns(prepared.plan.columns, prepared.target.geometryType);
    const { fields, types } = sodaHeaders(columns);
    const truth = new Date(prepared.target.dataUpdatedAt).toUTCString();
    reply
      .header('X-SODA2-Fields', fields)
      .header('X-SODA2-Types', types)
      .header('X-SODA2-Truth-Last-Modified', truth)
      .header('X-SODA2-Secondary-Last-Modified', truth)
      .header('X-SODA2-Data-Out-Of-Date', 'false')
      .header('Access-Control-Allow-Origin', '*');
    const variant = `soda-${format}-${req.count ? 'c' : ''}${req.bom ? 'b' : ''}-${req.cursor ?? ''}`;
    const etag = `${prepared.etag.slice(0, -1)}-${Buffer.from(variant).toString('base64url')}"`;
    const fresh = cacheHeaders(request, reply, prepared, etag);
    if (negotiated) reply.header('Vary', 'Authorization, Accept');
    if (fresh) return reply.status(304).send();

    const render = rowRenderer(columns, options.timeZone);
    if (format === 'json') {
      const result = await queries.page(prepared, { cursor: req.cursor, count: req.count });
      if (result.next) {
        const raw = { ...req.raw };
        delete raw[TOKEN_PARAMETER];
        const base = `${publicUrl}/resource/${encodeURIComponent(id)}.json`;
        reply.header('Link', `<${nextUrl(base, raw, result.next)}>; rel="next"`);
      }
      if (result.capped) reply.header('X-Plaza-Limit-Capped', String(result.rows.length));
      if (result.total !== undefined) reply.header('X-Plaza-Total', String(result.total));
      let body = '[';
      for (let i = 0; i < result.rows.length; i++) {
        body += `${i > 0 ? ',\n' : '\n'}${JSON.stringify(rowObject(columns, render(result.rows[i]!)))}`;
      }
      body += result.rows.length > 0 ? '\n]\n' : ']\n';
      return reply.header('Content-Type', MEDIA.json).send(body);
    }

    if (req.count) reply.header('X-Plaza-Total', String(await queries.count(prepared)));
    const batches = mapBatches(queries.stream(prepared), render);
    const chunks =
      format === 'csv'
        ? csvChunks(columns, () => batches, { bom: req.bom })
        : geojsonChunks(columns, batches, { crs: CRS84 });
    reply.header('Content-Type', MEDIA[format]);
    return reply.send(Readable.from(chunks, { objectMode: false }));
  }

  const routeOptions = (format: Format | null) => ({
    logSerializers: { req: logSafeRequest },
    schema: {
      tags: ['soda'],
      summary:
        format === null
          ? 'Query a dataset the SODA 2.1 way, in the format the Accept header asks for'
          : `Query a dataset the SODA 2.1 way, as ${format === 'json' ? 'JSON' : format === 'csv' ? 'CSV' : 'GeoJSON'}`,
      description:
        format === null
          ? 'The same as /resource/{id}.json, or .csv or .geojson when Accept asks for text/csv or application/vnd.geo+json.'
          : 'Socrata-compatible (SODA 2.1): existing Socrata clients work unchanged. Default $limit 1000; ' +
            'X-SODA2-Fields and X-SODA2-Types headers; errors as {"code", "error": true, "message", "data"}. ' +
            'See the API guide for the differences from Socrata.',
      params: IdParams,
      querystring: QueryString,
      headers: AppTokenHeader,
      response: {
        200: {
          description: 'The rows of the result.',
          headers: RESPONSE_HEADERS,
          content:
            format === null
              ? Object.fromEntries(
                  (['json', 'csv', 'geojson'] as const).map((f) => [mediaType(f), CONTENT[f]]),
                )
              : { [mediaType(format)]: CONTENT[format] },
        },
        ...ERROR_RESPONSES,
      },
    },
  });

  void app.register(async (scope) => {
    scope.setErrorHandler(handleError);
    for (const format of ['json', 'csv', 'geojson'] as const) {
      scope.get(`/resource/:id.${format}`, routeOptions(format), (request, reply) =>
        answer(format, request, reply, false),
      );
    }
    scope.get('/resource/:id', routeOptions(null), (request, reply) => {
      const { id } = request.params as { id: string };
      const dot = id.lastIndexOf('.');
      if (dot >= 0) {
        throw new AppError(
          'route.not_found',
          404,
          `This endpoint answers in .json, .csv and .geojson; "${id.slice(dot)}" is not one of them.`,
        );
      }
      return answer(negotiate(request.headers.accept), request, reply, true);
    });
  });
}
