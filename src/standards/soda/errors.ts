/**
 * Plaza's errors in the shape Socrata's SODA 2.1 answers with, so that its clients show them: a JSON body
 * `{"code", "error": true, "message", "errorCode", "data"}` and the HTTP status Socrata would use. `code` is the
 * documented field (RSocrata prints it); `errorCode` repeats it, as Socrata's newer query service names it;
 * `message` is Plaza's own (sodapy shows it), with the clause and column of a query error; `data` keeps
 * Plaza's code (`plaza_code`) and details.
 */
import { AppError } from '../../errors.js';

export interface SodaErrorBody {
  code: string;
  error: true;
  message: string;
  errorCode: string;
  data: Record<string, unknown>;
}

interface Mapping {
  code: string;
  status?: number;
}

/** Socrata codes of Plaza's errors; the status is Plaza's unless given. */
const MAPPINGS: Readonly<Record<string, Mapping>> = {
  'query.syntax': { code: 'query.compiler.malformed' },
  'query.invalid': { code: 'query.compiler.malformed' },
  'query.unknown_column': { code: 'query.soql.no-such-column' },
  'query.unknown_function': { code: 'query.soql.no-such-function' },
  'query.type': { code: 'query.soql.type-mismatch' },
  'query.timeout': { code: 'execution_timeout', status: 504 },
  'request.unknown_parameter': { code: 'invalid_request' },
  'request.invalid': { code: 'invalid_request' },
  'dataset.not_found': { code: 'not_found' },
  'dataset.no_data': { code: 'not_found' },
  'route.not_found': { code: 'not_found' },
  'dataset.restricted': { code: 'permission_denied' },
  'auth.required': { code: 'authentication_required' },
  'auth.forbidden': { code: 'permission_denied' },
};

/** Socrata's generic codes by HTTP status, for errors without a closer match. */
function codeForStatus(status: number): string {
  switch (status) {
    case 401:
      return 'authentication_required';
    case 403:
      return 'permission_denied';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 408:
    case 504:
      return 'execution_timeout';
    case 409:
      return 'conflict';
    case 429:
      return 'too_many_requests';
    default:
      return status >= 500 ? 'internal' : 'invalid_request';
  }
}

/** The Socrata code and status of a Plaza error. */
export function sodaCode(plazaCode: string, status: number): { code: string; status: number } {
  const mapping = MAPPINGS[plazaCode];
  if (mapping) return { code: mapping.code, status: mapping.status ?? status };
  return { code: codeForStatus(status), status };
}

export interface SodaErrorContext {
  requestId: string;
  /** The request's parameters: the text of the clause an error points into becomes `data.query`. */
  parameters?: Readonly<Record<string, unknown>>;
}

/** A catalogue error as a SODA error response. */
export function sodaError(
  error: AppError,
  context: SodaErrorContext,
): { status: number; body: SodaErrorBody } {
  const { code, status } = sodaCode(error.code, error.status);
  const data: Record<string, unknown> = { plaza_code: error.code, ...error.details };
  // A query error names its clause: Socrata's errors carry the query text, ours the clause's text.
  const clause = error.details?.clause;
  const text =
    typeof clause === 'string' && clause.startsWith('$') ? context.parameters?.[clause] : undefined;
  if (typeof text === 'string') data.query = text;
  if (code === 'query.soql.no-such-column' && typeof error.details?.near === 'string') {
    data.column = error.details.near;
  }
  data.request_id = context.requestId;
  return { status, body: { code, error: true, message: error.message, errorCode: code, data } };
}

/** Any other failure as a SODA error: a plain 500 that names the request, never the cause. */
export function sodaInternalError(requestId: string): { status: number; body: SodaErrorBody } {
  return sodaError(
    new AppError(
      'internal',
      500,
      `Something went wrong on our side. Quote request id ${requestId} when you report it.`,
    ),
    { requestId },
  );
}
