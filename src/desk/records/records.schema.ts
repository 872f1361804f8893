/**
 * The records desk's words as values (for checks and forms) and the JSON API's TypeBox schemas. The API speaks
 * the desk's vocabulary (records.types.ts) as it is, camelCase like the audit and account APIs.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { UNUSUAL_CIRCUMSTANCES } from '../deadlines/deadlines.js';
import type {
  CloseReason,
  DocumentKind,
  FeeKind,
  PaymentStatus,
  PreferredFormat,
  ProgrammingJustification,
  RequestStatus,
  Visibility,
} from './records.types.js';

export const REQUEST_STATUSES = ['open', 'extended', 'closed'] as const satisfies readonly RequestStatus[];
export const CLOSE_REASONS = [
  'fulfilled',
  'partially_fulfilled',
  'no_responsive_records',
  'denied',
  'withdrawn',
  'referred',
] as const satisfies readonly CloseReason[];
/** Electronic first: the Act favours electronic records in any format the agency holds (7922.570). */
export const PREFERRED_FORMATS = [
  'electronic',
  'paper',
  'inspection',
] as const satisfies readonly PreferredFormat[];
export const FEE_KINDS = [
  'duplication',
  'electronic_copy',
  'programming',
] as const satisfies readonly FeeKind[];
export const PAYMENT_STATUSES = [
  'not_required',
  'awaiting_payment',
  'paid',
  'waived',
] as const satisfies readonly PaymentStatus[];
export const VISIBILITIES = ['public', 'requester', 'staff'] as const satisfies readonly Visibility[];
export const DOCUMENT_KINDS = ['upload', 'dataset', 'offline'] as const satisfies readonly DocumentKind[];
export const PROGRAMMING_JUSTIFICATIONS = [
  'compilation',
  'extraction',
  'programming',
  'scheduled_intervals',
] as const satisfies readonly ProgrammingJustification[];

/** Limits of what people write. */
export const LIMITS = {
  description: { min: 10, max: 10_000 },
  text: 10_000,
  name: 200,
  email: 254,
  phone: 40,
  title: 300,
  exemption: 500,
  listItems: 20,
  feeLines: 20,
} as const;

const literals = <T extends string>(values: readonly T[], options: object = {}) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  );
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Time = (description?: string) =>
  Type.String({ format: 'date-time', ...(description && { description }) });
const Day = (description?: string) => Type.String({ format: 'date', ...(description && { description }) });

export const StatusSchema = literals(REQUEST_STATUSES, {
  description: 'open: the 10-day clock runs; extended: once, to a later date; closed: with a reason.',
});
export const CloseReasonSchema = literals(CLOSE_REASONS);
export const PaymentSchema = literals(PAYMENT_STATUSES);
export const VisibilitySchema = literals(VISIBILITIES, {
  description: 'public: everyone once the request is published; requester: its requester; staff: staff only.',
});
const Person = Type.Object({ name: Type.String(), title: Type.String() });
const Department = Type.Object({ id: Type.String(), name: Type.String() });

const summaryFields = {
  id: Type.String(),
  number: Type.String({ description: 'R<yy>-<sequence>: the year of receipt and its order.' }),
  description: Type.String(),
  departments: Type.Array(Department),
  status: StatusSchema,
  closeReason: Nullable(CloseReasonSchema),
  receivedAt: Time(),
  dueAt: Time('11:59 pm local on the due date (the extended one once extended).'),
  dueDate: Day("The due date in the city's calendar."),
  deadline: literals(['on_track', 'due_soon', 'overdue', 'met'] as const),
  closedAt: Nullable(Time()),
  published: Type.Boolean({ description: 'In the public log.' }),
};

export const RequestSummarySchema = Type.Object(summaryFields);

