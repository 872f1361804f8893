/**
 * What members of staff do to datasets from the console, and the rules of it: admins act on every dataset,
 * stewards on their departments' datasets only (another department's dataset does not exist for them here);
 * every change is recorded in the audit log with who made it.
 */
import type { Dataset, DatasetCreate, DatasetUpdate } from '../../catalog/catalog.schema.js';
import type { CatalogService, Viewer } from '../../catalog/catalog.service.js';
import { mayEdit } from '../../catalog/visibility.js';
import { AppError, errors } from '../../errors.js';
import type { ImportService } from '../../tables/import/import.service.js';
import type { ImportFormat, ImportReport } from '../../tables/import/import.types.js';
import type { AuditActor, DatasetRecorder } from './audit.js';

export const staffErrors = {
  noData: (id: string) =>
    new AppError(
      'dataset.publish_without_data',
      409,
      `Dataset "${id}" has no data yet: upload a file first, then publish.`,
      { id },
    ),
  sensorData: (id: string) =>
    new AppError(
      'dataset.sensor',
      409,
      `Dataset "${id}" is a sensor feed: its data comes from its sensors, not from files.`,
      { id },
    ),
  notPublished: (id: string) =>
    new AppError('dataset.not_published', 409, `Dataset "${id}" is not published.`, { id }),
};

const REASON_MAX = 1000;

/** The newest of a dataset's metadata and data changes. */
export const lastUpdated = (d: Dataset) =>
  [d.metadata_updated_at, d.data_updated_at ?? ''].sort().at(-1) ?? d.metadata_updated_at;

