import { Type, type Static } from '@sinclair/typebox';
import { CATEGORIES } from './enforcement-notice.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Status = Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('revoked')], {
  description: 'As it applies now: a suspension whose end has passed is active again.',
});

export const SuspendBody = Type.Object(
  {
    category: Type.Union(
      CATEGORIES.map((c) => Type.Literal(c)),
      { description: 'licence_breach (licence or attribution terms), abuse, security or other.' },
    ),
    reason: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'What happened, in words the holder will read in the notice.',
    }),
    until: Type.Optional(
      Type.String({
        maxLength: 40,
        description:
          'End of the suspension: a date (the suspension ends as that day starts, in the city’s time zone) or an instant. Leave out for a suspension until further notice.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SuspendBody = Static<typeof SuspendBody>;

export const RevokeBody = Type.Object(
  {
    category: SuspendBody.properties.category,
    reason: SuspendBody.properties.reason,
  },
  { additionalProperties: false },
);
export type RevokeBody = Static<typeof RevokeBody>;

export const ReinstateBody = Type.Object(
  {
    reason: Type.Optional(
      Type.String({ maxLength: 2000, description: 'A note for the holder and the audit log.' }),
    ),
  },
  { additionalProperties: false },
);
export type ReinstateBody = Static<typeof ReinstateBody>;

export const EnforcedKeySchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The visible part of the key: plaza_key_<prefix>_…' }),
  status: Status,
  statusReason: Nullable(Type.String()),
  statusUntil: Nullable(Type.String({ format: 'date-time' })),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Nullable(Type.String({ format: 'date-time' })),
  revokedAt: Nullable(Type.String({ format: 'date-time' })),
});

export const DeveloperSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  tier: Type.String(),
  status: Status,
  statusReason: Nullable(Type.String()),
  statusUntil: Nullable(Type.String({ format: 'date-time' })),
  emailVerified: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  lastLoginAt: Nullable(Type.String({ format: 'date-time' })),
  keys: Type.Array(EnforcedKeySchema),
});

export const DeveloperListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Part of an email or name.' })),
    status: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('revoked')]),
    ),
    cursor: Type.Optional(
      Type.String({ maxLength: 300, description: 'The "next" value of the previous page.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type DeveloperListQuery = Static<typeof DeveloperListQuery>;

export const DeveloperListSchema = Type.Object({
  developers: Type.Array(DeveloperSchema),
  next: Nullable(Type.String()),
});

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
