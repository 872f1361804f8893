import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
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

const IdParams = Type.Object({ id: Type.String() });
const ErrorResponse = { $ref: 'Error#' } as const;

/** The catalog API: search and read for everyone, write for admins. */
export function catalogRoutes(app: FastifyInstance, catalog: CatalogService, guards: Guards): void {
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
      onRequest: guards.admin,
      schema: {
        tags: ['catalog', 'admin'],
        summary: 'Create a dataset (admin)',
        security: [{ adminToken: [] }],
        body: DatasetCreateSchema,
        response: {
          201: DatasetSchema,
          400: ErrorResponse,
          401: ErrorResponse,
          409: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request, reply) => reply.status(201).send(await catalog.create(request.body)),
  );

  app.patch<{ Params: { id: string }; Body: DatasetUpdate }>(
    '/api/v1/datasets/:id',
    {
      onRequest: guards.admin,
      schema: {
        tags: ['catalog', 'admin'],
        summary: 'Update dataset metadata (admin)',
        security: [{ adminToken: [] }],
        params: IdParams,
        body: DatasetUpdateSchema,
        response: {
          200: DatasetSchema,
          400: ErrorResponse,
          401: ErrorResponse,
          404: ErrorResponse,
          422: ErrorResponse,
        },
      },
    },
    async (request) => catalog.update(request.params.id, request.body),
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
