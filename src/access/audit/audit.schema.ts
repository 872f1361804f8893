import { Type, type Static } from '@sinclair/typebox';
import { PAGE_MAX } from './audit-query.js';

export const AuditEntrySchema = Type.Object({
  seq: Type.Integer({ description: 'Position in the chain, from 1.' }),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()], {
    description: 'The account that acted; null for the admin token and the system.',
  }),
  actor: Type.String({ description: 'Who, in words: an email, "admin token" or "system".' }),
  action: Type.String({ description: 'noun.verb: key.suspend, user.revoke, dataset.publish ...' }),
  targetType: Type.String(),
  targetId: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Object({}, { additionalProperties: true }),
  hash: Type.String({ description: 'SHA-256 over the entry and the hash of the one before it.' }),
});

const filterFields = {
  action: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'An action (key.revoke), or every action of a noun: key.* (or just key).',
    }),
  ),
  actor: Type.Optional(
    Type.String({ maxLength: 300, description: 'An account id or email, "admin token" or "system".' }),
  ),
  target: Type.Optional(
    Type.String({ maxLength: 300, description: 'A target id, or type:id (api_key:..., user:...).' }),
  ),
  from: Type.Optional(
    Type.String({
      maxLength: 40,
      description: "From this date (in the city's time zone) or instant, inclusive.",
    }),
  ),
  to: Type.Optional(
    Type.String({
      maxLength: 40,
      description: 'Up to this date (the whole day) or instant (exclusive).',
    }),
  ),
  q: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Text in the actor, action, target, reason, details or address.',
    }),
  ),
};

export const AuditFilterQuery = Type.Object(filterFields, { additionalProperties: false });
export type AuditFilterQuery = Static<typeof AuditFilterQuery>;

export const AuditSearchQuery = Type.Object(
  {
    ...filterFields,
    cursor: Type.Optional(
      Type.String({ maxLength: 20, description: 'The "next" value of the previous page.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 50 })),
  },
  { additionalProperties: false },
);
export type AuditSearchQuery = Static<typeof AuditSearchQuery>;

export const AuditPageSchema = Type.Object({
  entries: Type.Array(AuditEntrySchema),
  next: Type.Union([Type.String(), Type.Null()], {
    description: 'Pass as cursor for the next (older) page; null on the last page.',
  }),
});

export const AuditVerifySchema = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer({ description: 'Entries checked (up to the first broken one).' }),
  broken: Type.Optional(
    Type.Object({
      seq: Type.Integer(),
      problem: Type.String(),
    }),
  ),
  last: Type.Optional(
    Type.Object(
      { seq: Type.Integer(), hash: Type.String() },
      {
        description: 'The last entry of an intact chain: keep its hash elsewhere to detect a later rewrite.',
      },
    ),
  ),
});
