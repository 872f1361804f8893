import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { editorsOnly, type DatasetAudit } from '../catalog/catalog.routes.js';
import { literalUnion } from '../catalog/catalog.schema.js';
import type { CatalogService } from '../catalog/catalog.service.js';
import { errors } from '../errors.js';
import type { Guards } from '../http/guards.js';
import type { ImportService } from './import/import.service.js';
import type { ImportFormat } from './import/import.types.js';

const RAW_TYPES: Record<string, ImportFormat | undefined> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'application/geo+json': 'geojson',
  'application/json': 'geojson',
  'application/x-ndjson': 'ndjson',
  'application/geo+json-seq': 'ndjson',
  'application/octet-stream': undefined,
};

const ImportQuery = Type.Object(
  {
    mode: Type.Optional(literalUnion(['replace', 'append', 'upsert'] as const)),
    key: Type.Optional(Type.String({ description: 'Key column for upsert.' })),
    types: Type.Optional(Type.String({ description: 'Type overrides, e.g. zip=text,amount=number.' })),
    on_error: Type.Optional(literalUnion(['reject', 'skip'] as const)),
    format: Type.Optional(literalUnion(['csv', 'geojson', 'ndjson'] as const)),
    encoding: Type.Optional(literalUnion(['utf8', 'latin1'] as const)),
    file_name: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
type ImportQuery = Static<typeof ImportQuery>;

const ImportReportSchema = Type.Object(
  {
    id: Type.String(),
    dataset_id: Type.String(),
    status: Type.String(),
    mode: Type.String(),
    format: Type.String(),
    rows_read: Type.Integer(),
    rows_written: Type.Integer(),
    rows_skipped: Type.Integer(),
    data_version: Type.Union([Type.Integer(), Type.Null()]),
    row_count: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: true },
);

const IdParams = Type.Object({ id: Type.String() });
const ErrorResponse = { $ref: 'Error#' } as const;

/**
 * Imports over HTTP, for admins and the stewards of a dataset's department: a raw body or a multipart upload,
 * spooled to disk and imported from there.
 */
export function importsRoutes(
  app: FastifyInstance,
  imports: ImportService,
  guards: Guards,
  options: {
    spoolDir: string;
    maxBytes: number;
    catalog: Pick<CatalogService, 'get' | 'mayEdit'>;
    audit: DatasetAudit;
  },
): void {
  const editors = editorsOnly(guards);
  /** Before anything of the body is read: another department's dataset does not exist for a steward. */
  async function authorize(request: FastifyRequest, id: string): Promise<void> {
    const viewer = guards.viewer(request);
    const dataset = await options.catalog.get(id, viewer);
    if (!options.catalog.mayEdit(dataset, viewer)) throw errors.datasetNotFound(id);
  }

  app.register(async (scope) => {
    // Bodies stream straight to the spool file; nothing is buffered in memory.
    scope.addContentTypeParser(Object.keys(RAW_TYPES), (_request, payload, done) => done(null, payload));
    await scope.register(multipart, { limits: { fileSize: options.maxBytes, files: 1, fields: 10 } });

    async function spool(stream: Readable): Promise<string> {
      await mkdir(options.spoolDir, { recursive: true });
      const path = join(options.spoolDir, `upload-${randomBytes(8).toString('hex')}`);
      let bytes = 0;
      const limit = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          if (bytes > options.maxBytes) callback(errors.payloadTooLarge(options.maxBytes));
          else callback(null, chunk);
        },
      });
      try {
        await pipeline(stream, limit, createWriteStream(path));
      } catch (error) {
        await rm(path, { force: true });
        throw error;
      }
      return path;
    }

    async function receive(request: FastifyRequest, query: ImportQuery) {
      const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
      if (type === 'multipart/form-data') {
        const file = await request.file();
        if (!file)
          throw errors.badRequest(
            'import.no_file',
            'The multipart form has no file field; attach the file as "file".',
          );
        const fields: Record<string, string> = {};
        for (const [name, field] of Object.entries(file.fields)) {
          const value = Array.isArray(field) ? field[0] : field;
          if (value && value.type === 'field') fields[name] = String(value.value);
        }
        const path = await spool(file.file);
        if (file.file.truncated) {
          await rm(path, { force: true });
          throw errors.payloadTooLarge(options.maxBytes);
        }
        return { path, fileName: file.filename, format: query.format, fields };
      }
      if (!type || !(type in RAW_TYPES)) {
        throw errors.unsupportedMediaType(type, [...Object.keys(RAW_TYPES), 'multipart/form-data']);
      }
      const path = await spool(request.body as Readable);
      const fields: Record<string, string> = {};
      return {
        path,
        fileName: query.file_name ?? 'request body',
        format: query.format ?? RAW_TYPES[type],
        fields,
      };
    }

    scope.post<{ Params: { id: string }; Querystring: ImportQuery }>(
      '/api/v1/datasets/:id/imports',
      {
        onRequest: editors,
        bodyLimit: options.maxBytes,
        schema: {
          tags: ['data', 'admin'],
          summary: "Import a file into a dataset (admin, or a steward of the dataset's department)",
          description:
            'Send CSV, GeoJSON or newline-delimited GeoJSON as the raw body (Content-Type text/csv, application/geo+json, application/x-ndjson) or as the "file" field of a multipart form. `replace` is atomic: readers see the old data until the new data is complete.',
          security: [{ adminToken: [] }, { session: [] }, { apiKey: [] }],
          params: IdParams,
          querystring: ImportQuery,
          response: {
            201: ImportReportSchema,
            400: ErrorResponse,
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            409: ErrorResponse,
            413: ErrorResponse,
            415: ErrorResponse,
            422: ErrorResponse,
          },
        },
      },
      async (request, reply) => {
        await authorize(request, request.params.id);
        const received = await receive(request, request.query);
        const pick = (name: keyof ImportQuery) => request.query[name] ?? received.fields[name];
        try {
          const report = await imports.importFile({
            datasetId: request.params.id,
            file: received.path,
            fileName: received.fileName,
            format: received.format ?? (received.fields.format as ImportFormat | undefined),
            mode: pick('mode') as 'replace' | 'append' | 'upsert' | undefined,
            key: pick('key'),
            types: pick('types'),
            onBadRows: pick('on_error') as 'reject' | 'skip' | undefined,
            encoding: pick('encoding') as 'utf8' | 'latin1' | undefined,
          });
          await options.audit(request, {
            // A replace over earlier data is a replacement; a first import, an append or an upsert an import.
            action:
              report.mode === 'replace' && (report.data_version ?? 0) > 1
                ? 'dataset.replace'
                : 'dataset.import',
            datasetId: report.dataset_id,
            details: {
              import_id: report.id,
              mode: report.mode,
              file_name: report.file_name,
              format: report.format,
              rows_written: report.rows_written,
              rows_skipped: report.rows_skipped,
              data_version: report.data_version,
            },
          });
          return reply.status(201).send(report);
        } finally {
          await rm(received.path, { force: true });
        }
      },
    );

    scope.get<{ Params: { id: string } }>(
      '/api/v1/datasets/:id/imports',
      {
        onRequest: editors,
        schema: {
          tags: ['data', 'admin'],
          summary: "Recent imports of a dataset (admin, or a steward of the dataset's department)",
          security: [{ adminToken: [] }, { session: [] }, { apiKey: [] }],
          params: IdParams,
          response: {
            200: Type.Object({ results: Type.Array(Type.Unknown()) }),
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
          },
        },
      },
      async (request) => {
        await authorize(request, request.params.id);
        const rows = await imports.listImports(request.params.id);
        if (rows.length === 0 && !(await imports.datasetExists(request.params.id))) {
          throw errors.datasetNotFound(request.params.id);
        }
        return { results: rows.map((r) => ({ ...r, report: JSON.parse(r.report) as unknown })) };
      },
    );
  });
}
