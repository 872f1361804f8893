import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errors } from '../errors.js';
import type { Guards } from '../http/guards.js';
import {
  CategorySchema,
  DatasetCreateSchema,
  DatasetListQuerySchema,
  DatasetListSchema,
  DatasetSchema,
  DatasetUpdateSchema,
  DepartmentInputSchema,
  DepartmentSchema,
  LicenseSchema,
  type DatasetCreate,
  type DatasetListQuery,
  type DatasetUpdate,
  type DepartmentInput,
} from './catalog.schema.js';
import type { CatalogService } from './catalog.service.js';
import { mayEdit } from './visibility.js';

const IdParams = Type.Object({ id: Type.String() });
const ErrorResponse = { $ref: 'Error#' } as const;

export interface DatasetAuditEvent {
  /** `dataset.create`, `dataset.update`, `dataset.publish`, `dataset.unpublish`, `dataset.import` ... */
  action: string;
  datasetId: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Records a change to a dataset in the audit log, with who made it (built in src/web/staff/audit.ts). */
export type DatasetAudit = (request: FastifyRequest, event: DatasetAuditEvent) => Promise<void>;

/**
 * onRequest hook of the dataset write API: admins, and stewards (for their own departments, checked per dataset).
 * Strangers get the admin API's answers: 401 without credentials, 403 for a wrong token.
 */
export function editorsOnly(guards: Guards) {
  const stewards = guards.staff('steward');
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> =>
    guards.principal(request).via === 'anonymous' ? guards.admin(request, reply) : stewards(request, reply);
}

/** The audit action of a metadata change: a change of status publishes or unpublishes the dataset. */
export function updateAction(before: string, after: string | undefined): string {
  if (after === undefined || after === before) return 'dataset.update';
  return after === 'published' ? 'dataset.publish' : 'dataset.unpublish';
}

/** The catalog API: search and read for everyone, write for admins and the stewards of a dataset's department. */
export function catalogRoutes(
  app: FastifyInstance,
  catalog: CatalogService,
  guards: Guards,
  audit: DatasetAudit,
): void {
  const editors = editorsOnly(guards);
  const ownDepartment = (request: FastifyRequest, department: string | undefined) => {
    if (department !== undefined && !mayEdit({ department_id: department }, guards.viewer(request)))
      throw errors.forbidden(`Stewards publish only for their own departments, not for "${department}".`);
  };
  app.get<{ Querystring: DatasetListQuery }>(
    '/api/v1/datasets',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Search the catalog',
        description:
          'Ranked full-text search over titles, descriptions, keywords and column names, with facets.',
        querystring: DatasetListQuerySchema,
        response: { 200: DatasetListSchema, 400: ErrorResponse },
      },
    },
    async (request) => catalog.list(request.query, guards.viewer(request)),
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/datasets/:id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One dataset with full metadata and schema',
        params: IdParams,
        response: { 200: DatasetSchema, 404: ErrorResponse },
      },
    },
    async (request) => catalog.get(request.params.id, guards.viewer(request)),
  );

  app.post<{ Body: DatasetCreate }>(
    '/api/v1/datasets',
    {
      onRequest: editors,
      schema: {
        tags: ['catalog', 'admin'],
        summary: 'Create a dataset (admin, or a steward for their department)',
        security: [{ adminToken: [] }, { session: [] }, { apiKey: [] }],
        body: DatasetCreateSchema,
        response: {
          201: DatasetSchema,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      ownDepartment(request, request.body.department);
      const dataset = await catalog.create(request.body);
      await audit(request, {
        action: 'dataset.create',
        datasetId: dataset.id,
        details: { title: dataset.title, department: dataset.department.id, status: dataset.status },
      });
      return reply.status(201).send(dataset);
    },
  );

  app.patch<{ Params: { id: string }; Body: DatasetUpdate }>(
    '/api/v1/datasets/:id',
    {
      onRequest: editors,
      schema: {
        tags: ['catalog', 'admin'],
        summary: "Update dataset metadata (admin, or a steward of the dataset's department)",
        security: [{ adminToken: [] }, { session: [] }, { apiKey: [] }],
        params: IdParams,
        body: DatasetUpdateSchema,
        response: {
          200: DatasetSchema,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          404: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request) => {
      const viewer = guards.viewer(request);
      const before = await catalog.get(request.params.id, viewer);
      // Another department's dataset does not exist for a steward's writes.
      if (!catalog.mayEdit(before, viewer)) throw errors.datasetNotFound(request.params.id);
      ownDepartment(request, request.body.department);
      const dataset = await catalog.update(before.id, request.body);
      await audit(request, {
        action: updateAction(before.status, request.body.status),
        datasetId: dataset.id,
        details: { fields: Object.keys(request.body), status: dataset.status },
      });
      return dataset;
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/v1/datasets/:id',
    {
      onRequest: guards.admin,
      schema: {
        tags: ['catalog', 'admin'],
        summary: 'Delete a dataset and its data (admin)',
        security: [{ adminToken: [] }],
        params: IdParams,
        response: { 204: Type.Null(), 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request, reply) => {
      await catalog.remove(request.params.id);
      await audit(request, { action: 'dataset.delete', datasetId: request.params.id });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/departments',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Departments that publish datasets',
        response: { 200: Type.Object({ results: Type.Array(DepartmentSchema) }) },
      },
    },
    async (request) => ({ results: await catalog.departments(guards.viewer(request)) }),
  );

  app.put<{ Params: { id: string }; Body: DepartmentInput }>(
    '/api/v1/departments/:id',
    {
      onRequest: guards.admin,
      schema: {
        tags: ['catalog', 'admin'],
        summary: 'Create or update a department (admin)',
        security: [{ adminToken: [] }],
        params: IdParams,
        body: DepartmentInputSchema,
        response: { 204: Type.Null(), 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      await catalog.upsertDepartment({ ...request.body, id: request.params.id });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/categories',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Categories with dataset counts',
        response: { 200: Type.Object({ results: Type.Array(CategorySchema) }) },
      },
    },
    async (request) => ({ results: await catalog.categories(guards.viewer(request)) }),
  );

  app.get(
    '/api/v1/licenses',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Licences used by datasets',
        response: { 200: Type.Object({ results: Type.Array(LicenseSchema) }) },
      },
    },
    async (request) => ({ results: await catalog.licenses(guards.viewer(request)) }),
  );
}
