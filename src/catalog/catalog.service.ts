import { errors } from '../errors.js';
import type {
  Dataset,
  DatasetCreate,
  DatasetListQuery,
  DatasetUpdate,
  Department,
  DepartmentInput,
  Distribution,
} from './catalog.schema.js';
import type { CatalogRepo, DatasetRow, DepartmentRow } from './catalog.repo.js';
import type { DataState, DataStateSource } from './data-state.js';
import { checkMetadata, slugify } from './metadata-rules.js';
import { search, type SearchDocument } from './search.js';
import { CATEGORIES, LICENSES, type AccessLevel } from './vocabulary.js';
import { mayEdit, maySee, mayRead, PUBLIC_VIEWER, type Viewer } from './visibility.js';

export { PUBLIC_VIEWER, type Viewer } from './visibility.js';

export const DEMO_NOTICE = 'Demonstration data generated for Plaza; not official City of Westminster data.';

type Formats = { format: string; mediaType: string; path: string; title: string }[];

const TABLE_FORMATS: Formats = [
  { format: 'CSV', mediaType: 'text/csv', path: 'rows.csv', title: 'Full download as CSV' },
  { format: 'JSON', mediaType: 'application/json', path: 'rows.json', title: 'Full download as JSON' },
  {
    format: 'NDJSON',
    mediaType: 'application/x-ndjson',
    path: 'rows.ndjson',
    title: 'Full download as NDJSON',
  },
];
const GEO_FORMAT = {
  format: 'GeoJSON',
  mediaType: 'application/geo+json',
  path: 'rows.geojson',
  title: 'Full download as GeoJSON',
};

const SENSOR_FORMATS: Formats = [
  {
    format: 'JSON',
    mediaType: 'application/json',
    path: 'latest',
    title: 'Latest value of every datastream',
  },
  {
    format: 'GeoJSON',
    mediaType: 'application/geo+json',
    path: 'latest.geojson',
    title: 'Latest values at the sensors, for maps',
  },
  {
    format: 'CSV',
    mediaType: 'text/csv',
    path: 'observations.csv',
    title: 'Observations of the last 24 hours (start and end choose up to 31 days)',
  },
];

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export interface CatalogServiceOptions {
  repo: CatalogRepo;
  data: DataStateSource;
  /**
   * When live data (sensor observations) last arrived per dataset, ISO instants: a dataset's data_updated_at is
   * the later of its table's and this.
   */
  liveUpdates?: () => Promise<Map<string, string>>;
  publicUrl: string;
  now?: () => Date;
}

