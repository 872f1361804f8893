/** TypeBox schemas of the developer account API (sign-up, confirmation, profile, keys and their usage). */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_PASSWORD } from '../passwords.js';
import { MAX_USAGE_DAYS } from './usage-days.js';

const Time = (description: string) => Type.String({ format: 'date-time', description });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const SignUpBody = Type.Object(
  {
    name: Type.String({ maxLength: 1000, description: 'Your name (1 to 200 characters).' }),
    email: Type.String({ maxLength: 1000 }),
    password: Type.String({
      maxLength: MAX_PASSWORD * 4,
      description: 'At least 12 characters, not containing the email address.',
    }),
    acceptTerms: Type.Boolean({
      description: 'true: you accept the terms of use of the API (see /terms), in their current version.',
    }),
  },
  { additionalProperties: false },
);
export type SignUpBody = Static<typeof SignUpBody>;

export const SignUpAccepted = Type.Object({
  status: Type.Literal('pending_verification'),
  message: Type.String(),
});

export const VerifyBody = Type.Object(
  { token: Type.String({ maxLength: 200, description: 'The `token` parameter of the emailed link.' }) },
  { additionalProperties: false },
);
export type VerifyBody = Static<typeof VerifyBody>;

const Limits = Type.Object({
  enabled: Type.Boolean({ description: 'false when the server enforces no rate limits.' }),
  windowSeconds: Type.Integer(),
  requests: Type.Integer({ description: 'Requests per window.' }),
  downloads: Type.Integer({ description: 'Downloads at once.' }),
  live: Type.Integer({ description: 'Live connections (SSE, MQTT) at once.' }),
});

export const AccountSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  tier: Type.String({ description: 'The account tier: standard, elevated or partner.' }),
  effectiveTier: Type.String({
    description: 'The tier requests count against now (an approved request can raise it for a while).',
  }),
  limits: Limits,
  status: Type.String({ description: 'active, suspended or revoked.' }),
  statusReason: Nullable(Type.String()),
  statusUntil: Nullable(Time('End of a suspension.')),
  emailVerified: Type.Boolean(),
  termsAcceptedAt: Nullable(Time('When the terms of use were accepted.')),
  createdAt: Time('When the account was created.'),
  lastLoginAt: Nullable(Time('Last sign-in.')),
});

export const VerifiedSchema = Type.Object({
  account: AccountSchema,
  csrfToken: Type.String({
    description:
      'The new session’s CSRF token (the session is in the Set-Cookie header): send it as X-CSRF-Token with unsafe requests.',
  }),
});

export const KeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The visible part of the key: plaza_key_<prefix>_…' }),
  display: Type.String({ description: 'How the key is shown once its secret is gone.' }),
  status: Type.String({ description: 'active, suspended or revoked.' }),
  statusReason: Nullable(Type.String()),
  statusUntil: Nullable(Time('End of a suspension.')),
  createdAt: Time('When the key was created.'),
  lastUsedAt: Nullable(Time('Last use, written every few seconds.')),
  revokedAt: Nullable(Time('When the key was revoked.')),
});

export const IssuedKeySchema = Type.Object({
  key: KeySchema,
  secret: Type.String({
    description: 'The whole key: in this answer only, never again. Send it as the X-Api-Key header.',
  }),
});

export const KeyListSchema = Type.Object({ keys: Type.Array(KeySchema) });

export const KeyNameBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100, description: 'What uses the key.' }) },
  { additionalProperties: false },
);
export type KeyNameBody = Static<typeof KeyNameBody>;

export const KeyParams = Type.Object({ id: Type.String({ maxLength: 100 }) });
export type KeyParams = Static<typeof KeyParams>;

export const UsageQuery = Type.Object(
  {
    days: Type.Integer({
      minimum: 1,
      maximum: MAX_USAGE_DAYS,
      default: 30,
      description: `How many days, ending today (city time), up to ${MAX_USAGE_DAYS}.`,
    }),
  },
  { additionalProperties: false },
);
export type UsageQuery = Static<typeof UsageQuery>;

const DayUsageSchema = Type.Object({
  day: Type.String({ description: 'City-local calendar day, YYYY-MM-DD.' }),
  requests: Type.Integer(),
  limited: Type.Integer({ description: 'Requests refused by a rate limit (429).' }),
});

export const UsageSchema = Type.Object({
  keyId: Type.String(),
  timeZone: Type.String(),
  from: Type.String(),
  to: Type.String(),
  days: Type.Array(DayUsageSchema, { description: 'Every day of the period, oldest first.' }),
  total: Type.Object({ requests: Type.Integer(), limited: Type.Integer() }),
});

export const Accepted = Type.Object({ message: Type.String() });
