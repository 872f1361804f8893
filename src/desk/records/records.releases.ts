/**
 * Releasing records: an upload, a dataset of the catalog or an offline record, each with its visibility and an
 * optional redaction note; and "request to dataset", linking a dataset published from released records.
 */
import { randomUUID } from 'node:crypto';
import { AppError, recordsErrors } from '../../errors.js';
import type { DeskContext, DeskHelpers } from './records.context.js';
import { cleanFileName } from './records.files.js';
import { releaseMail } from './records.notices.js';
import { runsDesk, text, throwIf } from './records.rules.js';
import { DOCUMENT_KINDS, LIMITS, VISIBILITIES } from './records.schema.js';
import type { DeskViewer, ReleasedDocument, RequestDetail } from './records.types.js';

type Problems = { field: string; message: string }[];

export function releases(ctx: DeskContext, h: DeskHelpers) {
  const reload = (id: string, viewer: DeskViewer, now: Date) =>
    h.load(id).then((l) => h.present(l, viewer, now));

  async function requireDataset(datasetId: string, problems: Problems, field: string) {
    try {
      return await ctx.catalog.get(datasetId, { admin: true });
    } catch (error) {
      if (!(error instanceof AppError && error.status === 404)) throw error;
      problems.push({ field, message: `no dataset "${datasetId}"` });
      return undefined;
    }
  }

  return {
    async release(
      id: string,
      viewer: DeskViewer,
      document: Omit<ReleasedDocument, 'id' | 'releasedAt'> & { path?: string },
      now = ctx.now(),
    ): Promise<RequestDetail> {
      const discard = () =>
        document.path ? ctx.store.discard(document.path).catch(() => undefined) : undefined;
      try {
        const { row, staff } = await h.forStaff(id, viewer);
        h.refuseClosed(row);
        const problems: Problems = [];
        if (!(DOCUMENT_KINDS as readonly string[]).includes(document.kind))
          problems.push({ field: 'kind', message: `use one of ${DOCUMENT_KINDS.join(', ')}` });
        if (!(VISIBILITIES as readonly string[]).includes(document.visibility))
          problems.push({ field: 'visibility', message: `use one of ${VISIBILITIES.join(', ')}` });
        const title = text(problems, 'title', document.title, { required: true, max: LIMITS.title });
        const description = text(problems, 'description', document.description, {
          required: document.kind === 'offline',
        });
        const redactionNote = text(problems, 'redactionNote', document.redactionNote);
        if (document.kind === 'upload' && !document.path)
          problems.push({ field: 'file', message: 'attach the file' });
        const datasetId =
          document.kind === 'dataset'
            ? text(problems, 'datasetId', document.datasetId, { required: true })
            : undefined;
        if (datasetId) await requireDataset(datasetId, problems, 'datasetId');
        throwIf(problems);
        const stored = document.kind === 'upload' ? await ctx.store.adopt(document.path!, id) : undefined;
        await ctx.repo.addDocument({
          id: randomUUID(),
          request_id: id,
          kind: document.kind,
          title: title!,
          visibility: document.visibility,
          file_path: stored?.relativePath ?? null,
          file_name: stored ? cleanFileName(document.fileName) : null,
          media_type: stored ? document.mediaType || 'application/octet-stream' : null,
          size: stored?.size ?? null,
          dataset_id: datasetId ?? null,
          description: description ?? null,
          redaction_note: redactionNote ?? null,
          released_at: now.toISOString(),
          released_by: staff.userId || null,
        });
        if (document.visibility !== 'staff')
          await h.toRequester(row, releaseMail(h.notice(), row, { title: title! }), 'records_release');
        await h.audit(staff, 'records.release', row, {
          kind: document.kind,
          visibility: document.visibility,
          dataset: datasetId ?? null,
          redacted: redactionNote !== undefined,
        });
        return reload(id, viewer, now);
      } catch (error) {
        await discard();
        throw error;
      }
    },

    async linkDataset(
      id: string,
      viewer: DeskViewer,
      datasetId: string,
      now = ctx.now(),
    ): Promise<RequestDetail> {
      if (viewer.kind !== 'staff') throw recordsErrors.forbidden('This is done by city staff.');
      const loaded = await h.load(id);
      if (h.sight(viewer, loaded) === 'none') throw recordsErrors.notFound(id);
      const problems: Problems = [];
      const dataset = await requireDataset(datasetId.trim(), problems, 'datasetId');
      throwIf(problems);
      if (!runsDesk(viewer) && !viewer.departments.includes(dataset!.department.id))
        throw recordsErrors.forbidden(
          `Only the Clerk or a steward of ${dataset!.department.name} links "${dataset!.id}" to a request.`,
        );
      await ctx.repo.linkDataset({
        request_id: id,
        dataset_id: dataset!.id,
        linked_at: now.toISOString(),
        linked_by: viewer.userId || null,
      });
      await h.audit(viewer, 'records.link_dataset', loaded.row, { dataset: dataset!.id });
      return reload(id, viewer, now);
    },
  };
}
