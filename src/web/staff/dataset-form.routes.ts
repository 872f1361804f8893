/** The metadata forms: a new dataset, a dataset's overview, and editing its metadata. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '../../catalog/metadata-rules.js';
import { AppError } from '../../errors.js';
import { actorOf } from './audit.js';
import {
  EMPTY_FORM,
  formErrors,
  readForm,
  toCreate,
  toUpdate,
  valuesOf,
  type FormValues,
} from './dataset-form.js';
import { DatasetFormPage } from './pages/dataset-form.js';
import { DatasetOverviewPage } from './pages/dataset-overview.js';
import type { StaffRouteDeps } from './staff.routes.js';

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/** The catalog's refusal of a form as problems to show, or undefined for any other error. */
function problemsOf(error: unknown): Problem[] | undefined {
  if (!(error instanceof AppError)) return undefined;
  if (error.code === 'metadata.invalid')
    return (error.details?.problems as Problem[] | undefined) ?? [{ field: 'form', message: error.message }];
  if (error.code === 'dataset.exists')
    return [{ field: 'id', message: 'a dataset with this identifier exists; choose another' }];
  return undefined;
}

export function datasetFormRoutes(scope: FastifyInstance, deps: StaffRouteDeps): void {
  const { ctx, pages, datasets, format } = deps;
  const publishers = pages.only('steward');

  async function renderForm(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { mode: 'new' | 'edit'; values: FormValues; problems: Problem[]; currentTitle?: string },
  ) {
    const viewer = ctx.guards.viewer(request);
    const departments = await datasets.departments(viewer);
    const values =
      form.mode === 'new' && form.values.department === '' && departments.length === 1
        ? { ...form.values, department: departments[0]?.id ?? '' }
        : form.values;
    const page = DatasetFormPage({
      staff: pages.info(request, reply),
      mode: form.mode,
      values,
      errors: formErrors(form.problems),
      departments,
      currentTitle: form.currentTitle,
    });
    return pages.send(reply, page, form.problems.length > 0 ? 422 : 200);
  }

  scope.get(
    '/staff/datasets/new',
    { schema: { hide: true }, onRequest: publishers },
    async (request, reply) => renderForm(request, reply, { mode: 'new', values: EMPTY_FORM, problems: [] }),
  );

  scope.post(
    '/staff/datasets/new',
    { schema: { hide: true }, onRequest: publishers },
    async (request, reply) => {
      const values = readForm(request.body);
      const { input, problems } = toCreate(values);
      if (problems.length > 0) return renderForm(request, reply, { mode: 'new', values, problems });
      try {
        const dataset = await datasets.create(input, ctx.guards.viewer(request), actorOf(request));
        return pages.seeOther(reply, `/staff/datasets/${encodeURIComponent(dataset.id)}/data`, 'created');
      } catch (error) {
        const refused = problemsOf(error);
        if (!refused) throw error;
        return renderForm(request, reply, { mode: 'new', values, problems: refused });
      }
    },
  );

  scope.get(
    '/staff/datasets/:id',
    { schema: { hide: true }, onRequest: publishers },
    async (request: IdRequest, reply) => {
      const dataset = await datasets.editable(request.params.id, ctx.guards.viewer(request));
      const page = DatasetOverviewPage({
        staff: pages.info(request, reply),
        dataset,
        imports: await datasets.recentImports(dataset.id),
        format,
        notice: pages.notice(request),
      });
      return pages.send(reply, page);
    },
  );

  scope.get(
    '/staff/datasets/:id/edit',
    { schema: { hide: true }, onRequest: publishers },
    async (request: IdRequest, reply) => {
      const dataset = await datasets.editable(request.params.id, ctx.guards.viewer(request));
      return renderForm(request, reply, { mode: 'edit', values: valuesOf(dataset), problems: [] });
    },
  );

  scope.post(
    '/staff/datasets/:id/edit',
    { schema: { hide: true }, onRequest: publishers },
    async (request: IdRequest, reply) => {
      const viewer = ctx.guards.viewer(request);
      const dataset = await datasets.editable(request.params.id, viewer);
      const before = valuesOf(dataset);
      // The identifier is not the form's to change.
      const values = { ...readForm(request.body), id: dataset.id };
      const { input, problems } = toUpdate(values, before);
      const form = { mode: 'edit' as const, values, currentTitle: dataset.title };
      if (problems.length > 0) return renderForm(request, reply, { ...form, problems });
      if (Object.keys(input).length === 0)
        return pages.seeOther(reply, `/staff/datasets/${encodeURIComponent(dataset.id)}`, 'unchanged');
      try {
        await datasets.update(dataset.id, input, viewer, actorOf(request));
        return pages.seeOther(reply, `/staff/datasets/${encodeURIComponent(dataset.id)}`, 'updated');
      } catch (error) {
        const refused = problemsOf(error);
        if (!refused) throw error;
        return renderForm(request, reply, { ...form, problems: refused });
      }
    },
  );
}
