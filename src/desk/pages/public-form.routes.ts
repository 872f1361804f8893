/**
 * Filing a request without an account: GET /records (the page and its form), POST /records (check for datasets
 * first, or send), GET /records/filed/{token} (the acknowledgement with the private link).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formToken } from '../../access/form-token.js';
import type { RouteContext } from '../../access/routes-context.js';
import { PUBLIC_VIEWER } from '../../catalog/catalog.service.js';
import { AppError } from '../../errors.js';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  type AttachmentSpool,
  type HeldAttachment,
} from './public-attachments.js';
import { privatePage, sendNotFound } from './public-errors.js';
import { FiledPage } from './public-filed-page.js';
import {
  checkRequestForm,
  EMPTY_VALUES,
  HONEYPOT,
  readRequestForm,
  toNewRequest,
  type RequestFormValues,
  type RequestProblem,
} from './public-form.js';
import { LandingPage } from './public-landing-page.js';
import { receiveRequestForm } from './public-multipart.js';
import type { RequestFormModel } from './public-request-form.js';
import { findSuggestions, type Suggestion } from './public-suggestions.js';

const LIMITS = { files: MAX_ATTACHMENTS, bytes: MAX_ATTACHMENT_BYTES };
const FIELDS = new Set([
  'description',
  'preferredFormat',
  'departmentId',
  'name',
  'email',
  'phone',
  'attachments',
]);

/** The desk's own refusal of a form this page found acceptable, field by field (its words, in English). */
function deskProblems(error: unknown): RequestProblem[] | undefined {
  if (!(error instanceof AppError) || error.code !== 'records.invalid') return undefined;
  const problems = (error.details?.problems ?? []) as { field: string; message: string }[];
  return problems.map((p) => ({
    field: (FIELDS.has(p.field) ? p.field : 'description') as RequestProblem['field'],
    code: 'invalid',
    message: p.message,
  }));
}

/** The private link of a request, as the requester keeps it. */
export const followPath = (token: string) => `/records/follow/${encodeURIComponent(token)}`;

export function requestFormRoutes(scope: FastifyInstance, ctx: RouteContext, spool: AttachmentSpool): void {
  const { pages, services, config } = ctx;
  const hide = { schema: { hide: true } };

  const departments = async () =>
    (await services.catalog.departments(PUBLIC_VIEWER))
      .map((d) => ({ id: d.id, name: d.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: {
      values: RequestFormValues;
      problems?: RequestProblem[];
      kept?: HeldAttachment[];
      suggestions?: Suggestion[];
    },
    status = 200,
  ) => {
    const model: RequestFormModel = {
      site: pages.site(request, { localized: true }),
      csrf: formToken(request, reply, config.publicUrl),
      values: state.values,
      problems: state.problems ?? [],
      departments: await departments(),
      kept: state.kept ?? [],
      suggestions: state.suggestions,
      limits: LIMITS,
    };
    return pages.send(reply, LandingPage({ model }), status);
  };

  // `?department=` comes from a dataset page's "Request data not published here": the form starts with it.
  scope.get('/records', hide, async (request, reply) => {
    const asked = (request.query as { department?: unknown } | undefined)?.department;
    const known = typeof asked === 'string' && (await departments()).some((d) => d.id === asked);
    return page(request, reply, { values: { ...EMPTY_VALUES, departmentId: known ? asked : '' } });
  });

  scope.post('/records', { ...hide, config: { csrf: 'manual' } }, async (request, reply) => {
    const form = await receiveRequestForm(request, spool);
    const csrf = form.fields._csrf ?? '';
    const held = [...(await spool.find(form.keep, csrf)), ...form.received];
    const kept = held.slice(0, MAX_ATTACHMENTS);
    for (const extra of held.slice(MAX_ATTACHMENTS)) await spool.discard(extra.token);
    const { values, formatValid } = readRequestForm(form.fields);
    const known = new Set((await departments()).map((d) => d.id));
    const fileProblems: RequestProblem[] = [
      ...(form.tooLarge ? [{ field: 'attachments', code: 'attachment_too_large' } as const] : []),
      ...(form.tooMany || held.length > MAX_ATTACHMENTS
        ? [{ field: 'attachments', code: 'too_many_attachments' } as const]
        : []),
    ];
    const problems = [
      ...checkRequestForm(values, { departments: known, formatValid, honeypot: form.fields[HONEYPOT] }),
      ...fileProblems,
    ];

    if (form.fields.action === 'check') {
      // The duty to assist comes first: only what stops the search (no description) and refused files are said.
      const blocking = [...problems.filter((p) => p.code === 'required'), ...fileProblems];
      const { city, cityName } = pages.site(request);
      const suggestions =
        values.description === ''
          ? undefined
          : await findSuggestions(services.catalog, values.description, `${city.shortName} ${cityName}`);
      return page(
        request,
        reply,
        { values, problems: blocking, kept, suggestions },
        blocking.length ? 422 : 200,
      );
    }
    if (problems.length > 0) return page(request, reply, { values, problems, kept }, 422);

    let filed;
    try {
      filed = await services.desk.submit(
        toNewRequest(
          values,
          kept.map((f) => ({ fileName: f.fileName, mediaType: f.mediaType, path: f.path })),
        ),
      );
    } catch (error) {
      const refused = deskProblems(error);
      if (!refused) throw error;
      return page(request, reply, { values, problems: refused, kept }, 422);
    }
    // The desk keeps its own copy of each file; the spool's is no longer needed.
    for (const file of kept) await spool.discard(file.token);
    return reply.redirect(`/records/filed/${encodeURIComponent(filed.followToken)}`, 303);
  });

  scope.get<{ Params: { token: string } }>('/records/filed/:token', hide, async (request, reply) => {
    privatePage(reply);
    const detail = await services.desk.byFollowToken(request.params.token);
    if (!detail) return sendNotFound(pages, request, reply);
    const site = pages.site(request, { localized: true });
    const followUrl = `${config.publicUrl}${followPath(request.params.token)}`;
    const emailed = Boolean(detail.requester?.email);
    return pages.send(reply, FiledPage({ site, request: detail, followUrl, emailed }));
  });
}
