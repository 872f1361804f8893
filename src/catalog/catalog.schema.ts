import { Type, type Static } from '@sinclair/typebox';
import { ACCESS_LEVELS, CATEGORIES, KINDS, STATUSES } from './vocabulary.js';

/** A string limited to a list of values, shown as an enum in OpenAPI. */
export const literalUnion = <const T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

export const CategoryIdSchema = literalUnion(CATEGORIES.map((c) => c.id));
export const AccessLevelSchema = literalUnion(ACCESS_LEVELS);
export const StatusSchema = literalUnion(STATUSES);
export const KindSchema = literalUnion(KINDS);

export const BboxSchema = Type.Tuple([Type.Number(), Type.Number(), Type.Number(), Type.Number()], {
  description: 'West, south, east, north in WGS 84 degrees (GeoJSON order).',
});

export const ColumnSchema = Type.Object({
  field: Type.String({ description: 'Safe field name used in APIs and downloads.' }),
  name: Type.String({ description: 'Display name (the original header).' }),
  type: Type.String({ description: 'text, number, boolean, date, timestamp or geometry.' }),
  description: Type.String(),
  unit: Type.Union([Type.String(), Type.Null()]),
});
export type Column = Static<typeof ColumnSchema>;

export const DistributionSchema = Type.Object({
  format: Type.String(),
  mediaType: Type.String(),
  title: Type.String(),
  url: Type.String(),
});
export type Distribution = Static<typeof DistributionSchema>;

const Steward = Type.Object({
  name: Type.String({ minLength: 1 }),
  email: Type.String({ minLength: 3 }),
  phone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

const Temporal = Type.Object({
  start: Type.Union([Type.String(), Type.Null()]),
  end: Type.Union([Type.String(), Type.Null()]),
});

/** What an admin sends to create a dataset. */
export const DatasetCreateSchema = Type.Object(
  {
    id: Type.String({ description: 'Stable short id: lowercase letters, digits and dashes.' }),
    slug: Type.Optional(Type.String()),
    title: Type.String({ minLength: 1 }),
    description: Type.String({ description: 'Markdown.' }),
    category: Type.String(),
    keywords: Type.Array(Type.String()),
    department: Type.String({ description: 'Department id.' }),
    steward: Steward,
    license: Type.String({ description: 'Licence id, see /api/v1/licenses.' }),
    attribution: Type.Optional(Type.String()),
    update_frequency: Type.String({
      description: 'ISO 8601 repeating duration (R/P1D), irregular or continuous.',
    }),
    kind: Type.Optional(KindSchema),
    access_level: Type.Optional(AccessLevelSchema),
    status: Type.Optional(StatusSchema),
    spatial: Type.Optional(Type.Union([BboxSchema, Type.Null()])),
    temporal: Type.Optional(Type.Union([Temporal, Type.Null()])),
    landing_page: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    source_notes: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    columns: Type.Optional(
      Type.Array(
        Type.Object(
          {
            field: Type.String(),
            name: Type.Optional(Type.String()),
            description: Type.Optional(Type.String()),
            unit: Type.Optional(Type.Union([Type.String(), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        { description: 'Documentation of imported columns, matched by field name.' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type DatasetCreate = Static<typeof DatasetCreateSchema>;

export const DatasetUpdateSchema = Type.Partial(Type.Omit(DatasetCreateSchema, ['id']), {
  additionalProperties: false,
});
export type DatasetUpdate = Static<typeof DatasetUpdateSchema>;

/** A dataset as the API shows it. */
export const DatasetSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  title: Type.String(),
  description: Type.String(),
  category: Type.Object({ id: Type.String(), title: Type.String() }),
  keywords: Type.Array(Type.String()),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  steward: Type.Object({
    name: Type.String(),
    email: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
  }),
  license: Type.Object({
    id: Type.String(),
    title: Type.String(),
    url: Type.String(),
    attribution: Type.String(),
  }),
  update_frequency: Type.String(),
  kind: Type.String(),
  access_level: Type.String(),
  status: Type.String(),
  spatial: Type.Union([BboxSchema, Type.Null()]),
  temporal: Type.Union([Temporal, Type.Null()]),
  created_at: Type.String(),
  metadata_updated_at: Type.String(),
  data_updated_at: Type.Union([Type.String(), Type.Null()]),
  row_count: Type.Union([Type.Integer(), Type.Null()]),
  geometry_type: Type.Union([Type.String(), Type.Null()]),
  columns: Type.Array(ColumnSchema),
  distributions: Type.Array(DistributionSchema),
  landing_page: Type.String(),
  source_notes: Type.Union([Type.String(), Type.Null()]),
});
export type Dataset = Static<typeof DatasetSchema>;

export const FacetSchema = Type.Array(
  Type.Object({ value: Type.String(), label: Type.String(), count: Type.Integer() }),
);

export const DatasetListSchema = Type.Object({
  total: Type.Integer(),
  offset: Type.Integer(),
  limit: Type.Integer(),
  results: Type.Array(DatasetSchema),
  facets: Type.Object({
    category: FacetSchema,
    department: FacetSchema,
    keyword: FacetSchema,
    format: FacetSchema,
  }),
});

export const DatasetListQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 500 })),
    category: Type.Optional(Type.String()),
    department: Type.Optional(Type.String()),
    keyword: Type.Optional(Type.String()),
    format: Type.Optional(Type.String()),
    sort: Type.Optional(literalUnion(['relevance', 'updated', 'title'] as const)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type DatasetListQuery = Static<typeof DatasetListQuerySchema>;

export const DepartmentSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  url: Type.Union([Type.String(), Type.Null()]),
  dataset_count: Type.Integer(),
});
export type Department = Static<typeof DepartmentSchema>;

export const DepartmentInputSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,62}$' }),
    name: Type.String({ minLength: 1 }),
    description: Type.Optional(Type.String()),
    email: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    url: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false },
);
export type DepartmentInput = Static<typeof DepartmentInputSchema>;

export const LicenseSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  url: Type.String(),
  attribution_required: Type.Boolean(),
  dataset_count: Type.Integer(),
});

export const CategorySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  dataset_count: Type.Integer(),
});
