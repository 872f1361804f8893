import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CatalogService } from '../catalog/catalog.service.js';
import { errors } from '../errors.js';
import { notModified } from '../http/conditional.js';
import type { Guards } from '../http/guards.js';
import {
  csvChunks,
  geojsonChunks,
  jsonChunks,
  MEDIA_TYPES,
  ndjsonChunks,
  type DownloadFormat,
} from './export/formats.js';
import type { TablesService } from './tables.service.js';

const IdParams = Type.Object({ id: Type.String() });
const ErrorResponse = { $ref: 'Error#' } as const;

const DESCRIPTIONS: Record<DownloadFormat, string> = {
  csv: 'Every row as CSV (RFC 4180, UTF-8, header row, ISO 8601 times, geometry as WKT). `bom=true` adds a byte-order mark for spreadsheets.',
  json: 'Every row as a JSON array of objects keyed by field name; geometry as GeoJSON.',
  ndjson: 'Every row as one JSON object per line.',
  geojson: 'Every row as an RFC 7946 FeatureCollection (datasets with geometry only).',
};

/** Full downloads of a dataset's rows, streamed with validators from the data version. */
export function rowsRoutes(
  app: FastifyInstance,
  catalog: CatalogService,
  tables: TablesService,
  guards: Guards,
): void {
  async function download(format: DownloadFormat, request: FastifyRequest, reply: FastifyReply) {
    const { id } = request.params as { id: string };
    const viewer = guards.viewer(request);
    const dataset = await catalog.getReadable(id, viewer);
    const rows = await tables.openRows(dataset.id);
    if (format === 'geojson' && !rows.geometryType) throw errors.datasetNoGeometry(dataset.id);

    const { bom } = request.query as { bom?: boolean };
    const etag = `"${dataset.id}-${rows.tag}-${format}${bom ? '-bom' : ''}"`;
    const lastModified = new Date(rows.dataUpdatedAt);
    reply
      .header('ETag', etag)
      .header('Last-Modified', lastModified.toUTCString())
      .header('Cache-Control', 'public, max-age=0, must-revalidate')
      .header('Vary', 'Authorization');
    if (dataset.license.url) reply.header('Link', `<${dataset.license.url}>; rel="license"`);
    if (notModified(request, etag, lastModified)) return reply.status(304).send();

    const extension = format === 'geojson' ? 'geojson' : format;
    reply
      .header('Content-Type', MEDIA_TYPES[format])
      .header('Content-Disposition', `attachment; filename="${dataset.id}.${extension}"`)
      .header('X-Row-Count', String(rows.rowCount));
    const chunks =
      format === 'csv'
        ? csvChunks(rows, { bom })
        : format === 'json'
          ? jsonChunks(rows)
          : format === 'ndjson'
            ? ndjsonChunks(rows)
            : geojsonChunks(rows, {
                name: dataset.id,
                license: dataset.license.url,
                attribution: dataset.license.attribution,
              });
    return reply.send(Readable.from(chunks, { objectMode: false }));
  }

  for (const format of ['csv', 'json', 'ndjson', 'geojson'] as const) {
    app.get(
      `/api/v1/datasets/:id/rows.${format}`,
      {
        config: { limit: 'download' },
        schema: {
          tags: ['data'],
          summary: `Download all rows as ${format.toUpperCase()}`,
          description: DESCRIPTIONS[format],
          params: IdParams,
          querystring:
            format === 'csv'
              ? Type.Object(
                  { bom: Type.Optional(Type.Boolean({ default: false })) },
                  { additionalProperties: false },
                )
              : Type.Object({}, { additionalProperties: false }),
          response: {
            200: {
              description: 'The rows, streamed.',
              content: { [MEDIA_TYPES[format].split(';')[0] as string]: { schema: { type: 'string' } } },
            },
            304: { description: 'Not modified since the ETag or date the client holds.', type: 'null' },
            400: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      (request, reply) => download(format, request, reply),
    );
  }
}