const MessageSchema = Type.Object({
  id: Type.String(),
  at: Time(),
  kind: literals(['public', 'internal'] as const),
  author: Type.String(),
  body: Type.String(),
});
const FeeLineSchema = Type.Object({
  id: Type.String(),
  kind: literals(FEE_KINDS),
  description: Type.String(),
  amountCents: Type.Integer({ description: 'US cents.' }),
});
const DocumentSchema = Type.Object({
  id: Type.String(),
  kind: literals(DOCUMENT_KINDS),
  title: Type.String(),
  visibility: VisibilitySchema,
  fileName: Type.Optional(Type.String()),
  datasetId: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
  redactionNote: Type.Optional(Type.String()),
  releasedAt: Time(),
  url: Type.Optional(Type.String({ description: 'Uploads: where to download the file.' })),
  mediaType: Type.Optional(Type.String()),
  size: Type.Optional(Type.Integer()),
});
const DenialSchema = Type.Object({
  scope: literals(['full', 'partial'] as const),
  exemptions: Type.Array(Type.String()),
  responsible: Type.Array(Person),
  explanation: Type.String(),
  at: Time(),
});
const ReconsiderationSchema = Type.Object({
  id: Type.String(),
  subject: literals(['denial', 'fee'] as const),
  reason: Type.String(),
  requestedAt: Time(),
  decision: literals(['pending', 'upheld', 'reversed', 'modified'] as const),
  decisionNote: Nullable(Type.String()),
  decidedAt: Nullable(Time()),
  decidedBy: Nullable(Person),
});

/** What everyone may see of a published request: never who asked, never internal notes. */
const publicFields = {
  ...summaryFields,
  preferredFormat: literals(PREFERRED_FORMATS),
  initialDueDate: Type.Optional(Day()),
  extension: Nullable(
    Type.Object({
      reason: literals(UNUSUAL_CIRCUMSTANCES),
      notice: Type.String(),
      days: Type.Integer(),
      at: Time(),
    }),
  ),
  messages: Type.Array(MessageSchema),
  fees: Type.Object({
    lines: Type.Array(FeeLineSchema),
    totalCents: Type.Integer(),
    payment: PaymentSchema,
  }),
  programmingJustification: Type.Optional(Nullable(literals(PROGRAMMING_JUSTIFICATIONS))),
  documents: Type.Array(DocumentSchema),
  denial: Nullable(DenialSchema),
  reconsiderations: Type.Array(ReconsiderationSchema),
  datasets: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  closeNote: Type.Optional(Nullable(Type.String())),
  referredTo: Type.Optional(Nullable(Type.String())),
};

export const PublicRequestSchema = Type.Object(publicFields, {
  description: 'A published request as everyone sees it: requester identity is never included.',
});

export const RequestDetailSchema = Type.Object(
  {
    ...publicFields,
    requester: Type.Optional(
      Type.Object(
        { name: Nullable(Type.String()), email: Nullable(Type.String()), phone: Nullable(Type.String()) },
        { description: 'Staff and the requester only.' },
      ),
    ),
    assignees: Type.Array(Type.Object({ userId: Type.String(), name: Type.String() })),
    privateReason: Nullable(Type.String()),
    attachments: Type.Optional(
      Type.Array(
        Type.Object({
          id: Type.String(),
          fileName: Type.String(),
          mediaType: Type.String(),
          size: Type.Integer(),
          url: Type.Optional(Type.String()),
        }),
      ),
    ),
    paused: Type.Optional(Type.Boolean()),
    reconsiderationUntil: Type.Optional(
      Type.Object({ denial: Type.Optional(Day()), fee: Type.Optional(Day()) }),
    ),
  },
  { description: 'A request as its requester (through the private link) or staff see it.' },
);

export const SubmittedSchema = Type.Object({
  request: RequestDetailSchema,
  followToken: Type.String({ description: 'The private link’s key: shown once, keep it.' }),
  followUrl: Type.String({ description: 'The private page to follow the request.' }),
});

export const NewRequestSchema = Type.Object(
  {
    description: Type.String({
      minLength: LIMITS.description.min,
      maxLength: LIMITS.description.max,
      description: 'The records wanted, as precisely as you can (subjects, dates, places, people).',
    }),
    preferredFormat: Type.Optional(literals(PREFERRED_FORMATS, { default: 'electronic' })),
    departmentId: Type.Optional(Type.String({ description: 'A department you think holds the records.' })),
    name: Type.Optional(Type.String({ maxLength: LIMITS.name })),
    email: Type.Optional(
      Type.String({ maxLength: LIMITS.email, description: 'Needed for updates by email; optional.' }),
    ),
    phone: Type.Optional(Type.String({ maxLength: LIMITS.phone })),
  },
  { additionalProperties: false },
);
export type NewRequestBody = Static<typeof NewRequestSchema>;

