/**
 * Uploading data from the browser: the file form, the multipart upload that spools the file and shows the
 * import's preview, then Publish (the real import, replace mode) or Discard. The upload's CSRF token is read
 * from the form field that precedes the file, before a byte of the file is stored.
 */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkCsrf } from '../../access/authenticate.js';
import type { Dataset } from '../../catalog/catalog.schema.js';
import { AppError, errors } from '../../errors.js';
import { ImportError } from '../../tables/import/import-errors.js';
import { formatFromName } from '../../tables/import/source.js';
import { actorOf } from './audit.js';
import { PreviewPage, UploadPage } from './pages/upload.js';
import type { StaffRouteDeps } from './staff.routes.js';
import { previewUpload } from './upload/preview.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

const field = (body: unknown, name: string): string => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

/** What a file problem says to a person: the message, with its line and column when known. */
function fileProblem(error: unknown): string | undefined {
  if (error instanceof ImportError)
    return `${error.message}${error.line !== undefined ? ` (line ${error.line}${error.column ? `, column ${error.column}` : ''})` : ''}`;
  if (error instanceof AppError && error.status === 422) {
    const line = error.details?.line;
    return `${error.message}${typeof line === 'number' ? ` (line ${line})` : ''}`;
  }
  return undefined;
}

export function uploadRoutes(scope: FastifyInstance, deps: StaffRouteDeps): void {
  const { ctx, pages, datasets, format, spool } = deps;
  const publishers = pages.only('steward');
  const maxBytes = ctx.config.maxUploadBytes;
  const ownerOf = (request: FastifyRequest) => actorOf(request).actorId ?? 'admin token';
  const overview = (d: Dataset) => `/staff/datasets/${encodeURIComponent(d.id)}`;

  const uploadForm = (request: FastifyRequest, reply: FastifyReply, dataset: Dataset, error?: string) =>
    pages.send(
      reply,
      UploadPage({
        staff: pages.info(request, reply, `${overview(dataset)}/data`),
        dataset,
        error,
        maxBytes,
        format,
        notice: error ? undefined : pages.notice(request),
      }),
      error ? 422 : 200,
    );

  scope.get(
    '/staff/datasets/:id/data',
    { schema: { hide: true }, onRequest: publishers },
    async (request: IdRequest, reply) => {
      const dataset = await datasets.uploadable(request.params.id, ctx.guards.viewer(request));
      return uploadForm(request, reply, dataset);
    },
  );

  scope.post(
    '/staff/datasets/:id/data',
    { schema: { hide: true }, onRequest: publishers, config: { csrf: 'manual' } },
    async (request: IdRequest, reply) => {
      const dataset = await datasets.uploadable(request.params.id, ctx.guards.viewer(request));
      if (!request.isMultipart())
        throw errors.unsupportedMediaType(request.headers['content-type'], ['multipart/form-data']);
      let csrf: string | undefined;
      let encoding: 'utf8' | 'latin1' = 'utf8';
      let received: { token: string; path: string; fileName: string } | undefined;
      let empty = false;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === '_csrf') csrf = String(part.value);
            if (part.fieldname === 'encoding' && part.value === 'latin1') encoding = 'latin1';
            continue;
          }
          // Nothing of the file is stored unless the form's token came first and is this session's.
          checkCsrf(request, csrf);
          if (part.fieldname !== 'file' || received) {
            part.file.resume();
            continue;
          }
          if (part.filename === '') {
            empty = true;
            part.file.resume();
            continue;
          }
          received = await receive(part);
        }
      } catch (error) {
        if (received) await spool.discard(received.token);
        throw error;
      }
      if (!received) {
        checkCsrf(request, csrf);
        return uploadForm(
          request,
          reply,
          dataset,
          empty ? 'Choose a file to upload.' : 'The form had no file.',
        );
      }
      try {
        const preview = await previewUpload(received.path, {
          format: formatFromName(received.fileName),
          encoding,
          timeZone: ctx.config.timeZone,
        });
        if (preview.importable === 0) {
          await spool.discard(received.token);
        } else {
          await spool.keep({
            token: received.token,
            datasetId: dataset.id,
            owner: ownerOf(request),
            fileName: received.fileName,
            format: preview.format,
            encoding,
            problemCount: preview.problemCount,
          });
        }
        const page = PreviewPage({
          staff: pages.info(request, reply, `${overview(dataset)}/data`),
          dataset,
          preview,
          token: received.token,
          fileName: received.fileName,
          format,
        });
        return pages.send(reply, page);
      } catch (error) {
        await spool.discard(received.token);
        const problem = fileProblem(error);
        if (problem === undefined) throw error;
        return uploadForm(request, reply, dataset, problem);
      }
    },
  );

  async function receive(part: MultipartFile) {
    const stored = await spool.receive(part.file);
    if (part.file.truncated) {
      await spool.discard(stored.token);
      throw errors.payloadTooLarge(maxBytes);
    }
    return { ...stored, fileName: part.filename.replace(/^.*[\\/]/, '').slice(0, 200) || 'upload' };
  }

  scope.post(
    '/staff/datasets/:id/data/publish',
    { schema: { hide: true }, onRequest: publishers },
    async (request: IdRequest, reply) => {
      const viewer = ctx.guards.viewer(request);
      const dataset = await datasets.editable(request.params.id, viewer);
      const pending = await spool.find(field(request.body, 'upload'), dataset.id, ownerOf(request));
      if (!pending) return pages.seeOther(reply, `${overview(dataset)}/data`, 'expired');
      const publish = field(request.body, 'publish') !== 'no';
      try {
        const { dataset: after } = await datasets.importFile(
          dataset.id,
          {
            path: pending.path,
            fileName: pending.upload.fileName,
            format: pending.upload.format,
            encoding: pending.upload.encoding,
            skipBadRows: pending.upload.problemCount > 0,
          },
          publish,
          viewer,
          actorOf(request),
        );
        await spool.discard(pending.upload.token);
        const notice =
          dataset.status === 'published'
            ? 'replaced'
            : after.status === 'published'
              ? 'published'
              : 'imported';
        return pages.seeOther(reply, overview(dataset), notice);
      } catch (error) {
        // Busy is worth retrying with the same upload; a refused file is not.
        if (!(error instanceof AppError && error.code === 'import.busy'))
          await spool.discard(pending.upload.token);
        const problem = fileProblem(error);
        if (problem === undefined) throw error;
        return uploadForm(request, reply, dataset, problem);
      }
    },
  );

  scope.post(
    '/staff/datasets/:id/data/discard',
    { schema: { hide: true }, onRequest: publishers },
    async (request: IdRequest, reply) => {
      const dataset = await datasets.editable(request.params.id, ctx.guards.viewer(request));
      const pending = await spool.find(field(request.body, 'upload'), dataset.id, ownerOf(request));
      if (pending) await spool.discard(pending.upload.token);
      return pages.seeOther(reply, overview(dataset), 'discarded');
    },
  );
}
