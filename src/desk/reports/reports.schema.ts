/**
 * The quality reports' JSON API schemas (TypeBox). The API speaks the desk's vocabulary (reports.types.ts) as it
 * is, camelCase like the records and account APIs. The public schemas have no room for who filed a report:
 * whatever a bug might put there is not serialized.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { LIMITS } from './reports.rules.js';
import { REPORT_KINDS, REPORT_STATUSES } from './reports.types.js';

/** One of these words, as a JSON Schema enum (so that a wrong value's error names the allowed ones). */
const literals = <T extends string>(values: readonly T[], options: object = {}) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], ...options });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Time = (description?: string) =>
  Type.String({ format: 'date-time', ...(description && { description }) });

export const KindSchema = literals(REPORT_KINDS, {
  description:
    'wrong_values, missing_data, out_of_date, sensor_fault, wrong_location, metadata_error, licence_question, other.',
});
export const StatusSchema = literals(REPORT_STATUSES, {
  description:
    'received → acknowledged → in_progress → resolved | wont_fix (with a reason). Staff may move a report to ' +
    'any later status, and reopen a closed one to in_progress.',
});
const SourceSchema = literals(['public', 'automatic'] as const, {
  description: 'public: filed by a person; automatic: opened by the sensor quality checks.',
});
/** With a session, its CSRF token goes in the X-CSRF-Token header, or here. */
const CsrfField = Type.Optional(Type.String({ maxLength: 200 }));
const Ref = Type.Object({ id: Type.String(), title: Type.String() });
const Named = Type.Object({ id: Type.String(), name: Type.String() });
const StreamRef = Nullable(Type.Object({ id: Type.Integer(), name: Type.String() }));

const summaryFields = {
  id: Type.String(),
  number: Type.String({ description: 'Q<yy>-<sequence>: the year of filing and its order.' }),
  dataset: Ref,
  datastream: StreamRef,
  department: Named,
  kind: KindSchema,
  source: SourceSchema,
  status: StatusSchema,
  createdAt: Time(),
  updatedAt: Time(),
};

export const SummarySchema = Type.Object(summaryFields);
export const SummaryListSchema = Type.Object({ total: Type.Integer(), results: Type.Array(SummarySchema) });

const EventSchema = Type.Object({
  at: Time(),
  kind: literals(['filed', 'status', 'reply', 'note', 'assigned'] as const),
  from: Type.Optional(Nullable(StatusSchema)),
  to: Type.Optional(StatusSchema),
  body: Type.Optional(Type.String()),
  author: Type.String({ description: "Public views: the department's name; staff views: the person." }),
});

const viewFields = {
  ...summaryFields,
  closingNote: Nullable(Type.String({ description: "The won't-fix reason or the resolution note." })),
  description: Type.String({ description: 'Moderated: email addresses, phone numbers and links masked.' }),
  rowRef: Nullable(Type.String()),
  timeFrom: Nullable(Time()),
  timeTo: Nullable(Time()),
  closedAt: Nullable(Time()),
  events: Type.Array(EventSchema, { description: 'Filed, status changes and public replies, oldest first.' }),
};

export const ReportViewSchema = Type.Object(viewFields);

export const StaffReportViewSchema = Type.Object({
  ...viewFields,
  email: Nullable(Type.String()),
  originalDescription: Type.String({ description: 'As the reporter wrote it.' }),
  assignee: Nullable(Named),
  mayWork: Type.Boolean(),
  events: Type.Array(EventSchema, { description: 'Every event, internal notes and assignments included.' }),
});

export const FiledSchema = Type.Object({
  report: ReportViewSchema,
  followToken: Type.String({
    description: 'The private follow link’s key: shown once, stored only as a hash.',
  }),
  followUrl: Type.String(),
});

export const NewReportSchema = Type.Object(
  {
    datasetId: Type.String({ minLength: 1, maxLength: 200 }),
    datastreamId: Type.Optional(
      Nullable(Type.Integer({ description: "One of the dataset's datastreams (a sensor), when about one." })),
    ),
    kind: KindSchema,
    description: Type.String({
      maxLength: 20_000,
      description: `What is wrong and where: ${LIMITS.description.min} to ${LIMITS.description.max} characters.`,
    }),
    email: Type.Optional(Nullable(Type.String({ maxLength: 1000, description: 'To hear back (optional).' }))),
    rowRef: Type.Optional(
      Nullable(
        Type.String({ maxLength: 1000, description: `Which row(s), at most ${LIMITS.rowRef} characters.` }),
      ),
    ),
    timeFrom: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'ISO 8601 instant.' }))),
    timeTo: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'ISO 8601 instant.' }))),
    lang: Type.Optional(literals(['en', 'vi', 'es'] as const)),
    _csrf: CsrfField,
  },
  { additionalProperties: false },
);
export type NewReportBody = Static<typeof NewReportSchema>;

const listFields = {
  dataset: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(
    literals([...REPORT_STATUSES, 'open', 'closed'] as const, {
      description: 'A status, or open / closed for every open or closed one.',
    }),
  ),
  kind: Type.Optional(KindSchema),
  source: Type.Optional(SourceSchema),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export const PublicListQuerySchema = Type.Object(listFields, { additionalProperties: false });
export type PublicListQuery = Static<typeof PublicListQuerySchema>;

export const QueueQuerySchema = Type.Object(
  { ...listFields, department: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuerySchema>;

export const StatusChangeSchema = Type.Object(
  {
    status: StatusSchema,
    note: Type.Optional(
      Type.String({
        maxLength: 20_000,
        description: `Public; required for wont_fix (its reason), at most ${LIMITS.note} characters.`,
      }),
    ),
    _csrf: CsrfField,
  },
  { additionalProperties: false },
);

export const AssignSchema = Type.Object(
  {
    userId: Nullable(
      Type.String({ maxLength: 100, description: "A steward of the report's department; null unassigns." }),
    ),
    _csrf: CsrfField,
  },
  { additionalProperties: false },
);

export const BodySchema = Type.Object(
  {
    body: Type.String({ maxLength: 20_000, description: `At most ${LIMITS.body} characters.` }),
    _csrf: CsrfField,
  },
  { additionalProperties: false },
);
