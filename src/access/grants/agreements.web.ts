/** The staff pages of data-sharing agreements: list, new, edit, terminate. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CatalogService } from '../../catalog/catalog.service.js';
import { AppError } from '../../errors.js';
import { formatter } from '../../web/format.js';
import type { RouteContext } from '../routes-context.js';
import type { Actor } from './actor.js';
import {
  AgreementFormPage,
  AgreementsPage,
  valuesOf,
  type AgreementFormValues,
  type DatasetChoice,
} from './agreements.pages.js';
import type { AgreementCreate, AgreementUpdate, AgreementView } from './agreements.schema.js';
import type { AgreementsService } from './agreements.service.js';
import { formBody, listOf, pageTools } from './page-helpers.js';

const HIDDEN = { schema: { hide: true } } as const;
type Problems = { field: string; message: string }[];

const problemsOf = (error: unknown): Problems | undefined =>
  error instanceof AppError && error.status === 422
    ? ((error.details?.problems ?? []) as Problems)
    : undefined;

/** The form's fields as the service takes them (empty optional fields clear the value). */
function inputOf(request: FastifyRequest): { values: AgreementFormValues; input: AgreementUpdate } {
  const body = formBody(request);
  const datasets = listOf(request, 'datasets');
  const members = body.members ?? '';
  const values: AgreementFormValues = { ...body, datasets, members };
  const input: AgreementUpdate = {
    organization: body.organization ?? '',
    contact_name: body.contact_name ?? '',
    contact_email: body.contact_email ?? '',
    purpose: body.purpose ?? '',
    terms_text: body.terms_text ?? '',
    terms_url: body.terms_url?.trim() || null,
    terms_version: body.terms_version ?? '',
    start_date: body.start_date ?? '',
    end_date: body.end_date ?? '',
    signed_date: body.signed_date?.trim() || null,
    datasets,
    members: members.split(/[\s,;]+/).filter(Boolean),
  };
  return { values, input };
}

export function agreementPages(
  app: FastifyInstance,
  agreements: AgreementsService,
  catalog: CatalogService,
  ctx: RouteContext,
): void {
  const tools = pageTools(ctx);
  const format = formatter(ctx.config.timeZone);

  /** Departments and datasets this actor may put in an agreement. */
  async function choices(actor: Actor) {
    const mine = (id: string) => actor.admin || actor.departments.includes(id);
    const [departments, datasets] = await Promise.all([
      catalog.departments({ admin: true }),
      catalog.all({ admin: true }),
    ]);
    return {
      departments: departments.filter((d) => mine(d.id)).map((d) => ({ id: d.id, name: d.name })),
      datasets: datasets
        .filter((d) => mine(d.department.id))
        .map((d): DatasetChoice => ({
          id: d.id,
          title: d.title,
          department: d.department,
          access_level: d.access_level,
        })),
    };
  }

  async function form(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { agreement?: AgreementView; values: AgreementFormValues; problems?: Problems; notice?: string },
    status = 200,
  ) {
    const actor = tools.actor(request);
    const { departments, datasets } = await choices(actor);
    const department = options.agreement?.department.id;
    return tools.send(
      reply,
      AgreementFormPage({
        site: tools.site(request),
        csrf: tools.csrf(request, reply),
        format,
        ...(options.agreement ? { agreement: options.agreement } : {}),
        departments,
        datasets: department ? datasets.filter((d) => d.department.id === department) : datasets,
        values: {
          ...options.values,
          department:
            options.values.department ?? (departments.length === 1 ? departments[0]!.id : undefined),
        },
        problems: options.problems ?? [],
        ...(options.notice ? { notice: options.notice } : {}),
      }),
      status,
    );
  }

  app.get('/staff/agreements', HIDDEN, async (request, reply) => {
    if (!tools.stewards(request, reply)) return reply;
    const list = await agreements.list(tools.actor(request));
    return tools.send(reply, AgreementsPage({ site: tools.site(request), agreements: list, format }));
  });

  app.get('/staff/agreements/new', HIDDEN, async (request, reply) => {
    if (!tools.stewards(request, reply)) return reply;
    return form(request, reply, { values: {} });
  });

  app.post('/staff/agreements', HIDDEN, async (request, reply) => {
    if (!tools.stewards(request, reply)) return reply;
    const { values, input } = inputOf(request);
    const department = formBody(request).department ?? '';
    try {
      const created = await agreements.create(tools.actor(request), {
        ...(input as AgreementCreate),
        department,
      });
      return reply.redirect(`/staff/agreements/${created.id}?saved=1`, 303);
    } catch (error) {
      const problems = problemsOf(error);
      if (!problems) return tools.error(reply, request, error);
      return form(request, reply, { values: { ...values, department }, problems }, 422);
    }
  });

  app.get<{ Params: { id: string }; Querystring: { saved?: string; terminated?: string } }>(
    '/staff/agreements/:id',
    HIDDEN,
    async (request, reply) => {
      if (!tools.stewards(request, reply)) return reply;
      try {
        const agreement = await agreements.get(tools.actor(request), request.params.id);
        const notice =
          request.query.saved !== undefined
            ? agreement.status === 'active'
              ? 'Saved. The agreement is in force: its members read its datasets.'
              : 'Saved.'
            : request.query.terminated !== undefined
              ? "Terminated. The members' access has ended and both sides have been told."
              : undefined;
        return await form(request, reply, {
          agreement,
          values: valuesOf(agreement),
          ...(notice ? { notice } : {}),
        });
      } catch (error) {
        return tools.error(reply, request, error);
      }
    },
  );

  app.post<{ Params: { id: string } }>('/staff/agreements/:id', HIDDEN, async (request, reply) => {
    if (!tools.stewards(request, reply)) return reply;
    const actor = tools.actor(request);
    const { values, input } = inputOf(request);
    try {
      await agreements.update(actor, request.params.id, input);
      return reply.redirect(`/staff/agreements/${encodeURIComponent(request.params.id)}?saved=1`, 303);
    } catch (error) {
      const problems = problemsOf(error);
      if (!problems) return tools.error(reply, request, error);
      const agreement = await agreements.get(actor, request.params.id);
      return form(request, reply, { agreement, values, problems }, 422);
    }
  });

  app.post<{ Params: { id: string } }>('/staff/agreements/:id/terminate', HIDDEN, async (request, reply) => {
    if (!tools.stewards(request, reply)) return reply;
    const actor = tools.actor(request);
    try {
      await agreements.terminate(actor, request.params.id, formBody(request).reason ?? '');
      return reply.redirect(`/staff/agreements/${encodeURIComponent(request.params.id)}?terminated=1`, 303);
    } catch (error) {
      const problems = problemsOf(error);
      if (!problems) return tools.error(reply, request, error);
      const agreement = await agreements.get(actor, request.params.id);
      return form(request, reply, { agreement, values: valuesOf(agreement), problems }, 422);
    }
  });
}