const pageFields = {
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Words in the description.' })),
  status: Type.Optional(StatusSchema),
  department: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Day('Received on or after this date (city calendar).')),
  to: Type.Optional(Day('Received on or before this date (city calendar).')),
};
export const LogQuerySchema = Type.Object(
  {
    ...pageFields,
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 }),
  },
  { additionalProperties: false },
);
export type LogQueryParams = Static<typeof LogQuerySchema>;
export const LogCsvQuerySchema = Type.Object(pageFields, { additionalProperties: false });
export type LogCsvQueryParams = Static<typeof LogCsvQuerySchema>;
export const QueueQuerySchema = Type.Object(
  {
    ...LogQuerySchema.properties,
    mine: Type.Optional(Type.Boolean({ description: 'Only requests assigned to you.' })),
  },
  { additionalProperties: false },
);
export type QueueQueryParams = Static<typeof QueueQuerySchema>;

export const SummaryListSchema = Type.Object({
  total: Type.Integer(),
  results: Type.Array(RequestSummarySchema),
});

const ByDepartment = Type.Object({
  id: Type.String({ description: 'Empty for requests not yet assigned to a department.' }),
  name: Type.String(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  closed: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
});
export const NumbersSchema = Type.Object({
  onTimeRate: Nullable(Type.Number({ description: 'Closed by their due moment, over all closed.' })),
  medianDaysToClose: Nullable(Type.Number({ description: 'Calendar days from receipt to closing.' })),
  open: Type.Integer(),
  overdue: Type.Integer(),
  byDepartment: Type.Array(ByDepartment),
});

export const AssignSchema = Type.Object(
  {
    departments: Type.Optional(Type.Array(Type.String(), { maxItems: LIMITS.listItems })),
    userIds: Type.Optional(Type.Array(Type.String(), { maxItems: LIMITS.listItems })),
  },
  { additionalProperties: false },
);
export const MessageBodySchema = Type.Object(
  { kind: literals(['public', 'internal'] as const), body: Type.String({ maxLength: LIMITS.text }) },
  { additionalProperties: false },
);
export const ExtensionSchema = Type.Object(
  {
    reason: Type.String({ description: `One of ${UNUSUAL_CIRCUMSTANCES.join(', ')}.` }),
    days: Type.Integer({ description: '1 to 14.' }),
    notice: Type.String({ maxLength: LIMITS.text, description: 'The written notice sent to the requester.' }),
  },
  { additionalProperties: false },
);
export const PauseSchema = Type.Object({ paused: Type.Boolean() }, { additionalProperties: false });
export const FeesSchema = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          kind: literals(FEE_KINDS),
          description: Type.String({ maxLength: LIMITS.title }),
          amountCents: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: LIMITS.feeLines },
    ),
    payment: PaymentSchema,
    programmingJustification: Type.Optional(
      Type.String({ description: `For a programming line: ${PROGRAMMING_JUSTIFICATIONS.join(', ')}.` }),
    ),
  },
  { additionalProperties: false },
);
export const DocumentBodySchema = Type.Object(
  {
    kind: literals(['dataset', 'offline'] as const, {
      description: 'Uploads are sent as multipart/form-data with a "file" part.',
    }),
    title: Type.String({ maxLength: LIMITS.title }),
    visibility: VisibilitySchema,
    datasetId: Type.Optional(Type.String()),
    description: Type.Optional(Type.String({ maxLength: LIMITS.text })),
    redactionNote: Type.Optional(Type.String({ maxLength: LIMITS.text })),
  },
  { additionalProperties: false },
);
export const PublicationSchema = Type.Object(
  { published: Type.Boolean(), privateReason: Type.Optional(Type.String({ maxLength: LIMITS.text })) },
  { additionalProperties: false },
);
export const CloseSchema = Type.Object(
  {
    reason: CloseReasonSchema,
    note: Type.Optional(Type.String({ maxLength: LIMITS.text })),
    referredTo: Type.Optional(Type.String({ maxLength: LIMITS.title })),
    denial: Type.Optional(
      Type.Object(
        {
          scope: literals(['full', 'partial'] as const),
          exemptions: Type.Array(Type.String(), { maxItems: LIMITS.listItems }),
          responsible: Type.Array(Person, { maxItems: LIMITS.listItems }),
          explanation: Type.String({ maxLength: LIMITS.text }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export const AskSchema = Type.Object(
  { subject: literals(['denial', 'fee'] as const), reason: Type.String({ maxLength: LIMITS.text }) },
  { additionalProperties: false },
);
export const DecideSchema = Type.Object(
  {
    decision: literals(['upheld', 'reversed', 'modified'] as const),
    note: Type.String({ maxLength: LIMITS.text }),
  },
  { additionalProperties: false },
);
export const LinkDatasetSchema = Type.Object({ datasetId: Type.String() }, { additionalProperties: false });
