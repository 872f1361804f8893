import { Type, type Static } from '@sinclair/typebox';

export const TEXT_MIN = 20;
export const TEXT_MAX = 4000;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const RequestStatusSchema = Type.Union(
  [Type.Literal('pending'), Type.Literal('approved'), Type.Literal('denied'), Type.Literal('withdrawn')],
  { description: 'pending until decided; withdrawn by the requester.' },
);
export type RequestStatus = Static<typeof RequestStatusSchema>;

export const RequestedTierSchema = Type.Union([Type.Literal('elevated'), Type.Literal('partner')]);

export const AccessRequestCreateSchema = Type.Object(
  {
    dataset: Type.Optional(
      Type.String({
        description: 'The id of a restricted dataset (or of a non-public one named in an agreement).',
      }),
    ),
    tier: Type.Optional(Type.String({ description: 'A higher rate-limit tier: elevated or partner.' })),
    purpose: Type.String({ description: `Why you need it (${TEXT_MIN} to ${TEXT_MAX} characters).` }),
    intended_use: Type.String({
      description: `What you will do with the data: who uses it, how, for how long (${TEXT_MIN} to ${TEXT_MAX} characters).`,
    }),
  },
  { additionalProperties: false, description: 'Either dataset or tier.' },
);
export type AccessRequestCreate = Static<typeof AccessRequestCreateSchema>;

export const DecisionSchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('deny')]),
    reason: Type.Optional(
      Type.String({ description: 'Required to deny; a note to the requester when approving.' }),
    ),
    until: Type.Optional(
      Type.String({
        description:
          "Approve until the end of this day (YYYY-MM-DD, the city's calendar); it must be in the future. Open-ended when left out.",
      }),
    ),
    tier: Type.Optional(
      Type.String({
        description: 'For tier requests: grant this tier instead of the one asked for (lower).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type DecisionInput = Static<typeof DecisionSchema>;

export const AccessRequestSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('dataset'), Type.Literal('tier')]),
  dataset: Nullable(Type.Object({ id: Type.String(), title: Type.String() })),
  tier: Nullable(Type.String({ description: 'The tier asked for.' })),
  department: Nullable(
    Type.Object({ id: Type.String(), name: Type.String() }, { description: 'The department that decides.' }),
  ),
  purpose: Type.String(),
  intended_use: Type.String(),
  status: RequestStatusSchema,
  created_at: Type.String({ format: 'date-time' }),
  decided_at: Nullable(Type.String({ format: 'date-time' })),
  decided_by: Nullable(Type.String({ description: 'Who decided (a name).' })),
  decision_reason: Nullable(Type.String()),
  approved_until: Nullable(Type.String({ format: 'date', description: 'Last day of a limited approval.' })),
  approved_tier: Nullable(Type.String()),
  limited: Type.Boolean({
    description: 'Denied, or approved for less than asked (an end date, a lower tier).',
  }),
  next_steps: Type.Array(Type.String(), {
    description:
      'When limited: how to ask for a review, how to file a California Public Records Act request, and that a data-sharing agreement may be possible.',
  }),
  requester: Type.Optional(
    Type.Object(
      { id: Type.String(), email: Type.String(), name: Type.String(), tier: Type.String() },
      { description: 'Shown to staff only.' },
    ),
  ),
});
export type AccessRequestView = Static<typeof AccessRequestSchema>;

export const AccessRequestListSchema = Type.Object({
  results: Type.Array(AccessRequestSchema),
});
