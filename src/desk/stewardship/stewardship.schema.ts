/** The JSON shapes of the staff notices API. */
import { Type, type Static } from '@sinclair/typebox';
import { literalUnion } from '../../catalog/catalog.schema.js';
import { NOTICE_KINDS, NOTICE_STATES } from './stewardship.types.js';

const Nullable = Type.Union([Type.String(), Type.Null()]);

export const NoticeSchema = Type.Object({
  id: Type.String(),
  datasetId: Type.String(),
  datasetTitle: Type.String(),
  departmentId: Type.String(),
  kind: literalUnion(NOTICE_KINDS),
  state: literalUnion(NOTICE_STATES),
  problems: Type.Array(Type.Object({ field: Type.String(), message: Type.String() }), {
    description: 'What is missing or late, each with what to do.',
  }),
  issuedAt: Type.String(),
  dueAt: Type.String({
    description: 'Metadata notices: the date to fix it by. Freshness: when the update was due.',
  }),
  escalatedAt: Nullable,
  resolvedAt: Nullable,
  withdrawnAt: Type.Union([Type.String(), Type.Null()], {
    description: 'When the dataset was unpublished under the city policy.',
  }),
  republishedAt: Nullable,
});

export const NoticeListSchema = Type.Object({ results: Type.Array(NoticeSchema) });

export const NoticeQuerySchema = Type.Object(
  {
    state: Type.Optional(literalUnion([...NOTICE_STATES, 'unresolved'] as const)),
    kind: Type.Optional(literalUnion(NOTICE_KINDS)),
    dataset: Type.Optional(Type.String({ maxLength: 200 })),
    department: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type NoticeQueryInput = Static<typeof NoticeQuerySchema>;
