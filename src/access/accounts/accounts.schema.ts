/** TypeBox schemas of the session API (/api/v1/session) and the staff account API (/api/v1/users). */
import { Type, type Static } from '@sinclair/typebox';
import { MAX_PASSWORD } from '../passwords.js';
import { ROLES, TIERS } from '../principal.js';

const Time = (description: string) => Type.String({ format: 'date-time', description });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

const RoleSchema = Type.Union(
  ROLES.map((r) => Type.Literal(r)),
  { description: 'admin (everything), steward (a department’s datasets), clerk (records desk), viewer.' },
);

export const RoleAssignmentSchema = Type.Object(
  {
    role: RoleSchema,
    department: Type.Optional(
      Type.String({ maxLength: 200, description: 'Stewards only: the department they speak for.' }),
    ),
  },
  { additionalProperties: false },
);

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  kind: Type.Union([Type.Literal('staff'), Type.Literal('developer')]),
  roles: Type.Array(RoleAssignmentSchema),
  tier: Type.String({ description: 'Rate-limit tier of a developer: standard, elevated or partner.' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('suspended'), Type.Literal('revoked')]),
  statusReason: Nullable(Type.String()),
  statusUntil: Nullable(Time('End of a suspension.')),
  emailVerified: Type.Boolean(),
  termsAcceptedAt: Nullable(Time('When the terms of use were accepted (developers).')),
  createdAt: Time('When the account was created.'),
  lastLoginAt: Nullable(Time('Last sign-in.')),
});

export const WhoAmISchema = Type.Object({
  signedIn: Type.Boolean({ description: 'true when a session or an API key identifies an account.' }),
  via: Type.Union(
    [
      Type.Literal('anonymous'),
      Type.Literal('session'),
      Type.Literal('api_key'),
      Type.Literal('admin_token'),
    ],
    { description: 'How this request proved who it is.' },
  ),
  account: Type.Union([UserSchema, Type.Null()]),
  roles: Type.Array(RoleSchema),
  departments: Type.Array(Type.String(), { description: 'Departments the account stewards.' }),
  tier: Type.Union(
    TIERS.map((t) => Type.Literal(t)),
    { description: 'The rate-limit tier requests count against.' },
  ),
  csrfToken: Type.Union([Type.String(), Type.Null()], {
    description:
      'With a session: send it as X-CSRF-Token (or the _csrf form field) with every POST, PUT, PATCH and DELETE.',
  }),
});
export type WhoAmI = Static<typeof WhoAmISchema>;

export const SignInBody = Type.Object(
  {
    email: Type.String({ maxLength: 1000 }),
    password: Type.String({ maxLength: MAX_PASSWORD * 4 }),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

export const UserListQuery = Type.Object(
  { kind: Type.Optional(Type.Union([Type.Literal('staff'), Type.Literal('developer')])) },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const UserListSchema = Type.Object({ users: Type.Array(UserSchema) });

export const NewStaffBody = Type.Object(
  {
    email: Type.String({ maxLength: 254 }),
    name: Type.String({ maxLength: 200 }),
    roles: Type.Array(RoleAssignmentSchema, { minItems: 1, maxItems: 50 }),
    password: Type.Optional(
      Type.String({
        maxLength: MAX_PASSWORD * 4,
        description: 'Leave out to email the person a link to choose their own (valid three days).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type NewStaffBody = Static<typeof NewStaffBody>;

export const RolesBody = Type.Object(
  { roles: Type.Array(RoleAssignmentSchema, { maxItems: 50 }) },
  { additionalProperties: false },
);
export type RolesBody = Static<typeof RolesBody>;
