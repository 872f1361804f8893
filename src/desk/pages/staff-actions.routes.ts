/**
 * The detail page's forms: each POST reads its form, asks the desk, and answers 303 back to the page with a
 * notice; a refusal shows the page again with the problems next to the fields and what was typed kept.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listOf } from '../../access/grants/page-helpers.js';
import type { RouteContext } from '../../access/routes-context.js';
import { AppError } from '../../errors.js';
import { deskFileStore } from '../records/records.service.js';
import {
  readClose,
  readDecision,
  readExtension,
  readFees,
  readMessage,
  readPublication,
  readRelease,
  reconsiderationPrefix,
  type FormName,
  type Parsed,
  type Problem,
} from './staff-forms.js';
import { problemsOf } from './staff-problems.js';
import type { RenderRequest } from './staff.routes.js';
import { discardUpload, formValues, readReleaseBody, type ReleaseBody } from './staff-upload.js';
import { seesAll, type StaffViewer } from './staff-viewer.js';

type IdRequest = FastifyRequest<{ Params: { id: string; rid?: string } }>;

/** A form the page refuses before asking the desk. */
class Refused extends Error {
  constructor(readonly problems: Problem[]) {
    super('refused');
  }
}

const accept = <T>(parsed: Parsed<T>): T => {
  if (!parsed.ok) throw new Refused(parsed.problems);
  return parsed.input;
};

interface Work {
  id: string;
  viewer: StaffViewer;
  values: Record<string, string>;
  request: IdRequest;
  /** How the desk's refusals map onto the form's fields (set by the work when it knows). */
  mapping: { feeRows?: number[]; prefix?: string };
}

export function staffActionRoutes(
  scope: FastifyInstance,
  deps: {
    ctx: RouteContext;
    render: RenderRequest;
    viewerOf: (request: FastifyRequest) => StaffViewer;
    onRequest: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;
  },
): void {
  const { ctx, render, viewerOf, onRequest } = deps;
  const desk = ctx.services.desk;
  const store = deskFileStore(ctx.config);

  /** Answers a form: 303 back with a notice, or the page again with what to fix. */
  async function answer(
    request: IdRequest,
    reply: FastifyReply,
    form: FormName,
    values: Record<string, string>,
    lists: Record<string, string[]>,
    work: (w: Work) => Promise<string>,
  ) {
    const id = request.params.id;
    const mapping: Work['mapping'] = {};
    try {
      const done = await work({ id, viewer: viewerOf(request), values, request, mapping });
      return reply.redirect(`/staff/records/${encodeURIComponent(id)}?done=${done}`, 303);
    } catch (error) {
      const problems = error instanceof Refused ? error.problems : problemsOf(error, form, mapping);
      if (!problems) throw error;
      const status = error instanceof AppError ? error.status : 422;
      return render(request, reply, id, { form, problems, values, lists }, status);
    }
  }

  const post = (path: string, form: FormName, work: (w: Work) => Promise<string>, lists: string[] = []) =>
    scope.post(
      `/staff/records/:id/${path}`,
      { schema: { hide: true }, onRequest },
      async (request: IdRequest, reply) =>
        answer(
          request,
          reply,
          form,
          formValues(request),
          Object.fromEntries(lists.map((name) => [name, listOf(request, name)])),
          work,
        ),
    );

  post(
    'assign',
    'assign',
    async ({ id, viewer, request }) => {
      // Only the Clerk and admins route to departments; department staff assign people.
      await desk.assign(id, viewer, {
        ...(seesAll(viewer) ? { departments: listOf(request, 'assign-departments') } : {}),
        userIds: listOf(request, 'assign-people'),
      });
      return 'assigned';
    },
    ['assign-departments', 'assign-people'],
  );

  post('messages', 'message', async ({ id, viewer, values }) => {
    const message = accept(readMessage(values));
    await desk.addMessage(id, viewer, message);
    return message.kind === 'public' ? 'message' : 'note';
  });

  post('extension', 'extension', async ({ id, viewer, values }) => {
    await desk.extend(id, viewer, accept(readExtension(values)));
    return 'extended';
  });

  post('reminders', 'reminders', async ({ id, viewer, values }) => {
    const paused = values['reminders-paused'] === '1';
    await desk.setPaused(id, viewer, paused);
    return paused ? 'paused' : 'resumed';
  });

  post('fees', 'fees', async ({ id, viewer, values, mapping }) => {
    const { rows, ...fees } = accept(readFees(values));
    mapping.feeRows = rows;
    await desk.setFees(id, viewer, fees);
    return 'fees';
  });

  post('publication', 'publication', async ({ id, viewer, values }) => {
    const choice = accept(readPublication(values));
    await desk.setPublished(id, viewer, choice.published, choice.reason);
    return choice.published ? 'published' : 'private';
  });

  post('close', 'close', async ({ id, viewer, values }) => {
    await desk.close(id, viewer, accept(readClose(values)));
    return 'closed';
  });

  post('datasets', 'dataset', async ({ id, viewer, values }) => {
    const datasetId = (values['dataset-id'] ?? '').trim();
    if (!datasetId)
      throw new Refused([
        { field: 'dataset-id', message: "Enter the dataset's identifier, as in its address." },
      ]);
    await desk.linkDataset(id, viewer, datasetId);
    return 'linked';
  });

  post('reconsiderations/:rid', 'reconsideration', async ({ id, viewer, values, request, mapping }) => {
    const rid = request.params.rid ?? '';
    mapping.prefix = reconsiderationPrefix(rid);
    await desk.decideReconsideration(id, rid, viewer, accept(readDecision(values, mapping.prefix)));
    return 'decided';
  });

  // The release form may carry a file: multipart, read here (its CSRF token is checked before the file).
  scope.post(
    '/staff/records/:id/documents',
    { schema: { hide: true }, onRequest, config: { csrf: 'manual' } },
    async (request: IdRequest, reply) => {
      const body: ReleaseBody = await readReleaseBody(request, store);
      try {
        return await answer(request, reply, 'release', body.values, {}, async ({ id, viewer, values }) => {
          const document = accept(readRelease(values, body.file));
          await desk.release(id, viewer, {
            ...document,
            ...(document.kind === 'upload' && body.file
              ? { fileName: body.file.fileName, mediaType: body.file.mediaType, path: body.file.path }
              : {}),
          });
          return 'released';
        });
      } finally {
        await discardUpload(store, body);
      }
    },
  );
}