export function staffDatasets({
  catalog,
  imports,
  record,
}: {
  catalog: CatalogService;
  imports: ImportService;
  record: DatasetRecorder;
}) {
  /** The dataset when this viewer may change it; dataset.not_found otherwise. */
  async function editable(id: string, viewer: Viewer): Promise<Dataset> {
    const dataset = await catalog.get(id, viewer);
    if (!catalog.mayEdit(dataset, viewer)) throw errors.datasetNotFound(id);
    return dataset;
  }

  /** A dataset whose data comes from files (not a sensor feed) that this viewer may change. */
  async function uploadable(id: string, viewer: Viewer): Promise<Dataset> {
    const dataset = await editable(id, viewer);
    if (dataset.kind !== 'table') throw staffErrors.sensorData(dataset.id);
    return dataset;
  }

  function ownDepartment(department: string | undefined, viewer: Viewer): void {
    if (department !== undefined && !mayEdit({ department_id: department }, viewer))
      throw errors.metadataInvalid([
        { field: 'department', message: 'choose one of the departments you publish for' },
      ]);
  }

  async function publishNow(dataset: Dataset, actor: AuditActor, via: string): Promise<Dataset> {
    const published = await catalog.update(dataset.id, { status: 'published' });
    await record(actor, {
      action: 'dataset.publish',
      datasetId: dataset.id,
      details: { from: dataset.status, via },
    });
    return published;
  }

  return {
    editable,
    uploadable,

    /** The datasets this viewer may change (all for admins), the most recently changed first. */
    async listEditable(viewer: Viewer): Promise<Dataset[]> {
      const all = await catalog.all(viewer);
      return all
        .filter((d) => catalog.mayEdit(d, viewer))
        .sort((a, b) => lastUpdated(b).localeCompare(lastUpdated(a)));
    },

    /** Published datasets, for staff who read but do not publish. */
    async listPublished(viewer: Viewer): Promise<Dataset[]> {
      const all = await catalog.all(viewer);
      return all
        .filter((d) => d.status === 'published')
        .sort((a, b) => lastUpdated(b).localeCompare(lastUpdated(a)));
    },

    /** Departments this viewer may publish for (all for admins). */
    async departments(viewer: Viewer): Promise<{ id: string; name: string }[]> {
      const all = await catalog.departments(viewer);
      return all
        .filter((d) => mayEdit({ department_id: d.id }, viewer))
        .map((d) => ({ id: d.id, name: d.name }));
    },

    /** Creates a dataset as a draft: it is published with its data. */
    async create(input: DatasetCreate, viewer: Viewer, actor: AuditActor): Promise<Dataset> {
      ownDepartment(input.department, viewer);
      const dataset = await catalog.create({ ...input, status: 'draft' });
      await record(actor, {
        action: 'dataset.create',
        datasetId: dataset.id,
        details: {
          title: dataset.title,
          department: dataset.department.id,
          access_level: dataset.access_level,
          status: dataset.status,
          via: 'console',
        },
      });
      return dataset;
    },

    /** Changes metadata (only the fields given); the status changes through publish and unpublish. */
    async update(id: string, input: DatasetUpdate, viewer: Viewer, actor: AuditActor): Promise<Dataset> {
      const before = await editable(id, viewer);
      ownDepartment(input.department, viewer);
      const fields = Object.keys(input);
      if (fields.length === 0) return before;
      const dataset = await catalog.update(before.id, input);
      await record(actor, {
        action: 'dataset.update',
        datasetId: dataset.id,
        details: { fields, via: 'console' },
      });
      return dataset;
    },

    /**
     * Imports a previewed file as the dataset's data (replacing any) and, when asked, publishes the dataset.
     * Bad rows are skipped only when the preview showed them; otherwise any problem refuses the whole file.
     * A failure changes nothing: readers keep the old data.
     */
    async importFile(
      id: string,
      file: {
        path: string;
        fileName: string;
        format: ImportFormat;
        encoding: 'utf8' | 'latin1';
        skipBadRows: boolean;
      },
      publish: boolean,
      viewer: Viewer,
      actor: AuditActor,
    ): Promise<{ report: ImportReport; dataset: Dataset }> {
      const before = await uploadable(id, viewer);
      const report = await imports.importFile({
        datasetId: before.id,
        file: file.path,
        fileName: file.fileName,
        format: file.format,
        encoding: file.encoding,
        mode: 'replace',
        onBadRows: file.skipBadRows ? 'skip' : 'reject',
      });
      await record(actor, {
        action: (report.data_version ?? 0) > 1 ? 'dataset.replace' : 'dataset.import',
        datasetId: before.id,
        details: {
          import_id: report.id,
          file_name: report.file_name,
          format: report.format,
          rows_written: report.rows_written,
          rows_skipped: report.rows_skipped,
          data_version: report.data_version,
          via: 'console',
        },
      });
      const dataset =
        publish && before.status !== 'published'
          ? await publishNow(before, actor, 'console')
          : await catalog.get(before.id, { admin: true });
      return { report, dataset };
    },

    /** Publishes (or republishes) a dataset that has its data. */
    async publish(id: string, viewer: Viewer, actor: AuditActor): Promise<Dataset> {
      const dataset = await editable(id, viewer);
      if (dataset.status === 'published') return dataset;
      if (dataset.kind === 'table' && dataset.row_count === null) throw staffErrors.noData(dataset.id);
      return publishNow(dataset, actor, 'console');
    },

    /** Takes a published dataset off the portal and the APIs, with the reason (kept in the audit log). */
    async unpublish(id: string, reason: string, viewer: Viewer, actor: AuditActor): Promise<Dataset> {
      const dataset = await editable(id, viewer);
      const why = reason.trim();
      if (why === '' || why.length > REASON_MAX)
        throw errors.metadataInvalid([
          { field: 'reason', message: `say why, in 1 to ${REASON_MAX} characters (kept in the audit log)` },
        ]);
      if (dataset.status !== 'published') throw staffErrors.notPublished(dataset.id);
      const unpublished = await catalog.update(dataset.id, { status: 'unpublished' });
      await record(actor, {
        action: 'dataset.unpublish',
        datasetId: dataset.id,
        reason: why,
        details: { via: 'console' },
      });
      return unpublished;
    },

    /** The dataset's recent imports, newest first. */
    async recentImports(id: string, limit = 10) {
      return (await imports.listImports(id, limit)).map((row) => ({
        id: row.id,
        fileName: row.file_name,
        mode: row.mode,
        status: row.status,
        startedAt: row.started_at,
        rowsWritten: Number(row.rows_written),
        rowsSkipped: Number(row.rows_skipped),
        error: (JSON.parse(row.report) as { error?: { message?: string } }).error?.message ?? null,
      }));
    },
  };
}

export type StaffDatasets = ReturnType<typeof staffDatasets>;
