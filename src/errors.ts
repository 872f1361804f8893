/**
 * The catalogue of errors Plaza shows to clients. Each has a stable machine code that clients may depend on,
 * an HTTP status, and a message that says what to fix.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const errors = {
  badRequest: (code: string, message: string, details?: Record<string, unknown>) =>
    new AppError(code, 400, message, details),
  validation: (message: string, details?: Record<string, unknown>) =>
    new AppError('request.invalid', 400, message, details),
  unknownParameter: (names: string[], allowed: string[]) =>
    new AppError(
      'request.unknown_parameter',
      400,
      `Unknown query parameter${names.length > 1 ? 's' : ''}: ${names.join(', ')}. Allowed: ${allowed.join(', ') || 'none'}.`,
      { unknown: names, allowed },
    ),
  unauthorized: (message = 'Send the admin token as "Authorization: Bearer <token>".') =>
    new AppError('auth.required', 401, message),
  forbidden: (message = 'Your credentials do not allow this action.') =>
    new AppError('auth.forbidden', 403, message),
  adminDisabled: () =>
    new AppError(
      'auth.admin_disabled',
      403,
      'The admin API is disabled: set PLAZA_ADMIN_TOKEN on the server to enable it.',
    ),
  notFound: (message = 'Nothing is published at this address.') =>
    new AppError('route.not_found', 404, message),
  datasetNotFound: (id: string) =>
    new AppError('dataset.not_found', 404, `No dataset with id "${id}". List datasets at /api/v1/datasets.`, {
      id,
    }),
  datasetExists: (id: string) =>
    new AppError('dataset.exists', 409, `A dataset with id "${id}" already exists; choose another id.`, {
      id,
    }),
  datasetNoData: (id: string) =>
    new AppError('dataset.no_data', 404, `Dataset "${id}" has no data imported yet.`, { id }),
  datasetNoGeometry: (id: string) =>
    new AppError(
      'dataset.no_geometry',
      400,
      `Dataset "${id}" has no geometry column, so it has no GeoJSON download; use rows.csv or rows.json.`,
      { id },
    ),
  datasetRestricted: (id: string) =>
    new AppError(
      'dataset.restricted',
      403,
      `The data of "${id}" is restricted; its metadata is public, but the rows need permission from its steward.`,
      { id },
    ),
  departmentNotFound: (id: string) =>
    new AppError('department.not_found', 404, `No department with id "${id}". See /api/v1/departments.`, {
      id,
    }),
  metadataInvalid: (problems: { field: string; message: string }[]) =>
    new AppError(
      'metadata.invalid',
      422,
      `Dataset metadata is invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      { problems },
    ),
  payloadTooLarge: (limit: number) =>
    new AppError('request.too_large', 413, `The upload is larger than the limit of ${limit} bytes.`, {
      limit,
    }),
  unsupportedMediaType: (type: string | undefined, allowed: string[]) =>
    new AppError(
      'request.unsupported_media_type',
      415,
      `Content-Type "${type ?? '(none)'}" is not accepted here; send one of ${allowed.join(', ')}.`,
      { allowed },
    ),
  staBadQuery: (message: string, details?: Record<string, unknown>) =>
    new AppError('sta.bad_query', 400, message, details),
  staBadPath: (message: string, details?: Record<string, unknown>) =>
    new AppError('sta.bad_path', 400, message, details),
  staUnsupported: (message: string, details?: Record<string, unknown>) =>
    new AppError('sta.unsupported', 400, message, details),
  staNotFound: (message: string, details?: Record<string, unknown>) =>
    new AppError('sta.not_found', 404, message, details),
  importBusy: (id: string) =>
    new AppError('import.busy', 409, `Another import into "${id}" is running; retry when it finishes.`, {
      id,
    }),
} as const;

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown>; requestId?: string };
}
