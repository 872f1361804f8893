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

type Problem = { field: string; message: string };

/** The records desk (public records requests): what may not be done, with the rule that says so. */
export const recordsErrors = {
  notFound: (id: string) =>
    new AppError('records.not_found', 404, `No records request "${id}" that you may see.`, { id }),
  forbidden: (message: string) => new AppError('records.forbidden', 403, message),
  invalid: (problems: Problem[]) =>
    new AppError(
      'records.invalid',
      422,
      `The request is not complete: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
      { problems },
    ),
  closed: (number: string) =>
    new AppError('records.closed', 409, `Request ${number} is closed; nothing more can be done on it.`, {
      number,
    }),
  extensionUsed: (number: string) =>
    new AppError(
      'records.extension_used',
      409,
      `Request ${number} was already extended: the law allows one extension only (Gov. Code 7922.535(b)).`,
      { number },
    ),
  extensionTooLong: (days: number, max: number) =>
    new AppError(
      'records.extension_too_long',
      422,
      `An extension is at most ${max} days (Gov. Code 7922.535(b)), not ${days}.`,
      { days, max },
    ),
  extensionDays: (days: number) =>
    new AppError(
      'records.extension_days',
      422,
      `An extension is a whole number of days from 1, not ${days}.`,
      {
        days,
      },
    ),
  extensionReason: (allowed: readonly string[]) =>
    new AppError(
      'records.extension_reason',
      422,
      `An extension needs one of the unusual circumstances of Gov. Code 7922.535(c): ${allowed.join(', ')}.`,
      { allowed },
    ),
  extensionLate: (number: string, dueDate: string) =>
    new AppError(
      'records.extension_late',
      409,
      `Request ${number} was due on ${dueDate}: the extension notice must be sent within the first period.`,
      { number, dueDate },
    ),
  programmingFeeNotAllowed: (allowed: readonly string[]) =>
    new AppError(
      'records.programming_fee_not_allowed',
      422,
      'A programming or extraction fee is allowed only when the request needs data compilation, extraction or ' +
        'programming, or the record is produced only at scheduled intervals (Gov. Code 7922.575(b)); give the ' +
        `justification: ${allowed.join(', ')}.`,
      { allowed },
    ),
  denialNeedsExemption: () =>
    new AppError(
      'records.denial_needs_exemption',
      422,
      'A denial, full or partial, cites at least one exemption that justifies withholding the records.',
    ),
  denialNeedsResponsible: () =>
    new AppError(
      'records.denial_needs_responsible',
      422,
      'A denial, full or partial, names each person responsible for it, with name and title (Gov. Code 7922.540).',
    ),
  nothingToReconsider: (subject: string) =>
    new AppError('records.nothing_to_reconsider', 409, `This request has no ${subject} to reconsider.`, {
      subject,
    }),
  reconsiderationLate: (until: string) =>
    new AppError(
      'records.reconsideration_late',
      409,
      `The period to ask for a reconsideration ended on ${until}; the remedy now is a petition to the superior ` +
        'court (Gov. Code 7923.000 and following).',
      { until },
    ),
  reconsiderationPending: (id: string) =>
    new AppError('records.reconsideration_pending', 409, 'A reconsideration of this is already pending.', {
      id,
    }),
  reconsiderationDecided: (id: string) =>
    new AppError('records.reconsideration_decided', 409, 'This reconsideration was already decided.', { id }),
  noFile: () => new AppError('records.no_file', 400, 'The form has no file: attach it as "file".'),
} as const;

/** Quality reports (problems with datasets and sensors): what may not be done, with the rule that says so. */
export const reportErrors = {
  notFound: (id: string) =>
    new AppError('report.not_found', 404, `No quality report "${id}" that you may see.`, { id }),
  forbidden: (message: string) => new AppError('report.forbidden', 403, message),
  invalid: (problems: { field: string; code: string; message: string }[]) =>
    new AppError(
      'report.invalid',
      422,
      `The report is not complete: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}.`,
      { problems },
    ),
  unknownDatastream: (datastreamId: number, datasetId: string) =>
    new AppError(
      'report.unknown_datastream',
      400,
      `Datastream ${datastreamId} is not a sensor of dataset "${datasetId}"; leave it out or pick one of the ` +
        `dataset's datastreams (see /api/v1/datasets/${datasetId}/latest).`,
      { datastreamId, datasetId },
    ),
  rateLimited: (retryAfterSeconds: number, limit: string) =>
    new AppError(
      'report.rate_limited',
      429,
      `Too many reports from your address (at most ${limit}); try again in ${Math.ceil(retryAfterSeconds / 60)} ` +
        'minutes, or write to the city if it is urgent.',
      { retryAfter: retryAfterSeconds, limit },
    ),
  reasonRequired: () =>
    new AppError(
      'report.reason_required',
      422,
      "Closing a report as won't fix needs a reason the reporter can read: send it as `note`.",
    ),
  badTransition: (number: string, from: string, to: string, allowed: readonly string[]) =>
    new AppError(
      'report.bad_transition',
      409,
      `Report ${number} is ${from}; it can move to ${allowed.length ? allowed.join(', ') : 'no other status'}, ` +
        `not ${to}.`,
      { number, from, to, allowed },
    ),
  closed: (number: string) =>
    new AppError(
      'report.closed',
      409,
      `Report ${number} is closed; reopen it (status in_progress) to reply or reassign it. Internal notes are ` +
        'still allowed.',
      { number },
    ),
  badAssignee: (userId: string, department: string) =>
    new AppError(
      'report.bad_assignee',
      422,
      `"${userId}" is not an active steward of department "${department}": reports are assigned to their ` +
        "department's stewards.",
      { userId, department },
    ),
} as const;

/** Quality control of sensor data: a configuration that cannot be used. */
export const qcErrors = {
  invalidConfig: (entity: string, problems: readonly { field: string; message: string }[]) =>
    new AppError(
      'qc.invalid_config',
      400,
      `${entity}: properties.${problems[0]?.field ?? 'qc'} ${problems[0]?.message ?? 'is not a quality control configuration'}` +
        (problems.length > 1 ? ` (and ${problems.length - 1} more: see details.problems)` : '') +
        '. See docs/quality-control.md for the shape of properties.qc.',
      { problems: problems.map((p) => ({ field: `properties.${p.field}`, message: p.message })) },
    ),
} as const;

/** The JSON body of every error response. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown>; requestId?: string };
}
