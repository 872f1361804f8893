import { Type, type Static } from '@sinclair/typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const DateText = (description: string) => Type.String({ format: 'date', description });

export const AgreementStatusSchema = Type.Union(
  [Type.Literal('draft'), Type.Literal('active'), Type.Literal('expired'), Type.Literal('terminated')],
  {
    description:
      'draft until signed and started; active while in force (its members read its datasets); expired after its end date; terminated early.',
  },
);
export type AgreementStatus = Static<typeof AgreementStatusSchema>;

const fields = {
  organization: Type.String({ description: 'The organization the city shares data with.' }),
  contact_name: Type.String({ description: "The organization's contact person." }),
  contact_email: Type.String({ description: 'Where notices to the organization go.' }),
  purpose: Type.String({ description: 'What the data is shared for.' }),
  terms_text: Type.Optional(Type.String({ description: 'The terms, as text (or give terms_url).' })),
  terms_url: Type.Optional(
    Nullable(Type.String({ description: 'The signed document, as a link (or give terms_text).' })),
  ),
  terms_version: Type.String({ description: 'Version of the terms, as the document names it.' }),
  start_date: DateText("First day in force (YYYY-MM-DD, the city's calendar)."),
  end_date: DateText('Last day in force (inclusive).'),
  signed_date: Type.Optional(
    Nullable(DateText('The day both sides signed; the agreement comes into force once signed and started.')),
  ),
  datasets: Type.Array(Type.String(), {
    description: "Ids of the department's datasets the agreement covers.",
  }),
  members: Type.Array(Type.String(), {
    description: "Emails of the organization's developer accounts that read the data under the agreement.",
  }),
};

export const AgreementCreateSchema = Type.Object(
  { department: Type.String({ description: 'The department that shares its data.' }), ...fields },
  { additionalProperties: false },
);
export type AgreementCreate = Static<typeof AgreementCreateSchema>;

export const AgreementUpdateSchema = Type.Partial(Type.Object(fields), { additionalProperties: false });
export type AgreementUpdate = Static<typeof AgreementUpdateSchema>;

export const TerminateSchema = Type.Object(
  { reason: Type.String({ description: 'Why the agreement ends early; sent to both sides.' }) },
  { additionalProperties: false },
);

export const AgreementSchema = Type.Object({
  id: Type.String(),
  department: Type.Object({ id: Type.String(), name: Type.String() }),
  organization: Type.String(),
  contact_name: Type.String(),
  contact_email: Type.String(),
  purpose: Type.String(),
  terms_text: Type.String(),
  terms_url: Nullable(Type.String()),
  terms_version: Type.String(),
  start_date: Type.String({ format: 'date' }),
  end_date: Type.String({ format: 'date' }),
  starts_at: Type.String({ format: 'date-time', description: 'The instant it comes into force.' }),
  ends_at: Type.String({ format: 'date-time', description: 'The instant it ends (after its last day).' }),
  signed_date: Nullable(Type.String({ format: 'date' })),
  status: AgreementStatusSchema,
  datasets: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  members: Type.Array(Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() })),
  expiry_notice_at: Nullable(Type.String({ format: 'date-time', description: '30-day notice sent.' })),
  final_notice_at: Nullable(Type.String({ format: 'date-time', description: '7-day notice sent.' })),
  terminated_at: Nullable(Type.String({ format: 'date-time' })),
  termination_reason: Nullable(Type.String()),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type AgreementView = Static<typeof AgreementSchema>;

export const AgreementListSchema = Type.Object({ results: Type.Array(AgreementSchema) });