/** The catalog's rules: who sees what, what metadata is valid, how datasets are searched. */
export function catalogService({
  repo,
  data,
  liveUpdates = async () => new Map(),
  publicUrl,
  now = () => new Date(),
}: CatalogServiceOptions) {
  const visible = maySee;

  function distributions(row: DatasetRow, state: DataState | undefined): Distribution[] {
    const base = `${publicUrl}/api/v1/datasets/${row.id}`;
    // A sensor dataset's data is its live observations, read through the sensor API.
    if (row.kind === 'sensor') {
      return SENSOR_FORMATS.map((f) => ({
        format: f.format,
        mediaType: f.mediaType,
        title: f.title,
        url: `${base}/${f.path}`,
      }));
    }
    if (!state) return [];
    const formats = state.geometryType ? [...TABLE_FORMATS, GEO_FORMAT] : TABLE_FORMATS;
    return [
      ...formats.map((f) => ({
        format: f.format,
        mediaType: f.mediaType,
        title: f.title,
        url: `${base}/${f.path}`,
      })),
      { format: 'API', mediaType: 'application/json', title: 'Dataset metadata API', url: base },
    ];
  }

  function present(
    row: DatasetRow,
    departments: Map<string, DepartmentRow>,
    state: DataState | undefined,
    liveUpdatedAt: string | undefined,
  ): Dataset {
    const category = CATEGORIES.find((c) => c.id === row.category);
    const license = LICENSES.find((l) => l.id === row.license_id);
    return {
      id: row.id,
      slug: row.slug,
      title: row.title,
      description: row.description,
      category: { id: row.category, title: category?.title ?? row.category },
      keywords: parseJson<string[]>(row.keywords, []),
      department: {
        id: row.department_id,
        name: departments.get(row.department_id)?.name ?? row.department_id,
      },
      steward: { name: row.steward_name, email: row.steward_email, phone: row.steward_phone },
      license: {
        id: row.license_id,
        title: license?.title ?? row.license_id,
        url: license?.url ?? '',
        attribution: row.attribution,
      },
      update_frequency: row.update_frequency,
      kind: row.kind,
      access_level: row.access_level,
      status: row.status,
      spatial:
        parseJson<[number, number, number, number] | null>(row.spatial_bbox, null) ?? state?.extent ?? null,
      temporal:
        row.temporal_start || row.temporal_end ? { start: row.temporal_start, end: row.temporal_end } : null,
      created_at: row.created_at,
      metadata_updated_at: row.metadata_updated_at,
      data_updated_at:
        [state?.dataUpdatedAt, liveUpdatedAt]
          .filter((t) => t !== undefined)
          .sort()
          .at(-1) ?? null,
      row_count: state ? state.rowCount : null,
      geometry_type: state?.geometryType ?? null,
      columns: state?.columns ?? [],
      distributions: distributions(row, state),
      landing_page: row.landing_page ?? `${publicUrl}/datasets/${row.id}`,
      source_notes: row.source_notes,
    };
  }

  async function departmentsById(): Promise<Map<string, DepartmentRow>> {
    return new Map((await repo.listDepartments()).map((d) => [d.id, d]));
  }

  async function requireVisible(id: string, viewer: Viewer): Promise<DatasetRow> {
    const row = (await repo.findDataset(id)) ?? (await repo.findDatasetBySlug(id));
    if (!row || !visible(row, viewer)) throw errors.datasetNotFound(id);
    return row;
  }

  async function validateReferences(fields: { department?: string; license?: string }): Promise<void> {
    if (fields.department !== undefined && !(await repo.findDepartment(fields.department))) {
      throw errors.metadataInvalid([
        { field: 'department', message: `no department "${fields.department}"; see /api/v1/departments` },
      ]);
    }
    if (fields.license !== undefined && !LICENSES.some((l) => l.id === fields.license)) {
      throw errors.metadataInvalid([
        { field: 'license', message: `use one of ${LICENSES.map((l) => l.id).join(', ')}` },
      ]);
    }
  }

  async function all(viewer: Viewer): Promise<Dataset[]> {
    const [rows, departments, states, live] = await Promise.all([
      repo.listDatasets(),
      departmentsById(),
      data.all(),
      liveUpdates(),
    ]);
    return rows
      .filter((r) => visible(r, viewer))
      .map((r) => present(r, departments, states.get(r.id), live.get(r.id)));
  }

  return {
    async ensureReferenceData(): Promise<void> {
      await repo.upsertLicenses();
    },

    async get(id: string, viewer: Viewer = PUBLIC_VIEWER): Promise<Dataset> {
      const row = await requireVisible(id, viewer);
      const [departments, state, live] = await Promise.all([
        departmentsById(),
        data.get(row.id),
        liveUpdates(),
      ]);
      return present(row, departments, state, live.get(row.id));
    },

    /**
     * The stored row's access level and whether this viewer may read the data, for modules that guard the data
     * behind a dataset. Throws dataset.not_found when the viewer may not see it at all.
     */
    async accessOf(
      id: string,
      viewer: Viewer = PUBLIC_VIEWER,
    ): Promise<{ id: string; access: AccessLevel; readable: boolean }> {
      const row = await requireVisible(id, viewer);
      return { id: row.id, access: row.access_level as AccessLevel, readable: mayRead(row, viewer) };
    },

    /** The dataset when this viewer may read its data; dataset.not_found or dataset.restricted otherwise. */
    async getReadable(id: string, viewer: Viewer = PUBLIC_VIEWER): Promise<Dataset> {
      const dataset = await this.get(id, viewer);
      if (!this.mayRead(dataset, viewer)) throw errors.datasetRestricted(dataset.id);
      return dataset;
    },

    /** Whether this viewer may read the data of a dataset they can see. */
    mayRead(dataset: Dataset, viewer: Viewer): boolean {
      return mayRead({ ...dataset, department_id: dataset.department.id }, viewer);
    },

    /** Whether this viewer may change a dataset: admins and the stewards of its department. */
    mayEdit(dataset: Dataset, viewer: Viewer): boolean {
      return mayEdit({ department_id: dataset.department.id }, viewer);
    },

    /** The ids of the datasets whose data this viewer may read. */
    async readableIds(viewer: Viewer = PUBLIC_VIEWER): Promise<Set<string>> {
      return new Set((await repo.listDatasets()).filter((r) => mayRead(r, viewer)).map((r) => r.id));
    },

    async departmentExists(id: string): Promise<boolean> {
      return (await repo.findDepartment(id)) !== undefined;
    },

    /** Whether a dataset exists at all, whatever its status (for admin tools). */
    async exists(id: string): Promise<boolean> {
      return (await repo.findDataset(id)) !== undefined;
    },

    all,

    async list(query: DatasetListQuery, viewer: Viewer = PUBLIC_VIEWER) {
      const datasets = await all(viewer);
      const docs: SearchDocument[] = datasets.map((d) => ({
        id: d.id,
        title: d.title,
        description: d.description,
        keywords: d.keywords,
        columns: d.columns.flatMap((c) => [c.field, c.name]),
        category: d.category.id,
        department: d.department.id,
        formats: d.distributions.map((x) => x.format),
        updated: [d.data_updated_at ?? '', d.metadata_updated_at].sort().at(-1) ?? '',
      }));
      const outcome = search(docs, query);
      const byId = new Map(datasets.map((d) => [d.id, d]));
      const offset = query.offset ?? 0;
      const limit = query.limit ?? 20;
      const labels = {
        category: new Map<string, string>(CATEGORIES.map((c) => [c.id, c.title])),
        department: new Map(datasets.map((d) => [d.department.id, d.department.name])),
      };
      const label = (map: Map<string, string> | undefined) => (f: { value: string; count: number }) => ({
        ...f,
        label: map?.get(f.value) ?? f.value,
      });
      return {
        total: outcome.ids.length,
        offset,
        limit,
        results: outcome.ids.slice(offset, offset + limit).flatMap((id) => byId.get(id) ?? []),
        facets: {
          category: outcome.facets.category.map(label(labels.category)),
          department: outcome.facets.department.map(label(labels.department)),
          keyword: outcome.facets.keyword.map(label(undefined)),
          format: outcome.facets.format.map(label(undefined)),
        },
      };
    },

    async create(input: DatasetCreate): Promise<Dataset> {
      const slug = input.slug ?? slugify(input.title);
      const problems = checkMetadata({ ...input, slug });
      if (problems.length > 0) throw errors.metadataInvalid(problems);
      await validateReferences(input);
      if (await repo.findDataset(input.id)) throw errors.datasetExists(input.id);
      if (await repo.findDatasetBySlug(slug)) {
        throw errors.metadataInvalid([{ field: 'slug', message: `"${slug}" is taken; give another slug` }]);
      }
      const at = now().toISOString();
      await repo.insertDataset({
        id: input.id,
        slug,
        title: input.title.trim(),
        description: input.description,
        category: input.category,
        keywords: JSON.stringify(input.keywords.map((k) => k.trim())),
        department_id: input.department,
        steward_name: input.steward.name,
        steward_email: input.steward.email,
        steward_phone: input.steward.phone ?? null,
        license_id: input.license,
        attribution: input.attribution ?? '',
        update_frequency: input.update_frequency,
        kind: input.kind ?? 'table',
        access_level: input.access_level ?? 'public',
        status: input.status ?? 'published',
        spatial_bbox: input.spatial ? JSON.stringify(input.spatial) : null,
        temporal_start: input.temporal?.start ?? null,
        temporal_end: input.temporal?.end ?? null,
        created_at: at,
        metadata_updated_at: at,
        landing_page: input.landing_page ?? null,
        source_notes: input.source_notes ?? null,
      });
      return this.get(input.id, { admin: true });
    },

    async update(id: string, input: DatasetUpdate): Promise<Dataset> {
      const row = await repo.findDataset(id);
      if (!row) throw errors.datasetNotFound(id);
      const problems = checkMetadata(input);
      if (problems.length > 0) throw errors.metadataInvalid(problems);
      await validateReferences(input);
      if (input.slug !== undefined && input.slug !== row.slug && (await repo.findDatasetBySlug(input.slug))) {
        throw errors.metadataInvalid([
          { field: 'slug', message: `"${input.slug}" is taken; give another slug` },
        ]);
      }
      if (input.columns) {
        const state = await data.get(id);
        const known = new Set(state?.columns.map((c) => c.field) ?? []);
        const unknown = input.columns.filter((c) => !known.has(c.field)).map((c) => c.field);
        if (unknown.length > 0) {
          throw errors.metadataInvalid([
            {
              field: 'columns',
              message: `no imported column named ${unknown.join(', ')}; import data first`,
            },
          ]);
        }
        await data.describeColumns(id, input.columns);
      }
      await repo.updateDataset(id, {
        ...(input.slug !== undefined && { slug: input.slug }),
        ...(input.title !== undefined && { title: input.title.trim() }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.category !== undefined && { category: input.category }),
        ...(input.keywords !== undefined && {
          keywords: JSON.stringify(input.keywords.map((k) => k.trim())),
        }),
        ...(input.department !== undefined && { department_id: input.department }),
        ...(input.steward !== undefined && {
          steward_name: input.steward.name,
          steward_email: input.steward.email,
          steward_phone: input.steward.phone ?? null,
        }),
        ...(input.license !== undefined && { license_id: input.license }),
        ...(input.attribution !== undefined && { attribution: input.attribution }),
        ...(input.update_frequency !== undefined && { update_frequency: input.update_frequency }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.access_level !== undefined && { access_level: input.access_level }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.spatial !== undefined && {
          spatial_bbox: input.spatial ? JSON.stringify(input.spatial) : null,
        }),
        ...(input.temporal !== undefined && {
          temporal_start: input.temporal?.start ?? null,
          temporal_end: input.temporal?.end ?? null,
        }),
        ...(input.landing_page !== undefined && { landing_page: input.landing_page }),
        ...(input.source_notes !== undefined && { source_notes: input.source_notes }),
        metadata_updated_at: now().toISOString(),
      });
      return this.get(id, { admin: true });
    },

    async remove(id: string): Promise<void> {
      if (!(await repo.findDataset(id))) throw errors.datasetNotFound(id);
      await data.remove(id);
      await repo.deleteDataset(id);
    },

    async upsertDepartment(input: DepartmentInput): Promise<void> {
      await repo.upsertDepartment({
        id: input.id,
        name: input.name,
        description: input.description ?? '',
        email: input.email ?? null,
        phone: input.phone ?? null,
        url: input.url ?? null,
      });
    },

    async departments(viewer: Viewer = PUBLIC_VIEWER): Promise<Department[]> {
      const [departments, datasets] = await Promise.all([repo.listDepartments(), all(viewer)]);
      return departments.map((d) => ({
        ...d,
        dataset_count: datasets.filter((x) => x.department.id === d.id).length,
      }));
    },

    async categories(viewer: Viewer = PUBLIC_VIEWER) {
      const datasets = await all(viewer);
      return CATEGORIES.map((c) => ({
        ...c,
        dataset_count: datasets.filter((d) => d.category.id === c.id).length,
      }));
    },

    async licenses(viewer: Viewer = PUBLIC_VIEWER) {
      const datasets = await all(viewer);
      return (await repo.listLicenses()).map((l) => ({
        id: l.id,
        title: l.title,
        url: l.url,
        attribution_required: l.attribution_required === 1,
        dataset_count: datasets.filter((d) => d.license.id === l.id).length,
      }));
    },
  };
}

export type CatalogService = ReturnType<typeof catalogService>;
